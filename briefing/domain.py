"""Plain domain objects shared by every layer.

Nothing here imports Qt or SQLAlchemy: the store hands these objects to the UI and the
CLI, and the ingest layer produces them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


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
    skipped: list[FileFailure] = field(default_factory=list)  # not news files: not an error
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
