"""The Word export, opened with python-docx: headings in order, tables, pictures, notes,
marking in header and footer, page size, properties."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing.export.briefing_export import export_briefing
from briefing.export.document_text import block_heading
from tests.briefing_fixtures import EXCERPT, MARKING, TITLE, articles, briefing_document


@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> WordDocument:
    path = tmp_path_factory.mktemp("docx") / "brief.docx"
    assert export_briefing(briefing_document(), path, "docx") == [path]
    return docx.Document(str(path))


def _body(word: WordDocument) -> list[Paragraph | Table]:
    """Paragraphs and tables in document order."""
    items: list[Paragraph | Table] = []
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            items.append(Paragraph(child, word))
        elif child.tag == qn("w:tbl"):
            items.append(Table(child, word))
    return items


def test_heading_1_per_block_in_order(word: WordDocument) -> None:
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [block_heading(b) for b in briefing_document().blocks]


def test_title_page_and_contents(word: WordDocument) -> None:
    texts = [p.text for p in word.paragraphs]
    assert texts[1] == TITLE
    assert word.paragraphs[1].style.name == "Title"
    assert "Prepared by J. Analyst, Strategic Assessments" in texts
    assert "4 February 2019" in texts
    contents = texts.index("Contents")
    first_heading = next(i for i, p in enumerate(word.paragraphs) if p.style.name == "Heading 1")
    assert contents < first_heading
    listed = texts[contents + 1 : first_heading]
    for block in briefing_document().blocks:
        assert block_heading(block) in listed
    assert 'TOC \\o "1-1"' in word.element.body.xml


def test_pictures_and_tables_sit_under_their_headings(word: WordDocument) -> None:
    assert len(word.inline_shapes) == 2
    order: list[str] = []
    for item in _body(word):
        if isinstance(item, Table):
            order.append(f"table:{item.rows[0].cells[0].text}")
        elif item.style.name == "Heading 1":
            order.append(item.text)
        elif item._p.xpath(".//pic:pic"):
            order.append("picture")
    assert order.index("Timeline of dates mentioned") + 1 == order.index("picture")
    pictures = [i for i, name in enumerate(order) if name == "picture"]
    assert order[pictures[1] - 1] == "Stated ranges"
    assert order[order.index("Entities") + 1] == "table:Entity"
    assert order[order.index("Key dates") + 1] == "table:Date"
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert "Articles mentioning “INF Treaty”, Jan 2017 – Dec 2018, by month" in captions


def test_tables_have_a_repeating_styled_header_and_right_aligned_numbers(
    word: WordDocument,
) -> None:
    entities, dates = word.tables
    assert len(entities.rows) == 21 and len(dates.rows) == 41
    assert [c.text for c in entities.rows[0].cells] == ["Entity", "Type", "Articles", "Mentions"]
    for table in (entities, dates):
        header = table.rows[0]
        assert header._tr.xpath("./w:trPr/w:tblHeader")
        assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
        assert not table.rows[1]._tr.xpath("./w:trPr/w:tblHeader")
    assert entities.rows[1].cells[3].text == "48"
    assert entities.rows[1].cells[3].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert entities.rows[1].cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT
    assert dates.rows[1].cells[1].text == "Event 1: talks | consultations on compliance"
    # Zebra rows: every other body row is shaded.
    shaded = [bool(r.cells[0]._tc.xpath("./w:tcPr/w:shd")) for r in entities.rows[1:5]]
    assert shaded == [False, True, False, True]


def test_articles_excerpt_and_note(word: WordDocument) -> None:
    paragraphs = word.paragraphs
    texts = [p.text for p in paragraphs]
    assert "ARMS CONTROL" in texts
    assert "Wire · 1 Feb 2019 · https://example.org/inf/1" in texts
    subheads = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert subheads[:3] == ["TENSE TIES", "WHAT COMES NEXT", "ON DISPLAY"]
    assert any("Сергей Рябков" in t for t in texts)
    quotes = [p.text for p in paragraphs if p.style.name == "Quote"]
    assert quotes == [EXCERPT]
    bullets = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    numbers = [p for p in paragraphs if p.style.name == "List Number"]
    assert len(bullets) == 3 and len(numbers) == 3
    runs = {run.text: run for p in paragraphs for run in p.runs}
    assert runs["very unlikely"].bold
    assert runs["public display"].italic
    assert runs["New START"].italic and runs["last"].bold
    # Each numbered list restarts at its own start rather than carrying on from an earlier one.
    ids = {p._p.pPr.numPr.numId.val for p in numbers}
    assert len(ids) == 1
    number_id = ids.pop()
    numbering = word.part.numbering_part.element
    (num,) = [n for n in numbering.num_lst if n.numId == number_id]
    assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_marking_in_header_and_footer_and_page_numbers(word: WordDocument) -> None:
    section = word.sections[0]
    for part in (section.header, section.footer, section.first_page_header):
        assert MARKING in [p.text for p in part.paragraphs]
    assert MARKING in [p.text for p in section.first_page_footer.paragraphs]
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml


def test_properties_and_a4_page(word: WordDocument) -> None:
    assert word.core_properties.title == TITLE
    assert word.core_properties.author == "J. Analyst, Strategic Assessments"
    section = word.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_letter_page(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = dataclasses.replace(briefing_document(), blocks=articles()[:1], marking="")
    export_briefing(document, path, "docx", page_size="Letter")
    word = docx.Document(str(path))
    section = word.sections[0]
    assert round(section.page_width.inches, 2) == 8.5 and round(section.page_height.inches) == 11
    assert all(not p.text for p in section.header.paragraphs)


def test_an_article_heading_stays_with_its_first_paragraph(word: WordDocument) -> None:
    # Heading, deck, byline and provenance line all keep with the next paragraph, so Word
    # never leaves a headline alone at the foot of a page.
    paragraphs = [p for p in _body(word) if isinstance(p, Paragraph)]
    for block in articles():
        index = next(
            i
            for i, p in enumerate(paragraphs)
            if p.text == block_heading(block)
            and p.style is not None
            and p.style.name == "Heading 1"
        )
        first_body = next(
            i
            for i in range(index + 1, len(paragraphs))
            if paragraphs[i].text.strip() == block.paragraphs[0].text.strip()
        )
        for paragraph in paragraphs[index + 1 : first_body]:
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
