"""Entities in the store: writing mentions, facet counts, and the analyst's corrections.

Mentions point at entity *keys* — (type, canonical name, surface form) — and keys at entities.
That indirection is what lets corrections survive re-extraction: re-extracting recreates the
same keys, and a key moved by a merge or a split stays moved. ``article_entities`` is the
precomputed facet (which entities each article mentions, after corrections) behind the sidebar
counts and the entity filters.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine

from briefing.domain import (
    ArticleMention,
    Entity,
    EntityCount,
    EntityType,
    Mention,
)

_KEY_JUNK = re.compile(r"[\s.’'`´\u2019-]+")


def name_key(text: str) -> str:
    """How names compare: case, spacing, dots, apostrophes and hyphens do not matter."""
    return _KEY_JUNK.sub(" ", text.casefold()).strip()


@dataclass(frozen=True, slots=True)
class MergeUndo:
    source_id: int
    target_id: int
    key_ids: tuple[int, ...]
    source_hidden: bool


@dataclass(frozen=True, slots=True)
class SplitUndo:
    from_entity_id: int
    new_entity_id: int
    key_ids: tuple[int, ...]


# Below this many articles in view, SQL's GROUP BY is quicker than the in-memory arrays.
_ARRAY_COUNTS_FROM = 4000


class EntityStoreMixin:
    """The entity half of :class:`briefing.store.Store` (it supplies ``_engine`` and ``_write``)."""

    _engine: Engine
    # (facet generation, article ids, entity ids): article_entities in memory, sorted by
    # article, for counts over large filtered views (numpy: ~20 ms instead of ~250 ms at 1M).
    _facet_cache: tuple[int, np.ndarray, np.ndarray] | None = None

    # Store provides it: a connection whose transactions take the write lock up front.
    _write: Callable[[], Connection]

    # -- writing mentions (import, re-extraction) --------------------------------------------

    def _entity_for_key(
        self, connection: Connection, etype: str, canonical: str, attributes: dict[str, Any]
    ) -> int:
        """The entity new keys of (type, canonical) belong to, created on first sight."""
        ckey = name_key(canonical)
        row = connection.exec_driver_sql(
            "SELECT id, merged_into FROM entities WHERE type = ? AND canonical_key = ?",
            (etype, ckey),
        ).first()
        if row is None:
            connection.exec_driver_sql(
                "INSERT INTO entities(type, name, canonical_key, attributes_json) VALUES (?,?,?,?)",
                (etype, canonical, ckey, json.dumps(attributes, ensure_ascii=False)),
            )
            return int(
                connection.exec_driver_sql(
                    "SELECT id FROM entities WHERE type = ? AND canonical_key = ?", (etype, ckey)
                ).scalar_one()
            )
        entity_id, merged_into = int(row[0]), row[1]
        seen = {entity_id}
        # A merged entity's future keys go where the analyst merged it.
        while merged_into is not None and merged_into not in seen:
            seen.add(merged_into)
            entity_id = int(merged_into)
            merged_into = connection.exec_driver_sql(
                "SELECT merged_into FROM entities WHERE id = ?", (entity_id,)
            ).scalar_one()
        return entity_id

    def _key_ids(
        self,
        connection: Connection,
        mentions: Iterable[Mention],
        attributes: dict[tuple[str, str], dict[str, Any]] | None = None,
    ) -> dict[tuple[str, str, str], int]:
        wanted: dict[tuple[str, str, str], Mention] = {}
        for mention in mentions:
            key = (str(mention.type), name_key(mention.canonical), name_key(mention.text))
            wanted.setdefault(key, mention)
        found: dict[tuple[str, str, str], int] = {}
        items = list(wanted)
        for start in range(0, len(items), 300):
            chunk = items[start : start + 300]
            clause = " OR ".join("(type=? AND canonical_key=? AND surface_key=?)" for _ in chunk)
            params = tuple(value for key in chunk for value in key)
            for key_id, etype, ckey, skey in connection.exec_driver_sql(
                f"SELECT id, type, canonical_key, surface_key FROM entity_keys WHERE {clause}",
                params,
            ):
                found[(etype, ckey, skey)] = int(key_id)
        for key, mention in wanted.items():
            if key in found:
                continue
            entity_id = self._entity_for_key(
                connection,
                key[0],
                mention.canonical,
                (attributes or {}).get((key[0], mention.canonical), {}),
            )
            connection.exec_driver_sql(
                "INSERT INTO entity_keys(type, canonical_key, surface_key, surface, entity_id) "
                "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
                (*key, mention.text, entity_id),
            )
            found[key] = int(
                connection.exec_driver_sql(
                    "SELECT id FROM entity_keys WHERE type=? AND canonical_key=? AND surface_key=?",
                    key,
                ).scalar_one()
            )
        return found

    def _write_mentions(
        self,
        connection: Connection,
        by_article: Sequence[tuple[int, Sequence[Mention]]],
        version: int,
        attributes: dict[tuple[str, str], dict[str, Any]] | None = None,
    ) -> None:
        """Replace the mentions of these articles, then refresh their facet rows."""
        if not by_article:
            return
        keys = self._key_ids(
            connection, (m for _, mentions in by_article for m in mentions), attributes
        )
        article_ids = [article_id for article_id, _ in by_article]
        self._fill_temp_ids(connection, article_ids)
        connection.exec_driver_sql(
            "DELETE FROM mentions WHERE article_id IN (SELECT id FROM temp_ids)"
        )
        rows = [
            (
                article_id,
                keys[(str(m.type), name_key(m.canonical), name_key(m.text))],
                m.field,
                m.start,
                m.end,
                m.sentence_start,
                m.sentence_end,
            )
            for article_id, mentions in by_article
            for m in mentions
        ]
        if rows:
            connection.exec_driver_sql(
                'INSERT INTO mentions(article_id, key_id, field, start, "end", sentence_start, '
                "sentence_end) VALUES (?,?,?,?,?,?,?)",
                rows,
            )
        connection.exec_driver_sql(
            "UPDATE articles SET extraction_version = ? WHERE id IN (SELECT id FROM temp_ids)",
            (version,),
        )
        self._refresh_temp_facets(connection)

    @staticmethod
    def _fill_temp_ids(connection: Connection, ids: Iterable[int]) -> None:
        connection.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS temp_ids (id INTEGER PRIMARY KEY)"
        )
        connection.exec_driver_sql("DELETE FROM temp_ids")
        connection.exec_driver_sql(
            "INSERT OR IGNORE INTO temp_ids(id) VALUES (?)", [(i,) for i in ids]
        )

    @staticmethod
    def _facet_counts_of_temp_articles(connection: Connection) -> dict[int, int]:
        return {
            int(row[0]): int(row[1])
            for row in connection.exec_driver_sql(
                "SELECT entity_id, COUNT(*) FROM article_entities "
                "WHERE article_id IN (SELECT id FROM temp_ids) GROUP BY entity_id"
            )
        }

    def _refresh_temp_facets(self, connection: Connection) -> None:
        """Recompute article_entities for the articles in temp_ids, and adjust the counts.

        Counts move by the difference these articles make, so a batch costs what the batch
        holds, not what the store holds (recounting "United States" per batch did).
        """
        before = self._facet_counts_of_temp_articles(connection)
        connection.exec_driver_sql(
            "UPDATE store_meta SET value = value + 1 WHERE key = 'facet_generation'"
        )
        connection.exec_driver_sql(
            "DELETE FROM article_entities WHERE article_id IN (SELECT id FROM temp_ids)"
        )
        connection.exec_driver_sql(
            "INSERT INTO article_entities(article_id, entity_id, mentions) "
            "SELECT m.article_id, k.entity_id, COUNT(*) FROM mentions m "
            "JOIN entity_keys k ON k.id = m.key_id "
            "WHERE m.article_id IN (SELECT id FROM temp_ids) GROUP BY m.article_id, k.entity_id"
        )
        after = self._facet_counts_of_temp_articles(connection)
        deltas = [
            (after.get(entity_id, 0) - before.get(entity_id, 0), entity_id)
            for entity_id in before.keys() | after.keys()
        ]
        changed = [delta for delta in deltas if delta[0]]
        if changed:
            connection.exec_driver_sql(
                "UPDATE entities SET article_count = article_count + ? WHERE id = ?", changed
            )

    def replace_mentions(
        self,
        by_article: Sequence[tuple[int, Sequence[Mention]]],
        version: int,
        attributes: dict[tuple[str, str], dict[str, Any]] | None = None,
    ) -> None:
        """Re-extraction: swap these articles' mentions in one transaction."""
        with self._write() as connection, connection.begin():
            self._write_mentions(connection, by_article, version, attributes)

    # -- reading -----------------------------------------------------------------------------

    def entity_counts_all(self, limit: int | None = None) -> list[EntityCount]:
        """Sidebar rows for the whole store (precomputed counts: no GROUP BY over mentions)."""
        sql = (
            "SELECT id, name, type, article_count FROM entities "
            "WHERE merged_into IS NULL AND hidden = 0 AND article_count > 0 "
            "ORDER BY article_count DESC, name COLLATE NOCASE"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._engine.connect() as connection:
            return [
                EntityCount(int(r[0]), r[1], EntityType(r[2]), int(r[3]))
                for r in connection.exec_driver_sql(sql)
            ]

    def _facet_arrays(self, connection: Connection) -> tuple[np.ndarray, np.ndarray]:
        generation = int(
            connection.exec_driver_sql(
                "SELECT value FROM store_meta WHERE key = 'facet_generation'"
            ).scalar_one()
        )
        cached = self._facet_cache
        if cached is not None and cached[0] == generation:
            return cached[1], cached[2]
        # The raw cursor's plain tuples stream straight into numpy (~0.5 s at 1M rows; building
        # an array from SQLAlchemy Row objects took 15 s).
        cursor = connection.connection.driver_connection.execute(  # type: ignore[union-attr]
            "SELECT article_id, entity_id FROM article_entities ORDER BY article_id"
        )
        flat = np.fromiter(itertools.chain.from_iterable(cursor), dtype=np.int64)
        pairs = flat.reshape(-1, 2)
        articles, entities = pairs[:, 0].copy(), pairs[:, 1].copy()
        self._facet_cache = (generation, articles, entities)
        return articles, entities

    def entity_article_ids(self, entity_id: int) -> np.ndarray:
        """Ids of the articles mentioning an entity, from the in-memory facet arrays (fast
        enough to draw a timeline lane per selected entity on every redraw)."""
        with self._engine.connect() as connection:
            articles, entities = self._facet_arrays(connection)
        return articles[entities == entity_id]

    def warm_facet_cache(self) -> None:
        """Load the facet arrays now (after an import, in its worker) rather than on the first
        filtered sidebar count, which would otherwise pay ~0.5 s at a million facet rows."""
        with self._engine.connect() as connection:
            self._facet_arrays(connection)

    def entity_counts_for_ids(
        self, article_ids: Sequence[int], limit: int | None = None
    ) -> list[EntityCount]:
        """Sidebar rows for a set of articles (the current view), by article count."""
        with self._engine.connect() as connection:
            if len(article_ids) < _ARRAY_COUNTS_FROM:
                self._fill_temp_ids(connection, article_ids)
                counted = connection.exec_driver_sql(
                    "SELECT entity_id, COUNT(*) FROM article_entities "
                    "WHERE article_id IN (SELECT id FROM temp_ids) GROUP BY entity_id"
                ).fetchall()
                connection.rollback()
                counts = {int(e): int(n) for e, n in counted}
            else:
                articles, entities = self._facet_arrays(connection)
                wanted = np.sort(np.asarray(article_ids, dtype=np.int64))
                positions = np.searchsorted(wanted, articles)
                positions[positions >= len(wanted)] = 0
                mask = wanted[positions] == articles
                tally = np.bincount(entities[mask])
                nonzero = np.flatnonzero(tally)
                counts = dict(zip(nonzero.tolist(), tally[nonzero].tolist(), strict=True))
            if not counts:
                return []
            rows = connection.exec_driver_sql(
                "SELECT id, name, type FROM entities WHERE hidden = 0 AND article_count > 0"
            ).fetchall()
        result = [
            EntityCount(int(r[0]), r[1], EntityType(r[2]), counts[int(r[0])])
            for r in rows
            if int(r[0]) in counts
        ]
        result.sort(key=lambda c: (-c.articles, c.name.casefold()))
        return result[:limit] if limit else result

    def entity_counts_in(
        self, article_filter_sql: str, params: Sequence[Any], limit: int | None
    ) -> list[EntityCount]:
        sql = (
            "SELECT e.id, e.name, e.type, c.n FROM (SELECT entity_id, COUNT(*) AS n "
            f"FROM article_entities WHERE article_id IN ({article_filter_sql}) "
            "GROUP BY entity_id) c JOIN entities e ON e.id = c.entity_id "
            "WHERE e.hidden = 0 ORDER BY c.n DESC, e.name COLLATE NOCASE"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._engine.connect() as connection:
            return [
                EntityCount(int(r[0]), r[1], EntityType(r[2]), int(r[3]))
                for r in connection.exec_driver_sql(sql, tuple(params))
            ]

    def get_entity(self, entity_id: int) -> Entity | None:
        with self._engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT id, name, type, hidden, article_count, attributes_json FROM entities "
                "WHERE id = ?",
                (entity_id,),
            ).first()
            if row is None:
                return None
            aliases = [
                r[0]
                for r in connection.exec_driver_sql(
                    "SELECT DISTINCT surface FROM entity_keys WHERE entity_id = ? "
                    "ORDER BY surface COLLATE NOCASE",
                    (entity_id,),
                )
            ]
        return Entity(
            id=int(row[0]),
            name=row[1],
            type=EntityType(row[2]),
            hidden=bool(row[3]),
            article_count=int(row[4]),
            aliases=tuple(aliases),
            attributes=json.loads(row[5] or "{}"),
        )

    def find_entities(self, name: str) -> list[Entity]:
        """Entities whose name or a surface form matches ``name`` (case/punctuation-blind)."""
        key = name_key(name)
        with self._engine.connect() as connection:
            ids = [
                int(r[0])
                for r in connection.exec_driver_sql(
                    "SELECT DISTINCT e.id FROM entities e LEFT JOIN entity_keys k "
                    "ON k.entity_id = e.id WHERE e.merged_into IS NULL AND "
                    "(e.canonical_key = ? OR k.surface_key = ? OR lower(e.name) = lower(?)) "
                    "ORDER BY e.article_count DESC",
                    (key, key, name),
                )
            ]
        return [e for e in (self.get_entity(i) for i in ids) if e is not None]

    def article_mentions(self, article_id: int) -> list[ArticleMention]:
        """The mentions the reader highlights (hidden entities left out), in text order."""
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(
                'SELECT m.field, m.start, m."end", e.id, e.name, e.type FROM mentions m '
                "JOIN entity_keys k ON k.id = m.key_id JOIN entities e ON e.id = k.entity_id "
                "WHERE m.article_id = ? AND e.hidden = 0 ORDER BY m.field, m.start",
                (article_id,),
            ).fetchall()
        return [
            ArticleMention(r[0], int(r[1]), int(r[2]), int(r[3]), r[4], EntityType(r[5]))
            for r in rows
        ]

    def article_entity_mentions(self, article_id: int) -> list[tuple[Entity, list[Mention]]]:
        """An article's entities with their mentions (for export), hidden ones included."""
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(
                'SELECT e.id, m.field, m.start, m."end", k.surface, e.type, e.name, '
                "m.sentence_start, m.sentence_end FROM mentions m "
                "JOIN entity_keys k ON k.id = m.key_id JOIN entities e ON e.id = k.entity_id "
                "WHERE m.article_id = ? ORDER BY e.id, m.field, m.start",
                (article_id,),
            ).fetchall()
        grouped: dict[int, list[Mention]] = {}
        for r in rows:
            grouped.setdefault(int(r[0]), []).append(
                Mention(
                    r[1], int(r[2]), int(r[3]), r[4], EntityType(r[5]), r[6], int(r[7]), int(r[8])
                )
            )
        result = []
        for entity_id, mentions in grouped.items():
            entity = self.get_entity(entity_id)
            if entity is not None:
                result.append((entity, mentions))
        return result

    def user_names(self) -> list[tuple[EntityType, str]]:
        with self._engine.connect() as connection:
            return [
                (EntityType(r[0]), r[1])
                for r in connection.exec_driver_sql("SELECT type, name FROM user_names ORDER BY id")
            ]

    def all_article_ids(self) -> list[int]:
        with self._engine.connect() as connection:
            return [
                int(r[0]) for r in connection.exec_driver_sql("SELECT id FROM articles ORDER BY id")
            ]

    def articles_needing_extraction(self, version: int) -> list[int]:
        with self._engine.connect() as connection:
            return [
                int(r[0])
                for r in connection.exec_driver_sql(
                    "SELECT id FROM articles WHERE extraction_version != ? ORDER BY id", (version,)
                )
            ]

    # -- corrections -------------------------------------------------------------------------

    def _refresh_articles_of(self, connection: Connection, entity_ids: Sequence[int]) -> None:
        marks = ",".join("?" * len(entity_ids))
        article_ids = [
            int(r[0])
            for r in connection.exec_driver_sql(
                "SELECT DISTINCT m.article_id FROM mentions m JOIN entity_keys k "
                f"ON k.id = m.key_id WHERE k.entity_id IN ({marks})",
                tuple(entity_ids),
            )
        ]
        article_ids += [
            int(r[0])
            for r in connection.exec_driver_sql(
                f"SELECT article_id FROM article_entities WHERE entity_id IN ({marks})",
                tuple(entity_ids),
            )
        ]
        self._fill_temp_ids(connection, article_ids)
        self._refresh_temp_facets(connection)

    def rename_entity(self, entity_id: int, name: str) -> str:
        """Returns the old name (for undo)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("an entity needs a name")
        with self._write() as connection, connection.begin():
            old = connection.exec_driver_sql(
                "SELECT name FROM entities WHERE id = ?", (entity_id,)
            ).scalar_one()
            connection.exec_driver_sql(
                "UPDATE entities SET name = ?, renamed = 1 WHERE id = ?", (name, entity_id)
            )
        return str(old)

    def set_entity_type(self, entity_id: int, etype: EntityType) -> EntityType:
        with self._write() as connection, connection.begin():
            old = connection.exec_driver_sql(
                "SELECT type FROM entities WHERE id = ?", (entity_id,)
            ).scalar_one()
            connection.exec_driver_sql(
                "UPDATE entities SET type = ? WHERE id = ?", (str(etype), entity_id)
            )
        return EntityType(old)

    def set_entity_hidden(self, entity_id: int, hidden: bool) -> bool:
        with self._write() as connection, connection.begin():
            old = connection.exec_driver_sql(
                "SELECT hidden FROM entities WHERE id = ?", (entity_id,)
            ).scalar_one()
            connection.exec_driver_sql(
                "UPDATE entities SET hidden = ? WHERE id = ?", (int(hidden), entity_id)
            )
        return bool(old)

    def hidden_entities(self) -> list[Entity]:
        with self._engine.connect() as connection:
            ids = [
                int(r[0])
                for r in connection.exec_driver_sql(
                    "SELECT id FROM entities WHERE hidden = 1 AND merged_into IS NULL "
                    "ORDER BY name COLLATE NOCASE"
                )
            ]
        return [e for e in (self.get_entity(i) for i in ids) if e is not None]

    def merge_entities(self, source_id: int, target_id: int) -> MergeUndo:
        """Fold ``source`` into ``target``: its names and mentions count as the target's."""
        if source_id == target_id:
            raise ValueError("an entity cannot be merged into itself")
        with self._write() as connection, connection.begin():
            key_ids = tuple(
                int(r[0])
                for r in connection.exec_driver_sql(
                    "SELECT id FROM entity_keys WHERE entity_id = ?", (source_id,)
                )
            )
            hidden = bool(
                connection.exec_driver_sql(
                    "SELECT hidden FROM entities WHERE id = ?", (source_id,)
                ).scalar_one()
            )
            connection.exec_driver_sql(
                "UPDATE entity_keys SET entity_id = ? WHERE entity_id = ?", (target_id, source_id)
            )
            connection.exec_driver_sql(
                "UPDATE entities SET merged_into = ? WHERE id = ?", (target_id, source_id)
            )
            self._refresh_articles_of(connection, [source_id, target_id])
        return MergeUndo(source_id, target_id, key_ids, hidden)

    def undo_merge(self, undo: MergeUndo) -> None:
        with self._write() as connection, connection.begin():
            marks = ",".join("?" * len(undo.key_ids)) or "NULL"
            connection.exec_driver_sql(
                f"UPDATE entity_keys SET entity_id = ? WHERE id IN ({marks})",
                (undo.source_id, *undo.key_ids),
            )
            connection.exec_driver_sql(
                "UPDATE entities SET merged_into = NULL, hidden = ? WHERE id = ?",
                (int(undo.source_hidden), undo.source_id),
            )
            self._refresh_articles_of(connection, [undo.source_id, undo.target_id])

    def split_surface(self, entity_id: int, surface: str) -> SplitUndo:
        """Give one name of an entity ("Scheffer") an entity of its own."""
        skey = name_key(surface)
        with self._write() as connection, connection.begin():
            etype, name = connection.exec_driver_sql(
                "SELECT type, name FROM entities WHERE id = ?", (entity_id,)
            ).one()
            key_ids = tuple(
                int(r[0])
                for r in connection.exec_driver_sql(
                    "SELECT id FROM entity_keys WHERE entity_id = ? AND surface_key = ?",
                    (entity_id, skey),
                )
            )
            if not key_ids:
                raise ValueError(f"{surface!r} is not a name of {name!r}")
            stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S%f")
            connection.exec_driver_sql(
                "INSERT INTO entities(type, name, canonical_key) VALUES (?,?,?)",
                (etype, surface, f"{skey}#split-from-{entity_id}-{stamp}"),
            )
            new_id = int(connection.exec_driver_sql("SELECT last_insert_rowid()").scalar_one())
            marks = ",".join("?" * len(key_ids))
            connection.exec_driver_sql(
                f"UPDATE entity_keys SET entity_id = ? WHERE id IN ({marks})", (new_id, *key_ids)
            )
            self._refresh_articles_of(connection, [entity_id, new_id])
        return SplitUndo(entity_id, new_id, key_ids)

    def undo_split(self, undo: SplitUndo) -> None:
        with self._write() as connection, connection.begin():
            marks = ",".join("?" * len(undo.key_ids))
            connection.exec_driver_sql(
                f"UPDATE entity_keys SET entity_id = ? WHERE id IN ({marks})",
                (undo.from_entity_id, *undo.key_ids),
            )
            self._refresh_articles_of(connection, [undo.from_entity_id, undo.new_entity_id])
            connection.exec_driver_sql(
                "UPDATE entities SET merged_into = ? WHERE id = ?",
                (undo.from_entity_id, undo.new_entity_id),
            )

    def add_user_name(self, etype: EntityType, name: str) -> bool:
        """Record a name the analyst marked in the reader; False if it was known already."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("an empty selection is not a name")
        with self._write() as connection, connection.begin():
            result = connection.exec_driver_sql(
                "INSERT INTO user_names(type, name, created_at) VALUES (?,?,?) "
                "ON CONFLICT DO NOTHING",
                (str(etype), name, str(dt.datetime.now().replace(microsecond=0))),
            )
            return bool(result.rowcount)

    def remove_user_name(self, etype: EntityType, name: str) -> None:
        with self._write() as connection, connection.begin():
            connection.exec_driver_sql(
                "DELETE FROM user_names WHERE type = ? AND name = ?", (str(etype), name)
            )

    def articles_containing(self, text: str) -> list[int]:
        """Articles whose title or body contain ``text`` as a phrase (to re-extract them)."""
        phrase = '"' + text.replace('"', '""') + '"'
        with self._engine.connect() as connection:
            return [
                int(r[0])
                for r in connection.exec_driver_sql(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (phrase,)
                )
            ]
