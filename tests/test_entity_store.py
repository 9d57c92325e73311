"""Entities in the store: facets, filters, and corrections that survive re-extraction."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from briefing.cli import main as cli_main
from briefing.domain import ArticleQuery, EntityMode, EntityType, Mention
from briefing.store import Store
from tests.conftest import make_article

P, L, W = EntityType.PERSON, EntityType.PLACE, EntityType.WEAPON


def m(text: str, etype: EntityType, canonical: str, start: int = 0) -> Mention:
    return Mention("body", start, start + len(text), text, etype, canonical)


ARTICLE_MENTIONS = [
    # article 1: Putin, Russia, Topol-M (as SS-27)
    [m("Putin", P, "Vladimir Putin"), m("Russia", L, "Russia", 10), m("SS-27", W, "Topol-M", 20)],
    # article 2: Russia, Scheffer (full and short)
    [
        m("Russia", L, "Russia"),
        m("Jaap de Hoop Scheffer", P, "Jaap de Hoop Scheffer", 10),
        m("Scheffer", P, "Jaap de Hoop Scheffer", 40),
    ],
    # article 3: Topol-M, "Putin" only as surname-less duplicate entity "V. Putin"
    [m("Topol-M", W, "Topol-M"), m("V. Putin", P, "V. Putin", 12)],
]


@pytest.fixture
def filled(store: Store) -> Store:
    run_id = store.begin_import_run(source="t", files=[], options={})
    store.add_articles(
        run_id,
        [("Wire", make_article(n)) for n in range(1, 4)],
        mentions=ARTICLE_MENTIONS,
        extraction_version=1,
    )
    return store


def entity(store: Store, name: str) -> int:
    (found,) = [e for e in store.find_entities(name) if e.name == name]
    return found.id


def counts(store: Store, query: ArticleQuery | None = None) -> dict[str, int]:
    return {c.name: c.articles for c in store.entity_counts(query or ArticleQuery())}


def test_facet_counts_and_aliases(filled: Store) -> None:
    assert counts(filled) == {
        "Russia": 2,
        "Topol-M": 2,
        "Vladimir Putin": 1,
        "Jaap de Hoop Scheffer": 1,
        "V. Putin": 1,
    }
    topol = filled.get_entity(entity(filled, "Topol-M"))
    assert topol is not None and set(topol.aliases) == {"SS-27", "Topol-M"}
    assert filled.find_entities("ss-27")[0].name == "Topol-M"


def test_entity_filters_and_or_not(filled: Store) -> None:
    russia, topol = entity(filled, "Russia"), entity(filled, "Topol-M")

    def ids(**kw: object) -> list[int]:
        return sorted(filled.query_article_ids(ArticleQuery(**kw)))  # type: ignore[arg-type]

    assert ids(entities=(russia,)) == [1, 2]
    assert ids(entities=(russia, topol)) == [1]
    assert ids(entities=(russia, topol), entity_mode=EntityMode.ANY) == [1, 2, 3]
    assert ids(excluded_entities=(topol,)) == [2]
    # Counts follow the filter (faceted): within Russia's articles.
    assert counts(filled, ArticleQuery(entities=(russia,))) == {
        "Russia": 2,
        "Topol-M": 1,
        "Vladimir Putin": 1,
        "Jaap de Hoop Scheffer": 1,
    }


def test_merge_and_undo(filled: Store) -> None:
    putin, v_putin = entity(filled, "Vladimir Putin"), entity(filled, "V. Putin")
    undo = filled.merge_entities(v_putin, putin)
    assert counts(filled)["Vladimir Putin"] == 2
    assert "V. Putin" not in counts(filled)
    assert sorted(filled.query_article_ids(ArticleQuery(entities=(putin,)))) == [1, 3]
    filled.undo_merge(undo)
    assert counts(filled)["Vladimir Putin"] == 1 and counts(filled)["V. Putin"] == 1


def test_corrections_survive_reextraction(filled: Store) -> None:
    putin, v_putin = entity(filled, "Vladimir Putin"), entity(filled, "V. Putin")
    scheffer = entity(filled, "Jaap de Hoop Scheffer")
    filled.merge_entities(v_putin, putin)
    filled.rename_entity(putin, "Vladimir V. Putin")
    filled.set_entity_type(entity(filled, "Topol-M"), EntityType.WEAPON)
    split = filled.split_surface(scheffer, "Scheffer")
    filled.set_entity_hidden(entity(filled, "Russia"), True)
    # Re-extraction produces exactly the same mentions again.
    filled.replace_mentions([(i + 1, ms) for i, ms in enumerate(ARTICLE_MENTIONS)], 2)
    after = counts(filled)
    assert after["Vladimir V. Putin"] == 2
    assert "Russia" not in after  # hidden stays hidden
    assert after["Scheffer"] == 1 and after["Jaap de Hoop Scheffer"] == 1
    assert all(a.name != "Russia" for a in filled.article_mentions(1))
    # Future imports land on the corrected entities too.
    run_id = filled.begin_import_run(source="t", files=[], options={})
    filled.add_articles(
        run_id, [("Wire", make_article(9))], mentions=[[m("V. Putin", P, "V. Putin")]]
    )
    assert counts(filled)["Vladimir V. Putin"] == 3
    filled.undo_split(split)
    assert "Scheffer" not in counts(filled)


def test_article_mentions_and_export(filled: Store, store_path: Path, tmp_path: Path) -> None:
    mentions = filled.article_mentions(1)
    assert [(a.name, a.type) for a in mentions] == [
        ("Vladimir Putin", P),
        ("Russia", L),
        ("Topol-M", W),
    ]
    target = tmp_path / "dump.json"
    assert (
        cli_main(
            ["export-json", str(target), "--db", str(store_path)],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        == 0
    )
    first = json.loads(target.read_text())["articles"][0]
    topol = next(e for e in first["entities"] if e["name"] == "Topol-M")
    assert topol["type"] == "WEAPON"
    assert topol["mentions"] == [{"field": "body", "start": 20, "end": 25, "text": "SS-27"}]


def test_user_names(store: Store) -> None:
    assert store.add_user_name(EntityType.ORG, "Halden  Institute") is True
    assert store.add_user_name(EntityType.ORG, "Halden Institute") is False
    assert store.user_names() == [(EntityType.ORG, "Halden Institute")]
    store.remove_user_name(EntityType.ORG, "Halden Institute")
    assert store.user_names() == []


def test_import_extracts_and_cli_lists_entities(store_path: Path, tmp_path: Path) -> None:
    text = (
        "Putin warns over treaty\n"
        "President Vladimir Putin said Russia would respond. NATO Secretary General Jens "
        "Stoltenberg said the alliance was calm. Putin added more.\n"
    )
    source = tmp_path / "wire.txt"
    source.write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert (
        cli_main(["import", str(source), "--db", str(store_path), "-q"], out=out, err=io.StringIO())
        == 0
    )
    out = io.StringIO()
    assert cli_main(["entities", "--db", str(store_path)], out=out, err=io.StringIO()) == 0
    assert "Vladimir Putin" in out.getvalue() and "Jens Stoltenberg" in out.getvalue()
    out = io.StringIO()
    assert (
        cli_main(["list", "--entity", "Putin", "--db", str(store_path)], out=out, err=io.StringIO())
        == 0
    )
    assert "Putin warns over treaty" in out.getvalue()
    out = io.StringIO()
    assert cli_main(["reextract", "--db", str(store_path), "-q"], out=out, err=io.StringIO()) == 0
    assert "Re-extracted 1 articles" in out.getvalue()
    err = io.StringIO()
    assert (
        cli_main(
            ["list", "--entity", "Nobody At All", "--db", str(store_path)],
            out=io.StringIO(),
            err=err,
        )
        == 2
    )


def test_large_views_count_the_same_in_memory_as_in_sql(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing.store.entity_store as entity_store

    run_id = store.begin_import_run(source="t", files=[], options={})
    names = ["Russia", "Ukraine", "NATO", "Topol-M", "Kyiv"]
    articles, mentions = [], []
    for n in range(600):
        articles.append(("Wire", make_article(n)))
        mentions.append([m(names[k], L, names[k], 5 * k) for k in range(5) if (n + k) % (k + 2)])
    store.add_articles(run_id, articles, mentions=mentions, extraction_version=1)
    russia = entity(store, "Russia")
    query = ArticleQuery(excluded_entities=(russia,))
    in_sql = counts(store, query)
    monkeypatch.setattr(entity_store, "_ARRAY_COUNTS_FROM", 1)
    assert counts(store, query) == in_sql
    # A later write invalidates the in-memory copy.
    store.add_articles(run_id, [("Wire", make_article(9999))], mentions=[[m("Kyiv", L, "Kyiv")]])
    monkeypatch.setattr(entity_store, "_ARRAY_COUNTS_FROM", 10**9)
    in_sql = counts(store, query)
    monkeypatch.setattr(entity_store, "_ARRAY_COUNTS_FROM", 1)
    assert counts(store, query) == in_sql
    assert in_sql["Kyiv"] > 0
