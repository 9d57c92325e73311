"""The charts' numbers (briefing.chart_data): bins, aggregation, caps, labels. No widgets."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from briefing.chart_data import (
    ALL_LANE_NAME,
    BinUnit,
    FigureShape,
    Lane,
    OriginColours,
    SpanGroups,
    TimelineData,
    TimelineLoader,
    bin_end,
    bin_index,
    bin_label,
    bin_start,
    choose_unit,
    day_at_seconds,
    figure_shape,
    figure_text,
    format_date_range,
    format_day,
    format_km,
    group_bands,
    histogram,
    km_ticks,
    lane_marks,
    load_ranges,
    seconds_of_day,
    spans_in,
)
from briefing.domain import ArticleQuery, RangeQualifier, StatedRange, TreatyBand
from tests.ui.conftest import ChartCorpus

D = dt.date


def o(day: dt.date) -> int:
    return day.toordinal()


# -- words ----------------------------------------------------------------------------------


def test_dates_and_ranges_read_as_a_briefer_writes_them() -> None:
    assert format_day(D(2019, 1, 21)) == "21 Jan 2019"
    assert format_date_range(D(2019, 1, 21), D(2019, 2, 2)) == "21 Jan 2019 – 2 Feb 2019"
    assert format_date_range(D(2019, 1, 21), D(2019, 1, 21)) == "21 Jan 2019"
    assert format_date_range(D(2019, 1, 21), None) == "from 21 Jan 2019"
    assert format_date_range(None, D(2019, 2, 2)) == "until 2 Feb 2019"
    assert format_date_range(None, None) == ""
    assert format_km(10000) == "10,000 km"
    assert format_km(5.5) == "5.5 km"


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "text", "shape"),
    [
        (10000, 10000, RangeQualifier.EXACT, "10,000 km", FigureShape.POINT),
        (None, 5500, RangeQualifier.UP_TO, "up to 5,500 km", FigureShape.FROM_ZERO),
        (500, 5500, RangeQualifier.BETWEEN, "500–5,500 km", FigureShape.BAR),
        (2000, None, RangeQualifier.MORE_THAN, "more than 2,000 km", FigureShape.OPEN),
        (300, 300, RangeQualifier.ABOUT, "about 300 km", FigureShape.POINT),
        (None, 400, RangeQualifier.LESS_THAN, "less than 400 km", FigureShape.FROM_ZERO),
    ],
)
def test_each_kind_of_figure_has_its_words_and_its_shape(
    low: float | None, high: float | None, qualifier: RangeQualifier, text: str, shape: FigureShape
) -> None:
    stated = StatedRange(low, high, qualifier, 1, (1,))
    assert figure_text(stated) == text
    assert figure_shape(stated) is shape


# -- bins -------------------------------------------------------------------------------------


def test_bins_follow_the_calendar() -> None:
    days = np.array([o(D(2019, 1, 31)), o(D(2019, 2, 1)), o(D(2019, 3, 31)), o(D(2019, 4, 1))])
    months = bin_index(days, BinUnit.MONTH)
    assert months[0] != months[1] and months[1] + 1 == months[2]
    assert list(bin_start(months, BinUnit.MONTH)) == [
        o(D(2019, 1, 1)),
        o(D(2019, 2, 1)),
        o(D(2019, 3, 1)),
        o(D(2019, 4, 1)),
    ]
    assert list(bin_end(months[:1], BinUnit.MONTH)) == [o(D(2019, 2, 1))]
    quarters = bin_index(days, BinUnit.QUARTER)
    assert quarters[0] == quarters[2] != quarters[3]
    assert bin_label(int(quarters[3]), BinUnit.QUARTER) == "Q2 2019"
    weeks = bin_index(np.array([o(D(2019, 1, 20)), o(D(2019, 1, 21))]), BinUnit.WEEK)
    assert weeks[0] != weeks[1]  # Sunday, then Monday: a new week
    assert bin_label(int(weeks[1]), BinUnit.WEEK) == "week of 21 Jan 2019"
    year = bin_index(np.array([o(D(2006, 12, 12))]), BinUnit.YEAR)
    assert bin_label(int(year[0]), BinUnit.YEAR) == "2006"
    assert list(bin_start(year, BinUnit.YEAR)) == [o(D(2006, 1, 1))]
    assert bin_label(o(D(2006, 12, 12)), BinUnit.DAY) == "12 Dec 2006"


def test_the_unit_keeps_bins_a_few_pixels_wide() -> None:
    assert choose_unit(30, 900) is BinUnit.DAY
    assert choose_unit(365, 900) is BinUnit.WEEK
    assert choose_unit(3 * 365, 900) is BinUnit.MONTH
    assert choose_unit(20 * 365, 900) is BinUnit.QUARTER
    assert choose_unit(200 * 365, 900) is BinUnit.YEAR


def test_seconds_and_days_convert_both_ways() -> None:
    day = D(2019, 1, 21)
    assert day_at_seconds(seconds_of_day(day)) == day
    assert day_at_seconds(seconds_of_day(day) + 86_399) == day
    assert day_at_seconds(seconds_of_day(D(1960, 5, 1))) == D(1960, 5, 1)  # before 1970


# -- aggregation ------------------------------------------------------------------------------


def _data(starts: list[dt.date], ends: list[dt.date], bits: list[int]) -> TimelineData:
    order = np.lexsort(([o(d) for d in ends], [o(d) for d in starts]))
    s = np.array([o(d) for d in starts], dtype=np.int64)[order]
    e = np.array([o(d) for d in ends], dtype=np.int64)[order]
    mention_ids = np.arange(1, len(starts) + 1, dtype=np.int64)[order]
    lane_bits = np.array(bits, dtype=np.int64)[order]
    spans = []
    for lane in range(2):
        mask = e > s if lane == 0 else (e > s) & ((lane_bits & 1) == 1)
        spans.append(
            SpanGroups(s[mask], e[mask], np.ones(int(mask.sum()), np.int64), mention_ids[mask])
        )
    return TimelineData(
        query=ArticleQuery(),
        lanes=(Lane(ALL_LANE_NAME), Lane("Topol-M", 1)),
        starts=s,
        ends=e,
        mention_ids=mention_ids,
        article_ids=mention_ids,
        lane_bits=lane_bits,
        published=np.array([o(D(2019, 1, 22))], dtype=np.int64),
        spans=tuple(spans),
    )


def test_marks_aggregate_a_lanes_days_per_bin_and_spans_stay_apart() -> None:
    data = _data(
        starts=[D(2019, 1, 21), D(2019, 1, 23), D(2019, 2, 1), D(2019, 1, 1)],
        ends=[D(2019, 1, 21), D(2019, 1, 23), D(2019, 2, 1), D(2019, 12, 31)],
        bits=[1, 0, 1, 1],
    )
    low, high = o(D(2019, 1, 1)), o(D(2019, 12, 31))
    everything = lane_marks(data, 0, low, high, BinUnit.MONTH)
    assert list(everything.counts) == [2, 1]  # January (two days), February
    topol = lane_marks(data, 1, low, high, BinUnit.MONTH)
    assert list(topol.counts) == [1, 1]
    assert bin_label(int(topol.bins[0]), BinUnit.MONTH) == "Jan 2019"
    days = lane_marks(data, 0, low, high, BinUnit.DAY)
    assert list(days.bins) == [o(D(2019, 1, 21)), o(D(2019, 1, 23)), o(D(2019, 2, 1))]
    # The year is a span: no mark, one bar.
    spans = spans_in(data, 0, low, high)
    assert list(zip(spans.starts, spans.ends, strict=True)) == [
        (o(D(2019, 1, 1)), o(D(2019, 12, 31)))
    ]
    # The histogram counts a span only where it fits one bin: the year at year bins.
    assert int(histogram(data, low, high, BinUnit.MONTH).events.sum()) == 3
    years = histogram(data, low, high, BinUnit.YEAR)
    assert list(years.events) == [4] and list(years.published) == [1]


def test_only_the_visible_range_is_counted() -> None:
    data = _data(
        starts=[D(2017, 5, 25), D(2019, 1, 21)],
        ends=[D(2017, 5, 25), D(2019, 1, 21)],
        bits=[0, 1],
    )
    counts = histogram(data, o(D(2019, 1, 1)), o(D(2019, 1, 31)), BinUnit.DAY)
    assert list(counts.bins) == [o(D(2019, 1, 21)), o(D(2019, 1, 22))]
    assert list(counts.events) == [1, 0] and list(counts.published) == [0, 1]
    assert counts.at(o(D(2019, 1, 22))) == 1 and counts.at(o(D(2019, 1, 25))) is None


def test_spans_beyond_the_cap_keep_the_most_mentioned() -> None:
    starts = np.arange(10, dtype=np.int64) * 40 + o(D(2000, 1, 1))
    groups = SpanGroups(starts, starts + 30, np.arange(1, 11, dtype=np.int64), starts)
    data = TimelineData(
        query=ArticleQuery(),
        lanes=(Lane(ALL_LANE_NAME),),
        starts=np.zeros(0, np.int64),
        ends=np.zeros(0, np.int64),
        mention_ids=np.zeros(0, np.int64),
        article_ids=np.zeros(0, np.int64),
        lane_bits=np.zeros(0, np.int64),
        published=np.zeros(0, np.int64),
        spans=(groups,),
    )
    visible = spans_in(data, 0, int(starts[0]), int(starts[-1]) + 30, cap=3)
    assert visible.hidden == 7
    assert sorted(visible.counts.tolist()) == [8, 9, 10]
    assert list(visible.starts) == sorted(visible.starts)  # still in date order


def test_the_loader_filters_to_the_view_and_builds_lanes(chart_corpus: ChartCorpus) -> None:
    loader = TimelineLoader()
    everything = loader.load(chart_corpus.store, ArticleQuery())
    assert len(everything.starts) == 7 and list(everything.starts) == sorted(everything.starts)
    assert everything.articles_in_view is None
    topol = chart_corpus.entity_id("Topol-M")
    selected = loader.load(chart_corpus.store, ArticleQuery(entities=(topol,)))
    assert [lane.name for lane in selected.lanes] == [ALL_LANE_NAME, "Topol-M"]
    assert len(selected.starts) == 2 and selected.articles_in_view == 2
    assert int(selected.lane_mask(1).sum()) == 2
    assert len(selected.published) == 2
    nothing = loader.load(chart_corpus.store, ArticleQuery(search="zeppelin"))
    assert nothing.empty and nothing.extent() is None


def test_the_range_data_follows_the_view(chart_corpus: ChartCorpus) -> None:
    everything = load_ranges(chart_corpus.store, ArticleQuery())
    assert {row.name for row in everything.rows} == {
        "Topol-M",
        "Iskander-M",
        "Tomahawk",
        "INF Treaty",
    }
    assert [band.name for band in everything.bands] == ["INF Treaty"]
    tomahawk = chart_corpus.entity_id("Tomahawk")
    only = load_ranges(chart_corpus.store, ArticleQuery(entities=(tomahawk,)))
    assert [row.name for row in only.rows] == ["Tomahawk"]
    none = load_ranges(chart_corpus.store, ArticleQuery(search="zeppelin"))
    assert none.rows == ()


# -- the range chart's scales, bands and colours ----------------------------------------------


def test_km_ticks_are_round_figures() -> None:
    major, _minor = km_ticks(0, 14_800, log=False)
    assert [label for _, label in major] == ["0", "2,500", "5,000", "7,500", "10,000", "12,500"]
    major, minor = km_ticks(1, 4.4, log=True)
    assert major == [(1.0, "10"), (2.0, "100"), (3.0, "1,000"), (4.0, "10,000")]
    assert all(label == "" for _, label in minor)  # four decades: only decades are named
    _major, minor = km_ticks(2, 4.4, log=True)
    assert (math.log10(500), "500") in minor


def test_identical_treaty_bands_are_drawn_once() -> None:
    bands = [
        TreatyBand("INF Treaty", 500, 5500, "INF: 500–5,500 km"),
        TreatyBand("New START", 5500, None, "New START: over 5,500 km"),
        TreatyBand("START I", 5500, None, "START I: over 5,500 km"),
        TreatyBand("SALT II", 5500, None, "SALT II: over 5,500 km"),
    ]
    groups = group_bands(bands)
    assert [g.title for g in groups] == [
        "INF Treaty 500–5,500 km",
        "New START, START I … > 5,500 km",
    ]
    assert groups[1].labels == (
        "New START: over 5,500 km",
        "START I: over 5,500 km",
        "SALT II: over 5,500 km",
    )


def test_origins_keep_their_colour() -> None:
    colours = OriginColours()
    assert colours.colour("Russia") == OriginColours().colour("Russia")
    first, second = colours.colour("Pakistan"), colours.colour("Israel")
    assert first != second and colours.colour("Pakistan") == first
    assert colours.colour("") == colours.other
    assert colours.colour("Russia") not in (first, second)
