"""A briefing resolved for export: every item turned into a block with its content filled in
(article text from the store, entity and key-date tables computed), in order. The exporters in
:mod:`briefing.export` take only this, so they never touch the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.briefings.model import ChartSnapshot, Provenance


@dataclass(frozen=True, slots=True)
class ArticleBlock:
    provenance: Provenance
    kicker: str
    deck: str
    # The body as paragraphs; a subhead is a paragraph flagged as such (ALL-CAPS subheads are
    # kept as the article had them).
    paragraphs: tuple[Paragraph, ...]
    byline: str = ""
    truncated: bool = False  # the article was cut off in the source


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    subhead: bool = False


@dataclass(frozen=True, slots=True)
class ExcerptBlock:
    provenance: Provenance
    text: str
    comment: str = ""


@dataclass(frozen=True, slots=True)
class NoteBlock:
    markdown: str  # bold (**b**), italics (*i*), bulleted and numbered lists, paragraphs


@dataclass(frozen=True, slots=True)
class ChartBlock:
    chart: ChartSnapshot


@dataclass(frozen=True, slots=True)
class TableBlock:
    title: str  # "Entities", "Key dates"
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Columns holding numbers (right-aligned by the exporters).
    numeric: tuple[int, ...] = ()


Block = ArticleBlock | ExcerptBlock | NoteBlock | ChartBlock | TableBlock


@dataclass(frozen=True, slots=True)
class BriefingDocument:
    title: str
    author: str
    date: dt.date
    marking: str  # "" = none
    blocks: tuple[Block, ...]
    generated_at: dt.datetime | None = None
