"""The entity sidebar's tree model: entities grouped by type, with counts for the view.

Two levels: a group row per type (People, Organisations, …, with how many entities it holds)
and under it the entities, by how many articles in view mention them. The model is rebuilt
from the store's counts on each refresh (a few thousand rows at most, a reset costs a few
milliseconds); the name filter is applied here, in Python, so typing in the sidebar's filter
box never queries the store. Each group shows at most ``cap`` rows and then "N more…", which
shows the next page when activated.

Entities in the filter stay listed even when no article in view mentions them (an excluded
entity never is): they carry a mark (selected or excluded) and a count of 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from briefing.domain import EntityCount, EntityType
from briefing.ui.entity_theme import TYPE_ORDER, type_icon, type_label, type_plural, type_tint

_Index = QModelIndex | QPersistentModelIndex

NAME_COLUMN, COUNT_COLUMN = 0, 1

EntityIdRole = Qt.ItemDataRole.UserRole + 1
EntityTypeRole = Qt.ItemDataRole.UserRole + 2
RowKindRole = Qt.ItemDataRole.UserRole + 3
MarkRole = Qt.ItemDataRole.UserRole + 4
CountRole = Qt.ItemDataRole.UserRole + 5

_MUTED = QBrush(QColor("#8a8f98"))
_GROUP_TEXT = QBrush(QColor("#3d5a6c"))


class RowKind(IntEnum):
    GROUP = 1
    ENTITY = 2
    MORE = 3  # "N more…"


class Mark(IntEnum):
    NONE = 0
    SELECTED = 1
    EXCLUDED = 2


@dataclass(slots=True)
class _Group:
    type: EntityType
    rows: list[EntityCount] = field(default_factory=list)
    total: int = 0  # entities of this type matching the name filter
    more: int = 0  # of those, how many are not shown (past the cap)


def _matches(name: str, needle: str) -> bool:
    return needle in name.casefold()


class EntityTreeModel(QAbstractItemModel):
    """Groups by type, entities by count; marks for the filter; "N more…" past the cap."""

    CAP = 500  # rows shown per group before "N more…"

    # The person edited a name in place (F2): the entity id and the new name.
    renameRequested = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counts: list[EntityCount] = []
        self._extra: dict[int, EntityCount] = {}  # marked/pinned entities not in the counts
        self._marks: dict[int, Mark] = {}
        self._pinned: set[int] = set()
        self._filter = ""
        self._caps: dict[EntityType, int] = {}
        self._groups: list[_Group] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- feeding the model -------------------------------------------------------------------

    def set_counts(
        self,
        counts: Sequence[EntityCount],
        *,
        selected: Iterable[int] = (),
        excluded: Iterable[int] = (),
        extra: Iterable[EntityCount] = (),
    ) -> None:
        """New counts for the view (sorted by count, as the store returns them) and marks.

        ``extra`` are rows for selected or excluded entities that no article in view mentions.
        """
        self._counts = list(counts)
        marks = {entity_id: Mark.SELECTED for entity_id in selected}
        marks.update({entity_id: Mark.EXCLUDED for entity_id in excluded})
        self._marks = marks
        self._extra = {row.id: row for row in extra}
        self._rebuild()

    def set_filter(self, text: str) -> None:
        """Show only entities whose name contains ``text`` (case-blind)."""
        text = text.strip().casefold()
        if text != self._filter:
            self._filter = text
            self._rebuild()

    @property
    def filter_text(self) -> str:
        return self._filter

    def pin(self, entity_id: int) -> None:
        """Always list ``entity_id`` (past the cap) — the entity the reader asked to show."""
        if entity_id not in self._pinned:
            self._pinned = {entity_id}
            self._rebuild()

    def show_more(self, etype: EntityType) -> None:
        self._caps[etype] = self._caps.get(etype, self.CAP) + self.CAP
        self._rebuild()

    # -- asking the model --------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._groups

    def has_any(self) -> bool:
        """Whether there is any entity at all (before the name filter)."""
        return bool(self._counts or self._extra)

    def entity(self, index: _Index) -> EntityCount | None:
        if self._kind(index) is not RowKind.ENTITY:
            return None
        return self._groups[index.internalId() - 1].rows[index.row()]

    def entity_by_id(self, entity_id: int) -> EntityCount | None:
        for row in self._counts:
            if row.id == entity_id:
                return row
        return self._extra.get(entity_id)

    def index_of_entity(self, entity_id: int, column: int = NAME_COLUMN) -> QModelIndex:
        for group_row, group in enumerate(self._groups):
            for row, entity in enumerate(group.rows):
                if entity.id == entity_id:
                    return self.createIndex(row, column, group_row + 1)
        return QModelIndex()

    def group_index(self, etype: EntityType) -> QModelIndex:
        for group_row, group in enumerate(self._groups):
            if group.type is etype:
                return self.createIndex(group_row, NAME_COLUMN, 0)
        return QModelIndex()

    def group_type(self, index: _Index) -> EntityType | None:
        if self._kind(index) is RowKind.GROUP:
            return self._groups[index.row()].type
        if index.isValid() and index.internalId() > 0:
            return self._groups[index.internalId() - 1].type
        return None

    def shown_entities(self) -> list[EntityCount]:
        """Every entity row, in display order (for tests and accessibility checks)."""
        return [row for group in self._groups for row in group.rows]

    def group_totals(self) -> dict[EntityType, int]:
        return {group.type: group.total for group in self._groups}

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0:
            return QModelIndex()
        group = self._groups[parent.row()]
        if row >= len(group.rows) + (1 if group.more else 0):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        group = self._groups[parent.row()]
        return len(group.rows) + (1 if group.more else 0)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def flags(self, index: _Index) -> Qt.ItemFlag:
        kind = self._kind(index)
        if kind is None:
            return Qt.ItemFlag.NoItemFlags
        if kind is RowKind.ENTITY:
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.column() == NAME_COLUMN:
                flags |= Qt.ItemFlag.ItemIsEditable
            return flags
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kind = self._kind(index)
        if kind is None:
            return None
        if role == RowKindRole:
            return kind
        if kind is RowKind.GROUP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group = self._groups[index.internalId() - 1]
        if kind is RowKind.MORE:
            return self._more_data(group, index.column(), role)
        return self._entity_data(group.rows[index.row()], index.column(), role)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entity = self.entity(index)
        if entity is None or role != Qt.ItemDataRole.EditRole or index.column() != NAME_COLUMN:
            return False
        name = " ".join(str(value).split())
        if not name or name == entity.name:
            return False
        self.renameRequested.emit(entity.id, name)
        return True

    # -- internals ---------------------------------------------------------------------------

    def _kind(self, index: _Index) -> RowKind | None:
        if not index.isValid():
            return None
        group_id = index.internalId()
        if group_id == 0:
            return RowKind.GROUP if index.row() < len(self._groups) else None
        if group_id - 1 >= len(self._groups):
            return None
        group = self._groups[group_id - 1]
        if index.row() < len(group.rows):
            return RowKind.ENTITY
        return RowKind.MORE if group.more and index.row() == len(group.rows) else None

    def _rebuild(self) -> None:
        self.beginResetModel()
        by_type: dict[EntityType, _Group] = {etype: _Group(etype) for etype in TYPE_ORDER}
        listed: set[int] = set()
        keep = set(self._marks) | self._pinned
        for row in self._counts:
            listed.add(row.id)
            if self._filter and not _matches(row.name, self._filter) and row.id not in keep:
                continue
            group = by_type[row.type]
            group.total += 1
            if len(group.rows) < self._caps.get(row.type, self.CAP) or row.id in keep:
                group.rows.append(row)
            else:
                group.more += 1
        # Filtered-on entities no article in view mentions: listed last in their group, at 0.
        for entity_id, row in self._extra.items():
            if entity_id in listed or entity_id not in keep:
                continue
            group = by_type[row.type]
            group.total += 1
            group.rows.append(EntityCount(row.id, row.name, row.type, 0))
        self._groups = [group for group in by_type.values() if group.rows or group.more]
        self.endResetModel()

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return type_plural(group.type) if column == NAME_COLUMN else f"{group.total:,}"
        if role == Qt.ItemDataRole.DecorationRole and column == NAME_COLUMN:
            return type_icon(group.type)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            return _GROUP_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            noun = type_plural(group.type).lower()
            return f"{group.total:,} {noun} in the articles in view"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{type_plural(group.type)}, {group.total:,}"
        if role == EntityTypeRole:
            return group.type
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _more_data(self, group: _Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == NAME_COLUMN:
            return f"{group.more:,} more…"
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole:
            return _MUTED
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"Show {min(group.more, self.CAP):,} more {type_plural(group.type).lower()} "
                "(or type in the filter box to find one)"
            )
        if role == EntityTypeRole:
            return group.type
        return None

    def _entity_data(self, entity: EntityCount, column: int, role: int) -> Any:
        mark = self._marks.get(entity.id, Mark.NONE)
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.name if column == NAME_COLUMN else f"{entity.articles:,}"
        if role == Qt.ItemDataRole.EditRole:
            return entity.name if column == NAME_COLUMN else None
        if role == EntityIdRole:
            return entity.id
        if role == EntityTypeRole:
            return entity.type
        if role == MarkRole:
            return mark
        if role == CountRole:
            return entity.articles
        if role == Qt.ItemDataRole.DecorationRole and column == NAME_COLUMN:
            return type_icon(entity.type)
        if role == Qt.ItemDataRole.FontRole:
            if mark is Mark.SELECTED:
                return self._bold
            if mark is Mark.EXCLUDED:
                return self._struck
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if mark is Mark.EXCLUDED or entity.articles == 0:
                return _MUTED
            return None
        if role == Qt.ItemDataRole.BackgroundRole and mark is Mark.SELECTED:
            return QBrush(QColor(type_tint(entity.type, strong=True)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entity, mark)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = {Mark.SELECTED: ", in the filter", Mark.EXCLUDED: ", excluded"}.get(mark, "")
            return (
                f"{entity.name}, {type_label(entity.type).lower()}, "
                f"{entity.articles:,} articles{state}"
            )
        return None

    @staticmethod
    def _tooltip(entity: EntityCount, mark: Mark) -> str:
        articles = f"{entity.articles:,} article{'s' if entity.articles != 1 else ''} in view"
        lines = [f"{entity.name} — {type_label(entity.type)}", articles]
        if mark is Mark.SELECTED:
            lines.append("In the filter: click (or Delete) to remove it")
        elif mark is Mark.EXCLUDED:
            lines.append("Excluded: articles mentioning it are hidden; click to stop")
        else:
            lines.append("Click (or Enter) to list only articles mentioning it")
        lines.append("Right-click to correct: rename, merge, split, change type, hide")
        return "\n".join(lines)
