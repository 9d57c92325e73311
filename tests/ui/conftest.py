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

from briefing.domain import ArticleQuery, DateSource, EntityType, Mention, ParsedArticle
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
