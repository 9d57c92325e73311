"""The briefing commands: new-briefing, export-briefing, briefings, show-briefing, export-view."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from briefing.briefings.model import ChartKind, ItemKind
from briefing.cli import UsageError, main
from briefing.cli_briefings import parse_day
from briefing.paths import samples_dir
from briefing.store import Store
from tests.test_briefing_assemble import CORPUS, PENTAGON, TALKS, TOPOL, UKRAINE


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(CORPUS, encoding="utf-8")
    path = str(tmp_path / "cli.sqlite")
    code, _, err = run("import", str(folder), "--db", path, "--source", "Wire", "-q")
    assert code == 0, err
    return path


def test_new_briefing_from_filters(db: str) -> None:
    code, out, err = run(
        "new-briefing",
        "INF weekly",
        "--search",
        "INF OR missile",
        "--entity",
        "Russia",
        "--title",
        "The INF treaty",
        "--author",
        "A. Analyst",
        "--marking",
        "OFFICIAL",
        "--db",
        db,
    )
    assert code == 0, err
    assert out.splitlines() == [
        "3 articles matched.",
        "Made briefing 'INF weekly': an entity table, key dates, a timeline and a range chart, "
        "then 3 articles.",
    ]
    with Store.open(db) as store:
        info = store.find_briefing("inf WEEKLY")
        assert info is not None
        assert (info.title, info.author, info.marking, info.date) == (
            "The INF treaty",
            "A. Analyst",
            "OFFICIAL",
            None,
        )
        items = store.get_briefing(info.id).items
        assert [item.kind for item in items[:4]] == [
            ItemKind.ENTITY_TABLE,
            ItemKind.KEY_DATES,
            ItemKind.CHART,
            ItemKind.CHART,
        ]
        timeline, ranges = items[2].chart, items[3].chart
        assert timeline is not None and timeline.kind is ChartKind.TIMELINE
        assert ranges is not None and ranges.kind is ChartKind.RANGES
        caption = 'Articles matching "INF OR missile" · mentioning Russia · 3 articles'
        assert timeline.caption == caption == items[2].caption == ranges.caption
        # Then the articles, oldest first.
        assert [item.article_id for item in items[4:]] == [TOPOL, TALKS, PENTAGON]
        assert items[5].provenance is not None
        assert items[5].provenance.published == dt.date(2019, 1, 22)
        assert items[5].provenance.source == "Wire"


def test_limit_keeps_the_newest_and_says_so(db: str) -> None:
    code, out, _ = run("new-briefing", "Two", "--limit", "2", "--no-charts", "--db", db)
    assert code == 0
    assert out.splitlines() == [
        "4 articles matched.",
        "Made briefing 'Two': an entity table and key dates, then 2 articles "
        "(capped by --limit 2: the newest).",
    ]
    with Store.open(db) as store:
        info = store.find_briefing("Two")
        assert info is not None
        items = store.get_briefing(info.id).items
        assert [item.kind for item in items[:2]] == [ItemKind.ENTITY_TABLE, ItemKind.KEY_DATES]
        assert [item.article_id for item in items[2:]] == [TALKS, PENTAGON]


def test_dates_filter_like_the_timeline(db: str) -> None:
    code, out, _ = run("new-briefing", "Jan", "--from", "2019-01", "--to", "2019-01", "--db", db)
    assert code == 0 and out.startswith("1 article matched.")
    code, out, _ = run("new-briefing", "2019", "--from", "2019", "--to", "2019", "--db", db)
    assert code == 0 and out.startswith("2 articles matched.")
    with Store.open(db) as store:
        info = store.find_briefing("Jan")
        assert info is not None
        timeline = store.get_briefing(info.id).items[2].chart
        assert timeline is not None and timeline.timeline is not None
        assert timeline.timeline.unit == "day" and len(timeline.timeline.bins) == 31
        assert timeline.caption == "Articles with dates 1 Jan 2019 – 31 Jan 2019 · 1 article"


def test_empty_charts_are_left_out(db: str) -> None:
    code, out, _ = run("new-briefing", "Kuleba", "--search", "Kuleba", "--db", db)
    assert code == 0
    assert "an entity table and key dates, then 1 article." in out
    with Store.open(db) as store:
        info = store.find_briefing("Kuleba")
        assert info is not None
        items = store.get_briefing(info.id).items
        assert [item.kind for item in items] == [
            ItemKind.ENTITY_TABLE,
            ItemKind.KEY_DATES,
            ItemKind.ARTICLE,
        ]
        assert items[2].article_id == UKRAINE


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--entity", "Nobody"], "briefing: no entity called 'Nobody' (see `briefing entities`)"),
        (
            ["--from", "2019-02-30"],
            "briefing: --from: '2019-02-30' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        ),
        (["--to", "last week"], "briefing: --to: 'last week' is not a date"),
        (["--from", "2019-02", "--to", "2019-01"], "briefing: --to is before --from"),
        (["--search", '"unclosed'], "briefing: --search:"),
        (["--limit", "-1"], "briefing: --limit must be 0 (all) or more"),
    ],
)
def test_usage_errors_are_one_line(db: str, argv: list[str], message: str) -> None:
    code, out, err = run("new-briefing", "Bad", *argv, "--db", db)
    assert code == 2
    assert out == ""
    assert err.startswith(message) and err.count("\n") == 1
    with Store.open(db) as store:
        assert store.list_briefings() == []


def test_a_taken_name_needs_replace(db: str) -> None:
    assert run("new-briefing", "Weekly", "--search", "Topol", "--db", db)[0] == 0
    code, _, err = run("new-briefing", "weekly", "--db", db)
    assert code == 2
    assert err == "briefing: there is already a briefing called 'Weekly' (--replace replaces it)\n"
    code, out, _ = run("new-briefing", "weekly", "--search", "Kuleba", "--replace", "--db", db)
    assert code == 0 and "Replaced briefing 'weekly'" in out
    with Store.open(db) as store:
        (info,) = store.list_briefings()
        assert info.name == "weekly"
        assert store.briefing_article_ids(info.id) == [UKRAINE]


def test_list_and_show(db: str) -> None:
    code, _, err = run("briefings", "--db", db)
    assert code == 0 and "no briefings yet" in err
    run(
        "new-briefing", "Weekly", "--search", "Topol OR Kuleba", "--marking", "OFFICIAL", "--db", db
    )
    run("new-briefing", "alpha", "--search", "Kuleba", "--no-charts", "--db", db)
    code, out, _ = run("briefings", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["alpha", "3", "items"],
        ["Weekly", "6", "items"],
    ]
    assert all(f"modified {dt.date.today().isoformat()}" in line for line in lines)
    with Store.open(db) as store:
        store.undo_import(1)
    code, out, _ = run("show-briefing", "WEEKLY", "--db", db)
    assert code == 0
    assert out.splitlines()[:6] == [
        "Weekly",
        "======",
        "Name: Weekly",
        "Date: the export date",
        "Marking: OFFICIAL",
        out.splitlines()[5],
    ]
    assert out.splitlines()[5].startswith("Modified: ")
    items = out.splitlines()[6:]
    assert items[0] == "6 items:"
    assert items[1] == "   1. entity table"
    assert items[2] == "   2. key dates"
    assert items[3].startswith("   3. chart: Timeline of dates mentioned — Articles matching")
    assert items[4].startswith("   4. chart: Stated ranges — ")
    assert items[5] == (
        "   5. article: Russia begins mass production of Topol-M (Wire, 2007-12-12; article 2, "
        "removed from the store)"
    )
    assert items[6].startswith(
        "   6. article: Ukraine asks allies for more air defence (Wire, undated"
    )
    code, _, err = run("show-briefing", "nope", "--db", db)
    assert code == 2 and err == "briefing: no briefing called 'nope' (see `briefing briefings`)\n"


@pytest.mark.parametrize(
    ("name", "fmt", "needle"),
    [
        ("brief.md", None, "# The INF treaty"),
        ("brief.html", None, "The INF treaty"),
        ("brief.htm", None, "The INF treaty"),
        ("brief.out", "md", "# The INF treaty"),
    ],
)
def test_export_briefing(db: str, tmp_path: Path, name: str, fmt: str | None, needle: str) -> None:
    run("new-briefing", "Weekly", "--title", "The INF treaty", "--marking", "OFFICIAL", "--db", db)
    target = tmp_path / "out" / name
    target.parent.mkdir()
    argv = ["export-briefing", "weekly", "-o", str(target), "--db", db]
    if fmt:
        argv += ["--format", fmt]
    code, out, err = run(*argv)
    assert code == 0, err
    written = [Path(line) for line in out.splitlines()]
    assert written[0] == target
    assert all(path.exists() for path in written)
    text = target.read_text(encoding="utf-8")
    assert needle in text and "OFFICIAL" in text
    assert "NATO, Russia to hold talks amid treaty crisis" in text
    assert "Russia begins mass production of Topol-M" in text


def test_export_briefing_errors(db: str, tmp_path: Path) -> None:
    run("new-briefing", "Weekly", "--db", db)
    code, _, err = run("export-briefing", "Weekly", "-o", str(tmp_path / "brief.txt"), "--db", db)
    assert (code, err) == (
        2,
        "briefing: cannot tell the format from 'brief.txt': give --format (pdf|docx|html|md)\n",
    )
    code, _, err = run("export-briefing", "Other", "-o", str(tmp_path / "b.md"), "--db", db)
    assert code == 2 and "no briefing called 'Other'" in err
    missing = tmp_path / "no" / "such" / "b.md"
    code, _, err = run("export-briefing", "Weekly", "-o", str(missing), "--db", db)
    assert code == 1 and err.startswith("briefing: error: ") and err.count("\n") == 1
    assert not missing.exists()


def test_export_view(db: str, tmp_path: Path) -> None:
    target = tmp_path / "view.csv"
    code, out, _ = run("export-view", "--entity", "NATO", "-o", str(target), "--db", db)
    assert code == 0
    assert out == f"Exported 3 articles to {target}.\n"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # In the list's order: newest first, undated last.
    assert [int(row["id"]) for row in rows] == [TALKS, TOPOL, UKRAINE]
    code, _, err = run("export-view", "--to", "x", "-o", str(target), "--db", db)
    assert code == 2 and "--to: 'x' is not a date" in err


@pytest.mark.parametrize(
    ("text", "last", "day"),
    [
        ("2019-01-21", False, dt.date(2019, 1, 21)),
        ("2019-1-2", True, dt.date(2019, 1, 2)),
        ("2019-02", False, dt.date(2019, 2, 1)),
        ("2019-02", True, dt.date(2019, 2, 28)),
        ("2020-02", True, dt.date(2020, 2, 29)),
        ("2019", False, dt.date(2019, 1, 1)),
        ("2019", True, dt.date(2019, 12, 31)),
    ],
)
def test_parse_day(text: str, last: bool, day: dt.date) -> None:
    assert parse_day(text, option="--from", last=last) == day


@pytest.mark.parametrize("text", ["", "19", "2019-13", "2019-02-29", "21/01/2019", "2019-01-01x"])
def test_parse_day_refuses(text: str) -> None:
    with pytest.raises(UsageError, match="is not a date"):
        parse_day(text, option="--from", last=False)


class _ClosedPipe(io.StringIO):
    """Standard output whose reader went away after the first line (`| head -1`)."""

    def write(self, text: str) -> int:
        if self.getvalue():
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


@pytest.mark.parametrize("command", [["briefings"], ["list"], ["entities"]])
def test_a_closed_pipe_is_not_an_error(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "pipe.sqlite"
    assert (
        main(["--db", str(db), "import", str(samples_dir())], out=io.StringIO(), err=io.StringIO())
        == 0
    )
    main(["--db", str(db), "new-briefing", "Week"], out=io.StringIO(), err=io.StringIO())
    err = io.StringIO()
    assert main(["--db", str(db), *command], out=_ClosedPipe(), err=err) == 0
    assert err.getvalue() == ""
