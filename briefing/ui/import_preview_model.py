"""The import preview's table: the articles an import would create, editable before it runs.

Rows arrive progressively while a worker reads the files (:meth:`append`); the person unticks
rows, merges one with the next or splits one at a paragraph, and :meth:`included` is exactly
what the import then stores. Warnings follow every edit: a cut-off story, no date, or the
same text as an earlier row (which the store would skip as a duplicate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from briefing.content_hash import content_hash
from briefing.domain import DateSource, ParsedArticle
from briefing.ingest.pipeline import source_name
from briefing.ingest.preview_edits import merge_articles, split_article
from briefing.ui.article_list_model import DATE_TOOLTIPS

_Index = QModelIndex | QPersistentModelIndex

(
    INCLUDE_COLUMN,
    TITLE_COLUMN,
    KICKER_COLUMN,
    FIRST_WORDS_COLUMN,
    LENGTH_COLUMN,
    DATE_COLUMN,
    FILE_COLUMN,
    WARNINGS_COLUMN,
) = range(8)
HEADERS = ("", "Title", "Kicker", "First words", "Words", "Date", "File", "Warnings")
FIRST_WORDS = 12

WARNING_TRUNCATED = "truncated"
WARNING_NO_DATE = "no date"
WARNING_DUPLICATE = "duplicate"
_MUTED = QBrush(QColor("#8a8f98"))
_WARNING = QBrush(QColor("#a15c00"))

# Given the content hashes of some articles, which of them the store already holds (None: the
# store cannot say yet, and no "duplicate of a stored article" warning is shown).
KnownHashes = Callable[[Sequence[str]], set[str]]


@dataclass(slots=True)
class PreviewRow:
    """One article of the preview, where it came from and whether it will be imported."""

    article: ParsedArticle
    path: Path
    source: str
    included: bool = True
    digest: str = ""
    duplicate_of: int | None = None  # the earlier row with the same text
    in_store: bool = False
    words: int = 0
    first_words: str = ""

    def refresh(self) -> None:
        self.digest = content_hash(self.article)
        words = self.article.body.split()
        self.words = len(words)
        self.first_words = " ".join(words[:FIRST_WORDS]) + ("…" if len(words) > FIRST_WORDS else "")

    def warnings(self) -> list[str]:
        found: list[str] = []
        if self.article.truncated:
            found.append(WARNING_TRUNCATED)
        if self.article.published is None:
            found.append(WARNING_NO_DATE)
        if self.duplicate_of is not None:
            found.append(f"{WARNING_DUPLICATE} of row {self.duplicate_of + 1}")
        if self.in_store:
            found.append(f"{WARNING_DUPLICATE} of a stored article")
        for warning in self.article.warnings:
            # The reader's own notes on a missing date go stale once a date is set (inferred,
            # or given at import); truncation and a missing date are checked above.
            stale = self.article.published is not None and "date" in warning
            if warning not in (WARNING_TRUNCATED, WARNING_NO_DATE) and not stale:
                found.append(warning)
        return found


class ImportPreviewModel(QAbstractTableModel):
    """Checkbox / title / kicker / first words / length / date / file / warnings."""

    def __init__(
        self, parent: QObject | None = None, known_hashes: KnownHashes | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._known_hashes = known_hashes
        # The person unticked, merged or split something since the rows were read: what
        # going back and changing the options would throw away.
        self.edited = False

    # -- reading ------------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[PreviewRow]:
        return self._rows

    def included(self) -> list[tuple[str, ParsedArticle]]:
        """(source name, article) of every ticked row, in order: what the import stores."""
        return [(row.source, row.article) for row in self._rows if row.included]

    def included_count(self) -> int:
        return sum(row.included for row in self._rows)

    def warning_count(self) -> int:
        return sum(bool(row.warnings()) for row in self._rows if row.included)

    # -- filling and editing --------------------------------------------------------------------

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.edited = False
        self.endResetModel()

    def append(self, path: Path, given_source: str, articles: Iterable[ParsedArticle]) -> None:
        """Rows for a file's articles; ``given_source`` is the name the person gave ("": the
        one the file names, else the file's name)."""
        self.append_files([(path, given_source, articles)])

    def append_files(self, files: Sequence[tuple[Path, str, Iterable[ParsedArticle]]]) -> None:
        """Rows for several files' articles at once: one insertion, one duplicate check and
        one store query for the lot (per file, a preview of 1,000 files took seconds)."""
        new = [
            PreviewRow(article, path, source_name(given_source, article, path))
            for path, given_source, articles in files
            for article in articles
        ]
        if not new:
            return
        for row in new:
            row.refresh()
        self._mark_in_store(new)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        self.endInsertRows()
        self._update_duplicates()

    def set_given_source(self, given_source: str) -> None:
        """The person changed the source name: every row's source follows, edits stay."""
        for item in self._rows:
            item.source = source_name(given_source, item.article, item.path)

    def set_included(self, row: int, included: bool) -> None:
        if self._rows[row].included == included:
            return
        self.edited = True
        self._rows[row].included = included
        self._update_duplicates()
        self._changed(row, row)

    def set_all_included(self, included: bool) -> None:
        self.edited = self.edited or any(item.included != included for item in self._rows)
        for item in self._rows:
            item.included = included
        self._update_duplicates()
        if self._rows:
            self._changed(0, len(self._rows) - 1)

    def can_merge(self, row: int) -> bool:
        return 0 <= row < len(self._rows) - 1

    def merge_with_next(self, row: int) -> None:
        """Row ``row`` takes the next row's body after its own; the next row goes."""
        if not self.can_merge(row):
            raise IndexError(row)
        self.edited = True
        first, second = self._rows[row], self._rows[row + 1]
        first.article = merge_articles(first.article, second.article)
        first.refresh()
        self._mark_in_store([first])
        self.beginRemoveRows(QModelIndex(), row + 1, row + 1)
        del self._rows[row + 1]
        self.endRemoveRows()
        self._update_duplicates()
        self._changed(row, len(self._rows) - 1)

    def split(self, row: int, at: int) -> None:
        """Row ``row`` becomes two: paragraphs before ``at``, and from ``at`` on."""
        item = self._rows[row]
        head, tail = split_article(item.article, at)
        self.edited = True
        item.article = head
        item.refresh()
        second = PreviewRow(tail, item.path, item.source, included=item.included)
        second.refresh()
        self._mark_in_store([item, second])
        self.beginInsertRows(QModelIndex(), row + 1, row + 1)
        self._rows.insert(row + 1, second)
        self.endInsertRows()
        self._update_duplicates()
        self._changed(row, len(self._rows) - 1)

    def _mark_in_store(self, rows: Sequence[PreviewRow]) -> None:
        if self._known_hashes is None:
            return
        known = self._known_hashes([row.digest for row in rows])
        for row in rows:
            row.in_store = row.digest in known

    def _update_duplicates(self) -> None:
        """Which included rows repeat an earlier included row's text (the store keeps one)."""
        seen: dict[str, int] = {}
        changed: list[int] = []
        for index, item in enumerate(self._rows):
            before = item.duplicate_of
            if not item.included:
                item.duplicate_of = None
            else:
                item.duplicate_of = seen.get(item.digest)
                seen.setdefault(item.digest, index)
            if item.duplicate_of != before:
                changed.append(index)
        if changed:
            self._changed(min(changed), max(changed))

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == INCLUDE_COLUMN:
            return "Import this article"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == INCLUDE_COLUMN:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != INCLUDE_COLUMN:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.set_included(index.row(), checked)
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        article = item.article
        if role == Qt.ItemDataRole.CheckStateRole and column == INCLUDE_COLUMN:
            return Qt.CheckState.Checked if item.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DATE_COLUMN:
                return DATE_TOOLTIPS.get(article.date_source, "")
            if column == FILE_COLUMN:
                return str(item.path)
            if column == FIRST_WORDS_COLUMN:
                return article.body[:600]
            if column == TITLE_COLUMN:
                return article.title
            if column == WARNINGS_COLUMN:
                return "\n".join(item.warnings())
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not item.included:
                return _MUTED
            if column == WARNINGS_COLUMN:
                return _WARNING
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == DATE_COLUMN and article.date_source == DateSource.INFERRED:
                font = QFont()
                font.setItalic(True)
                return font
            if not item.included and column == TITLE_COLUMN:
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LENGTH_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == INCLUDE_COLUMN:
            return "import" if item.included else "not imported"
        return None

    @staticmethod
    def _display(item: PreviewRow, column: int) -> str | None:
        article = item.article
        if column == TITLE_COLUMN:
            return article.title or "(untitled)"
        if column == KICKER_COLUMN:
            return article.kicker
        if column == FIRST_WORDS_COLUMN:
            return item.first_words
        if column == LENGTH_COLUMN:
            return f"{item.words:,}"
        if column == DATE_COLUMN:
            return article.published.isoformat() if article.published else "unknown"
        if column == FILE_COLUMN:
            return item.path.name
        if column == WARNINGS_COLUMN:
            return ", ".join(item.warnings())
        return None
