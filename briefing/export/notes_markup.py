"""An analyst's note (Markdown) as a small block/inline model every exporter renders natively.

The note is parsed with markdown-it-py's CommonMark preset with raw HTML switched off, so
``<b>`` or ``<script>`` typed in a note stays literal text in every format. What a briefing
needs survives: paragraphs, headings, bold, italics, inline code, bulleted and numbered lists
(nested), block quotes and rules. A link keeps its words and shows its address after them in
brackets: an exported briefing is read on paper, and the HTML export must reference nothing
outside itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True, slots=True)
class NoteParagraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class NoteHeading:
    level: int  # 1–6 as written; exporters place it under the note's own heading
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class NoteListItem:
    blocks: tuple[NoteElement, ...]


@dataclass(frozen=True, slots=True)
class NoteList:
    ordered: bool
    items: tuple[NoteListItem, ...]
    start: int = 1


@dataclass(frozen=True, slots=True)
class NoteQuote:
    blocks: tuple[NoteElement, ...]


@dataclass(frozen=True, slots=True)
class NoteRule:
    pass


NoteElement = NoteParagraph | NoteHeading | NoteList | NoteQuote | NoteRule

_PARSER = MarkdownIt("commonmark", {"html": False})


def parse_note(markdown: str) -> tuple[NoteElement, ...]:
    """The note's blocks in order."""
    tokens = _PARSER.parse(markdown)
    blocks, _ = _blocks(tokens, 0, closing=None)
    return tuple(blocks)


def plain_text(spans: Sequence[Span]) -> str:
    return "".join(span.text for span in spans)


def _blocks(tokens: list[Token], index: int, closing: str | None) -> tuple[list[NoteElement], int]:
    """Blocks from ``tokens[index]`` up to the token of type ``closing`` (returns the index
    after it)."""
    blocks: list[NoteElement] = []
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == closing:
            return blocks, index + 1
        if kind == "paragraph_open":
            spans = _inline(tokens[index + 1])
            if spans:
                blocks.append(NoteParagraph(spans))
            index += 3
        elif kind == "heading_open":
            blocks.append(NoteHeading(int(token.tag[1:]), _inline(tokens[index + 1])))
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            items: list[NoteListItem] = []
            index += 1
            close = kind.replace("_open", "_close")
            while tokens[index].type != close:
                inner, index = _blocks(tokens, index + 1, closing="list_item_close")
                items.append(NoteListItem(tuple(inner)))
            start = token.attrs.get("start", 1) if kind == "ordered_list_open" else 1
            blocks.append(NoteList(kind == "ordered_list_open", tuple(items), int(start)))
            index += 1
        elif kind == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, closing="blockquote_close")
            blocks.append(NoteQuote(tuple(inner)))
        elif kind == "hr":
            blocks.append(NoteRule())
            index += 1
        elif kind in ("code_block", "fence", "html_block"):
            text = token.content.rstrip("\n")
            if text:
                blocks.append(NoteParagraph((Span(text, code=True),)))
            index += 1
        else:
            index += 1
    return blocks, index


def _inline(token: Token) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    link: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("text", "html_inline"):
            _add(spans, Span(child.content, bold > 0, italic > 0))
        elif kind == "code_inline":
            _add(spans, Span(child.content, bold > 0, italic > 0, code=True))
        elif kind == "softbreak":
            _add(spans, Span(" ", bold > 0, italic > 0))
        elif kind == "hardbreak":
            _add(spans, Span("\n", bold > 0, italic > 0))
        elif kind == "image":
            _add(
                spans, Span(child.content or str(child.attrs.get("alt", "")), bold > 0, italic > 0)
            )
        elif kind == "link_open":
            link.append(str(child.attrs.get("href", "")))
        elif kind == "link_close" and link:
            href = link.pop()
            shown = spans[-1].text if spans else ""
            if href and not shown.endswith(href):
                _add(spans, Span(f" ({href})", bold > 0, italic > 0))
    return tuple(spans)


def _add(spans: list[Span], span: Span) -> None:
    """Append, merging with the previous span when the style is the same."""
    if not span.text:
        return
    if spans:
        last = spans[-1]
        if (last.bold, last.italic, last.code) == (span.bold, span.italic, span.code):
            spans[-1] = Span(last.text + span.text, last.bold, last.italic, last.code)
            return
    spans.append(span)
