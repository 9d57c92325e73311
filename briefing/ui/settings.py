"""What the GUI remembers between runs, in QSettings under the app's organisation/name.

Always built with ``QSettings()`` (no arguments) so the default format and path apply: the
tests point those at a temporary folder and never touch the person's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Briefing"
APPLICATION = "Briefing"

GEOMETRY = "mainWindow/geometry"
SPLITTER = "mainWindow/splitter"
WINDOW_STATE = "mainWindow/state"  # docks (the entity sidebar): where, how wide, shown
LAST_STORE = "store/last"
IMPORT_FOLDER = "import/lastFolder"


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
