"""The import pipeline: files and folders in, articles stored once, bad files named."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.domain import ArticleQuery, DateSource
from briefing.ingest.pipeline import ImportProgress, collect_files, run_import
from briefing.store import Store

STORY_A = (
    "NATO and Russia to hold talks on treaty\n"
    "NATO and Russian officials will hold talks this week, the alliance said.\n"
    "Diplomats said the INF treaty will be on the agenda for the meeting.\n"
)
STORY_B = (
    "Kinzhal missiles moved to Kaliningrad\n"
    "Russia has moved Kinzhal missiles to its Baltic exclave, officials said.\n"
    "The missile has a range of up to 2,000km, according to the ministry.\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def titles(store: Store) -> list[str]:
    return sorted(r.title for r in store.article_rows(store.query_article_ids(ArticleQuery())))


def test_import_files_and_folders_recursively(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", STORY_A)
    write(tmp_path / "in" / "deeper" / "b.md", STORY_B)
    write(tmp_path / "in" / "photo.jpg", "\x00\x01binary")
    write(tmp_path / "in" / ".hidden.txt", STORY_B)
    report = run_import(store, [tmp_path / "in"])
    assert (report.files_total, report.imported, report.duplicates) == (2, 2, 0)
    assert report.failures == []
    assert [Path(s.path).name for s in report.skipped] == ["photo.jpg"]
    assert titles(store) == [
        "Kinzhal missiles moved to Kaliningrad",
        "NATO and Russia to hold talks on treaty",
    ]
    article = store.get_article(store.query_article_ids(ArticleQuery(search="Kinzhal"))[0])
    assert article is not None
    assert article.source == "b"  # the file's name when no --source is given
    assert article.origin_file == str((tmp_path / "in" / "deeper" / "b.md").resolve())


def test_reimport_adds_nothing_and_the_same_story_elsewhere_is_a_duplicate(
    store: Store, tmp_path: Path
) -> None:
    a = write(tmp_path / "a.txt", STORY_A)
    first = run_import(store, [a])
    assert (first.imported, first.duplicates) == (1, 0)
    again = run_import(store, [a])
    assert (again.imported, again.duplicates) == (0, 1)
    # The same story with Windows line endings, other spacing, in another encoding.
    copy = write(tmp_path / "copy.txt", STORY_A.replace("\n", "  \r\n"), encoding="utf-16")
    third = run_import(store, [copy])
    assert (third.imported, third.duplicates) == (0, 1)
    assert store.count_articles() == 1


def test_broken_files_are_named_and_the_rest_goes_on(store: Store, tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", STORY_A)
    empty = write(tmp_path / "empty.txt", "")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    locked = write(tmp_path / "locked.txt", STORY_B)
    locked.chmod(0)
    missing = tmp_path / "missing.txt"
    try:
        report = run_import(store, [empty, binary, locked, missing, good])
    finally:
        locked.chmod(0o644)
    reasons = {Path(f.path).name: f.reason for f in report.failures}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert reasons["missing.txt"] == "no such file or folder"
    if os.geteuid() != 0:  # root reads a chmod 0 file anyway
        assert reasons["locked.txt"] == "permission denied"
    assert report.imported >= 1
    assert titles(store)[-1] == "NATO and Russia to hold talks on treaty"
    (run,) = store.import_runs()
    assert run.failed == len(report.failures)
    assert {f.path for f in store.import_run_failures(run.id)} == {f.path for f in report.failures}


def test_default_date_only_where_the_file_has_none(store: Store, tmp_path: Path) -> None:
    dated = write(tmp_path / "dated.txt", STORY_B.replace("\n", "\n21 January 2019\n", 1))
    undated = write(tmp_path / "undated.txt", STORY_A)
    run_import(store, [dated, undated], default_date=dt.date(2020, 5, 1), source="Wire")
    by_title = {r.title: r for r in store.article_rows(store.query_article_ids(ArticleQuery()))}
    kinzhal = by_title["Kinzhal missiles moved to Kaliningrad"]
    assert (kinzhal.published, kinzhal.date_source) == (dt.date(2019, 1, 21), DateSource.METADATA)
    nato = by_title["NATO and Russia to hold talks on treaty"]
    assert (nato.published, nato.date_source) == (dt.date(2020, 5, 1), DateSource.USER)
    assert {r.source for r in by_title.values()} == {"Wire"}


def test_progress_and_cancel_leave_whole_batches(store: Store, tmp_path: Path) -> None:
    files = [
        write(tmp_path / f"f{i:02}.txt", STORY_A.replace("this week", f"in week {i}"))
        for i in range(20)
    ]
    seen: list[ImportProgress] = []

    def cancel_after_five() -> bool:
        return len(seen) >= 5

    report = run_import(
        store, files, progress=seen.append, is_cancelled=cancel_after_five, batch_size=2
    )
    assert report.cancelled
    assert [p.files_done for p in seen] == [1, 2, 3, 4, 5]
    assert seen[-1].files_total == 20
    assert store.count_articles() == report.imported == 5
    (run,) = store.import_runs()
    assert run.cancelled and run.imported == 5
    assert store.integrity_ok()


def test_collect_files_is_stable_and_deduplicated(tmp_path: Path) -> None:
    a = write(tmp_path / "z" / "b.txt", STORY_A)
    write(tmp_path / "z" / "a.txt", STORY_B)
    files, skipped = collect_files([tmp_path / "z", a])
    assert [f.name for f in files] == ["a.txt", "b.txt"]
    assert skipped == []


_WRITER = """
import sys
from pathlib import Path
from briefing.ingest.pipeline import run_import
from briefing.store import Store
with Store.open(sys.argv[1]) as store:
    report = run_import(store, [Path(p) for p in sys.argv[2:]], batch_size=3)
print(report.imported, report.duplicates, len(report.failures))
"""


def test_two_processes_importing_at_once_do_not_corrupt_the_store(
    store_path: Path, tmp_path: Path
) -> None:
    Store.open(store_path).close()
    stories = [
        write(tmp_path / f"s{i:03}.txt", STORY_B.replace("Baltic", f"Baltic ({i})"))
        for i in range(60)
    ]
    # Both import the same 60 stories in opposite orders: every one must be stored once.
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(store_path), *map(str, order)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for order in (stories, list(reversed(stories)))
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    counts = [tuple(map(int, out.split())) for out, _ in results]
    assert sum(imported for imported, _, _ in counts) == 60
    assert sum(dup for _, dup, _ in counts) == 60
    raw = sqlite3.connect(store_path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 60
    raw.close()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings(store: Store, tmp_path: Path, encoding: str) -> None:
    text = "Minister José Müller visits Zürich\nThe minister said talks went well.\n"
    path = write(tmp_path / f"{encoding}.txt", text, encoding=encoding)
    report = run_import(store, [path])
    assert report.failures == []
    assert titles(store) == ["Minister José Müller visits Zürich"]


def test_reading_in_worker_processes_gives_the_same_store(tmp_path: Path) -> None:
    files = [
        write(tmp_path / "in" / f"f{i:02}.txt", STORY_A.replace("this week", f"in week {i}"))
        for i in range(12)
    ]
    files.append(write(tmp_path / "in" / "empty.txt", ""))
    files.append(files[0])  # named twice: read once
    outcomes = []
    for workers in (0, 2):
        with Store.open(tmp_path / f"w{workers}.sqlite") as store:
            report = run_import(store, files, workers=workers, batch_size=5)
            rows = store.article_rows(store.query_article_ids(ArticleQuery()))
            outcomes.append(
                (report.imported, [f.reason for f in report.failures], [r.title for r in rows])
            )
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 12 and outcomes[0][1] == ["empty file"]


def test_rows_and_messages_left_out_are_reported_per_file(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    write(
        folder / "wire.csv",
        "title,body,date\nTalks resume,Diplomats resumed talks in Geneva.,2021-04-05\n"
        ",,2021-04-06\n,,2021-04-07\nLaunch delayed,The launch was delayed.,2021-04-08\n",
    )
    write(
        folder / "scrape.jsonl",
        '{"title": "Patrols", "text": "Border guards stepped up patrols."}\n{"title": "Dr',
    )
    write(folder / "plain.txt", STORY_A)
    report = run_import(store, [folder], workers=0, extract=False)
    assert report.ok and report.imported == 4
    assert sorted((Path(f.path).name, f.reason) for f in report.skipped) == [
        ("scrape.jsonl", "last line 2 skipped: cut off mid-record"),
        ("wire.csv", "2 of 4 rows skipped: no title or text (lines 3, 4)"),
    ]


def test_the_split_option_reaches_the_reader_and_the_run_record(
    store: Store, tmp_path: Path
) -> None:
    from briefing.ingest.readers import ReadOptions
    from briefing.ingest.segmentation import Segmentation

    # Two stories in a file that is read across processes, with the option in each reader.
    files = [
        write(
            tmp_path / f"f{i}.txt",
            STORY_A.replace("this week", f"on day {i}")
            + "\n"
            + STORY_B.replace("Baltic", f"Baltic {i}"),
        )
        for i in range(10)
    ]
    one = run_import(
        store, files, workers=2, extract=False,
        read_options=ReadOptions(segmentation=Segmentation.ONE_PER_FILE),
    )  # fmt: skip
    assert one.imported == 10
    assert store.import_runs()[-1].options["segmentation"] == "file"
    store.undo_import(one.run_id or 0)
    auto = run_import(store, files, workers=0, extract=False)
    assert auto.imported == 20
    assert store.import_runs()[-1].options == {"source": "", "date": "", "segmentation": "auto"}


def test_a_fallback_source_names_only_articles_whose_file_names_none(
    store: Store, tmp_path: Path
) -> None:
    plain = write(tmp_path / "plain.txt", STORY_A)
    export = write(
        tmp_path / "export.csv",
        "title,body,source\nPatrols,Border guards stepped up patrols on Monday.,Reuters\n",
    )
    run_import(store, [plain, export], workers=0, extract=False, fallback_source="Samples")
    rows = store.article_rows(store.query_article_ids(ArticleQuery()))
    assert {r.title: r.source for r in rows} == {
        "NATO and Russia to hold talks on treaty": "Samples",
        "Patrols": "Reuters",
    }


def test_an_extraction_bug_in_a_previewed_import_costs_one_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.domain import ParsedArticle
    from briefing.ingest import preview_import

    real = preview_import.extract_facts

    def failing(extractor: object, article: ParsedArticle) -> object:
        if "odd" in article.body:
            raise ValueError("a bug met by one odd article")
        return real(extractor, article)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_import, "extract_facts", failing)
    articles = [
        (
            "Wire",
            ParsedArticle(title=f"Story {n}", body=body, origin_file="wire.txt", origin_position=n),
        )
        for n, body in enumerate(
            ["NATO met in Brussels.", "An odd one about Russia.", "Ukraine said more."]
        )
    ]
    with Store.open(tmp_path / "s.sqlite") as store:
        report = preview_import.import_parsed_articles(store, articles, files=["wire.txt"])
        assert report.imported == 2
        assert [(f.path, f.reason) for f in report.failures] == [
            ("wire.txt (article 2)", "could not be read because of an internal error")
        ]
        assert store.count_articles() == 2
