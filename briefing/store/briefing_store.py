"""Briefings in the store: named, ordered lists of items.

Each public write runs in one transaction and touches the briefing's ``modified_at``. Every
write that removes something returns what it removed (a briefing, items, the previous order,
an item's old text), so the GUI's undo stack can put it back exactly — same ids, same
positions — with the matching ``restore_*`` method.

Positions are kept contiguous (0..n-1) by renumbering in Python: briefings hold tens to a few
hundred items, and a UNIQUE(briefing_id, position) constraint would force two-step updates
on every move for no gain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, select

from briefing.briefings.model import (
    Briefing,
    BriefingInfo,
    BriefingItem,
    ItemDraft,
    ItemKind,
    Provenance,
)
from briefing.briefings.serialise import payload_from_json, payload_to_json
from briefing.domain import StoreError
from briefing.store.article_reads import chunks
from briefing.store.models import BriefingItemRecord, BriefingRecord

_BRIEFINGS = BriefingRecord.__table__
_ITEMS = BriefingItemRecord.__table__
_WITH_PROVENANCE = (ItemKind.ARTICLE, ItemKind.EXCERPT)


class _Unset(Enum):
    """The type of :data:`UNSET`: "leave this field as it is" where None is a real value."""

    UNSET = "UNSET"


UNSET = _Unset.UNSET


def _now() -> dt.datetime:
    # Microseconds kept: two edits in the same second must still order by modified_at.
    return dt.datetime.now()


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StoreError("a briefing needs a name")
    return cleaned


def _numbered(order: Sequence[int]) -> list[tuple[int, int]]:
    """(item id, position) for item ids in their new order."""
    return [(item_id, position) for position, item_id in enumerate(order)]


def _check_draft(draft: ItemDraft) -> None:
    if draft.kind in _WITH_PROVENANCE and draft.provenance is None:
        raise ValueError(f"a {draft.kind} item needs its provenance")
    if draft.kind is ItemKind.CHART and draft.chart is None:
        raise ValueError("a chart item needs its chart snapshot")


def _item_values(briefing_id: int, position: int, draft: ItemDraft) -> dict[str, Any]:
    provenance = draft.provenance
    return {
        "briefing_id": briefing_id,
        "position": position,
        "kind": str(draft.kind),
        "article_id": provenance.article_id if provenance else None,
        "title": provenance.title if provenance else "",
        "source": provenance.source if provenance else "",
        "published": provenance.published if provenance else None,
        "url": provenance.url if provenance else "",
        "text": draft.text,
        "caption": draft.caption,
        "payload": payload_to_json(draft.chart, draft.options),
    }


def _item_from_row(row: Row[Any]) -> BriefingItem:
    kind = ItemKind(row.kind)
    has_provenance = kind in _WITH_PROVENANCE or any(
        (row.article_id is not None, row.title, row.source, row.published, row.url)
    )
    chart, options = payload_from_json(row.payload)
    return BriefingItem(
        id=int(row.id),
        briefing_id=int(row.briefing_id),
        position=int(row.position),
        kind=kind,
        provenance=(
            Provenance(
                article_id=row.article_id,
                title=row.title,
                source=row.source,
                published=row.published,
                url=row.url,
            )
            if has_provenance
            else None
        ),
        text=row.text,
        caption=row.caption,
        chart=chart,
        options=options,
    )


def _info_from_row(row: Row[Any], item_count: int) -> BriefingInfo:
    return BriefingInfo(
        id=int(row.id),
        name=row.name,
        title=row.title,
        author=row.author,
        date=row.date,
        marking=row.marking,
        created_at=row.created_at,
        modified_at=row.modified_at,
        item_count=item_count,
    )


class BriefingStoreMixin:
    """The briefing half of :class:`briefing.store.Store` (it supplies ``_engine``/``_write``)."""

    _engine: Engine
    # Store provides it: a connection whose transactions take the write lock up front.
    _write: Callable[[], Connection]

    # -- briefings -----------------------------------------------------------------------------

    def create_briefing(
        self,
        name: str,
        *,
        title: str = "",
        author: str = "",
        date: dt.date | None = None,
        marking: str = "",
    ) -> BriefingInfo:
        """A new, empty briefing; StoreError when the name is blank or taken (in any case)."""
        name = _clean_name(name)
        now = _now()
        with self._write() as connection, connection.begin():
            self._check_name_free(connection, name)
            result = connection.execute(
                _BRIEFINGS.insert().values(
                    name=name,
                    title=title,
                    author=author,
                    date=date,
                    marking=marking,
                    created_at=now,
                    modified_at=now,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return self._info(connection, int(key[0]))

    def list_briefings(self) -> list[BriefingInfo]:
        """Every briefing, by name (case-insensitively), with its item count."""
        counts = (
            select(_ITEMS.c.briefing_id, func.count().label("n"))
            .group_by(_ITEMS.c.briefing_id)
            .subquery()
        )
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(_BRIEFINGS, func.coalesce(counts.c.n, 0).label("item_count")).outerjoin(
                    counts, counts.c.briefing_id == _BRIEFINGS.c.id
                )
            ).all()
        infos = [_info_from_row(row, int(row.item_count)) for row in rows]
        infos.sort(key=lambda info: (info.name.casefold(), info.name, info.id))
        return infos

    def get_briefing(self, briefing_id: int) -> Briefing:
        """The briefing with its items in order; StoreError when there is none."""
        with self._engine.connect() as connection:
            return self._briefing(connection, briefing_id)

    def find_briefing(self, name: str) -> BriefingInfo | None:
        """The briefing called ``name``: exactly, else ignoring case (and extra blanks)."""
        wanted = " ".join(name.split())
        infos = self.list_briefings()
        for info in infos:
            if info.name == wanted:
                return info
        folded = wanted.casefold()
        return next((info for info in infos if info.name.casefold() == folded), None)

    def update_briefing(
        self,
        briefing_id: int,
        *,
        name: str | None = None,
        title: str | None = None,
        author: str | None = None,
        date: dt.date | _Unset | None = UNSET,
        marking: str | None = None,
    ) -> BriefingInfo:
        """Change the given fields (``date=None`` clears the date); returns the new info."""
        values: dict[str, Any] = {}
        if name is not None:
            values["name"] = _clean_name(name)
        if title is not None:
            values["title"] = title
        if author is not None:
            values["author"] = author
        if not isinstance(date, _Unset):
            values["date"] = date
        if marking is not None:
            values["marking"] = marking
        with self._write() as connection, connection.begin():
            self._info(connection, briefing_id)  # StoreError when it does not exist
            if "name" in values:
                self._check_name_free(connection, values["name"], except_id=briefing_id)
            values["modified_at"] = _now()
            connection.execute(
                _BRIEFINGS.update().where(_BRIEFINGS.c.id == briefing_id).values(**values)
            )
            return self._info(connection, briefing_id)

    def delete_briefing(self, briefing_id: int) -> Briefing:
        """Delete a briefing and its items; returns what was deleted (for undo)."""
        with self._write() as connection, connection.begin():
            briefing = self._briefing(connection, briefing_id)
            # The items go by ON DELETE CASCADE (foreign keys are on for every connection).
            connection.execute(_BRIEFINGS.delete().where(_BRIEFINGS.c.id == briefing_id))
        return briefing

    def restore_briefing(self, briefing: Briefing) -> BriefingInfo:
        """Undo :meth:`delete_briefing`: the same id, name, items, item ids and order."""
        info = briefing.info
        with self._write() as connection, connection.begin():
            taken = connection.execute(
                select(_BRIEFINGS.c.id).where(_BRIEFINGS.c.id == info.id)
            ).first()
            if taken is not None:
                raise StoreError(f"briefing {info.id} exists: it cannot be restored over")
            self._check_name_free(connection, info.name)
            now = _now()
            connection.execute(
                _BRIEFINGS.insert().values(
                    id=info.id,
                    name=info.name,
                    title=info.title,
                    author=info.author,
                    date=info.date,
                    marking=info.marking,
                    created_at=info.created_at or now,
                    modified_at=info.modified_at or now,
                )
            )
            items = sorted(briefing.items, key=lambda item: item.position)
            self._insert_items_with_ids(
                connection,
                [(item, index) for index, item in enumerate(items)],
                briefing_id=info.id,
            )
            return self._info(connection, info.id)

    # -- items ---------------------------------------------------------------------------------

    def add_briefing_items(
        self, briefing_id: int, drafts: Sequence[ItemDraft], position: int | None = None
    ) -> list[BriefingItem]:
        """Insert ``drafts`` at ``position`` (None: at the end; later items move down)."""
        for draft in drafts:
            _check_draft(draft)
        with self._write() as connection, connection.begin():
            self._info(connection, briefing_id)
            order = self._order(connection, briefing_id)
            at = len(order) if position is None else max(0, min(position, len(order)))
            if drafts:
                # Make room first: the items from ``at`` on move down by len(drafts).
                self._set_positions(
                    connection,
                    [(item_id, at + len(drafts) + k) for k, item_id in enumerate(order[at:])],
                )
                connection.execute(
                    _ITEMS.insert(),
                    [_item_values(briefing_id, at + k, draft) for k, draft in enumerate(drafts)],
                )
                self._touch(connection, briefing_id)
            rows = connection.execute(
                select(_ITEMS)
                .where(
                    _ITEMS.c.briefing_id == briefing_id,
                    _ITEMS.c.position >= at,
                    _ITEMS.c.position < at + len(drafts),
                )
                .order_by(_ITEMS.c.position)
            ).all()
        return [_item_from_row(row) for row in rows]

    def remove_briefing_items(self, item_ids: Sequence[int]) -> list[BriefingItem]:
        """Remove items (of one briefing or several); returns them with their old positions,
        ordered by briefing and position (for :meth:`restore_briefing_items`)."""
        wanted = list(dict.fromkeys(int(i) for i in item_ids))
        if not wanted:
            return []
        with self._write() as connection, connection.begin():
            removed = self._items_by_id(connection, wanted)
            missing = sorted(set(wanted) - {item.id for item in removed})
            if missing:
                raise StoreError(f"no briefing item {', '.join(map(str, missing))}")
            for chunk in chunks(wanted):
                connection.execute(_ITEMS.delete().where(_ITEMS.c.id.in_(chunk)))
            for briefing_id in sorted({item.briefing_id for item in removed}):
                self._renumber(connection, briefing_id)
                self._touch(connection, briefing_id)
        return sorted(removed, key=lambda item: (item.briefing_id, item.position))

    def restore_briefing_items(self, items: Sequence[BriefingItem]) -> None:
        """Undo :meth:`remove_briefing_items`: the items come back with their ids, at their
        old positions (inserted lowest position first, so each lands where it was)."""
        if not items:
            return
        with self._write() as connection, connection.begin():
            for briefing_id in sorted({item.briefing_id for item in items}):
                self._info(connection, briefing_id)
                order = self._order(connection, briefing_id)
                mine = sorted(
                    (item for item in items if item.briefing_id == briefing_id),
                    key=lambda item: item.position,
                )
                placed: list[tuple[BriefingItem, int]] = []
                for item in mine:
                    at = max(0, min(item.position, len(order)))
                    order.insert(at, -item.id)  # negative: not inserted yet
                    placed.append((item, at))
                # Existing items take their new positions first, then the restored ones.
                self._set_positions(
                    connection,
                    [(item_id, index) for index, item_id in enumerate(order) if item_id > 0],
                )
                self._insert_items_with_ids(
                    connection,
                    [(item, order.index(-item.id)) for item, _ in placed],
                    briefing_id=briefing_id,
                )
                self._touch(connection, briefing_id)

    def move_briefing_items(
        self, briefing_id: int, item_ids: Sequence[int], position: int
    ) -> list[int]:
        """Move items, keeping their relative order, to start at ``position`` (counted in the
        list without them). Returns the previous order of every item id, for undo."""
        with self._write() as connection, connection.begin():
            self._info(connection, briefing_id)
            order = self._order(connection, briefing_id)
            moving = set(int(i) for i in item_ids)
            strangers = sorted(moving - set(order))
            if strangers:
                raise StoreError(
                    f"briefing {briefing_id} has no item {', '.join(map(str, strangers))}"
                )
            moved = [item_id for item_id in order if item_id in moving]
            rest = [item_id for item_id in order if item_id not in moving]
            at = max(0, min(position, len(rest)))
            new_order = rest[:at] + moved + rest[at:]
            if new_order != order:
                self._set_positions(connection, _numbered(new_order))
                self._touch(connection, briefing_id)
        return order

    def set_briefing_order(self, briefing_id: int, item_ids: Sequence[int]) -> None:
        """Put the items in this order (every item of the briefing, each once)."""
        wanted = [int(i) for i in item_ids]
        with self._write() as connection, connection.begin():
            self._info(connection, briefing_id)
            order = self._order(connection, briefing_id)
            if sorted(wanted) != sorted(order):
                raise StoreError(
                    f"the new order must list each of briefing {briefing_id}'s items once"
                )
            if wanted != order:
                self._set_positions(connection, _numbered(wanted))
                self._touch(connection, briefing_id)

    def update_briefing_item(
        self, item_id: int, *, text: str | None = None, caption: str | None = None
    ) -> BriefingItem:
        """Change an item's text and/or caption; returns the item as it was before (for undo)."""
        values: dict[str, Any] = {}
        if text is not None:
            values["text"] = text
        if caption is not None:
            values["caption"] = caption
        with self._write() as connection, connection.begin():
            found = self._items_by_id(connection, [item_id])
            if not found:
                raise StoreError(f"no briefing item {item_id}")
            before = found[0]
            if values:
                connection.execute(_ITEMS.update().where(_ITEMS.c.id == item_id).values(**values))
                self._touch(connection, before.briefing_id)
        return before

    # -- what assembly and the GUI read --------------------------------------------------------

    def briefing_article_ids(self, briefing_id: int) -> list[int]:
        """Article ids of the briefing's article and excerpt items, in item order, each once,
        leaving out articles no longer in the store."""
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT i.article_id FROM briefing_items i JOIN articles a ON a.id = i.article_id "
                "WHERE i.briefing_id = ? AND i.kind IN (?, ?) ORDER BY i.position",
                (briefing_id, str(ItemKind.ARTICLE), str(ItemKind.EXCERPT)),
            ).fetchall()
        return list(dict.fromkeys(int(row[0]) for row in rows))

    def provenance_for(self, article_ids: Sequence[int]) -> list[Provenance]:
        """Where each article came from (title, source, date, URL), in the order given;
        ids not in the store are left out."""
        found: dict[int, Provenance] = {}
        with self._engine.connect() as connection:
            for chunk in chunks(list(article_ids)):
                marks = ",".join("?" * len(chunk))
                for row in connection.exec_driver_sql(
                    "SELECT a.id, a.title, s.name, a.published, a.url FROM articles a "
                    f"JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks})",
                    tuple(chunk),
                ):
                    found[int(row[0])] = Provenance(
                        article_id=int(row[0]),
                        title=row[1],
                        source=row[2],
                        published=dt.date.fromisoformat(row[3][:10]) if row[3] else None,
                        url=row[4] or "",
                    )
        return [found[i] for i in article_ids if i in found]

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _check_name_free(connection: Connection, name: str, except_id: int | None = None) -> None:
        folded = name.casefold()
        for other_id, other in connection.execute(select(_BRIEFINGS.c.id, _BRIEFINGS.c.name)):
            if other_id != except_id and other.casefold() == folded:
                raise StoreError(f"there is already a briefing called {other!r}")

    @staticmethod
    def _info(connection: Connection, briefing_id: int) -> BriefingInfo:
        row = connection.execute(select(_BRIEFINGS).where(_BRIEFINGS.c.id == briefing_id)).first()
        if row is None:
            raise StoreError(f"there is no briefing {briefing_id}")
        count = connection.execute(
            select(func.count()).select_from(_ITEMS).where(_ITEMS.c.briefing_id == briefing_id)
        ).scalar_one()
        return _info_from_row(row, int(count))

    def _briefing(self, connection: Connection, briefing_id: int) -> Briefing:
        info = self._info(connection, briefing_id)
        rows = connection.execute(
            select(_ITEMS)
            .where(_ITEMS.c.briefing_id == briefing_id)
            .order_by(_ITEMS.c.position, _ITEMS.c.id)
        ).all()
        return Briefing(info=info, items=tuple(_item_from_row(row) for row in rows))

    @staticmethod
    def _order(connection: Connection, briefing_id: int) -> list[int]:
        return [
            int(row[0])
            for row in connection.execute(
                select(_ITEMS.c.id)
                .where(_ITEMS.c.briefing_id == briefing_id)
                .order_by(_ITEMS.c.position, _ITEMS.c.id)
            )
        ]

    @staticmethod
    def _items_by_id(connection: Connection, item_ids: Sequence[int]) -> list[BriefingItem]:
        items: list[BriefingItem] = []
        for chunk in chunks(list(item_ids)):
            rows = connection.execute(select(_ITEMS).where(_ITEMS.c.id.in_(chunk))).all()
            items.extend(_item_from_row(row) for row in rows)
        return items

    @staticmethod
    def _set_positions(connection: Connection, positions: Sequence[tuple[int, int]]) -> None:
        """(item id, position) pairs."""
        if positions:
            connection.exec_driver_sql(
                "UPDATE briefing_items SET position = ? WHERE id = ?",
                [(position, item_id) for item_id, position in positions],
            )

    def _renumber(self, connection: Connection, briefing_id: int) -> None:
        """Close the gaps removals leave: positions become 0..n-1 again."""
        order = self._order(connection, briefing_id)
        self._set_positions(connection, _numbered(order))

    @staticmethod
    def _insert_items_with_ids(
        connection: Connection,
        placed: Sequence[tuple[BriefingItem, int]],
        *,
        briefing_id: int,
    ) -> None:
        """Insert items with their own ids at the given positions (undo paths)."""
        ids = [item.id for item, _ in placed]
        for chunk in chunks(ids):
            clash = connection.execute(select(_ITEMS.c.id).where(_ITEMS.c.id.in_(chunk))).first()
            if clash is not None:
                raise StoreError(f"briefing item {clash[0]} exists: it cannot be restored over")
        if placed:
            connection.execute(
                _ITEMS.insert(),
                [
                    {"id": item.id, **_item_values(briefing_id, position, item.draft())}
                    for item, position in placed
                ],
            )

    @staticmethod
    def _touch(connection: Connection, briefing_id: int) -> None:
        connection.execute(
            _BRIEFINGS.update().where(_BRIEFINGS.c.id == briefing_id).values(modified_at=_now())
        )
