"""The briefing panel's list model: the current briefing's items, in order.

The model only shows items and turns what the person does to the list into requests: a drag
within the list asks to move items (``moveRequested``), articles dropped from the article list
ask to be added (``articlesDropped``), an edit in place asks to change a note or a caption
(``textEdited`` / ``captionEdited``). The :class:`~briefing.ui.briefing_editor.BriefingEditor`
does each one as an undoable store change and hands the model the briefing as it now is
(:meth:`set_briefing`), so the list always shows what the store holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from briefing.briefings.model import Briefing, BriefingItem, ItemKind, Provenance
from briefing.chart_data import format_day
from briefing.ui.briefing_mime import (
    ARTICLE_IDS_MIME,
    ITEM_IDS_MIME,
    decode_ids,
    item_mime_data,
)

_Index = QModelIndex | QPersistentModelIndex

ItemIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2  # the ItemKind's value (Qt hands back a plain str)
ProvenanceRole = Qt.ItemDataRole.UserRole + 3  # the second line: where it came from
CaptionRole = Qt.ItemDataRole.UserRole + 4  # an excerpt's comment (a third line), else ""
ItemRole = Qt.ItemDataRole.UserRole + 5  # the BriefingItem itself

KIND_LABELS = {
    ItemKind.ARTICLE: "Article",
    ItemKind.EXCERPT: "Excerpt",
    ItemKind.NOTE: "Note",
    ItemKind.CHART: "Chart",
    ItemKind.ENTITY_TABLE: "Entity table",
    ItemKind.KEY_DATES: "Key dates",
}
# What the person can change in place: a note's text; the caption (an excerpt's comment).
EDITABLE_KINDS = frozenset(
    {ItemKind.NOTE, ItemKind.EXCERPT, ItemKind.CHART, ItemKind.ENTITY_TABLE, ItemKind.KEY_DATES}
)
FIRST_WORDS = 90  # characters of a note or an excerpt shown on its first line

_MARKUP = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+)\s+", re.MULTILINE)


def kind_of(value: object) -> ItemKind | None:
    """The ItemKind a KindRole value names (None for anything else)."""
    try:
        return ItemKind(str(value)) if value is not None else None
    except ValueError:
        return None


def plain_words(markdown: str, most: int = FIRST_WORDS) -> str:
    """A note's first words without its Markdown (for the list, never for export)."""
    text = _LIST_MARK.sub("", markdown)
    text = _MARKUP.sub("", text).replace("\\", "")
    return shorten(" ".join(text.split()), most)


def shorten(text: str, most: int) -> str:
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[:most].rsplit(" ", 1)[0] if " " in text[: most // 2 :] else text[:most]
    return cut.rstrip(" ,;:.") + "…"


def provenance_text(provenance: Provenance | None) -> str:
    """'Reuters · 21 Jan 2019' (or 'Reuters · date unknown'); never today's date."""
    if provenance is None:
        return ""
    source = provenance.source or "Unknown source"
    when = format_day(provenance.published) if provenance.published else "date unknown"
    return f"{source} · {when}"


def item_title(item: BriefingItem) -> str:
    """The first line a person reads for an item."""
    if item.kind is ItemKind.ARTICLE:
        return (item.provenance.title if item.provenance else "") or "(untitled article)"
    if item.kind is ItemKind.EXCERPT:
        return f"“{shorten(item.text, FIRST_WORDS)}”"
    if item.kind is ItemKind.NOTE:
        return plain_words(item.text) or "Empty note: double-click to write it"
    if item.kind is ItemKind.CHART:
        return item.chart.title if item.chart is not None else "Chart"
    if item.kind is ItemKind.ENTITY_TABLE:
        return "Entity table"
    return "Key dates"


def item_detail(item: BriefingItem) -> str:
    """The second line: where the item came from, or what it is."""
    if item.kind is ItemKind.ARTICLE:
        return provenance_text(item.provenance)
    if item.kind is ItemKind.EXCERPT:
        title = item.provenance.title if item.provenance else ""
        where = provenance_text(item.provenance)
        return f"{where} · {shorten(title, 60)}" if title else where
    if item.kind is ItemKind.NOTE:
        return "Your note"
    if item.kind is ItemKind.CHART:
        return item.caption or "Chart"
    if item.kind is ItemKind.ENTITY_TABLE:
        return item.caption or "Entities of the briefing's articles, counted at export"
    return item.caption or "Dates the briefing's articles mention, listed at export"


def item_tooltip(item: BriefingItem) -> str:
    lines = [f"{KIND_LABELS[item.kind]}: {item_title(item)}", item_detail(item)]
    if item.kind is ItemKind.EXCERPT and item.caption:
        lines.append(f"Comment: {item.caption}")
    if item.provenance is not None and item.provenance.url:
        lines.append(item.provenance.url)
    if item.kind in EDITABLE_KINDS:
        what = "the note" if item.kind is ItemKind.NOTE else "the caption"
        if item.kind is ItemKind.EXCERPT:
            what = "your comment"
        lines.append(f"Double-click or press Enter to edit {what}.")
    elif item.kind is ItemKind.ARTICLE:
        lines.append("Double-click to read it.")
    return "\n".join(line for line in lines if line)


class BriefingItemModel(QAbstractListModel):
    """One row per item of the current briefing (none when no briefing is open)."""

    # Items dragged to another place: (item ids, the row they go before; -1 = the end).
    moveRequested = Signal(object, int)
    # Articles dropped from the article list: (article ids, the row they go before; -1 = end).
    articlesDropped = Signal(object, int)
    # Edited in place: (item id, new text) for a note's Markdown; (item id, caption).
    textEdited = Signal(int, str)
    captionEdited = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._briefing: Briefing | None = None
        self._items: tuple[BriefingItem, ...] = ()

    # -- what the panel uses -----------------------------------------------------------------

    @property
    def briefing(self) -> Briefing | None:
        return self._briefing

    @property
    def items(self) -> tuple[BriefingItem, ...]:
        return self._items

    def set_briefing(self, briefing: Briefing | None) -> None:
        self.beginResetModel()
        self._briefing = briefing
        self._items = tuple(sorted(briefing.items, key=lambda i: i.position)) if briefing else ()
        self.endResetModel()

    def item(self, row: int) -> BriefingItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def item_ids(self) -> list[int]:
        return [item.id for item in self._items]

    def row_of(self, item_id: int) -> int | None:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), None)

    # -- QAbstractListModel ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item_title(item)
        if role == Qt.ItemDataRole.EditRole:
            return item.text if item.kind is ItemKind.NOTE else item.caption
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_tooltip(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS[item.kind]}: {item_title(item)}. {item_detail(item)}"
        if role == ItemIdRole:
            return item.id
        if role == KindRole:
            return item.kind.value
        if role == ProvenanceRole:
            return item_detail(item)
        if role == CaptionRole:
            return item.caption if item.kind is ItemKind.EXCERPT else ""
        if role == ItemRole:
            return item
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.EditRole or item.kind not in EDITABLE_KINDS:
            return False
        text = str(value)
        if item.kind is ItemKind.NOTE:
            if text.strip() != item.text.strip():
                self.textEdited.emit(item.id, text)
        elif " ".join(text.split()) != item.caption:
            self.captionEdited.emit(item.id, " ".join(text.split()))
        # The row changes when the store has it (set_briefing), not before.
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows (on the list's background), never onto an item.
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        item = self.item(index.row())
        if item is not None and item.kind in EDITABLE_KINDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- drag and drop -----------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME, ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        items = [item for item in (self.item(row) for row in rows) if item is not None]
        return item_mime_data([i.id for i in items], "\n".join(item_title(i) for i in items))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        if parent.isValid():
            return False
        return bool(decode_ids(data, ITEM_IDS_MIME) or decode_ids(data, ARTICLE_IDS_MIME))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if parent.isValid():
            # Dropped onto an item: before it (the list never nests).
            row = parent.row()
        row = row if 0 <= row <= len(self._items) else -1
        item_ids = [i for i in decode_ids(data, ITEM_IDS_MIME) if self.row_of(i) is not None]
        if item_ids:
            self.moveRequested.emit(item_ids, row)
            return True
        article_ids = decode_ids(data, ARTICLE_IDS_MIME)
        if article_ids:
            self.articlesDropped.emit(article_ids, row)
            return True
        return False

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count <= 0:
            return False
        moved = self._items[source_row : source_row + count]
        if len(moved) != count or source_row <= destination_child <= source_row + count:
            return False
        self.moveRequested.emit([item.id for item in moved], destination_child)
        return True

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        # A finished drag-move asks the source to remove what it moved: the move already
        # happened in the store (moveRequested), so there is nothing left to remove.
        return False
