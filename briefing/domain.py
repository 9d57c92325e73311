"""Plain domain objects shared by every layer.

Nothing here imports Qt or SQLAlchemy: the store hands these objects to the UI and the
CLI, and the ingest layer produces them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DateSource(StrEnum):
    """How an article's publication date is known."""

    METADATA = "metadata"  # carried by the file itself (a date line, a feed's pubDate, ...)
    USER = "user"  # given by the person at import (--date or the import dialog)
    INFERRED = "inferred"  # guessed from the text
    UNKNOWN = "unknown"  # not known: shown as unknown, never as today


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    WEAPON = "WEAPON"
    TREATY = "TREATY"


class EntityMode(StrEnum):
    """How several selected entities combine in the article list."""

    ALL = "all"  # articles mentioning every selected entity (AND)
    ANY = "any"  # articles mentioning at least one (OR)


class SortKey(StrEnum):
    DATE = "date"
    TITLE = "title"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class Subhead:
    """An in-article section heading ("TENSE TIES") and where its section starts in the body."""

    text: str
    offset: int  # character offset in Article.body where the section's first paragraph begins


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """One article as a reader found it, before it is stored.

    ``body`` holds the paragraphs joined by a blank line ("\\n\\n"); subheads are not in the body
    but point into it, so later character offsets (entities, dates) refer to body text only.
    """

    title: str
    body: str
    kicker: str = ""
    deck: str = ""
    headline: str = ""  # the headline line as written, "" when the story had none
    byline: str = ""
    subheads: tuple[Subhead, ...] = ()
    published: dt.date | None = None
    date_source: DateSource = DateSource.UNKNOWN
    origin_file: str = ""
    origin_position: int = 0  # 0-based index of the article within its file
    origin_line: int = 0  # 1-based line where the article starts in its file
    truncated: bool = False
    warnings: tuple[str, ...] = ()
    date_confidence: str = ""  # for an inferred publication date: "high", "medium", "low"
    url: str = ""  # where the article was published, when the file says (feeds, pages)
    # The publisher the file names for this article (a CSV "source" column, a mail's sender, a
    # feed's channel). A source name the person gives (--source, the wizard) wins over it; ""
    # falls back to the person's fallback, else the file's name (pipeline.source_name).
    source: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article, as the store returns it."""

    id: int
    title: str
    body: str
    kicker: str
    deck: str
    headline: str
    byline: str
    subheads: tuple[Subhead, ...]
    source: str
    published: dt.date | None
    date_source: DateSource
    origin_file: str
    origin_position: int
    origin_line: int
    content_hash: str
    truncated: bool
    import_run_id: int | None
    created_at: dt.datetime
    date_confidence: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """The few fields the article list shows, fetched in pages."""

    id: int
    title: str
    source: str
    published: dt.date | None
    date_source: DateSource
    truncated: bool


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """What the article list shows: a search (FTS5 syntax as typed), entity filters, an order."""

    search: str = ""
    sort: SortKey = SortKey.DATE
    descending: bool = True
    import_run_id: int | None = None
    entities: tuple[int, ...] = ()  # selected in the sidebar, combined by entity_mode
    entity_mode: EntityMode = EntityMode.ALL
    excluded_entities: tuple[int, ...] = ()  # NOT: articles mentioning any of these are left out
    # The timeline's selection: articles published, or mentioning a date, in [from, to].
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    range_facts: tuple[int, ...] = ()  # the range chart's selection: articles stating these


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in an article's title, deck or body, as extraction found it.

    ``canonical`` is the resolved name the mention belongs to ("SS-27" → "Topol-M"); the store
    maps (type, canonical, surface) to an entity, where analyst corrections apply.
    """

    field: str  # "title", "deck" or "body"
    start: int
    end: int
    text: str
    type: EntityType
    canonical: str
    sentence_start: int = 0  # the sentence around the mention, offsets in the same field
    sentence_end: int = 0
    rule: str = ""  # how it was found (gazetteer, title, definition, ...), for diagnostics


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"  # "June 4-16", "between 2014 and 2018", "28 March to 31 May"
    UNRESOLVED = "unresolved"  # "on Tuesday" with no publication date to count from


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text mentions, resolved as far as the text and publication date allow.

    ``start``/``end`` of the resolved span are both set for resolved mentions (a month runs
    from its first to its last day, a year from 1 January to 31 December); ``value`` is the
    export form: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD`` (year unknown),
    ``start/end`` for intervals, or None when unresolved.
    """

    field: str
    start: int
    end: int
    text: str
    precision: DatePrecision
    date_start: dt.date | None
    date_end: dt.date | None
    value: str | None
    year_inferred: bool = False  # the year came from the publication date or the context
    relative: bool = False  # "yesterday", "last week", "on Tuesday"
    sentence_start: int = 0
    sentence_end: int = 0


class RangeKind(StrEnum):
    RANGE = "range"  # a capability or a limit: "a range of 10,000km", "bans ... 500-5,500km"
    DISTANCE = (
        "distance"  # geography or a flight: "some 1,000km east of Moscow", "flew 4,200 miles"
    )


class RangeQualifier(StrEnum):
    EXACT = "exactly"
    UP_TO = "up to"
    MORE_THAN = "more than"
    AT_LEAST = "at least"
    LESS_THAN = "less than"
    ABOUT = "about"
    BETWEEN = "between"


@dataclass(frozen=True, slots=True)
class RangeMention:
    """A length the text states, normalised to km, with what it is the range of."""

    field: str
    start: int
    end: int
    text: str  # the quantity as written, e.g. "between 500 and 5,500km"
    min_km: float | None
    max_km: float | None
    qualifier: RangeQualifier
    unit: str  # as written: "km", "kilometres", "miles", "nautical miles", "nm", ...
    kind: RangeKind
    subject: str | None = None  # canonical name of the entity it belongs to ("Topol-M")
    subject_type: EntityType | None = None
    via: str = ""  # set when inferred, e.g. "INF Treaty" for a system said to violate it
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    id: int
    name: str
    type: EntityType
    hidden: bool
    article_count: int
    aliases: tuple[str, ...] = ()  # surface forms seen in the articles
    attributes: dict[str, object] = field(default_factory=dict)  # e.g. a weapon's origin/range


@dataclass(frozen=True, slots=True)
class EntityCount:
    """A sidebar row: an entity and how many articles in the current view mention it."""

    id: int
    name: str
    type: EntityType
    articles: int


@dataclass(frozen=True, slots=True)
class ArticleMention:
    """A mention as the reader highlights it: where, and which entity (after corrections)."""

    field: str
    start: int
    end: int
    entity_id: int
    name: str
    type: EntityType


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file (or part of one) that could not be imported, with a one-line reason."""

    path: str
    reason: str


@dataclass(slots=True)
class ImportReport:
    """What an import run did; the CLI prints it and the GUI shows it as a summary."""

    run_id: int | None = None
    files_total: int = 0
    files_read: int = 0
    articles_found: int = 0
    imported: int = 0
    duplicates: int = 0
    truncated: int = 0
    failures: list[FileFailure] = field(default_factory=list)
    # Not an error: files that are not news, and rows/messages skipped inside a file (no text),
    # each with its reason ("2 of 4 rows skipped: no title or text (lines 3, 4)").
    skipped: list[FileFailure] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(frozen=True, slots=True)
class ImportRun:
    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    source: str
    files: tuple[str, ...]
    options: dict[str, str]
    imported: int
    duplicates: int
    failed: int
    cancelled: bool
    undone_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    added: int
    duplicates: int


class BriefingError(Exception):
    """Base for errors that carry a one-line message meant for the person using the tool."""


class QuerySyntaxError(BriefingError):
    """A search the person typed is not valid; the message says why in one line."""


class StoreError(BriefingError):
    """The store cannot be opened or used (locked, newer schema, not a Briefing store...)."""


def join_paragraphs(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


@dataclass(frozen=True, slots=True)
class DatePoints:
    """Date mentions of the articles in view, as parallel arrays (numpy) for the timeline.

    Dates are proleptic Gregorian ordinals (``date.toordinal()``); ``precisions`` holds the
    index of each mention's :class:`DatePrecision` in ``DATE_PRECISIONS``.
    """

    mention_ids: Any
    article_ids: Any
    starts: Any
    ends: Any
    precisions: Any


DATE_PRECISIONS: tuple[DatePrecision, ...] = tuple(DatePrecision)


@dataclass(frozen=True, slots=True)
class DateContext:
    """What the timeline shows on hover and opens on click."""

    mention_id: int
    article_id: int
    title: str
    field: str
    start: int
    end: int
    text: str
    sentence: str
    value: str | None


@dataclass(frozen=True, slots=True)
class StatedRange:
    """One figure the articles give for a system (several articles may give the same)."""

    min_km: float | None
    max_km: float | None
    qualifier: RangeQualifier
    articles: int
    fact_ids: tuple[int, ...]
    via: str = ""  # a treaty band the system was said to fall in
    differs: bool = False  # more than 15% away from the reference range


@dataclass(frozen=True, slots=True)
class RangeRow:
    """A range-chart row: a weapon system (or treaty) with what the articles say."""

    entity_id: int | None
    name: str
    type: EntityType | None
    origin: str
    weapon_class: str
    reference_km: float | None
    reference_min_km: float | None
    reference_source: str
    stated: tuple[StatedRange, ...]


@dataclass(frozen=True, slots=True)
class TreatyBand:
    name: str
    min_km: float
    max_km: float | None
    label: str
