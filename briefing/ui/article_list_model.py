"""The article list's table model: store query ids, rows fetched lazily in pages.

On every query change (search, sort, import-run, entity, date and range filters) the model asks
the store for the ids in display order and resets itself. Row data is fetched only when the view
asks for a row, a page at a time, so a 100k-article store opens at once. Sorting and filtering
happen in the store's SQL: a QSortFilterProxyModel over 100k rows was measured at 0.5–1.9 s to
filter and 11 s to sort, a reset takes about 20 ms.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from briefing.domain import ArticleQuery, ArticleRow, DateSource, QuerySyntaxError, SortKey
from briefing.store import Store
from briefing.ui.theme import icon
from briefing.view_state import QUERY_CHANGES, ViewChange, ViewState

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

DATE_COLUMN, TITLE_COLUMN, SOURCE_COLUMN = range(3)
_COLUMNS = (
    (DATE_COLUMN, "Date", SortKey.DATE),
    (TITLE_COLUMN, "Title", SortKey.TITLE),
    (SOURCE_COLUMN, "Source", SortKey.SOURCE),
)
_KEY_OF_COLUMN = {column: key for column, _, key in _COLUMNS}
_COLUMN_OF_KEY = {key: column for column, _, key in _COLUMNS}

UNKNOWN_DATE = "unknown"
DATE_TOOLTIPS = {
    DateSource.METADATA: "Publication date given in the file",
    DateSource.USER: "Publication date given at import",
    DateSource.INFERRED: "Publication date inferred from the text (not stated in the file)",
    DateSource.UNKNOWN: "Publication date unknown",
}
TRUNCATED_TOOLTIP = "Truncated: the article is cut off in the source file"

_ROLES_NEEDING_ROW = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
    }
)
# Dates shown in italics: guessed, not stated by the file or the person.
_SOFT_DATES = frozenset({DateSource.INFERRED})
_MUTED = QBrush(QColor("#8a8f98"))

# The id of the article in a row, for views and tests that need it without the row data.
ArticleIdRole = Qt.ItemDataRole.UserRole + 1


class ArticleListModel(QAbstractTableModel):
    """Date / Title / Source of the articles the view state's query selects."""

    PAGE_SIZE = 200
    # 64 pages = 12,800 rows of a few short strings each: a few MB at most.
    MAX_CACHED_PAGES = 64

    # The store rejected the search: the one-line explanation. The previous rows stay.
    queryFailed = Signal(str)
    # A query ran (after a reset): the number of rows now listed.
    queryApplied = Signal(int)

    def __init__(self, store: Store, state: ViewState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._state = state
        self._ids: list[int] = []
        self._row_of_id: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, ArticleRow]] = OrderedDict()
        self._applied: ArticleQuery | None = None
        self._italic = QFont()
        self._italic.setItalic(True)
        self._truncated_icon: QIcon = icon("truncated")
        self._unsubscribe = state.subscribe(self._on_query_changed, QUERY_CHANGES)
        self.destroyed.connect(self._unsubscribe)
        self.refresh()

    # -- what the rest of the window uses ----------------------------------------------------

    @property
    def store(self) -> Store:
        return self._store

    def set_store(self, store: Store) -> None:
        """Show another store's articles (the state's query is kept as it is)."""
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query because the articles changed (an import, another store).

        With an invalid search the list keeps showing the last valid query's results, brought
        up to date, and the error is announced again.
        """
        try:
            self._apply(self._state.query())
        except QuerySyntaxError as exc:
            if self._applied is not None:
                self._apply(self._applied)
            self.queryFailed.emit(str(exc))

    @property
    def ids(self) -> list[int]:
        """The listed ids, in order (a new list after each query: never changed in place)."""
        return self._ids

    @property
    def applied_query(self) -> ArticleQuery | None:
        """The query whose results are listed (differs from the state's after a bad search)."""
        return self._applied

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        if self._row_of_id is None:
            # Built on first use only: typing a search resets the model on each pause, and
            # most resets never need it.
            self._row_of_id = {article_id: row for row, article_id in enumerate(self._ids)}
        return self._row_of_id.get(article_id)

    def row_data(self, row: int) -> ArticleRow | None:
        article_id = self.article_id(row)
        if article_id is None:
            return None
        return self._page(row // self.PAGE_SIZE).get(article_id)

    @staticmethod
    def sort_key_of_column(column: int) -> SortKey:
        return _KEY_OF_COLUMN[column]

    @staticmethod
    def column_of_sort_key(key: SortKey) -> int:
        return _COLUMN_OF_KEY[key]

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section][1]
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # A first click on Date shows the newest first; names sort A→Z first.
            if section == DATE_COLUMN:
                return Qt.SortOrder.DescendingOrder
            return Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ArticleIdRole:
            return self.article_id(index.row())
        if role not in _ROLES_NEEDING_ROW:
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE_COLUMN:
                # Never today's date for an undated story: it would read as "the newest".
                return row.published.isoformat() if row.published else UNKNOWN_DATE
            if column == TITLE_COLUMN:
                return row.title or "(untitled)"
            return row.source
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DATE_COLUMN:
                return DATE_TOOLTIPS[row.date_source]
            if column == TITLE_COLUMN:
                tip = row.title
                return f"{tip}\n{TRUNCATED_TOOLTIP}" if row.truncated else tip
            return row.source
        if role == Qt.ItemDataRole.FontRole:
            if column == DATE_COLUMN and row.date_source in _SOFT_DATES:
                return self._italic
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == TITLE_COLUMN and row.truncated:
                return self._truncated_icon
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DATE_COLUMN and row.published is None:
                return _MUTED
            return None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The header's click lands here; the state decides, and _on_query_changed re-queries.
        if column in _KEY_OF_COLUMN:
            self._state.set_sort(_KEY_OF_COLUMN[column], order == Qt.SortOrder.DescendingOrder)

    # -- internals ---------------------------------------------------------------------------

    def _on_query_changed(self, _change: ViewChange) -> None:
        query = self._state.query()
        if query == self._applied:
            # Already listed ("Clear all" announces each filter it cleared; toggling AND/OR
            # with one entity selects the same articles): no query, the rows stay.
            self.queryApplied.emit(len(self._ids))
            return
        try:
            self._apply(query)
        except QuerySyntaxError as exc:
            # Keep the rows (and the selection) exactly as they are; only explain.
            self.queryFailed.emit(str(exc))

    def _apply(self, query: ArticleQuery) -> None:
        ids = self._store.query_article_ids(query)  # raises before anything changes
        self.beginResetModel()
        self._ids = ids
        self._row_of_id = None
        self._pages.clear()
        self._applied = query
        self.endResetModel()
        self.queryApplied.emit(len(ids))

    def _page(self, page: int) -> dict[int, ArticleRow]:
        cached = self._pages.get(page)
        if cached is not None:
            self._pages.move_to_end(page)
            return cached
        start = page * self.PAGE_SIZE
        rows = self._store.article_rows(self._ids[start : start + self.PAGE_SIZE])
        fetched = {row.id: row for row in rows}
        self._pages[page] = fetched
        while len(self._pages) > self.MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return fetched
