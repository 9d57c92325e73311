"""The article list: a table over :class:`ArticleListModel`, synced with the view state."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefing.ui.article_list_model import (
    DATE_COLUMN,
    SOURCE_COLUMN,
    TITLE_COLUMN,
    ArticleListModel,
)
from briefing.view_state import ViewChange, ViewState

NO_MATCHES = "No articles match this search."


class ArticleListView(QTableView):
    """Selecting a row selects the article in the view state; the state's sort shows in the
    header; after each model reset the selected article is found again (or let go)."""

    def __init__(
        self, model: ArticleListModel, state: ViewState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._state = state
        self.setObjectName("articleList")
        self.setAccessibleName("Articles")
        self.setModel(model)
        self._list_model = model

        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
