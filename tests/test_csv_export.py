"""The current view as CSV: columns, order, Excel's byte-order mark, no formula injection."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from briefing.export import csv_export
from briefing.export.csv_export import COLUMNS, safe_cell, write_articles_csv
from briefing.store import Store
from tests.conftest import add, make_article
from tests.test_briefing_assemble import TALKS, TOPOL, UKRAINE, import_corpus


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_columns_order_and_entities(store: Store, tmp_path: Path) -> None:
    import_corpus(store, tmp_path / "in")
    target = tmp_path / "view.csv"
    assert write_articles_csv(store, [UKRAINE, 999, TALKS, TOPOL], target) == 3
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"id,title,kicker,source,published")
    rows = read_rows(target)
    assert tuple(rows[0]) == COLUMNS
    assert [int(r["id"]) for r in rows] == [UKRAINE, TALKS, TOPOL]
    talks = rows[1]
    assert talks["title"] == "NATO, Russia to hold talks amid treaty crisis"
    assert talks["source"] == "Wire" and talks["published"] == "2019-01-22"
    assert talks["date_source"] == "metadata" and talks["origin_file"].endswith("wire.txt")
    names = talks["entities"].split("; ")
    assert names[:2] == ["NATO", "Russia"]  # the most-mentioned first (3 each, then by name)
    assert {"NATO", "9M729", "INF Treaty"} <= set(names)
    assert len(names) <= csv_export.ENTITIES_PER_ARTICLE
    assert rows[0]["published"] == "" and rows[0]["date_source"] == "unknown"


def test_formula_cells_are_quoted_and_text_survives(store: Store, tmp_path: Path) -> None:
    titles = ['=HYPERLINK("http://x")', "+1 area", "-5 degrees", "@SUM(A1)", "Kyiv – Київ"]
    add(
        store,
        *(
            make_article(n, title=t, published=dt.date(2019, 1, n + 1))
            for n, t in enumerate(titles)
        ),
        source="=cmd|' /C calc'!A0",
    )
    ids = sorted(store.all_article_ids())
    target = tmp_path / "view.csv"
    write_articles_csv(store, ids, target)
    rows = read_rows(target)
    assert [r["title"] for r in rows] == [
        '\'=HYPERLINK("http://x")',
        "'+1 area",
        "'-5 degrees",
        "'@SUM(A1)",
        "Kyiv – Київ",
    ]
    assert {r["source"] for r in rows} == {"'=cmd|' /C calc'!A0"}
    assert rows[0]["published"] == "2019-01-01"


@pytest.mark.parametrize(
    ("text", "shown"),
    [("=1+2", "'=1+2"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), ("", "")],
)
def test_safe_cell(text: str, shown: str) -> None:
    assert safe_cell(text) == shown


def test_large_views_stream_in_pages_and_keep_order(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(store, *(make_article(n) for n in range(25)))
    ids = sorted(store.all_article_ids(), reverse=True)
    pages: list[int] = []
    real = store.get_articles

    def counting(article_ids: list[int]) -> list[object]:
        pages.append(len(article_ids))
        return real(article_ids)  # type: ignore[return-value]

    monkeypatch.setattr(csv_export, "PAGE_SIZE", 10)
    monkeypatch.setattr(store, "get_articles", counting)
    target = tmp_path / "view.csv"
    assert write_articles_csv(store, ids, target) == 25
    assert pages == [10, 10, 5]
    assert [int(r["id"]) for r in read_rows(target)] == ids
    assert write_articles_csv(store, [], target) == 0
    assert target.read_text(encoding="utf-8-sig").strip() == ",".join(COLUMNS)


def test_progress_is_reported_and_a_cancel_leaves_no_file(store: Store, tmp_path: Path) -> None:
    from briefing.export.csv_export import PAGE_SIZE
    from briefing.export.export_progress import ExportCancelled

    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "view.csv"
    target.write_text("an earlier export\n", encoding="utf-8")
    ids = [UKRAINE, TALKS, TOPOL] * (PAGE_SIZE // 2)  # three pages
    seen: list[tuple[int, int]] = []

    def cancel_after_first_page() -> bool:
        return len(seen) >= 1

    with pytest.raises(ExportCancelled):
        write_articles_csv(
            store,
            ids,
            target,
            progress=lambda done, total: seen.append((done, total)),
            cancel=cancel_after_first_page,
        )
    assert seen == [(PAGE_SIZE, len(ids))]
    # The earlier file is untouched and no partial file is left beside it.
    assert target.read_text(encoding="utf-8") == "an earlier export\n"
    assert [p.name for p in folder.iterdir()] == ["view.csv"]


def test_an_unwritable_folder_is_named(store: Store, tmp_path: Path) -> None:
    from briefing.export.export_progress import ExportError

    with pytest.raises(ExportError, match="could not write"):
        write_articles_csv(store, [UKRAINE], tmp_path / "missing" / "view.csv")
