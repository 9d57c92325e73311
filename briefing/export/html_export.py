"""A briefing as one self-contained HTML file.

Everything is inside the file: the stylesheet (screen and print), the charts as inline SVG
(glyphs as paths, so no font is needed), the table of contents as in-page anchors. Nothing is
referenced outside it — no script, no link, no image or font address, no ``@import`` — and a
Content-Security-Policy forbids the browser from loading anything even if something slipped
in. Every piece of text is HTML-escaped; article addresses are printed as text, not links.

Printing: ``@page`` sets the paper size and margins and prints the marking in the top and
bottom margin of every page with "Page n of N" (browsers that support page-margin boxes); the
title page and the contents each end with a page break, headings stay with what follows, table
headers repeat on every page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from briefing.briefings.document import (
    ArticleBlock,
    Block,
    BriefingDocument,
    ChartBlock,
    ExcerptBlock,
    NoteBlock,
    TableBlock,
)
from briefing.chart_palette import INK, SLATE
from briefing.export.chart_render import chart_svg, inline_svg
from briefing.export.document_text import (
    TRUNCATED_NOTICE,
    block_heading,
    column_shares,
    contents_summary,
    note_body,
    provenance_line,
    title_page,
)
from briefing.export.export_progress import Steps
from briefing.export.notes_markup import (
    NoteElement,
    NoteHeading,
    NoteList,
    NoteParagraph,
    NoteQuote,
    NoteRule,
    Span,
)

PAGE_CSS = {"A4": "A4", "LETTER": "letter"}

# What the page may load: nothing but its own inline styles.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def write_html(
    document: BriefingDocument, path: Path, *, page_size: str, steps: Steps
) -> list[Path]:
    """Write ``document`` to ``path`` as one HTML file."""
    page = title_page(document)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="author" content="{_e(page.author)}">',
        '<meta name="generator" content="Briefing">',
        f"<title>{_e(page.title)}</title>",
        f"<style>\n{stylesheet(page_size.upper(), page.marking, page.title)}</style>",
        "</head>",
        "<body>",
    ]
    if page.marking:
        parts.append(f'<div class="marking marking-top">{_e(page.marking)}</div>')
    parts.append(_title_page(document))
    parts.append(_contents(document.blocks))
    parts.append("<main>")
    for index, block in enumerate(document.blocks):
        parts.append(_block(block, f"s{index + 1}", index))
        steps.advance()
    parts.append("</main>")
    if page.marking:
        parts.append(f'<div class="marking marking-bottom">{_e(page.marking)}</div>')
    parts += ["</body>", "</html>", ""]
    path.write_text("\n".join(parts), encoding="utf-8")
    return [path]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: anything but letters, digits and spaces is a hex
    escape, so no quote, backslash or ``</style>`` can end the string or the style sheet."""
    escaped = "".join(
        char if char.isascii() and (char.isalnum() or char == " ") else f"\\{ord(char):x} "
        for char in text
    )
    return f'"{escaped}"'


def stylesheet(page_size: str, marking: str, title: str) -> str:
    small = "color: #69717a; font: 7.5pt sans-serif;"
    strong = "color: #8b1e1e; font: 700 8.5pt sans-serif;"
    # Three boxes on the bottom line would squeeze the marking onto two lines: the title is
    # left out there when there is a marking.
    margin_boxes = [
        f'  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); {small} }}',
    ]
    if not marking:
        margin_boxes.append(f"  @bottom-left {{ content: {css_string(title)}; {small} }}")
    if marking:
        margin_boxes += [
            f"  @top-center {{ content: {css_string(marking)}; {strong} }}",
            f"  @bottom-center {{ content: {css_string(marking)}; {strong} }}",
        ]
    boxes = "\n".join(margin_boxes)
    return f"""\
:root {{ --ink: {INK}; --slate: {SLATE}; --muted: #69717a; --rule: #c9ced3;
  --zebra: #f2f4f6; --marking: #8b1e1e; --quote: #f5f6f4; }}
html {{ background: #fff; color: var(--ink); }}
body {{ margin: 0 auto; max-width: 46rem; padding: 1.5rem 1.5rem 3rem;
  font: 16px/1.55 Georgia, "DejaVu Serif", "Times New Roman", serif; }}
h1, h2, h3, .kicker, .meta, nav, table, figcaption, .caption, .marking, .label,
.title-page p {{ font-family: "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans",
  sans-serif; }}
.marking {{ text-align: center; font-weight: 700; font-size: .8rem; color: var(--marking);
  letter-spacing: .04em; padding: .4rem 0; }}
.title-page {{ padding: 5rem 0 3rem; border-bottom: 1px solid var(--rule); }}
.title-page .label {{ color: var(--slate); font-weight: 700; font-size: .8rem;
  letter-spacing: .08em; margin: 0 0 .6rem; }}
.title-page h1 {{ font-size: 2.3rem; line-height: 1.15; margin: 0 0 1.2rem;
  padding-bottom: 1rem; border-bottom: 3px solid var(--slate); }}
.title-page p {{ margin: .2rem 0; }}
.title-page .small {{ color: var(--muted); font-size: .8rem; margin-top: 1rem; }}
.title-page .marking-box {{ border: 1.5px solid var(--marking); color: var(--marking);
  font-weight: 700; text-align: center; padding: .5rem; margin: 2.5rem 0 0; }}
nav.contents {{ padding: 1.5rem 0 2rem; border-bottom: 1px solid var(--rule); }}
nav.contents h2 {{ margin-top: 0; }}
nav.contents ol {{ padding-left: 1.4rem; }}
nav.contents li {{ margin: .25rem 0; }}
nav.contents a {{ color: var(--ink); text-decoration: none; }}
nav.contents a:hover {{ text-decoration: underline; }}
main > * {{ margin-top: 2.5rem; }}
h2 {{ font-size: 1.45rem; line-height: 1.25; margin: .2rem 0 .5rem; color: #1e2830; }}
h3 {{ font-size: 1.05rem; margin: 1.2rem 0 .3rem; color: var(--slate); }}
h4 {{ font-size: 1rem; margin: 1rem 0 .3rem; }}
.kicker {{ margin: 0; font-size: .75rem; font-weight: 700; letter-spacing: .06em;
  color: var(--slate); text-transform: uppercase; }}
.deck {{ font-style: italic; font-size: 1.12rem; color: #424b54; margin: .2rem 0 .5rem; }}
.meta {{ color: var(--muted); font-size: .78rem; margin: .1rem 0; overflow-wrap: anywhere; }}
.body {{ margin-top: .9rem; }}
.subhead {{ font-size: .85rem; letter-spacing: .04em; }}
.notice {{ color: var(--muted); font-style: italic; font-size: .8rem; }}
blockquote {{ margin: .6rem 0; padding: .8rem 1.2rem; background: var(--quote);
  border-left: 4px solid var(--slate); font-style: italic; }}
blockquote p {{ margin: .3rem 0; }}
blockquote footer {{ font-style: normal; color: var(--muted); font-size: .78rem;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }}
.note blockquote {{ background: none; border-left-color: var(--rule); }}
.note ul, .note ol {{ padding-left: 1.4rem; }}
.note li {{ margin: .2rem 0; }}
code {{ font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }}
figure {{ margin: 0; }}
figure svg {{ display: block; width: 100%; height: auto; }}
figcaption, .caption {{ color: var(--muted); font-size: .8rem; font-style: italic;
  margin: .3rem 0 .6rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .82rem; line-height: 1.35; }}
th {{ background: var(--slate); color: #fff; text-align: left; font-weight: 700; }}
th, td {{ padding: .3rem .5rem; vertical-align: top; }}
tbody tr:nth-child(even) {{ background: var(--zebra); }}
tbody tr:last-child td {{ border-bottom: 1px solid var(--rule); }}
.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.word {{ white-space: nowrap; }}
hr {{ border: 0; border-top: 1px solid var(--rule); }}
@page {{
  size: {PAGE_CSS.get(page_size, "A4")};
  margin: 24mm 20mm 22mm;
{boxes}
}}
@page :first {{ @bottom-right {{ content: none; }} @bottom-left {{ content: none; }} }}
@media print {{
  html, body {{ background: #fff; }}
  body {{ max-width: none; padding: 0; font-size: 10pt; }}
  .marking {{ display: none; }}
  .title-page {{ padding-top: 30mm; border: 0; break-after: page; }}
  nav.contents {{ border: 0; break-after: page; }}
  main > * {{ margin-top: 8mm; }}
  h2, h3, h4, .kicker, .deck {{ break-after: avoid; }}
  figure, blockquote, tr {{ break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  a {{ color: inherit; text-decoration: none; }}
}}
"""


def _title_page(document: BriefingDocument) -> str:
    page = title_page(document)
    lines = ['<header class="title-page">', '<p class="label">BRIEFING</p>']
    lines.append(f"<h1>{_e(page.title)}</h1>")
    if page.author:
        lines.append(f"<p>Prepared by {_e(page.author)}</p>")
    lines.append(f"<p>{_e(page.date)}</p>")
    summary = contents_summary(document.blocks)
    if summary:
        lines.append(f'<p class="small">{_e(summary)}</p>')
    if page.marking:
        lines.append(f'<p class="marking-box">{_e(page.marking)}</p>')
    if page.generated:
        lines.append(f'<p class="small">{_e(page.generated)}</p>')
    lines.append("</header>")
    return "\n".join(lines)


def _contents(blocks: tuple[Block, ...]) -> str:
    items = [
        f'<li><a href="#s{index + 1}">{_e(block_heading(block))}</a></li>'
        for index, block in enumerate(blocks)
    ]
    opening = ['<nav class="contents" aria-label="Contents">', "<h2>Contents</h2>", "<ol>"]
    return "\n".join([*opening, *items, "</ol>", "</nav>"])


def _block(block: Block, anchor: str, index: int) -> str:
    if isinstance(block, ArticleBlock):
        return _article(block, anchor)
    if isinstance(block, ExcerptBlock):
        return _excerpt(block, anchor)
    if isinstance(block, NoteBlock):
        body = _note_elements(note_body(block))
        return (
            f'<section class="note" id="{anchor}">\n<h2>{_e(block_heading(block))}</h2>\n'
            f"{body}\n</section>"
        )
    if isinstance(block, ChartBlock):
        return _chart(block, anchor, index)
    if isinstance(block, TableBlock):
        return _table(block, anchor)
    raise TypeError(f"unknown block {type(block).__name__}")


def _article(block: ArticleBlock, anchor: str) -> str:
    lines = [f'<article class="article" id="{anchor}">']
    if block.kicker.strip():
        lines.append(f'<p class="kicker">{_e(block.kicker.strip())}</p>')
    lines.append(f"<h2>{_e(block_heading(block))}</h2>")
    if block.deck.strip():
        lines.append(f'<p class="deck">{_e(block.deck.strip())}</p>')
    if block.byline.strip():
        lines.append(f'<p class="meta">{_e(block.byline.strip())}</p>')
    lines.append(f'<p class="meta">{_e(provenance_line(block.provenance))}</p>')
    lines.append('<div class="body">')
    for paragraph in block.paragraphs:
        if paragraph.subhead:
            lines.append(f'<h3 class="subhead">{_e(paragraph.text)}</h3>')
        else:
            lines.append(f"<p>{_e(paragraph.text)}</p>")
    if block.truncated:
        lines.append(f'<p class="notice">{_e(TRUNCATED_NOTICE)}</p>')
    lines += ["</div>", "</article>"]
    return "\n".join(lines)


def _excerpt(block: ExcerptBlock, anchor: str) -> str:
    title = block.provenance.title.strip() or "untitled article"
    paragraphs = [f"<p>{_e(p.strip())}</p>" for p in block.text.split("\n\n") if p.strip()]
    attribution = f"— {title}, {provenance_line(block.provenance)}"
    lines = [
        f'<section class="excerpt" id="{anchor}">',
        f"<h2>{_e(block_heading(block))}</h2>",
        "<blockquote>",
        *paragraphs,
        f"<footer>{_e(attribution)}</footer>",
        "</blockquote>",
    ]
    if block.comment.strip():
        lines.append(f"<p><strong>Comment:</strong> {_e(block.comment.strip())}</p>")
    lines.append("</section>")
    return "\n".join(lines)


def _spans(spans: Iterable[Span]) -> str:
    parts = []
    for span in spans:
        text = _e(span.text).replace("\n", "<br>")
        if span.code:
            text = f"<code>{text}</code>"
        if span.italic:
            text = f"<em>{text}</em>"
        if span.bold:
            text = f"<strong>{text}</strong>"
        parts.append(text)
    return "".join(parts)


def _note_elements(elements: Iterable[NoteElement]) -> str:
    parts: list[str] = []
    for element in elements:
        if isinstance(element, NoteParagraph):
            parts.append(f"<p>{_spans(element.spans)}</p>")
        elif isinstance(element, NoteHeading):
            level = 3 if element.level <= 2 else 4
            parts.append(f"<h{level}>{_spans(element.spans)}</h{level}>")
        elif isinstance(element, NoteList):
            tag = "ol" if element.ordered else "ul"
            start = f' start="{element.start}"' if element.ordered and element.start != 1 else ""
            items = "".join(f"<li>{_item(item.blocks)}</li>" for item in element.items)
            parts.append(f"<{tag}{start}>{items}</{tag}>")
        elif isinstance(element, NoteQuote):
            parts.append(f"<blockquote>{_note_elements(element.blocks)}</blockquote>")
        elif isinstance(element, NoteRule):
            parts.append("<hr>")
    return "\n".join(parts)


def _item(blocks: tuple[NoteElement, ...]) -> str:
    """A list item: a lone paragraph without its <p> (tight lists read better)."""
    if len(blocks) == 1 and isinstance(blocks[0], NoteParagraph):
        return _spans(blocks[0].spans)
    return _note_elements(blocks)


def _chart(block: ChartBlock, anchor: str, index: int) -> str:
    chart = block.chart
    svg = inline_svg(chart_svg(chart), prefix=f"c{index + 1}-")
    label = _e(chart.title.strip() or "Chart")
    # The CSS sizes the chart to the column (its viewBox keeps the proportions); its title is
    # its accessible name.
    root_end = svg.index(">")
    root = re.sub(r'\s(width|height)="[^"]*"', "", svg[:root_end])
    root = root.replace("<svg", f'<svg role="img" aria-label="{label}"', 1)
    svg = root + svg[root_end:]
    lines = [
        f'<figure class="chart" id="{anchor}">',
        f"<h2>{_e(block_heading(block))}</h2>",
        svg,
    ]
    if chart.caption.strip():
        lines.append(f"<figcaption>{_e(chart.caption.strip())}</figcaption>")
    lines.append("</figure>")
    return "\n".join(lines)


def _table(block: TableBlock, anchor: str) -> str:
    numeric = set(block.numeric)
    columns = len(block.columns)
    # A column of single words (dates, codes) never wraps: "1987-12-08" would break at a hyphen.
    words = {
        index
        for index in range(columns)
        if all(len(row[index].split()) <= 1 for row in block.rows if index < len(row))
    }

    def cls(index: int) -> str:
        if index in numeric:
            return ' class="num"'
        return ' class="word"' if index in words else ""

    head = "".join(
        f'<th scope="col"{cls(i)}>{_e(name)}</th>' for i, name in enumerate(block.columns)
    )
    rows = []
    for row in block.rows:
        cells = [*row[:columns], *([""] * (columns - len(row)))]
        rows.append(
            "<tr>" + "".join(f"<td{cls(i)}>{_e(c)}</td>" for i, c in enumerate(cells)) + "</tr>"
        )
    lines = [f'<section class="table" id="{anchor}">', f"<h2>{_e(block_heading(block))}</h2>"]
    if block.caption.strip():
        lines.append(f'<p class="caption">{_e(block.caption.strip())}</p>')
    # Column widths from the text they hold, so a date never breaks across lines.
    shares = column_shares(block, line_chars=95)
    widths = "".join(f'<col style="width: {share * 100:.1f}%">' for share in shares)
    lines += ["<table>", f"<colgroup>{widths}</colgroup>", f"<thead><tr>{head}</tr></thead>"]
    lines += ["<tbody>", *rows, "</tbody>"]
    lines += ["</table>", "</section>"]
    return "\n".join(lines)
