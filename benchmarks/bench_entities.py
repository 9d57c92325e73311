"""Sidebar (entity facet) query times on a large store, and the extraction rate.

    python benchmarks/bench_import.py --keep   # makes /tmp/briefing-bench/store-100000.sqlite
    python benchmarks/bench_entities.py [--db STORE]

Prints the store's size in articles and mentions, then median times of: the whole-store entity
counts, counts under a search, under an entity filter, under a search and an entity filter,
the entity-filtered article list, and extraction alone on a sample of stored articles.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.domain import ArticleQuery, EntityMode, ParsedArticle
from briefing.extract import default_extractor
from briefing.store import Store


def timed(label: str, action: Callable[[], object], repeats: int = 5) -> None:
    times = []
    result: object = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    size = len(result) if isinstance(result, list) else ""
    print(
        f"{label:<46} median {statistics.median(times) * 1000:6.1f} ms, "
        f"first {times[0] * 1000:6.1f} ms ({size} rows)"
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
            mentions = connection.exec_driver_sql("SELECT COUNT(*) FROM mentions").scalar_one()
            facets = connection.exec_driver_sql(
                "SELECT COUNT(*) FROM article_entities"
            ).scalar_one()
        print(
            f"store: {store.count_articles():,} articles, {mentions:,} mentions, "
            f"{facets:,} article-entity rows"
        )
        top = store.entity_counts(ArticleQuery(), limit=3)
        first, second = top[0].id, top[1].id
        timed("entity counts, whole store", lambda: store.entity_counts(ArticleQuery()))
        timed(
            "entity counts, search 'missile'",
            lambda: store.entity_counts(ArticleQuery(search="missile")),
        )
        timed(
            f"entity counts, filter {top[0].name!r}",
            lambda: store.entity_counts(ArticleQuery(entities=(first,))),
        )
        timed(
            "entity counts, two entities OR",
            lambda: store.entity_counts(
                ArticleQuery(entities=(first, second), entity_mode=EntityMode.ANY)
            ),
        )
        timed(
            "entity counts, search 'treaty' + entity",
            lambda: store.entity_counts(ArticleQuery(search="treaty", entities=(first,))),
        )
        timed(
            "article ids, entity filter",
            lambda: store.query_article_ids(ArticleQuery(entities=(first,))),
        )
        sample = [store.get_article(i) for i in range(1, 2001)]
        parsed = [ParsedArticle(title=a.title, body=a.body, deck=a.deck) for a in sample if a]
        extractor = default_extractor()
        started = time.perf_counter()
        for article in parsed:
            extractor.extract(article)
        seconds = time.perf_counter() - started
        print(f"{'extraction alone (one process)':<52} {len(parsed) / seconds:8.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
