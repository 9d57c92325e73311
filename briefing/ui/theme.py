"""The app's look: icons from resources/icons and the small style sheet in resources/style.qss."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from briefing import paths


def icon(name: str) -> QIcon:
    """resources/icons/<name>.svg as an icon (an empty icon if the file is missing)."""
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("briefing")


@cache
def style_sheet() -> str:
    """The application style sheet; "" when it is not shipped (the app still works)."""
    path = paths.resources_dir() / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
