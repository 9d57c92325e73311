"""The one place the GUI changes briefings; each change is one undoable step.

:class:`BriefingEditor` knows which briefing the panel shows (the *current* one, remembered per
store), makes each change in the store (small transactions, milliseconds, on the GUI thread),
pushes a command from :mod:`briefing.ui.briefing_commands` on the window's undo stack and then
announces ``changed`` with the items to select, so the panel shows what the store now holds
(the same "op, then a change notice" pattern as :class:`~briefing.ui.entity_editing.EntityEditor`).

Adding anything when the store has no briefing yet starts one named "Briefing 1" rather than
asking for a name: the person is in the middle of reading and pressed Ctrl+B to keep an
article, a dialog there would break the flow, and the name is one click away in the
properties. Creating it and adding to it are one undo step, so Ctrl+Z leaves the store as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefing.briefings.model import (
    Briefing,
    BriefingInfo,
    ChartSnapshot,
    ItemDraft,
    ItemKind,
)
from briefing.domain import BriefingError
from briefing.store import Store
from briefing.ui import settings
from briefing.ui.briefing_commands import (
    AddItemsCommand,
    CreateBriefingCommand,
    DeleteBriefingCommand,
    EditItemCommand,
    PropertiesCommand,
    RemoveItemsCommand,
    ReorderCommand,
    properties_change,
)
from briefing.ui.briefing_item_model import KIND_LABELS, item_title, shorten

log = logging.getLogger(__name__)

DEFAULT_NAME = "Briefing {}"


def count_words(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def quoted(text: str, most: int = 48) -> str:
    return f"“{shorten(text, most)}”"


class BriefingEditor(QObject):
    """Current briefing + every change to briefings, on the window's undo stack."""

    # Something about briefings changed, or another one is shown: the item ids to select.
    changed = Signal(object)
    # A change could not be made: one line for the person.
    failed = Signal(str)
    # What a change did, for the status bar ("Added 2 articles to “Briefing 1”").
    message = Signal(str)

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.undo_stack = undo_stack
        self._current: int | None = None
        self._current = self._initial_briefing()

    # -- the store and the current briefing ----------------------------------------------------

    @property
    def store(self) -> Store:
        return self._store

    def set_store(self, store: Store) -> None:
        """Another store: its own briefings, and the one last shown there."""
        self._store = store
        self._current = self._initial_briefing()
        self.changed.emit([])

    @property
    def current_id(self) -> int | None:
        return self._current

    def current(self) -> Briefing | None:
        """The briefing shown, as the store has it now (None when there is none)."""
        if self._current is None:
            return None
        try:
            return self._store.get_briefing(self._current)
        except BriefingError:
            # Deleted behind our back (another window, the CLI): show another one.
            self._current = self._first_briefing()
            return self._store.get_briefing(self._current) if self._current else None

    def briefings(self) -> list[BriefingInfo]:
        return self._store.list_briefings()

    def set_current(self, briefing_id: int | None) -> None:
        """Show another briefing (one click in the switcher)."""
        if briefing_id == self._current:
            return
        self._show(briefing_id)
        self.changed.emit([])

    def next_name(self) -> str:
        taken = {info.name.casefold() for info in self.briefings()}
        number = 1
        while DEFAULT_NAME.format(number).casefold() in taken:
            number += 1
        return DEFAULT_NAME.format(number)

    # -- briefings ---------------------------------------------------------------------------

    def create(
        self,
        name: str,
        *,
        title: str = "",
        author: str = "",
        date: dt.date | None = None,
        marking: str = "",
        article_ids: Sequence[int] = (),
    ) -> BriefingInfo | None:
        """A new briefing (with these articles in it, if any), shown at once; one undo step."""
        previous = self._current
        try:
            info = self._store.create_briefing(
                name.strip(), title=title, author=author, date=date, marking=marking
            )
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return None
        text = f"New briefing {quoted(info.name)}"
        self.undo_stack.beginMacro(text)
        try:
            self.undo_stack.push(CreateBriefingCommand(self, text, info, previous))
            self._show(info.id)
            if article_ids:
                self.add_articles(article_ids)
        finally:
            self.undo_stack.endMacro()
        if not article_ids:
            self.message.emit(f"Started the briefing {quoted(info.name)}.")
            self.changed.emit([])
        return info

    def update_properties(
        self,
        briefing_id: int,
        *,
        name: str,
        title: str,
        author: str,
        date: dt.date | None,
        marking: str,
    ) -> bool:
        before = self._info(briefing_id)
        if before is None:
            return False
        name = " ".join(name.split())
        wanted = (name, title.strip(), author.strip(), date, marking.strip())
        if wanted == (before.name, before.title, before.author, before.date, before.marking):
            return False
        try:
            after = self._store.update_briefing(
                briefing_id,
                name=wanted[0],
                title=wanted[1],
                author=wanted[2],
                date=wanted[3],
                marking=wanted[4],
            )
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        text = properties_change(before, after)
        self.undo_stack.push(PropertiesCommand(self, text, before, after))
        self.changed.emit([])
        return True

    def delete(self, briefing_id: int) -> bool:
        """Delete a briefing and its items (undoable: Ctrl+Z brings it all back)."""
        others = [info.id for info in self.briefings() if info.id != briefing_id]
        try:
            deleted = self._store.delete_briefing(briefing_id)
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        next_id = others[0] if others else None
        text = f"Delete briefing {quoted(deleted.info.name)}"
        self.undo_stack.push(DeleteBriefingCommand(self, text, deleted, next_id))
        if self._current == briefing_id:
            self._show(next_id)
        self.message.emit(f"Deleted the briefing {quoted(deleted.info.name)} (Ctrl+Z undoes it).")
        self.changed.emit([])
        return True

    # -- adding items --------------------------------------------------------------------------

    def add_articles(self, article_ids: Sequence[int], position: int | None = None) -> int:
        """Add whole articles (those already in the briefing are skipped, and said so)."""
        wanted = list(dict.fromkeys(int(a) for a in article_ids))
        if not wanted:
            self.message.emit("Select articles in the list first.")
            return 0
        try:
            # Whole articles only: an excerpt of an article does not stop adding all of it.
            briefing = self.current()
            present = {
                item.article_id
                for item in (briefing.items if briefing is not None else ())
                if item.kind is ItemKind.ARTICLE
            }
            fresh = [a for a in wanted if a not in present]
            found = {p.article_id: p for p in self._store.provenance_for(fresh)} if fresh else {}
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return 0
        drafts = [ItemDraft(ItemKind.ARTICLE, provenance=found[a]) for a in fresh if a in found]
        skipped = len(wanted) - len(fresh)
        if not drafts:
            name = self._current_name()
            self.message.emit(
                f"Already in {quoted(name)}: "
                + ("that article." if skipped == 1 else f"all {skipped} articles.")
                if skipped
                else "Those articles are no longer in the store."
            )
            return 0
        if len(drafts) == 1:
            text = f"Add {quoted(drafts[0].provenance.title if drafts[0].provenance else '')}"
        else:
            text = f"Add {count_words(len(drafts), 'article')}"
        added = self._add(drafts, position, text)
        if added:
            note = f"Added {count_words(len(drafts), 'article')} to {quoted(self._current_name())}."
            if skipped:
                note += f" Skipped {skipped} already in it."
            self.message.emit(note)
        return len(drafts) if added else 0

    def add_excerpt(self, article_id: int, text: str, comment: str = "") -> bool:
        """Text selected in the reader, with the provenance of the article it came from."""
        text = text.strip()
        if not text:
            self.message.emit("Select some text in the reader first.")
            return False
        try:
            found = self._store.provenance_for([article_id])
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        provenance = found[0] if found else None
        draft = ItemDraft(ItemKind.EXCERPT, provenance=provenance, text=text, caption=comment)
        done = self._add([draft], None, f"Add excerpt {quoted(text, 32)}")
        if done:
            where = provenance.title if provenance else "the article"
            self.message.emit(f"Added an excerpt from {quoted(where)}.")
        return done

    def add_chart(self, chart: ChartSnapshot) -> bool:
        done = self._add(
            [ItemDraft(ItemKind.CHART, caption=chart.caption, chart=chart)],
            None,
            f"Add chart {quoted(chart.title)}",
        )
        if done:
            self.message.emit(f"Added the chart to {quoted(self._current_name())}.")
        return done

    def add_note(self, markdown: str = "", position: int | None = None) -> int | None:
        """A note (empty: the panel opens it for writing); returns its item id."""
        added = self._add([ItemDraft(ItemKind.NOTE, text=markdown)], position, "Add note")
        return added[0] if added else None

    def add_table(self, kind: ItemKind, position: int | None = None) -> int | None:
        """An entity table or the key dates (computed from the briefing's articles at export)."""
        if kind not in (ItemKind.ENTITY_TABLE, ItemKind.KEY_DATES):
            raise ValueError(f"not a table: {kind}")
        added = self._add([ItemDraft(kind)], position, f"Add {KIND_LABELS[kind].lower()}")
        if added:
            self.message.emit(
                f"Added the {KIND_LABELS[kind].lower()}: filled in from the briefing's "
                "articles when it is exported."
            )
        return added[0] if added else None

    # -- changing items ----------------------------------------------------------------------

    def remove(self, item_ids: Sequence[int]) -> bool:
        briefing = self.current()
        if briefing is None or not item_ids:
            return False
        wanted = set(item_ids)
        items = [item for item in briefing.items if item.id in wanted]
        if not items:
            return False
        try:
            removed = self._store.remove_briefing_items([item.id for item in items])
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        if len(removed) == 1:
            text = f"Remove {quoted(item_title(removed[0]), 40)}"
        else:
            text = f"Remove {count_words(len(removed), 'item')}"
        self.undo_stack.push(RemoveItemsCommand(self, text, briefing.info.id, removed))
        # The row after the removed ones keeps the keyboard's place in the list.
        order = [item.id for item in sorted(briefing.items, key=lambda i: i.position)]
        first = min(order.index(item.id) for item in items)
        rest = [i for i in order if i not in wanted]
        at = min(first, len(rest) - 1)
        self.changed.emit(rest[at : at + 1] if rest else [])
        return True

    def move(self, item_ids: Sequence[int], row: int) -> bool:
        """Move items so they come before the item now at ``row`` (-1: to the end), in the
        order they are in now."""
        briefing = self.current()
        if briefing is None:
            return False
        order = [item.id for item in sorted(briefing.items, key=lambda i: i.position)]
        moving = [i for i in order if i in set(item_ids)]
        if not moving:
            return False
        row = len(order) if row < 0 or row > len(order) else row
        before_row = sum(1 for i in order[:row] if i not in set(moving))
        rest = [i for i in order if i not in set(moving)]
        after = rest[:before_row] + moving + rest[before_row:]
        return self._reorder(briefing, order, after, moving)

    def move_by(self, item_ids: Sequence[int], delta: int) -> bool:
        """Ctrl+Up / Ctrl+Down: the selected items one place up (-1) or down (+1)."""
        briefing = self.current()
        if briefing is None:
            return False
        order = [item.id for item in sorted(briefing.items, key=lambda i: i.position)]
        moving = [i for i in order if i in set(item_ids)]
        if not moving:
            return False
        rest = [i for i in order if i not in set(moving)]
        first = order.index(moving[0])
        # Where the block starts among the others, one place further.
        start = sum(1 for i in order[:first] if i not in set(moving)) + delta
        start = max(0, min(start, len(rest)))
        after = rest[:start] + moving + rest[start:]
        return self._reorder(briefing, order, after, moving)

    def edit_text(self, item_id: int, text: str) -> bool:
        """A note's Markdown."""
        return self._edit(item_id, "text", text)

    def edit_caption(self, item_id: int, caption: str) -> bool:
        """A chart's or a table's caption, an excerpt's comment."""
        return self._edit(item_id, "caption", " ".join(caption.split()))

    # -- what the commands call (undo and redo) ------------------------------------------------

    def run_step(self, step: Callable[[], Sequence[int]], briefing_id: int) -> None:
        """An undo or redo of an item change: show that briefing, make the change, select."""
        try:
            select = list(step())
        except (BriefingError, ValueError) as exc:
            log.warning("briefing undo/redo failed: %s", exc)
            self.failed.emit(str(exc))
            return
        self._show(briefing_id)
        self.changed.emit(select)

    def run_briefing_step(self, step: Callable[[], None], show_id: int | None) -> None:
        """An undo or redo that creates, deletes or renames a briefing."""
        try:
            step()
        except (BriefingError, ValueError) as exc:
            log.warning("briefing undo/redo failed: %s", exc)
            self.failed.emit(str(exc))
            return
        if show_id is not None and self._info(show_id) is None:
            show_id = self._first_briefing()
        self._show(show_id)
        self.changed.emit([])

    # -- internals ---------------------------------------------------------------------------

    def _add(self, drafts: list[ItemDraft], position: int | None, text: str) -> list[int]:
        """Add to the current briefing, starting one when there is none. Returns the ids."""
        created: BriefingInfo | None = None
        target = self._current
        try:
            if target is None or self._info(target) is None:
                created = self._store.create_briefing(self.next_name())
                target = created.id
            items = self._store.add_briefing_items(target, drafts, position)
        except (BriefingError, ValueError) as exc:
            if created is not None:
                self._store.delete_briefing(created.id)  # no empty briefing left behind
            self.failed.emit(str(exc))
            return []
        if created is not None:
            macro = f"{text} to new briefing {quoted(created.name)}"
            self.undo_stack.beginMacro(macro)
            self.undo_stack.push(CreateBriefingCommand(self, macro, created, self._current))
            self.undo_stack.push(AddItemsCommand(self, text, created.id, items))
            self.undo_stack.endMacro()
            self._show(created.id)
        else:
            self.undo_stack.push(AddItemsCommand(self, text, target, items))
        ids = [item.id for item in items]
        self.changed.emit(ids)
        return ids

    def _reorder(
        self, briefing: Briefing, before: list[int], after: list[int], moved: list[int]
    ) -> bool:
        if after == before:
            return False
        try:
            self._store.set_briefing_order(briefing.info.id, after)
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        text = "Move item" if len(moved) == 1 else f"Move {count_words(len(moved), 'item')}"
        self.undo_stack.push(ReorderCommand(self, text, briefing.info.id, before, after, moved))
        self.changed.emit(moved)
        return True

    def _edit(self, item_id: int, field: str, value: str) -> bool:
        briefing = self.current()
        item = next((i for i in briefing.items if i.id == item_id), None) if briefing else None
        if briefing is None or item is None:
            return False
        old = getattr(item, field)
        if old == value:
            return False
        try:
            self._store.update_briefing_item(item_id, **{field: value})
        except (BriefingError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        what = "note" if item.kind is ItemKind.NOTE else "caption"
        if item.kind is ItemKind.EXCERPT:
            what = "comment"
        command = EditItemCommand(
            self, f"Edit {what}", briefing.info.id, item_id, field, old, value
        )
        self.undo_stack.push(command)
        self.changed.emit([item_id])
        return True

    def _show(self, briefing_id: int | None) -> None:
        if briefing_id != self._current:
            self._current = briefing_id
            settings.remember_briefing(self._store.path, briefing_id)

    def _info(self, briefing_id: int) -> BriefingInfo | None:
        return next((i for i in self.briefings() if i.id == briefing_id), None)

    def _current_name(self) -> str:
        info = self._info(self._current) if self._current is not None else None
        return info.name if info is not None else ""

    def _first_briefing(self) -> int | None:
        infos = self.briefings()
        if not infos:
            return None
        # The one worked on last: people come back to what they were doing.
        latest = max(infos, key=lambda i: (i.modified_at or dt.datetime.min, i.id))
        return latest.id

    def _initial_briefing(self) -> int | None:
        remembered = settings.remembered_briefing(self._store.path)
        try:
            if remembered is not None and self._info(remembered) is not None:
                return remembered
            return self._first_briefing()
        except BriefingError as exc:
            log.warning("cannot list briefings: %s", exc)
            return None
