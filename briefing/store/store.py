"""The store: the one object the rest of the app asks for articles and import runs.

It hides SQLAlchemy and SQL; callers get the plain objects of :mod:`briefing.domain` back.
Bulk writes (import) go through Core ``executemany`` in one transaction per batch, never
through per-object ORM adds (measured: ORM ``add_all`` is 2-3x slower on this path).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import numpy as np
from sqlalchemy import Connection, func, select
from sqlalchemy.exc import OperationalError

from briefing.content_hash import content_hash
from briefing.domain import (
    Article,
    ArticleQuery,
    ArticleRow,
    BatchResult,
    DateMention,
    DateSource,
    EntityCount,
    EntityMode,
    FileFailure,
    ImportRun,
    Mention,
    ParsedArticle,
    QuerySyntaxError,
    RangeMention,
    SortKey,
    StoreError,
    Subhead,
)
from briefing.search_query import to_fts5
from briefing.store.article_reads import ArticleReadsMixin
from briefing.store.briefing_store import BriefingStoreMixin
from briefing.store.engine import WRITE, make_engine
from briefing.store.entity_store import EntityStoreMixin
from briefing.store.models import ArticleRecord, ImportRunRecord
from briefing.store.schema import current_revision, ensure_current
from briefing.store.time_range_store import TimeRangeStoreMixin

# SQLite allows 32k bound parameters per statement; stay far below for IN (...) lookups.
_IN_CHUNK = 500
_ARTICLE_COLUMNS = (
    "a.id, a.title, a.body, a.kicker, a.deck, a.headline, a.byline, a.subheads_json, "
    "s.name, a.published, a.date_source, a.origin_file, a.origin_position, a.origin_line, "
    "a.content_hash, a.truncated, a.import_run_id, a.created_at, a.date_confidence, a.url"
)
_ARTICLES_OF = "SELECT article_id FROM article_entities WHERE entity_id"
_ORDER = {
    # Unknown dates sort after known ones whichever way the list is sorted: an undated story
    # is not "the newest".
    SortKey.DATE: ("a.published IS NULL, a.published {dir}, a.id {dir}"),
    SortKey.TITLE: ("a.title COLLATE NOCASE {dir}, a.id {dir}"),
    SortKey.SOURCE: ("s.name COLLATE NOCASE {dir}, a.published {dir}, a.id {dir}"),
}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _parse_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _subheads_to_json(subheads: Iterable[Subhead]) -> str:
    return json.dumps([{"text": s.text, "offset": s.offset} for s in subheads], ensure_ascii=False)


def _subheads_from_json(raw: str) -> tuple[Subhead, ...]:
    return tuple(Subhead(item["text"], int(item["offset"])) for item in json.loads(raw or "[]"))


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class Store(EntityStoreMixin, TimeRangeStoreMixin, BriefingStoreMixin, ArticleReadsMixin):
    """An open Briefing store (one SQLite file per corpus)."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._engine, self.path = make_engine(location)
        try:
            self.backup_written = ensure_current(self._engine, self.path)
        except OperationalError as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open the store {location}: {exc.orig}") from exc
        except Exception:
            self._engine.dispose()
            raise
        self._source_ids: dict[str, int] = {}

    @classmethod
    def open(cls, location: str | Path) -> Self:
        return cls(str(location))

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path is not None else self.location

    # -- reading -----------------------------------------------------------------------------

    def schema_revision(self) -> str | None:
        with self._engine.connect() as connection:
            return current_revision(connection)

    def count_articles(self) -> int:
        with self._engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(ArticleRecord)) or 0)

    @staticmethod
    def _filter_sql(query: ArticleQuery, *, with_sources: bool) -> tuple[str, list[Any]]:
        """``SELECT a.id FROM articles a ... WHERE ...`` for the query's filters (no order)."""
        match = to_fts5(query.search)
        joins = ["JOIN sources s ON s.id = a.source_id"] if with_sources else []
        where: list[str] = []
        params: list[Any] = []
        if query.import_run_id is not None:
            joins.append("JOIN import_run_articles r ON r.article_id = a.id AND r.run_id = ?")
            params.append(query.import_run_id)
        if match:
            joins.append("JOIN articles_fts f ON f.rowid = a.id")
            where.append("articles_fts MATCH ?")
            params.append(match)
        if query.entities:
            if query.entity_mode is EntityMode.ANY or len(query.entities) == 1:
                marks = ",".join("?" * len(query.entities))
                where.append(f"a.id IN ({_ARTICLES_OF} IN ({marks}))")
                params.extend(query.entities)
            else:
                for entity_id in query.entities:
                    where.append(
                        "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
                    )
                    params.append(entity_id)
        if query.date_from is not None or query.date_to is not None:
            # Filled by _prepare_date_ids from the in-memory date arrays: an interval-overlap
            # test over 400k mentions is a scan for SQLite (~130 ms), a few ms in numpy.
            where.append("a.id IN (SELECT id FROM temp_date_ids)")
        if query.range_facts:
            marks = ",".join("?" * len(query.range_facts))
            where.append(f"a.id IN (SELECT article_id FROM range_facts WHERE id IN ({marks}))")
            params.extend(query.range_facts)
        if query.excluded_entities:
            marks = ",".join("?" * len(query.excluded_entities))
            where.append(f"a.id NOT IN ({_ARTICLES_OF} IN ({marks}))")
            params.extend(query.excluded_entities)
        sql = f"SELECT a.id FROM articles a {' '.join(joins)}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, params

    def query_article_ids(self, query: ArticleQuery) -> list[int]:
        """Ids of the articles the query selects, in the order the list shows them.

        Filtering and sorting happen here, in SQL, so the list model only resets itself (a
        sort/filter proxy over 100k rows takes seconds; this takes tens of milliseconds).
        """
        direction = "DESC" if query.descending else "ASC"
        # Only the source sort needs the sources table; joining it always cost 3x at 100k rows.
        sql, params = self._filter_sql(query, with_sources=query.sort is SortKey.SOURCE)
        sql += " ORDER BY " + _ORDER[query.sort].format(dir=direction)
        with self._engine.connect() as connection:
            self._prepare_date_ids(connection, query)
            try:
                rows = connection.exec_driver_sql(sql, tuple(params)).fetchall()
            except OperationalError as exc:
                # to_fts5 already rejects what it can explain; this is the backstop.
                raise QuerySyntaxError(f"the search could not be understood: {exc.orig}") from exc
        return [row[0] for row in rows]

    def _prepare_date_ids(self, connection: Connection, query: ArticleQuery) -> None:
        """Articles published in, or mentioning a date overlapping, the query's date range."""
        if query.date_from is None and query.date_to is None:
            return
        low = (query.date_from or dt.date.min).toordinal()
        high = (query.date_to or dt.date.max).toordinal()
        _, articles, starts, ends, _ = self._date_arrays(connection)
        mentioned = articles[(starts <= high) & (ends >= low)]
        self.published_points(None)  # refreshes the cached publication dates
        cached = self._published_cache
        assert cached is not None
        published = cached[1][(cached[2] >= low) & (cached[2] <= high)]
        ids = np.union1d(mentioned, published)
        connection.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS temp_date_ids (id INTEGER PRIMARY KEY)"
        )
        connection.exec_driver_sql("DELETE FROM temp_date_ids")
        connection.exec_driver_sql(
            "INSERT INTO temp_date_ids(id) VALUES (?)", [(int(i),) for i in ids]
        )

    def entity_counts(self, query: ArticleQuery, limit: int | None = None) -> list[EntityCount]:
        """Sidebar rows: entities of the articles in view, by how many articles mention them."""
        unfiltered = (
            not query.search.strip()
            and not query.entities
            and not query.excluded_entities
            and query.import_run_id is None
            and query.date_from is None
            and query.date_to is None
            and not query.range_facts
        )
        if unfiltered:
            return self.entity_counts_all(limit)
        sql, params = self._filter_sql(query, with_sources=False)
        with self._engine.connect() as connection:
            self._prepare_date_ids(connection, query)
            try:
                ids = [row[0] for row in connection.exec_driver_sql(sql, tuple(params))]
            except OperationalError as exc:
                raise QuerySyntaxError(f"the search could not be understood: {exc.orig}") from exc
        return self.entity_counts_for_ids(ids, limit)

    def article_rows(self, ids: Sequence[int]) -> list[ArticleRow]:
        """The list's columns for ``ids``, in the same order (missing ids are left out)."""
        found: dict[int, ArticleRow] = {}
        with self._engine.connect() as connection:
            for chunk in _chunks(ids, _IN_CHUNK):
                marks = ",".join("?" * len(chunk))
                sql = (
                    "SELECT a.id, a.title, s.name, a.published, a.date_source, a.truncated "
                    f"FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks})"
                )
                for row in connection.exec_driver_sql(sql, tuple(chunk)):
                    found[row[0]] = ArticleRow(
                        id=row[0],
                        title=row[1],
                        source=row[2],
                        published=_parse_date(row[3]),
                        date_source=DateSource(row[4]),
                        truncated=bool(row[5]),
                    )
        return [found[i] for i in ids if i in found]

    def get_article(self, article_id: int) -> Article | None:
        with self._engine.connect() as connection:
            row = connection.exec_driver_sql(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id "
                "WHERE a.id = ?",
                (article_id,),
            ).first()
        return None if row is None else self._article_from_row(row)

    def iter_articles(self, batch_size: int = 1000) -> Iterator[Article]:
        """Every article in id order, read in batches so a 100k store streams in little memory."""
        last_id = 0
        while True:
            with self._engine.connect() as connection:
                rows = connection.exec_driver_sql(
                    f"SELECT {_ARTICLE_COLUMNS} FROM articles a "
                    "JOIN sources s ON s.id = a.source_id WHERE a.id > ? ORDER BY a.id LIMIT ?",
                    (last_id, batch_size),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._article_from_row(row)
            last_id = rows[-1][0]

    @staticmethod
    def _article_from_row(row: Sequence[Any]) -> Article:
        return Article(
            id=row[0],
            title=row[1],
            body=row[2],
            kicker=row[3],
            deck=row[4],
            headline=row[5],
            byline=row[6],
            subheads=_subheads_from_json(row[7]),
            source=row[8],
            published=_parse_date(row[9]),
            date_source=DateSource(row[10]),
            origin_file=row[11],
            origin_position=row[12],
            origin_line=row[13],
            content_hash=row[14],
            truncated=bool(row[15]),
            import_run_id=row[16],
            created_at=_parse_datetime(row[17]),
            date_confidence=row[18] or "",
            url=row[19] or "",
        )

    def import_runs(self) -> list[ImportRun]:
        with self._engine.connect() as connection:
            records = connection.execute(
                select(ImportRunRecord.__table__).order_by(ImportRunRecord.id)
            ).all()
        runs = []
        for (
            run_id,
            started,
            finished,
            source,
            files,
            options,
            _failures,
            _total,
            imported,
            duplicates,
            failed,
            cancelled,
            undone_at,
        ) in records:
            runs.append(
                ImportRun(
                    id=run_id,
                    started_at=started,
                    finished_at=finished,
                    source=source,
                    files=tuple(json.loads(files)),
                    options=json.loads(options),
                    imported=imported,
                    duplicates=duplicates,
                    failed=failed,
                    cancelled=bool(cancelled),
                    undone_at=undone_at,
                )
            )
        return runs

    def import_run_failures(self, run_id: int) -> list[FileFailure]:
        with self._engine.connect() as connection:
            raw = connection.scalar(
                select(ImportRunRecord.failures_json).where(ImportRunRecord.id == run_id)
            )
        return [FileFailure(item["path"], item["reason"]) for item in json.loads(raw or "[]")]

    # -- writing -----------------------------------------------------------------------------

    def _write(self) -> Connection:
        return self._engine.connect().execution_options(**WRITE)

    def begin_import_run(
        self, *, source: str, files: Sequence[str], options: dict[str, str]
    ) -> int:
        with self._write() as connection, connection.begin():
            result = connection.execute(
                ImportRunRecord.__table__.insert().values(
                    started_at=_now(),
                    source_name=source,
                    files_json=json.dumps(list(files), ensure_ascii=False),
                    options_json=json.dumps(options, ensure_ascii=False),
                    files_total=len(files),
                )
            )
            run_id = result.inserted_primary_key
            assert run_id is not None
            return int(run_id[0])

    def finish_import_run(
        self, run_id: int, *, failures: Sequence[FileFailure], cancelled: bool
    ) -> None:
        failures_json = json.dumps(
            [{"path": f.path, "reason": f.reason} for f in failures], ensure_ascii=False
        )
        with self._write() as connection, connection.begin():
            connection.execute(
                ImportRunRecord.__table__.update()
                .where(ImportRunRecord.id == run_id)
                .values(
                    finished_at=_now(),
                    failures_json=failures_json,
                    failed=len(failures),
                    cancelled=cancelled,
                )
            )

    def _source_id(self, connection: Connection, name: str) -> int:
        cached = self._source_ids.get(name)
        if cached is not None:
            return cached
        connection.exec_driver_sql(
            "INSERT INTO sources(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
            (name, str(_now())),
        )
        source_id = connection.exec_driver_sql(
            "SELECT id FROM sources WHERE name = ?", (name,)
        ).scalar_one()
        self._source_ids[name] = source_id
        return int(source_id)

    def add_articles(
        self,
        run_id: int,
        articles: Sequence[tuple[str, ParsedArticle]],
        hashes: Sequence[str] | None = None,
        mentions: Sequence[Sequence[Mention]] | None = None,
        extraction_version: int = 0,
        attributes: dict[tuple[str, str], dict[str, Any]] | None = None,
        dates: Sequence[Sequence[DateMention]] | None = None,
        ranges: Sequence[Sequence[RangeMention]] | None = None,
    ) -> BatchResult:
        """Store a batch of (source name, article) in one transaction, skipping duplicates.

        A duplicate is an article whose normalised content hash is already stored (or occurs
        earlier in the batch); it is still linked to this run so the run's record is complete.
        ``hashes`` may carry the articles' :func:`content_hash` when the caller computed them
        already (the import computes them in its reading process). ``mentions`` (one list per
        article) are stored for the new articles; ``attributes`` describe new entities
        (keyed by type and canonical name), e.g. a weapon's reference range.
        """
        if hashes is None:
            hashes = [content_hash(article) for _, article in articles]
        hashed = [
            (source, article, digest)
            for (source, article), digest in zip(articles, hashes, strict=True)
        ]
        try:
            with self._write() as connection, connection.begin():
                result, new_ids = self._add_hashed(connection, run_id, hashed)
                if mentions is not None:
                    self._write_mentions(
                        connection,
                        [(new_ids[i], mentions[i]) for i in range(len(hashed)) if i in new_ids],
                        extraction_version,
                        attributes,
                    )
                if dates is not None or ranges is not None:
                    self._write_dates_ranges(
                        connection,
                        [
                            (
                                new_ids[i],
                                dates[i] if dates is not None else (),
                                ranges[i] if ranges is not None else (),
                            )
                            for i in range(len(hashed))
                            if i in new_ids
                        ],
                    )
                return result
        except Exception as exc:
            # A source created in the rolled-back transaction does not exist any more.
            self._source_ids.clear()
            if isinstance(exc, OperationalError) and "locked" in str(exc.orig):
                raise StoreError(
                    "the store is busy: another Briefing is writing to it; try again"
                ) from exc
            raise

    def _add_hashed(
        self,
        connection: Connection,
        run_id: int,
        hashed: Sequence[tuple[str, ParsedArticle, str]],
    ) -> tuple[BatchResult, dict[int, int]]:
        """Insert what is new; returns the counts and {index in batch: new article id}."""
        existing: dict[str, int] = {}
        hashes = [h for _, _, h in hashed]
        for chunk in _chunks(hashes, _IN_CHUNK):
            marks = ",".join("?" * len(chunk))
            for article_id, digest in connection.exec_driver_sql(
                f"SELECT id, content_hash FROM articles WHERE content_hash IN ({marks})",
                tuple(chunk),
            ):
                existing[digest] = article_id
        # BEGIN IMMEDIATE holds the write lock, so handing out ids ourselves cannot collide
        # and saves a round trip per row to learn them back.
        next_id = int(
            connection.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM articles").scalar_one()
        )
        created = str(_now())
        rows: list[tuple[Any, ...]] = []
        links: list[tuple[int, int, int]] = []
        duplicates = 0
        new_ids: dict[int, int] = {}
        for index, (source, article, digest) in enumerate(hashed):
            if digest in existing:
                duplicates += 1
                links.append((run_id, existing[digest], 0))
                continue
            next_id += 1
            existing[digest] = next_id
            new_ids[index] = next_id
            links.append((run_id, next_id, 1))
            rows.append(
                (
                    next_id,
                    self._source_id(connection, source),
                    run_id,
                    article.title,
                    article.kicker,
                    article.deck,
                    article.headline,
                    article.byline,
                    _subheads_to_json(article.subheads),
                    article.body,
                    article.published.isoformat() if article.published else None,
                    str(article.date_source),
                    article.date_confidence,
                    article.url,
                    article.origin_file,
                    article.origin_position,
                    article.origin_line,
                    digest,
                    int(article.truncated),
                    created,
                )
            )
        if rows:
            connection.exec_driver_sql(
                "INSERT INTO articles(id, source_id, import_run_id, title, kicker, deck, "
                "headline, byline, subheads_json, body, published, date_source, date_confidence, "
                "url, origin_file, origin_position, origin_line, content_hash, truncated, "
                "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        if rows:
            # New publication dates: the timeline's cached arrays must reload.
            connection.exec_driver_sql(
                "UPDATE store_meta SET value = value + 1 WHERE key = 'date_generation'"
            )
        if links:
            connection.exec_driver_sql(
                "INSERT OR IGNORE INTO import_run_articles(run_id, article_id, is_new) "
                "VALUES (?,?,?)",
                links,
            )
        connection.exec_driver_sql(
            "UPDATE import_runs SET imported = imported + ?, duplicates = duplicates + ? "
            "WHERE id = ?",
            (len(rows), duplicates, run_id),
        )
        return BatchResult(added=len(rows), duplicates=duplicates), new_ids

    def replace_facts(
        self,
        by_article: Sequence[
            tuple[int, Sequence[Mention], Sequence[DateMention], Sequence[RangeMention]]
        ],
        version: int,
        attributes: dict[tuple[str, str], dict[str, Any]] | None = None,
    ) -> None:
        """Re-extraction: swap these articles' mentions, dates and ranges in one transaction."""
        with self._write() as connection, connection.begin():
            self._write_mentions(
                connection, [(a, m) for a, m, _, _ in by_article], version, attributes
            )
            self._write_dates_ranges(connection, [(a, d, r) for a, _, d, r in by_article])

    def existing_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes the store already holds (the wizard's duplicates)."""
        found: set[str] = set()
        with self._engine.connect() as connection:
            for chunk in _chunks(list(hashes), _IN_CHUNK):
                marks = ",".join("?" * len(chunk))
                found.update(
                    row[0]
                    for row in connection.exec_driver_sql(
                        f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})",
                        tuple(chunk),
                    )
                )
        return found

    def undo_import(self, run_id: int) -> int:
        """Remove what an import run added: its new articles that no other run also brought in,
        with everything that hangs off them (mentions, dates, ranges, facet rows); the run is
        marked undone. Returns how many articles were removed."""
        with self._write() as connection, connection.begin():
            exists = connection.exec_driver_sql(
                "SELECT id FROM import_runs WHERE id = ?", (run_id,)
            ).first()
            if exists is None:
                raise StoreError(f"there is no import run {run_id}")
            doomed = [
                int(row[0])
                for row in connection.exec_driver_sql(
                    "SELECT article_id FROM import_run_articles WHERE run_id = ? AND is_new = 1 "
                    "AND article_id NOT IN (SELECT article_id FROM import_run_articles "
                    "WHERE run_id != ?)",
                    (run_id, run_id),
                )
            ]
            if doomed:
                self._fill_temp_ids(connection, doomed)
                # Counts first (the facet rows go with the articles), then the articles; the
                # cascades remove mentions, dates, ranges, facets and run links.
                for entity_id, count in connection.exec_driver_sql(
                    "SELECT entity_id, COUNT(*) FROM article_entities "
                    "WHERE article_id IN (SELECT id FROM temp_ids) GROUP BY entity_id"
                ).fetchall():
                    connection.exec_driver_sql(
                        "UPDATE entities SET article_count = article_count - ? WHERE id = ?",
                        (count, entity_id),
                    )
                connection.exec_driver_sql(
                    "DELETE FROM articles WHERE id IN (SELECT id FROM temp_ids)"
                )
            # An undone run no longer vouches for the duplicates it saw either.
            connection.exec_driver_sql(
                "DELETE FROM import_run_articles WHERE run_id = ?", (run_id,)
            )
            connection.exec_driver_sql(
                "UPDATE import_runs SET undone_at = ? WHERE id = ?", (str(_now()), run_id)
            )
        return len(doomed)

    # -- maintenance -------------------------------------------------------------------------

    def integrity_ok(self) -> bool:
        with self._engine.connect() as connection:
            result = connection.exec_driver_sql("PRAGMA integrity_check").scalar_one()
            fts = connection.exec_driver_sql(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            )
            fts.close()
            connection.rollback()
        return result == "ok"
