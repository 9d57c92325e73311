"""The shipped sample set segments exactly as its manifest says, and imports whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.domain import ParsedArticle
from briefing.ingest.pipeline import read_articles, run_import
from briefing.paths import sample_files, samples_dir
from briefing.store import Store

MANIFEST = json.loads((samples_dir() / ".manifest.json").read_text(encoding="utf-8"))


def _strip_ellipsis(text: str) -> str:
    # Kickers are stored without their quote marks, so titles are compared without them.
    return text.rstrip("…").rstrip().translate(_NO_QUOTES)


_NO_QUOTES = str.maketrans("", "", "‘’“”")


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["name"])
def test_sample_file_segments_as_the_manifest_says(entry: dict[str, Any]) -> None:
    articles = read_articles(samples_dir() / entry["name"])
    assert len(articles) == entry["article_count"], [a.title for a in articles]
    for got, want in zip(articles, entry["articles"], strict=True):
        _check_article(got, want)


def _check_article(got: ParsedArticle, want: dict[str, Any]) -> None:
    assert want["title_full"].translate(_NO_QUOTES).startswith(_strip_ellipsis(got.title)), (
        got.title,
        want,
    )
    assert len(_strip_ellipsis(got.title)) >= min(len(want["title_full"]), 60)
    assert got.origin_line == want["start_line"], got.title
    assert got.truncated == want["truncated"], got.title
    assert [s.text for s in got.subheads] == want["subheads"], got.title
    assert (got.published.isoformat() if got.published else None) == want["published"]
    kicker = want["kicker"].strip("‘’'\"“”")
    assert got.kicker.strip("‘’'\"“”") == kicker, got.title
    assert len(got.body.split("\n\n")) == want["paragraphs"], got.title
    for subhead in got.subheads:
        assert subhead.text not in got.body
    # Teaser blocks never leak into article text.
    assert "More from" not in got.body


def test_sample_set_imports_whole(store: Store) -> None:
    report = run_import(store, sample_files(), source="Briefing sample set")
    assert report.failures == []
    assert report.imported == MANIFEST["total_articles"] >= 40
    assert store.count_articles() == MANIFEST["total_articles"]


def test_manifest_covers_every_file() -> None:
    listed = {entry["name"] for entry in MANIFEST["files"]}
    shipped = {p.name for p in Path(samples_dir()).iterdir() if p.suffix in {".txt", ".md"}}
    assert listed == shipped - {"README.md"}
