"""Undoable briefing changes, pushed on the main window's one undo stack.

Each command is pushed right after its change was made in the store (so the stack's first
``redo()`` does nothing), and keeps what the store handed back to undo it: the items removed
(restored with their ids and places), the order before a move, the text before an edit, the
whole briefing before a deletion. Undo and redo show the briefing they change, so Ctrl+Z never
changes something out of sight.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from briefing.briefings.model import Briefing, BriefingInfo, BriefingItem

if TYPE_CHECKING:
    from briefing.ui.briefing_editor import BriefingEditor


class BriefingCommand(QUndoCommand):
    """A change already made when pushed; undo/redo run through the editor."""

    def __init__(self, editor: BriefingEditor, text: str, briefing_id: int) -> None:
        super().__init__(text)
        self._editor = editor
        self.briefing_id = briefing_id
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # pushed right after doing it: nothing to repeat
            return
        self._editor.run_step(self._do, self.briefing_id)

    def undo(self) -> None:
        self._editor.run_step(self._undo, self.briefing_id)

    # Each command supplies both; they return the item ids to select afterwards.
    _do: Callable[[], Sequence[int]]
    _undo: Callable[[], Sequence[int]]


class AddItemsCommand(BriefingCommand):
    """Items added: undo removes them, redo puts the very same items back."""

    def __init__(
        self, editor: BriefingEditor, text: str, briefing_id: int, items: Sequence[BriefingItem]
    ) -> None:
        super().__init__(editor, text, briefing_id)
        self.items = list(items)

    def _do(self) -> Sequence[int]:
        self._editor.store.restore_briefing_items(self.items)
        return [item.id for item in self.items]

    def _undo(self) -> Sequence[int]:
        self.items = self._editor.store.remove_briefing_items([item.id for item in self.items])
        return []


class RemoveItemsCommand(BriefingCommand):
    def __init__(
        self, editor: BriefingEditor, text: str, briefing_id: int, items: Sequence[BriefingItem]
    ) -> None:
        super().__init__(editor, text, briefing_id)
        self.items = list(items)

    def _do(self) -> Sequence[int]:
        self.items = self._editor.store.remove_briefing_items([item.id for item in self.items])
        return []

    def _undo(self) -> Sequence[int]:
        self._editor.store.restore_briefing_items(self.items)
        return [item.id for item in self.items]


class ReorderCommand(BriefingCommand):
    """Items moved: the whole order before and after (a move is rarely one step to undo)."""

    def __init__(
        self,
        editor: BriefingEditor,
        text: str,
        briefing_id: int,
        before: Sequence[int],
        after: Sequence[int],
        moved: Sequence[int],
    ) -> None:
        super().__init__(editor, text, briefing_id)
        self.before, self.after, self.moved = list(before), list(after), list(moved)

    def _do(self) -> Sequence[int]:
        self._editor.store.set_briefing_order(self.briefing_id, self.after)
        return self.moved

    def _undo(self) -> Sequence[int]:
        self._editor.store.set_briefing_order(self.briefing_id, self.before)
        return self.moved


class EditItemCommand(BriefingCommand):
    """A note's text or a caption changed (``field`` is "text" or "caption")."""

    def __init__(
        self,
        editor: BriefingEditor,
        text: str,
        briefing_id: int,
        item_id: int,
        field: str,
        old: str,
        new: str,
    ) -> None:
        super().__init__(editor, text, briefing_id)
        self.item_id, self.field, self.old, self.new = item_id, field, old, new

    def _set(self, value: str) -> Sequence[int]:
        self._editor.store.update_briefing_item(self.item_id, **{self.field: value})
        return [self.item_id]

    def _do(self) -> Sequence[int]:
        return self._set(self.new)

    def _undo(self) -> Sequence[int]:
        return self._set(self.old)


class CreateBriefingCommand(BriefingCommand):
    """A new briefing (maybe with its first items): undo deletes it and shows the one that
    was shown before; redo brings the same briefing back."""

    def __init__(
        self,
        editor: BriefingEditor,
        text: str,
        info: BriefingInfo,
        previous_id: int | None,
    ) -> None:
        super().__init__(editor, text, info.id)
        self.previous_id = previous_id
        self.deleted: Briefing | None = None

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.run_briefing_step(self._restore, self.briefing_id)

    def undo(self) -> None:
        self._editor.run_briefing_step(self._delete, self.previous_id)

    def _restore(self) -> None:
        if self.deleted is not None:
            self._editor.store.restore_briefing(self.deleted)

    def _delete(self) -> None:
        self.deleted = self._editor.store.delete_briefing(self.briefing_id)


class DeleteBriefingCommand(BriefingCommand):
    """A briefing deleted with its items: undo restores it all and shows it again."""

    def __init__(
        self, editor: BriefingEditor, text: str, deleted: Briefing, next_id: int | None
    ) -> None:
        super().__init__(editor, text, deleted.info.id)
        self.deleted = deleted
        self.next_id = next_id

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.run_briefing_step(self._delete, self.next_id)

    def undo(self) -> None:
        self._editor.run_briefing_step(self._restore, self.briefing_id)

    def _delete(self) -> None:
        self.deleted = self._editor.store.delete_briefing(self.briefing_id)

    def _restore(self) -> None:
        self._editor.store.restore_briefing(self.deleted)


class PropertiesCommand(BriefingCommand):
    """Name, title, author, date or marking changed: both sets of values are kept."""

    def __init__(
        self, editor: BriefingEditor, text: str, before: BriefingInfo, after: BriefingInfo
    ) -> None:
        super().__init__(editor, text, before.id)
        self.before, self.after = before, after

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.run_briefing_step(lambda: self._set(self.after), self.briefing_id)

    def undo(self) -> None:
        self._editor.run_briefing_step(lambda: self._set(self.before), self.briefing_id)

    def _set(self, info: BriefingInfo) -> None:
        self._editor.store.update_briefing(
            self.briefing_id,
            name=info.name,
            title=info.title,
            author=info.author,
            date=info.date,
            marking=info.marking,
        )


def properties_change(before: BriefingInfo, after: BriefingInfo) -> str:
    """The undo menu's words for a properties change."""
    if before.name != after.name and (before.title, before.author, before.marking) == (
        after.title,
        after.author,
        after.marking,
    ):
        return f"Rename briefing “{before.name}” to “{after.name}”"
    return f"Change the properties of “{after.name}”"
