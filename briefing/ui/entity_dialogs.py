"""Small dialogs around entities: merge, hidden entities, the user gazetteer, re-extraction.

All are window-modal and opened with ``open()``, never ``exec()`` (as the import dialogs):
the event loop keeps running and tests drive them like a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import Entity, EntityCount, EntityType
from briefing.ui.entity_theme import type_icon, type_label

_Index = QModelIndex | QPersistentModelIndex
_WORD = re.compile(r"\w+")

EntityIdRole = Qt.ItemDataRole.UserRole + 1
ICON_SIZE = QSize(14, 14)
# The user gazetteer's shape (the shipped files' shape; see data/gazetteers).
GAZETTEER_EXAMPLE = (
    '{"version": 1, "entries": [\n'
    '  {"type": "WEAPON", "name": "Project Zephyr", "aliases": ["Zephyr"]}\n'
    "]}"
)


def _words(name: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(name) if len(word) > 2}


class EntityListModel(QAbstractListModel):
    """A flat, filterable list of entities (icon, name, type and count), for pickers."""

    def __init__(self, entities: Sequence[EntityCount], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all = list(entities)
        self._shown = list(entities)
        self._suggested: set[int] = set()

    @property
    def suggested(self) -> set[int]:
        return set(self._suggested)

    def set_suggested(self, ids: set[int]) -> None:
        """These go first, marked as suggestions (they share a word with the source)."""
        self.beginResetModel()
        self._suggested = ids
        self._all.sort(key=lambda e: (e.id not in ids, -e.articles, e.name.casefold()))
        self._shown = list(self._all)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        self.beginResetModel()
        self._shown = [e for e in self._all if needle in e.name.casefold()]
        self.endResetModel()

    def entity(self, row: int) -> EntityCount | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entity = self.entity(index.row()) if index.isValid() else None
        if entity is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            suffix = " · suggested" if entity.id in self._suggested else ""
            return (
                f"{entity.name}   ({type_label(entity.type)}, {entity.articles:,} "
                f"article{'s' if entity.articles != 1 else ''}){suffix}"
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return type_icon(entity.type)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entity.name} — {type_label(entity.type)}"
        if role == EntityIdRole:
            return entity.id
        return None


class MergeDialog(QDialog):
    """Pick the entity to merge into, from a list you can narrow by typing."""

    targetChosen = Signal(int)  # the target entity's id, when Merge is pressed

    def __init__(
        self,
        title: str,
        explanation: str,
        candidates: Sequence[EntityCount],
        *,
        suggest_for: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setAccessibleName("Merge entities")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(440, 420)

        heading = QLabel(title, self)
        heading.setObjectName("mergeHeading")
        heading.setStyleSheet("font-weight: 600;")
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        text.setObjectName("mergeExplanation")

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("mergeFilter")
        self.filter_edit.setAccessibleName("Filter entities")
        self.filter_edit.setPlaceholderText("Type to find an entity")
        self.filter_edit.setClearButtonEnabled(True)

        self.model = EntityListModel(candidates, self)
        if suggest_for:
            words = _words(suggest_for)
            self.model.set_suggested({e.id for e in candidates if words and words & _words(e.name)})
        self.list_view = QListView(self)
        self.list_view.setObjectName("mergeTargets")
        self.list_view.setAccessibleName("Entity to merge into")
        self.list_view.setModel(self.model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setIconSize(ICON_SIZE)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("mergeCancelButton")
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.buttons)

        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.list_view.selectionModel().currentChanged.connect(self._update_button)
        self.list_view.doubleClicked.connect(self._on_accepted)
        self.filter_edit.setFocus()
        # Only a suggestion is chosen up front: Enter must never merge into a random entity.
        first = self.model.entity(0)
        if first is not None and first.id in self.model.suggested:
            self.list_view.setCurrentIndex(self.model.index(0, 0))

    def chosen(self) -> EntityCount | None:
        index = self.list_view.currentIndex()
        return self.model.entity(index.row()) if index.isValid() else None

    def choose(self, entity_id: int) -> bool:
        """Make ``entity_id`` the chosen row (as clicking it would); False if not listed."""
        for row in range(self.model.rowCount()):
            entity = self.model.entity(row)
            if entity is not None and entity.id == entity_id:
                self.list_view.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down from the filter box moves into the list, as in a completer.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.filter_edit.hasFocus():
            self.list_view.setFocus()
            self.list_view.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def _on_filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        first = self.model.entity(0)
        # Typing a name and pressing Enter merges into the best match; an empty box chooses
        # nothing but a suggestion.
        if first is not None and (text.strip() or first.id in self.model.suggested):
            self.list_view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.list_view.setCurrentIndex(QModelIndex())
        self._update_button()

    def _update_button(self) -> None:
        self.merge_button.setEnabled(self.chosen() is not None)

    def _on_accepted(self) -> None:
        target = self.chosen()
        if target is None:
            return
        self.targetChosen.emit(target.id)
        self.accept()


class HiddenEntitiesDialog(QDialog):
    """The stop list: hidden entities, and Unhide."""

    unhideRequested = Signal(object)  # a list of entity ids

    def __init__(self, load: Callable[[], Sequence[Entity]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.setObjectName("hiddenEntitiesDialog")
        self.setAccessibleName("Hidden entities")
        self.setWindowTitle("Hidden Entities")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(400, 360)

        text = QLabel(
            "Hidden entities are left out of the sidebar and the reader's highlights (for "
            "names that are noise in your material). Re-extraction keeps them hidden.",
            self,
        )
        text.setWordWrap(True)
        self.list_widget = QListWidget(self)
        self.list_widget.setObjectName("hiddenEntityList")
        self.list_widget.setAccessibleName("Hidden entities")
        self.list_widget.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_widget.setIconSize(ICON_SIZE)
        self.empty_label = QLabel("No entity is hidden.", self)
        self.empty_label.setObjectName("hiddenEntitiesEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.unhide_button = QPushButton("Unhide", self)
        self.unhide_button.setObjectName("unhideButton")
        self.unhide_button.clicked.connect(self._on_unhide_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.unhide_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(text)
        layout.addWidget(self.list_widget, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.list_widget.itemSelectionChanged.connect(self._update_button)
        self.reload()

    def reload(self) -> None:
        """List what is hidden now (after an unhide, or its undo)."""
        self.list_widget.clear()
        for entity in self._load():
            articles = f"{entity.article_count:,} article{'s' if entity.article_count != 1 else ''}"
            item = QListWidgetItem(
                type_icon(entity.type), f"{entity.name}   ({type_label(entity.type)}, {articles})"
            )
            item.setData(EntityIdRole, entity.id)
            item.setToolTip(f"{entity.name} — {type_label(entity.type)}")
            self.list_widget.addItem(item)
        empty = self.list_widget.count() == 0
        self.empty_label.setVisible(empty)
        self.list_widget.setVisible(not empty)
        if not empty:
            self.list_widget.setCurrentRow(0)
        self._update_button()

    def names(self) -> list[str]:
        return [self.list_widget.item(row).text() for row in range(self.list_widget.count())]

    def _selected_ids(self) -> list[int]:
        return [int(item.data(EntityIdRole)) for item in self.list_widget.selectedItems()]

    def _update_button(self) -> None:
        self.unhide_button.setEnabled(bool(self._selected_ids()))

    def _on_unhide_clicked(self) -> None:
        ids = self._selected_ids()
        if ids:
            self.unhideRequested.emit(ids)
            self.reload()


class UserGazetteerDialog(QDialog):
    """Where the user gazetteer lives, the names added from the reader, and how edits apply."""

    def __init__(
        self,
        path: Path | None,
        names: Sequence[tuple[EntityType, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userGazetteerDialog")
        self.setAccessibleName("User gazetteer")
        self.setWindowTitle("User Gazetteer")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(600)

        intro = QLabel(
            "Your own names are found in every article, on top of the shipped lists. Add one "
            "by selecting it in the reader and right-clicking, or write entries (a name, its "
            "type and other spellings) into this JSON file:",
            self,
        )
        intro.setWordWrap(True)
        example = QLabel(GAZETTEER_EXAMPLE, self)
        example.setObjectName("userGazetteerExample")
        example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        example.setStyleSheet(
            "font-family: 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace; color: #3b434c; "
            "background-color: #f4f3ef; border: 1px solid #e2e0da; padding: 6px;"
        )

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("userGazetteerPath")
        self.path_edit.setAccessibleName("User gazetteer file")
        self.path_edit.setReadOnly(True)
        self.copy_button = QPushButton("Copy Path", self)
        self.copy_button.setObjectName("copyGazetteerPath")
        self.copy_button.clicked.connect(self._copy_path)
        if path is None:
            self.path_edit.setText("(not available in this version)")
            self.copy_button.setEnabled(False)
        else:
            self.path_edit.setText(str(path))
            exists = "" if path.exists() else " (it does not exist yet)"
            self.path_edit.setToolTip(f"{path}{exists}")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.copy_button)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("userGazetteerStatus")
        if path is not None and not path.exists():
            self.status_label.setText(
                "The file does not exist yet: create it there (with the shape below) to add "
                "your own entries."
            )
        self.status_label.setVisible(bool(self.status_label.text()))

        names_label = QLabel("Names added from the reader:", self)
        self.names_list = QListWidget(self)
        self.names_list.setObjectName("userNamesList")
        self.names_list.setAccessibleName("Names added from the reader")
        self.names_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.names_list.setIconSize(ICON_SIZE)
        for etype, name in names:
            self.names_list.addItem(
                QListWidgetItem(type_icon(etype), f"{name}   ({type_label(etype)})")
            )
        if not names:
            placeholder = QListWidgetItem("None yet.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.names_list.addItem(placeholder)
        rows = max(3, min(self.names_list.count(), 8))
        self.names_list.setFixedHeight(
            self.names_list.sizeHintForRow(0) * rows + 2 * self.names_list.frameWidth() + 6
        )

        note = QLabel(
            "Edits to the file apply after Tools › Re-extract entities. Your merges, renames "
            "and hidden entities are kept.",
            self,
        )
        note.setObjectName("userGazetteerNote")
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addLayout(path_row)
        layout.addWidget(self.status_label)
        layout.addWidget(example)
        layout.addWidget(names_label)
        layout.addWidget(self.names_list)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _copy_path(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.path_edit.text())
        self.copy_button.setText("Copied")


class ReextractProgressDialog(QDialog):
    """How far re-extraction is, with Cancel (it stops after the current batch)."""

    cancelRequested = Signal()

    def __init__(self, total: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reextractProgressDialog")
        self.setAccessibleName("Re-extraction progress")
        self.setWindowTitle("Re-extracting Entities")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        what = "all articles" if total is None else f"{total:,} article{'s' if total != 1 else ''}"
        self.heading = QLabel(f"Finding entities in {what}…", self)
        self.heading.setObjectName("reextractHeading")
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Articles re-extracted")
        self.bar.setRange(0, 0)  # busy until the first report says how many
        self.counts_label = QLabel("Your corrections are kept.", self)
        self.counts_label.setObjectName("reextractCounts")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("reextractCancelButton")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts_label)
        layout.addWidget(buttons)

    @property
    def cancel_requested(self) -> bool:
        return not self.cancel_button.isEnabled()

    def update_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.counts_label.setText(f"{done:,} of {total:,} articles done")

    def _on_cancel_clicked(self) -> None:
        if self.cancel_requested:
            return
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText("Cancelling…")
        self.heading.setText("Cancelling: stopping after the current batch…")
        self.cancelRequested.emit()

    def reject(self) -> None:
        self._on_cancel_clicked()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self._on_cancel_clicked()

    def finish(self) -> None:
        super().accept()
