"""The words every export format prints the same way: dates, provenance lines, the heading of
each block (what the table of contents lists) and the title page's lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.briefings.document import (
    ArticleBlock,
    Block,
    BriefingDocument,
    ChartBlock,
    ExcerptBlock,
    NoteBlock,
    TableBlock,
)
from briefing.briefings.model import Provenance
from briefing.export.notes_markup import NoteElement, NoteHeading, parse_note, plain_text

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """'4 February 2019' (no locale: the same on every machine)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """'21 Jan 2019'."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def generated_line(document: BriefingDocument) -> str:
    if document.generated_at is None:
        return ""
    stamp = document.generated_at
    zone = stamp.tzname() or ""
    return f"Generated {short_date(stamp.date())} {stamp:%H:%M}{' ' + zone if zone else ''}"


def provenance_line(provenance: Provenance, *, url: bool = True) -> str:
    """'Wire · 21 Jan 2019 · https://…' (the parts that are known)."""
    parts = [provenance.source.strip()]
    parts.append(short_date(provenance.published) if provenance.published else "date unknown")
    if url and provenance.url:
        parts.append(provenance.url.strip())
    return " · ".join(part for part in parts if part)


def headline(block: ArticleBlock) -> str:
    return block.provenance.title.strip() or "Untitled article"


def note_title(block: NoteBlock) -> str:
    """A note's first heading, if it opens with one, else 'Note'."""
    elements = parse_note(block.markdown)
    if elements and isinstance(elements[0], NoteHeading):
        return plain_text(elements[0].spans).strip() or "Note"
    return "Note"


def note_body(block: NoteBlock) -> tuple[NoteElement, ...]:
    """The note's elements without the opening heading that :func:`note_title` took."""
    elements = parse_note(block.markdown)
    if elements and isinstance(elements[0], NoteHeading):
        return elements[1:]
    return elements


def block_heading(block: Block) -> str:
    """What the block is called in headings and the table of contents."""
    if isinstance(block, ArticleBlock):
        return headline(block)
    if isinstance(block, ExcerptBlock):
        return f"Excerpt: {block.provenance.title.strip() or 'untitled article'}"
    if isinstance(block, NoteBlock):
        return note_title(block)
    if isinstance(block, ChartBlock):
        return block.chart.title.strip() or "Chart"
    if isinstance(block, TableBlock):
        return block.title.strip() or "Table"
    raise TypeError(f"unknown block {type(block).__name__}")


@dataclass(frozen=True, slots=True)
class TitlePage:
    title: str
    author: str
    date: str
    marking: str
    generated: str


def title_page(document: BriefingDocument) -> TitlePage:
    return TitlePage(
        title=document.title.strip() or "Briefing",
        author=document.author.strip(),
        date=long_date(document.date),
        marking=document.marking.strip(),
        generated=generated_line(document),
    )


TRUNCATED_NOTICE = "The article is cut off in its source; the text ends here."


def contents_summary(blocks: tuple[Block, ...]) -> str:
    """'3 articles · 1 excerpt · 1 note · 2 charts · 2 tables'."""
    kinds = (
        (ArticleBlock, "article"),
        (ExcerptBlock, "excerpt"),
        (NoteBlock, "note"),
        (ChartBlock, "chart"),
        (TableBlock, "table"),
    )
    parts = []
    for kind, word in kinds:
        count = sum(isinstance(block, kind) for block in blocks)
        if count:
            parts.append(f"{count:,} {word}{'' if count == 1 else 's'}")
    return " · ".join(parts)


def column_shares(table: TableBlock, line_chars: int = 110) -> list[float]:
    """Each column's share of the table's width (summing to 1), from the length of its text:
    its longest word always fits (a date never breaks), the rest goes to the longest texts.
    ``line_chars`` is about how many characters fit across the whole table."""
    columns = len(table.columns)
    if not columns:
        return []
    natural: list[float] = []
    minimum: list[float] = []
    for index in range(columns):
        cells = [table.columns[index], *(r[index] for r in table.rows[:400] if index < len(r))]
        # +3: the cell's padding, about three characters wide.
        natural.append(max(len(cell) for cell in cells) + 3.0)
        longest_word = max((len(word) for cell in cells for word in cell.split()), default=1)
        minimum.append(min(longest_word + 3.0, line_chars / columns))
    if sum(natural) <= line_chars:
        widths = natural
    else:
        spare = max(line_chars - sum(minimum), 0.0)
        wants = [max(n - m, 0.0) for n, m in zip(natural, minimum, strict=True)]
        total = sum(wants) or 1.0
        widths = [m + spare * w / total for m, w in zip(minimum, wants, strict=True)]
    whole = sum(widths)
    return [width / whole for width in widths]
