"""The briefing panel: a dock where the analyst assembles a briefing and exports it.

``briefingPanel`` holds, from top to bottom: the switcher (``briefingSwitcher``: every briefing
of the store, one click away) with *New…* (``briefingNew``) and the properties button
(``briefingProperties``, its arrow also offers *Delete*); a line saying what the briefing is
(marking, author, date, items); the items (``briefingItems``: kind icon, title or first words,
provenance), and the buttons *Articles*, *Note*, *Entities*, *Key dates*, *Remove* and
*Export…*.

Every change goes through the :class:`~briefing.ui.briefing_editor.BriefingEditor` (one undo
step each, on the window's undo stack); the panel only shows what the store holds after it and
selects what the change concerned. Which articles are "selected" is the window's business
(``addArticlesRequested``), as is opening an item's article in the reader
(``articleActivated``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.briefings.model import Briefing, BriefingInfo, ItemKind
from briefing.chart_data import format_day
from briefing.ui.briefing_editor import BriefingEditor, count_words
from briefing.ui.briefing_export_dialog import BriefingExportDialog
from briefing.ui.briefing_item_model import BriefingItemModel
from briefing.ui.briefing_list_view import BriefingListView
from briefing.ui.briefing_properties_dialog import BriefingPropertiesDialog
from briefing.ui.docks import configure_dock
from briefing.ui.flow_layout import FlowLayout

NO_BRIEFING = "No briefing yet"


def switcher_text(info: BriefingInfo) -> str:
    return f"{info.name} ({info.item_count})"


def summary_text(info: BriefingInfo, items: int) -> str:
    """'OFFICIAL · by A. Analyst · as of 21 Jan 2019 · 5 items' (what prints on the page)."""
    parts = []
    if info.marking:
        parts.append(info.marking)
    if info.title and info.title != info.name:
        parts.append(info.title)
    if info.author:
        parts.append(f"by {info.author}")
    parts.append(f"as of {format_day(info.date)}" if info.date else "dated when exported")
    parts.append(count_words(items, "item"))
    return " · ".join(parts)


class BriefingPanel(QDockWidget):
    """The dock; see the module's docstring for its parts and names."""

    # "Add selected articles" (button, menu): the window knows the selection. The row the
    # articles go before (-1: the end).
    addArticlesRequested = Signal(int)
    # An article item was opened (double-click, Enter): the article's id, to read it.
    articleActivated = Signal(int)

    def __init__(self, editor: BriefingEditor, parent: QWidget | None = None) -> None:
        super().__init__("Briefing", parent)
        self.editor = editor
        self.context_menu: QMenu | None = None
        self.properties_dialog: BriefingPropertiesDialog | None = None
        self.export_dialog: BriefingExportDialog | None = None
        configure_dock(self, "briefingPanel", "Briefing panel")

        body = QWidget(self)
        body.setObjectName("briefingPanelBody")

        # -- the switcher ----------------------------------------------------------------------
        self.switcher = QComboBox(body)
        self.switcher.setObjectName("briefingSwitcher")
        self.switcher.setAccessibleName("Briefing shown")
        self.switcher.setToolTip("The briefing shown: choose another one here")
        self.switcher.setPlaceholderText(NO_BRIEFING)
        self.switcher.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.switcher.setMinimumContentsLength(8)
        self.switcher.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.switcher.activated.connect(self._on_switcher_activated)
        self.new_button = self._tool("New…", "briefingNew", "Start a new briefing")
        self.new_button.clicked.connect(self.open_new_dialog)
        self.properties_button = self._tool(
            "⋯", "briefingProperties", "Properties: name, title, author, date, marking"
        )
        self.properties_button.setAccessibleName("Briefing properties")
        self.properties_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.properties_menu = QMenu(self.properties_button)
        self.properties_action = QAction("&Properties…", self)
        self.properties_action.triggered.connect(self.open_properties)
        self.delete_action = QAction("&Delete Briefing", self)
        self.delete_action.setObjectName("briefingDeleteAction")
        self.delete_action.triggered.connect(self.delete_current)
        self.properties_menu.addAction(self.properties_action)
        self.properties_menu.addAction(self.delete_action)
        self.properties_button.setMenu(self.properties_menu)
        self.properties_button.clicked.connect(self.open_properties)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(4)
        top.addWidget(self.switcher, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.properties_button)

        self.summary = QLabel(body)
        self.summary.setObjectName("briefingSummary")
        self.summary.setAccessibleName("About this briefing")
        self.summary.setStyleSheet("color: #59636e;")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)  # a narrow dock: two lines rather than a clipped one

        # -- the items -------------------------------------------------------------------------
        self.model = BriefingItemModel(self)
        self.list = BriefingListView(self.model, body)

        # -- the buttons -----------------------------------------------------------------------
        self.add_articles_button = self._tool(
            "+ Articles", "briefingAddArticles", "Add the articles selected in the list (Ctrl+B)"
        )
        self.add_note_button = self._tool(
            "+ Note", "briefingAddNote", "Add a note of your own after the selected item"
        )
        self.add_entities_button = self._tool(
            "+ Entities",
            "briefingAddEntities",
            "Add a table of the entities in the briefing's articles (filled in at export)",
        )
        self.add_dates_button = self._tool(
            "+ Key dates",
            "briefingAddKeyDates",
            "Add a table of the dates the briefing's articles mention (filled in at export)",
        )
        self.remove_button = self._tool(
            "Remove", "briefingRemove", "Remove the selected items (Delete)"
        )
        self.export_button = self._tool(
            "Export…", "briefingExport", "Export the briefing as PDF, Word, HTML or Markdown"
        )
        self.add_articles_button.clicked.connect(lambda: self.addArticlesRequested.emit(-1))
        self.add_note_button.clicked.connect(self.add_note)
        self.add_entities_button.clicked.connect(lambda: self.add_table(ItemKind.ENTITY_TABLE))
        self.add_dates_button.clicked.connect(lambda: self.add_table(ItemKind.KEY_DATES))
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button.clicked.connect(self.open_export_dialog)

        buttons = QWidget(body)
        buttons.setObjectName("briefingButtons")
        flow = FlowLayout(buttons, spacing=4)
        for button in (
            self.add_articles_button,
            self.add_note_button,
            self.add_entities_button,
            self.add_dates_button,
            self.remove_button,
            self.export_button,
        ):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            flow.addWidget(button)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.setSpacing(5)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.setWidget(body)

        # -- wiring ------------------------------------------------------------------------------
        # Edits arrive while the editor widget is still open: make them after it has closed
        # (the store change reloads the list, which must not happen under an open editor).
        queued = Qt.ConnectionType.QueuedConnection
        self.model.textEdited.connect(self.editor.edit_text, queued)
        self.model.captionEdited.connect(self.editor.edit_caption, queued)
        self.model.moveRequested.connect(self._on_move_requested)
        self.model.articlesDropped.connect(self._on_articles_dropped)
        self.list.removeRequested.connect(self.editor.remove)
        self.list.moveByRequested.connect(self.editor.move_by)
        self.list.activated_item.connect(self._on_item_activated)
        self.list.contextMenuRequested.connect(self._show_context_menu)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.editor.changed.connect(self.reload)
        self.reload([])

    def _tool(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    # -- what the window, the menus and tests use ----------------------------------------------

    @property
    def briefing(self) -> Briefing | None:
        return self.model.briefing

    def reload(self, select: object = None) -> None:
        """Show the current briefing as the store has it; select ``select`` (item ids)."""
        briefing = self.editor.current()
        infos = self.editor.briefings()
        self.switcher.blockSignals(True)
        self.switcher.clear()
        for info in infos:
            self.switcher.addItem(switcher_text(info), info.id)
            self.switcher.setItemData(
                self.switcher.count() - 1, info.display_title, Qt.ItemDataRole.ToolTipRole
            )
        current = self.switcher.findData(briefing.info.id) if briefing is not None else -1
        self.switcher.setCurrentIndex(current)
        self.switcher.setEnabled(bool(infos))
        self.switcher.blockSignals(False)
        self.model.set_briefing(briefing)
        if briefing is not None:
            self.summary.setText(summary_text(briefing.info, len(briefing.items)))
            self.summary.setToolTip(self.summary.text())
            self.setWindowTitle(f"Briefing — {briefing.info.name}")
        else:
            self.summary.setText("Ctrl+B starts one with the selected articles.")
            self.summary.setToolTip("")
            self.setWindowTitle("Briefing")
        ids = [int(i) for i in select] if isinstance(select, list | tuple) else []
        if ids:
            self.list.select_items(ids)
        self._update_buttons()

    def add_note(self) -> int | None:
        """A new note after the selected item (or at the end), opened for writing."""
        selected = self.list.selected_item_ids()
        position = None
        if selected:
            row = self.model.row_of(selected[-1])
            position = row + 1 if row is not None else None
        item_id = self.editor.add_note("", position)
        if item_id is not None:
            self.edit_item(item_id)
        return item_id

    def add_table(self, kind: ItemKind) -> int | None:
        return self.editor.add_table(kind)

    def edit_item(self, item_id: int) -> bool:
        """Open the item's editor in place (a note's text, a caption)."""
        row = self.model.row_of(item_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.show()
        self.raise_()
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.list.edit(index, self.list.EditTrigger.AllEditTriggers, None)

    def remove_selected(self) -> bool:
        return self.editor.remove(self.list.selected_item_ids())

    def open_new_dialog(self) -> BriefingPropertiesDialog:
        """New…: name (suggested), title, author, date, marking; Create makes and shows it."""
        dialog = BriefingPropertiesDialog(
            None,
            [info.name for info in self.editor.briefings()],
            self,
            suggested_name=self.editor.next_name(),
            author=self._last_author(),
        )
        dialog.accepted.connect(lambda: self._on_new_accepted(dialog))
        self._open_dialog(dialog)
        return dialog

    def open_properties(self) -> BriefingPropertiesDialog | None:
        briefing = self.editor.current()
        if briefing is None:
            return self.open_new_dialog()
        dialog = BriefingPropertiesDialog(
            briefing.info, [info.name for info in self.editor.briefings()], self
        )
        briefing_id = briefing.info.id
        dialog.accepted.connect(lambda: self._on_properties_accepted(dialog, briefing_id))
        self._open_dialog(dialog)
        return dialog

    def delete_current(self) -> bool:
        briefing = self.editor.current()
        return self.editor.delete(briefing.info.id) if briefing is not None else False

    def open_export_dialog(self) -> BriefingExportDialog | None:
        """Export…: format, page size and file; the export runs in a worker."""
        briefing = self.editor.current()
        if briefing is None or not briefing.items:
            self.editor.message.emit("The briefing is empty: add articles, notes or charts first.")
            return None
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            return self.export_dialog
        dialog = BriefingExportDialog(self.editor.store, briefing.info, self.window())
        dialog.finished.connect(self._on_export_dialog_finished)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def switch_to(self, briefing_id: int) -> None:
        self.editor.set_current(briefing_id)

    # -- internals ---------------------------------------------------------------------------

    def _open_dialog(self, dialog: BriefingPropertiesDialog) -> None:
        if self.properties_dialog is not None:
            self.properties_dialog.deleteLater()
        self.properties_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_new_accepted(self, dialog: BriefingPropertiesDialog) -> None:
        values = dialog.values()
        self.editor.create(
            values.name,
            title=values.title,
            author=values.author,
            date=values.date,
            marking=values.marking,
        )

    def _on_properties_accepted(self, dialog: BriefingPropertiesDialog, briefing_id: int) -> None:
        values = dialog.values()
        self.editor.update_properties(
            briefing_id,
            name=values.name,
            title=values.title,
            author=values.author,
            date=values.date,
            marking=values.marking,
        )

    def _on_export_dialog_finished(self) -> None:
        dialog, self.export_dialog = self.export_dialog, None
        if dialog is not None:
            dialog.shutdown()
            dialog.deleteLater()

    def _last_author(self) -> str:
        # The analyst usually writes every briefing: offer the author of the latest one.
        infos = [info for info in self.editor.briefings() if info.author]
        if not infos:
            return ""
        return max(infos, key=lambda i: (i.modified_at or dt.datetime.min, i.id)).author

    def _on_switcher_activated(self, index: int) -> None:
        briefing_id = self.switcher.itemData(index)
        if isinstance(briefing_id, int):
            self.editor.set_current(briefing_id)

    def _on_move_requested(self, item_ids: list[int], row: int) -> None:
        self.editor.move(item_ids, row)

    def _on_articles_dropped(self, article_ids: list[int], row: int) -> None:
        self.editor.add_articles(article_ids, None if row < 0 else row)

    def _on_item_activated(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        item = self.model.item(row) if row is not None else None
        if item is not None and item.article_id is not None:
            self.articleActivated.emit(item.article_id)

    def _update_buttons(self) -> None:
        briefing = self.model.briefing
        has_items = briefing is not None and bool(briefing.items)
        self.remove_button.setEnabled(bool(self.list.selected_item_ids()))
        self.export_button.setEnabled(has_items)
        self.properties_action.setEnabled(briefing is not None)
        self.delete_action.setEnabled(briefing is not None)
        self.properties_button.setEnabled(True)

    def _show_context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("briefingContextMenu")
        ids = self.list.selected_item_ids()
        index = self.list.currentIndex()
        item = self.model.item(index.row()) if index.isValid() else None
        if item is not None and item.kind is ItemKind.NOTE:
            action = menu.addAction("Edit Note")
            action.setObjectName("briefingEditItem")
            action.triggered.connect(lambda: self.edit_item(item.id))
        elif item is not None and item.kind is ItemKind.EXCERPT:
            action = menu.addAction("Edit Comment")
            action.setObjectName("briefingEditItem")
            action.triggered.connect(lambda: self.edit_item(item.id))
        elif item is not None and item.kind is not ItemKind.ARTICLE:
            action = menu.addAction("Edit Caption")
            action.setObjectName("briefingEditItem")
            action.triggered.connect(lambda: self.edit_item(item.id))
        if item is not None and item.article_id is not None:
            action = menu.addAction("Read the Article")
            action.setObjectName("briefingReadArticle")
            action.triggered.connect(lambda: self.articleActivated.emit(item.article_id))
        if ids:
            menu.addSeparator()
            up = menu.addAction("Move Up")
            up.setShortcut("Ctrl+Up")
            up.triggered.connect(lambda: self.editor.move_by(ids, -1))
            down = menu.addAction("Move Down")
            down.setShortcut("Ctrl+Down")
            down.triggered.connect(lambda: self.editor.move_by(ids, 1))
            menu.addSeparator()
            remove = menu.addAction(f"Remove {count_words(len(ids), 'Item')}")
            remove.setObjectName("briefingRemoveItems")
            remove.setShortcut("Delete")
            remove.triggered.connect(lambda: self.editor.remove(ids))
        else:
            note = menu.addAction("Add Note")
            note.triggered.connect(self.add_note)
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        menu.popup(position)
