"""Briefings in the store: names, items, order, and every write undoable exactly."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from briefing.briefings.model import (
    BriefingItem,
    ChartKind,
    ChartSnapshot,
    ItemDraft,
    ItemKind,
    Provenance,
    TimelineBin,
    TimelineLane,
    TimelineSnapshot,
)
from briefing.domain import StoreError
from briefing.store import Store
from briefing.store.briefing_store import UNSET
from tests.conftest import add, make_article

CHART = ChartSnapshot(
    kind=ChartKind.TIMELINE,
    title="Timeline of dates mentioned",
    caption="All 3 articles",
    timeline=TimelineSnapshot(
        unit="year",
        bins=(TimelineBin(dt.date(2019, 1, 1), dt.date(2019, 12, 31), "2019", 2),),
        lanes=(TimelineLane("All articles", (2,)),),
    ),
)


def note(text: str) -> ItemDraft:
    return ItemDraft(ItemKind.NOTE, text=text)


def texts(store: Store, briefing_id: int) -> list[str]:
    return [item.text for item in store.get_briefing(briefing_id).items]


def positions(store: Store, briefing_id: int) -> list[int]:
    return [item.position for item in store.get_briefing(briefing_id).items]


def modified(store: Store, briefing_id: int) -> dt.datetime:
    stamp = store.get_briefing(briefing_id).info.modified_at
    assert stamp is not None
    return stamp


@pytest.fixture
def weekly(store: Store) -> int:
    info = store.create_briefing("Weekly")
    store.add_briefing_items(info.id, [note(t) for t in "ABCDE"])
    return info.id


def test_create_list_find_and_names_unique_in_any_case(store: Store) -> None:
    info = store.create_briefing(
        "  Weekly   INF ",
        title="INF weekly",
        author="A. Analyst",
        date=dt.date(2019, 2, 1),
        marking="OFFICIAL",
    )
    assert info.name == "Weekly INF"
    assert (info.title, info.author, info.date, info.marking) == (
        "INF weekly",
        "A. Analyst",
        dt.date(2019, 2, 1),
        "OFFICIAL",
    )
    assert info.created_at is not None and info.created_at == info.modified_at
    assert info.item_count == 0
    store.create_briefing("alpha")
    store.create_briefing("Zulu")
    with pytest.raises(StoreError, match="already a briefing called 'Weekly INF'"):
        store.create_briefing("weekly inf")
    with pytest.raises(StoreError, match="needs a name"):
        store.create_briefing("   ")
    store.add_briefing_items(info.id, [note("x"), note("y")])
    listed = store.list_briefings()
    assert [(b.name, b.item_count) for b in listed] == [
        ("alpha", 0),
        ("Weekly INF", 2),
        ("Zulu", 0),
    ]
    assert store.find_briefing("WEEKLY inf") == listed[1]
    assert store.find_briefing("Weekly INF") == listed[1]
    assert store.find_briefing("nothing") is None
    assert store.get_briefing(info.id).info == listed[1]
    with pytest.raises(StoreError, match="no briefing 999"):
        store.get_briefing(999)


def test_exact_name_wins_over_a_case_insensitive_match(store: Store) -> None:
    first = store.create_briefing("Brief")
    second = store.create_briefing("Other")
    # Names can only differ in case if they were stored that way by something else; the
    # exact one must still win. Renaming bypasses nothing, so check the lookup order here.
    assert store.find_briefing("brief") == store.get_briefing(first.id).info
    assert store.find_briefing("Other") == store.get_briefing(second.id).info


def test_update_changes_only_what_is_given(store: Store) -> None:
    info = store.create_briefing("Weekly", title="T", date=dt.date(2019, 1, 1))
    store.create_briefing("Daily")
    changed = store.update_briefing(info.id, author="Me", marking="SECRET")
    assert (changed.title, changed.author, changed.marking, changed.date) == (
        "T",
        "Me",
        "SECRET",
        dt.date(2019, 1, 1),
    )
    assert store.update_briefing(info.id, date=UNSET).date == dt.date(2019, 1, 1)
    assert store.update_briefing(info.id, date=None).date is None
    renamed = store.update_briefing(info.id, name="Weekly 2", title="")
    assert (
        renamed.name == "Weekly 2" and renamed.title == "" and renamed.display_title == "Weekly 2"
    )
    # Its own name in another case is fine; another briefing's is not.
    assert store.update_briefing(info.id, name="WEEKLY 2").name == "WEEKLY 2"
    with pytest.raises(StoreError, match="already a briefing called 'Daily'"):
        store.update_briefing(info.id, name="daily")
    with pytest.raises(StoreError, match="no briefing"):
        store.update_briefing(12345, title="x")


def test_items_are_added_at_the_end_or_at_a_position(store: Store, weekly: int) -> None:
    added = store.add_briefing_items(weekly, [note("x"), note("y")], position=1)
    assert [(item.text, item.position) for item in added] == [("x", 1), ("y", 2)]
    assert texts(store, weekly) == ["A", "x", "y", "B", "C", "D", "E"]
    store.add_briefing_items(weekly, [note("end")])
    store.add_briefing_items(weekly, [note("first")], position=-3)  # clamped to 0
    store.add_briefing_items(weekly, [note("last")], position=99)  # clamped to the end
    assert texts(store, weekly) == ["first", "A", "x", "y", "B", "C", "D", "E", "end", "last"]
    assert positions(store, weekly) == list(range(10))
    assert store.get_briefing(weekly).items[1] == BriefingItem(
        id=store.get_briefing(weekly).items[1].id,
        briefing_id=weekly,
        position=1,
        kind=ItemKind.NOTE,
        text="A",
    )


def test_drafts_keep_everything_they_carry(store: Store, weekly: int) -> None:
    provenance = Provenance(
        article_id=None,
        title="Missile moved",
        source="Wire",
        published=dt.date(2019, 1, 21),
        url="https://example.org/a",
    )
    drafts = [
        ItemDraft(ItemKind.CHART, chart=CHART, caption="Edited caption"),
        ItemDraft(ItemKind.EXCERPT, provenance=provenance, text="quoted", caption="my comment"),
        ItemDraft(ItemKind.ENTITY_TABLE, options={"limit": 10, "types": ["WEAPON"]}),
        ItemDraft(ItemKind.KEY_DATES, caption="Dates"),
    ]
    added = store.add_briefing_items(weekly, drafts)
    stored = store.get_briefing(weekly).items[-4:]
    assert list(stored) == added
    assert [item.draft() for item in stored] == drafts
    with pytest.raises(ValueError, match="provenance"):
        store.add_briefing_items(weekly, [ItemDraft(ItemKind.ARTICLE)])
    with pytest.raises(ValueError, match="chart snapshot"):
        store.add_briefing_items(weekly, [ItemDraft(ItemKind.CHART)])
    with pytest.raises(StoreError, match="no briefing"):
        store.add_briefing_items(999, [note("x")])
    assert len(store.get_briefing(weekly).items) == 9


def test_remove_and_restore_items_exactly(store: Store, weekly: int) -> None:
    before = store.get_briefing(weekly).items
    b, d = before[1], before[3]
    removed = store.remove_briefing_items([d.id, b.id])
    assert removed == [b, d]  # with their old positions, in order
    assert texts(store, weekly) == ["A", "C", "E"]
    assert positions(store, weekly) == [0, 1, 2]
    store.restore_briefing_items(removed)
    assert store.get_briefing(weekly).items == before
    with pytest.raises(StoreError, match="no briefing item 424242"):
        store.remove_briefing_items([before[0].id, 424242])
    assert store.get_briefing(weekly).items == before  # nothing removed
    with pytest.raises(StoreError, match="cannot be restored over"):
        store.restore_briefing_items([before[0]])
    assert store.remove_briefing_items([]) == []


def test_restore_after_other_changes_still_puts_items_back(store: Store, weekly: int) -> None:
    items = store.get_briefing(weekly).items
    removed = store.remove_briefing_items([items[0].id, items[4].id])  # A and E
    store.remove_briefing_items([items[1].id])  # B
    store.restore_briefing_items(removed)
    assert texts(store, weekly) == ["A", "C", "D", "E"]
    assert positions(store, weekly) == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("moving", "position", "expected"),
    [
        ("BD", 0, "BDACE"),
        ("BD", 3, "ACEBD"),
        ("DB", 1, "ABDCE"),  # the briefing's order is kept, not the order given
        ("E", 0, "EABCD"),
        ("A", 99, "BCDEA"),
        ("ACE", 1, "BACED"),
    ],
)
def test_move_keeps_relative_order_and_undoes(
    store: Store, weekly: int, moving: str, position: int, expected: str
) -> None:
    ids = {item.text: item.id for item in store.get_briefing(weekly).items}
    previous = store.move_briefing_items(weekly, [ids[t] for t in moving], position)
    assert previous == [ids[t] for t in "ABCDE"]
    assert "".join(texts(store, weekly)) == expected
    assert positions(store, weekly) == [0, 1, 2, 3, 4]
    store.set_briefing_order(weekly, previous)
    assert "".join(texts(store, weekly)) == "ABCDE"


def test_order_changes_refuse_items_of_another_briefing(store: Store, weekly: int) -> None:
    other = store.create_briefing("Other")
    (stranger,) = store.add_briefing_items(other.id, [note("z")])
    ids = [item.id for item in store.get_briefing(weekly).items]
    with pytest.raises(StoreError, match="has no item"):
        store.move_briefing_items(weekly, [stranger.id], 0)
    with pytest.raises(StoreError, match="each of"):
        store.set_briefing_order(weekly, ids[:-1])
    with pytest.raises(StoreError, match="each of"):
        store.set_briefing_order(weekly, [*ids[:-1], stranger.id])
    assert "".join(texts(store, weekly)) == "ABCDE"


def test_update_item_returns_it_as_it_was(store: Store, weekly: int) -> None:
    first = store.get_briefing(weekly).items[0]
    before = store.update_briefing_item(first.id, text="**bold** note", caption="c")
    assert before == first
    now = store.get_briefing(weekly).items[0]
    assert (now.text, now.caption, now.id, now.position) == ("**bold** note", "c", first.id, 0)
    store.update_briefing_item(first.id, text=before.text, caption=before.caption)
    assert store.get_briefing(weekly).items[0] == first
    with pytest.raises(StoreError, match="no briefing item"):
        store.update_briefing_item(98765, text="x")


def test_delete_and_restore_a_briefing(store: Store, weekly: int) -> None:
    store.add_briefing_items(weekly, [ItemDraft(ItemKind.CHART, chart=CHART, caption="c")])
    store.move_briefing_items(weekly, [store.get_briefing(weekly).items[-1].id], 0)
    whole = store.get_briefing(weekly)
    deleted = store.delete_briefing(weekly)
    assert deleted == whole
    assert store.list_briefings() == []
    with store._engine.connect() as connection:  # the items went with it (cascade)
        left = connection.exec_driver_sql("SELECT COUNT(*) FROM briefing_items").scalar_one()
    assert left == 0
    info = store.restore_briefing(deleted)
    assert info == whole.info
    assert store.get_briefing(weekly) == whole
    with pytest.raises(StoreError, match="cannot be restored over"):
        store.restore_briefing(deleted)
    store.delete_briefing(weekly)
    newer = store.create_briefing("weekly")
    assert newer.id != weekly  # ids are never handed out again
    (item,) = store.add_briefing_items(newer.id, [note("new")])
    assert item.id not in {old.id for old in whole.items}
    with pytest.raises(StoreError, match="already a briefing"):
        store.restore_briefing(deleted)


def test_every_change_touches_modified_at(store: Store, weekly: int) -> None:
    changes = [
        lambda: store.update_briefing(weekly, title="new"),
        lambda: store.add_briefing_items(weekly, [note("F")]),
        lambda: store.move_briefing_items(weekly, [store.get_briefing(weekly).items[0].id], 2),
        lambda: store.set_briefing_order(
            weekly, [item.id for item in reversed(store.get_briefing(weekly).items)]
        ),
        lambda: store.update_briefing_item(store.get_briefing(weekly).items[0].id, text="t"),
        lambda: store.remove_briefing_items([store.get_briefing(weekly).items[0].id]),
    ]
    for change in changes:
        last = modified(store, weekly)
        time.sleep(0.002)
        change()
        assert modified(store, weekly) > last


def test_items_outlive_their_articles(store: Store) -> None:
    keep_run = add(store, make_article(1, published=dt.date(2019, 1, 21)), source="Wire")
    gone_run = add(store, make_article(2), make_article(3), source="Desk")
    first, second, third = sorted(store.all_article_ids())
    provenance = store.provenance_for([third, 4242, first, second])
    assert [p.article_id for p in provenance] == [third, first, second]
    assert provenance[1] == Provenance(first, "Article number 1", "Wire", dt.date(2019, 1, 21))
    assert provenance[0].source == "Desk" and provenance[0].published is None
    info = store.create_briefing("Weekly")
    store.add_briefing_items(
        info.id,
        [
            ItemDraft(ItemKind.ARTICLE, provenance=provenance[0]),
            note("between"),
            ItemDraft(ItemKind.EXCERPT, provenance=provenance[1], text="quote"),
            ItemDraft(ItemKind.ARTICLE, provenance=provenance[1]),  # repeated: listed once
            ItemDraft(ItemKind.ARTICLE, provenance=provenance[2]),
        ],
    )
    assert store.briefing_article_ids(info.id) == [third, first, second]
    assert store.undo_import(gone_run) == 2
    assert keep_run != gone_run
    assert store.briefing_article_ids(info.id) == [first]
    items = store.get_briefing(info.id).items
    assert len(items) == 5
    assert items[0].provenance == provenance[0]  # still says where it came from


def test_counts_and_sentences_for_assembly(store: Store) -> None:
    add(store, make_article(1), make_article(2))
    first, second = sorted(store.all_article_ids())
    articles = store.get_articles([second, 999, first])
    assert [a.id for a in articles] == [second, first]
    assert articles[1].title == "Article number 1"
    assert store.entity_mention_counts([first, second]) == []  # no extraction ran here
    assert store.article_date_sentences([first]) == []
    assert store.article_entity_names([first]) == {}
