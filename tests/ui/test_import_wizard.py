"""The import wizard walked end to end: sources, options, preview edits, import, summary."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from briefing.domain import ArticleQuery, ImportReport, ParsedArticle
from briefing.store import Store
from briefing.ui import preview_import
from briefing.ui.import_preview_model import INCLUDE_COLUMN
from briefing.ui.import_sources import NO_READER
from briefing.ui.import_wizard import ImportWizard
from tests.ui.import_fixtures import make_mixed_folder, make_story_folder


def open_wizard(
    qtbot: QtBot, store: Store, paths: Sequence[Path] = (), **kwargs: int
) -> ImportWizard:
    wizard = ImportWizard(store, paths, **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def drop_urls(widget: QWidget, paths: Sequence[Path]) -> bool:
    """Drag ``paths`` over ``widget`` and drop them, as a file manager would; True if the
    drop was taken."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), action, data, button, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(20, 20), action, data, button, modifiers)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def click_next(qtbot: QtBot, wizard: ImportWizard) -> None:
    button = wizard.button(
        QWizard.WizardButton.CommitButton
        if wizard.currentPage().isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_for_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.preview_page.reading, timeout=15_000)


def stored_titles(store: Store) -> list[str]:
    return sorted(
        store.get_article(i).title  # type: ignore[union-attr]
        for i in store.query_article_ids(ArticleQuery())
    )


def test_walk_through_mixed_folder(qtbot: QtBot, empty_store: Store, tmp_path: Path) -> None:
    folder = make_mixed_folder(tmp_path / "mixed")
    wizard = open_wizard(qtbot, empty_store)
    assert wizard.objectName() == "importWizard"
    sources = wizard.sources_page
    assert not sources.isComplete()

    # -- sources: dropped onto the wizard ----------------------------------------------------
    assert drop_urls(wizard, [folder])
    rows = dict(sources.format_rows())
    assert rows["Plain text"] == 3  # wire.txt, notes.md, empty.txt
    assert rows["CSV"] == 1
    assert rows["JSON"] == 1
    assert rows["E-mail message"] == 1
    assert [count for name, count in rows.items() if name.startswith(NO_READER)] == [1]
    assert sources.skipped_rows() == [("unknown.xyz", "not a recognised news file type")]
    assert "7 files to read" in sources.totals.text()
    assert "1 file skipped" in sources.totals.text()

    # -- options: the CSV's mapping pre-filled from its header ------------------------------
    click_next(qtbot, wizard)
    options = wizard.options_page
    assert wizard.currentPage() is options
    assert options.mapping_group.isVisible()
    files = [options.mapping_file.itemText(i) for i in range(options.mapping_file.count())]
    assert sorted(files) == ["export.csv", "items.jsonl"]
    options.mapping_file.setCurrentIndex(files.index("export.csv"))
    combos = options.combos
    assert combos["title"].currentData() == "headline"
    assert combos["date"].currentData() == "published"
    assert combos["source"].currentData() == "outlet"
    assert [combos["body"].itemText(i) for i in range(combos["body"].count())] == [
        "(none)", "headline", "story", "published", "outlet",
    ]  # fmt: skip
    combos["body"].setCurrentIndex(combos["body"].findData("story"))
    csv_path = folder.resolve() / "export.csv"
    assert options.read_options()[csv_path].mapping.body == "story"  # type: ignore[union-attr]
    options.mapping_file.setCurrentIndex(files.index("items.jsonl"))
    assert combos["title"].currentData() == "title"
    assert combos["body"].currentData() == "text"
    options.source_edit.setText("Analyst desk")

    # -- preview --------------------------------------------------------------------------
    click_next(qtbot, wizard)
    preview = wizard.preview_page
    wait_for_preview(qtbot, wizard)
    model = preview.model
    assert model.rowCount() == 9  # 3 + 1 + 2 + 2 + 1
    titles = [row.article.title for row in model.rows]
    assert "Talks resume in Geneva" in titles
    geneva = model.rows[titles.index("Talks resume in Geneva")]
    assert geneva.article.body.startswith("Diplomats resumed arms control talks")
    assert geneva.source == "Wire"  # the CSV's own column wins over the source name
    assert model.rows[titles.index("Navy commissions new frigate")].source == "Analyst desk"
    assert preview.table.objectName() == "importPreview"
    assert preview.isComplete()

    # Untick the drone story (clicking its checkbox) ...
    drone = titles.index("Drone exercise held")
    index = model.index(drone, INCLUDE_COLUMN)
    rect = preview.table.visualRect(index)
    qtbot.mouseClick(preview.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not model.rows[drone].included
    assert "8 articles of 9" in preview.status.text()
    # ... and merge the treaty story with the missile-defence one after it.
    treaty = next(i for i, t in enumerate(titles) if t.startswith("TREATY WATCH"))
    assert titles[treaty + 1].startswith("MISSILE DEFENCE")
    preview.table.selectRow(treaty)
    qtbot.mouseClick(preview.merge_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 8
    merged = model.rows[treaty].article
    assert merged.title.startswith("TREATY WATCH")
    assert "interceptor missiles" in merged.body
    assert "7 articles of 8" in preview.status.text()
    expected = sorted(article.title for _, article in model.included())

    # -- import, then the summary ----------------------------------------------------------
    with qtbot.waitSignal(wizard.importFinished, timeout=30_000) as blocker:
        click_next(qtbot, wizard)
    report: ImportReport = blocker.args[0]
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY, timeout=5_000)
    summary = wizard.summary_page
    assert summary.labels["importedCount"].text() == "7"
    assert summary.labels["duplicateCount"].text() == "0"
    assert summary.labels["failedCount"].text() == "2"
    assert summary.labels["skippedCount"].text() == "1"
    assert summary.labels["importTime"].text()
    failures = dict(summary.failure_rows())
    assert failures["empty.txt"] == "empty file"
    assert "binary" in failures["binary.txt"]
    assert failures["unknown.xyz"] == "not a recognised news file type"
    assert (report.imported, report.duplicates, len(report.failures)) == (7, 0, 2)

    # The store holds exactly what the preview showed, ticked and merged.
    assert stored_titles(empty_store) == expected
    assert "Drone exercise held" not in stored_titles(empty_store)
    run = empty_store.import_runs()[-1]
    assert (run.id, run.imported, run.failed) == (report.run_id, 7, 2)
    ids = empty_store.query_article_ids(ArticleQuery(import_run_id=report.run_id))
    assert len(ids) == 7
    treaty_article = next(
        a
        for a in (empty_store.get_article(i) for i in ids)
        if a is not None and a.title.startswith("TREATY WATCH")
    )
    assert "interceptor missiles" in treaty_article.body

    with qtbot.waitSignal(wizard.showRunRequested) as shown:
        qtbot.mouseClick(summary.show_run_button, Qt.MouseButton.LeftButton)
    assert shown.args == [report.run_id]
    assert not wizard.isVisible()


def test_split_shows_two_articles_and_imports_both(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path, topol_title: str
) -> None:
    wizard = open_wizard(qtbot, empty_store, [three_articles_file])
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    wait_for_preview(qtbot, wizard)
    preview = wizard.preview_page
    model = preview.model
    assert model.rowCount() == 3
    preview.table.selectRow(0)
    assert preview.split_button.isEnabled()
    qtbot.mouseClick(preview.split_button, Qt.MouseButton.LeftButton)
    dialog = preview.split_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 3
    dialog.list.setCurrentRow(2)  # the TENSE TIES section
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 4
    assert model.rows[0].article.title == topol_title
    assert "brave face" not in model.rows[0].article.body
    assert model.rows[1].article.title == "TENSE TIES"
    assert model.rows[1].article.body.startswith("NATO's chief")
    with qtbot.waitSignal(wizard.importFinished, timeout=30_000):
        click_next(qtbot, wizard)
    assert empty_store.count_articles() == 4
    assert "TENSE TIES" in stored_titles(empty_store)


def test_preview_marks_repeated_stories_and_store_skips_them(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path
) -> None:
    copy = three_articles_file.with_name("again.txt")
    copy.write_bytes(three_articles_file.read_bytes())
    wizard = open_wizard(qtbot, empty_store, [three_articles_file, copy])
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    wait_for_preview(qtbot, wizard)
    model = wizard.preview_page.model
    assert model.rowCount() == 6
    assert [row.duplicate_of for row in model.rows] == [None, None, None, 0, 1, 2]
    assert "duplicate of row 1" in model.rows[3].warnings()
    # Unticking the first copy makes the second the one imported.
    model.set_included(0, False)
    assert model.rows[3].duplicate_of is None
    with qtbot.waitSignal(wizard.importFinished, timeout=30_000) as blocker:
        click_next(qtbot, wizard)
    report: ImportReport = blocker.args[0]
    assert (report.imported, report.duplicates) == (3, 2)
    assert empty_store.count_articles() == 3


def test_cancel_mid_import_leaves_a_consistent_store(
    qtbot: QtBot, empty_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_story_folder(tmp_path / "stories", files=40, stories=5)
    real = preview_import.extract_facts

    def slow_extract(extractor: object, article: ParsedArticle) -> object:
        time.sleep(0.01)  # 200 articles take > 2 s: time to cancel in the middle
        return real(extractor, article)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_import, "extract_facts", slow_extract)
    wizard = open_wizard(qtbot, empty_store, [folder], batch_size=10)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    wait_for_preview(qtbot, wizard)
    assert wizard.preview_page.model.rowCount() == 200

    click_next(qtbot, wizard)
    page = wizard.import_page
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: page.bar.value() >= 20, timeout=15_000)
    assert page.time_left.text().startswith("About")
    with qtbot.waitSignal(wizard.importFinished, timeout=30_000) as blocker:
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton
        )
        assert wizard.isVisible()  # Cancel stops the import; the wizard stays for the summary
    report: ImportReport = blocker.args[0]
    assert report.cancelled
    assert 0 < report.imported < 200
    assert empty_store.count_articles() == report.imported
    assert empty_store.integrity_ok()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY, timeout=5_000)
    assert wizard.summary_page.labels["importedCount"].text() == str(report.imported)
    assert "cancelled" in wizard.summary_page.heading.text()
    assert empty_store.import_runs()[-1].cancelled


def test_leaving_the_preview_stops_reading(
    qtbot: QtBot, empty_store: Store, tmp_path: Path
) -> None:
    folder = make_story_folder(tmp_path / "stories", files=300, stories=2)
    wizard = open_wizard(qtbot, empty_store, [folder])
    click_next(qtbot, wizard)
    started = time.perf_counter()
    click_next(qtbot, wizard)
    preview = wizard.preview_page
    # The first rows show at once, long before every file is read.
    qtbot.waitUntil(lambda: preview.model.rowCount() > 0, timeout=3_000)
    assert time.perf_counter() - started < 3
    wizard.back()
    assert not preview.reading
    assert preview.model.rowCount() == 0
    assert wizard.currentPage() is wizard.options_page
    wizard.reject()
    assert empty_store.count_articles() == 0


def test_drop_outside_the_sources_page_is_refused(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, empty_store, [three_articles_file])
    click_next(qtbot, wizard)
    other = tmp_path / "other.txt"
    other.write_text("x", encoding="utf-8")
    assert not drop_urls(wizard, [other])
    assert wizard.sources_page.paths == [three_articles_file]
