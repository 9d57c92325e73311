"""Entity highlights in the reader: where they fall, how they look, what clicking them does."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from briefing.domain import Article, ArticleMention, DateSource, EntityType
from briefing.ui.article_html import article_html, marked_text, usable_mentions
from briefing.ui.entity_theme import TYPE_ORDER, type_colour, type_tint
from briefing.ui.reader_view import ReaderView
from tests.ui.conftest import EntityCorpus
from tests.ui.helpers import listed_ids, open_window, wait_for_counts

ANCHOR = re.compile(r'<a href="entity:(\d+)" style="([^"]*)">(.*?)</a>', re.S)


def article(**changes: object) -> Article:
    values: dict[str, object] = {
        "id": 1,
        "title": "Title",
        "body": "",
        "kicker": "",
        "deck": "",
        "headline": "Title",
        "byline": "",
        "subheads": (),
        "source": "Wire",
        "published": dt.date(2007, 12, 4),
        "date_source": DateSource.METADATA,
        "origin_file": "/wire/day.txt",
        "origin_position": 0,
        "origin_line": 1,
        "content_hash": "x",
        "truncated": False,
        "import_run_id": 1,
        "created_at": dt.datetime(2024, 1, 1),
    }
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


def mention(
    field: str, text: str, surface: str, entity_id: int, etype: EntityType
) -> ArticleMention:
    start = text.index(surface)
    return ArticleMention(field, start, start + len(surface), entity_id, surface, etype)


def mention_point(reader: ReaderView, target: ArticleMention) -> QPoint:
    """A point on the rendered mention, in the reader's viewport (where a person clicks)."""
    cursor = QTextCursor(reader.mention_cursor(target))
    cursor.setPosition(cursor.selectionStart() + 1)
    return reader.cursorRect(cursor).center() + QPoint(2, 0)


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


# -- the HTML (no widget) ----------------------------------------------------------------------


def test_mentions_in_title_deck_and_paragraphs_land_on_their_words() -> None:
    body = "\nRussia & NATO <talk>.\n\nLater, NATO met\nin Brussels."
    story = article(
        title="NATO and Russia",
        deck="A deck about Brussels",
        body=body,
    )
    mentions = [
        mention("title", story.title, "NATO", 1, EntityType.ORG),
        mention("title", story.title, "Russia", 2, EntityType.PLACE),
        mention("deck", story.deck, "Brussels", 3, EntityType.PLACE),
        mention("body", body, "Russia", 2, EntityType.PLACE),
        ArticleMention(
            "body", body.index("NATO <"), body.index("NATO <") + 4, 1, "NATO", EntityType.ORG
        ),
        ArticleMention(
            "body", body.index("NATO met"), body.index("NATO met") + 4, 1, "NATO", EntityType.ORG
        ),
        ArticleMention(
            "body", body.index("Brussels."), body.index("Brussels."), 3, "x", EntityType.PLACE
        ),
        mention("body", body, "in Brussels", 3, EntityType.PLACE),
    ]
    html = article_html(story, mentions)
    anchors = [(int(i), text) for i, _style, text in ANCHOR.findall(html)]
    assert anchors == [
        (1, "NATO"),
        (2, "Russia"),
        (3, "Brussels"),
        (2, "Russia"),
        (1, "NATO"),
        (1, "NATO"),
        (3, "in Brussels"),  # the empty mention is skipped, the real one kept
    ]
    # Text around mentions is still escaped, and line breaks inside a paragraph kept.
    assert "&amp; " in html and "&lt;talk&gt;" in html
    assert "NATO</a> met<br/>" in html
    text = plain(html)
    assert "Russia & NATO <talk>." in text
    assert "Later, NATO met\nin Brussels." in text.replace("\u2028", "\n")


def test_each_type_has_its_tint_and_filtered_entities_a_stronger_one() -> None:
    story = article(title="NATO and Russia")
    mentions = [
        mention("title", story.title, "NATO", 1, EntityType.ORG),
        mention("title", story.title, "Russia", 2, EntityType.PLACE),
    ]
    html = article_html(story, mentions, strong={2})
    styles = {int(i): style for i, style, _ in ANCHOR.findall(html)}
    assert f"background-color: {type_tint(EntityType.ORG)}" in styles[1]
    assert f"background-color: {type_tint(EntityType.PLACE, strong=True)}" in styles[2]
    assert len({type_tint(t) for t in TYPE_ORDER}) == 5


def test_overlapping_and_out_of_range_mentions_never_nest_or_crash() -> None:
    text = "Jaap de Hoop Scheffer"
    mentions = [
        ArticleMention("body", 13, 21, 2, "Scheffer", EntityType.PERSON),
        ArticleMention("body", 0, 21, 1, "Jaap de Hoop Scheffer", EntityType.PERSON),
        ArticleMention("body", 40, 50, 3, "beyond", EntityType.PLACE),
    ]
    kept = usable_mentions(mentions, len(text))
    assert [m.entity_id for m in kept] == [1]
    assert marked_text(text, kept).count("<a ") == 1


def test_a_mention_crossing_paragraphs_is_cut_at_the_break() -> None:
    body = "One Two\n\nThree"
    crossing = ArticleMention("body", 4, 14, 1, "Two Three", EntityType.ORG)
    html = article_html(article(body=body), [crossing])
    assert [text for _, _, text in ANCHOR.findall(html)] == ["Two", "Three"]


# -- the widget ---------------------------------------------------------------------------------


def test_the_reader_highlights_the_selected_article(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = open_window(qtbot, corpus.store)
    article_id = corpus.ids["Russia begins mass production of Topol-M missile"]
    window.state.selected_article_id = article_id
    reader = window.reader
    html = reader.mention_html()
    anchors = ANCHOR.findall(html)
    assert len(anchors) == len(corpus.mentions[article_id]) == 10
    russia, topol = corpus.entity_id("Russia"), corpus.entity_id("Topol-M")
    for entity_id, style, text in anchors:
        if int(entity_id) == russia:
            assert text == "Russia"
            assert type_tint(EntityType.PLACE) in style
        if int(entity_id) == topol:
            assert text in ("Topol-M", "SS-27")  # both names of one weapon
            assert type_tint(EntityType.WEAPON) in style

    # In the document each mention is underlined in its type's full colour.
    cursor = reader.mention_cursor(next(m for m in reader.mentions if m.entity_id == russia))
    assert cursor.selectedText() == "Russia"
    cursor.setPosition(cursor.selectionEnd() - 1)
    cursor.movePosition(cursor.MoveOperation.Right)
    fmt = cursor.charFormat()
    assert fmt.isAnchor()
    assert fmt.underlineColor() == QColor(type_colour(EntityType.PLACE))
    assert fmt.fontUnderline()

    legend = window.findChild(QWidget, "entityLegend")
    assert legend is not None and legend.isVisible()
    labels = [label.text() for label in legend.swatches.values()]
    assert labels == ["Person", "Organisation", "Place", "Weapon system", "Treaty"]


def test_clicking_a_mention_shows_the_entity_in_the_sidebar_without_filtering(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = open_window(qtbot, corpus.store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wait_for_counts(qtbot, window)
    window.state.selected_article_id = corpus.ids["NATO chief visits Kyiv"]
    reader = window.reader
    yushchenko = corpus.entity_id("Viktor Yushchenko")
    target = next(m for m in reader.mentions if m.entity_id == yushchenko)
    point = mention_point(reader, target)
    assert reader.anchorAt(point) == f"entity:{yushchenko}"

    with qtbot.waitSignal(window.sidebar.entityRevealed, timeout=3_000):
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.sidebar.current_entity_id() == yushchenko
    assert window.sidebar.selected_entity_ids() == [yushchenko]
    assert window.state.entities == ()  # shown, not filtered
    assert QApplication.focusWidget() is window.sidebar.tree
    # Enter then filters, as in the sidebar.
    qtbot.keyClick(window.sidebar.tree, Qt.Key.Key_Return)
    assert window.state.entities == (yushchenko,)
    assert listed_ids(window) == {corpus.ids["NATO chief visits Kyiv"]}

    # Hovering shows the canonical name and type.
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    assert QToolTip.text().startswith("Viktor Yushchenko — Person")


def test_revealing_an_entity_hidden_by_the_name_filter_clears_it(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = open_window(qtbot, corpus.store)
    wait_for_counts(qtbot, window)
    window.sidebar.filter_edit.setText("Poland")
    kyiv = corpus.entity_id("Kyiv")
    window.sidebar.reveal_entity(kyiv)
    assert window.sidebar.filter_edit.text() == ""
    assert window.sidebar.current_entity_id() == kyiv


def test_highlights_can_be_switched_off(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    window = open_window(qtbot, entity_corpus.store)
    window.state.selected_article_id = entity_corpus.ids["NATO chief visits Kyiv"]
    toggle = window.reader_panel.legend.toggle
    assert "entity:" in window.reader.mention_html()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert "entity:" not in window.reader.mention_html()
    assert "Jaap de Hoop Scheffer" in window.reader.toPlainText()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert "entity:" in window.reader.mention_html()
