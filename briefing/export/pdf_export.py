"""A briefing as PDF, laid out with reportlab's platypus.

A title page (title, author, date, marking), a table of contents with page numbers
(``TableOfContents`` filled by ``multiBuild``; entries are links, and the PDF has a matching
outline), then each block in order. The marking is printed at the top and bottom of every
page, the title page included; every page after the title page says "Page 3 of 12" (the total
is known only once the document is laid out, so pages are kept and numbered on ``save``).

Type is DejaVu Serif for reading and DejaVu Sans for headings and tables, registered from the
TTFs matplotlib ships (reportlab's built-in Helvetica has no Cyrillic, no curly quotes in every
position and no "×"), embedded as subsets. Charts are vector: matplotlib's SVG read into a
reportlab drawing by svglib, so they scale and print crisply and need no raster step.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tableofcontents import TableOfContents
from svglib.fonts import register_font as register_svg_font
from svglib.svglib import svg2rlg

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
from briefing.export.chart_render import FONT as CHART_FONT
from briefing.export.chart_render import chart_svg
from briefing.export.document_text import (
    TRUNCATED_NOTICE,
    block_heading,
    contents_summary,
    note_body,
    provenance_line,
    title_page,
)
from briefing.export.export_progress import ExportError, Steps
from briefing.export.notes_markup import (
    NoteElement,
    NoteHeading,
    NoteList,
    NoteParagraph,
    NoteQuote,
    NoteRule,
    Span,
)

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "LETTER": letter}
MARGIN_X = 22 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 24 * mm

SANS = "BriefingSans"
SERIF = "BriefingSerif"
MONO = "BriefingMono"

INK_COLOUR = colors.HexColor(INK)
SLATE_COLOUR = colors.HexColor(SLATE)
MUTED = colors.HexColor("#69717a")
HAIRLINE = colors.HexColor("#c9ced3")
ZEBRA = colors.HexColor("#f2f4f6")
QUOTE_FILL = colors.HexColor("#f5f6f4")
MARKING_COLOUR = colors.HexColor("#8b1e1e")


@cache
def register_fonts() -> None:
    """DejaVu Sans, Serif and Mono with their bold and italic faces, from matplotlib's own
    copies (nothing is downloaded; matplotlib is a dependency for the charts anyway). The sans
    faces are registered through svglib too, so the charts' "DejaVu Sans" text maps to them
    instead of whatever font the machine has (or Helvetica, which lacks Cyrillic)."""
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    # matplotlib writes bold as font-weight 700; svglib looks weights up by their words. First,
    # because registering a font resets its family's bold/italic links, set up below.
    for weight, file, name in (
        ("normal", "DejaVuSans", SANS),
        ("bold", "DejaVuSans-Bold", f"{SANS}-Bold"),
        ("700", "DejaVuSans-Bold", f"{SANS}-Bold"),
    ):
        register_svg_font(CHART_FONT, str(folder / f"{file}.ttf"), weight, rlgFontName=name)
    faces = {
        SANS: ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
        SERIF: ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"),
        MONO: (
            "DejaVuSansMono",
            "DejaVuSansMono-Bold",
            "DejaVuSansMono-Oblique",
            "DejaVuSansMono-BoldOblique",
        ),
    }
    for family, files in faces.items():
        names = (family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")
        for name, file in zip(names, files, strict=True):
            pdfmetrics.registerFont(TTFont(name, str(folder / f"{file}.ttf")))
        pdfmetrics.registerFontFamily(
            family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
        )


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": SERIF,
        "fontSize": 9.6,
        "leading": 14,
        "textColor": INK_COLOUR,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "body": _style("body", spaceAfter=6),
        "item": _style("item", spaceAfter=2),
        "kicker": _style(
            "kicker", fontName=f"{SANS}-Bold", fontSize=7.5, leading=10, textColor=SLATE_COLOUR
        ),
        "h1": _style(
            "h1",
            fontName=f"{SANS}-Bold",
            fontSize=15,
            leading=19,
            spaceAfter=4,
            textColor=colors.HexColor("#1e2830"),
        ),
        "h2": _style(
            "h2",
            fontName=f"{SANS}-Bold",
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            textColor=SLATE_COLOUR,
        ),
        "h3": _style(
            "h3",
            fontName=f"{SANS}-Bold",
            fontSize=9.6,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "subhead": _style(
            "subhead",
            fontName=f"{SANS}-Bold",
            fontSize=8.5,
            leading=12,
            spaceBefore=6,
            spaceAfter=3,
            textColor=SLATE_COLOUR,
        ),
        "deck": _style(
            "deck",
            fontName=f"{SERIF}-Italic",
            fontSize=11,
            leading=15,
            spaceAfter=5,
            textColor=colors.HexColor("#424b54"),
        ),
        "meta": _style(
            "meta", fontName=SANS, fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=1
        ),
        "notice": _style(
            "notice", fontName=f"{SANS}-Italic", fontSize=7.5, leading=10, textColor=MUTED
        ),
        "quote": _style("quote", fontName=f"{SERIF}-Italic", fontSize=10, leading=14.5),
        "attribution": _style(
            "attribution", fontName=SANS, fontSize=7.5, leading=10, textColor=MUTED, spaceBefore=4
        ),
        "comment": _style("comment", fontName=SANS, fontSize=8.5, leading=12, spaceBefore=6),
        "caption": _style(
            "caption", fontName=f"{SANS}-Italic", fontSize=7.5, leading=10, textColor=MUTED
        ),
        "cell": _style("cell", fontName=SANS, fontSize=7.8, leading=9.8),
        "cell_right": _style(
            "cell_right", fontName=SANS, fontSize=7.8, leading=9.8, alignment=TA_RIGHT
        ),
        "head": _style(
            "head", fontName=f"{SANS}-Bold", fontSize=7.8, leading=9.8, textColor=colors.white
        ),
        "head_right": _style(
            "head_right",
            fontName=f"{SANS}-Bold",
            fontSize=7.8,
            leading=9.8,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "title": _style(
            "title", fontName=f"{SANS}-Bold", fontSize=26, leading=31, textColor=INK_COLOUR
        ),
        "title_label": _style(
            "title_label",
            fontName=f"{SANS}-Bold",
            fontSize=9,
            leading=12,
            textColor=SLATE_COLOUR,
            spaceAfter=10,
        ),
        "title_line": _style(
            "title_line", fontName=SANS, fontSize=11, leading=16, textColor=INK_COLOUR
        ),
        "title_small": _style(
            "title_small", fontName=SANS, fontSize=8, leading=11, textColor=MUTED
        ),
        "title_marking": _style(
            "title_marking",
            fontName=f"{SANS}-Bold",
            fontSize=10,
            leading=13,
            textColor=MARKING_COLOUR,
            alignment=TA_CENTER,
        ),
        "contents": _style(
            "contents", fontName=f"{SANS}-Bold", fontSize=15, leading=19, spaceAfter=12
        ),
        "toc0": _style(
            "toc0", fontName=SANS, fontSize=9.5, leading=13, leftIndent=14, firstLineIndent=-14
        ),
        "toc1": _style(
            "toc1",
            fontName=SANS,
            fontSize=8.5,
            leading=12,
            leftIndent=28,
            firstLineIndent=-14,
            textColor=MUTED,
        ),
    }


def markup(text: str) -> str:
    """``text`` safe inside reportlab's Paragraph markup (& < > escaped, line breaks kept)."""
    return escape(text).replace("\n", "<br/>")


def spans_markup(spans: Iterable[Span]) -> str:
    parts = []
    for span in spans:
        text = markup(span.text)
        if span.code:
            text = f'<font face="{MONO}">{text}</font>'
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


class SectionHeading(Paragraph):
    """A heading the table of contents and the PDF outline list."""

    def __init__(self, text: str, style: ParagraphStyle, *, level: int, key: str) -> None:
        super().__init__(markup(text), style)
        self.toc_text = text
        self.toc_level = level
        self.toc_key = key


class VectorChart(Flowable):
    """A reportlab drawing scaled to the frame's width (and down to its height if taller)."""

    def __init__(self, drawing: Drawing, max_height: float) -> None:
        super().__init__()
        self.drawing = drawing
        self.max_height = max_height
        self.scale = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = float(self.drawing.width), float(self.drawing.height)
        self.scale = min(avail_width / width, self.max_height / height)
        self.width, self.height = width * self.scale, height * self.scale
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


def chart_drawing(block: ChartBlock) -> Drawing:
    """The chart as a reportlab drawing: matplotlib's SVG with its text as text, read by
    svglib with "DejaVu Sans" mapped to the registered font, so labels are embedded,
    selectable text rather than outlines."""
    register_fonts()
    svg = chart_svg(block.chart, text_as_paths=False)
    drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
    if drawing is None:
        raise ExportError(f"the chart {block.chart.title!r} could not be drawn")
    return drawing


def write_pdf(
    document: BriefingDocument, path: Path, *, page_size: str, steps: Steps
) -> list[Path]:
    """Write ``document`` to ``path`` as PDF."""
    size = PAGE_SIZES[page_size.upper()]
    register_fonts()
    sheet = styles()
    title = title_page(document)
    template = _DocTemplate(
        str(path),
        pagesize=size,
        steps=steps,
        title=title.title,
        author=title.author,
        subject=title.marking,
        creator="Briefing",
        producer="Briefing (reportlab)",
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    story: list[Flowable] = [*_title_flowables(document), NextPageTemplate("body"), PageBreak()]
    toc = TableOfContents(levelStyles=[sheet["toc0"], sheet["toc1"]], dotsMinLevel=0)
    story += [Paragraph("Contents", sheet["contents"]), toc, PageBreak()]
    max_height = template.frame_height - 40
    for index, block in enumerate(document.blocks):
        story += _block_flowables(block, f"s{index + 1}", template.frame_width, max_height)
        steps.advance()
    canvas_maker = _numbered_canvas(title.marking, title.title)
    try:
        template.multiBuild(story, canvasmaker=canvas_maker)
    except ExportError:
        raise
    except Exception as error:  # reportlab's LayoutError and friends: say which export failed
        raise ExportError(f"the PDF could not be laid out: {error}") from error
    return [path]


class _DocTemplate(BaseDocTemplate):
    def __init__(self, filename: str, *, steps: Steps, **kwargs: Any) -> None:
        super().__init__(filename, **kwargs)
        self._steps = steps
        width, height = self.pagesize
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            width - self.leftMargin - self.rightMargin,
            height - self.topMargin - self.bottomMargin,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.frame_width: float = frame._width
        self.frame_height: float = frame._height
        self.addPageTemplates(
            [PageTemplate(id="title", frames=[frame]), PageTemplate(id="body", frames=[frame])]
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        self._steps.check()
        if isinstance(flowable, SectionHeading):
            key = flowable.toc_key
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.toc_text, key, level=flowable.toc_level)
            self.notify("TOCEntry", (flowable.toc_level, markup(flowable.toc_text), self.page, key))


def _numbered_canvas(marking: str, title: str) -> Callable[..., Canvas]:
    """A canvas that holds its pages until ``save`` so each can say "Page n of N", and prints
    the marking at the top and bottom of every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            number = self._pageNumber
            self.saveState()
            if marking:
                self.setFont(f"{SANS}-Bold", 8.5)
                self.setFillColor(MARKING_COLOUR)
                self.drawCentredString(width / 2, height - 12 * mm, marking)
                self.drawCentredString(width / 2, 9 * mm, marking)
            if number > 1:
                self.setFont(SANS, 7.5)
                self.setFillColor(MUTED)
                self.setStrokeColor(HAIRLINE)
                self.setLineWidth(0.5)
                self.line(MARGIN_X, 17.5 * mm, width - MARGIN_X, 17.5 * mm)
                self.drawString(MARGIN_X, 14 * mm, _clip(title, 80))
                self.drawRightString(width - MARGIN_X, 14 * mm, f"Page {number} of {total}")
            self.restoreState()

    return NumberedCanvas


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _title_flowables(document: BriefingDocument) -> list[Flowable]:
    sheet = styles()
    page = title_page(document)
    counts = contents_summary(document.blocks)
    flowables: list[Flowable] = [Spacer(1, 52 * mm), Paragraph("BRIEFING", sheet["title_label"])]
    flowables.append(Paragraph(markup(page.title), sheet["title"]))
    flowables.append(Spacer(1, 6 * mm))
    flowables.append(HRFlowable(width="100%", thickness=1.6, color=SLATE_COLOUR, spaceAfter=6 * mm))
    if page.author:
        flowables.append(Paragraph(f"Prepared by {markup(page.author)}", sheet["title_line"]))
    flowables.append(Paragraph(markup(page.date), sheet["title_line"]))
    if counts:
        flowables.append(Spacer(1, 4 * mm))
        flowables.append(Paragraph(markup(counts), sheet["title_small"]))
    if page.marking:
        box = Table([[Paragraph(markup(page.marking), sheet["title_marking"])]], colWidths=["100%"])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.9, MARKING_COLOUR),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        flowables += [Spacer(1, 22 * mm), box]
    if page.generated:
        flowables.append(Spacer(1, 14 * mm))
        flowables.append(Paragraph(markup(page.generated), sheet["title_small"]))
    return flowables


def _block_flowables(block: Block, key: str, width: float, max_height: float) -> list[Flowable]:
    sheet = styles()
    heading = SectionHeading(block_heading(block), sheet["h1"], level=0, key=key)
    # Start a section on a new page rather than strand its heading at the foot of one.
    opening: list[Flowable] = [CondPageBreak(60 * mm)]
    if isinstance(block, ArticleBlock):
        return opening + _article(block, heading)
    if isinstance(block, ExcerptBlock):
        return opening + _excerpt(block, heading)
    if isinstance(block, NoteBlock):
        return [*opening, heading, *_note(block), Spacer(1, 10)]
    if isinstance(block, ChartBlock):
        return opening + _chart(block, heading, max_height)
    if isinstance(block, TableBlock):
        return opening + _table(block, heading, width, max_height)
    raise TypeError(f"unknown block {type(block).__name__}")


def _article(block: ArticleBlock, heading: SectionHeading) -> list[Flowable]:
    sheet = styles()
    top: list[Flowable] = []
    if block.kicker.strip():
        top.append(Paragraph(markup(block.kicker.strip().upper()), sheet["kicker"]))
    top.append(heading)
    if block.deck.strip():
        top.append(Paragraph(markup(block.deck.strip()), sheet["deck"]))
    if block.byline.strip():
        top.append(Paragraph(markup(block.byline.strip()), sheet["meta"]))
    top.append(Paragraph(markup(provenance_line(block.provenance)), sheet["meta"]))
    top.append(Spacer(1, 6))
    body: list[Flowable] = []
    for paragraph in block.paragraphs:
        style = sheet["subhead"] if paragraph.subhead else sheet["body"]
        body.append(Paragraph(markup(paragraph.text), style))
    if block.truncated:
        body.append(Paragraph(markup(TRUNCATED_NOTICE), sheet["notice"]))
    # The headline stays with the first lines of its story.
    first = body[:2]
    return [KeepTogether(top + first), *body[2:], Spacer(1, 14)]


def _excerpt(block: ExcerptBlock, heading: SectionHeading) -> list[Flowable]:
    sheet = styles()
    cells: list[list[Flowable]] = [
        [Paragraph(markup(part.strip()), sheet["quote"])]
        for part in block.text.split("\n\n")
        if part.strip()
    ]
    attribution = f"— {headline_of(block)}, {provenance_line(block.provenance)}"
    cells.append([Paragraph(markup(attribution), sheet["attribution"])])
    quote = Table(cells, colWidths=["100%"], splitInRow=1)
    quote.setStyle(
        TableStyle(
            [
                ("LINEBEFORE", (0, 0), (0, -1), 2.4, SLATE_COLOUR),
                ("BACKGROUND", (0, 0), (-1, -1), QUOTE_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    flowables: list[Flowable] = [KeepTogether([heading, quote])]
    if block.comment.strip():
        comment = f"<b>Comment:</b> {markup(block.comment.strip())}"
        flowables.append(Paragraph(comment, sheet["comment"]))
    return [*flowables, Spacer(1, 14)]


def headline_of(block: ExcerptBlock) -> str:
    return block.provenance.title.strip() or "untitled article"


def _note(block: NoteBlock) -> list[Flowable]:
    return _note_elements(note_body(block))


def _note_elements(elements: Iterable[NoteElement], *, in_list: bool = False) -> list[Flowable]:
    sheet = styles()
    flowables: list[Flowable] = []
    for element in elements:
        if isinstance(element, NoteParagraph):
            style = sheet["item"] if in_list else sheet["body"]
            flowables.append(Paragraph(spans_markup(element.spans), style))
        elif isinstance(element, NoteHeading):
            style = sheet["h2"] if element.level <= 2 else sheet["h3"]
            flowables.append(Paragraph(spans_markup(element.spans), style))
        elif isinstance(element, NoteList):
            items = [
                ListItem(_note_elements(item.blocks, in_list=True) or [Spacer(1, 0)])
                for item in element.items
            ]
            flowables.append(
                ListFlowable(
                    items,
                    bulletType="1" if element.ordered else "bullet",
                    start=element.start if element.ordered else "•",
                    bulletFontName=SANS,
                    bulletFontSize=8.5,
                    bulletColor=SLATE_COLOUR,
                    leftIndent=16,
                    bulletDedent=12,
                    spaceAfter=4,
                )
            )
        elif isinstance(element, NoteQuote):
            inner = _note_elements(element.blocks)
            quote = Table([[f] for f in inner] or [[""]], colWidths=["100%"], splitInRow=1)
            quote.setStyle(
                TableStyle(
                    [
                        ("LINEBEFORE", (0, 0), (0, -1), 2, HAIRLINE),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ]
                )
            )
            flowables.append(quote)
        elif isinstance(element, NoteRule):
            flowables.append(HRFlowable(width="100%", thickness=0.5, color=HAIRLINE))
    return flowables


def _chart(block: ChartBlock, heading: SectionHeading, max_height: float) -> list[Flowable]:
    sheet = styles()
    parts: list[Flowable] = [heading, Spacer(1, 4), VectorChart(chart_drawing(block), max_height)]
    if block.chart.caption.strip():
        parts.append(Spacer(1, 4))
        parts.append(Paragraph(markup(block.chart.caption.strip()), sheet["caption"]))
    return [KeepTogether(parts), Spacer(1, 14)]


def _table(
    block: TableBlock, heading: SectionHeading, width: float, max_height: float
) -> list[Flowable]:
    sheet = styles()
    columns = len(block.columns)
    numeric = set(block.numeric)
    head = [
        Paragraph(markup(name), sheet["head_right" if i in numeric else "head"])
        for i, name in enumerate(block.columns)
    ]
    rows = [head]
    for row in block.rows:
        cells = [*row[:columns], *([""] * (columns - len(row)))]
        rows.append(
            [
                Paragraph(markup(cell), sheet["cell_right" if i in numeric else "cell"])
                for i, cell in enumerate(cells)
            ]
        )
    table = Table(rows, colWidths=_column_widths(block, width), repeatRows=1, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), SLATE_COLOUR),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, HAIRLINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    for index in numeric:
        commands.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    table.setStyle(TableStyle(commands))
    top: list[Flowable] = [heading]
    if block.caption.strip():
        top.append(Paragraph(markup(block.caption.strip()), sheet["caption"]))
    top.append(Spacer(1, 5))
    if not block.rows:
        top.append(Paragraph("No rows.", sheet["notice"]))
        return [*top, Spacer(1, 14)]
    _, height = table.wrap(width, max_height)
    if height < max_height * 0.8:
        return [KeepTogether([*top, table]), Spacer(1, 14)]
    # A long table splits across pages (its header row repeated); the page break before the
    # section keeps its heading with the first rows.
    return [*top, table, Spacer(1, 14)]


def _column_widths(block: TableBlock, width: float) -> list[float]:
    """Column widths in points: each column's longest word always fits (a date never breaks
    across lines); the space left over goes to the columns whose text is longest."""
    columns = len(block.columns)
    size = styles()["cell"].fontSize
    padding = 10.5
    natural: list[float] = []
    minimum: list[float] = []
    for index in range(columns):
        cells = [
            block.columns[index],
            *(row[index] for row in block.rows[:400] if index < len(row)),
        ]
        bold = pdfmetrics.stringWidth(block.columns[index], f"{SANS}-Bold", size)
        natural.append(
            max([bold, *(pdfmetrics.stringWidth(c, SANS, size) for c in cells)]) + padding
        )
        words = [word for cell in cells for word in cell.split()] or [""]
        longest_word = max(pdfmetrics.stringWidth(word, SANS, size) for word in words)
        minimum.append(min(max(longest_word, bold) + padding, width / columns))
    if sum(natural) <= width:
        # Room to spare goes to the text columns; numbers read best close to their labels.
        spare = width - sum(natural)
        text = [0.0 if i in block.numeric else n for i, n in enumerate(natural)]
        share = sum(text) or sum(natural)
        return [
            n + spare * (t if sum(text) else n) / share for n, t in zip(natural, text, strict=True)
        ]
    spare = width - sum(minimum)
    wants = [max(n - m, 0.0) for n, m in zip(natural, minimum, strict=True)]
    total_want = sum(wants) or 1.0
    return [m + spare * w / total_want for m, w in zip(minimum, wants, strict=True)]
