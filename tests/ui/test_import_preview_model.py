"""The import preview's model on its own: batched rows, source names, the edited flag."""

from __future__ import annotations

from pathlib import Path

from briefing.domain import ParsedArticle
from briefing.ui.import_preview_model import ImportPreviewModel


def article(n: int, source: str = "") -> ParsedArticle:
    return ParsedArticle(
        title=f"Story {n}",
        body=f"Troops held exercise {n} near the border.\n\nOfficials said drill {n} went well.",
        source=source,
    )


def test_a_group_of_files_is_one_insertion() -> None:
    # Regression: rows were inserted file by file, and every insertion recounted the warnings
    # and duplicates of all rows so far, so previewing 1,000 files took seconds.
    model = ImportPreviewModel()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    files = [
        (Path(f"/in/wire-{n}.txt"), "", [article(2 * n), article(2 * n + 1)]) for n in range(300)
    ]
    model.append_files(files)
    assert inserted == [(0, 599)]
    model.append_files([(Path("/in/more.txt"), "", [article(0)])])
    assert inserted[-1] == (600, 600)
    assert model.rows[600].duplicate_of == 0  # checked against every row before it
    assert [row.path.name for row in model.rows[:3]] == ["wire-0.txt", "wire-0.txt", "wire-1.txt"]


def test_source_names_follow_the_given_name() -> None:
    model = ImportPreviewModel()
    model.append(Path("/in/feed.rss"), "", [article(1, source="Defence Wire"), article(2)])
    assert [row.source for row in model.rows] == ["Defence Wire", "feed"]
    model.set_given_source("Desk")
    assert [row.source for row in model.rows] == ["Desk", "Desk"]
    model.set_given_source("")
    assert [row.source for row in model.rows] == ["Defence Wire", "feed"]


def test_edited_says_whether_the_person_changed_anything() -> None:
    model = ImportPreviewModel()
    model.append(Path("/in/a.txt"), "", [article(1), article(2), article(3)])
    assert not model.edited
    model.set_all_included(True)  # already all ticked: nothing changed
    assert not model.edited
    model.set_included(1, False)
    assert model.edited
    model.clear()
    assert not model.edited
    model.append(Path("/in/a.txt"), "", [article(1), article(2)])
    model.merge_with_next(0)
    assert model.edited and model.rowCount() == 1
    model.clear()
    model.append(Path("/in/a.txt"), "", [article(1)])
    model.split(0, 1)
    assert model.edited and model.rowCount() == 2
