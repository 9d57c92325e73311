"""Schema versions: create new stores, upgrade old ones (after a backup), refuse newer ones."""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect

from briefing.domain import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision, known without importing Alembic (about 0.1 s at every start-up);
# a test checks it against the migrations folder.
HEAD_REVISION = "0007"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def known_revisions() -> list[str]:
    """Oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    return rows[0][0] if rows else None


def upgrade_to(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def backup_path_for(path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.backup-r{revision}-{stamp}{path.suffix or '.sqlite'}")


def write_backup(engine: Engine, destination: Path) -> None:
    """A consistent copy through SQLite's online backup (safe with WAL and other readers)."""
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(destination)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        raw.close()


def ensure_current(engine: Engine, path: Path | None) -> Path | None:
    """Bring the store to the newest schema; returns the backup written, if any."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = current_revision(connection) if "alembic_version" in tables else None
    if revision == HEAD_REVISION:
        return None
    head = head_revision()
    if not tables:
        upgrade_to(engine, head)
        return None
    if revision is None:
        raise StoreError("this SQLite file is not a Briefing store (it has no schema version)")
    if revision == head:
        return None
    if revision not in known_revisions():
        raise StoreError(
            f"this store was made by a newer Briefing (schema {revision}, this version knows "
            f"up to {head}); update Briefing to open it"
        )
    backup = None
    if path is not None:
        backup = backup_path_for(path, revision)
        write_backup(engine, backup)
    upgrade_to(engine, head)
    return backup
