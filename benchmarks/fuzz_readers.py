"""Fuzz the import's readers with deterministic mutants of valid files (tests/mutations.py).

    python benchmarks/fuzz_readers.py                          # 20,000 mutants
    python benchmarks/fuzz_readers.py --mutants 100000 --seconds 900 --jobs 2
    python benchmarks/fuzz_readers.py --start 40000 --mutants 20000 --formats pdf,docx
    python benchmarks/fuzz_readers.py --repro 1309             # one mutant, in this process

Each mutant is read in a worker process exactly as ``run_import`` reads a file (written to a
scratch folder, then size check, sniffing, the reader, segmentation, extraction, hashing), so
a hang can be killed and a memory blow-up stops at the worker's address-space limit without
taking the benchmark down. Prints, per format: mutants, read ok, refused (with the commonest
reasons), crashes, and the slowest file. Every crash (an exception other than the readers'
ReadError, a reason that is not one clean line, an article with a NUL or a lone surrogate, a
file slower than the hang guard, a worker killed or out of memory) is saved to the crash
folder with what happened, and is reproduced by its number with ``--repro``.

Not a timed test: the figures are for finding what is slow, not for comparing runs.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

# absolute(), not resolve(): run through a symlink, the benchmark tests the tree it sits in.
ROOT = Path(__file__).absolute().parents[1]
sys.path.insert(0, str(ROOT))

from tests.mutations import (  # noqa: E402
    TIME_LIMIT_SECONDS,
    Mutant,
    Outcome,
    check_outcome,
    formats,
    mutant,
    read_like_import,
    read_mutant,
    reason_kind,
    seeds,
)


@dataclass(slots=True)
class FormatFigures:
    mutants: int = 0
    ok: int = 0
    refused: int = 0
    crashes: int = 0
    reasons: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: dict[str, int] = field(default_factory=dict)  # a mutant number per reason
    slowest: tuple[float, str] = (0.0, "")
    seconds: float = 0.0


# ---- the worker -----------------------------------------------------------------------------


def _worker(
    connection: Connection, scratch: str, memory_mb: int, in_memory: bool, master: int
) -> None:
    """Read the mutants whose numbers arrive on ``connection``; answer with the Outcome and
    how far the process's peak memory rose while reading it."""
    import resource

    if memory_mb > 0:
        # A blow-up ends in MemoryError in this process, not in the machine's OOM killer.
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    folder = Path(scratch)
    while True:
        number = connection.recv()
        if number is None:
            return
        item = mutant(number, master=master)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if in_memory:
            outcome = check_outcome(lambda item=item: read_mutant(item), len(item.data))
        else:
            path = folder / item.name
            path.write_bytes(item.data)
            try:
                outcome = check_outcome(lambda path=path: read_like_import(path), len(item.data))
            finally:
                path.unlink(missing_ok=True)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        connection.send((outcome, grown))


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    number: int | None = None
    started: float = 0.0


def _start_worker(
    context: multiprocessing.context.BaseContext, args: argparse.Namespace, scratch: str
) -> _Worker:
    parent, child = context.Pipe()
    process = context.Process(
        target=_worker,
        args=(child, scratch, args.memory_mb, args.in_memory, args.master),
        daemon=True,
    )
    process.start()
    child.close()
    return _Worker(process, parent)


def _stop(worker: _Worker) -> None:
    worker.process.kill()
    worker.process.join()
    worker.connection.close()


# ---- the run --------------------------------------------------------------------------------


def _numbers(args: argparse.Namespace) -> list[int]:
    wanted = set(args.formats.split(",")) if args.formats else None
    pool = seeds()
    numbers = range(args.start, args.start + args.mutants)
    if wanted is None:
        return list(numbers)
    # Mutant n is made from seed n mod len(seeds): pick the numbers of the wanted formats.
    return [n for n in numbers if pool[n % len(pool)].format in wanted]


def _save_crash(folder: Path, item: Mutant, detail: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / item.name
    path.write_bytes(item.data)
    path.with_name(path.name + ".crash.txt").write_text(
        f"{item.label}\nformat: {item.format}, seed: {item.seed}, operator: {item.operator}\n"
        f"reproduce: python benchmarks/fuzz_readers.py --repro {item.number}\n\n{detail}\n",
        encoding="utf-8",
    )
    return path


def run(args: argparse.Namespace) -> int:
    numbers = _numbers(args)
    figures: dict[str, FormatFigures] = {name: FormatFigures() for name in formats()}
    crashes: list[tuple[Mutant, str]] = []
    biggest: tuple[int, str] = (0, "")
    context = multiprocessing.get_context("spawn")
    started = time.perf_counter()
    deadline = started + args.seconds if args.seconds else None
    pending = collections.deque(numbers)
    done = 0
    # kill PID: stop like Ctrl+C, so that the workers are stopped and the figures printed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with tempfile.TemporaryDirectory(prefix="briefing-fuzz-") as scratch:
        workers = [_start_worker(context, args, scratch) for _ in range(args.jobs)]
        try:
            while pending or any(w.number is not None for w in workers):
                now = time.perf_counter()
                if deadline is not None and now > deadline:
                    pending.clear()
                for index, worker in enumerate(workers):
                    if worker.number is None and pending:
                        worker.number = pending.popleft()
                        worker.started = time.perf_counter()
                        worker.connection.send(worker.number)
                    if worker.number is None:
                        continue
                    item_number = worker.number
                    result: tuple[Outcome, int] | None = None
                    dead = ""
                    try:
                        if worker.connection.poll(0.01):
                            result = worker.connection.recv()
                    except (EOFError, OSError):
                        dead = f"worker died (exit code {worker.process.exitcode})"
                    elapsed = time.perf_counter() - worker.started
                    if result is None and not dead and elapsed > args.timeout:
                        dead = f"killed after {args.timeout:.0f} s (hang)"
                    if result is None and not dead:
                        continue
                    item = mutant(item_number, master=args.master)
                    if dead:
                        _stop(worker)
                        workers[index] = _start_worker(context, args, scratch)
                        result = (Outcome("crash", dead, 0, elapsed), 0)
                    else:
                        worker.number = None
                    assert result is not None
                    outcome, grown = result
                    done += 1
                    _count(figures[item.format], item, outcome)
                    if grown > biggest[0]:
                        biggest = (grown, item.label)
                    if outcome.status == "crash":
                        saved = _save_crash(Path(args.crash_dir), item, outcome.detail)
                        crashes.append((item, outcome.detail))
                        first = outcome.detail.splitlines()[0] if outcome.detail else ""
                        print(f"CRASH {item.label}: {first[:160]} -> {saved}", flush=True)
                    if args.progress and done % args.progress == 0:
                        rate = done / (time.perf_counter() - started)
                        print(f"... {done:,} mutants, {rate:.0f}/s", file=sys.stderr, flush=True)
        except KeyboardInterrupt:
            print("\nInterrupted: the figures so far.", flush=True)
        finally:
            for worker in workers:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
                worker.process.join(timeout=5)
                if worker.process.is_alive():
                    _stop(worker)
    _print_figures(figures, crashes, biggest, time.perf_counter() - started, args)
    return 1 if crashes else 0


def _count(figures: FormatFigures, item: Mutant, outcome: Outcome) -> None:
    figures.mutants += 1
    figures.seconds += outcome.seconds
    if outcome.status == "ok":
        figures.ok += 1
    elif outcome.status == "refused":
        figures.refused += 1
        kind = reason_kind(outcome.detail)
        figures.reasons[kind] += 1
        figures.examples.setdefault(kind, item.number)
    else:
        figures.crashes += 1
    if outcome.seconds > figures.slowest[0]:
        figures.slowest = (outcome.seconds, item.label + f" [{item.operator}]")


def _print_figures(
    figures: dict[str, FormatFigures],
    crashes: Sequence[tuple[Mutant, str]],
    biggest: tuple[int, str],
    seconds: float,
    args: argparse.Namespace,
) -> None:
    total = sum(f.mutants for f in figures.values())
    path = "read_bytes (in memory)" if args.in_memory else "the import's per-file path"
    print(
        f"\n{total:,} mutants in {seconds:.0f} s ({total / max(seconds, 1e-9):.0f}/s, "
        f"{args.jobs} worker(s), {path}, numbers {args.start}..{args.start + args.mutants - 1})"
    )
    print(f"{'format':<9} {'mutants':>8} {'ok':>7} {'refused':>8} {'crashes':>8} {'mean ms':>8}"
          "  slowest")  # fmt: skip
    for name, f in figures.items():
        if not f.mutants:
            continue
        mean = 1000 * f.seconds / f.mutants
        print(
            f"{name:<9} {f.mutants:>8,} {f.ok:>7,} {f.refused:>8,} {f.crashes:>8,} {mean:>8.1f}"
            f"  {f.slowest[0]:.2f} s {f.slowest[1]}"
        )
    print("\nCommonest refusals per format:")
    for name, f in figures.items():
        for reason, count in f.reasons.most_common(args.reasons):
            print(f"  {name:<9} {count:>6,}  {reason}  (e.g. #{f.examples[reason]})")
    if biggest[0]:
        print(f"\nLargest rise in a worker's peak memory: {biggest[0] / 1024:.0f} MB, {biggest[1]}")
    if crashes:
        print(f"\n{len(crashes)} crash(es), saved in {args.crash_dir}:")
        kinds = collections.Counter(
            (item.format, detail.splitlines()[0][:90] if detail else "") for item, detail in crashes
        )
        for (fmt, first), count in kinds.most_common():
            print(f"  {count:>4} × {fmt}: {first}")
    else:
        print("\nNo crashes.")


def repro(number: int, args: argparse.Namespace) -> int:
    """Read one mutant in this process and show what happened, traceback included."""
    item = mutant(number, master=args.master)
    print(item.label, f"format={item.format} operator={item.operator} name={item.name}")
    print("first bytes:", item.data[:300])
    if args.in_memory:
        outcome = check_outcome(lambda: read_mutant(item), len(item.data))
    else:
        with tempfile.TemporaryDirectory(prefix="briefing-fuzz-") as scratch:
            path = Path(scratch) / item.name
            path.write_bytes(item.data)
            outcome = check_outcome(lambda: read_like_import(path), len(item.data))
    print(f"{outcome.status} in {outcome.seconds:.3f} s, {outcome.articles} article(s)")
    print(outcome.detail)
    return 1 if outcome.status == "crash" else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=20_000, help="how many numbers to run")
    parser.add_argument("--start", type=int, default=0, help="first mutant number")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--formats", default="", help="only these seed formats (comma list)")
    parser.add_argument("--master", type=int, default=0, help="another family of mutants")
    parser.add_argument(
        "--timeout", type=float, default=max(30.0, 6 * TIME_LIMIT_SECONDS),
        help="seconds after which a worker is killed and its mutant counted as a hang",
    )  # fmt: skip
    parser.add_argument("--memory-mb", type=int, default=3072, help="worker address-space cap")
    parser.add_argument("--in-memory", action="store_true", help="read_bytes only, no disk")
    parser.add_argument("--crash-dir", default="fuzz-crashes", help="where crashes are saved")
    parser.add_argument("--reasons", type=int, default=5, help="refusal reasons per format")
    parser.add_argument("--progress", type=int, default=1000, help="report every N mutants")
    parser.add_argument("--repro", type=int, default=None, help="run this one mutant here")
    args = parser.parse_args(argv)
    if args.repro is not None:
        return repro(args.repro, args)
    return run(args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
