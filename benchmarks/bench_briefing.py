"""Briefings on a large store: making one from a query, assembling it, exporting it.

    python benchmarks/bench_import.py --keep     # makes /tmp/briefing-bench/store-100000.sqlite
    python benchmarks/bench_briefing.py [--db STORE] [--search QUERY] [--limit 200]

Works on a copy of the store (upgraded to the current schema without a backup), so the bench
store is left as it was. Prints median (and first) times of: `briefing new-briefing` with
--limit articles (and its parts: the query, the timeline and range-chart snapshots, writing
the items), assemble_document (entity table, key dates and every article's text), the CSV of
the whole view, and exports of the assembled briefing to Markdown, HTML and PDF.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.briefings.assemble import assemble_document
from briefing.briefings.caption import describe_query
from briefing.briefings.chart_snapshot import range_snapshot, timeline_snapshot
from briefing.briefings.document import ArticleBlock, BriefingDocument
from briefing.briefings.model import ItemDraft, ItemKind
from briefing.cli import main as cli_main
from briefing.domain import ArticleQuery
from briefing.export.csv_export import write_articles_csv
from briefing.store import Store
from briefing.store.engine import make_engine
from briefing.store.schema import head_revision, upgrade_to


def timed(label: str, action: Callable[[], object], repeats: int) -> object:
    times = []
    result: object = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    runs = f"median {statistics.median(times) * 1000:8.1f} ms, first {times[0] * 1000:8.1f} ms"
    print(f"{label:<44} {runs}" if repeats > 1 else f"{label:<44} {times[0] * 1000:8.1f} ms")
    return result


def copy_store(source: Path, work: Path) -> Path:
    target = work / "bench-briefing.sqlite"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")
    started = time.perf_counter()
    engine, _ = make_engine(str(target))
    upgrade_to(engine, head_revision())
    engine.dispose()
    print(
        f"copied and upgraded to schema {head_revision()} in {time.perf_counter() - started:.2f} s"
    )
    return target


def run_cli(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out=out, err=err)
    if code != 0:
        raise SystemExit(f"briefing {' '.join(argv)} failed ({code}): {err.getvalue()}")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(tempfile.gettempdir()) / "briefing-bench" / "store-100000.sqlite"
    parser.add_argument("--db", type=Path, default=default)
    parser.add_argument("--search", default="missile", help="the view the briefing is made of")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-export", action="store_true", help="skip the PDF/HTML/MD exports")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no store at {args.db}: run benchmarks/bench_import.py --keep first")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = str(copy_store(args.db, work))
        repeats = args.repeats
        with Store.open(db) as store:
            query = ArticleQuery(search=args.search)
            ids = store.query_article_ids(query)
            print(
                f"store: {store.count_articles():,} articles; "
                f"{args.search!r} matches {len(ids):,}; briefing of {args.limit}"
            )
        first = run_cli(
            "new-briefing", "Bench", "--search", args.search, "--limit", str(args.limit), "--db", db
        )
        print("  " + first.replace("\n", "\n  ").rstrip())
        timed(
            "new-briefing (CLI, in process, --replace)",
            lambda: run_cli(
                "new-briefing",
                "Bench",
                "--search",
                args.search,
                "--limit",
                str(args.limit),
                "--replace",
                "--db",
                db,
            ),
            repeats,
        )
        with Store.open(db) as store:
            ids = timed("  the query", lambda: store.query_article_ids(query), repeats)
            assert isinstance(ids, list)
            caption = describe_query(store, query, count=len(ids))
            timed(
                "  timeline snapshot",
                lambda: timeline_snapshot(store, query, caption=caption),
                repeats,
            )
            timed(
                "  range snapshot", lambda: range_snapshot(store, query, caption=caption), repeats
            )
            provenance = store.provenance_for(ids[: args.limit])
            drafts = [ItemDraft(ItemKind.ARTICLE, provenance=p) for p in provenance]
            scratch = store.create_briefing("Scratch")
            timed(
                f"  add {len(drafts)} article items",
                lambda: store.add_briefing_items(scratch.id, drafts),
                repeats,
            )
            info = store.find_briefing("Bench")
            assert info is not None
            document = timed(
                "assemble_document", lambda: assemble_document(store, info.id), repeats
            )
            assert isinstance(document, BriefingDocument)
            paragraphs = sum(
                len(block.paragraphs)
                for block in document.blocks
                if isinstance(block, ArticleBlock)
            )
            print(f"  {len(document.blocks)} blocks, {paragraphs:,} article paragraphs")
            timed(
                f"export-view CSV ({len(ids):,} articles)",
                lambda: write_articles_csv(store, ids, work / "view.csv"),
                repeats,
            )
            print(f"  {(work / 'view.csv').stat().st_size / 1e6:.1f} MB")
        if not args.no_export:
            for fmt in ("md", "html", "pdf", "docx"):
                target = work / f"bench.{fmt}"
                timed(
                    f"export-briefing --format {fmt}",
                    lambda target=target: run_cli(
                        "export-briefing", "Bench", "-o", str(target), "--db", db
                    ),
                    1,
                )
                print(f"  {target.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
