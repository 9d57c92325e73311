"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing.store import Store
from briefing.ui.main_window import MainWindow


def open_window(qtbot: QtBot, store: Store) -> MainWindow:
    """The main window on ``store``, shown and exposed as a person would see it."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
