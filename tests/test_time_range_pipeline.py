"""Dates and ranges from import to store, query, charts' data and export."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from briefing.cli import main as cli_main
from briefing.domain import ArticleQuery, DateSource, RangeQualifier
from briefing.ingest.pipeline import run_import
from briefing.store import Store

WIRE = (
    "Russia begins mass production of Topol-M\n"
    "Russia has begun mass production of the Topol-M strategic missile, officials said on "
    "Tuesday.\n"
    "The Topol-M is known to NATO as the SS-27 and is a three-stage intercontinental ballistic "
    "missile with a range of 10,000km.\n"
    "Production is at the plant in Votkinsk, some 1,000km east of Moscow.\n"
    "---\n"
    "NATO, Russia to hold talks amid treaty crisis\n"
    "22 January 2019\n"
    "NATO and Russian officials will hold talks on 25 January, the alliance said on 21 January "
    "2019.\n"
    "All 29 NATO members say Russia's 9M729 cruise missile violates the INF treaty, which bans "
    "ground-launched missiles with a range of between 500 and 5,500km.\n"
    "In December 2018 the US published details of the evidence.\n"
)


@pytest.fixture
def imported(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    report = run_import(store, [path], default_date=dt.date(2007, 12, 12))
    assert report.imported == 2
    return store


def ids_for(store: Store, **query: object) -> list[int]:
    return sorted(store.query_article_ids(ArticleQuery(**query)))  # type: ignore[arg-type]


def test_dates_are_stored_and_filter_the_view(imported: Store) -> None:
    topol, talks = sorted(imported.query_article_ids(ArticleQuery()))
    talks_dates = {d.text: d for d in imported.article_dates(talks)}
    assert talks_dates["21 January 2019"].value == "2019-01-21"
    assert talks_dates["December 2018"].value == "2018-12"
    assert talks_dates["25 January"].value == "2019-01-25"
    # "on Tuesday" resolves against the publication date the user gave (12 Dec 2007).
    tuesday = {d.text: d for d in imported.article_dates(topol)}
    assert any(d.relative and d.date_start == dt.date(2007, 12, 11) for d in tuesday.values())
    assert ids_for(imported, date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 1, 31)) == [talks]
    assert ids_for(imported, date_from=dt.date(2007, 12, 1), date_to=dt.date(2007, 12, 31)) == [
        topol
    ]
    points = imported.date_points(None)
    assert len(points.starts) >= 4
    assert dt.date(2019, 1, 21).toordinal() in set(points.starts.tolist())


def test_ranges_feed_the_range_chart(imported: Store) -> None:
    rows = {row.name: row for row in imported.range_rows(None)}
    topol = rows["Topol-M"]
    assert topol.reference_km and topol.reference_km > 5500
    (stated,) = topol.stated
    assert (stated.min_km, stated.max_km, stated.qualifier) == (10000, 10000, RangeQualifier.EXACT)
    assert stated.differs == (abs(10000 - topol.reference_km) / topol.reference_km > 0.15)
    inf = rows["INF Treaty"]
    assert (inf.stated[0].min_km, inf.stated[0].max_km) == (500, 5500)
    assert rows["9M729"].stated[0].via == "INF Treaty"
    assert [b.name for b in imported.treaty_bands()] == ["INF Treaty"]
    # Clicking a bar filters to the articles stating that figure.
    topol_article = ids_for(imported, range_facts=stated.fact_ids)
    assert len(topol_article) == 1
    distances = [r for _, r in imported.article_ranges(topol_article[0]) if r.subject == "Moscow"]
    assert distances and str(distances[0].kind) == "distance"


def test_export_and_cli(imported: Store, store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "dump.json"
    assert (
        cli_main(
            ["export-json", str(target), "--db", str(store_path)],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        == 0
    )
    articles = json.loads(target.read_text(encoding="utf-8"))["articles"]
    talks = next(a for a in articles if a["title"].startswith("NATO, Russia"))
    assert {"text": "21 January 2019", "value": "2019-01-21"}.items() <= next(
        d for d in talks["dates"] if d["text"] == "21 January 2019"
    ).items()
    inf = next(r for r in talks["ranges"] if r["subject"] == "INF Treaty")
    assert (inf["min_km"], inf["max_km"], inf["qualifier"], inf["kind"]) == (
        500,
        5500,
        "between",
        "range",
    )
    out = io.StringIO()
    assert cli_main(["ranges", "--db", str(store_path)], out=out, err=io.StringIO()) == 0
    assert "Topol-M" in out.getvalue() and "10,000 km in 1 article(s)" in out.getvalue()


def test_publication_date_inferred_when_the_file_has_none(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(WIRE.split("---\n")[1].replace("22 January 2019\n", ""), encoding="utf-8")
    run_import(store, [path])
    (article_id,) = store.query_article_ids(ArticleQuery())
    article = store.get_article(article_id)
    assert article is not None
    assert article.date_source is DateSource.INFERRED
    assert article.published == dt.date(2019, 1, 21)
    assert article.date_confidence in {"high", "medium", "low"}
