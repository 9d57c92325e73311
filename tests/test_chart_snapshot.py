"""Snapshots of the timeline and the range chart, and the captions that say what they cover."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pytest

from briefing.briefings.caption import describe_filters, describe_query
from briefing.briefings.chart_snapshot import (
    MAX_SNAPSHOT_BINS,
    range_snapshot,
    range_snapshot_from_data,
    timeline_snapshot,
    timeline_snapshot_from_data,
    unit_for_span,
)
from briefing.briefings.model import ChartKind, TimelineBin
from briefing.chart_data import (
    ALL_LANE_NAME,
    BinUnit,
    Lane,
    SpanGroups,
    TimelineData,
    TimelineLoader,
    load_ranges,
)
from briefing.domain import ArticleQuery, EntityMode, EntityType
from briefing.store import Store
from tests.test_briefing_assemble import PENTAGON, TALKS, TOPOL, import_corpus


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def timeline_data(mentions: list[tuple[str, str, int, bool]]) -> TimelineData:
    """(first day, last day, article id, in lane 1) per mention, sorted as the loader does."""
    mentions = sorted(mentions)
    empty = np.zeros(0, dtype=np.int64)
    return TimelineData(
        query=ArticleQuery(),
        lanes=(Lane(ALL_LANE_NAME), Lane("Russia", 7, EntityType.PLACE)),
        starts=np.array([day(m[0]) for m in mentions], dtype=np.int64),
        ends=np.array([day(m[1]) for m in mentions], dtype=np.int64),
        mention_ids=np.arange(len(mentions), dtype=np.int64),
        article_ids=np.array([m[2] for m in mentions], dtype=np.int64),
        lane_bits=np.array([1 if m[3] else 0 for m in mentions], dtype=np.int64),
        published=np.array([day("2019-01-22")], dtype=np.int64),
        spans=(SpanGroups(empty, empty, empty, empty),) * 2,
    )


DATA = timeline_data(
    [
        ("2019-01-05", "2019-01-05", 1, False),
        ("2019-01-20", "2019-01-20", 1, False),  # the same article again: counted once
        ("2019-01-31", "2019-01-31", 2, True),
        ("2019-03-01", "2019-03-01", 2, True),
        ("2019-02-01", "2019-02-28", 3, False),  # "February 2019": a month
        ("2019-01-01", "2019-12-31", 4, True),  # "2019": a year, in no single month
    ]
)


def test_bins_count_articles_once_and_keep_empty_bins() -> None:
    chart = timeline_snapshot_from_data(
        DATA, day("2019-01-01"), day("2019-04-30"), BinUnit.MONTH, caption="All 4 articles"
    )
    assert chart.kind is ChartKind.TIMELINE and chart.caption == "All 4 articles"
    timeline = chart.timeline
    assert timeline is not None and timeline.unit == "month"
    assert timeline.bins == (
        TimelineBin(dt.date(2019, 1, 1), dt.date(2019, 1, 31), "Jan 2019", 2),
        TimelineBin(dt.date(2019, 2, 1), dt.date(2019, 2, 28), "Feb 2019", 1),
        TimelineBin(dt.date(2019, 3, 1), dt.date(2019, 3, 31), "Mar 2019", 1),
        TimelineBin(dt.date(2019, 4, 1), dt.date(2019, 4, 30), "Apr 2019", 0),
    )
    assert [(lane.name, lane.counts) for lane in timeline.lanes] == [
        (ALL_LANE_NAME, (2, 1, 1, 0)),
        ("Russia", (1, 0, 1, 0)),
    ]


def test_coarser_bins_take_in_spans_and_finer_ones_leave_them_out() -> None:
    year = timeline_snapshot_from_data(
        DATA, day("2019-01-01"), day("2019-12-31"), BinUnit.YEAR, caption=""
    )
    assert year.timeline is not None
    assert [(b.label, b.count) for b in year.timeline.bins] == [("2019", 4)]
    assert year.timeline.lanes[1].counts == (2,)
    week = timeline_snapshot_from_data(
        DATA, day("2019-01-28"), day("2019-02-10"), BinUnit.WEEK, caption=""
    )
    assert week.timeline is not None
    assert [(b.label, b.count) for b in week.timeline.bins] == [
        ("w/c 28 Jan 2019", 1),
        ("w/c 4 Feb 2019", 0),
    ]
    assert week.timeline.bins[0].end == dt.date(2019, 2, 3)


def test_a_too_fine_unit_is_coarsened_to_fit_a_page() -> None:
    chart = timeline_snapshot_from_data(
        DATA, day("2017-01-01"), day("2019-12-31"), BinUnit.DAY, caption=""
    )
    assert chart.timeline is not None
    assert chart.timeline.unit == "week"
    assert len(chart.timeline.bins) <= MAX_SNAPSHOT_BINS
    assert sum(b.count for b in chart.timeline.bins) == 4  # articles 1 (twice) and 2 (twice)


@pytest.mark.parametrize(
    ("first", "last", "max_bins", "unit"),
    [
        ("2019-01-01", "2019-01-10", 60, BinUnit.DAY),
        ("2019-01-01", "2019-04-10", 60, BinUnit.WEEK),
        ("2019-01-01", "2020-12-31", 60, BinUnit.MONTH),
        ("2010-01-01", "2019-12-31", 60, BinUnit.QUARTER),
        ("1990-01-01", "2019-12-31", 60, BinUnit.YEAR),
        ("2019-01-01", "2019-01-10", 5, BinUnit.WEEK),
    ],
)
def test_unit_for_span(first: str, last: str, max_bins: int, unit: BinUnit) -> None:
    assert unit_for_span(day(first), day(last), max_bins) is unit


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("snapshot")
    store = Store.open(folder / "store.sqlite")
    import_corpus(store, folder / "in")
    yield store
    store.close()


def test_timeline_snapshot_of_the_whole_store(corpus: Store) -> None:
    chart = timeline_snapshot(corpus, ArticleQuery())
    assert chart.caption == "All 4 articles"
    timeline = chart.timeline
    assert timeline is not None
    # 11 Dec 2007 ("on Tuesday") to 19 Aug 2019 does not fit 60 months; it fits in quarters.
    assert timeline.unit == "quarter" and len(timeline.bins) <= 60
    assert timeline.bins[0].label == "Q4 2007" and timeline.bins[-1].label == "Q3 2019"
    counted = {b.label: b.count for b in timeline.bins if b.count}
    assert counted == {"Q4 2007": 1, "Q4 2018": 1, "Q1 2019": 1, "Q3 2019": 1}
    names = [lane.name for lane in timeline.lanes]
    assert names[0] == ALL_LANE_NAME and len(names) == 6
    assert names[1:3] == ["NATO", "Russia"]  # the top entities (3 articles each), by name
    gui = TimelineLoader().load(corpus, ArticleQuery()).lanes
    assert names == [lane.name for lane in gui[:6]]  # as the GUI picks them
    nato = dict(
        zip(
            [b.label for b in timeline.bins],
            timeline.lanes[names.index("NATO")].counts,
            strict=True,
        )
    )
    assert nato["Q1 2019"] == 1 and nato["Q3 2019"] == 0


def test_timeline_snapshot_spans_the_query_dates(corpus: Store) -> None:
    query = ArticleQuery(date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 1, 31))
    chart = timeline_snapshot(corpus, query)
    assert chart.caption == "Articles with dates 1 Jan 2019 – 31 Jan 2019 · 1 article"
    assert chart.timeline is not None and chart.timeline.unit == "day"
    assert len(chart.timeline.bins) == 31
    counted = {b.label: b.count for b in chart.timeline.bins if b.count}
    assert counted == {"21 Jan 2019": 1, "25 Jan 2019": 1}
    narrower = timeline_snapshot(
        corpus, query, date_from=dt.date(2019, 1, 20), date_to=dt.date(2019, 1, 22), caption="x"
    )
    assert narrower.caption == "x"
    assert narrower.timeline is not None
    assert [b.count for b in narrower.timeline.bins] == [0, 1, 0]


def test_timeline_snapshot_from_loaded_data_matches(corpus: Store) -> None:
    query = ArticleQuery(search="missile")
    data = TimelineLoader().load(corpus, query)
    extent = data.extent()
    assert extent is not None
    from_data = timeline_snapshot_from_data(
        data, extent[0], extent[1], BinUnit.QUARTER, caption=describe_query(corpus, query)
    )
    assert from_data == timeline_snapshot(corpus, query)


def test_timeline_snapshot_without_dates(corpus: Store) -> None:
    chart = timeline_snapshot(corpus, ArticleQuery(search="Kuleba"))
    assert chart.timeline is not None
    assert chart.timeline.bins == ()
    assert chart.caption == 'Articles matching "Kuleba" · 1 article'


def test_range_snapshot(corpus: Store) -> None:
    chart = range_snapshot(corpus, ArticleQuery())
    assert chart.kind is ChartKind.RANGES and chart.title == "Stated ranges"
    assert chart.ranges is not None
    systems = {s.name: s for s in chart.ranges.systems}
    assert set(systems) == {"Topol-M", "INF Treaty", "9M729"}
    (topol,) = systems["Topol-M"].figures
    assert (topol.min_km, topol.max_km, topol.qualifier, topol.articles) == (
        10000,
        10000,
        "exactly",
        1,
    )
    assert systems["Topol-M"].reference_km and systems["Topol-M"].origin == "Russia"
    assert systems["9M729"].figures[0].via == "INF Treaty"
    assert [(b.name, b.min_km, b.max_km) for b in chart.ranges.bands] == [("INF Treaty", 500, 5500)]
    one = range_snapshot(corpus, ArticleQuery(search="Topol"), max_systems=None)
    assert one.ranges is not None and [s.name for s in one.ranges.systems] == ["Topol-M"]
    assert one.caption == 'Articles matching "Topol" · 1 article'
    capped = range_snapshot(corpus, ArticleQuery(), caption="c", max_systems=1)
    assert capped.ranges is not None and len(capped.ranges.systems) == 1
    assert capped.title == "Stated ranges (1 of 3 systems, most stated first)"
    data = load_ranges(corpus, ArticleQuery())
    assert capped.ranges.systems[0].name == data.rows[0].name


def test_captions_say_every_filter(corpus: Store) -> None:
    russia = corpus.find_entities("Russia")[0].id
    nato = corpus.find_entities("NATO")[0].id
    ukraine = corpus.find_entities("Ukraine")[0].id
    assert describe_filters(corpus, ArticleQuery()) == "All articles"
    assert describe_query(corpus, ArticleQuery(search="topol")) == (
        'Articles matching "topol" · 1 article'
    )
    query = ArticleQuery(
        search="missile",
        entities=(russia, nato),
        excluded_entities=(ukraine,),
        date_from=dt.date(2019, 1, 1),
        date_to=dt.date(2019, 2, 2),
        range_facts=(1, 2, 3),
    )
    assert describe_filters(corpus, query) == (
        'Articles matching "missile" · mentioning Russia and NATO · not Ukraine · '
        "dates 1 Jan 2019 – 2 Feb 2019 · 3 range figures selected"
    )
    assert describe_query(corpus, query, count=412) == describe_filters(corpus, query) + (
        " · 412 articles"
    )
    assert describe_filters(
        corpus, ArticleQuery(entities=(russia, nato), entity_mode=EntityMode.ANY)
    ) == ("Articles mentioning Russia or NATO")
    assert describe_filters(corpus, ArticleQuery(excluded_entities=(ukraine, 999))) == (
        "Articles not mentioning Ukraine or entity #999"
    )
    assert describe_filters(corpus, ArticleQuery(date_from=dt.date(2019, 1, 1))) == (
        "Articles with dates from 1 Jan 2019"
    )
    assert describe_filters(corpus, ArticleQuery(range_facts=(5,), import_run_id=1)) == (
        "Articles stating 1 range figure selected · from import run 1"
    )
    assert describe_filters(corpus, ArticleQuery(search='"INF treaty"')) == (
        'Articles matching "INF treaty"'
    )
    assert describe_query(corpus, ArticleQuery()) == "All 4 articles"
    assert {TALKS, TOPOL, PENTAGON} <= set(corpus.query_article_ids(ArticleQuery()))


def test_caption_of_a_store_with_one_article(store: Store) -> None:
    assert describe_query(store, ArticleQuery()) == "All articles · 0 articles"
    assert describe_query(store, ArticleQuery(), count=1) == "All articles · 1 article"


def test_range_snapshot_keeps_the_most_stated_figures_in_value_order() -> None:
    from briefing.chart_data import RangeData
    from briefing.domain import RangeQualifier, RangeRow, StatedRange, TreatyBand

    def figure(km: float, articles: int) -> StatedRange:
        return StatedRange(km, km, RangeQualifier.EXACT, articles, (int(km),))

    stated = tuple(
        figure(km, articles) for km, articles in [(100, 1), (200, 5), (300, 2), (400, 5)]
    )
    row = RangeRow(7, "Iskander", EntityType.WEAPON, "Russia", "SRBM", 500.0, None, "ref", stated)
    small = RangeRow(8, "Tochka", EntityType.WEAPON, "", "", None, None, "", stated[:1])
    data = RangeData(ArticleQuery(), (row, small), (TreatyBand("INF Treaty", 500, 5500, "INF"),))
    chart = range_snapshot_from_data(data, caption="c", max_figures=3)
    assert chart.ranges is not None
    iskander, tochka = chart.ranges.systems
    assert [(f.max_km, f.articles) for f in iskander.figures] == [(200, 5), (300, 2), (400, 5)]
    assert len(tochka.figures) == 1
    assert chart.title == "Stated ranges (at most 3 figures each, the most stated)"
    whole = range_snapshot_from_data(data, caption="c", max_figures=None, max_systems=1)
    assert whole.ranges is not None and len(whole.ranges.systems[0].figures) == 4
    assert whole.title == "Stated ranges (1 of 2 systems, most stated first)"
    assert whole.ranges.bands[0].label == "INF"
