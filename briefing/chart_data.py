"""The numbers behind the timeline and the range chart (Qt-free: the chart widgets, the
briefing snapshots and the CLI use them).

The charts' widgets (:mod:`briefing.ui.timeline_chart`, :mod:`briefing.ui.range_chart`) only
draw; what to draw is worked out here with numpy, so it is tested without a GUI and the loaders
can run it in a worker thread.

The timeline at 100k articles holds about half a million date mentions. Drawing each as a point
costs ~235 ms per update in pyqtgraph, so nothing here returns one mark per mention: marks are
aggregated per lane and per calendar bin (a day, week, month, quarter or year, whichever keeps
about one bin per few pixels of the visible range), spans (a month or a year mentioned without a
day) are grouped when identical and capped, and only what is visible is computed.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

import numpy as np

from briefing.domain import (
    ArticleQuery,
    DatePoints,
    EntityCount,
    EntityType,
    RangeQualifier,
    RangeRow,
    StatedRange,
    TreatyBand,
)

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
SECONDS_PER_DAY = 86_400
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Lanes: the entities selected in the sidebar (at most MAX_LANES), else the TOP_LANES entities
# mentioned by the most articles in view; lane 0 is always every article in view.
MAX_LANES = 8
TOP_LANES = 5
ALL_LANE_NAME = "All articles"
# Spans drawn at most; beyond that the most-mentioned are drawn and the rest only counted.
MAX_SPANS = 2_000


# -- dates and their words -------------------------------------------------------------------


def format_day(day: dt.date) -> str:
    """'21 Jan 2019' (English month names whatever the locale: analysts' briefings are)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_date_range(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """'21 Jan 2019 – 2 Feb 2019', 'from 21 Jan 2019', 'until 2 Feb 2019', or '' for none."""
    if date_from is not None and date_to is not None:
        if date_from == date_to:
            return format_day(date_from)
        return f"{format_day(date_from)} – {format_day(date_to)}"
    if date_from is not None:
        return f"from {format_day(date_from)}"
    if date_to is not None:
        return f"until {format_day(date_to)}"
    return ""


def seconds_of_ordinals(ordinals: Any) -> np.ndarray:
    """Day ordinals → Unix seconds at midnight UTC (what pyqtgraph's DateAxisItem shows)."""
    return (np.asarray(ordinals, dtype=np.float64) - EPOCH_ORDINAL) * SECONDS_PER_DAY


def seconds_of_day(day: dt.date) -> float:
    return float((day.toordinal() - EPOCH_ORDINAL) * SECONDS_PER_DAY)


def day_at_seconds(seconds: float) -> dt.date:
    """The day a point on the time axis falls in."""
    ordinal = math.floor(seconds / SECONDS_PER_DAY) + EPOCH_ORDINAL
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))


def ordinal_at_seconds(seconds: float) -> int:
    return math.floor(seconds / SECONDS_PER_DAY) + EPOCH_ORDINAL


# -- calendar bins ----------------------------------------------------------------------------


class BinUnit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


UNIT_DAYS: dict[BinUnit, float] = {
    BinUnit.DAY: 1.0,
    BinUnit.WEEK: 7.0,
    BinUnit.MONTH: 30.44,
    BinUnit.QUARTER: 91.31,
    BinUnit.YEAR: 365.25,
}


def choose_unit(span_days: float, width_px: float, min_px_per_bin: float = 6.0) -> BinUnit:
    """The finest calendar unit that leaves each bin at least ``min_px_per_bin`` wide."""
    most_bins = max(width_px, 1.0) / min_px_per_bin
    for unit in BinUnit:
        if span_days / UNIT_DAYS[unit] <= most_bins:
            return unit
    return BinUnit.YEAR


def _months_since_epoch(ordinals: np.ndarray) -> np.ndarray:
    days = (ordinals - EPOCH_ORDINAL).astype("datetime64[D]")
    return days.astype("datetime64[M]").astype(np.int64)


def bin_index(ordinals: Any, unit: BinUnit) -> np.ndarray:
    """The bin of each day ordinal: increasing with the date, equal within a bin."""
    days = np.asarray(ordinals, dtype=np.int64)
    if unit is BinUnit.DAY:
        return days
    if unit is BinUnit.WEEK:
        return (days - 1) // 7  # ordinal 1 (1 Jan 0001) is a Monday: weeks start on Monday
    months = _months_since_epoch(days)
    if unit is BinUnit.MONTH:
        return months
    if unit is BinUnit.QUARTER:
        return months // 3
    return months // 12


def bin_start(bins: Any, unit: BinUnit) -> np.ndarray:
    """The first day (ordinal) of each bin."""
    index = np.asarray(bins, dtype=np.int64)
    if unit is BinUnit.DAY:
        return index
    if unit is BinUnit.WEEK:
        return index * 7 + 1
    months = {BinUnit.MONTH: index, BinUnit.QUARTER: index * 3, BinUnit.YEAR: index * 12}[unit]
    days = months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    return days + EPOCH_ORDINAL


def bin_end(bins: Any, unit: BinUnit) -> np.ndarray:
    """The day (ordinal) after each bin's last day."""
    return bin_start(np.asarray(bins, dtype=np.int64) + 1, unit)


def bin_label(bin_value: int, unit: BinUnit) -> str:
    """'12 Dec 2006', 'week of 11 Dec 2006', 'Dec 2006', 'Q4 2006' or '2006'."""
    first = dt.date.fromordinal(int(bin_start([bin_value], unit)[0]))
    if unit is BinUnit.DAY:
        return format_day(first)
    if unit is BinUnit.WEEK:
        return f"week of {format_day(first)}"
    if unit is BinUnit.MONTH:
        return f"{_MONTHS[first.month - 1]} {first.year}"
    if unit is BinUnit.QUARTER:
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    return str(first.year)


# -- the timeline's data ----------------------------------------------------------------------


class TimelineStore(Protocol):
    """What the timeline asks of the store (:class:`briefing.store.Store` provides it)."""

    def count_articles(self) -> int: ...
    def query_article_ids(self, query: ArticleQuery) -> list[int]: ...
    def date_points(self, article_ids: Any) -> DatePoints: ...
    def published_points(self, article_ids: Any) -> tuple[np.ndarray, np.ndarray]: ...
    def entity_article_ids(self, entity_id: int) -> np.ndarray: ...
    def entity_counts_all(self, limit: int | None = None) -> list[EntityCount]: ...
    def entity_counts_for_ids(
        self, article_ids: Any, limit: int | None = None
    ) -> list[EntityCount]: ...
    def get_entity(self, entity_id: int) -> Any: ...


@dataclass(frozen=True, slots=True)
class Lane:
    """A row of marks: the dated events of the articles mentioning an entity (or of all)."""

    name: str
    entity_id: int | None = None  # None: every article in view
    type: EntityType | None = None


@dataclass(frozen=True, slots=True, eq=False)
class SpanGroups:
    """Identical spans of one lane, grouped: one bar each, with how many mentions it stands
    for and one of them (shown on hover). Sorted by start."""

    starts: np.ndarray  # ordinals, first day
    ends: np.ndarray  # ordinals, last day (inclusive)
    counts: np.ndarray
    mention_ids: np.ndarray


@dataclass(frozen=True, slots=True, eq=False)
class TimelineData:
    """The view's dated events, sorted by date, with the lanes each one belongs to."""

    query: ArticleQuery
    lanes: tuple[Lane, ...]
    starts: np.ndarray  # ordinals, sorted (then by end)
    ends: np.ndarray
    mention_ids: np.ndarray
    article_ids: np.ndarray
    lane_bits: np.ndarray  # bit k set: the mention's article mentions lanes[k + 1]'s entity
    published: np.ndarray  # publication ordinals of the articles in view, sorted
    spans: tuple[SpanGroups, ...]  # per lane
    articles_in_view: int | None = None  # None: the whole store
    seconds: float = 0.0  # how long loading took (for the status line and benchmarks)

    @property
    def empty(self) -> bool:
        return len(self.starts) == 0 and len(self.published) == 0

    def extent(self) -> tuple[int, int] | None:
        """(first day, last day) of everything shown, or None without dates."""
        lows = [a[0] for a in (self.starts, self.published) if len(a)]
        highs = [int(self.ends.max())] if len(self.ends) else []
        highs += [int(self.published[-1])] if len(self.published) else []
        if not lows:
            return None
        return int(min(lows)), int(max(highs))

    def lane_mask(self, lane: int, lo: int = 0, hi: int | None = None) -> np.ndarray:
        """Which mentions in [lo:hi) belong to ``lane`` (0: all of them)."""
        bits = self.lane_bits[lo:hi]
        if lane == 0:
            return np.ones(len(bits), dtype=bool)
        return (bits & (1 << (lane - 1))) != 0


@dataclass(slots=True)
class _SortedPoints:
    """The store's date mentions sorted by date once per store generation."""

    key: Any  # the store's own array: the same object while its cache is valid
    starts: np.ndarray
    ends: np.ndarray
    mention_ids: np.ndarray
    article_ids: np.ndarray


class TimelineLoader:
    """Loads :class:`TimelineData` for a query (in a worker thread: no Qt here).

    The store's date mentions come from its in-memory arrays; they are sorted by date here once
    per store generation and filtered to the view with a lookup table (O(n), no sorting per
    filter change). Publication dates are read once and kept until :meth:`forget_articles`
    (the window calls it after every write: imports, re-extraction, corrections), because
    ``published_points`` reads every article each time (~180 ms at 100k articles).
    """

    def __init__(self) -> None:
        self._sorted: _SortedPoints | None = None
        self._published: tuple[np.ndarray, np.ndarray] | None = None

    def forget_articles(self) -> None:
        """The articles changed: read the publication dates again on the next load."""
        self._published = None

    def load(self, store: TimelineStore, query: ArticleQuery, ids: Any = None) -> TimelineData:
        """The timeline of the articles ``query`` selects; ``ids``, when given, are those
        articles already (the list's own, saving the same query twice)."""
        started = time.perf_counter()
        view = _view_ids(store, query, ids)
        points = self._points(store)
        published_ids, published_days = self._published_points(store)

        top = max(
            int(points.article_ids.max()) if len(points.article_ids) else 0,
            int(published_ids.max()) if len(published_ids) else 0,
            int(view.max()) if view is not None and len(view) else 0,
        )
        if view is not None:
            in_view = np.zeros(top + 1, dtype=bool)
            in_view[view] = True
            keep = in_view[points.article_ids]
            starts, ends = points.starts[keep], points.ends[keep]
            mention_ids, article_ids = points.mention_ids[keep], points.article_ids[keep]
            published = np.sort(published_days[in_view[published_ids]])
        else:
            starts, ends = points.starts, points.ends
            mention_ids, article_ids = points.mention_ids, points.article_ids
            published = np.sort(published_days)

        lanes = _choose_lanes(store, query, view)
        bits_of_article = np.zeros(top + 1, dtype=np.int64)
        for k, lane in enumerate(lanes[1:]):
            assert lane.entity_id is not None
            mentioning = np.asarray(store.entity_article_ids(lane.entity_id), dtype=np.int64)
            mentioning = mentioning[mentioning <= top]
            bits_of_article[mentioning] |= 1 << k
        lane_bits = bits_of_article[article_ids] if len(article_ids) else np.zeros(0, np.int64)

        is_span = ends > starts
        masks = [is_span] + [is_span & ((lane_bits >> k) & 1 == 1) for k in range(len(lanes) - 1)]
        spans = [_group_spans(starts[mask], ends[mask], mention_ids[mask]) for mask in masks]

        return TimelineData(
            query=query,
            lanes=lanes,
            starts=starts,
            ends=ends,
            mention_ids=mention_ids,
            article_ids=article_ids,
            lane_bits=lane_bits,
            published=published,
            spans=tuple(spans),
            articles_in_view=None if view is None else len(view),
            seconds=time.perf_counter() - started,
        )

    def _published_points(self, store: TimelineStore) -> tuple[np.ndarray, np.ndarray]:
        cached = self._published
        if cached is None:
            ids, days = store.published_points(None)
            cached = (np.asarray(ids, dtype=np.int64), np.asarray(days, dtype=np.int64))
            self._published = cached
        return cached

    def _points(self, store: TimelineStore) -> _SortedPoints:
        points = store.date_points(None)
        cached = self._sorted
        if cached is not None and cached.key is points.starts:
            return cached
        starts = np.asarray(points.starts, dtype=np.int64)
        ends = np.asarray(points.ends, dtype=np.int64)
        order = np.lexsort((ends, starts))
        self._sorted = _SortedPoints(
            key=points.starts,
            starts=starts[order],
            ends=ends[order],
            mention_ids=np.asarray(points.mention_ids, dtype=np.int64)[order],
            article_ids=np.asarray(points.article_ids, dtype=np.int64)[order],
        )
        return self._sorted


def _view_ids(store: Any, query: ArticleQuery, ids: Any) -> np.ndarray | None:
    """The ids of the articles in view, or None when that is every article (then nothing
    needs filtering, and the store's own "all articles" paths are the fast ones)."""
    if ids is None:
        if _unfiltered(query):
            return None
        ids = store.query_article_ids(query)
    view = np.asarray(ids, dtype=np.int64)
    if len(view) and len(view) >= store.count_articles():
        return None
    return view


def _unfiltered(query: ArticleQuery) -> bool:
    return (
        not query.search.strip()
        and not query.entities
        and not query.excluded_entities
        and query.import_run_id is None
        and query.date_from is None
        and query.date_to is None
        and not query.range_facts
    )


def _choose_lanes(
    store: TimelineStore, query: ArticleQuery, view: np.ndarray | None
) -> tuple[Lane, ...]:
    lanes = [Lane(ALL_LANE_NAME)]
    if query.entities:
        for entity_id in query.entities[:MAX_LANES]:
            entity = store.get_entity(entity_id)
            if entity is not None:
                lanes.append(Lane(entity.name, entity.id, entity.type))
        return tuple(lanes)
    if view is None:
        top = store.entity_counts_all(limit=TOP_LANES)
    elif len(view):
        top = store.entity_counts_for_ids(view.tolist(), limit=TOP_LANES)
    else:
        top = []
    lanes.extend(Lane(row.name, row.id, row.type) for row in top[:TOP_LANES])
    return tuple(lanes)


def _group_spans(starts: np.ndarray, ends: np.ndarray, mention_ids: np.ndarray) -> SpanGroups:
    """Identical (start, end) runs of date-sorted spans, as one group each."""
    if len(starts) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return SpanGroups(empty, empty, empty, empty)
    changed = (np.diff(starts) != 0) | (np.diff(ends) != 0)
    first = np.concatenate(([0], np.flatnonzero(changed) + 1))
    counts = np.diff(np.concatenate((first, [len(starts)])))
    return SpanGroups(starts[first], ends[first], counts, mention_ids[first])


@dataclass(frozen=True, slots=True, eq=False)
class Histogram:
    """Events and publications per bin over the visible range (only bins with something)."""

    unit: BinUnit
    bins: np.ndarray
    starts: np.ndarray  # ordinal of each bin's first day
    ends: np.ndarray  # ordinal of the day after each bin
    events: np.ndarray
    published: np.ndarray

    def at(self, ordinal: int) -> int | None:
        """Index of the bin holding this day, or None."""
        position = int(np.searchsorted(self.ends, ordinal, side="right"))
        if position < len(self.bins) and self.starts[position] <= ordinal:
            return position
        return None


def _visible_slice(data: TimelineData, lo: int, hi: int) -> tuple[int, int]:
    """Mentions starting in [lo, hi] (starts are sorted)."""
    return (
        int(np.searchsorted(data.starts, lo, side="left")),
        int(np.searchsorted(data.starts, hi, side="right")),
    )


def histogram(data: TimelineData, lo: int, hi: int, unit: BinUnit) -> Histogram:
    """Per bin of ``unit`` between days ``lo`` and ``hi``: dated events (a day, or a span
    within the bin, e.g. a month at month bins or coarser) and articles published."""
    first, last = _visible_slice(data, lo, hi)
    start_bins = bin_index(data.starts[first:last], unit)
    end_bins = bin_index(data.ends[first:last], unit)
    event_bins = start_bins[start_bins == end_bins]
    published = data.published[
        np.searchsorted(data.published, lo, side="left") : np.searchsorted(
            data.published, hi, side="right"
        )
    ]
    published_bins = bin_index(published, unit)
    if len(event_bins) == 0 and len(published_bins) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Histogram(unit, empty, empty, empty, empty, empty)
    low = min(int(b[0]) for b in (event_bins, published_bins) if len(b))
    high = max(int(b[-1]) for b in (event_bins, published_bins) if len(b))
    size = high - low + 1
    events = np.bincount(event_bins - low, minlength=size)
    publications = np.bincount(published_bins - low, minlength=size)
    present = np.flatnonzero((events > 0) | (publications > 0))
    bins = present + low
    return Histogram(
        unit=unit,
        bins=bins,
        starts=bin_start(bins, unit),
        ends=bin_end(bins, unit),
        events=events[present],
        published=publications[present],
    )


@dataclass(frozen=True, slots=True, eq=False)
class LaneMarks:
    """One lane's day-dated events over the visible range, one mark per bin."""

    unit: BinUnit
    bins: np.ndarray
    centres: np.ndarray  # ordinal (float) of each bin's middle
    counts: np.ndarray
    mention_ids: np.ndarray  # one mention per mark (the first of its bin)


def lane_marks(data: TimelineData, lane: int, lo: int, hi: int, unit: BinUnit) -> LaneMarks:
    """Marks of the lane's events dated to a day (spans are drawn as bars: :func:`spans_in`)."""
    first, last = _visible_slice(data, lo, hi)
    point = data.ends[first:last] == data.starts[first:last]
    keep = point & data.lane_mask(lane, first, last)
    days = data.starts[first:last][keep]
    mention_ids = data.mention_ids[first:last][keep]
    if len(days) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return LaneMarks(unit, empty, np.zeros(0), empty, empty)
    bins = bin_index(days, unit)  # sorted, because days are
    heads = np.concatenate(([0], np.flatnonzero(np.diff(bins)) + 1))
    counts = np.diff(np.concatenate((heads, [len(bins)])))
    kept_bins = bins[heads]
    starts = bin_start(kept_bins, unit)
    ends = bin_end(kept_bins, unit)
    return LaneMarks(
        unit=unit,
        bins=kept_bins,
        centres=(starts + ends) / 2.0,
        counts=counts,
        mention_ids=mention_ids[heads],
    )


@dataclass(frozen=True, slots=True, eq=False)
class VisibleSpans:
    starts: np.ndarray  # first day (ordinal)
    ends: np.ndarray  # last day (ordinal, inclusive)
    counts: np.ndarray
    mention_ids: np.ndarray
    hidden: int  # groups in range but not drawn (beyond the cap)


def spans_in(data: TimelineData, lane: int, lo: int, hi: int, cap: int = MAX_SPANS) -> VisibleSpans:
    """The lane's span groups overlapping [lo, hi]; beyond ``cap`` the most-mentioned win."""
    groups = data.spans[lane]
    visible = (groups.starts <= hi) & (groups.ends >= lo)
    index = np.flatnonzero(visible)
    hidden = 0
    if len(index) > cap:
        hidden = len(index) - cap
        keep = np.argsort(-groups.counts[index], kind="stable")[:cap]
        index = np.sort(index[keep])
    return VisibleSpans(
        groups.starts[index],
        groups.ends[index],
        groups.counts[index],
        groups.mention_ids[index],
        hidden,
    )


# -- the range chart --------------------------------------------------------------------------


def format_km(km: float) -> str:
    """'10,000 km', '5.5 km'."""
    if km >= 10 or float(km).is_integer():
        return f"{km:,.0f} km"
    return f"{km:,.1f} km"


def figure_text(stated: StatedRange) -> str:
    """How the articles put it: '10,000 km', 'up to 5,500 km', '500–5,500 km', …"""
    low, high = stated.min_km, stated.max_km
    qualifier = stated.qualifier
    if low is not None and high is not None and low != high:
        return f"{format_km(low).removesuffix(' km')}–{format_km(high)}"
    value = high if high is not None else low
    if value is None:
        return "?"
    words = {
        RangeQualifier.UP_TO: "up to ",
        RangeQualifier.LESS_THAN: "less than ",
        RangeQualifier.MORE_THAN: "more than ",
        RangeQualifier.AT_LEAST: "at least ",
        RangeQualifier.ABOUT: "about ",
    }
    return f"{words.get(qualifier, '')}{format_km(value)}"


def figure_value(stated: StatedRange) -> float | None:
    """The one number that stands for a figure (the upper end when there are two)."""
    return stated.max_km if stated.max_km is not None else stated.min_km


class FigureShape(StrEnum):
    POINT = "point"  # a single figure: a marker
    BAR = "bar"  # min–max: a bar
    FROM_ZERO = "from_zero"  # "up to" / "less than": a bar from the axis start
    OPEN = "open"  # "more than" / "at least": a marker with an arrow to the right


def figure_shape(stated: StatedRange) -> FigureShape:
    low, high = stated.min_km, stated.max_km
    if low is not None and high is not None and low != high:
        return FigureShape.BAR
    if stated.qualifier in (RangeQualifier.UP_TO, RangeQualifier.LESS_THAN):
        return FigureShape.FROM_ZERO
    if stated.qualifier in (RangeQualifier.MORE_THAN, RangeQualifier.AT_LEAST):
        return FigureShape.OPEN
    return FigureShape.POINT


@dataclass(frozen=True, slots=True)
class RangeData:
    """What the range chart shows for a query: one row per system (or treaty) in view."""

    query: ArticleQuery
    rows: tuple[RangeRow, ...]
    bands: tuple[TreatyBand, ...]
    seconds: float = 0.0


class RangeStore(Protocol):
    def count_articles(self) -> int: ...
    def query_article_ids(self, query: ArticleQuery) -> list[int]: ...
    def range_rows(self, article_ids: Any) -> list[RangeRow]: ...
    def treaty_bands(self) -> list[TreatyBand]: ...


def load_ranges(store: RangeStore, query: ArticleQuery, ids: Any = None) -> RangeData:
    """The range chart's rows for ``query`` (``ids``: its articles, if already known)."""
    started = time.perf_counter()
    view = _view_ids(store, query, ids)
    rows = (
        store.range_rows(None if view is None else view.tolist())
        if view is None or len(view)
        else []
    )
    return RangeData(query, tuple(rows), tuple(store.treaty_bands()), time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class BandGroup:
    """Treaty bands with the same limits, drawn once: 'New START · START I …  > 5,500 km'."""

    min_km: float
    max_km: float | None
    names: tuple[str, ...]
    labels: tuple[str, ...]

    @property
    def title(self) -> str:
        names = ", ".join(self.names[:2]) + (" …" if len(self.names) > 2 else "")
        if self.max_km is None:
            return f"{names} > {format_km(self.min_km)}"
        return f"{names} {format_km(self.min_km).removesuffix(' km')}–{format_km(self.max_km)}"


def group_bands(bands: tuple[TreatyBand, ...] | list[TreatyBand]) -> list[BandGroup]:
    grouped: dict[tuple[float, float | None], list[TreatyBand]] = {}
    for band in bands:
        grouped.setdefault((band.min_km, band.max_km), []).append(band)
    return [
        BandGroup(low, high, tuple(b.name for b in same), tuple(b.label for b in same))
        for (low, high), same in sorted(grouped.items(), key=lambda item: item[0][0])
    ]


@dataclass(slots=True)
class OriginColours:
    """A colour per country of origin, kept for the session so a filter change does not
    repaint Russia in another colour. Okabe–Ito hues first (colour-blind safe); vermillion and
    reddish purple are left out: red flags a figure off its reference, purple is the treaties'."""

    palette: tuple[str, ...] = (
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#56B4E9",
        "#8C5A2B",
        "#7A6A00",
        "#2A6F73",
        "#4D4D4D",
        "#6B8E23",
        "#A0522D",
    )
    other: str = "#8a8f98"
    assigned: dict[str, str] = field(default_factory=dict)

    def colour(self, origin: str) -> str:
        if not origin:
            return self.other
        if origin in FIXED_ORIGIN_COLOURS:
            return FIXED_ORIGIN_COLOURS[origin]
        if origin not in self.assigned:
            free = [c for c in self.palette if c not in FIXED_ORIGIN_COLOURS.values()]
            used = len(self.assigned)
            self.assigned[origin] = free[used] if used < len(free) else self.other
        return self.assigned[origin]


# The countries most systems come from keep their colour from one session to the next.
FIXED_ORIGIN_COLOURS: dict[str, str] = {
    "Russia": "#0072B2",
    "Soviet Union": "#56B4E9",
    "United States": "#E69F00",
    "China": "#009E73",
    "North Korea": "#8C5A2B",
    "Iran": "#7A6A00",
}


def km_ticks(
    low: float, high: float, *, log: bool
) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """(major, minor) ticks for the km axis between ``low`` and ``high`` (log10 of km on a log
    axis): round figures with thousands separators, not pyqtgraph's "2·10³"."""
    if not log:
        span = max(high - low, 1.0)
        raw = span / 6
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
        first = math.ceil(low / step) * step
        count = int((high - first) // step) + 1
        values = [first + i * step for i in range(count)]
        major = [(v, f"{v:,.0f}") for v in values]
        minor = [(v + step / 2, "") for v in values if v + step / 2 <= high]
        return major, minor
    major, minor = [], []
    decades = range(math.floor(low), math.ceil(high) + 1)
    label_minor = high - low <= 3.2
    for decade in decades:
        base = 10.0**decade
        if low - 1e-9 <= decade <= high + 1e-9:
            major.append((float(decade), f"{base:,.0f}" if base >= 1 else f"{base:g}"))
        for factor in (2, 3, 4, 5, 6, 7, 8, 9):
            position = math.log10(factor * base)
            if low <= position <= high:
                shown = label_minor and factor in (2, 5)
                minor.append((position, f"{factor * base:,.0f}" if shown else ""))
    return major, minor
