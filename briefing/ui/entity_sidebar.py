"""The entity sidebar: who and what the articles in view are about, and the entity filters.

A dock on the left: a filter box (``entityFilter``), an AND/OR toggle (``entityModeToggle``), a
menu button, and a tree (``entityTree``) grouped by type with, for each entity, how many
articles *in the current view* mention it. As in calibre's tag browser the counts follow every
filter in force, the selected entities included: after selecting "Russia" they show what
co-occurs with Russia.

Clicking an entity adds it to the view state's filter (clicking again removes it); Ctrl- or
Shift-click only selects rows (to merge them). Enter toggles the current entity's filter,
Delete removes it, F2 renames it, and the context menu holds the corrections.

Counts come from ``store.entity_counts`` in a worker thread (one at a time; a request made
while one runs replaces any waiting one and the running one's result is dropped), so typing a
search never waits for them.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import ArticleQuery, EntityCount, EntityMode, EntityType, QuerySyntaxError
from briefing.store import Store
from briefing.ui.docks import configure_dock
from briefing.ui.entity_dialogs import MergeDialog
from briefing.ui.entity_editing import EntityEditor, quoted
from briefing.ui.entity_model import (
    COUNT_COLUMN,
    NAME_COLUMN,
    EntityTreeModel,
    RowKind,
    RowKindRole,
)
from briefing.ui.entity_theme import TYPE_ORDER, type_icon, type_label
from briefing.view_state import FILTER_CHANGES, ViewChange, ViewState

log = logging.getLogger(__name__)

# The store is asked for this many rows at most; the model shows 500 per type of them.
COUNTS_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class CountsResult:
    query: ArticleQuery
    counts: list[EntityCount] = field(default_factory=list)
    extra: list[EntityCount] = field(default_factory=list)  # filtered-on, not in view
    error: str | None = None


class _Relay(QObject):
    # Lives on the GUI thread; emitted from the pool's thread, so delivery is queued.
    done = Signal(object)


class CountsLoader(QObject):
    """Runs ``entity_counts`` off the GUI thread, one request at a time, newest wins."""

    loaded = Signal(object)  # CountsResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._running = False
        self._pending: tuple[Store, ArticleQuery, frozenset[int]] | None = None

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def request(self, store: Store, query: ArticleQuery, wanted: Iterable[int]) -> None:
        """Count for ``query``; ``wanted`` entities are returned (at 0) even if not in view."""
        job = (store, query, frozenset(wanted))
        if self._running:
            self._pending = job  # the running one's answer will be stale: dropped
            return
        self._start(job)

    def wait(self) -> None:
        """Block until no count runs (closing the window; the store is about to close)."""
        self._pending = None
        self._pool.waitForDone()

    def _start(self, job: tuple[Store, ArticleQuery, frozenset[int]]) -> None:
        self._running = True
        self._pool.start(functools.partial(self._work, *job))

    def _work(self, store: Store, query: ArticleQuery, wanted: frozenset[int]) -> None:
        # The pool's thread: only the store and plain objects here, never a widget.
        try:
            counts = store.entity_counts(query, limit=COUNTS_LIMIT)
            have = {row.id for row in counts}
            extra = []
            for entity_id in sorted(wanted - have):
                entity = store.get_entity(entity_id)
                if entity is not None and not entity.hidden:
                    extra.append(EntityCount(entity.id, entity.name, entity.type, 0))
            result = CountsResult(query, counts, extra)
        except QuerySyntaxError as exc:
            result = CountsResult(query, error=str(exc))
        except Exception as exc:  # reported, never lost in the pool thread
            log.exception("entity counts failed")
            result = CountsResult(query, error=f"the entity counts failed: {exc}")
        with contextlib.suppress(RuntimeError):  # the window went away meanwhile
            self._relay.done.emit(result)

    def _on_done(self, result: CountsResult) -> None:
        self._running = False
        if self._pending is not None:
            job, self._pending = self._pending, None
            self._start(job)
            return
        self.loaded.emit(result)


class EntityTreeView(QTreeView):
    """The tree: plain click toggles a filter, modified click only selects; keys as documented."""

    entityToggled = Signal(int)  # click or Enter on an entity
    entityRemoved = Signal(int)  # Delete on an entity
    contextMenuRequested = Signal(QModelIndex, QPoint)  # index (maybe invalid), global pos

    EMPTY_STORE = (
        "No entities yet. They are found when articles are imported; Tools › Re-extract "
        "entities finds them in older stores."
    )
    EMPTY_VIEW = "No entities in the articles in view."

    def __init__(self, model: EntityTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityTree")
        self.setAccessibleName("Entities in the articles in view")
        self.setModel(model)
        self._tree_model = model
        self._click_modifiers = Qt.KeyboardModifier.NoModifier
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setExpandsOnDoubleClick(False)
        self.setAllColumnsShowFocus(True)
        self.setIndentation(14)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COUNT_COLUMN, self.fontMetrics().horizontalAdvance("000,000") + 8)
        self.clicked.connect(self._on_clicked)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._click_modifiers = event.modifiers()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._click_modifiers = event.modifiers()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            # Enter in the rename editor reaches us too (the line edit ignores it): it
            # commits the name, it must not also toggle the filter.
            super().keyPressEvent(event)
            return
        index = self.currentIndex()
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self._activate(index)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.isValid():
            entity = self._tree_model.entity(index)
            if entity is not None:
                self.entityRemoved.emit(entity.id)
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
        else:  # the Menu key: the current row
            index = self.currentIndex()
        if index.isValid() and index.column() != NAME_COLUMN:
            index = index.siblingAtColumn(NAME_COLUMN)
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        position = event.globalPos()
        if event.reason() != QContextMenuEvent.Reason.Mouse and index.isValid():
            rect = self.visualRect(index)
            position = self.viewport().mapToGlobal(rect.bottomLeft())
        self.contextMenuRequested.emit(index, position)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._tree_model.is_empty():
            return
        if self._tree_model.filter_text:
            message = f"No entity matches {quoted(self._tree_model.filter_text)}."
        elif self._tree_model.has_any():
            message = self.EMPTY_VIEW
        else:
            message = self.property("emptyMessage") or self.EMPTY_VIEW
        painter = QPainter(self.viewport())
        painter.setPen(QColor("#8a8f98"))
        painter.drawText(
            self.viewport().rect().adjusted(12, 16, -12, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            message,
        )
        painter.end()

    def _on_clicked(self, index: QModelIndex) -> None:
        if self._click_modifiers & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.ShiftModifier
            | Qt.KeyboardModifier.MetaModifier
        ):
            return  # extending the selection (to merge), not filtering
        self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        kind = index.siblingAtColumn(NAME_COLUMN).data(RowKindRole)
        if kind is RowKind.GROUP:
            name_index = index.siblingAtColumn(NAME_COLUMN)
            self.setExpanded(name_index, not self.isExpanded(name_index))
        elif kind is RowKind.MORE:
            etype = self._tree_model.group_type(index)
            if etype is not None:
                self._tree_model.show_more(etype)
        else:
            entity = self._tree_model.entity(index)
            if entity is not None:
                self.entityToggled.emit(entity.id)


class EntitySidebar(QDockWidget):
    """The dock: filter box, AND/OR toggle, menu, entity tree, and the corrections menu."""

    # Counts for the current view were shown (after each refresh); tests wait on it.
    countsApplied = Signal()
    # The reader asked to show an entity and it is now current in the tree: its id.
    entityRevealed = Signal(int)

    def __init__(
        self,
        store: Store,
        state: ViewState,
        editor: EntityEditor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Entities", parent)
        self._store = store
        self._state = state
        self._editor = editor
        self._requested: ArticleQuery | None = None
        self._applied: ArticleQuery | None = None
        self._collapsed: set[EntityType] = set()
        self._reveal_pending: int | None = None
        self.context_menu: QMenu | None = None
        self.merge_dialog: MergeDialog | None = None
        configure_dock(self, "entitySidebar", "Entity sidebar")

        body = QWidget(self)
        body.setObjectName("entitySidebarBody")
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setObjectName("entityFilter")
        self.filter_edit.setAccessibleName("Filter entities by name")
        self.filter_edit.setPlaceholderText("Filter names")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_text_changed)

        self.mode_toggle = QToolButton(body)
        self.mode_toggle.setObjectName("entityModeToggle")
        self.mode_toggle.setCheckable(True)
        self.mode_toggle.setAccessibleName("Combine selected entities with OR")
        self.mode_toggle.toggled.connect(self._on_mode_toggled)

        self.menu_button = QToolButton(body)
        self.menu_button.setObjectName("entitySidebarMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip("More: merge selected, hidden entities, re-extract")
        self.menu_button.setAccessibleName("Entity sidebar menu")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.header_menu = QMenu(self.menu_button)
        self.header_menu.setObjectName("entitySidebarHeaderMenu")
        self.merge_selected_action = QAction("Merge Selected…", self)
        self.merge_selected_action.setObjectName("mergeSelectedAction")
        self.merge_selected_action.triggered.connect(self.open_merge_selected_dialog)
        self.expand_action = QAction("Expand All Groups", self)
        self.expand_action.triggered.connect(self._expand_all)
        self.collapse_action = QAction("Collapse All Groups", self)
        self.collapse_action.triggered.connect(self._collapse_all)
        self.header_menu.addAction(self.merge_selected_action)
        self.header_menu.aboutToShow.connect(self._update_header_menu)
        self._extra_actions_anchor = self.header_menu.addSeparator()
        self.header_menu.addAction(self.expand_action)
        self.header_menu.addAction(self.collapse_action)
        self.menu_button.setMenu(self.header_menu)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(4)
        header.addWidget(self.filter_edit, 1)
        header.addWidget(self.mode_toggle)
        header.addWidget(self.menu_button)

        self.model = EntityTreeModel(self)
        self.model.renameRequested.connect(self._on_rename_requested)
        self.tree = EntityTreeView(self.model, body)
        self.tree.setProperty("emptyMessage", EntityTreeView.EMPTY_STORE)
        self.tree.entityToggled.connect(self._state.toggle_entity)
        self.tree.entityRemoved.connect(self._state.remove_entity)
        self.tree.contextMenuRequested.connect(self._on_context_menu_requested)
        self.tree.expanded.connect(self._on_group_expanded)
        self.tree.collapsed.connect(self._on_group_collapsed)

        self.hint = QLabel("Counts are articles in view. Click to filter; right-click to correct.")
        self.hint.setParent(body)
        self.hint.setObjectName("entityHint")
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 4, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.setWidget(body)
        self.setMinimumWidth(220)

        self.loader = CountsLoader(self)
        self.loader.loaded.connect(self._on_counts_loaded)

        self._unsubscribe = state.subscribe(self._on_state_changed, FILTER_CHANGES)
        self.destroyed.connect(self._unsubscribe)
        self._update_mode_toggle()
        self.refresh()

    # -- called by the window ----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Counts are being fetched."""
        return self.loader.busy

    @property
    def up_to_date(self) -> bool:
        """The tree shows the counts for the filters in force (tests wait for this)."""
        return not self.loader.busy and self._applied == self._state.filter_query()

    def set_store(self, store: Store) -> None:
        self._store = store
        self._reveal_pending = None
        self.refresh()

    def refresh(self) -> None:
        """Fetch the counts again (the entities or the articles changed)."""
        self._request(force=True)

    def add_header_actions(self, actions: Sequence[QAction]) -> None:
        """Window actions (hidden entities, user gazetteer, re-extract) for the header menu."""
        for action in actions:
            self.header_menu.insertAction(self._extra_actions_anchor, action)

    def shutdown(self) -> None:
        """Wait for a running count: the store may be closed next."""
        self.loader.wait()

    def reveal_entity(self, entity_id: int) -> None:
        """Make the entity current in the tree and scroll to it, without filtering the list."""
        self.show()
        self.raise_()
        index = self.model.index_of_entity(entity_id)
        if not index.isValid() and self.model.filter_text:
            entity = self.model.entity_by_id(entity_id)
            if entity is None or self.model.filter_text not in entity.name.casefold():
                self.filter_edit.clear()
        self.model.pin(entity_id)
        index = self.model.index_of_entity(entity_id)
        if not index.isValid():
            # Not counted yet (a refresh is on its way): reveal when it arrives.
            self._reveal_pending = entity_id
            return
        self._reveal_pending = None
        self._restore_tree_state()
        self._make_current(index)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.entityRevealed.emit(entity_id)

    def selected_entity_ids(self) -> list[int]:
        """Entities selected (highlighted) in the tree, in display order."""
        rows = self.tree.selectionModel().selectedRows(NAME_COLUMN)
        entities = [self.model.entity(index) for index in rows]
        return [entity.id for entity in entities if entity is not None]

    def current_entity_id(self) -> int | None:
        entity = self.model.entity(self.tree.currentIndex().siblingAtColumn(NAME_COLUMN))
        return entity.id if entity is not None else None

    # -- the context menu --------------------------------------------------------------------

    def context_menu_for(self, entity_id: int) -> QMenu | None:
        """The corrections menu for an entity (what right-clicking it shows)."""
        entity = self.model.entity_by_id(entity_id)
        if entity is None:
            return None
        return self._build_context_menu(entity)

    def _on_context_menu_requested(self, index: QModelIndex, position: QPoint) -> None:
        entity = self.model.entity(index)
        if entity is None:
            menu = QMenu(self)
            menu.addActions([self.expand_action, self.collapse_action])
            menu.addSeparator()
            menu.addActions(
                [a for a in self.header_menu.actions() if a.parent() is not self and a.text()]
            )
        else:
            menu = self._build_context_menu(entity)
        self._show_menu(menu, position)

    def _show_menu(self, menu: QMenu, position: QPoint) -> None:
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        # popup(), not exec(): the event loop (and tests) keep running while it is open.
        menu.popup(position)

    def _build_context_menu(self, entity: EntityCount) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("entityContextMenu")
        editable = not self._editor.busy
        mark = self._state.entity_filter(entity.id)
        name = quoted(entity.name)

        def add(text: str, object_name: str, slot: object, enabled: bool = True) -> QAction:
            action = menu.addAction(text)
            action.setObjectName(object_name)
            action.triggered.connect(slot)
            action.setEnabled(enabled)
            return action

        add(
            "Show Articles (Only This)",
            "entityShowOnly",
            lambda: self._state.show_only_entity(entity.id),
        )
        if mark == "selected":
            add("Remove From Filter", "entityToggleFilter", lambda: self._remove(entity.id))
        else:
            add("Add to Filter", "entityToggleFilter", lambda: self._state.select_entity(entity.id))
        if mark == "excluded":
            add("Stop Excluding", "entityExclude", lambda: self._remove(entity.id))
        else:
            add(
                "Exclude (NOT)",
                "entityExclude",
                lambda: self._state.exclude_entity(entity.id),
            )
        menu.addSeparator()
        add("Copy Name", "entityCopyName", lambda: self._copy_name(entity.name))
        add("Rename…", "entityRename", lambda: self._start_rename(entity.id), editable)

        type_menu = menu.addMenu("Change Type")
        type_menu.setObjectName("entityChangeTypeMenu")
        type_menu.setEnabled(editable)
        for etype in TYPE_ORDER:
            action = type_menu.addAction(type_icon(etype), type_label(etype))
            action.setObjectName(f"entityType{etype.value.title()}")
            action.setCheckable(True)
            action.setChecked(etype is entity.type)
            action.triggered.connect(functools.partial(self._editor.set_type, entity.id, etype))

        add("Merge Into…", "entityMergeInto", lambda: self.open_merge_dialog(entity.id), editable)
        selected = [i for i in self.selected_entity_ids() if i != entity.id]
        if selected and entity.id in self.selected_entity_ids():
            add(
                f"Merge {len(selected)} Selected Into {name}",
                "entityMergeSelectedHere",
                lambda: self._editor.merge(selected, entity.id),
                editable,
            )

        split_menu = menu.addMenu("Split Off a Name")
        split_menu.setObjectName("entitySplitMenu")
        full = self._store.get_entity(entity.id)
        aliases = list(full.aliases) if full is not None else []
        for alias in aliases:
            action = split_menu.addAction(quoted(alias))
            action.setObjectName("entitySplitAlias")
            action.setData(alias)
            action.triggered.connect(functools.partial(self._editor.split, entity.id, alias))
        # Splitting an entity's only name would leave it with none.
        split_menu.setEnabled(editable and len(aliases) > 1)
        if len(aliases) <= 1:
            split_menu.setToolTip("This entity has only one name in the articles.")

        hide_ids = self.selected_entity_ids() if entity.id in self.selected_entity_ids() else []
        if len(hide_ids) > 1:
            add(
                f"Hide {len(hide_ids)} Selected",
                "entityHide",
                lambda: self._editor.set_hidden(hide_ids, True),
                editable,
            )
        else:
            add("Hide", "entityHide", lambda: self._editor.set_hidden([entity.id], True), editable)
        menu.addSeparator()
        for action in self.header_menu.actions():
            if action.objectName() == "hiddenEntitiesAction":
                menu.addAction(action)
        return menu

    # -- dialogs -----------------------------------------------------------------------------

    def open_merge_dialog(self, entity_id: int) -> MergeDialog | None:
        """ "Merge into…": pick the entity ``entity_id`` should become part of."""
        source = self._store.get_entity(entity_id)
        if source is None:
            return None
        candidates = [e for e in self._store.entity_counts_all() if e.id != entity_id]
        dialog = MergeDialog(
            f"Merge {quoted(source.name)} into…",
            f"Every mention of {quoted(source.name)} will count as the entity you choose; its "
            "names stay known, so re-extraction keeps the merge. Undo with Ctrl+Z.",
            candidates,
            suggest_for=source.name,
            parent=self,
        )
        dialog.targetChosen.connect(lambda target: self._editor.merge([entity_id], target))
        self._open_dialog(dialog)
        return dialog

    def open_merge_selected_dialog(self) -> MergeDialog | None:
        """ "Merge selected…": which of the selected entities the others become part of."""
        ids = self.selected_entity_ids()
        if len(ids) < 2:
            return None
        chosen = [e for e in (self.model.entity_by_id(i) for i in ids) if e is not None]
        dialog = MergeDialog(
            f"Merge {len(chosen)} entities",
            "Choose the entity to keep: the others become part of it. Undo with Ctrl+Z.",
            chosen,
            parent=self,
        )
        dialog.targetChosen.connect(lambda target: self._editor.merge(ids, target))
        self._open_dialog(dialog)
        return dialog

    def _open_dialog(self, dialog: MergeDialog) -> None:
        if self.merge_dialog is not None:
            self.merge_dialog.deleteLater()
        self.merge_dialog = dialog
        dialog.finished.connect(self._on_merge_dialog_finished)
        dialog.open()

    def _on_merge_dialog_finished(self) -> None:
        dialog, self.merge_dialog = self.merge_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- internals ---------------------------------------------------------------------------

    def _remove(self, entity_id: int) -> None:
        self._state.remove_entity(entity_id)

    def _copy_name(self, name: str) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(name)

    def _start_rename(self, entity_id: int) -> None:
        index = self.model.index_of_entity(entity_id)
        if index.isValid():
            self._make_current(index)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
            self.tree.edit(index)

    def _on_rename_requested(self, entity_id: int, name: str) -> None:
        self._editor.rename(entity_id, name)

    def _update_header_menu(self) -> None:
        self.merge_selected_action.setEnabled(
            len(self.selected_entity_ids()) > 1 and not self._editor.busy
        )

    def _on_filter_text_changed(self, text: str) -> None:
        current = self.current_entity_id()
        self.model.set_filter(text)
        self._restore_tree_state(current)

    def _on_mode_toggled(self, checked: bool) -> None:
        self._state.entity_mode = EntityMode.ANY if checked else EntityMode.ALL
        self._update_mode_toggle()

    def _update_mode_toggle(self) -> None:
        any_mode = self._state.entity_mode is EntityMode.ANY
        if self.mode_toggle.isChecked() != any_mode:
            self.mode_toggle.blockSignals(True)
            self.mode_toggle.setChecked(any_mode)
            self.mode_toggle.blockSignals(False)
        self.mode_toggle.setText("OR" if any_mode else "AND")
        self.mode_toggle.setToolTip(
            "Articles mentioning ANY of the selected entities (OR). Click for ALL (AND)."
            if any_mode
            else "Articles mentioning ALL of the selected entities (AND). Click for ANY (OR)."
        )

    def _on_state_changed(self, change: ViewChange) -> None:
        if change == ViewChange.ENTITY_MODE:
            self._update_mode_toggle()
        self._request(force=False)

    def _request(self, *, force: bool) -> None:
        query = self._state.filter_query()
        if not force and query == self._requested:
            return
        self._requested = query
        wanted = {*query.entities, *query.excluded_entities}
        if self._reveal_pending is not None:
            wanted.add(self._reveal_pending)
        self.loader.request(self._store, query, wanted)

    def _on_counts_loaded(self, result: CountsResult) -> None:
        if result.error is not None:
            # The list explains a bad search; the counts stay as they were.
            log.info("entity counts not updated: %s", result.error)
            self._applied = result.query
            self.countsApplied.emit()
            return
        current = self.current_entity_id()
        selected = set(self.selected_entity_ids())
        scroll = self.tree.verticalScrollBar().value()
        self.model.set_counts(
            result.counts,
            selected=result.query.entities,
            excluded=result.query.excluded_entities,
            extra=result.extra,
        )
        self._applied = result.query
        self._restore_tree_state(current, selected)
        self.tree.verticalScrollBar().setValue(scroll)
        if current is not None:
            index = self.model.index_of_entity(current)
            if index.isValid():
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        if self._reveal_pending is not None:
            self.reveal_entity(self._reveal_pending)
            self._reveal_pending = None
        self.countsApplied.emit()

    def _restore_tree_state(
        self, current: int | None = None, selected: set[int] | None = None
    ) -> None:
        for etype in TYPE_ORDER:
            index = self.model.group_index(etype)
            if index.isValid():
                self.tree.setExpanded(index, etype not in self._collapsed)
        if current is None and not selected:
            return
        selection = self.tree.selectionModel()
        if selected:
            for entity_id in selected:
                index = self.model.index_of_entity(entity_id)
                if index.isValid():
                    selection.select(
                        index,
                        QItemSelectionModel.SelectionFlag.Select
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
        if current is not None:
            index = self.model.index_of_entity(current)
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _make_current(self, index: QModelIndex) -> None:
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_group_expanded(self, index: QModelIndex) -> None:
        etype = self.model.group_type(index)
        if etype is not None and index.data(RowKindRole) is RowKind.GROUP:
            self._collapsed.discard(etype)

    def _on_group_collapsed(self, index: QModelIndex) -> None:
        etype = self.model.group_type(index)
        if etype is not None and index.data(RowKindRole) is RowKind.GROUP:
            self._collapsed.add(etype)

    def _expand_all(self) -> None:
        self._collapsed.clear()
        self.tree.expandAll()

    def _collapse_all(self) -> None:
        self._collapsed = set(TYPE_ORDER)
        self.tree.collapseAll()
