"""The command line: exit codes, output and the store location rule."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from briefing.cli import main
from tests.test_pipeline import STORY_A, STORY_B, write


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def test_import_list_show_search_export(db: str, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", STORY_A)
    b = write(tmp_path / "b.txt", STORY_B)
    code, out, _ = run("import", str(a), str(b), "--db", db, "--source", "Wire", "-q")
    assert code == 0
    assert "Imported 2 articles from 2 of 2 files: 0 duplicates" in out

    code, out, _ = run("--db", db, "list", "--sort", "title", "--ascending")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("Kinzhal missiles moved to Kaliningrad")
    assert "unknown" in lines[0] and "Wire" in lines[0]
    first_id = int(lines[0].split()[0])

    code, out, _ = run("show", str(first_id), "--db", db)
    assert code == 0
    assert out.startswith("Kinzhal missiles moved to Kaliningrad\n")
    assert "range of up to 2,000km" in out
    assert "Published: unknown (unknown)" in out

    code, out, err = run("search", "Kinzhal OR INF", "--db", db)
    assert code == 0 and len(out.splitlines()) == 2 and "2 articles match" in err
    code, out, _ = run("search", '"2,000km"', "--db", db)
    assert code == 0 and "Kinzhal" in out

    target = tmp_path / "dump.json"
    code, _, err = run("export-json", str(target), "--db", db)
    assert code == 0 and "exported 2 articles" in err
    dump = json.loads(target.read_text(encoding="utf-8"))
    assert dump["format"] == "briefing-export" and dump["version"] == 1
    assert len(dump["import_runs"]) == 1
    article = next(a for a in dump["articles"] if a["title"].startswith("Kinzhal"))
    assert set(article) >= {
        "id",
        "source",
        "origin",
        "title",
        "kicker",
        "deck",
        "subheads",
        "body",
        "published",
        "published_known_by",
        "truncated",
    }
    assert article["source"] == "Wire"
    assert article["origin"]["file"].endswith("b.txt")
    assert article["published"] is None and article["published_known_by"] == "unknown"


def test_exit_codes(db: str, tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", STORY_A)
    empty = write(tmp_path / "empty.txt", "")
    code, out, err = run("import", str(good), str(empty), "--db", db, "-q")
    assert code == 1
    assert f"failed: {empty}: empty file" in err
    assert "Imported 1 articles" in out
    assert run("show", "999", "--db", db)[0] == 1
    assert run("frobnicate")[0] == 2
    assert run("import", "--db", db)[0] == 2  # no paths
    assert run("import", str(good), "--date", "21/01/2019", "--db", db)[0] == 2


def test_malformed_search_is_one_line_not_a_traceback(db: str) -> None:
    code, out, err = run("search", '"unclosed', "--db", db)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "quote is not closed" in err
    assert "Traceback" not in err


def test_store_location_rule(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from_env = tmp_path / "env.sqlite"
    monkeypatch.setenv("BRIEFING_DB", str(from_env))
    code, out, _ = run("info")
    assert code == 0 and f"store: {from_env}" in out
    explicit = tmp_path / "explicit.sqlite"
    code, out, _ = run("info", "--db", str(explicit))
    assert f"store: {explicit}" in out
    monkeypatch.delenv("BRIEFING_DB")
    code, out, _ = run("info")
    assert code == 0 and "Briefing" in out and "briefing.sqlite" in out


def test_unusable_store_is_a_clear_error(tmp_path: Path) -> None:
    bogus = write(tmp_path / "bogus.sqlite", "not a database")
    code, _, err = run("list", "--db", str(bogus))
    assert code == 1
    assert (
        err.strip() == f"briefing: error: {bogus} is not a Briefing store (not an SQLite database)"
    )
