"""Notes: Markdown parsed into the small block/inline model every exporter renders."""

from __future__ import annotations

from briefing.export.notes_markup import (
    NoteHeading,
    NoteList,
    NoteParagraph,
    NoteQuote,
    NoteRule,
    Span,
    parse_note,
    plain_text,
)
from tests.briefing_fixtures import NOTE


def test_fixture_note_parses_into_heading_paragraphs_and_both_lists() -> None:
    elements = parse_note(NOTE)
    kinds = [type(element).__name__ for element in elements]
    assert kinds == ["NoteHeading", "NoteParagraph", "NoteList", "NoteParagraph", "NoteList"]
    heading, first, bullets, _, numbers = elements
    assert isinstance(heading, NoteHeading) and heading.level == 2
    assert plain_text(heading.spans) == "Key judgements"
    assert isinstance(first, NoteParagraph)
    assert Span("very unlikely", bold=True) in first.spans
    assert Span("public display", italic=True) in first.spans
    assert isinstance(bullets, NoteList) and not bullets.ordered and len(bullets.items) == 3
    assert isinstance(numbers, NoteList) and numbers.ordered and numbers.start == 1
    last = numbers.items[2].blocks[0]
    assert isinstance(last, NoteParagraph)
    assert Span("New START", italic=True) in last.spans
    assert Span("last", bold=True) in last.spans


def test_soft_line_breaks_join_a_paragraph_with_a_space() -> None:
    (paragraph,) = parse_note("one\ntwo")
    assert isinstance(paragraph, NoteParagraph)
    assert plain_text(paragraph.spans) == "one two"


def test_raw_html_stays_literal_text() -> None:
    elements = parse_note("A <b>bold</b> claim <script>alert(1)</script>\n\n<div>block</div>")
    texts = [plain_text(e.spans) for e in elements if isinstance(e, NoteParagraph)]
    assert texts == ["A <b>bold</b> claim <script>alert(1)</script>", "<div>block</div>"]
    assert all(not span.bold for e in elements for span in e.spans)  # type: ignore[union-attr]


def test_links_keep_their_words_and_show_the_address() -> None:
    (paragraph,) = parse_note("See [the report](https://example.org/r) now")
    assert isinstance(paragraph, NoteParagraph)
    assert plain_text(paragraph.spans) == "See the report (https://example.org/r) now"


def test_nested_lists_ordered_start_quotes_rules_and_code() -> None:
    markdown = "3. three\n   - inner *i*\n4. four\n\n> quoted **b**\n\n---\n\nrun `code` here"
    numbered, quote, rule, code = parse_note(markdown)
    assert isinstance(numbered, NoteList) and numbered.ordered and numbered.start == 3
    inner = numbered.items[0].blocks[1]
    assert isinstance(inner, NoteList) and not inner.ordered
    assert Span("i", italic=True) in inner.items[0].blocks[0].spans  # type: ignore[union-attr]
    assert isinstance(quote, NoteQuote)
    assert Span("b", bold=True) in quote.blocks[0].spans  # type: ignore[union-attr]
    assert isinstance(rule, NoteRule)
    assert Span("code", code=True) in code.spans  # type: ignore[union-attr]


def test_bold_italic_nest() -> None:
    (paragraph,) = parse_note("***both*** and **bold *with italic***")
    assert isinstance(paragraph, NoteParagraph)
    assert Span("both", bold=True, italic=True) in paragraph.spans
    assert Span("with italic", bold=True, italic=True) in paragraph.spans
    assert Span("bold ", bold=True) in paragraph.spans


def test_empty_note_has_no_elements() -> None:
    assert parse_note("") == ()
    assert parse_note("   \n\n") == ()
