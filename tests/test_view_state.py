"""The view state is plain Python: these tests run without Qt."""

from __future__ import annotations

import datetime as dt

from briefing.domain import ArticleQuery, EntityMode, SortKey
from briefing.view_state import (
    FILTER_CHANGES,
    QUERY_CHANGES,
    RangeSelection,
    ViewChange,
    ViewState,
)


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
        entities=(4, 5),
        entity_mode=EntityMode.ANY,
        excluded_entities=(6,),
        date_from=dt.date(2019, 1, 21),
        range_selection=RangeSelection((3,), "Topol-M 10,000 km"),
    )
    recorder = Recorder()
    state.subscribe(recorder, list(ViewChange))
    state.reset()
    assert state.query() == ArticleQuery()
    assert state.selected_article_id is None
    assert state.entity_mode is EntityMode.ALL
    assert set(recorder.changes) == set(ViewChange)


# -- entity filters ---------------------------------------------------------------------------


def test_selecting_entities_filters_the_query_in_order() -> None:
    state = ViewState()
    recorder = Recorder()
    state.subscribe(recorder, QUERY_CHANGES)
    state.select_entity(7)
    state.select_entity(3)
    state.select_entity(7)  # already selected: nothing to announce
    assert state.entities == (7, 3)
    assert state.query().entities == (7, 3)
    assert state.query().entity_mode is EntityMode.ALL
    assert recorder.changes == [ViewChange.ENTITIES, ViewChange.ENTITIES]
    assert state.entity_filter(7) == "selected"
    assert state.entity_filter(8) is None


def test_excluding_and_selecting_move_an_entity_between_the_lists() -> None:
    state = ViewState(entities=(1, 2))
    state.exclude_entity(2)
    assert (state.entities, state.excluded_entities) == ((1,), (2,))
    assert state.entity_filter(2) == "excluded"
    assert state.query().excluded_entities == (2,)
    state.select_entity(2)
    assert (state.entities, state.excluded_entities) == ((1, 2), ())


def test_toggle_adds_then_removes_whatever_the_entity_was() -> None:
    state = ViewState(excluded_entities=(9,))
    state.toggle_entity(4)
    assert state.entities == (4,)
    state.toggle_entity(4)
    assert state.entities == ()
    state.toggle_entity(9)  # an excluded entity is dropped, not selected
    assert (state.entities, state.excluded_entities) == ((), ())


def test_show_only_replaces_every_entity_filter_in_one_change() -> None:
    state = ViewState(entities=(1, 2), excluded_entities=(3,))
    recorder = Recorder()
    state.subscribe(recorder, list(ViewChange))
    state.show_only_entity(5)
    assert (state.entities, state.excluded_entities) == ((5,), ())
    assert recorder.changes == [ViewChange.ENTITIES]


def test_a_merged_entity_is_replaced_by_its_target_in_the_filter() -> None:
    state = ViewState(entities=(1, 2), excluded_entities=(3,))
    state.replace_entity(1, 2)
    assert state.entities == (2,)  # no repeats
    state.replace_entity(3, 8)
    assert state.excluded_entities == (8,)


def test_an_id_in_both_lists_counts_as_selected() -> None:
    state = ViewState()
    state.set_entity_filter([1, 2, 1], [2, 3, 3])
    assert (state.entities, state.excluded_entities) == ((1, 2), (3,))


def test_the_mode_matters_to_the_query_only_with_two_or_more_entities() -> None:
    state = ViewState(entities=(1,))
    recorder = Recorder()
    state.subscribe(recorder, [ViewChange.ENTITY_MODE])
    state.entity_mode = EntityMode.ANY
    state.entity_mode = EntityMode.ANY
    assert recorder.changes == [ViewChange.ENTITY_MODE]
    assert state.entity_mode is EntityMode.ANY
    # One entity: AND and OR list the same articles, so the query (and any cache) is the same.
    assert state.query() == ViewState(entities=(1,)).query()
    state.select_entity(2)
    assert state.query().entity_mode is EntityMode.ANY


def test_clear_filters_announces_each_kind_once_with_the_final_values_set() -> None:
    state = ViewState(search="nato", entities=(1,), excluded_entities=(2,), import_run_id=4)
    seen: list[tuple[ViewChange, ArticleQuery]] = []
    state.subscribe(lambda change: seen.append((change, state.query())), list(ViewChange))
    state.clear_filters()
    assert [change for change, _ in seen] == [
        ViewChange.SEARCH,
        ViewChange.IMPORT_RUN,
        ViewChange.ENTITIES,
    ]
    # Every listener already sees the final query: one that compares can skip the repeats.
    assert {query for _, query in seen} == {ArticleQuery()}
    assert not state.has_filters
    seen.clear()
    state.clear_filters()
    assert seen == []


def test_filter_changes_leave_out_the_sort_and_the_selection() -> None:
    assert ViewChange.SORT not in FILTER_CHANGES
    assert ViewChange.SELECTION not in QUERY_CHANGES
    assert FILTER_CHANGES | {ViewChange.SORT} == QUERY_CHANGES
    state = ViewState(search="x", entities=(3,))
    state.set_sort(SortKey.TITLE, False)
    assert state.filter_query() == ArticleQuery(search="x", entities=(3,))


def test_has_filters_counts_every_kind_of_filter() -> None:
    assert not ViewState().has_filters
    assert ViewState(search="a").has_filters
    assert ViewState(entities=(1,)).has_filters
    assert ViewState(excluded_entities=(1,)).has_filters
    assert ViewState(import_run_id=1).has_filters


# -- the charts' filters: the timeline's date range and the range chart's selection ------------

JAN_21, FEB_2 = dt.date(2019, 1, 21), dt.date(2019, 2, 2)


def test_a_date_range_filters_the_query_and_is_announced_once() -> None:
    state = ViewState()
    recorder = Recorder()
    state.subscribe(recorder, QUERY_CHANGES)
    state.set_date_range(JAN_21, FEB_2)
    state.set_date_range(JAN_21, FEB_2)  # the same range again: nothing to announce
    assert recorder.changes == [ViewChange.DATES]
    assert state.date_range == (JAN_21, FEB_2)
    assert (state.query().date_from, state.query().date_to) == (JAN_21, FEB_2)
    assert state.filter_query() == ArticleQuery(date_from=JAN_21, date_to=FEB_2)
    assert state.has_filters


def test_a_date_range_given_backwards_is_put_in_order_and_may_be_open() -> None:
    state = ViewState()
    state.set_date_range(FEB_2, JAN_21)  # a drag from right to left
    assert state.date_range == (JAN_21, FEB_2)
    state.set_date_range(None, FEB_2)
    assert state.query().date_from is None and state.query().date_to == FEB_2
    state.clear_date_range()
    assert state.date_range == (None, None)
    assert not state.has_filters


def test_a_range_selection_filters_by_its_facts_and_keeps_its_label() -> None:
    state = ViewState()
    recorder = Recorder()
    state.subscribe(recorder, list(ViewChange))
    state.set_range_selection(RangeSelection((9, 4, 9), "Topol-M 10,000 km"))
    assert state.query().range_facts == (4, 9)  # sorted, no repeats: equal queries compare equal
    assert state.range_selection == RangeSelection((4, 9), "Topol-M 10,000 km")
    state.set_range_selection(RangeSelection((4, 9), "Topol-M 10,000 km"))
    assert recorder.changes == [ViewChange.RANGES]
    # Selecting no facts would list nothing: it means no range filter at all.
    state.set_range_selection(RangeSelection((), "nothing"))
    assert state.range_selection is None
    assert state.query().range_facts == ()
    assert recorder.changes == [ViewChange.RANGES, ViewChange.RANGES]


def test_date_and_range_filters_are_filter_changes() -> None:
    assert {ViewChange.DATES, ViewChange.RANGES} <= FILTER_CHANGES
    assert ViewChange.DATES in QUERY_CHANGES


def test_a_chart_sees_the_view_without_its_own_selection() -> None:
    # The timeline's region would otherwise hide every date outside it, and the range chart
    # would lose every other system as soon as one figure is selected.
    state = ViewState(
        search="missile",
        entities=(1, 2),
        entity_mode=EntityMode.ANY,
        date_from=JAN_21,
        date_to=FEB_2,
        range_selection=RangeSelection((5,), "Iskander 500 km"),
    )
    timeline = state.filter_query(ignore=[ViewChange.DATES])
    assert (timeline.date_from, timeline.date_to) == (None, None)
    assert timeline.range_facts == (5,)
    assert (timeline.search, timeline.entities) == ("missile", (1, 2))
    assert timeline.entity_mode is EntityMode.ANY
    ranges = state.filter_query(ignore=[ViewChange.RANGES])
    assert ranges.range_facts == ()
    assert (ranges.date_from, ranges.date_to) == (JAN_21, FEB_2)
    assert state.filter_query(ignore=[ViewChange.DATES, ViewChange.RANGES]) == ArticleQuery(
        search="missile", entities=(1, 2), entity_mode=EntityMode.ANY
    )


def test_clear_filters_also_clears_the_charts_selections() -> None:
    state = ViewState(
        search="nato",
        date_from=JAN_21,
        date_to=FEB_2,
        range_selection=RangeSelection((5,), "Iskander 500 km"),
    )
    seen: list[tuple[ViewChange, ArticleQuery]] = []
    state.subscribe(lambda change: seen.append((change, state.query())), list(ViewChange))
    state.clear_filters()
    assert [change for change, _ in seen] == [
        ViewChange.SEARCH,
        ViewChange.DATES,
        ViewChange.RANGES,
    ]
    assert {query for _, query in seen} == {ArticleQuery()}
    assert state.range_selection is None and state.date_range == (None, None)


def test_has_filters_counts_the_charts_selections() -> None:
    assert ViewState(date_from=JAN_21).has_filters
    assert ViewState(date_to=FEB_2).has_filters
    assert ViewState(range_selection=RangeSelection((1,), "x")).has_filters
    assert not ViewState(range_selection=RangeSelection((), "x")).has_filters
