"""The HTML export: one self-contained file that references nothing outside itself."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest

from briefing.briefings.document import ArticleBlock, NoteBlock, Paragraph
from briefing.export.briefing_export import export_briefing
from briefing.export.document_text import block_heading
from briefing.export.html_export import css_string
from tests.briefing_fixtures import EXCERPT, MARKING, TITLE, articles, briefing_document

# Attributes through which a page can make a browser load something.
REFERENCE_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
    "codebase",
    "manifest",
    "ping",
    "cite",
}
LOADING_TAGS = {
    "script",
    "link",
    "iframe",
    "frame",
    "object",
    "embed",
    "img",
    "audio",
    "video",
    "source",
    "track",
    "base",
    "form",
    "image",
    "foreignobject",
    "meta",
}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self._in_style = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "brief.html"
    assert export_briefing(briefing_document(), path, "html") == [path]
    return path.read_text(encoding="utf-8")


def _collect(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def assert_self_contained(page: str) -> None:
    collector = _collect(page)
    ids = {attrs["id"] for _, attrs in collector.tags if "id" in attrs}
    for tag, attrs in collector.tags:
        if tag in LOADING_TAGS - {"meta"}:
            raise AssertionError(f"<{tag}> may load something")
        if tag == "meta":
            assert set(attrs) <= {"charset", "http-equiv", "content", "name"}, attrs
            assert "url" not in attrs.get("content", "").lower()
            assert "refresh" not in attrs.get("http-equiv", "").lower()
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
            assert "//" not in value, f"{name}={value!r} on <{tag}>"
            assert not re.search(r"(?i)\b(https?|ftp|file|javascript|data):", value), value
            if name in REFERENCE_ATTRIBUTES:
                assert value.startswith("#") and value[1:] in ids, f"{name}={value!r}"
            if name == "style":
                assert "url(" not in value
    styles = "".join(collector.styles)
    assert "@import" not in styles
    assert "//" not in styles
    assert not re.search(r"url\((?!#)", styles)
    assert "@font-face" not in styles
    # Addresses appear only as printed text (an article's URL in its provenance line).
    for match in re.finditer(r"(?i)https?:|//", page):
        before = page[: match.start()]
        assert before.rfind("<") < before.rfind(">"), page[match.start() - 80 : match.end()]


def test_no_external_references(page: str) -> None:
    assert_self_contained(page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_the_check_catches_references() -> None:
    # The self-containment check must be able to fail.
    for bad in (
        '<img src="https://x.org/a.png">',
        '<a href="http://x.org">x</a>',
        "<style>@import 'x.css';</style>",
        '<div style="background: url(x.png)">',
        '<svg><use href="//x.org/s.svg#a"/></svg>',
        "<script>1</script>",
    ):
        with pytest.raises(AssertionError):
            assert_self_contained(f"<html><body>{bad}</body></html>")


def test_parses_and_has_the_blocks_in_order_with_anchored_contents(page: str) -> None:
    tree = lxml.html.document_fromstring(page)
    assert tree.findtext(".//title") == TITLE
    headings = [" ".join(h.text_content().split()) for h in tree.xpath("//main//h2")]
    assert headings == [block_heading(b) for b in briefing_document().blocks]
    links = tree.xpath("//nav[@class='contents']//a")
    assert [a.text_content() for a in links] == headings
    for link in links:
        target = tree.get_element_by_id(link.get("href")[1:])
        assert " ".join(target.xpath(".//h2")[0].text_content().split()) == link.text_content()


def test_content_and_escaping(page: str) -> None:
    tree = lxml.html.document_fromstring(page)
    text = " ".join(tree.text_content().split())
    assert "Сергей Рябков" in text and "“fully behind” the decision & urged" in text
    assert "Wire · 1 Feb 2019 · https://example.org/inf/1" in text
    assert tree.xpath("//blockquote/p")[0].text_content() == EXCERPT
    assert tree.xpath("//section[@class='note']//strong")[0].text == "very unlikely"
    assert tree.xpath("//section[@class='note']//em")[0].text == "public display"
    assert len(tree.xpath("//section[@class='note']//ul/li")) == 3
    assert len(tree.xpath("//section[@class='note']//ol/li")) == 3
    assert [h.text for h in tree.xpath("//article[1]//h3")] == ["TENSE TIES", "WHAT COMES NEXT"]
    assert "the decision &amp; urged" in page


def test_charts_are_inline_svg_with_unique_ids(page: str) -> None:
    tree = lxml.html.document_fromstring(page)
    figures = tree.xpath("//figure[@class='chart']")
    assert len(figures) == 2
    for figure in figures:
        assert figure.xpath(".//svg")
        assert figure.xpath(".//figcaption")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_tables(page: str) -> None:
    tree = lxml.html.document_fromstring(page)
    entities, dates = tree.xpath("//table")
    assert [th.text for th in entities.xpath(".//thead//th")] == [
        "Entity",
        "Type",
        "Articles",
        "Mentions",
    ]
    assert len(entities.xpath(".//tbody/tr")) == 20 and len(dates.xpath(".//tbody/tr")) == 40
    first = entities.xpath(".//tbody/tr[1]/td")
    assert first[3].get("class") == "num" and first[0].get("class") is None
    assert (
        dates.xpath(".//tbody/tr[1]/td")[1].text == "Event 1: talks | consultations on compliance"
    )


def test_print_stylesheet_page_size_and_marking(page: str) -> None:
    assert "size: A4;" in page
    assert "@media print" in page
    assert f"@top-center {{ content: {css_string(MARKING)};" in page
    assert f"@bottom-center {{ content: {css_string(MARKING)};" in page
    assert 'counter(page) " of " counter(pages)' in page
    tree = lxml.html.document_fromstring(page)
    body = tree.body
    assert body[0].get("class") == "marking marking-top" and body[0].text == MARKING
    assert body[-1].get("class") == "marking marking-bottom" and body[-1].text == MARKING


def test_css_strings_cannot_break_out() -> None:
    escaped = css_string('A"B\\C</style><script>')
    assert escaped.startswith('"') and escaped.endswith('"')
    inner = escaped[1:-1]
    assert '"' not in inner and "<" not in inner and ">" not in inner
    assert inner.count("\\") == len(re.findall(r"\\[0-9a-f]+ ", inner))


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    first = articles()[0]
    hostile = ArticleBlock(
        dataclasses.replace(first.provenance, title='<img src="https://x.org/p.png">', url="//x"),
        "<script>alert(1)</script>",
        "</style><link href='https://x.org/a.css'>",
        (Paragraph('<a href="http://evil.example">click</a> & more'),),
    )
    note = NoteBlock("**<b>x</b>** [link](https://evil.example/z) <iframe src=//x></iframe>")
    document = dataclasses.replace(
        briefing_document(),
        title="</title><script>",
        marking='"; } @import "x',
        blocks=(hostile, note),
    )
    path = tmp_path / "hostile.html"
    export_briefing(document, path, "html", page_size="Letter")
    page = path.read_text(encoding="utf-8")
    assert_self_contained(page)
    assert "size: letter;" in page
    tree = lxml.html.document_fromstring(page)
    assert tree.findtext(".//title") == "</title><script>"
    assert '<a href="http://evil.example">click</a> & more' in tree.text_content()
