"""The analyst's corrections to entities, each one an undoable command.

:class:`EntityEditor` is the one place the GUI changes entities: rename, change type, hide,
merge, split a name off, add a missed name. Each call runs its small store transaction on the
GUI thread (milliseconds), then pushes a :class:`QUndoCommand` that knows how to undo it from
what the store returned (the old name, type or flag; a ``MergeUndo``; a ``SplitUndo``).
Afterwards ``entitiesChanged`` names the entities concerned, and every view refreshes what
shows them (Anki's "op, then a change notice" pattern).

Adding a name is the one correction with slow consequences: the articles containing it are
re-extracted. The editor asks for that with ``reextractRequested`` and the window runs it in
a worker; undoing it removes the name and re-extracts the same articles again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing.domain import BriefingError, Entity, EntityType
from briefing.store import Store
from briefing.ui.entity_theme import type_label
from briefing.view_state import ViewState

if TYPE_CHECKING:
    # Plain records the store hands back for undo; only their types are needed here.
    from briefing.store import MergeUndo, SplitUndo

log = logging.getLogger(__name__)


def quoted(name: str) -> str:
    return f"“{name}”"


class _Command(QUndoCommand):
    """A correction already applied when pushed: the stack's first redo() does nothing."""

    def __init__(self, editor: EntityEditor, text: str) -> None:
        super().__init__(text)
        self._editor = editor
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # pushed right after doing it: nothing to repeat
            return
        self._editor._run(self._do)

    def undo(self) -> None:
        self._editor._run(self._undo)

    # Each correction supplies both: the store calls that (re)do and undo it, returning the
    # entity ids whose views must refresh.
    _do: Callable[[], set[int]]
    _undo: Callable[[], set[int]]


class RenameCommand(_Command):
    def __init__(self, editor: EntityEditor, entity_id: int, old: str, new: str) -> None:
        super().__init__(editor, f"Rename {quoted(old)} to {quoted(new)}")
        self.entity_id, self.old, self.new = entity_id, old, new

    def _do(self) -> set[int]:
        self._editor.store.rename_entity(self.entity_id, self.new)
        return {self.entity_id}

    def _undo(self) -> set[int]:
        self._editor.store.rename_entity(self.entity_id, self.old)
        return {self.entity_id}


class ChangeTypeCommand(_Command):
    def __init__(
        self, editor: EntityEditor, entity_id: int, name: str, old: EntityType, new: EntityType
    ) -> None:
        super().__init__(editor, f"Change {quoted(name)} to {type_label(new)}")
        self.entity_id, self.old, self.new = entity_id, old, new

    def _do(self) -> set[int]:
        self._editor.store.set_entity_type(self.entity_id, self.new)
        return {self.entity_id}

    def _undo(self) -> set[int]:
        self._editor.store.set_entity_type(self.entity_id, self.old)
        return {self.entity_id}


class HideCommand(_Command):
    """Hide (or unhide) several entities; remembers each one's old flag."""

    def __init__(self, editor: EntityEditor, text: str, hidden: bool, old: dict[int, bool]) -> None:
        super().__init__(editor, text)
        self.hidden, self.old = hidden, old

    def _do(self) -> set[int]:
        for entity_id in self.old:
            self._editor.store.set_entity_hidden(entity_id, self.hidden)
            if self.hidden:
                self._editor.state.remove_entity(entity_id)
        return set(self.old)

    def _undo(self) -> set[int]:
        for entity_id, flag in self.old.items():
            self._editor.store.set_entity_hidden(entity_id, flag)
        return set(self.old)


class MergeCommand(_Command):
    def __init__(
        self, editor: EntityEditor, text: str, target_id: int, undos: list[MergeUndo]
    ) -> None:
        super().__init__(editor, text)
        self.target_id, self.undos = target_id, undos

    def _do(self) -> set[int]:
        store, state = self._editor.store, self._editor.state
        self.undos = [store.merge_entities(undo.source_id, self.target_id) for undo in self.undos]
        for undo in self.undos:
            state.replace_entity(undo.source_id, self.target_id)
        return {self.target_id, *(undo.source_id for undo in self.undos)}

    def _undo(self) -> set[int]:
        for undo in reversed(self.undos):
            self._editor.store.undo_merge(undo)
        return {self.target_id, *(undo.source_id for undo in self.undos)}


class SplitCommand(_Command):
    def __init__(self, editor: EntityEditor, text: str, surface: str, undo: SplitUndo) -> None:
        super().__init__(editor, text)
        self.surface, self.undo_info = surface, undo

    def _do(self) -> set[int]:
        self.undo_info = self._editor.store.split_surface(
            self.undo_info.from_entity_id, self.surface
        )
        return {self.undo_info.from_entity_id, self.undo_info.new_entity_id}

    def _undo(self) -> set[int]:
        self._editor.store.undo_split(self.undo_info)
        self._editor.state.remove_entity(self.undo_info.new_entity_id)
        return {self.undo_info.from_entity_id, self.undo_info.new_entity_id}


class AddNameCommand(_Command):
    """A name marked in the reader; redo/undo re-extract the articles containing it."""

    def __init__(
        self, editor: EntityEditor, etype: EntityType, name: str, article_ids: list[int]
    ) -> None:
        super().__init__(editor, f"Add {quoted(name)} as {type_label(etype)}")
        self.etype, self.name, self.article_ids = etype, name, article_ids

    def _do(self) -> set[int]:
        self._editor.store.add_user_name(self.etype, self.name)
        self._editor.reextractRequested.emit(self.article_ids)
        return set()

    def _undo(self) -> set[int]:
        self._editor.store.remove_user_name(self.etype, self.name)
        self._editor.reextractRequested.emit(self.article_ids)
        return set()


class EntityEditor(QObject):
    """Runs corrections against the store and keeps them on one undo stack."""

    # The entities a correction (or its undo) touched: ids (a frozenset of int).
    entitiesChanged = Signal(object)
    # A correction could not be made: a one-line message for the person.
    failed = Signal(str)
    # Articles to re-extract (a list of ids) because a name was added or removed.
    reextractRequested = Signal(object)

    def __init__(
        self, store: Store, state: ViewState, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.state = state
        self.undo_stack = undo_stack
        self._busy = False

    @property
    def store(self) -> Store:
        return self._store

    def set_store(self, store: Store) -> None:
        """Another store: the commands on the stack belong to the old one."""
        self._store = store
        self.undo_stack.clear()

    @property
    def busy(self) -> bool:
        """A background job writes to the store: corrections wait until it is over."""
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy

    # -- the corrections ---------------------------------------------------------------------

    def rename(self, entity_id: int, name: str) -> bool:
        name = " ".join(name.split())
        entity = self._entity_or_fail(entity_id)
        if entity is None or not name or name == entity.name:
            return False
        return self._apply(
            lambda: self._store.rename_entity(entity_id, name),
            lambda old: RenameCommand(self, entity_id, str(old), name),
            {entity_id},
        )

    def set_type(self, entity_id: int, etype: EntityType) -> bool:
        entity = self._entity_or_fail(entity_id)
        if entity is None or entity.type is etype:
            return False
        return self._apply(
            lambda: self._store.set_entity_type(entity_id, etype),
            lambda old: ChangeTypeCommand(self, entity_id, entity.name, EntityType(old), etype),
            {entity_id},
        )

    def set_hidden(self, entity_ids: Sequence[int], hidden: bool) -> bool:
        ids = list(dict.fromkeys(entity_ids))
        entities = [e for e in (self._entity_or_fail(i) for i in ids) if e is not None]
        if not entities:
            return False
        verb = "Hide" if hidden else "Unhide"
        text = (
            f"{verb} {quoted(entities[0].name)}"
            if len(entities) == 1
            else f"{verb} {len(entities)} entities"
        )

        def do() -> dict[int, bool]:
            old = {e.id: self._store.set_entity_hidden(e.id, hidden) for e in entities}
            if hidden:
                for entity in entities:
                    self.state.remove_entity(entity.id)
            return old

        return self._apply(
            do,
            lambda old: HideCommand(self, text, hidden, old),  # type: ignore[arg-type]
            {e.id for e in entities},
        )

    def merge(self, source_ids: Sequence[int], target_id: int) -> bool:
        """Fold each source into the target (one undo step for them all)."""
        sources = [i for i in dict.fromkeys(source_ids) if i != target_id]
        target = self._entity_or_fail(target_id)
        named = [e for e in (self._entity_or_fail(i) for i in sources) if e is not None]
        if target is None or not named:
            return False
        if len(named) == 1:
            text = f"Merge {quoted(named[0].name)} into {quoted(target.name)}"
        else:
            text = f"Merge {len(named)} entities into {quoted(target.name)}"

        def do() -> list[MergeUndo]:
            undos: list[MergeUndo] = []
            try:
                for entity in named:
                    undos.append(self._store.merge_entities(entity.id, target_id))
            except Exception:
                # All or nothing: put back the ones already merged.
                for undo in reversed(undos):
                    self._store.undo_merge(undo)
                raise
            for undo in undos:
                self.state.replace_entity(undo.source_id, target_id)
            return undos

        return self._apply(
            do,
            lambda undos: MergeCommand(self, text, target_id, undos),  # type: ignore[arg-type]
            {target_id, *(e.id for e in named)},
        )

    def split(self, entity_id: int, surface: str) -> int | None:
        """Give ``surface`` an entity of its own; returns the new entity's id."""
        entity = self._entity_or_fail(entity_id)
        if entity is None:
            return None
        text = f"Split {quoted(surface)} off {quoted(entity.name)}"
        result: list[SplitUndo] = []

        def do() -> SplitUndo:
            undo = self._store.split_surface(entity_id, surface)
            result.append(undo)
            return undo

        done = self._apply(
            do,
            lambda undo: SplitCommand(self, text, surface, undo),  # type: ignore[arg-type]
            None,
        )
        if not done:
            return None
        return result[0].new_entity_id

    def add_name(self, etype: EntityType, name: str) -> bool:
        """Record a missed name and re-extract the articles containing it (in a worker)."""
        name = " ".join(name.split())
        if not name:
            return False
        if self._busy:
            self.failed.emit("Wait until the import or re-extraction has finished.")
            return False
        try:
            added = self._store.add_user_name(etype, name)
            article_ids = self._store.articles_containing(name)
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        if not added:
            self.failed.emit(f"{quoted(name)} is already in your names.")
            return False
        command = AddNameCommand(self, etype, name, article_ids)
        self.undo_stack.push(command)
        self.reextractRequested.emit(article_ids)
        return True

    # -- internals ---------------------------------------------------------------------------

    def _entity_or_fail(self, entity_id: int) -> Entity | None:
        entity = self._store.get_entity(entity_id)
        if entity is None:
            self.failed.emit("That entity no longer exists (the store changed).")
        return entity

    def _apply(
        self,
        do: Callable[[], object],
        command: Callable[[object], QUndoCommand],
        touched: set[int] | None,
    ) -> bool:
        """Run ``do`` now; on success push its command and announce the change."""
        if self._busy:
            self.failed.emit("Wait until the import or re-extraction has finished.")
            return False
        try:
            result = do()
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        pushed = command(result)
        self.undo_stack.push(pushed)
        if touched is None and isinstance(pushed, SplitCommand):
            touched = {pushed.undo_info.from_entity_id, pushed.undo_info.new_entity_id}
        self.entitiesChanged.emit(frozenset(touched or ()))
        return True

    def _run(self, step: Callable[[], set[int]]) -> None:
        """An undo or redo from the stack: run it and announce what it touched."""
        try:
            touched = step()
        except (BriefingError, ValueError) as exc:
            log.warning("undo/redo failed: %s", exc)
            self.failed.emit(str(exc))
            return
        self.entitiesChanged.emit(frozenset(touched))
