"""The reader: layout of an article, untrusted text kept as text, provenance shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from briefing.domain import Article, DateSource, ParsedArticle, Subhead
from briefing.store import Store
from briefing.ui.article_html import article_html, body_blocks
from briefing.ui.reader_view import NO_SELECTION, ReaderView
from briefing.view_state import ViewState

BODY = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."


def make_article(**changes: object) -> Article:
    values: dict[str, object] = {
        "id": 1,
        "title": "Title",
        "body": BODY,
        "kicker": "",
        "deck": "",
        "headline": "Title",
        "byline": "",
        "subheads": (),
        "source": "Wire",
        "published": dt.date(2007, 12, 4),
        "date_source": DateSource.METADATA,
        "origin_file": "/wire/day.txt",
        "origin_position": 2,
        "origin_line": 40,
        "content_hash": "x",
        "truncated": False,
        "import_run_id": 1,
        "created_at": dt.datetime(2024, 1, 1),
    }
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_subheads_go_before_the_paragraph_at_their_offset() -> None:
    second = BODY.index("Second")
    blocks = list(body_blocks(BODY, (Subhead("LATER", second), Subhead("AT THE END", 999))))
    assert blocks == [
        "<p>First paragraph.</p>",
        "<h3>LATER</h3>",
        "<p>Second paragraph.</p>",
        "<p>Third paragraph.</p>",
        "<h3>AT THE END</h3>",
    ]


def test_article_text_is_escaped_never_rendered() -> None:
    hostile = '<img src="http://example.com/x.png"><a href="file:///etc/passwd">x</a> & <b>'
    html = article_html(make_article(title=hostile, body=hostile, byline=hostile))
    assert "<img" not in html and "<a " not in html
    assert plain(html).count(hostile) == 3


def test_kicker_deck_byline_and_provenance() -> None:
    article = make_article(
        title="Warsaw and Washington agree on an interceptor site",
        kicker="Missile defence",
        deck="Ten interceptors for northern Poland",
        byline="By Jane Analyst",
        truncated=True,
        date_source=DateSource.INFERRED,
    )
    text = plain(article_html(article))
    assert text.index("MISSILE DEFENCE") < text.index("Warsaw") < text.index("Ten interceptors")
    assert "By Jane Analyst" in text
    assert "4 December 2007 (inferred from the text)" in text
    assert "/wire/day.txt, article 3, line 40" in text
    assert "Truncated" in text


def test_a_headlineless_story_does_not_repeat_its_kicker_and_deck() -> None:
    article = make_article(
        title="FIRST USE: Officials said", kicker="FIRST USE", deck="Officials said"
    )
    text = plain(article_html(article))
    assert text.count("FIRST USE") == 1
    assert text.count("Officials said") == 1


def test_unknown_date_is_said_to_be_unknown() -> None:
    text = plain(article_html(make_article(published=None, date_source=DateSource.UNKNOWN)))
    assert "unknown" in text
    assert dt.date.today().strftime("%B %Y") not in text


def test_reader_follows_the_selection_and_loads_nothing_external(
    qtbot: QtBot, empty_store: Store
) -> None:
    run = empty_store.begin_import_run(source="t", files=[], options={})
    empty_store.add_articles(
        run,
        [
            ("Wire", ParsedArticle(title="One", body="Alpha text.")),
            ("Wire", ParsedArticle(title="Two", body='<img src="/etc/hosts"> Beta text.')),
        ],
    )
    state = ViewState()
    reader = ReaderView(empty_store, state)
    qtbot.addWidget(reader)
    assert reader.objectName() == "readerView"
    assert reader.accessibleName() == "Article reader"
    assert not reader.openExternalLinks()
    assert NO_SELECTION in reader.toPlainText()

    state.selected_article_id = 2
    assert reader.toPlainText().startswith("Two")
    assert '<img src="/etc/hosts"> Beta text.' in reader.toPlainText()
    assert reader.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("/etc/hosts")) is None

    state.selected_article_id = None
    assert NO_SELECTION in reader.toPlainText()
