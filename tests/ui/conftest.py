"""Qt test setup: offscreen platform, settings in a temporary folder, small fixture files."""

from __future__ import annotations

import os

# Before anything creates the QApplication: no display is needed, no window appears.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

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
