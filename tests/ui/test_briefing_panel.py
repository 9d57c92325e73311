"""The briefing panel, driven like a person: select and press Ctrl+B, drag, right-click, type.

Each test opens the main window on a hand-made store (``entity_corpus``: six wire stories; or
``chart_corpus`` for the charts) and checks what the person sees in the panel and what the
store then holds, and that Ctrl+Z takes each change back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from briefing.briefings.model import ItemKind
from briefing.store import Store
from briefing.ui.article_list_model import TITLE_COLUMN
from briefing.ui.briefing_item_model import ProvenanceRole
from briefing.ui.briefing_note_editor import NoteEditor
from briefing.ui.briefing_properties_dialog import BriefingPropertiesDialog
from briefing.ui.chart_panel import ChartPanel
from briefing.ui.main_window import MainWindow
from tests.ui.conftest import ChartCorpus, EntityCorpus
from tests.ui.helpers import menu_action, open_window, right_click

TOPOL = "Russia begins mass production of Topol-M missile"
CFE = "Moscow suspends its part in the CFE arms pact"
INTERCEPTORS = "Warsaw and Washington agree on an interceptor site"
KYIV = "NATO chief visits Kyiv"
SCHEFFER = "Scheffer warns Russia over missile plans"
ZEPHYR = "Poland signs missile defence deal"

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# -- driving the window ------------------------------------------------------------------------


def active_window(qtbot: QtBot, store: Store) -> MainWindow:
    window = open_window(qtbot, store)
    # Shortcuts need an active window; offscreen, activation takes an event round.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def click_article(
    qtbot: QtBot,
    window: MainWindow,
    title: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Click an article's row in the list (Ctrl adds it to the selection)."""
    table = window.list_view
    model = window.model
    row = next(r for r in range(model.rowCount()) if model.row_data(r).title == title)
    rect = table.visualRect(model.index(row, TITLE_COLUMN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def panel_titles(window: MainWindow) -> list[str]:
    model = window.briefing_panel.model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def panel_details(window: MainWindow) -> list[str]:
    model = window.briefing_panel.model
    return [model.data(model.index(row), ProvenanceRole) for row in range(model.rowCount())]


def stored_items(window: MainWindow) -> list[tuple[ItemKind, str]]:
    """(kind, title or text) of the current briefing's items, as the store has them."""
    briefing_id = window.briefing_editor.current_id
    assert briefing_id is not None
    items = window.store.get_briefing(briefing_id).items
    return [(i.kind, i.provenance.title if i.provenance else i.text) for i in items]


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL) -> None:
    """A key with Ctrl (or ``modifier``), in an active window as a person's would be
    (offscreen, closing a popup menu can leave no window active)."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window.list_view, Qt.Key.Key_Z)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window.list_view, Qt.Key.Key_Z, CTRL | SHIFT)


def drop(widget: QWidget, data: QMimeData, pos: QPoint) -> QDropEvent:
    """What a drag session delivers when the pointer enters, moves over and releases on
    ``widget`` at ``pos``."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the panel refused the drag"
    move = QDragMoveEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(widget, move)
    assert move.isAccepted(), "the panel refused the drop position"
    event = QDropEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(widget, event)
    return event


def row_top(window: MainWindow, row: int) -> QPoint:
    """Just inside the top of a row of the panel's list (a drop there goes before it)."""
    view = window.briefing_panel.list
    rect = view.visualRect(window.briefing_panel.model.index(row))
    return QPoint(rect.center().x(), rect.top() + 2)


def double_click(qtbot: QtBot, widget: QWidget, pos: QPoint) -> None:
    """A real double-click: press, release, then the double-click (QTest sends only that)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def choose(qtbot: QtBot, menu: QMenu, object_name: str) -> None:
    """Click a menu entry (which also closes the menu, as for a person)."""
    action = menu_action(menu, object_name)
    assert action.isEnabled()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def add_articles(qtbot: QtBot, window: MainWindow, *titles: str) -> None:
    click_article(qtbot, window, titles[0])
    for title in titles[1:]:
        click_article(qtbot, window, title, CTRL)
    press(qtbot, window.list_view, Qt.Key.Key_B)


# -- adding articles ------------------------------------------------------------------------


def test_ctrl_b_adds_the_selected_articles_with_their_provenance(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    panel = window.briefing_panel
    assert panel.objectName() == "briefingPanel" and panel.accessibleName()
    assert panel.isVisible() and panel.model.rowCount() == 0
    assert window.store.list_briefings() == []

    click_article(qtbot, window, INTERCEPTORS)
    click_article(qtbot, window, KYIV, CTRL)
    press(qtbot, window.list_view, Qt.Key.Key_B)

    # No briefing yet: the first add starts "Briefing 1" instead of asking.
    assert panel.switcher.currentText() == "Briefing 1 (2)"
    # In the list's order (newest first), each with where it came from.
    assert panel_titles(window) == [INTERCEPTORS, KYIV]
    assert panel_details(window) == ["Wire · 15 Aug 2008", "Wire · 4 Mar 2008"]
    assert stored_items(window) == [(ItemKind.ARTICLE, INTERCEPTORS), (ItemKind.ARTICLE, KYIV)]
    assert "Added 2 articles" in window.statusBar().currentMessage()

    # Again, with one more: the two already there are skipped, and the status bar says so.
    click_article(qtbot, window, TOPOL, CTRL)
    press(qtbot, window.list_view, Qt.Key.Key_B)
    assert panel_titles(window) == [INTERCEPTORS, KYIV, TOPOL]
    assert "Skipped 2 already in it" in window.statusBar().currentMessage()
    press(qtbot, window.list_view, Qt.Key.Key_B)
    assert panel_titles(window) == [INTERCEPTORS, KYIV, TOPOL]
    assert "Already in “Briefing 1”" in window.statusBar().currentMessage()

    # Ctrl+Z takes back the last add, then the first (and with it the briefing it started).
    undo(qtbot, window)
    assert panel_titles(window) == [INTERCEPTORS, KYIV]
    undo(qtbot, window)
    assert panel.model.rowCount() == 0
    assert window.store.list_briefings() == []
    assert not panel.switcher.isEnabled()
    redo(qtbot, window)
    assert panel_titles(window) == [INTERCEPTORS, KYIV]
    assert [b.name for b in window.store.list_briefings()] == ["Briefing 1"]


def test_the_list_context_menu_adds_to_the_briefing(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    click_article(qtbot, window, CFE)
    click_article(qtbot, window, ZEPHYR, CTRL)
    table = window.list_view
    model = window.model
    row = next(r for r in range(model.rowCount()) if model.row_data(r).title == CFE)
    right_click(qtbot, table.viewport(), table.visualRect(model.index(row, TITLE_COLUMN)).center())
    menu = table.context_menu
    assert menu is not None and menu.isVisible()
    action = menu_action(menu, "articleAddToBriefing")
    assert action.text().replace("&", "") == "Add 2 Articles to Briefing"
    choose(qtbot, menu, "articleAddToBriefing")
    assert sorted(panel_titles(window)) == sorted([CFE, ZEPHYR])


def test_articles_dragged_from_the_list_land_where_they_are_dropped(
    qtbot: QtBot, entity_corpus: EntityCorpus, monkeypatch
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, INTERCEPTORS, KYIV)
    panel = window.briefing_panel

    # The person drags the selected rows out of the list; the drag session (the platform's,
    # replaced here) carries them to the panel and releases them on its second row's top.
    def platform_drag(drag: QDrag, *_actions: object) -> Qt.DropAction:
        event = drop(panel.list.viewport(), drag.mimeData(), row_top(window, 1))
        return event.dropAction() if event.isAccepted() else Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", platform_drag)
    click_article(qtbot, window, SCHEFFER)
    click_article(qtbot, window, TOPOL, CTRL)
    table = window.list_view
    model = window.model
    row = next(r for r in range(model.rowCount()) if model.row_data(r).title == TOPOL)
    start = table.visualRect(model.index(row, TITLE_COLUMN)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=start)
    # Pressing on a selected row keeps both rows selected: both are dragged.
    assert len(table.selected_article_ids()) == 2
    qtbot.mouseMove(table.viewport(), start + QPoint(0, 30))
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(0, 30))

    assert panel_titles(window) == [INTERCEPTORS, SCHEFFER, TOPOL, KYIV]
    assert [title for _, title in stored_items(window)] == panel_titles(window)

    # Dropping an article already there adds nothing.
    drop(panel.list.viewport(), table.drag_mime_data(), row_top(window, 0))
    assert len(panel_titles(window)) == 4
    undo(qtbot, window)
    assert panel_titles(window) == [INTERCEPTORS, KYIV]


# -- excerpts and charts ----------------------------------------------------------------------


def test_text_selected_in_the_reader_becomes_an_excerpt_with_provenance(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    click_article(qtbot, window, KYIV)
    reader = window.reader
    assert reader.select_text("NATO's door remained open")
    right_click(qtbot, reader.viewport(), reader.cursorRect().center())
    menu = reader.context_menu
    assert menu is not None and menu.isVisible()
    choose(qtbot, menu, "readerAddExcerpt")

    assert panel_titles(window) == ["“NATO's door remained open”"]
    assert panel_details(window) == [f"Wire · 4 Mar 2008 · {KYIV}"]
    item = window.store.get_briefing(window.briefing_editor.current_id).items[0]
    assert item.kind is ItemKind.EXCERPT
    assert item.text == "NATO's door remained open"
    assert item.article_id == entity_corpus.ids[KYIV]

    # The comment is edited in place: double-click, type, Enter.
    view = window.briefing_panel.list
    rect = view.visualRect(window.briefing_panel.model.index(0))
    double_click(qtbot, view.viewport(), rect.center())
    editor = view.findChild(QLineEdit, "briefingCaptionEdit")
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "Said twice that week")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.store.get_briefing(item.briefing_id).items[0].caption == "Said twice that week"
        )
    )
    undo(qtbot, window)
    assert window.store.get_briefing(item.briefing_id).items[0].caption == ""

    # Nothing selected: the menu entry says why instead of adding an empty excerpt.
    reader.moveCursor(reader.textCursor().MoveOperation.Start)
    window.add_excerpt_action.trigger()
    assert "Select some text in the reader" in window.statusBar().currentMessage()
    assert len(panel_titles(window)) == 1


def test_add_to_briefing_on_the_chart_panel_adds_a_captioned_chart(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = active_window(qtbot, chart_corpus.store)
    window.resize(1200, 860)
    window.search_box.line_edit.setText("Topol")
    window.search_box.line_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    qtbot.waitUntil(lambda: window.charts.up_to_date, timeout=5_000)

    button = window.charts.add_button
    assert button.objectName() == "chartAddToBriefing" and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel_titles(window) == ["Timeline of dates mentioned"]
    assert panel_details(window) == ['Articles matching "Topol" · 2 articles']
    chart = window.store.get_briefing(window.briefing_editor.current_id).items[0].chart
    assert chart is not None and chart.timeline is not None
    # The articles of the view, on the span the timeline showed.
    assert sum(b.count for b in chart.timeline.bins) == 2

    bar = window.charts.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(ChartPanel.RANGES_TAB).center()
    )
    qtbot.waitUntil(lambda: window.charts.up_to_date, timeout=5_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel_titles(window) == ["Timeline of dates mentioned", "Stated ranges"]
    ranges = window.store.get_briefing(window.briefing_editor.current_id).items[1].chart
    assert ranges is not None and ranges.ranges is not None
    assert [s.name for s in ranges.ranges.systems] == ["Topol-M"]
    undo(qtbot, window)
    assert panel_titles(window) == ["Timeline of dates mentioned"]


# -- reordering, removing, notes --------------------------------------------------------------


def test_items_are_reordered_by_drag_and_by_keyboard_and_undone(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, INTERCEPTORS, KYIV, SCHEFFER)
    panel = window.briefing_panel
    assert panel_titles(window) == [SCHEFFER, INTERCEPTORS, KYIV]

    # Drag the last item onto the top of the first.
    model = panel.model
    data = model.mimeData([model.index(2)])
    event = drop(panel.list.viewport(), data, row_top(window, 0))
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.MoveAction
    assert panel_titles(window) == [KYIV, SCHEFFER, INTERCEPTORS]
    assert [title for _, title in stored_items(window)] == [KYIV, SCHEFFER, INTERCEPTORS]
    assert panel.list.selected_item_ids() == [model.item(0).id]  # the moved item

    # Ctrl+Down twice moves it to the end; Ctrl+Z puts it back one step at a time.
    panel.list.setFocus()
    press(qtbot, panel.list, Qt.Key.Key_Down)
    press(qtbot, panel.list, Qt.Key.Key_Down)
    assert panel_titles(window) == [SCHEFFER, INTERCEPTORS, KYIV]
    undo(qtbot, window)
    assert panel_titles(window) == [SCHEFFER, KYIV, INTERCEPTORS]
    undo(qtbot, window)
    undo(qtbot, window)
    assert panel_titles(window) == [SCHEFFER, INTERCEPTORS, KYIV]
    assert [title for _, title in stored_items(window)] == [SCHEFFER, INTERCEPTORS, KYIV]


def test_delete_removes_the_selected_items_and_undo_brings_them_back(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, INTERCEPTORS, KYIV, SCHEFFER)
    panel = window.briefing_panel
    before = [item.id for item in panel.model.items]
    view = panel.list
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(panel.model.index(1)).center(),
    )
    assert panel.remove_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert panel_titles(window) == [SCHEFFER, KYIV]
    assert [title for _, title in stored_items(window)] == [SCHEFFER, KYIV]
    assert panel.switcher.currentText() == "Briefing 1 (2)"

    undo(qtbot, window)
    assert panel_titles(window) == [SCHEFFER, INTERCEPTORS, KYIV]
    assert [item.id for item in panel.model.items] == before  # the same items, not copies
    assert view.selected_item_ids() == [before[1]]

    # The Remove button does the same.
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel_titles(window) == [SCHEFFER, KYIV]


def test_a_note_is_written_in_place_and_saved_as_markdown(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, KYIV)
    panel = window.briefing_panel
    qtbot.mouseClick(panel.add_note_button, Qt.MouseButton.LeftButton)
    editor = panel.list.findChild(NoteEditor)
    assert editor is not None and editor.isVisible()
    text = editor.text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is text)

    qtbot.keyClicks(text, "Watch the ")
    press(qtbot, text, Qt.Key.Key_B)  # bold, in the note: not "add articles"
    qtbot.keyClicks(text, "border")
    press(qtbot, text, Qt.Key.Key_B)
    qtbot.keyClicks(text, " closely.")
    assert editor.bold_button.isCheckable()
    qtbot.keyClick(text, Qt.Key.Key_Escape)  # done (saved)

    note = "Watch the **border** closely."
    qtbot.waitUntil(
        lambda: stored_items(window) == [(ItemKind.ARTICLE, KYIV), (ItemKind.NOTE, note)]
    )
    assert panel_titles(window) == [KYIV, "Watch the border closely."]
    assert panel.list.findChild(NoteEditor) is None or not editor.isVisible()

    # Editing it again shows the bold word as bold, and Ctrl+Z undoes the text, then the note.
    undo(qtbot, window)
    assert stored_items(window) == [(ItemKind.ARTICLE, KYIV), (ItemKind.NOTE, "")]
    assert panel_titles(window)[1].startswith("Empty note")
    undo(qtbot, window)
    assert stored_items(window) == [(ItemKind.ARTICLE, KYIV)]
    redo(qtbot, window)
    redo(qtbot, window)
    assert stored_items(window)[1] == (ItemKind.NOTE, note)
    assert panel.edit_item(panel.model.item(1).id)
    reopened = panel.list.findChild(NoteEditor)
    assert reopened is not None and reopened.isVisible()
    html = reopened.text.toHtml()
    assert "font-weight:700" in html.replace(" ", "") or "font-weight:600" in html.replace(" ", "")


def test_entity_table_and_key_dates_are_added_with_editable_captions(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, KYIV)
    panel = window.briefing_panel
    qtbot.mouseClick(panel.add_entities_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.add_dates_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in stored_items(window)] == [
        ItemKind.ARTICLE,
        ItemKind.ENTITY_TABLE,
        ItemKind.KEY_DATES,
    ]
    assert panel_titles(window)[1:] == ["Entity table", "Key dates"]
    view = panel.list
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(panel.model.index(2)).center(),
    )
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.findChild(QLineEdit, "briefingCaptionEdit")
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "What happened when")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel_details(window)[2] == "What happened when")


# -- briefings: switch, properties, delete ----------------------------------------------------


def new_briefing(qtbot: QtBot, window: MainWindow, name: str) -> None:
    panel = window.briefing_panel
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    dialog = panel.properties_dialog
    assert isinstance(dialog, BriefingPropertiesDialog) and dialog.isVisible()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_switching_briefings_is_one_click_and_is_remembered(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    panel = window.briefing_panel
    add_articles(qtbot, window, KYIV)
    new_briefing(qtbot, window, "Missile defence")
    assert panel.switcher.currentText() == "Missile defence (0)"
    add_articles(qtbot, window, ZEPHYR, INTERCEPTORS)
    assert panel_titles(window) == [ZEPHYR, INTERCEPTORS]

    # One click on the switcher's entry for the first briefing.
    switcher = panel.switcher
    switcher.showPopup()
    popup = switcher.view()
    qtbot.waitUntil(popup.isVisible)
    row = switcher.findText("Briefing 1 (1)")
    qtbot.mouseClick(
        popup.viewport(),
        Qt.MouseButton.LeftButton,
        pos=popup.visualRect(popup.model().index(row, 0)).center(),
    )
    assert panel_titles(window) == [KYIV]
    assert switcher.currentText() == "Briefing 1 (1)"

    # The next window on this store shows the briefing shown last.
    window.close()
    again = open_window(qtbot, entity_corpus.store)
    assert again.briefing_panel.switcher.currentText() == "Briefing 1 (1)"
    assert panel_titles(again) == [KYIV]


def test_properties_name_the_briefing_and_say_what_prints(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    panel = window.briefing_panel
    add_articles(qtbot, window, KYIV)
    new_briefing(qtbot, window, "Kyiv visit")

    qtbot.mouseClick(panel.properties_button, Qt.MouseButton.LeftButton)
    dialog = panel.properties_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    # A taken name (in any case) is explained, and OK waits until it is fixed.
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "briefing 1")
    assert not ok.isEnabled()
    assert "already a briefing called" in dialog.error_label.text()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Kyiv, March 2008")
    assert ok.isEnabled()
    qtbot.keyClicks(dialog.title_edit, "NATO and Ukraine")
    qtbot.keyClicks(dialog.author_edit, "A. Analyst")
    dialog.marking_combo.setCurrentText("OFFICIAL-SENSITIVE")
    qtbot.mouseClick(dialog.date_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    info = window.store.get_briefing(window.briefing_editor.current_id).info
    assert (info.name, info.title, info.author, info.marking) == (
        "Kyiv, March 2008",
        "NATO and Ukraine",
        "A. Analyst",
        "OFFICIAL-SENSITIVE",
    )
    assert info.date is not None
    assert panel.switcher.currentText() == "Kyiv, March 2008 (0)"
    assert panel.summary.text().startswith("OFFICIAL-SENSITIVE · NATO and Ukraine · by A. Analyst")

    undo(qtbot, window)
    assert panel.switcher.currentText() == "Kyiv visit (0)"
    assert "OFFICIAL" not in panel.summary.text()


def test_deleting_a_briefing_shows_another_and_undo_restores_it(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    panel = window.briefing_panel
    add_articles(qtbot, window, KYIV, TOPOL)
    new_briefing(qtbot, window, "Second")
    add_articles(qtbot, window, CFE)
    panel.delete_action.trigger()
    assert [b.name for b in window.store.list_briefings()] == ["Briefing 1"]
    assert panel.switcher.currentText() == "Briefing 1 (2)"
    undo(qtbot, window)
    assert panel.switcher.currentText() == "Second (1)"
    assert panel_titles(window) == [CFE]


def test_an_article_item_opens_in_the_reader(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, TOPOL)
    click_article(qtbot, window, KYIV)
    view = window.briefing_panel.list
    double_click(
        qtbot, view.viewport(), view.visualRect(window.briefing_panel.model.index(0)).center()
    )
    assert window.reader.article_id == entity_corpus.ids[TOPOL]
    assert window.reader.toPlainText().startswith(TOPOL)


def test_an_empty_panel_says_how_to_add(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    window = active_window(qtbot, entity_corpus.store)
    panel = window.briefing_panel
    assert "Ctrl+B" in panel.list.empty_hint
    assert "Ctrl+B" in panel.summary.text()
    assert not panel.export_button.isEnabled()
    image = panel.list.viewport().grab().toImage()
    # Text is painted in the empty list: not a blank box.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, 80, 2)}
    assert len(colours) > 2


def test_the_snapshot_tool_renders_the_briefing_and_leaves_the_store_as_it_was(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from briefing.ui import snapshot

    if not snapshot.sample_files():
        pytest.skip("the sample set is not in this checkout")
    db = tmp_path / "mine.sqlite"
    written: list[str] = []
    code = snapshot.main(
        [str(tmp_path / "shots"), "--db", str(db), "--only", "briefing-panel", "briefing-export"],
        echo=written.append,
    )
    assert code == 0
    assert [Path(p).name for p in written] == ["briefing-panel.png", "briefing-export.png"]
    for path in written:
        assert Path(path).stat().st_size > 5_000
    with Store.open(db) as store:
        assert store.count_articles() > 0  # the sample set, imported into the empty store
        assert store.list_briefings() == []  # the demo briefing went again
