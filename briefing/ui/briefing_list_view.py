"""The briefing panel's list (``briefingItems``): drag to reorder, drop articles, keys.

Drops are handled here rather than by QListView's own internal move: the list never changes
itself, it hands the drop to the model (which asks the editor to make the change in the store)
and the model is then reloaded from the store. Keys: Delete removes the selected items,
Ctrl+Up / Ctrl+Down move them, Enter or F2 edits a note or a caption (or opens an article).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from briefing.ui.briefing_item_delegate import BriefingItemDelegate
from briefing.ui.briefing_item_model import BriefingItemModel, ItemIdRole
from briefing.ui.briefing_mime import ARTICLE_IDS_MIME, ITEM_IDS_MIME, decode_ids

EMPTY_HINT = (
    "Nothing here yet.\n\nSelect articles in the list and press Ctrl+B, or drag them here. "
    "Select text in the reader and right-click to add it as an excerpt; charts have "
    "“Add to Briefing”."
)


class BriefingListView(QListView):
    """The items, in order; asks for removals, moves and openings by signal."""

    removeRequested = Signal(object)  # item ids
    moveByRequested = Signal(object, int)  # item ids, -1 (up) or +1 (down)
    activated_item = Signal(int)  # an item opened (Enter / double-click): its id
    contextMenuRequested = Signal(QPoint)  # global position

    def __init__(self, model: BriefingItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = model
        self.setObjectName("briefingItems")
        self.setAccessibleName("Briefing items")
        self.setModel(model)
        self.setItemDelegate(BriefingItemDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.setSpacing(0)
        # Rows are as wide as the list: laid out again when a scroll bar comes or goes (a
        # note's editor makes its row taller), or an open editor would run under the bar.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.doubleClicked.connect(self._on_double_clicked)
        self.empty_hint = EMPTY_HINT
        # The article list's selection colour: one look for "selected" across the window.
        self.setStyleSheet(
            "QListView#briefingItems { border: 1px solid #d5d8dc; background: #ffffff;"
            " selection-background-color: #3d5a6c; selection-color: #ffffff; }"
        )

    # -- what the panel and tests use -------------------------------------------------------

    def selected_item_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [i.id for i in (self._items.item(r) for r in rows) if i is not None]

    def select_items(self, item_ids: list[int]) -> None:
        selection = self.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for item_id in item_ids:
            row = self._items.row_of(item_id)
            if row is None:
                continue
            index = self._items.index(row)
            flags = QItemSelectionModel.SelectionFlag.Select
            if first is None:
                first = index
                selection.setCurrentIndex(index, flags)
            else:
                selection.select(index, flags)
        if first is not None:
            self.scrollTo(first)

    def drop_row_at(self, pos: QPoint) -> int:
        """The row a drop at ``pos`` (viewport coordinates) goes before; -1: the end."""
        index = self.indexAt(pos)
        if not index.isValid():
            return -1
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() > rect.center().y() else 0)

    # -- drag and drop -----------------------------------------------------------------------

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return bool(decode_ids(data, ITEM_IDS_MIME) or decode_ids(data, ARTICLE_IDS_MIME))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            super().dragEnterEvent(event)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        super().dragMoveEvent(event)  # draws the drop indicator
        internal = decode_ids(event.mimeData(), ITEM_IDS_MIME)
        event.setDropAction(Qt.DropAction.MoveAction if internal else Qt.DropAction.CopyAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        row = self.drop_row_at(event.position().toPoint())
        internal = bool(decode_ids(data, ITEM_IDS_MIME))
        action = Qt.DropAction.MoveAction if internal else Qt.DropAction.CopyAction
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if self._items.dropMimeData(data, action, row, 0, QModelIndex()):
            event.setDropAction(action)
            event.accept()
        else:
            event.ignore()

    # -- keys, mouse, menu -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        ids = self.selected_item_ids()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and ids:
            self.removeRequested.emit(ids)
            event.accept()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods & Qt.KeyboardModifier.ControlModifier:
            if ids:
                self.moveByRequested.emit(ids, -1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        # Editable items opened their editor already (the DoubleClicked trigger).
        if index.isValid() and not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            self.activated_item.emit(int(index.data(ItemIdRole)))

    def _open(self, index: QModelIndex) -> None:
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)
        else:
            self.activated_item.emit(int(index.data(ItemIdRole)))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos()) if event.reason() == event.Reason.Mouse else None
        if index is not None and index.isValid() and not self.selectionModel().isSelected(index):
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        position = event.globalPos()
        if event.reason() != event.Reason.Mouse and self.currentIndex().isValid():
            rect = self.visualRect(self.currentIndex())
            position = self.viewport().mapToGlobal(rect.bottomLeft())
        self.contextMenuRequested.emit(position)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._items.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QColor("#8a8f98"))
        painter.drawText(
            self.viewport().rect().adjusted(14, 16, -14, -8),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.empty_hint,
        )
        painter.end()
