from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from briefing.domain import ArticleQuery, DateSource, QuerySyntaxError, SortKey, StoreError, Subhead
from briefing.store import Store
from tests.conftest import add, make_article


def test_new_store_is_wal_with_foreign_keys(store: Store, store_path: Path) -> None:
    assert store.count_articles() == 0
    raw = sqlite3.connect(store_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "sources", "import_runs", "import_run_articles", "articles_fts"} <= tables
    raw.close()
    with store._engine.connect() as connection:  # the app's own connections enforce FKs
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_round_trip_keeps_every_field(store: Store) -> None:
    parsed = dataclasses.replace(
        make_article(1, published=dt.date(2019, 1, 21), truncated=True),
        kicker="REVENGE",
        deck="Trump said he had support",
        headline="",
        byline="By Jane Smith",
        subheads=(Subhead("TENSE TIES", 12),),
    )
    run_id = add(store, parsed, source="Taipei Times")
    (article_id,) = store.query_article_ids(ArticleQuery())
    article = store.get_article(article_id)
    assert article is not None
    assert article.title == parsed.title
    assert article.body == parsed.body
    assert (article.kicker, article.deck, article.byline) == (
        "REVENGE",
        "Trump said he had support",
        "By Jane Smith",
    )
    assert article.subheads == (Subhead("TENSE TIES", 12),)
    assert article.published == dt.date(2019, 1, 21)
    assert article.date_source is DateSource.METADATA
    assert article.source == "Taipei Times"
    assert (article.origin_file, article.origin_position, article.origin_line) == (
        "/tmp/file0.txt",
        1,
        2,
    )
    assert article.truncated is True
    assert article.import_run_id == run_id
    assert store.get_article(article_id + 100) is None


def test_duplicates_are_stored_once_by_normalised_content(store: Store) -> None:
    first = make_article(1, body="NATO and Russia will hold talks, the alliance said.")
    # The same story pasted elsewhere: other quotes, case, spacing and line breaks.
    again = dataclasses.replace(
        first,
        title="Another title",
        body="NATO  and Russia will hold talks,\nthe ALLIANCE said!",
        origin_file="/other.txt",
    )
    other = make_article(2)
    run_id = store.begin_import_run(source="s", files=[], options={})
    result = store.add_articles(run_id, [("s", first), ("s", again), ("s", other)])
    assert (result.added, result.duplicates) == (2, 1)
    second_run = store.begin_import_run(source="s", files=[], options={})
    result = store.add_articles(second_run, [("s", first)])
    assert (result.added, result.duplicates) == (0, 1)
    assert store.count_articles() == 2
    runs = store.import_runs()
    assert [(r.imported, r.duplicates) for r in runs] == [(2, 1), (0, 1)]
    # The run that saw it as a duplicate still knows it brought it in.
    assert store.query_article_ids(ArticleQuery(import_run_id=second_run)) != []


def test_full_text_index_follows_inserts_updates_and_deletes(store: Store) -> None:
    add(store, make_article(1, body="The Iskander-M has a range of 500km."))
    assert len(store.query_article_ids(ArticleQuery(search="Iskander-M"))) == 1
    with store._write() as connection, connection.begin():
        connection.exec_driver_sql("UPDATE articles SET body = 'Now about Kinzhal.'")
    assert store.query_article_ids(ArticleQuery(search="Iskander-M")) == []
    assert len(store.query_article_ids(ArticleQuery(search="kinzhal"))) == 1
    with store._write() as connection, connection.begin():
        connection.exec_driver_sql("DELETE FROM articles")
    assert store.query_article_ids(ArticleQuery(search="kinzhal")) == []
    assert store.integrity_ok()


def test_search_syntax(store: Store) -> None:
    add(
        store,
        make_article(1, title="Topol-M production", body="Russia builds the SS-27 missile."),
        make_article(2, title="INF treaty talks", body="NATO and Russia meet in Brussels."),
        make_article(3, title="Elephants hit by train", body="A train hit elephants in Assam."),
    )

    def titles(search: str) -> list[str]:
        rows = store.article_rows(store.query_article_ids(ArticleQuery(search=search)))
        return sorted(row.title for row in rows)

    assert titles("Russia") == ["INF treaty talks", "Topol-M production"]
    assert titles('"SS-27 missile"') == ["Topol-M production"]
    assert titles("SS-27") == ["Topol-M production"]
    assert titles("eleph*") == ["Elephants hit by train"]
    assert titles("Russia NOT NATO") == ["Topol-M production"]
    assert titles("Brussels OR Assam") == ["Elephants hit by train", "INF treaty talks"]
    assert titles("title:Russia") == []
    with pytest.raises(QuerySyntaxError):
        store.query_article_ids(ArticleQuery(search='"unclosed'))


def test_sorting_puts_unknown_dates_last_both_ways(store: Store) -> None:
    add(
        store,
        make_article(1, title="b undated"),
        make_article(2, title="A old", published=dt.date(2018, 12, 1)),
        make_article(3, title="c new", published=dt.date(2019, 2, 2)),
    )

    def order(sort: SortKey, descending: bool) -> list[str]:
        ids = store.query_article_ids(ArticleQuery(sort=sort, descending=descending))
        return [row.title for row in store.article_rows(ids)]

    assert order(SortKey.DATE, True) == ["c new", "A old", "b undated"]
    assert order(SortKey.DATE, False) == ["A old", "c new", "b undated"]
    assert order(SortKey.TITLE, False) == ["A old", "b undated", "c new"]
    assert order(SortKey.TITLE, True) == ["c new", "b undated", "A old"]


def test_article_rows_keep_the_order_asked(store: Store) -> None:
    add(store, *(make_article(n) for n in range(1, 1201)))
    ids = list(reversed(store.query_article_ids(ArticleQuery(sort=SortKey.TITLE))))
    rows = store.article_rows(ids)
    assert [row.id for row in rows] == ids
    assert len(list(store.iter_articles(batch_size=250))) == 1200


def test_not_a_store(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store.open(text)
    foreign = tmp_path / "other.sqlite"
    raw = sqlite3.connect(foreign)
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="not a Briefing store"):
        Store.open(foreign)
    with pytest.raises(StoreError, match="only SQLite"):
        Store.open("postgresql://localhost/briefing")
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path)


def test_sqlalchemy_urls(tmp_path: Path) -> None:
    path = tmp_path / "via-url.sqlite"
    with Store.open(f"sqlite:///{path}") as store:
        add(store, make_article(1))
    with Store.open(path) as store:
        assert store.count_articles() == 1
    with Store.open("sqlite://") as memory:
        add(memory, make_article(1))
        assert memory.count_articles() == 1


def test_undo_import_removes_exactly_what_the_run_added(store: Store) -> None:
    from briefing.domain import EntityType, Mention

    shared = make_article(1)
    first = store.begin_import_run(source="a", files=[], options={})
    store.add_articles(
        first,
        [("Wire", shared), ("Wire", make_article(2))],
        mentions=[[Mention("body", 0, 4, "Body", EntityType.ORG, "Body Corp")], []],
    )
    second = store.begin_import_run(source="b", files=[], options={})
    store.add_articles(second, [("Wire", shared), ("Wire", make_article(3))])
    assert store.count_articles() == 3
    # Run 2 brought article 1 again (a duplicate) and added article 3: only 3 goes.
    assert store.undo_import(second) == 1
    assert sorted(r.title for r in store.article_rows(store.query_article_ids(ArticleQuery()))) == [
        "Article number 1",
        "Article number 2",
    ]
    assert store.undo_import(first) == 2
    assert store.count_articles() == 0
    assert [c.articles for c in store.entity_counts(ArticleQuery())] == []
    assert all(run.undone_at is not None for run in store.import_runs())
    assert store.integrity_ok()
    with pytest.raises(StoreError):
        store.undo_import(999)


def test_existing_hashes(store: Store) -> None:
    from briefing.content_hash import content_hash

    article = make_article(1)
    add(store, article)
    known = content_hash(article)
    assert store.existing_hashes([known, "0" * 32]) == {known}
