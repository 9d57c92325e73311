"""A briefing as a Word document (python-docx).

Word's own styles carry the structure, so the document stays editable and Word's navigation
pane and table-of-contents field work: Heading 1 for each article and section, Heading 2 for
subheads and note headings, Quote for excerpts, List Bullet / List Number for note lists,
Caption under charts and tables. The marking sits in the page header and footer (so it is on
every page, the title page included) and the footer says "Page n of N" with Word's PAGE and
NUMPAGES fields. Charts are PNG pictures at 200 dpi; Word has no portable vector format that
LibreOffice and older Words both show.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

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
from briefing.export.chart_render import chart_png
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

PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "LETTER": (Inches(8.5), Inches(11))}
MARGIN = Mm(22)
SLATE_RGB = RGBColor.from_string(SLATE.lstrip("#").upper())
INK_RGB = RGBColor.from_string(INK.lstrip("#").upper())
MUTED_RGB = RGBColor.from_string("69717A")
MARKING_RGB = RGBColor.from_string("8B1E1E")
HEADER_FILL = SLATE.lstrip("#").upper()
ZEBRA_FILL = "F2F4F6"
RULE_COLOUR = "C9CED3"


def write_docx(
    document: BriefingDocument, path: Path, *, page_size: str, steps: Steps
) -> list[Path]:
    """Write ``document`` to ``path`` as a Word document."""
    word = Document()
    _set_up(word, document, page_size.upper())
    _title_page(word, document)
    _contents(word, document)
    for block in document.blocks:
        _block(word, block)
        steps.advance()
    word.save(str(path))
    return [path]


# -- page, styles, header and footer ---------------------------------------------------------


def _set_up(word: WordDocument, document: BriefingDocument, page_size: str) -> None:
    page = title_page(document)
    properties = word.core_properties
    properties.title = page.title
    properties.author = page.author
    properties.subject = page.marking
    properties.comments = "Exported by Briefing"
    width, height = PAGE_SIZES[page_size]
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = Mm(24)
    section.header_distance = section.footer_distance = Mm(10)

    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = "Cambria"
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = INK_RGB
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Heading 1", 15), ("Heading 2", 11.5), ("Heading 3", 10.5)):
        style = styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = SLATE_RGB if name != "Heading 1" else INK_RGB
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 8)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    caption = styles["Caption"]
    caption.font.italic = True
    caption.font.bold = False
    caption.font.size = Pt(8.5)
    caption.font.color.rgb = MUTED_RGB
    quote = styles["Quote"]
    quote.font.size = Pt(10.5)
    quote.paragraph_format.left_indent = Mm(8)
    quote.paragraph_format.right_indent = Mm(8)

    # The title page has the marking but no page number: a first-page header and footer.
    section.different_first_page_header_footer = True
    marking = page.marking
    for header in (section.header, section.first_page_header):
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if marking:
            _marking_run(paragraph, marking)
    footer = section.footer
    numbers = footer.paragraphs[0]
    numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _small(numbers.add_run("Page "))
    _field(numbers, "PAGE", "1")
    _small(numbers.add_run(" of "))
    _field(numbers, "NUMPAGES", "1")
    first_footer = section.first_page_footer.paragraphs[0]
    if marking:
        bottom = footer.add_paragraph()
        bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _marking_run(bottom, marking)
        first_footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _marking_run(first_footer, marking)


def _marking_run(paragraph: WordParagraph, marking: str) -> None:
    run = paragraph.add_run(marking)
    run.bold = True
    run.font.size = Pt(8.5)
    run.font.name = "Calibri"
    run.font.color.rgb = MARKING_RGB


def _small(run: object, size: float = 8.0) -> object:
    run.font.size = Pt(size)  # type: ignore[attr-defined]
    run.font.color.rgb = MUTED_RGB  # type: ignore[attr-defined]
    run.font.name = "Calibri"  # type: ignore[attr-defined]
    return run


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC …) with ``shown`` as its last computed result."""
    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")  # Word recomputes it on opening
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    for element in (begin, code, separate):
        run = _small(paragraph.add_run())
        run._r.append(element)  # type: ignore[attr-defined]
    _small(paragraph.add_run(shown))
    closing = _small(paragraph.add_run())
    closing._r.append(end)  # type: ignore[attr-defined]


# -- title page and contents -----------------------------------------------------------------


def _title_page(word: WordDocument, document: BriefingDocument) -> None:
    page = title_page(document)
    label = word.add_paragraph()
    label.paragraph_format.space_before = Mm(50)
    run = label.add_run("BRIEFING")
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = SLATE_RGB
    run.font.name = "Calibri"
    title = word.add_paragraph(style="Title")
    title.add_run(page.title)
    lines = [f"Prepared by {page.author}" if page.author else "", page.date]
    for line in filter(None, lines):
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(2)
        run = paragraph.add_run(line)
        run.font.size = Pt(12)
        run.font.name = "Calibri"
    summary = contents_summary(document.blocks)
    if summary:
        _small(word.add_paragraph().add_run(summary), 9)
    if page.marking:
        box = word.add_paragraph()
        box.alignment = WD_ALIGN_PARAGRAPH.CENTER
        box.paragraph_format.space_before = Mm(20)
        _marking_run(box, page.marking)
        _border(box, MARKING_RGB)
    if page.generated:
        generated = word.add_paragraph()
        generated.paragraph_format.space_before = Mm(10)
        _small(generated.add_run(page.generated))
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _border(paragraph: WordParagraph, colour: RGBColor) -> None:
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "8")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), str(colour))
        borders.append(edge)
    paragraph._p.get_or_add_pPr().append(borders)


def _contents(word: WordDocument, document: BriefingDocument) -> None:
    """A TOC field listing the Heading 1s. Its last result is filled in with the headings
    (without page numbers, which only Word's layout knows), so the contents read sensibly even
    before Word updates the field (References › Update Table)."""
    word.add_paragraph("Contents", style="TOC Heading")
    paragraph = word.add_paragraph()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = ' TOC \\o "1-1" \\h \\z \\u '
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    for element in (begin, code, separate):
        paragraph.add_run()._r.append(element)
    headings = [block_heading(block) for block in document.blocks]
    paragraph.add_run(headings[0] if headings else "")
    last = paragraph
    for heading in headings[1:]:
        last = word.add_paragraph(heading)
        last.paragraph_format.space_after = Pt(2)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    last.add_run()._r.append(end)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# -- blocks ----------------------------------------------------------------------------------


def _block(word: WordDocument, block: Block) -> None:
    if isinstance(block, ArticleBlock):
        _article(word, block)
    elif isinstance(block, ExcerptBlock):
        _excerpt(word, block)
    elif isinstance(block, NoteBlock):
        word.add_heading(block_heading(block), level=1)
        _note_elements(word, note_body(block), depth=0)
    elif isinstance(block, ChartBlock):
        _chart(word, block)
    elif isinstance(block, TableBlock):
        _table(word, block)
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def _meta(word: WordDocument, text: str) -> WordParagraph:
    paragraph = word.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(1)
    _small(paragraph.add_run(text))
    return paragraph


def _article(word: WordDocument, block: ArticleBlock) -> None:
    if block.kicker.strip():
        kicker = word.add_paragraph()
        kicker.paragraph_format.space_before = Pt(14)
        kicker.paragraph_format.space_after = Pt(0)
        kicker.paragraph_format.keep_with_next = True
        run = kicker.add_run(block.kicker.strip().upper())
        run.bold = True
        run.font.size = Pt(8)
        run.font.name = "Calibri"
        run.font.color.rgb = SLATE_RGB
    heading = word.add_heading(block_heading(block), level=1)
    if block.kicker.strip():
        heading.paragraph_format.space_before = Pt(0)
    # The heading, deck and provenance stay on the page of the article's first paragraph.
    if block.deck.strip():
        deck = word.add_paragraph()
        deck.paragraph_format.keep_with_next = True
        run = deck.add_run(block.deck.strip())
        run.italic = True
        run.font.size = Pt(12)
        run.font.color.rgb = RGBColor.from_string("424B54")
    if block.byline.strip():
        _meta(word, block.byline.strip()).paragraph_format.keep_with_next = True
    provenance = _meta(word, provenance_line(block.provenance))
    provenance.paragraph_format.space_after = Pt(8)
    provenance.paragraph_format.keep_with_next = True
    for paragraph in block.paragraphs:
        if paragraph.subhead:
            word.add_heading(paragraph.text, level=2)
        else:
            word.add_paragraph(paragraph.text)
    if block.truncated:
        notice = word.add_paragraph()
        run = _small(notice.add_run(TRUNCATED_NOTICE))
        run.italic = True  # type: ignore[attr-defined]


def _excerpt(word: WordDocument, block: ExcerptBlock) -> None:
    word.add_heading(block_heading(block), level=1)
    for part in block.text.split("\n\n"):
        if part.strip():
            word.add_paragraph(part.strip(), style="Quote")
    title = block.provenance.title.strip() or "untitled article"
    attribution = _meta(word, f"— {title}, {provenance_line(block.provenance)}")
    attribution.paragraph_format.left_indent = Mm(8)
    attribution.paragraph_format.space_after = Pt(8)
    if block.comment.strip():
        comment = word.add_paragraph()
        comment.add_run("Comment: ").bold = True
        comment.add_run(block.comment.strip())


def _add_spans(paragraph: WordParagraph, spans: Iterable[Span]) -> None:
    for span in spans:
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None
        if span.code:
            run.font.name = "Consolas"


def _note_elements(word: WordDocument, elements: Iterable[NoteElement], *, depth: int) -> None:
    for element in elements:
        if isinstance(element, NoteParagraph):
            _add_spans(word.add_paragraph(), element.spans)
        elif isinstance(element, NoteHeading):
            heading = word.add_heading("", level=2 if element.level <= 2 else 3)
            _add_spans(heading, element.spans)
        elif isinstance(element, NoteList):
            _note_list(word, element, depth)
        elif isinstance(element, NoteQuote):
            for inner in element.blocks:
                if isinstance(inner, NoteParagraph):
                    _add_spans(word.add_paragraph(style="Quote"), inner.spans)
                else:
                    _note_elements(word, [inner], depth=depth)
        elif isinstance(element, NoteRule):
            _border_bottom(word.add_paragraph())


def _note_list(word: WordDocument, element: NoteList, depth: int) -> None:
    level = min(depth, 2)
    base = "List Number" if element.ordered else "List Bullet"
    style = base if level == 0 else f"{base} {level + 1}"
    number_id = _restarted_numbering(word, style, element.start) if element.ordered else None
    for item in element.items:
        first = True
        for inner in item.blocks:
            if isinstance(inner, NoteParagraph) and first:
                paragraph = word.add_paragraph(style=style)
                paragraph.paragraph_format.space_after = Pt(2)
                if number_id is not None:
                    _number(paragraph, number_id)
                _add_spans(paragraph, inner.spans)
                first = False
            elif isinstance(inner, NoteList):
                _note_list(word, inner, depth + 1)
            else:
                _note_elements(word, [inner], depth=depth + 1)


def _restarted_numbering(word: WordDocument, style_name: str, start: int) -> int:
    """A new numbering instance for ``style_name``'s list that starts at ``start``: Word
    otherwise carries on counting from the previous numbered list in the document."""
    style = word.styles[style_name]
    style_num = style.element.pPr.numPr.numId.val  # type: ignore[union-attr]
    numbering = word.part.numbering_part.element
    abstract_id = next(num.abstractNumId.val for num in numbering.num_lst if num.numId == style_num)
    number = numbering.add_num(abstract_id)
    override = number.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    return int(number.numId)


def _number(paragraph: WordParagraph, number_id: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = properties.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = number_id


def _border_bottom(paragraph: WordParagraph) -> None:
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement("w:bottom")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), "4")
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), RULE_COLOUR)
    borders.append(edge)
    paragraph._p.get_or_add_pPr().append(borders)


def _text_width(word: WordDocument) -> Emu:
    section = word.sections[0]
    return Emu(section.page_width - section.left_margin - section.right_margin)


def _chart(word: WordDocument, block: ChartBlock) -> None:
    word.add_heading(block_heading(block), level=1)
    picture = word.add_paragraph()
    picture.paragraph_format.keep_with_next = True
    picture.add_run().add_picture(io.BytesIO(chart_png(block.chart)), width=_text_width(word))
    if block.chart.caption.strip():
        word.add_paragraph(block.chart.caption.strip(), style="Caption")


def _table(word: WordDocument, block: TableBlock) -> None:
    word.add_heading(block_heading(block), level=1)
    if block.caption.strip():
        caption = word.add_paragraph(block.caption.strip(), style="Caption")
        caption.paragraph_format.keep_with_next = True
    columns = len(block.columns)
    if not block.rows:
        word.add_paragraph("No rows.")
        return
    table = word.add_table(rows=1 + len(block.rows), cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_borders(table)
    numeric = set(block.numeric)
    # About 95 characters of 8.5 pt text fit across the text width, padding included.
    shares = column_shares(block, line_chars=95)
    widths = [int(_text_width(word) * share) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)  # the grid, which LibreOffice reads; Word reads the cells
    rows = table.rows
    header = rows[0]
    _repeat_header(header)
    for index, name in enumerate(block.columns):
        cell = header.cells[index]
        _shade(cell, HEADER_FILL)
        run = cell.paragraphs[0].add_run(name)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    for row_index, values in enumerate(block.rows, start=1):
        cells = rows[row_index].cells
        for index in range(columns):
            text = values[index] if index < len(values) else ""
            cells[index].paragraphs[0].add_run(text)
            if row_index % 2 == 0:
                _shade(cells[index], ZEBRA_FILL)
    for row in rows:
        for index, cell in enumerate(row.cells):
            cell.width = Emu(widths[index])
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            for run in paragraph.runs:
                run.font.size = Pt(8.5)
                run.font.name = "Calibri"
            if index in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    word.add_paragraph()


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell: object, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)  # type: ignore[attr-defined]


def _table_borders(table: WordTable) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "bottom", "insideH"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:color"), RULE_COLOUR)
        borders.append(edge)
    properties.append(borders)
