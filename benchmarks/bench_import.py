"""Import throughput and time to a painted main window on a large synthetic corpus.

    python benchmarks/bench_import.py                 # 100k articles (generates the corpus)
    python benchmarks/bench_import.py --articles 20000 --keep

Prints: articles/s for a CLI import (`briefing import`), then the time from launching the GUI
(`python main.py --db STORE`) to its first painted main window with the list filled.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(
    argv: list[str], *, extra_env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(extra_env or {})}
    return subprocess.run(
        argv, env=env, text=True, capture_output=True, check=False, timeout=timeout
    )


def generate(articles: int, out: Path) -> None:
    if (out / "corpus_manifest.json").exists():
        manifest = json.loads((out / "corpus_manifest.json").read_text())
        if manifest.get("articles") == articles:
            return
    shutil.rmtree(out, ignore_errors=True)
    result = _run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "gen_corpus.py"),
            "--articles",
            str(articles),
            "--out",
            str(out),
        ]
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr)


def bench_import(corpus: Path, store: Path) -> dict[str, float]:
    store.unlink(missing_ok=True)
    started = time.perf_counter()
    result = _run(
        [sys.executable, "-m", "briefing", "import", str(corpus), "--db", str(store), "-q"]
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    with sqlite3.connect(store) as raw:
        stored = raw.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    # "Imported N articles ...: D duplicates skipped": every article read counts.
    summary = re.search(r"Imported (\d+) articles .*?: (\d+) duplicates", result.stdout)
    if summary is None:
        raise SystemExit(f"unexpected import output: {result.stdout}")
    seen = int(summary.group(1)) + int(summary.group(2))
    return {"seconds": seconds, "stored": stored, "seen": seen, "rate": seen / seconds}


def bench_window(store: Path, repeats: int) -> list[float]:
    env_extra = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = _run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(store), "--quit-after-paint"],
            timeout=120,
            extra_env=env_extra,
        )
        wall = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        painted = [
            line for line in result.stdout.splitlines() if line.startswith("painted_after_ms=")
        ]
        times.append(float(painted[-1].split("=")[1]) / 1000 if painted else wall)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "briefing-bench")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the store afterwards")
    args = parser.parse_args(argv)
    corpus = args.work / f"corpus-{args.articles}"
    store = args.work / f"store-{args.articles}.sqlite"
    args.work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    generate(args.articles, corpus)
    print(f"corpus: {args.articles} articles in {corpus} ({time.perf_counter() - t0:.1f} s)")
    figures = bench_import(corpus, store)
    print(
        f"import: {figures['seen']:,} articles read, {figures['stored']:,} stored "
        f"in {figures['seconds']:.1f} s = {figures['rate']:,.0f} articles/s"
    )
    print(f"store size: {store.stat().st_size / 2**20:.0f} MiB")
    times = bench_window(store, args.repeats)
    print(
        "launch to painted window: "
        + ", ".join(f"{t:.2f}" for t in times)
        + f" s (median {statistics.median(times):.2f} s)"
    )
    if not args.keep:
        for path in store.parent.glob(store.name + "*"):
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
