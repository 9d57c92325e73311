"""A briefing as Markdown: ``NAME.md`` with its chart images in ``NAME_files/`` beside it.

CommonMark with GitHub's pipe tables, readable as plain text too. The marking is the first and
the last line. Article text is escaped so that a ``*`` or ``#`` in a story stays a character
rather than becoming emphasis or a heading; notes are written back from their parsed form, so
raw HTML typed into a note comes out escaped as well. Images are linked by relative paths
(percent-encoded), so the folder can be moved or zipped as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from briefing.briefings.document import (
    ArticleBlock,
    Block,
    BriefingDocument,
    ChartBlock,
    ExcerptBlock,
    NoteBlock,
    TableBlock,
)
from briefing.export.chart_render import chart_png
from briefing.export.document_text import (
    TRUNCATED_NOTICE,
    block_heading,
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


def images_folder(path: Path) -> Path:
    """Where ``NAME.md``'s images go: ``NAME_files/`` beside it (as browsers save pages)."""
    return path.with_name(f"{path.stem}_files")


def write_markdown(
    document: BriefingDocument, path: Path, *, page_size: str, steps: Steps
) -> list[Path]:
    """Write ``document`` to ``path`` (and its charts to ``NAME_files/``); ``page_size`` does
    not apply to Markdown."""
    del page_size
    page = title_page(document)
    images: list[Path] = []
    lines: list[str] = []
    if page.marking:
        lines += [f"**{escape(page.marking)}**", ""]
    lines += [f"# {escape(page.title)}", ""]
    details = [f"Prepared by {page.author}" if page.author else "", page.date]
    details.append(contents_summary(document.blocks))
    lines += [escape(" · ".join(filter(None, details))), ""]
    if page.generated:
        lines += [f"*{escape(page.generated)}*", ""]
    lines += ["## Contents", ""]
    lines += [
        f"{index + 1}. {escape(block_heading(block))}"
        for index, block in enumerate(document.blocks)
    ]
    lines.append("")
    for block in document.blocks:
        lines += _block(block, path, images)
        lines.append("")
        steps.advance()
    if page.marking:
        lines += ["---", "", f"**{escape(page.marking)}**"]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    path.write_text(text + "\n", encoding="utf-8")
    return [path, *images]


# Characters that can start or end Markdown syntax inside a line.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
# At the start of a line: a heading, list marker or rule ("#", "-", "+", "=", "1.", "1)").
_LINE_START = re.compile(r"^(\s*)(#{1,6}|[-+=]|\d+[.)])(?=\s|$)")


def escape(text: str) -> str:
    """``text`` as literal Markdown (one line: line breaks become spaces)."""
    text = " ".join(text.split("\n"))
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)
    return text


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)":
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def _block(block: Block, path: Path, images: list[Path]) -> list[str]:
    if isinstance(block, ArticleBlock):
        return _article(block)
    if isinstance(block, ExcerptBlock):
        return _excerpt(block)
    if isinstance(block, NoteBlock):
        return [f"## {escape(block_heading(block))}", "", *_note_elements(note_body(block))]
    if isinstance(block, ChartBlock):
        return _chart(block, path, images)
    if isinstance(block, TableBlock):
        return _table(block)
    raise TypeError(f"unknown block {type(block).__name__}")


def _article(block: ArticleBlock) -> list[str]:
    lines: list[str] = []
    heading = f"## {escape(block_heading(block))}"
    if block.kicker.strip():
        lines += [f"**{escape(block.kicker.strip().upper())}**", ""]
    lines += [heading, ""]
    if block.deck.strip():
        lines += [f"*{escape(block.deck.strip())}*", ""]
    meta = [block.byline.strip(), provenance_line(block.provenance)]
    lines += ["  \n".join(escape(m) for m in meta if m), ""]
    for paragraph in block.paragraphs:
        if paragraph.subhead:
            lines += [f"### {escape(paragraph.text)}", ""]
        else:
            lines += [escape(paragraph.text), ""]
    if block.truncated:
        lines += [f"*{escape(TRUNCATED_NOTICE)}*", ""]
    return lines


def _excerpt(block: ExcerptBlock) -> list[str]:
    title = block.provenance.title.strip() or "untitled article"
    lines = [f"## {escape(block_heading(block))}", ""]
    quoted = [escape(p.strip()) for p in block.text.split("\n\n") if p.strip()]
    for index, paragraph in enumerate(quoted):
        if index:
            lines.append(">")
        lines.append(f"> {paragraph}")
    lines += [">", f"> — {escape(title)}, {escape(provenance_line(block.provenance))}", ""]
    if block.comment.strip():
        lines += [f"**Comment:** {escape(block.comment.strip())}", ""]
    return lines


def _spans(spans: Iterable[Span], indent: str = "") -> str:
    parts = []
    for span in spans:
        if span.code:
            fence = "``" if "`" in span.text else "`"
            text = f"{fence} {span.text} {fence}" if fence == "``" else f"`{span.text}`"
        else:
            # A hard line break is a backslash at the end of the line (the continuation keeps
            # the list item's indent).
            text = f"\\\n{indent}".join(escape(line) for line in span.text.split("\n"))
        # Emphasis markers must hug the words: move outer spaces outside them.
        core = text.strip(" ")
        if core and (span.bold or span.italic):
            lead = text[: len(text) - len(text.lstrip(" "))]
            trail = text[len(text.rstrip(" ")) :]
            if span.italic:
                core = f"*{core}*"
            if span.bold:
                core = f"**{core}**"
            text = f"{lead}{core}{trail}"
        parts.append(text)
    return "".join(parts)


def _note_elements(elements: Iterable[NoteElement], indent: str = "") -> list[str]:
    lines: list[str] = []
    for element in elements:
        if isinstance(element, NoteParagraph):
            lines += [indent + _spans(element.spans, indent), ""]
        elif isinstance(element, NoteHeading):
            level = "###" if element.level <= 2 else "####"
            lines += [f"{indent}{level} {_spans(element.spans)}", ""]
        elif isinstance(element, NoteList):
            for offset, item in enumerate(element.items):
                marker = f"{element.start + offset}." if element.ordered else "-"
                inner = _note_elements(item.blocks, indent + " " * (len(marker) + 1))
                inner = [line for line in inner if line.strip()] or [""]
                first = inner[0][len(indent) + len(marker) + 1 :]
                lines.append(f"{indent}{marker} {first}".rstrip())
                lines += inner[1:]
            lines.append("")
        elif isinstance(element, NoteQuote):
            inner = _note_elements(element.blocks)
            lines += [f"{indent}> {line}".rstrip() for line in inner] + [""]
        elif isinstance(element, NoteRule):
            lines += [f"{indent}---", ""]
    return lines


def _chart(block: ChartBlock, path: Path, images: list[Path]) -> list[str]:
    folder = images_folder(path)
    folder.mkdir(exist_ok=True)
    image = folder / f"chart-{len(images) + 1}.png"
    image.write_bytes(chart_png(block.chart))
    images.append(image)
    link = quote(f"{folder.name}/{image.name}")
    title = block.chart.title.strip() or "Chart"
    lines = [f"## {escape(block_heading(block))}", "", f"![{escape(title)}]({link})", ""]
    if block.chart.caption.strip():
        lines += [f"*{escape(block.chart.caption.strip())}*", ""]
    return lines


def _cell(text: str) -> str:
    return escape(text) or " "


def _table(block: TableBlock) -> list[str]:
    lines = [f"## {escape(block_heading(block))}", ""]
    if block.caption.strip():
        lines += [f"*{escape(block.caption.strip())}*", ""]
    columns = len(block.columns)
    if not columns:
        return lines
    numeric = set(block.numeric)
    lines.append("| " + " | ".join(_cell(name) for name in block.columns) + " |")
    lines.append(
        "|" + "|".join(" ---: " if i in numeric else " --- " for i in range(columns)) + "|"
    )
    for row in block.rows:
        cells = [*row[:columns], *([""] * (columns - len(row)))]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return [*lines, ""]
