"""Opening an SQLite store: URL rules, pragmas and transaction modes."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

from briefing.domain import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a second app instance waits for the other's write to finish before giving up.
BUSY_TIMEOUT_MS = 15_000
WRITE = {"briefing_write": True}


def parse_location(location: str) -> tuple[URL, Path | None]:
    """A path or an SQLAlchemy URL → (URL, file path or None for in-memory)."""
    if "://" in location:
        url = make_url(location)
        if url.get_backend_name() != "sqlite":
            raise StoreError(
                f"only SQLite stores are supported, not {url.get_backend_name()!r} ({location})"
            )
        database = url.database or ""
        if database in ("", ":memory:"):
            return url, None
        return url, Path(database).expanduser()
    path = Path(location).expanduser()
    return URL.create("sqlite+pysqlite", database=str(path)), path


def check_is_sqlite(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise StoreError(f"{path} is not a Briefing store (not an SQLite database)")


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling defers it
    # and cannot do BEGIN IMMEDIATE); see SQLAlchemy's "Serializable isolation" SQLite recipe.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable across application crashes in WAL mode; only a power cut may lose the
    # last commits, never corrupt the file.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _on_begin(connection: Any) -> None:
    # Writers take the write lock up front, so two instances importing at once queue up on
    # busy_timeout instead of failing with "database is locked" half-way through a batch.
    if connection.get_execution_options().get("briefing_write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def make_engine(location: str) -> tuple[Engine, Path | None]:
    url, path = parse_location(location)
    if path is not None:
        check_is_sqlite(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for {path}: {exc.strerror}") from exc
        engine = create_engine(url)
    else:
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine, path
