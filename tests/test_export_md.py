"""The Markdown export: NAME.md with its PNG charts in NAME_files/, relative links that
resolve, pipe tables, quotes, the marking first and last; rendered back with markdown-it to
check nothing in the text turned into markup."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest
from markdown_it import MarkdownIt

from briefing.briefings.document import ArticleBlock, NoteBlock, Paragraph
from briefing.export.briefing_export import export_briefing
from briefing.export.document_text import block_heading
from tests.briefing_fixtures import EXCERPT, MARKING, TITLE, articles, briefing_document


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    path = tmp_path_factory.mktemp("md") / "INF brief.md"
    return path, export_briefing(briefing_document(), path, "md")


def _render(markdown: str) -> lxml.html.HtmlElement:
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return lxml.html.fragment_fromstring(html, create_parent="div")


def test_files_written_are_the_document_and_its_images(
    exported: tuple[Path, list[Path]],
) -> None:
    path, written = exported
    folder = path.with_name("INF brief_files")
    assert written == [path, folder / "chart-1.png", folder / "chart-2.png"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["INF brief.md", "INF brief_files"]
    for image in written[1:]:
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_image_links_are_relative_and_resolve(exported: tuple[Path, list[Path]]) -> None:
    path, _ = exported
    text = path.read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links == ["INF%20brief_files/chart-1.png", "INF%20brief_files/chart-2.png"]
    for link in links:
        assert not link.startswith(("/", "http"))
        assert (path.parent / unquote(link)).is_file()


def test_marking_is_the_first_and_last_line(exported: tuple[Path, list[Path]]) -> None:
    lines = exported[0].read_text(encoding="utf-8").splitlines()
    assert MARKING in lines[0] and MARKING in lines[-1]


def test_headings_in_order_and_content(exported: tuple[Path, list[Path]]) -> None:
    text = exported[0].read_text(encoding="utf-8")
    tree = _render(text)
    assert tree.xpath("//h1")[0].text_content() == TITLE
    h2 = [h.text_content() for h in tree.xpath("//h2")]
    assert h2 == ["Contents"] + [block_heading(b) for b in briefing_document().blocks]
    assert tree.xpath("//blockquote/p")[0].text_content() == EXCERPT
    assert "Сергей Рябков" in text and "“fully behind” the decision & urged" in text
    assert [s.text for s in tree.xpath("//strong")][:3] == [
        MARKING,
        "very unlikely",
        "2 February 2019",
    ]
    assert "public display" in [e.text for e in tree.xpath("//em")]
    assert len(tree.xpath("//ul/li")) == 3
    assert len(tree.xpath("//ol/li")) == 3 + 9  # the note's list and the contents
    captions = [e.text for e in tree.xpath("//p/em")]
    assert "Articles mentioning “INF Treaty”, Jan 2017 – Dec 2018, by month" in captions


def test_pipe_tables_with_escaped_pipes_and_numeric_alignment(
    exported: tuple[Path, list[Path]],
) -> None:
    text = exported[0].read_text(encoding="utf-8")
    assert "| Entity | Type | Articles | Mentions |\n| --- | --- | ---: | ---: |" in text
    assert "| 1987-12-08 | Event 1: talks \\| consultations on compliance |" in text
    tables = _render(text).xpath("//table")
    assert len(tables) == 2
    entities, dates = tables
    assert len(entities.xpath(".//tbody/tr")) == 20 and len(dates.xpath(".//tbody/tr")) == 40
    cells = dates.xpath(".//tbody/tr[1]/td")
    assert [c.text_content() for c in cells][:2] == [
        "1987-12-08",
        "Event 1: talks | consultations on compliance",
    ]
    assert entities.xpath(".//tbody/tr[1]/td[4]")[0].get("style") == "text-align:right"


def test_text_that_looks_like_markdown_stays_text(tmp_path: Path) -> None:
    first = articles()[0]
    hostile = ArticleBlock(
        dataclasses.replace(first.provenance, title="# Not *a* heading_"),
        "",
        "",
        (
            Paragraph("1. not a list"),
            Paragraph("- nor this, *or this*, `code`, [link](x) <b>tag</b> | pipe"),
            Paragraph("# not a heading"),
        ),
    )
    note = NoteBlock("Real **bold** and <i>not italic</i>")
    document = dataclasses.replace(briefing_document(), blocks=(hostile, note), marking="")
    path = tmp_path / "hostile.md"
    export_briefing(document, path, "md")
    tree = _render(path.read_text(encoding="utf-8"))
    paragraphs = [p.text_content() for p in tree.xpath("//p")]
    assert "1. not a list" in paragraphs
    assert "- nor this, *or this*, `code`, [link](x) <b>tag</b> | pipe" in paragraphs
    assert "# not a heading" in paragraphs
    assert "Real bold and <i>not italic</i>" in paragraphs
    assert [h.text_content() for h in tree.xpath("//h2")][1] == "# Not *a* heading_"
    assert not tree.xpath("//a") and not tree.xpath("//code")
    assert [li.text_content() for li in tree.xpath("//li")] == ["# Not *a* heading_", "Note"]
    assert [b.text for b in tree.xpath("//strong")] == ["bold"]
    assert not path.with_name("hostile_files").exists()  # no charts, no folder
