"""Shared fixtures: temporary stores and article factories (no Qt here)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.domain import DateSource, ParsedArticle
from briefing.store import Store

# Qt must never look for a real display in tests, whichever test file imports it first.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _no_user_store(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """Tests never touch the person's real store or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    with Store.open(store_path) as opened:
        yield opened


def make_article(
    n: int,
    *,
    title: str | None = None,
    body: str | None = None,
    published: dt.date | None = None,
    truncated: bool = False,
) -> ParsedArticle:
    return ParsedArticle(
        title=title or f"Article number {n}",
        body=body or f"Body of article {n} about the Topol-M missile and NATO talks.",
        published=published,
        date_source=DateSource.METADATA if published else DateSource.UNKNOWN,
        origin_file=f"/tmp/file{n // 10}.txt",
        origin_position=n % 10,
        origin_line=1 + n % 10,
        truncated=truncated,
    )


def add(store: Store, *articles: ParsedArticle, source: str = "Wire") -> int:
    run_id = store.begin_import_run(source=source, files=["x"], options={})
    store.add_articles(run_id, [(source, a) for a in articles])
    store.finish_import_run(run_id, failures=[], cancelled=False)
    return run_id
