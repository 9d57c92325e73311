"""Frozen copies of the timeline and the range chart for a briefing (numbers, not pictures).

Made from the same numbers the GUI's charts draw (:mod:`briefing.chart_data`), so a snapshot
shows what the analyst saw; the exporters draw it at their own resolution. The CLI makes
snapshots from a query; the GUI, which has the data loaded and knows the visible span, from
that data.

A timeline bin counts the articles in view that mention a date in it: a mention counts when
its whole span lies in the bin (a day always; "January 2019" at month bins or coarser), the
rule the GUI's histogram uses for its events. Each article counts once per bin, however many
of its dates fall there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from briefing.briefings.caption import describe_query
from briefing.briefings.model import (
    ChartKind,
    ChartSnapshot,
    RangeBand,
    RangeFigure,
    RangeSnapshot,
    RangeSystem,
    TimelineBin,
    TimelineLane,
    TimelineSnapshot,
)
from briefing.chart_data import (
    BinUnit,
    RangeData,
    TimelineData,
    TimelineLoader,
    bin_end,
    bin_index,
    bin_label,
    bin_start,
    format_day,
    load_ranges,
)
from briefing.domain import ArticleQuery, StatedRange

TIMELINE_TITLE = "Timeline of dates mentioned"
RANGES_TITLE = "Stated ranges"
# Entity lanes under the "all articles" lane (the GUI's own choice: selected or top entities).
SNAPSHOT_ENTITY_LANES = 5
# However fine a unit the GUI passes, a snapshot never holds more bins than a page can show.
MAX_SNAPSHOT_BINS = 400
# Systems a range snapshot keeps (the rows with the most articles), to fit a page.
MAX_RANGE_SYSTEMS = 30
# Figures kept per system (those stated by the most articles): at 100k articles a system can
# have 190 distinct figures, which no printed row can show legibly.
MAX_FIGURES_PER_SYSTEM = 12
_UNITS = tuple(BinUnit)


def _bin_count(lo: int, hi: int, unit: BinUnit) -> int:
    first, last = bin_index([lo, hi], unit)
    return int(last - first + 1)


def unit_for_span(lo: int, hi: int, max_bins: int) -> BinUnit:
    """The finest calendar unit that covers days ``lo``..``hi`` in at most ``max_bins`` bins
    (years when nothing does)."""
    for unit in _UNITS:
        if _bin_count(lo, hi, unit) <= max_bins:
            return unit
    return BinUnit.YEAR


def _label(bin_value: int, unit: BinUnit) -> str:
    if unit is BinUnit.WEEK:
        first = dt.date.fromordinal(int(bin_start([bin_value], unit)[0]))
        return f"w/c {format_day(first)}"
    return bin_label(bin_value, unit)


def _articles_per_bin(
    bins: np.ndarray, articles: np.ndarray, first_bin: int, size: int
) -> np.ndarray:
    """How many distinct articles fall in each of ``size`` bins from ``first_bin``."""
    if len(bins) == 0:
        return np.zeros(size, dtype=np.int64)
    pairs = np.unique(np.stack((bins - first_bin, articles)), axis=1)
    return np.bincount(pairs[0], minlength=size)


def timeline_snapshot_from_data(
    data: TimelineData, lo: int, hi: int, unit: BinUnit, *, caption: str
) -> ChartSnapshot:
    """A snapshot of days ``lo``..``hi`` (ordinals) of loaded timeline data, in bins of
    ``unit`` (coarsened if it would make more than MAX_SNAPSHOT_BINS bins). Every bin of the
    span is kept, empty ones too, so the exporters draw an even time axis."""
    lo, hi = min(lo, hi), max(lo, hi)
    unit = BinUnit(unit)
    while _bin_count(lo, hi, unit) > MAX_SNAPSHOT_BINS and unit is not BinUnit.YEAR:
        unit = _UNITS[_UNITS.index(unit) + 1]
    first_bin, last_bin = (int(b) for b in bin_index([lo, hi], unit))
    if _bin_count(lo, hi, unit) > MAX_SNAPSHOT_BINS:  # centuries of years: keep the latest
        first_bin = last_bin - MAX_SNAPSHOT_BINS + 1
    size = last_bin - first_bin + 1
    values = np.arange(first_bin, last_bin + 1, dtype=np.int64)
    starts, ends = bin_start(values, unit), bin_end(values, unit) - 1

    start_bins = bin_index(data.starts, unit)
    end_bins = bin_index(data.ends, unit)
    inside = (start_bins == end_bins) & (start_bins >= first_bin) & (start_bins <= last_bin)
    lanes = []
    for k, lane in enumerate(data.lanes[: SNAPSHOT_ENTITY_LANES + 1]):
        keep = inside & data.lane_mask(k)
        counts = _articles_per_bin(start_bins[keep], data.article_ids[keep], first_bin, size)
        lanes.append(TimelineLane(name=lane.name, counts=tuple(int(c) for c in counts)))
    totals = lanes[0].counts if lanes else (0,) * size
    bins = tuple(
        TimelineBin(
            start=dt.date.fromordinal(int(start)),
            end=dt.date.fromordinal(int(end)),
            label=_label(int(value), unit),
            count=int(total),
        )
        for value, start, end, total in zip(values, starts, ends, totals, strict=True)
    )
    return ChartSnapshot(
        kind=ChartKind.TIMELINE,
        title=TIMELINE_TITLE,
        caption=caption,
        timeline=TimelineSnapshot(unit=str(unit), bins=bins, lanes=tuple(lanes)),
    )


def _articles_in_view(store: Any, data: TimelineData | RangeData, ids: Any) -> int:
    if ids is not None:
        return len(ids)
    if isinstance(data, TimelineData) and data.articles_in_view is not None:
        return data.articles_in_view
    return int(store.count_articles())


def timeline_snapshot(
    store: Any,
    query: ArticleQuery,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    max_bins: int = 60,
    caption: str | None = None,
) -> ChartSnapshot:
    """The timeline of the articles ``query`` selects, over ``date_from``..``date_to`` (by
    default the query's own date range, else everything the articles date), in the finest
    calendar unit that fits it in ``max_bins`` bins. ``caption`` defaults to the query in
    words (:func:`describe_query`)."""
    data = TimelineLoader().load(store, query)
    extent = data.extent()
    low = date_from or query.date_from
    high = date_to or query.date_to
    if caption is None:
        caption = describe_query(store, query, count=_articles_in_view(store, data, None))
    if (low is None or high is None) and extent is None:
        lanes = data.lanes[: SNAPSHOT_ENTITY_LANES + 1]
        return ChartSnapshot(
            kind=ChartKind.TIMELINE,
            title=TIMELINE_TITLE,
            caption=caption,
            timeline=TimelineSnapshot(
                unit=str(BinUnit.DAY),
                bins=(),
                lanes=tuple(TimelineLane(lane.name, ()) for lane in lanes),
            ),
        )
    first_day, last_day = extent if extent is not None else (0, 0)
    lo = low.toordinal() if low is not None else first_day
    hi = high.toordinal() if high is not None else last_day
    lo, hi = min(lo, hi), max(lo, hi)
    unit = unit_for_span(lo, hi, max(max_bins, 1))
    if _bin_count(lo, hi, unit) > max_bins:
        # Not even years fit: keep the latest ``max_bins`` years (a briefing is about now).
        last_year = dt.date.fromordinal(hi).year
        lo = max(lo, dt.date(max(last_year - max_bins + 1, 1), 1, 1).toordinal())
    return timeline_snapshot_from_data(data, lo, hi, unit, caption=caption)


def _kept_figures(stated: tuple[StatedRange, ...], limit: int | None) -> list[StatedRange]:
    """The ``limit`` figures stated by the most articles, in the chart's order (by value)."""
    if not limit or len(stated) <= limit:
        return list(stated)
    ranked = sorted(range(len(stated)), key=lambda k: (-stated[k].articles, k))[:limit]
    return [stated[k] for k in sorted(ranked)]


def range_snapshot_from_data(
    data: RangeData,
    *,
    caption: str,
    max_systems: int | None = MAX_RANGE_SYSTEMS,
    max_figures: int | None = MAX_FIGURES_PER_SYSTEM,
) -> ChartSnapshot:
    """A snapshot of the range chart's rows (the ``max_systems`` stated by the most articles,
    in the chart's order, each with its ``max_figures`` most stated figures) with the treaty
    bands."""
    rows = data.rows[:max_systems] if max_systems else data.rows
    kept = [_kept_figures(row.stated, max_figures) for row in rows]
    systems = tuple(
        RangeSystem(
            name=row.name,
            origin=row.origin,
            weapon_class=row.weapon_class,
            reference_km=row.reference_km,
            reference_min_km=row.reference_min_km,
            reference_source=row.reference_source,
            figures=tuple(
                RangeFigure(
                    min_km=stated.min_km,
                    max_km=stated.max_km,
                    qualifier=str(stated.qualifier),
                    articles=stated.articles,
                    via=stated.via,
                    differs=stated.differs,
                )
                for stated in figures
            ),
        )
        for row, figures in zip(rows, kept, strict=True)
    )
    bands = tuple(
        RangeBand(name=band.name, min_km=band.min_km, max_km=band.max_km, label=band.label)
        for band in data.bands
    )
    notes = []
    if len(rows) < len(data.rows):
        notes.append(f"{len(rows)} of {len(data.rows)} systems, most stated first")
    if any(len(figures) < len(row.stated) for row, figures in zip(rows, kept, strict=True)):
        notes.append(f"at most {max_figures} figures each, the most stated")
    title = f"{RANGES_TITLE} ({'; '.join(notes)})" if notes else RANGES_TITLE
    return ChartSnapshot(
        kind=ChartKind.RANGES,
        title=title,
        caption=caption,
        ranges=RangeSnapshot(systems=systems, bands=bands),
    )


def range_snapshot(
    store: Any,
    query: ArticleQuery,
    *,
    caption: str | None = None,
    max_systems: int | None = MAX_RANGE_SYSTEMS,
    max_figures: int | None = MAX_FIGURES_PER_SYSTEM,
) -> ChartSnapshot:
    """The range chart of the articles ``query`` selects."""
    ids = None if _unfiltered(query) else store.query_article_ids(query)
    data = load_ranges(store, query, ids)
    if caption is None:
        caption = describe_query(store, query, count=_articles_in_view(store, data, ids))
    return range_snapshot_from_data(
        data, caption=caption, max_systems=max_systems, max_figures=max_figures
    )


def _unfiltered(query: ArticleQuery) -> bool:
    return query == ArticleQuery(sort=query.sort, descending=query.descending)
