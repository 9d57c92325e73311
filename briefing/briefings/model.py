"""What a briefing is made of, as the store keeps it and returns it.

A briefing is a named, ordered list of items. Articles and excerpts keep a copy of their
provenance (title, source, date, URL) taken when they were added, so an item still says where
it came from after its article was removed by undoing an import. Charts are frozen snapshots of
the numbers the chart showed (not images), so an export draws them at the export's resolution
(vector in PDF and HTML). Entity and key-date tables are computed from the briefing's articles
when it is exported, so they follow the items as the briefing grows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ItemKind(StrEnum):
    ARTICLE = "article"  # a whole article
    EXCERPT = "excerpt"  # text selected from an article
    NOTE = "note"  # the analyst's own text (Markdown: bold, italics, lists)
    CHART = "chart"  # a snapshot of the timeline or the range chart
    ENTITY_TABLE = "entity_table"  # the entities of the briefing's articles with counts
    KEY_DATES = "key_dates"  # the dates the briefing's articles mention


class ChartKind(StrEnum):
    TIMELINE = "timeline"
    RANGES = "ranges"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article or excerpt came from, copied when it was added to the briefing."""

    article_id: int | None
    title: str
    source: str = ""
    published: dt.date | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class TimelineBin:
    start: dt.date  # first day of the bin
    end: dt.date  # last day of the bin (inclusive)
    label: str  # "Jan 2019", "2019", "21 Jan 2019", "Q1 2019", "w/c 14 Jan 2019"
    # Articles in view mentioning a date that falls within the bin (publication dates are not
    # counted: the snapshot is "dates mentioned", as its title says).
    count: int


@dataclass(frozen=True, slots=True)
class TimelineLane:
    name: str  # "All articles" or an entity's name
    counts: tuple[int, ...]  # one per bin of the snapshot


@dataclass(frozen=True, slots=True)
class TimelineSnapshot:
    unit: str  # "day" | "week" | "month" | "quarter" | "year"
    bins: tuple[TimelineBin, ...]
    lanes: tuple[TimelineLane, ...] = ()  # lane 0, when present, is every article in view


@dataclass(frozen=True, slots=True)
class RangeFigure:
    """One figure the articles give for a system (see domain.StatedRange)."""

    min_km: float | None
    max_km: float | None
    qualifier: str  # domain.RangeQualifier value
    articles: int
    via: str = ""  # a treaty band the system was said to fall in
    differs: bool = False  # more than 15% away from the reference range


@dataclass(frozen=True, slots=True)
class RangeSystem:
    name: str
    origin: str = ""
    weapon_class: str = ""
    reference_km: float | None = None
    reference_min_km: float | None = None
    reference_source: str = ""
    figures: tuple[RangeFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class RangeBand:
    name: str  # treaty
    min_km: float
    max_km: float | None
    label: str


@dataclass(frozen=True, slots=True)
class RangeSnapshot:
    systems: tuple[RangeSystem, ...]
    bands: tuple[RangeBand, ...] = ()


@dataclass(frozen=True, slots=True)
class ChartSnapshot:
    kind: ChartKind
    title: str  # "Timeline of dates mentioned", "Stated ranges"
    caption: str  # the filters it was made under, in words
    timeline: TimelineSnapshot | None = None
    ranges: RangeSnapshot | None = None


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """An item to add: everything but the id and the position the store gives it."""

    kind: ItemKind
    provenance: Provenance | None = None  # article / excerpt
    text: str = ""  # excerpt: the selected text; note: Markdown
    caption: str = ""  # chart/table caption; excerpt: the analyst's comment
    chart: ChartSnapshot | None = None
    options: dict[str, Any] = field(default_factory=dict)  # tables: {"limit": 25, "types": [...]}


@dataclass(frozen=True, slots=True)
class BriefingItem:
    id: int
    briefing_id: int
    position: int  # 0-based order in the briefing
    kind: ItemKind
    provenance: Provenance | None = None
    text: str = ""
    caption: str = ""
    chart: ChartSnapshot | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def article_id(self) -> int | None:
        return self.provenance.article_id if self.provenance is not None else None

    def draft(self) -> ItemDraft:
        """The item as a draft (to re-add it, e.g. when undoing its removal)."""
        return ItemDraft(
            kind=self.kind,
            provenance=self.provenance,
            text=self.text,
            caption=self.caption,
            chart=self.chart,
            options=dict(self.options),
        )


@dataclass(frozen=True, slots=True)
class BriefingInfo:
    id: int
    name: str  # unique in the store; what the CLI and the panel's switcher use
    title: str  # the document's title ("" means: use the name)
    author: str = ""
    date: dt.date | None = None  # the briefing's date ("as of"); None means: the export date
    marking: str = ""  # handling caveat printed at the top and bottom of every page
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    item_count: int = 0

    @property
    def display_title(self) -> str:
        return self.title or self.name


@dataclass(frozen=True, slots=True)
class Briefing:
    info: BriefingInfo
    items: tuple[BriefingItem, ...]
