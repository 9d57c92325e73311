"""Dates and ranges in the store: writing them, and the data behind the two charts.

The timeline reads every date mention of the articles in view. At 100k articles that is about
half a million rows, so — as for entity counts — the store keeps them in memory as numpy arrays
(reloaded when a write bumps ``store_meta.date_generation``) and filters those by the ids of the
articles in view, instead of running a GROUP BY per redraw.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine

from briefing.domain import (
    DATE_PRECISIONS,
    DateContext,
    DateMention,
    DatePoints,
    EntityType,
    RangeKind,
    RangeMention,
    RangeQualifier,
    RangeRow,
    StatedRange,
    TreatyBand,
)
from briefing.store.entity_store import name_key

# A stated range this far from the reference range is flagged on the chart.
DIFFERS_BY = 0.15
_PRECISION_CODE = {precision.value: code for code, precision in enumerate(DATE_PRECISIONS)}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _ordinal(value: Any) -> int:
    return dt.date.fromisoformat(str(value)[:10]).toordinal()


class TimeRangeStoreMixin:
    """The dates-and-ranges half of :class:`briefing.store.Store`."""

    _engine: Engine
    _date_cache: tuple[int, tuple[np.ndarray, ...]] | None = None
    _range_cache: tuple[int, list[Any]] | None = None
    _published_cache: tuple[int, np.ndarray, np.ndarray] | None = None

    # -- writing -------------------------------------------------------------------------------

    def _write_dates_ranges(
        self,
        connection: Connection,
        by_article: Sequence[tuple[int, Sequence[DateMention], Sequence[RangeMention]]],
    ) -> None:
        """Replace these articles' dates and ranges (temp_ids must hold the same articles)."""
        if not by_article:
            return
        ids = [(article_id,) for article_id, _, _ in by_article]
        connection.exec_driver_sql("DELETE FROM date_mentions WHERE article_id = ?", ids)
        connection.exec_driver_sql("DELETE FROM range_facts WHERE article_id = ?", ids)
        dates = [
            (
                article_id,
                d.field,
                d.start,
                d.end,
                d.text,
                str(d.precision),
                _iso(d.date_start),
                _iso(d.date_end),
                d.value,
                int(d.year_inferred),
                int(d.relative),
                d.sentence_start,
                d.sentence_end,
            )
            for article_id, article_dates, _ in by_article
            for d in article_dates
        ]
        if dates:
            connection.exec_driver_sql(
                'INSERT INTO date_mentions(article_id, field, start, "end", text, precision, '
                "date_start, date_end, value, year_inferred, relative, sentence_start, "
                "sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                dates,
            )
        ranges = [
            (
                article_id,
                r.field,
                r.start,
                r.end,
                r.text,
                r.min_km,
                r.max_km,
                str(r.qualifier),
                r.unit,
                str(r.kind),
                str(r.subject_type) if r.subject_type else None,
                name_key(r.subject) if r.subject else None,
                r.subject,
                r.via,
                r.sentence_start,
                r.sentence_end,
            )
            for article_id, _, article_ranges in by_article
            for r in article_ranges
        ]
        if ranges:
            connection.exec_driver_sql(
                'INSERT INTO range_facts(article_id, field, start, "end", text, min_km, max_km, '
                "qualifier, unit, kind, subject_type, subject_key, subject_name, via, "
                "sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                ranges,
            )
        connection.exec_driver_sql(
            "UPDATE store_meta SET value = value + 1 WHERE key = 'date_generation'"
        )

    def replace_dates_ranges(
        self, by_article: Sequence[tuple[int, Sequence[DateMention], Sequence[RangeMention]]]
    ) -> None:
        with self._write() as connection, connection.begin():  # type: ignore[attr-defined]
            self._write_dates_ranges(connection, by_article)

    def set_inferred_publication_dates(self, values: Sequence[tuple[int, dt.date, str]]) -> None:
        """(article id, date, confidence) for articles whose date is still unknown."""
        if not values:
            return
        with self._write() as connection, connection.begin():  # type: ignore[attr-defined]
            connection.exec_driver_sql(
                "UPDATE articles SET published = ?, date_source = 'inferred', "
                "date_confidence = ? WHERE id = ? AND published IS NULL",
                [
                    (day.isoformat(), confidence, article_id)
                    for article_id, day, confidence in values
                ],
            )
            connection.exec_driver_sql(
                "UPDATE store_meta SET value = value + 1 WHERE key = 'date_generation'"
            )

    # -- the timeline -----------------------------------------------------------------------

    def _date_arrays(self, connection: Connection) -> tuple[np.ndarray, ...]:
        generation = int(
            connection.exec_driver_sql(
                "SELECT value FROM store_meta WHERE key = 'date_generation'"
            ).scalar_one()
        )
        cached = self._date_cache
        if cached is not None and cached[0] == generation:
            return cached[1]
        cursor = connection.connection.driver_connection.execute(  # type: ignore[union-attr]
            "SELECT id, article_id, CAST(julianday(date_start) - 1721424.5 AS INTEGER), "
            "CAST(julianday(date_end) - 1721424.5 AS INTEGER), precision FROM date_mentions "
            "WHERE date_start IS NOT NULL ORDER BY article_id"
        )
        rows = [
            (mention_id, article_id, start, end, _PRECISION_CODE.get(precision, 0))
            for mention_id, article_id, start, end, precision in cursor
        ]
        flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64)
        table = flat.reshape(-1, 5)
        arrays = tuple(table[:, k].copy() for k in range(5))
        self._date_cache = (generation, arrays)
        return arrays

    def date_points(self, article_ids: Sequence[int] | None) -> DatePoints:
        """Resolved date mentions of these articles (None: of every article)."""
        with self._engine.connect() as connection:
            mention_ids, articles, starts, ends, precisions = self._date_arrays(connection)
        if article_ids is not None:
            wanted = np.sort(np.asarray(article_ids, dtype=np.int64))
            if len(wanted) == 0:
                mask = np.zeros(len(articles), dtype=bool)
            else:
                positions = np.searchsorted(wanted, articles)
                positions[positions >= len(wanted)] = 0
                mask = wanted[positions] == articles
            mention_ids, articles, starts, ends, precisions = (
                mention_ids[mask],
                articles[mask],
                starts[mask],
                ends[mask],
                precisions[mask],
            )
        return DatePoints(mention_ids, articles, starts, ends, precisions)

    def date_context(self, mention_id: int) -> DateContext | None:
        with self._engine.connect() as connection:
            row = connection.exec_driver_sql(
                'SELECT d.id, d.article_id, a.title, d.field, d.start, d."end", d.text, '
                "d.sentence_start, d.sentence_end, d.value, a.title, a.deck, a.body "
                "FROM date_mentions d JOIN articles a ON a.id = d.article_id WHERE d.id = ?",
                (mention_id,),
            ).first()
        if row is None:
            return None
        source = {"title": row[10], "deck": row[11], "body": row[12]}.get(row[3], "")
        sentence = source[row[7] : row[8]] if row[8] > row[7] else row[6]
        return DateContext(
            mention_id=int(row[0]),
            article_id=int(row[1]),
            title=row[2],
            field=row[3],
            start=int(row[4]),
            end=int(row[5]),
            text=row[6],
            sentence=sentence,
            value=row[9],
        )

    def article_dates(self, article_id: int) -> list[DateMention]:
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(
                'SELECT field, start, "end", text, precision, date_start, date_end, value, '
                "year_inferred, relative, sentence_start, sentence_end FROM date_mentions "
                "WHERE article_id = ? ORDER BY field, start",
                (article_id,),
            ).fetchall()
        return [
            DateMention(
                field=r[0],
                start=int(r[1]),
                end=int(r[2]),
                text=r[3],
                precision=DATE_PRECISIONS[_PRECISION_CODE.get(r[4], 0)],
                date_start=dt.date.fromisoformat(r[5]) if r[5] else None,
                date_end=dt.date.fromisoformat(r[6]) if r[6] else None,
                value=r[7],
                year_inferred=bool(r[8]),
                relative=bool(r[9]),
                sentence_start=int(r[10]),
                sentence_end=int(r[11]),
            )
            for r in rows
        ]

    def article_ranges(self, article_id: int) -> list[tuple[int, RangeMention]]:
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(
                'SELECT id, field, start, "end", text, min_km, max_km, qualifier, unit, kind, '
                "subject_name, subject_type, via, sentence_start, sentence_end FROM range_facts "
                "WHERE article_id = ? ORDER BY field, start",
                (article_id,),
            ).fetchall()
        return [
            (
                int(r[0]),
                RangeMention(
                    field=r[1],
                    start=int(r[2]),
                    end=int(r[3]),
                    text=r[4],
                    min_km=r[5],
                    max_km=r[6],
                    qualifier=RangeQualifier(r[7]),
                    unit=r[8],
                    kind=RangeKind(r[9]),
                    subject=r[10],
                    subject_type=EntityType(r[11]) if r[11] else None,
                    via=r[12],
                    sentence_start=int(r[13]),
                    sentence_end=int(r[14]),
                ),
            )
            for r in rows
        ]

    # -- the range chart ----------------------------------------------------------------------

    def range_rows(self, article_ids: Sequence[int] | None) -> list[RangeRow]:
        """One row per subject stated in the articles (ranges only, not distances)."""
        with self._engine.connect() as connection:
            all_facts = self._range_facts(connection)
            rows_by_id = {
                int(r[0]): (int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6])
                for r in connection.exec_driver_sql(
                    "SELECT id, type, canonical_key, name, attributes_json, merged_into, hidden "
                    "FROM entities WHERE type IN ('WEAPON', 'TREATY')"
                )
            }
        if article_ids is None:
            facts = all_facts
        else:
            wanted = set(article_ids)
            facts = [fact for fact in all_facts if fact[1] in wanted]
        entities: dict[tuple[str, str], tuple[int, str, str, Any, Any]] = {}
        for entity_id, etype, key, name, attributes, merged_into, hidden in rows_by_id.values():
            target = rows_by_id.get(merged_into) if merged_into is not None else None
            seen = {entity_id}
            # Facts of a merged entity belong to the entity it was merged into.
            while target is not None and target[5] is not None and target[0] not in seen:
                seen.add(target[0])
                target = rows_by_id.get(target[5])
            chosen = target or (entity_id, etype, key, name, attributes, merged_into, hidden)
            entities[(etype, key)] = (chosen[0], chosen[3], chosen[4], chosen[5], chosen[6])
        grouped: dict[tuple[str, str], list[Any]] = defaultdict(list)
        for fact in facts:
            grouped[(fact[6], fact[7])].append(fact)
        rows = []
        for (subject_type, subject_key), subject_facts in grouped.items():
            entity = entities.get((subject_type, subject_key))
            if entity is not None and entity[4]:
                continue  # hidden by the analyst
            entity_id = entity[0] if entity else None
            name = entity[1] if entity else subject_facts[0][8]
            attributes = json.loads(entity[2]) if entity else {}
            reference = attributes.get("range_km")
            figures: dict[tuple[Any, Any, str, str], list[Any]] = defaultdict(list)
            for fact in subject_facts:
                figures[(fact[2], fact[3], fact[4], fact[5])].append(fact)
            stated = []
            for (low, high, qualifier, via), same in sorted(
                figures.items(), key=lambda item: item[0][1] or item[0][0] or 0
            ):
                figure = high if high is not None else low
                differs = bool(
                    reference
                    and figure
                    and not via
                    and abs(figure - reference) / reference > DIFFERS_BY
                )
                stated.append(
                    StatedRange(
                        min_km=low,
                        max_km=high,
                        qualifier=RangeQualifier(qualifier),
                        articles=len({f[1] for f in same}),
                        fact_ids=tuple(int(f[0]) for f in same),
                        via=via,
                        differs=differs,
                    )
                )
            rows.append(
                RangeRow(
                    entity_id=entity_id,
                    name=name,
                    type=EntityType(subject_type) if subject_type else None,
                    origin=str(attributes.get("origin", attributes.get("country", "")) or ""),
                    weapon_class=str(attributes.get("class", "") or ""),
                    reference_km=reference,
                    reference_min_km=attributes.get("range_min_km"),
                    reference_source=str(attributes.get("source", "") or ""),
                    stated=tuple(stated),
                )
            )
        rows.sort(key=lambda row: (-sum(s.articles for s in row.stated), row.name.casefold()))
        return rows

    def _range_facts(self, connection: Connection) -> list[Any]:
        """Every stated range (a few per hundred articles), cached until the next date write."""
        generation = int(
            connection.exec_driver_sql(
                "SELECT value FROM store_meta WHERE key = 'date_generation'"
            ).scalar_one()
        )
        cached = self._range_cache
        if cached is not None and cached[0] == generation:
            return cached[1]
        facts = [
            tuple(row)
            for row in connection.exec_driver_sql(
                "SELECT r.id, r.article_id, r.min_km, r.max_km, r.qualifier, r.via, "
                "r.subject_type, r.subject_key, r.subject_name FROM range_facts r "
                "WHERE r.kind = 'range' AND r.subject_key IS NOT NULL"
            )
        ]
        self._range_cache = (generation, facts)
        return facts

    def published_points(self, article_ids: Sequence[int] | None) -> tuple[np.ndarray, np.ndarray]:
        """(article ids, publication date ordinals) of the articles in view with a known date."""
        with self._engine.connect() as connection:
            generation = int(
                connection.exec_driver_sql(
                    "SELECT value FROM store_meta WHERE key = 'date_generation'"
                ).scalar_one()
            )
            cached = self._published_cache
            if cached is None or cached[0] != generation:
                rows = connection.exec_driver_sql(
                    "SELECT id, CAST(julianday(published) - 1721424.5 AS INTEGER) FROM articles "
                    "WHERE published IS NOT NULL ORDER BY id"
                ).fetchall()
                ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
                days = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
                cached = (generation, ids, days)
                self._published_cache = cached
        ids, days = cached[1], cached[2]
        if article_ids is not None:
            keep = np.isin(ids, np.asarray(article_ids, dtype=np.int64))
            ids, days = ids[keep], days[keep]
        return ids, days

    def treaty_bands(self) -> list[TreatyBand]:
        """Range bands of the treaties the store's articles mention (INF: 500–5,500 km)."""
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT name, attributes_json FROM entities WHERE type = 'TREATY' "
                "AND merged_into IS NULL AND hidden = 0 AND article_count > 0"
            ).fetchall()
        bands = []
        for name, raw in rows:
            attributes = json.loads(raw or "{}")
            band = attributes.get("band_km")
            if isinstance(band, list) and len(band) == 2 and band[0] is not None:
                bands.append(
                    TreatyBand(
                        name=name,
                        min_km=float(band[0]),
                        max_km=float(band[1]) if band[1] is not None else None,
                        label=str(attributes.get("band_label", name)),
                    )
                )
        return sorted(bands, key=lambda b: b.min_km)
