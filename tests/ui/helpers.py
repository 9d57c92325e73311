"""Small helpers shared by the GUI tests."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
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


def wait_for_counts(qtbot: QtBot, window: MainWindow) -> None:
    """Until the sidebar shows the counts for the window's current filters."""
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: sidebar.up_to_date, timeout=5_000)


def sidebar_counts(window: MainWindow) -> dict[str, int]:
    """{entity name: articles in view} as the sidebar lists them."""
    return {row.name: row.articles for row in window.sidebar.model.shown_entities()}


def entity_row(window: MainWindow, entity_id: int) -> QModelIndex:
    index = window.sidebar.model.index_of_entity(entity_id)
    assert index.isValid(), f"entity {entity_id} is not in the sidebar"
    return index


def click_entity(
    qtbot: QtBot,
    window: MainWindow,
    entity_id: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Click an entity's row in the sidebar tree, as a person would."""
    tree = window.sidebar.tree
    index = entity_row(window, entity_id)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def listed_ids(window: MainWindow) -> set[int]:
    model = window.model
    return {model.article_id(row) for row in range(model.rowCount())}


def right_click(qtbot: QtBot, widget: QWidget, pos: QPoint) -> None:
    """A right-click: the press and release, then the context-menu event the platform sends
    (QTest's synthetic clicks do not produce one)."""
    qtbot.mouseClick(widget, Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def right_click_entity(qtbot: QtBot, window: MainWindow, entity_id: int) -> QMenu:
    """Right-click an entity in the sidebar; returns the menu that opened."""
    tree = window.sidebar.tree
    index = entity_row(window, entity_id)
    tree.scrollTo(index)
    right_click(qtbot, tree.viewport(), tree.visualRect(index).center())
    menu = window.sidebar.context_menu
    assert menu is not None and menu.isVisible()
    return menu


def menu_action(menu: QMenu, object_name: str) -> QAction:
    """An action of a menu or its submenus, by objectName."""
    for action in menu.actions():
        if action.objectName() == object_name:
            return action
        submenu = action.menu()
        if submenu is not None:
            with contextlib.suppress(LookupError):
                return menu_action(submenu, object_name)
    raise LookupError(object_name)
