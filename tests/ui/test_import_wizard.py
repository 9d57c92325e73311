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
from briefing.ingest import preview_import
from briefing.ingest.segmentation import Segmentation
from briefing.ingest.sources import NO_READER
from briefing.store import Store
from briefing.ui.import_preview_model import INCLUDE_COLUMN
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
    # Plain text is among the files: the split choice is offered, automatic by default.
    assert options.segmentation_combo.isVisible()
    assert options.segmentation is Segmentation.AUTOMATIC

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
    # The name the person gave wins over the CSV's own column and the mail's sender.
    assert {row.source for row in model.rows} == {"Analyst desk"}
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
    assert wizard.currentPage() is wizard.options_page
    read_so_far = preview.model.rowCount()
    assert 0 < read_so_far < 600
    assert preview.files_done < 300
    # On again with the same options: the reading goes on from where it stopped.
    click_next(qtbot, wizard)
    wait_for_preview(qtbot, wizard)
    rows = preview.model.rows
    assert len(rows) == 600
    assert len({row.article.title for row in rows}) == 600  # no file read twice
    assert not preview.reset_note.isVisible()
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


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    wait_for_preview(qtbot, wizard)


def test_back_and_on_again_keeps_the_edits(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path
) -> None:
    wizard = open_wizard(qtbot, empty_store, [three_articles_file])
    click_next(qtbot, wizard)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    model = preview.model
    model.set_included(2, False)
    preview.table.selectRow(0)
    qtbot.mouseClick(preview.merge_button, Qt.MouseButton.LeftButton)
    edited = [(row.article.title, row.article.body, row.included) for row in model.rows]
    assert len(edited) == 2

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.options_page
    # The source name does not change the reading: the rows are renamed, the edits stay.
    wizard.options_page.source_edit.setText("Desk")
    to_preview(qtbot, wizard)
    assert [(row.article.title, row.article.body, row.included) for row in model.rows] == edited
    assert {row.source for row in model.rows} == {"Desk"}
    assert not preview.reset_note.isVisible()
    assert "1 article of 2 will be imported" in preview.status.text()

    with qtbot.waitSignal(wizard.importFinished, timeout=30_000) as blocker:
        click_next(qtbot, wizard)
    report: ImportReport = blocker.args[0]
    assert report.imported == 1
    (article_id,) = empty_store.query_article_ids(ArticleQuery())
    stored = empty_store.get_article(article_id)
    assert stored is not None and (stored.title, stored.body) == edited[0][:2]
    assert stored.source == "Desk"


def test_changed_options_read_again_and_say_the_edits_were_reset(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path
) -> None:
    wizard = open_wizard(qtbot, empty_store, [three_articles_file])
    click_next(qtbot, wizard)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert not preview.reset_note.isVisible()
    preview.model.set_included(0, False)

    wizard.back()
    wizard.options_page.set_segmentation(Segmentation.ONE_PER_FILE)
    to_preview(qtbot, wizard)
    assert preview.model.rowCount() == 1  # read again, the whole file one article
    assert preview.model.rows[0].included
    assert preview.reset_note.isVisible()
    assert "edits" in preview.reset_note.text() and "reset" in preview.reset_note.text()

    # Back and on again with nothing changed: no note, the new reading (and its edits) kept.
    preview.model.set_included(0, False)
    wizard.back()
    to_preview(qtbot, wizard)
    assert not preview.reset_note.isVisible()
    assert not preview.model.rows[0].included

    # A changed date option reads again too ...
    wizard.back()
    wizard.options_page.date_none.setChecked(True)
    to_preview(qtbot, wizard)
    assert preview.reset_note.isVisible()
    assert preview.model.rows[0].included
    # ... and with no edits to lose there is nothing to say.
    wizard.back()
    wizard.options_page.set_segmentation(Segmentation.AUTOMATIC)
    to_preview(qtbot, wizard)
    assert preview.model.rowCount() == 3
    assert not preview.reset_note.isVisible()


def test_split_choice_reaches_the_preview_the_run_and_the_history(
    qtbot: QtBot, empty_store: Store, tmp_path: Path
) -> None:
    stories = tmp_path / "desk" / "stories.txt"
    stories.parent.mkdir()
    stories.write_text(
        "The navy tested a new interceptor missile off the south coast on Tuesday.\n\n"
        "Members of parliament began debating the defence budget on Wednesday.\n\n"
        "Border guards stepped up patrols along the northern frontier on Thursday.\n",
        encoding="utf-8",
    )
    wizard = open_wizard(qtbot, empty_store, [stories])
    click_next(qtbot, wizard)
    options = wizard.options_page
    combo = options.segmentation_combo
    assert combo.objectName() == "segmentationCombo"
    assert combo.accessibleName() == "Plain text: split articles"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Automatic",
        "One article per file",
        "Split at blank lines",
        "Split at headline / kicker lines",
    ]
    assert combo.isVisible() and options.segmentation_hint.isVisible()
    to_preview(qtbot, wizard)
    assert wizard.preview_page.model.rowCount() == 1  # paragraphs of one story, to automatic

    wizard.back()
    combo.setCurrentIndex(combo.findText("Split at blank lines"))
    assert "blank lines" in options.segmentation_hint.text()
    to_preview(qtbot, wizard)
    assert wizard.preview_page.model.rowCount() == 3
    with qtbot.waitSignal(wizard.importFinished, timeout=30_000) as blocker:
        click_next(qtbot, wizard)
    report: ImportReport = blocker.args[0]
    assert report.imported == 3
    run = empty_store.import_runs()[-1]
    assert run.options["segmentation"] == "blank"

    from briefing.ui.import_history import ImportHistoryDialog

    history = ImportHistoryDialog(empty_store)
    qtbot.addWidget(history)
    history.select_run(run.id)
    assert "plain text: split at blank lines" in history.options_label.text()


def test_split_choice_is_hidden_without_plain_text(
    qtbot: QtBot, empty_store: Store, tmp_path: Path
) -> None:
    folder = make_mixed_folder(tmp_path / "mixed")
    wizard = open_wizard(qtbot, empty_store, [folder / "export.csv", folder / "letter.eml"])
    click_next(qtbot, wizard)
    assert not wizard.options_page.segmentation_combo.isVisible()


def test_summary_reports_rows_left_out(qtbot: QtBot, empty_store: Store, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "title,body,date\n"
        "Talks resume,Diplomats resumed talks in Geneva on Monday.,2021-04-05\n"
        ",,2021-04-06\n"
        "Launch delayed,The launch was delayed by a week.,2021-04-07\n",
        encoding="utf-8",
    )
    wizard = open_wizard(qtbot, empty_store, [export])
    click_next(qtbot, wizard)
    to_preview(qtbot, wizard)
    assert wizard.preview_page.model.rowCount() == 2
    with qtbot.waitSignal(wizard.importFinished, timeout=30_000) as blocker:
        click_next(qtbot, wizard)
    report: ImportReport = blocker.args[0]
    assert [(Path(f.path).name, f.reason) for f in report.skipped] == [
        ("export.csv", "1 of 3 rows skipped: no title or text (line 3)")
    ]
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY, timeout=5_000)
    summary = wizard.summary_page
    assert summary.labels["skippedCount"].text() == "1"
    assert summary.failure_rows() == [
        ("export.csv", "1 of 3 rows skipped: no title or text (line 3)")
    ]
    assert summary.failures.isVisible()


def test_preview_rows_arrive_in_groups_not_file_by_file(
    qtbot: QtBot, empty_store: Store, tmp_path: Path
) -> None:
    # Regression: one insertion (and one recount of every row's warnings) per file made the
    # preview of 1,000 files take seconds.
    folder = make_story_folder(tmp_path / "stories", files=300, stories=2)
    wizard = open_wizard(qtbot, empty_store, [folder])
    click_next(qtbot, wizard)
    insertions: list[int] = []
    model = wizard.preview_page.model
    model.rowsInserted.connect(lambda _parent, first, last: insertions.append(last - first + 1))
    to_preview(qtbot, wizard)
    assert sum(insertions) == model.rowCount() == 600
    assert len(insertions) < 100
