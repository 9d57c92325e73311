"""The view state is plain Python: these tests run without Qt."""

from __future__ import annotations

from briefing.domain import ArticleQuery, SortKey
from briefing.view_state import QUERY_CHANGES, ViewChange, ViewState


class Recorder:
    def __init__(self) -> None:
        self.changes: list[ViewChange] = []

    def __call__(self, change: ViewChange) -> None:
        self.changes.append(change)


def test_defaults_list_everything_newest_first() -> None:
    state = ViewState()
    assert state.query() == ArticleQuery(search="", sort=SortKey.DATE, descending=True)
    assert state.selected_article_id is None


def test_listeners_hear_only_the_changes_they_asked_for() -> None:
    state = ViewState()
    list_listener, reader_listener = Recorder(), Recorder()
    state.subscribe(list_listener, QUERY_CHANGES)
    state.subscribe(reader_listener, [ViewChange.SELECTION])

    state.search = "missile"
    state.set_sort(SortKey.TITLE, False)
    state.import_run_id = 3
    state.selected_article_id = 7

    assert list_listener.changes == [ViewChange.SEARCH, ViewChange.SORT, ViewChange.IMPORT_RUN]
    assert reader_listener.changes == [ViewChange.SELECTION]
    assert state.query() == ArticleQuery("missile", SortKey.TITLE, False, 3)


def test_setting_the_same_value_announces_nothing() -> None:
    # A view writing back what it was just told must not start a notification loop.
    state = ViewState(search="nato")
    recorder = Recorder()
    state.subscribe(recorder, list(ViewChange))

    state.search = "nato"
    state.search = "  nato "  # blanks around a search do not change what it finds
    state.set_sort(SortKey.DATE, True)
    state.import_run_id = None
    state.selected_article_id = None

    assert recorder.changes == []


def test_sort_key_and_direction_change_as_one_notification() -> None:
    state = ViewState()
    recorder = Recorder()
    state.subscribe(recorder, [ViewChange.SORT])
    state.set_sort(SortKey.SOURCE, False)
    state.descending = True
    state.sort = SortKey.TITLE
    assert recorder.changes == [ViewChange.SORT] * 3
    assert (state.sort, state.descending) == (SortKey.TITLE, True)


def test_one_listener_for_several_kinds_is_told_which() -> None:
    state = ViewState()
    seen: list[tuple[ViewChange, str]] = []
    state.subscribe(lambda change: seen.append((change, state.search)), QUERY_CHANGES)
    state.search = "topol*"
    assert seen == [(ViewChange.SEARCH, "topol*")]


def test_unsubscribe_stops_notifications() -> None:
    state = ViewState()
    recorder = Recorder()
    unsubscribe = state.subscribe(recorder, [ViewChange.SEARCH, ViewChange.SORT])
    state.search = "a"
    unsubscribe()
    state.search = "b"
    state.descending = False
    assert recorder.changes == [ViewChange.SEARCH]


def test_a_listener_may_unsubscribe_another_while_being_notified() -> None:
    state = ViewState()
    later = Recorder()
    handles: list = []
    state.subscribe(lambda _change: handles[0](), [ViewChange.SEARCH])
    handles.append(state.subscribe(later, [ViewChange.SEARCH]))
    state.search = "a"  # delivered: listeners are copied before notifying
    state.search = "b"  # not delivered: `later` was removed during the first
    assert later.changes == [ViewChange.SEARCH]


def test_subscribing_twice_to_a_kind_counts_once() -> None:
    state = ViewState()
    recorder = Recorder()
    state.subscribe(recorder, [ViewChange.SEARCH, ViewChange.SEARCH])
    state.search = "x"
    assert recorder.changes == [ViewChange.SEARCH]


def test_reset_returns_to_defaults_and_announces_each_change() -> None:
    state = ViewState(
        search="kosovo",
        sort=SortKey.TITLE,
        descending=False,
        import_run_id=2,
        selected_article_id=9,
    )
    recorder = Recorder()
    state.subscribe(recorder, list(ViewChange))
    state.reset()
    assert state.query() == ArticleQuery()
    assert state.selected_article_id is None
    assert set(recorder.changes) == set(ViewChange)
