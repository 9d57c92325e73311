"""A folder of every format analysts bring, imported in one run: counts, sources and the
files that failed, each named with its reason."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import textwrap
from pathlib import Path

from briefing.domain import ArticleQuery
from briefing.ingest.pipeline import run_import
from briefing.store import Store
from tests.reader_fixtures import make_docx, make_pdf

FORMATS = Path(__file__).parent / "fixtures" / "formats"
STORY = (
    "MOSCOW (Reuters) - Russia's military on Wednesday displayed the 9M729 cruise missile "
    "that Washington says violates the INF treaty."
)


def mail(subject: str, body: str, sender: str = "Defense Daily <news@defense.example>") -> str:
    return (
        f"From: {sender}\nTo: analyst@example.org\nSubject: {subject}\n"
        "Date: Mon, 21 Jan 2019 07:30:00 +0000\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{body}\n"
    )


def build_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "wire.csv").write_text(
        "title,text,date,source\n"
        f'CSV story one,"{STORY} One.",2019-01-21,Reuters\n'
        f'CSV story two,"{STORY} Two.",2019-01-22,\n'
    )
    (folder / "scrape.jsonl").write_text(
        json.dumps({"title": "JSONL story", "text": f"{STORY} Three.", "url": "https://e.x/3"})
        + "\n"
    )
    (folder / "alert.eml").write_text(mail("Mail story", f"{STORY} Four."))
    (folder / "alerts.mbox").write_text(
        "From a@b Mon Jan 21 07:30:00 2019\n"
        + mail("Mbox story one", f"{STORY} Five.", sender="Wire Alerts <w@example.org>")
        + "\nFrom a@b Mon Jan 21 07:31:00 2019\n"
        + mail("Mbox story two", f"{STORY} Six.", sender="Wire Alerts <w@example.org>")
    )
    (folder / "clip.docx").write_bytes(
        make_docx([("Title", "Word story"), ("", f"{STORY} Seven.")])
    )
    (folder / "clip.pdf").write_bytes(
        make_pdf([["PDF story about the missile", *textwrap.wrap(f"{STORY} Eight.", 78)]])
    )
    (folder / "scan.pdf").write_bytes(make_pdf([["x"]], image_only=True))
    (folder / "broken.json").write_text('[{"title": "A",\n  "text" "B"}]')
    (folder / "empty.csv").write_text("a,b,c\n1,2,3\n")


def sources(store: Store) -> dict[str, str]:
    ids = store.query_article_ids(ArticleQuery())
    return {row.title: row.source for row in store.article_rows(ids)}


def test_a_folder_of_every_format(store: Store, tmp_path: Path) -> None:
    build_folder(tmp_path / "in")
    report = run_import(store, [tmp_path / "in"], workers=0, extract=False)
    assert (report.files_total, report.files_read, report.imported) == (9, 6, 8)
    assert {Path(f.path).name: f.reason for f in report.failures} == {
        "scan.pdf": "no text layer (a scanned PDF? OCR it first)",
        "broken.json": "malformed JSON at line 2, column 10: Expecting ':' delimiter",
        "empty.csv": "no title or text field found (fields: a, b, c)",
    }
    assert sources(store) == {
        "CSV story one": "Reuters",  # the row's own source
        "CSV story two": "wire",  # no source in the row: the file's name
        "JSONL story": "scrape",
        "Mail story": "Defense Daily",  # the sender
        "Mbox story one": "Wire Alerts",
        "Mbox story two": "Wire Alerts",
        "Word story": "clip",
        "PDF story about the missile": "clip",
    }
    csv_one = store.get_article(store.query_article_ids(ArticleQuery(search="One"))[0])
    assert csv_one is not None and csv_one.published == dt.date(2019, 1, 21)
    jsonl = store.get_article(store.query_article_ids(ArticleQuery(search="Three"))[0])
    assert jsonl is not None and jsonl.url == "https://e.x/3"


def test_source_given_at_import_wins_over_the_one_the_files_name(
    store: Store, tmp_path: Path
) -> None:
    build_folder(tmp_path / "in")
    for name in ("wire_rss2.rss", "news_page.html"):
        shutil.copy(FORMATS / name, tmp_path / "in" / name)
    run_import(store, [tmp_path / "in"], source="Desk", workers=0, extract=False)
    named = sources(store)
    # The person's name wins over a CSV column, a mail's sender, a feed's channel title and
    # a page's site name, as well as over the file's name.
    assert set(named.values()) == {"Desk"}
    assert "Russia tests new Sarmat missile, Kremlin says" in named
    assert "Kinzhal missiles moved to Kaliningrad" in named
    run = store.import_runs()[-1]
    assert (run.source, run.options["source"]) == ("Desk", "Desk")


def test_without_a_source_each_article_takes_the_detected_one(store: Store, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for name in ("wire_rss2.rss", "news_page.html"):
        shutil.copy(FORMATS / name, tmp_path / "in" / name)
    (tmp_path / "in" / "desk-notes.txt").write_text(f"Plain story\n{STORY}\n")
    run_import(store, [tmp_path / "in"], workers=0, extract=False)
    named = sources(store)
    assert named["Kinzhal missiles moved to Kaliningrad"] == "Defence Wire"  # channel title
    assert named["Russia tests new Sarmat missile, Kremlin says"] == "The Daily Courier"
    assert named["Plain story"] == "desk-notes"  # nothing detected: the file's name
