"""A GUI session — load the sample set, search, read — with every internet socket blocked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from briefing.store import Store
from tests.test_no_network import attempts  # noqa: F401 (the fixture)
from tests.ui.helpers import open_window


def test_gui_session_touches_no_network(
    qtbot: QtBot,
    empty_store: Store,
    attempts: list[str],  # noqa: F811
) -> None:
    window = open_window(qtbot, empty_store)
    with qtbot.waitSignal(window.importFinished, timeout=30_000):
        window.load_sample_set()
    if window.summary_dialog is not None:
        window.summary_dialog.reject()
    table = window.list_view
    assert table.model().rowCount() >= 40
    qtbot.keyClicks(window.findChild(QLineEdit, "searchBox"), "Hwasong")
    qtbot.waitUntil(lambda: 0 < table.model().rowCount() < 10, timeout=5_000)
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: "hwasong" in window.reader.toPlainText().lower(), timeout=5_000)
    assert attempts == []
