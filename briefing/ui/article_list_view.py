"""The article list: a table over :class:`ArticleListModel`, synced with the view state.

Several rows can be selected (Shift/Ctrl+click): the current row is the one the reader shows,
the selected rows are what "Add to briefing" (Ctrl+B, the context menu) takes. Dragging
selected rows carries their ids (:mod:`briefing.ui.briefing_mime`) to the briefing panel. The
drag is started here rather than by the model (whose rows are read-only and fetched lazily):
pressing on an already selected row keeps the selection, so several rows can be dragged.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QDrag, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from briefing.ui.article_list_model import (
    DATE_COLUMN,
    SOURCE_COLUMN,
    TITLE_COLUMN,
    ArticleListModel,
)
from briefing.ui.briefing_mime import article_mime_data
from briefing.view_state import ViewChange, ViewState

NO_MATCHES = "No articles match this search."


class ArticleListView(QTableView):
    """Selecting a row selects the article in the view state; the state's sort shows in the
    header; after each model reset the selected article is found again (or let go)."""

    # The context menu's "Add to Briefing": the window adds the selected articles.
    addToBriefingRequested = Signal()

    def __init__(
        self, model: ArticleListModel, state: ViewState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._state = state
        self.setObjectName("articleList")
        self.setAccessibleName("Articles")
        self.setModel(model)
        self._list_model = model
        self._press_pos: QPoint | None = None
        self._deferred_row: int | None = None
        self.context_menu: QMenu | None = None

        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        # Fixed row heights: the view never measures rows, so 100k rows cost nothing until
        # they are scrolled into sight (QTableView's equivalent of uniformRowHeights).
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)

        # Never ResizeToContents: it would fetch every row to measure it.
        columns = self.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.setSectionResizeMode(DATE_COLUMN, QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("0")
        columns.resizeSection(DATE_COLUMN, char * 12 + 16)
        columns.resizeSection(SOURCE_COLUMN, char * 18)
        columns.setMinimumSectionSize(char * 6)

        self._update_sort_indicator()
        # Enabling sorting makes the header call model.sort(); the state is already in that
        # order, so the call changes nothing.
        self.setSortingEnabled(True)

        model.modelReset.connect(self._on_model_reset)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self._unsubscribe = state.subscribe(
            self._on_state_changed, [ViewChange.SORT, ViewChange.SELECTION]
        )
        self.destroyed.connect(self._unsubscribe)

    def select_row(self, row: int) -> None:
        """Make ``row`` current and selected (and so shown in the reader)."""
        index = self._list_model.index(row, TITLE_COLUMN)
        if not index.isValid():
            return
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def selected_article_ids(self) -> list[int]:
        """The selected articles in list order (the current one if none is selected)."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        ids = [i for i in (self._list_model.article_id(row) for row in rows) if i is not None]
        if not ids and self._state.selected_article_id is not None:
            ids = [self._state.selected_article_id]
        return ids

    def drag_mime_data(self) -> object:
        """What dragging the selected rows carries (their ids, and their titles as text)."""
        ids = self.selected_article_ids()
        rows = self._list_model.row_of
        titles = []
        for article_id in ids:
            row = rows(article_id)
            data = self._list_model.row_data(row) if row is not None else None
            titles.append(data.title if data is not None else "")
        return article_mime_data(ids, titles)

    # -- dragging rows out -------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = None
        self._deferred_row = None
        index = self.indexAt(event.position().toPoint())
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            self._press_pos = event.position().toPoint()
            if plain and self.selectionModel().isRowSelected(index.row()):
                # Maybe the start of a drag of every selected row: the click's own selection
                # change waits for the release.
                self._deferred_row = index.row()
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._press_pos
        if start is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.position().toPoint() - start).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._press_pos = None
                self._deferred_row = None
                self._start_drag()
                return
            if self._deferred_row is not None:
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        row, self._deferred_row = self._deferred_row, None
        self._press_pos = None
        if row is not None:
            self.select_row(row)  # a plain click on a selected row: just that row
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _start_drag(self) -> None:
        data = self.drag_mime_data()
        drag = QDrag(self)
        drag.setMimeData(data)  # type: ignore[arg-type]
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        menu.popup(event.globalPos())

    def build_context_menu(self, viewport_pos: QPoint | None = None) -> QMenu:
        """Right-click: the row under the pointer joins the selection's fate (as in a file
        manager: a right-click outside the selection selects that row)."""
        if viewport_pos is not None:
            index = self.indexAt(viewport_pos)
            if index.isValid() and not self.selectionModel().isRowSelected(index.row()):
                self.select_row(index.row())
        menu = QMenu(self)
        menu.setObjectName("articleListContextMenu")
        count = len(self.selected_article_ids())
        text = "Add to &Briefing" if count <= 1 else f"Add {count} Articles to &Briefing"
        add = menu.addAction(text)
        add.setObjectName("articleAddToBriefing")
        add.setShortcut("Ctrl+B")
        add.setEnabled(count > 0)
        add.triggered.connect(self.addToBriefingRequested)
        return menu

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._list_model.rowCount() == 0:
            # An empty table looks broken; say why it is empty (the store's own emptiness has
            # its own panel, so here it is the search or the import-run filter).
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#8a8f98"))
            painter.drawText(
                self.viewport().rect().adjusted(12, 24, -12, 0),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                NO_MATCHES,
            )
            painter.end()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._state.selected_article_id = (
            self._list_model.article_id(current.row()) if current.isValid() else None
        )

    def _on_model_reset(self) -> None:
        # The rows are new; the article the reader shows may still be among them.
        selected = self._state.selected_article_id
        row = self._list_model.row_of(selected) if selected is not None else None
        if row is None:
            self._state.selected_article_id = None
        else:
            self.select_row(row)

    def _on_state_changed(self, change: ViewChange) -> None:
        if change == ViewChange.SORT:
            self._update_sort_indicator()
        elif change == ViewChange.SELECTION:
            self._update_selection()

    def _update_sort_indicator(self) -> None:
        header = self.horizontalHeader()
        column = ArticleListModel.column_of_sort_key(self._state.sort)
        order = (
            Qt.SortOrder.DescendingOrder if self._state.descending else Qt.SortOrder.AscendingOrder
        )
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != order:
            header.setSortIndicator(column, order)

    def _update_selection(self) -> None:
        selected = self._state.selected_article_id
        current = self.currentIndex()
        if selected is None:
            if current.isValid():
                self.selectionModel().clear()
            return
        if current.isValid() and self._list_model.article_id(current.row()) == selected:
            return
        row = self._list_model.row_of(selected)
        if row is not None:
            self.select_row(row)
