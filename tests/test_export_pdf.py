"""The PDF export, read back with pypdf: order, marking on every page, page numbers, contents,
metadata, Unicode, vector charts, tables over pages, page sizes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.briefings.document import ArticleBlock, BriefingDocument, Paragraph
from briefing.export.briefing_export import export_briefing
from briefing.export.document_text import block_heading
from tests.briefing_fixtures import EXCERPT, MARKING, TITLE, articles, briefing_document


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    path = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    assert export_briefing(briefing_document(), path, "pdf") == [path]
    return PdfReader(path)


def _pages(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_blocks_appear_in_order_after_the_contents(pdf: PdfReader) -> None:
    pages = _pages(pdf)
    body = " ".join(pages[2:])
    positions = []
    for block in briefing_document().blocks:
        heading = " ".join(block_heading(block).split())
        assert heading in body, heading
        start = positions[-1] + 1 if positions else 0
        positions.append(body.index(heading, start))
    assert positions == sorted(positions)


def test_title_page_then_contents_with_page_numbers(pdf: PdfReader) -> None:
    pages = _pages(pdf)
    assert TITLE in " ".join(pdf.pages[0].extract_text().split())
    assert "J. Analyst, Strategic Assessments" in pages[0]
    assert "4 February 2019" in pages[0]
    contents = pages[1]
    assert contents.startswith("Contents") or "Contents" in contents
    for block in briefing_document().blocks:
        assert " ".join(block_heading(block).split()) in contents
    # Each entry ends with its page number: the first section starts on page 3.
    assert re.search(r"Key judgements[ .]*3\b", contents)


def test_marking_at_top_and_bottom_of_every_page(pdf: PdfReader) -> None:
    for number, text in enumerate(_pages(pdf), start=1):
        assert text.count(MARKING) >= 2, f"page {number}: {text[:200]}"


def test_page_numbers_say_n_of_total(pdf: PdfReader) -> None:
    pages = _pages(pdf)
    total = len(pages)
    assert 6 <= total <= 14
    assert f"Page 1 of {total}" not in pages[0]  # the title page is not numbered
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text


def test_metadata(pdf: PdfReader) -> None:
    metadata = pdf.metadata
    assert metadata is not None
    assert metadata.title == TITLE
    assert metadata.author == "J. Analyst, Strategic Assessments"


def test_unicode_survives_with_embedded_dejavu(pdf: PdfReader) -> None:
    text = " ".join(_pages(pdf))
    assert "Сергей Рябков" in text
    assert "Олег Иванов" in text
    assert "“fully behind” the decision & urged" in text
    assert "„ready for dialogue“" in text
    assert "480 km — “well within the limits”" in text
    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVuSerif" in f for f in fonts) and any("DejaVuSans" in f for f in fonts)


def test_article_parts(pdf: PdfReader) -> None:
    text = " ".join(_pages(pdf)[2:])
    assert "ARMS CONTROL" in text
    assert "Wire · 1 Feb 2019 · https://example.org/inf/1" in text
    assert "By Jane Smith" in text
    assert "TENSE TIES" in text
    assert text.index("TENSE TIES") < text.index("Russia denies the charge")
    assert "cut off in its source" in text  # the third article is truncated
    assert " ".join(EXCERPT.split()) in text
    assert "Comment: The only public figure for the range." in text


def test_note_keeps_lists(pdf: PdfReader) -> None:
    text = " ".join(_pages(pdf)[2:])
    assert "• Washington suspends its obligations on 2 February 2019." in text
    assert "1 Flight tests of ground-launched systems above 500 km." in text
    assert "3 Any New START extension talks" in text


def test_charts_are_vector_with_captions_and_text_labels(pdf: PdfReader) -> None:
    for page in pdf.pages:
        assert not page.images  # nothing rasterised
    text = " ".join(_pages(pdf))
    assert "Articles mentioning “INF Treaty”, Jan 2017 – Dec 2018, by month" in text
    assert "Weapon systems in the 38 articles" in text
    # The range chart's labels are real text in the PDF (searchable, selectable).
    for label in ("Hwasong-15", "INF Treaty 500–5,500 km", "Range, km (logarithmic scale)"):
        assert label in text
    chart_page = next(p for p in pdf.pages[2:] if "Stated ranges" in p.extract_text())
    assert len(chart_page.get_contents().get_data()) > 20_000  # paths, not a picture


def test_long_table_runs_over_pages_with_its_header_repeated(pdf: PdfReader) -> None:
    pages = _pages(pdf)
    first = next(i for i, t in enumerate(pages) if "Event 1: talks" in t)
    last = next(i for i, t in enumerate(pages) if "Event 40:" in t)
    assert last > first
    for index in range(first, last + 1):
        assert re.search(r"Date What Article", pages[index]), index
    text = " ".join(pages)
    assert "talks | consultations on compliance" in text
    assert text.index("Event 9:") < text.index("Event 10:") < text.index("Event 39:")


def test_numeric_columns_are_right_aligned(pdf: PdfReader) -> None:
    page = next(p for p in pdf.pages[2:] if "Mentions" in p.extract_text())
    positions: dict[str, list[float]] = {}

    def visit(text: str, _cm: list, tm: list, _font: object, _size: float) -> None:
        if text.strip() in {"48", "Mentions", "United States"}:
            positions.setdefault(text.strip(), []).append(tm[4])

    page.extract_text(visitor_text=visit)
    # Right-aligned: the number starts well to the right of its wider header; the text column
    # starts where its header starts.
    assert positions["48"][0] - positions["Mentions"][0] > 15
    assert positions["United States"][0] == pytest.approx(min(positions["United States"]))


def test_letter_and_a4_page_sizes_differ(tmp_path: Path) -> None:
    document = _short()
    a4 = tmp_path / "a4.pdf"
    letter = tmp_path / "letter.pdf"
    export_briefing(document, a4, "pdf", page_size="A4")
    export_briefing(document, letter, "pdf", page_size="letter")
    a4_box = PdfReader(a4).pages[0].mediabox
    letter_box = PdfReader(letter).pages[0].mediabox
    assert (round(float(a4_box.width)), round(float(a4_box.height))) == (595, 842)
    assert (round(float(letter_box.width)), round(float(letter_box.height))) == (612, 792)


def _short(**changes: object) -> BriefingDocument:
    changes.setdefault("blocks", articles()[:1])
    return dataclasses.replace(briefing_document(), **changes)  # type: ignore[arg-type]


def test_no_marking_prints_none(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    export_briefing(_short(marking=""), path, "pdf")
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "OFFICIAL" not in text
    assert "Page 2 of" in text


def test_markup_characters_in_text_are_printed_not_interpreted(tmp_path: Path) -> None:
    first = articles()[0]
    hostile = ArticleBlock(
        dataclasses.replace(first.provenance, title="<b>Not bold</b> & <i>co</i>"),
        "A&B <font>",
        "Deck with <br/> inside",
        (Paragraph("x < y & y > z, <script>alert(1)</script> <para>"),),
    )
    path = tmp_path / "hostile.pdf"
    export_briefing(_short(blocks=(hostile,), title="R&D <review>"), path, "pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "<b>Not bold</b> & <i>co</i>" in text
    assert "x < y & y > z, <script>alert(1)</script> <para>" in text
    assert "Deck with <br/> inside" in text
    assert "R&D <review>" in text
