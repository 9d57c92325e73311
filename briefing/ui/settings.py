"""What the GUI remembers between runs, in QSettings under the app's organisation/name.

Always built with ``QSettings()`` (no arguments) so the default format and path apply: the
tests point those at a temporary folder and never touch the person's real settings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Briefing"
APPLICATION = "Briefing"

GEOMETRY = "mainWindow/geometry"
SPLITTER = "mainWindow/splitter"
WINDOW_STATE = "mainWindow/state"  # docks (the entity sidebar): where, how wide, shown
LAST_STORE = "store/last"
IMPORT_FOLDER = "import/lastFolder"
EXPORT_FOLDER = "export/lastFolder"  # where briefings and views were last exported
EXPORT_FORMAT = "export/lastFormat"
EXPORT_PAGE_SIZE = "export/pageSize"
# One key per store (a hash of its path: a path's slashes would read as settings groups).
CURRENT_BRIEFING = "briefing/current/{}"


def settings() -> QSettings:
    return QSettings()


def byte_array(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_value(key: str, value: object) -> None:
    store = settings()
    store.setValue(key, value)
    store.sync()


def remembered_store() -> str | None:
    """The last store file the GUI had open, if it still exists."""
    value = settings().value(LAST_STORE)
    if not isinstance(value, str) or not value:
        return None
    return value if Path(value).is_file() else None


def remember_store(path: Path | None) -> None:
    """Remember a store file (an in-memory store has no path and is not remembered)."""
    if path is not None:
        set_value(LAST_STORE, str(path))


def _store_key(path: Path) -> str:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8"), usedforsecurity=False)
    return CURRENT_BRIEFING.format(digest.hexdigest()[:16])


def remembered_briefing(store_path: Path | None) -> int | None:
    """The briefing last shown for this store (an in-memory store remembers none)."""
    if store_path is None:
        return None
    value = settings().value(_store_key(store_path))
    try:
        return int(value) if value not in (None, "") else None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def remember_briefing(store_path: Path | None, briefing_id: int | None) -> None:
    if store_path is None:
        return
    set_value(_store_key(store_path), "" if briefing_id is None else int(briefing_id))


def string(key: str, default: str = "") -> str:
    value = settings().value(key)
    return value if isinstance(value, str) else default
