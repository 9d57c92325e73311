"""Reads of several articles at once that briefings, exports and the view export need:
whole articles, their entities with counts, the dates they mention with the sentence around
each, and each article's most-mentioned names. Ids are looked up a few hundred at a time (one
query per chunk, never one per article)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine

from briefing.domain import DATE_PRECISIONS, Article, DateMention, EntityCount, EntityType

# SQLite allows 32k bound parameters per statement; stay far below for IN (...) lookups.
IN_CHUNK = 500
_PRECISION = {precision.value: precision for precision in DATE_PRECISIONS}


def chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class ArticleReadsMixin:
    """Part of :class:`briefing.store.Store` (it supplies ``_engine``, ``_fill_temp_ids`` and
    ``_article_from_row``)."""

    _engine: Engine
    _fill_temp_ids: Callable[[Connection, Iterable[int]], None]
    _article_from_row: Callable[[Any], Article]

    def get_articles(self, article_ids: Sequence[int]) -> list[Article]:
        """Whole articles, in the order given (ids not in the store are left out); one query
        per few hundred ids instead of one per article."""
        # Imported here: store.py imports this module to build the Store class.
        from briefing.store.store import _ARTICLE_COLUMNS

        found: dict[int, Article] = {}
        with self._engine.connect() as connection:
            for chunk in chunks(list(article_ids)):
                marks = ",".join("?" * len(chunk))
                for row in connection.exec_driver_sql(
                    f"SELECT {_ARTICLE_COLUMNS} FROM articles a "
                    f"JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks})",
                    tuple(chunk),
                ):
                    found[int(row[0])] = self._article_from_row(row)
        return [found[i] for i in article_ids if i in found]

    def entity_mention_counts(
        self,
        article_ids: Sequence[int],
        *,
        types: Sequence[EntityType] | None = None,
        limit: int | None = None,
    ) -> list[tuple[EntityCount, int]]:
        """(entity with the number of these articles mentioning it, total mentions), by
        articles then mentions. Names and types are the analyst's corrected ones (the facet
        rows follow merges and splits); hidden entities are left out."""
        wanted_types = {str(t) for t in types} if types else None
        with self._engine.connect() as connection:
            self._fill_temp_ids(connection, article_ids)
            rows = connection.exec_driver_sql(
                "SELECT e.id, e.name, e.type, COUNT(*), SUM(ae.mentions) "
                "FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                "WHERE ae.article_id IN (SELECT id FROM temp_ids) AND e.hidden = 0 "
                "GROUP BY e.id"
            ).fetchall()
            connection.rollback()
        counted = [
            (EntityCount(int(r[0]), r[1], EntityType(r[2]), int(r[3])), int(r[4] or 0))
            for r in rows
            if wanted_types is None or r[2] in wanted_types
        ]
        counted.sort(key=lambda c: (-c[0].articles, -c[1], c[0].name.casefold(), c[0].id))
        return counted[:limit] if limit else counted

    def article_date_sentences(
        self, article_ids: Sequence[int]
    ) -> list[tuple[int, DateMention, str]]:
        """(article id, date mention, the sentence around it) for the resolved dates these
        articles mention, in article order given, then text order."""
        rank = {article_id: k for k, article_id in enumerate(dict.fromkeys(article_ids))}
        result: list[tuple[int, DateMention, str]] = []
        with self._engine.connect() as connection:
            for chunk in chunks(list(rank)):
                marks = ",".join("?" * len(chunk))
                rows = connection.exec_driver_sql(
                    'SELECT d.article_id, d.field, d.start, d."end", d.text, d.precision, '
                    "d.date_start, d.date_end, d.value, d.year_inferred, d.relative, "
                    "d.sentence_start, d.sentence_end, a.title, a.deck, a.body "
                    "FROM date_mentions d JOIN articles a ON a.id = d.article_id "
                    f"WHERE d.article_id IN ({marks}) AND d.date_start IS NOT NULL",
                    tuple(chunk),
                ).fetchall()
                for r in rows:
                    mention = DateMention(
                        field=r[1],
                        start=int(r[2]),
                        end=int(r[3]),
                        text=r[4],
                        precision=_PRECISION.get(r[5], DATE_PRECISIONS[0]),
                        date_start=dt.date.fromisoformat(r[6][:10]),
                        date_end=dt.date.fromisoformat(r[7][:10]) if r[7] else None,
                        value=r[8],
                        year_inferred=bool(r[9]),
                        relative=bool(r[10]),
                        sentence_start=int(r[11]),
                        sentence_end=int(r[12]),
                    )
                    source = {"title": r[13], "deck": r[14], "body": r[15]}.get(r[1]) or ""
                    sentence = (
                        source[mention.sentence_start : mention.sentence_end]
                        if mention.sentence_end > mention.sentence_start
                        else mention.text
                    )
                    result.append((int(r[0]), mention, sentence))
        result.sort(key=lambda entry: (rank[entry[0]], entry[1].field, entry[1].start))
        return result

    def article_entity_names(
        self, article_ids: Sequence[int], per_article: int = 8
    ) -> dict[int, list[str]]:
        """The names of each article's most-mentioned entities (hidden ones left out)."""
        names: dict[int, list[str]] = {}
        with self._engine.connect() as connection:
            for chunk in chunks(list(article_ids)):
                marks = ",".join("?" * len(chunk))
                for article_id, name in connection.exec_driver_sql(
                    "SELECT ae.article_id, e.name FROM article_entities ae "
                    "JOIN entities e ON e.id = ae.entity_id "
                    f"WHERE ae.article_id IN ({marks}) AND e.hidden = 0 "
                    "ORDER BY ae.article_id, ae.mentions DESC, e.name COLLATE NOCASE",
                    tuple(chunk),
                ):
                    kept = names.setdefault(int(article_id), [])
                    if len(kept) < per_article:
                        kept.append(name)
        return names
