"""Timeline and range-chart data on a large store: the date-range filter and chart queries.

    python benchmarks/bench_import.py --keep     # makes /tmp/briefing-bench/store-100000.sqlite
    python benchmarks/bench_time_range.py [--db STORE]

Prints the number of date mentions and range facts, then median (and first) times of: the
date-range filter query (article ids in a one-year window), the timeline's data for the whole
store and for a filtered view, the range chart's rows, and — when Qt is available — the
redraw of the two chart widgets after a filter change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.domain import ArticleQuery
from briefing.store import Store


def timed(label: str, action: Callable[[], object], repeats: int = 5) -> None:
    times = []
    result: object = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    size = len(result) if hasattr(result, "__len__") else ""  # type: ignore[arg-type]
    print(
        f"{label:<46} median {statistics.median(times) * 1000:6.1f} ms, "
        f"first {times[0] * 1000:6.1f} ms ({size})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(tempfile.gettempdir()) / "briefing-bench" / "store-100000.sqlite"
    parser.add_argument("--db", type=Path, default=default)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no store at {args.db}: run benchmarks/bench_import.py --keep first")
        return 1
    with Store.open(args.db) as store:
        with store._engine.connect() as connection:
            dates = connection.exec_driver_sql("SELECT COUNT(*) FROM date_mentions").scalar_one()
            ranges = connection.exec_driver_sql("SELECT COUNT(*) FROM range_facts").scalar_one()
        print(
            f"store: {store.count_articles():,} articles, {dates:,} date mentions, "
            f"{ranges:,} range facts"
        )
        year = ArticleQuery(date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 12, 31))
        timed("date-range filter query (one year)", lambda: store.query_article_ids(year))
        everything = store.query_article_ids(ArticleQuery())
        some = store.query_article_ids(ArticleQuery(search="missile"))
        timed("timeline data, whole store", lambda: store.date_points(None).starts)
        timed("timeline data, search 'missile'", lambda: store.date_points(some).starts)
        timed("range chart rows, whole store", lambda: store.range_rows(everything))
        timed("range chart rows, search 'missile'", lambda: store.range_rows(some))
        try:
            bench_widgets(store, some)
        except ImportError as exc:
            print(f"(chart redraw not measured: {exc})")
    return 0


def bench_widgets(store: Store, view_ids: list[int]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from briefing.ui.chart_bench import redraw_times  # the UI owns how its charts redraw

    for label, seconds in redraw_times(store, view_ids):
        print(f"{label:<46} median {seconds * 1000:6.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
