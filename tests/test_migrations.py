"""The schema is versioned: old stores are upgraded after a backup, newer ones refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from briefing.domain import ArticleQuery, StoreError
from briefing.store import Store
from briefing.store.engine import make_engine
from briefing.store.models import Base
from briefing.store.schema import HEAD_REVISION, head_revision, known_revisions, upgrade_to


def _make_store_at(path: Path, revision: str) -> None:
    engine, _ = make_engine(str(path))
    upgrade_to(engine, revision)
    engine.dispose()


def _fill_at_first_revision(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO sources(id, name, created_at) VALUES (1, 'Wire', '2019-01-21 10:00:00')"
    )
    raw.execute(
        "INSERT INTO import_runs(id, started_at, files_json) "
        "VALUES (1, '2019-01-21 10:00:00', '[\"old.txt\"]')"
    )
    raw.execute(
        "INSERT INTO articles(id, source_id, import_run_id, title, body, published, date_source, "
        "origin_file, content_hash, created_at) VALUES (1, 1, 1, 'NATO, Russia to hold talks', "
        "'Diplomats said the INF treaty will be on the agenda.', '2019-01-21', 'metadata', "
        "'old.txt', 'abc', '2019-01-21 10:00:00')"
    )
    raw.execute("INSERT INTO import_run_articles(run_id, article_id, is_new) VALUES (1, 1, 1)")
    raw.commit()
    raw.close()


def test_head_constant_matches_the_migrations() -> None:
    assert head_revision() == HEAD_REVISION


def test_there_is_history_to_upgrade_from() -> None:
    assert known_revisions()[0] == "0001"
    assert known_revisions()[-1] == head_revision()
    assert len(known_revisions()) >= 2


@pytest.mark.parametrize("old", known_revisions()[:-1])
def test_old_store_is_backed_up_and_upgraded_without_loss(tmp_path: Path, old: str) -> None:
    path = tmp_path / "old.sqlite"
    _make_store_at(path, old)
    _fill_at_first_revision(path)
    with Store.open(path) as store:
        assert store.schema_revision() == head_revision()
        assert store.backup_written is not None
        article = store.get_article(1)
        assert article is not None
        assert article.title == "NATO, Russia to hold talks"
        assert str(article.published) == "2019-01-21"
        # The full-text index was built over what the old store held.
        assert store.query_article_ids(ArticleQuery(search="agenda")) == [1]
        assert [run.files for run in store.import_runs()] == [("old.txt",)]
        backup = store.backup_written
    assert backup.exists()
    raw = sqlite3.connect(backup)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old
    assert raw.execute("SELECT title FROM articles").fetchone()[0] == "NATO, Russia to hold talks"
    raw.close()


def test_current_store_is_not_backed_up_again(store_path: Path) -> None:
    Store.open(store_path).close()
    with Store.open(store_path) as store:
        assert store.backup_written is None
    assert list(store_path.parent.glob("*.backup-*")) == []


def test_store_from_a_newer_briefing_is_refused(store_path: Path) -> None:
    Store.open(store_path).close()
    raw = sqlite3.connect(store_path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="newer Briefing"):
        Store.open(store_path)


def test_models_describe_the_migrated_schema(store_path: Path) -> None:
    Store.open(store_path).close()
    engine, _ = make_engine(str(store_path))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = [
            d
            for d in compare_metadata(context, Base.metadata)
            # FTS5's shadow tables are not modelled; they belong to the virtual table.
            if not (d[0] == "remove_table" and d[1].name.startswith("articles_fts"))
            # Alembic cannot compare expression indexes; checked by name below.
            and not (d[0].endswith("_index") and d[1].name == "ix_articles_title_nocase")
        ]
        names = set(
            connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            ).scalars()
        )
    engine.dispose()
    assert "ix_articles_title_nocase" in names
    assert differences == []


def test_0007_adds_briefings_whose_items_outlive_their_articles(tmp_path: Path) -> None:
    from briefing.briefings.model import ItemDraft, ItemKind

    path = tmp_path / "r0006.sqlite"
    _make_store_at(path, "0006")
    _fill_at_first_revision(path)
    with Store.open(path) as store:
        assert store.schema_revision() == "0007"
        assert store.list_briefings() == []
        info = store.create_briefing("Weekly")
        (provenance,) = store.provenance_for([1])
        store.add_briefing_items(info.id, [ItemDraft(ItemKind.ARTICLE, provenance=provenance)])
        assert store.undo_import(1) == 1
        (item,) = store.get_briefing(info.id).items
        assert item.provenance == provenance
        assert store.briefing_article_ids(info.id) == []
    raw = sqlite3.connect(path)
    # No foreign key to articles: only the one to the briefing.
    assert [row[2] for row in raw.execute("PRAGMA foreign_key_list(briefing_items)")] == [
        "briefings"
    ]
    raw.close()
