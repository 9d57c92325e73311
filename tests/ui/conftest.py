"""Qt test setup: offscreen platform, settings in a temporary folder, small fixture files."""

from __future__ import annotations

import os

# Before anything creates the QApplication: no display is needed, no window appears.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from briefing.domain import (
    ArticleQuery,
    DateMention,
    DatePrecision,
    DateSource,
    EntityType,
    Mention,
    ParsedArticle,
    RangeKind,
    RangeMention,
    RangeQualifier,
)
from briefing.store import Store
from briefing.ui.app import configure_application

# One file, three articles: a headline story with a date line and an ALL-CAPS subhead, then two
# one-paragraph "KICKER: deck" stories, as wire copy is pasted into files.
TOPOL_TITLE = "Russia begins mass production of Topol-M missile"
THREE_ARTICLES = "\n".join(
    [
        TOPOL_TITLE,
        "12 December 2006",
        "Russia has begun mass production of the Topol-M strategic missile, First Deputy "
        "Prime Minister Sergei Ivanov said on Tuesday.",
        "The Topol-M is known to NATO as the SS-27 and is a three-stage intercontinental "
        "ballistic missile.",
        "TENSE TIES",
        "NATO's chief put a brave face on the alliance's increasingly tense ties with Russia "
        "on Tuesday.",
        "",
        "TREATY WATCH: Moscow suspends its part in the CFE arms pact. Russia formally "
        "suspended its participation in the Conventional Forces in Europe treaty on "
        "Wednesday, the foreign ministry said.",
        "",
        "MISSILE DEFENCE: Warsaw and Washington agree on an interceptor site. Poland and the "
        "United States agreed to base ten interceptor missiles in northern Poland, officials "
        "said on Friday.",
        "",
    ]
)


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """QSettings() in the app reads and writes an INI file under tmp_path, never the user's."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    configure_application(qapp)
    yield folder


@pytest.fixture
def three_articles_text() -> str:
    return THREE_ARTICLES


@pytest.fixture
def topol_title() -> str:
    """The title of the fixture's headline story (the one with the TENSE TIES subhead)."""
    return TOPOL_TITLE


@pytest.fixture
def three_articles_file(tmp_path: Path) -> Path:
    path = tmp_path / "wire" / "three.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(THREE_ARTICLES, encoding="utf-8")
    return path


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "gui.sqlite")
    yield store
    store.close()


# -- a store with hand-made entity mentions ---------------------------------------------------
# Independent of the extraction engine: these tests are about the GUI, not extraction quality.

P, ORG, L, W, T = (
    EntityType.PERSON,
    EntityType.ORG,
    EntityType.PLACE,
    EntityType.WEAPON,
    EntityType.TREATY,
)

# (title, body, date, [(surface, type, canonical), ...]): every occurrence of each surface in
# the title and body becomes a mention.
ENTITY_ARTICLES: list[tuple[str, str, dt.date, list[tuple[str, EntityType, str]]]] = [
    (
        "Russia begins mass production of Topol-M missile",
        "Russia has begun mass production of the Topol-M strategic missile, First Deputy "
        "Prime Minister Sergei Ivanov said on Tuesday.\n\nThe Topol-M is known to NATO as the "
        "SS-27 and is a three-stage intercontinental ballistic missile.\n\nNATO's chief put a "
        "brave face on the alliance's increasingly tense ties with Russia on Tuesday.",
        dt.date(2006, 12, 12),
        [
            ("Russia", L, "Russia"),
            ("Topol-M", W, "Topol-M"),
            ("SS-27", W, "Topol-M"),
            ("Sergei Ivanov", P, "Sergei Ivanov"),
            ("NATO", ORG, "NATO"),
        ],
    ),
    (
        "Moscow suspends its part in the CFE arms pact",
        "Russia formally suspended its participation in the Conventional Forces in Europe "
        "treaty on Wednesday, the foreign ministry in Moscow said.",
        dt.date(2007, 12, 12),
        [
            ("Moscow", L, "Moscow"),
            ("Russia", L, "Russia"),
            ("CFE", T, "CFE Treaty"),
            ("Conventional Forces in Europe treaty", T, "CFE Treaty"),
        ],
    ),
    (
        "Warsaw and Washington agree on an interceptor site",
        "Poland and the United States agreed to base ten interceptor missiles in northern "
        "Poland, officials said on Friday.",
        dt.date(2008, 8, 15),
        [
            ("Warsaw", L, "Warsaw"),
            ("Washington", L, "Washington"),
            ("Poland", L, "Poland"),
            ("United States", L, "United States"),
        ],
    ),
    (
        "NATO chief visits Kyiv",
        "Jaap de Hoop Scheffer told Ukrainian leaders in Kyiv that NATO's door remained "
        "open.\n\nThe secretary general met President Viktor Yushchenko.",
        dt.date(2008, 3, 4),
        [
            ("NATO", ORG, "NATO"),
            ("Jaap de Hoop Scheffer", P, "Jaap de Hoop Scheffer"),
            ("Kyiv", L, "Kyiv"),
            ("Viktor Yushchenko", P, "Viktor Yushchenko"),
        ],
    ),
    (
        "Scheffer warns Russia over missile plans",
        "Scheffer said NATO would respond to any deployment of the Iskander missile by "
        "Russia near its borders.",
        dt.date(2008, 11, 6),
        [
            ("Scheffer", P, "Scheffer"),
            ("Russia", L, "Russia"),
            ("NATO", ORG, "NATO"),
            ("Iskander", W, "Iskander"),
        ],
    ),
    (
        "Poland signs missile defence deal",
        "Poland and the United States signed the agreement in Warsaw on Wednesday. The "
        "programme, called Project Zephyr by officials, starts next year.",
        dt.date(2008, 8, 20),
        [
            ("Poland", L, "Poland"),
            ("United States", L, "United States"),
            ("Warsaw", L, "Warsaw"),
        ],
    ),
]


def mentions_for(title: str, body: str, names: list[tuple[str, EntityType, str]]) -> list[Mention]:
    """Every whole-word occurrence of each surface in the title and body, as a Mention."""
    found: list[Mention] = []
    for field, text in (("title", title), ("body", body)):
        taken: list[tuple[int, int]] = []
        # Longer surfaces first, so "Jaap de Hoop Scheffer" is not also "Scheffer".
        for surface, etype, canonical in sorted(names, key=lambda n: -len(n[0])):
            for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(Mention(field, start, end, surface, etype, canonical))
    return found


@dataclass
class EntityCorpus:
    """The fixture store, with each article's id by title and the mentions it was given."""

    store: Store
    ids: dict[str, int]
    mentions: dict[int, list[Mention]]

    def entity_id(self, name: str) -> int:
        matches = [e for e in self.store.find_entities(name) if e.name == name]
        assert len(matches) == 1, (name, matches)
        return matches[0].id

    def titles_of(self, article_ids: list[int]) -> set[str]:
        by_id = {article_id: title for title, article_id in self.ids.items()}
        return {by_id[article_id] for article_id in article_ids}


@pytest.fixture
def entity_corpus(tmp_path: Path) -> Iterator[EntityCorpus]:
    store = Store.open(tmp_path / "entities.sqlite")
    run = store.begin_import_run(source="Wire", files=["wire.txt"], options={})
    articles, mentions = [], []
    for position, (title, body, published, names) in enumerate(ENTITY_ARTICLES):
        articles.append(
            (
                "Wire",
                ParsedArticle(
                    title=title,
                    headline=title,
                    body=body,
                    published=published,
                    date_source=DateSource.METADATA,
                    origin_file="wire.txt",
                    origin_position=position,
                    origin_line=1 + 4 * position,
                ),
            )
        )
        mentions.append(mentions_for(title, body, names))
    store.add_articles(run, articles, mentions=mentions, extraction_version=1)
    store.finish_import_run(run, failures=[], cancelled=False)
    ids = {store.get_article(i).title: i for i in store.query_article_ids(ArticleQuery())}
    by_id = {ids[title]: m for (title, *_), m in zip(ENTITY_ARTICLES, mentions, strict=True)}
    yield EntityCorpus(store, ids, by_id)
    store.close()


# -- a store with hand-made dates and ranges (the charts' tests) ------------------------------
# Like the entity corpus: made by hand, so these tests do not depend on date or range extraction.

RANGE_ATTRIBUTES = {
    ("WEAPON", "Topol-M"): {
        "origin": "Russia",
        "class": "ICBM",
        "range_km": 11000,
        "source": 'CSIS Missile Defense Project, "Topol-M (SS-27 Mod 1)"',
    },
    ("WEAPON", "Iskander-M"): {
        "origin": "Russia",
        "class": "SRBM",
        "range_km": 500,
        "range_min_km": 50,
        "source": 'CSIS Missile Defense Project, "SS-26 (Iskander)"',
    },
    ("WEAPON", "Tomahawk"): {
        "origin": "United States",
        "class": "SLCM",
        "range_km": 1600,
        "source": 'CSIS Missile Defense Project, "Tomahawk"',
    },
    ("TREATY", "INF Treaty"): {
        "band_km": [500, 5500],
        "band_label": "INF: ground-launched missiles 500–5,500 km",
    },
}

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
EXACT, UP_TO, BETWEEN = RangeQualifier.EXACT, RangeQualifier.UP_TO, RangeQualifier.BETWEEN


@dataclass(frozen=True)
class ChartStory:
    title: str
    body: str
    published: dt.date | None
    names: list[tuple[str, EntityType, str]]
    # (text as in the body, precision, first day, last day)
    dates: list[tuple[str, DatePrecision, dt.date, dt.date]]
    # (text as in the body, min km, max km, qualifier, subject, subject type)
    ranges: list[tuple[str, float | None, float | None, RangeQualifier, str, EntityType]]


CHART_STORIES = [
    ChartStory(
        "Russia tests Topol-M",
        "Russia tested a Topol-M missile on 21 January 2019, the ministry said. "
        "The missile has a range of 10,000 km.",
        dt.date(2019, 1, 22),
        [("Russia", L, "Russia"), ("Topol-M", W, "Topol-M")],
        [("21 January 2019", DAY, dt.date(2019, 1, 21), dt.date(2019, 1, 21))],
        [("10,000 km", 10000, 10000, EXACT, "Topol-M", W)],
    ),
    ChartStory(
        "Topol-M regiment deployed",
        "A Topol-M regiment went on duty on 1 February 2019. "
        "Its missiles fly 11,000 km, the commander said.",
        dt.date(2019, 2, 1),
        [("Topol-M", W, "Topol-M")],
        [("1 February 2019", DAY, dt.date(2019, 2, 1), dt.date(2019, 2, 1))],
        [("11,000 km", 11000, 11000, EXACT, "Topol-M", W)],
    ),
    ChartStory(
        "United States leaves INF Treaty",
        "The United States left the INF Treaty in 2019. "
        "The treaty banned missiles with ranges between 500 and 5,500 km.",
        dt.date(2019, 8, 2),
        [("United States", L, "United States"), ("INF Treaty", T, "INF Treaty")],
        [("2019", YEAR, dt.date(2019, 1, 1), dt.date(2019, 12, 31))],
        [("between 500 and 5,500 km", 500, 5500, BETWEEN, "INF Treaty", T)],
    ),
    ChartStory(
        "Iskander-M moved to Kaliningrad",
        "Russia moved Iskander-M missiles with a range of up to 500 km to Kaliningrad "
        "in June 2018.",
        dt.date(2018, 6, 10),
        [
            ("Russia", L, "Russia"),
            ("Iskander-M", W, "Iskander-M"),
            ("Kaliningrad", L, "Kaliningrad"),
        ],
        [("June 2018", MONTH, dt.date(2018, 6, 1), dt.date(2018, 6, 30))],
        [("up to 500 km", None, 500, UP_TO, "Iskander-M", W)],
    ),
    ChartStory(
        "Lithuania warns over Iskander-M",
        "Lithuania said on 14 July 2018 that the Iskander-M can reach 700 km.",
        dt.date(2018, 7, 15),
        [("Lithuania", L, "Lithuania"), ("Iskander-M", W, "Iskander-M")],
        [("14 July 2018", DAY, dt.date(2018, 7, 14), dt.date(2018, 7, 14))],
        [("700 km", 700, 700, EXACT, "Iskander-M", W)],
    ),
    ChartStory(
        "Navy orders more Tomahawk missiles",
        "The United States Navy ordered Tomahawk missiles on 3 March 2017, "
        "each able to fly 1,600 km.",
        dt.date(2017, 3, 4),
        [("United States", L, "United States"), ("Tomahawk", W, "Tomahawk")],
        [("3 March 2017", DAY, dt.date(2017, 3, 3), dt.date(2017, 3, 3))],
        [("1,600 km", 1600, 1600, EXACT, "Tomahawk", W)],
    ),
    ChartStory(
        "NATO summit opens",
        "NATO leaders met in Brussels on 25 May 2017.",
        dt.date(2017, 5, 25),
        [("NATO", ORG, "NATO"), ("Brussels", L, "Brussels")],
        [("25 May 2017", DAY, dt.date(2017, 5, 25), dt.date(2017, 5, 25))],
        [],
    ),
    ChartStory(
        "An undated note on arms control",
        "Diplomats keep talking about arms control.",
        None,
        [],
        [],
        [],
    ),
]


def _sentence_around(text: str, start: int) -> tuple[int, int]:
    before = text.rfind(". ", 0, start)
    first = before + 2 if before >= 0 else 0
    after = text.find(".", start)
    return first, after + 1 if after >= 0 else len(text)


def chart_story_records(
    story: ChartStory,
) -> tuple[ParsedArticle, list[Mention], list[DateMention], list[RangeMention]]:
    article = ParsedArticle(
        title=story.title,
        headline=story.title,
        body=story.body,
        published=story.published,
        date_source=DateSource.METADATA if story.published else DateSource.UNKNOWN,
        origin_file="charts.txt",
    )
    dates = []
    for text, precision, first, last in story.dates:
        at = story.body.index(text)
        sentence = _sentence_around(story.body, at)
        value = first.isoformat() if first == last else f"{first}/{last}"
        dates.append(
            DateMention(
                "body", at, at + len(text), text, precision, first, last, value,
                sentence_start=sentence[0], sentence_end=sentence[1],
            )
        )  # fmt: skip
    ranges = []
    for text, low, high, qualifier, subject, subject_type in story.ranges:
        at = story.body.index(text)
        sentence = _sentence_around(story.body, at)
        ranges.append(
            RangeMention(
                "body", at, at + len(text), text, low, high, qualifier, "km", RangeKind.RANGE,
                subject, subject_type, "", sentence[0], sentence[1],
            )
        )  # fmt: skip
    return article, mentions_for(story.title, story.body, story.names), dates, ranges


@dataclass
class ChartCorpus:
    """The charts' fixture store, with each article's id by title."""

    store: Store
    ids: dict[str, int]

    def entity_id(self, name: str) -> int:
        matches = [e for e in self.store.find_entities(name) if e.name == name]
        assert len(matches) == 1, (name, matches)
        return matches[0].id

    def titles_of(self, article_ids: object) -> set[str]:
        by_id = {article_id: title for title, article_id in self.ids.items()}
        return {by_id[article_id] for article_id in article_ids}  # type: ignore[attr-defined]


@pytest.fixture
def chart_corpus(tmp_path: Path) -> Iterator[ChartCorpus]:
    store = Store.open(tmp_path / "charts.sqlite")
    run = store.begin_import_run(source="Wire", files=["charts.txt"], options={})
    records = [chart_story_records(story) for story in CHART_STORIES]
    store.add_articles(
        run,
        [("Wire", article) for article, _, _, _ in records],
        mentions=[mentions for _, mentions, _, _ in records],
        extraction_version=1,
        attributes=RANGE_ATTRIBUTES,
        dates=[dates for _, _, dates, _ in records],
        ranges=[ranges for _, _, _, ranges in records],
    )
    store.finish_import_run(run, failures=[], cancelled=False)
    ids = {store.get_article(i).title: i for i in store.query_article_ids(ArticleQuery())}
    yield ChartCorpus(store, ids)
    store.close()
