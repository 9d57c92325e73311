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


ONE_PARAGRAPH_STORIES = (
    "The navy tested a new interceptor missile off the south coast on Tuesday.\n\n"
    "Members of parliament began debating the defence budget on Wednesday.\n\n"
    "Border guards stepped up patrols along the northern frontier on Thursday.\n"
)


@pytest.mark.parametrize(("split", "articles"), [("auto", 1), ("blank", 3), ("file", 1)])
def test_import_split_chooses_how_plain_text_is_cut(
    db: str, tmp_path: Path, split: str, articles: int
) -> None:
    stories = write(tmp_path / "stories.txt", ONE_PARAGRAPH_STORIES)
    code, out, _ = run("import", str(stories), "--db", db, "--split", split, "-q")
    assert code == 0
    assert f"Imported {articles} articles" in out
    code, out, _ = run("list", "--db", db)
    assert len(out.splitlines()) == articles
    code, out, _ = run("export-json", "-", "--db", db)
    (import_run,) = json.loads(out)["import_runs"]
    assert import_run["options"]["segmentation"] == split


def test_import_split_refuses_an_unknown_mode(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stories = write(tmp_path / "stories.txt", ONE_PARAGRAPH_STORIES)
    code, _, _ = run("import", str(stories), "--db", db, "--split", "paragraph")
    assert code == 2
    assert "invalid choice: 'paragraph'" in capsys.readouterr().err  # argparse's own stderr


def test_import_reports_rows_left_out(db: str, tmp_path: Path) -> None:
    export = write(
        tmp_path / "export.csv",
        "title,body,date\nTalks resume,Diplomats resumed talks in Geneva.,2021-04-05\n"
        ",,2021-04-06\nLaunch delayed,The launch was delayed.,2021-04-07\n",
    )
    code, out, err = run("import", str(export), "--db", db, "-q")
    assert code == 0  # rows with nothing in them are not a failure
    assert "Imported 2 articles" in out and "0 failed, 1 skipped" in out
    assert f"skipped: {export}: 1 of 3 rows skipped: no title or text (line 3)\n" in err


def test_import_source_wins_over_the_one_the_file_names(db: str, tmp_path: Path) -> None:
    detected = write(
        tmp_path / "detected.csv",
        "title,body,source\nTalks resume,Diplomats resumed talks in Geneva.,Reuters\n",
    )
    given = write(
        tmp_path / "given.csv",
        "title,body,source\nLaunch delayed,The launch was delayed by a week.,AP\n",
    )
    assert run("import", str(detected), "--db", db, "-q")[0] == 0
    assert run("import", str(given), "--db", db, "--source", "Desk", "-q")[0] == 0
    _, out, _ = run("list", "--db", db)
    lines = {line.rsplit("  ", 1)[-1]: line for line in out.splitlines()}
    assert "Reuters" in lines["Talks resume"]  # no name given: the file's own
    assert "Desk" in lines["Launch delayed"] and "AP" not in lines["Launch delayed"]
