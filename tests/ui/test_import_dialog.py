"""Import from the GUI: progress, then a summary; cancelling leaves a consistent store."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from briefing.domain import ImportReport, StoreError
from briefing.ingest import pipeline
from briefing.ingest.pipeline import ImportProgress
from briefing.store import Store
from briefing.ui import workers
from briefing.ui.import_dialog import ImportProgressDialog, ImportSummaryDialog
from briefing.ui.main_window import MainWindow
from tests.ui.helpers import open_window


def shown_dialog(window: MainWindow, name: str) -> QDialog | None:
    """The window's dialog of that objectName if it is on screen (closed ones are deleted)."""
    dialog = window.findChild(QDialog, name)
    return dialog if dialog is not None and dialog.isVisible() else None


def label_text(dialog: QDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_progress_then_summary_with_duplicates_and_a_failed_file(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "wire" / "same-again.txt"
    shutil.copy(three_articles_file, copy)
    empty = tmp_path / "wire" / "empty.txt"
    empty.write_text("", encoding="utf-8")
    window = open_window(qtbot, empty_store)

    progress_seen: list[ImportProgress] = []
    with qtbot.waitSignal(window.importFinished, timeout=15_000) as blocker:
        job = window.import_files([three_articles_file, copy, empty])
        assert job is not None
        job.progress.connect(progress_seen.append)
        progress = shown_dialog(window, "importProgressDialog")
        assert progress is not None
        assert progress.windowModality() == Qt.WindowModality.WindowModal
        # A second import cannot start while one runs.
        assert window.import_files([three_articles_file]) is None
        assert not window.import_action.isEnabled()
    report: ImportReport = blocker.args[0]

    assert progress_seen and progress_seen[-1].files_done == 3
    assert shown_dialog(window, "importProgressDialog") is None
    summary = shown_dialog(window, "importSummaryDialog")
    assert isinstance(summary, ImportSummaryDialog)
    assert (report.imported, report.duplicates, len(report.failures)) == (3, 3, 1)
    assert label_text(summary, "importedCount") == "3"
    assert label_text(summary, "duplicateCount") == "3"
    assert label_text(summary, "failedCount") == "1"
    assert label_text(summary, "importTime")
    rows = summary.failure_rows()
    assert len(rows) == 1
    name, reason = rows[0]
    assert name == "empty.txt"
    assert reason  # the pipeline's one-line reason, shown as given
    assert reason == report.failures[0].reason
    assert "cancelled" not in summary.windowTitle().lower()

    summary.reject()
    assert window.import_action.isEnabled()
    assert window.model.rowCount() == empty_store.count_articles() == 3


def test_summary_can_narrow_the_list_to_the_run(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, empty_store)
    with qtbot.waitSignal(window.importFinished, timeout=15_000):
        window.import_files([three_articles_file])
    window.summary_dialog.reject()

    other = tmp_path / "other.txt"
    other.write_text(
        "Seoul and Tokyo share missile warning data\n"
        "South Korea and Japan began sharing real-time missile warning data on Tuesday.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.importFinished, timeout=15_000) as blocker:
        window.import_files([other])
    summary = window.summary_dialog
    button = summary.findChild(QPushButton, "showRunButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert window.state.import_run_id == blocker.args[0].run_id
    assert window.model.rowCount() == 1
    assert window.findChild(QLabel, "importRunFilterLabel").isVisible()
    qtbot.mouseClick(window.clear_filter_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 4


def test_cancel_mid_import_leaves_a_consistent_store(
    qtbot: QtBot,
    empty_store: Store,
    tmp_path: Path,
    three_articles_text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    files = []
    for n in range(40):
        path = folder / f"wire-{n:02d}.txt"
        # Distinct text per file, so nothing is a duplicate.
        path.write_text(three_articles_text.replace("Tuesday", f"day {n}"), encoding="utf-8")
        files.append(path)

    real_read = pipeline.read_articles

    def slow_read(path: Path, options: object = None) -> list:
        time.sleep(0.02)  # long enough that Cancel lands mid-import, every time
        return real_read(path, options)

    monkeypatch.setattr(pipeline, "read_articles", slow_read)
    window = open_window(qtbot, empty_store)

    with qtbot.waitSignal(window.importFinished, timeout=15_000) as blocker:
        job = window.import_files(files)
        assert job is not None
        qtbot.waitSignal(job.progress, timeout=5_000).wait()
        # The GUI reads while the worker writes (SQLite WAL): neither blocks nor fails.
        assert empty_store.count_articles() >= 0
        window.model.refresh()
        progress = window.findChild(ImportProgressDialog, "importProgressDialog")
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
        assert not progress.cancel_button.isEnabled()
    report: ImportReport = blocker.args[0]

    assert report.cancelled
    assert 0 < report.files_read < len(files)
    assert empty_store.count_articles() == report.imported
    assert window.model.rowCount() == report.imported
    run = empty_store.import_runs()[-1]
    assert run.cancelled and run.imported == report.imported
    assert empty_store.integrity_ok()

    summary = window.summary_dialog
    assert "cancelled" in summary.windowTitle().lower()
    assert label_text(summary, "importStatus") == "cancelled"
    assert "cancelled" in label_text(summary, "importSummaryHeading")


def test_escape_on_the_progress_dialog_means_cancel(qtbot: QtBot) -> None:
    dialog = ImportProgressDialog(5)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.cancelRequested, timeout=1_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # it closes when the import has really stopped
    assert dialog.cancel_requested
    dialog.update_progress(ImportProgress(2, 5, 7, 1, "/wire/b.txt"))
    assert "b.txt" in label_text(dialog, "importCurrentFile")
    dialog.finish()
    assert not dialog.isVisible()


def test_an_import_that_cannot_run_is_reported_and_the_window_recovers(
    qtbot: QtBot,
    empty_store: Store,
    three_articles_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def locked(*_args: object, **_kwargs: object) -> ImportReport:
        raise StoreError("the store is busy: another Briefing is writing to it; try again")

    shown: list[str] = []
    monkeypatch.setattr(workers, "run_import", locked)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = open_window(qtbot, empty_store)
    with qtbot.waitSignal(window.importFailed, timeout=10_000):
        window.import_files([three_articles_file])
    assert shown == ["the store is busy: another Briefing is writing to it; try again"]
    assert (
        window.findChild(QDialog, "importProgressDialog") is None
        or not window.findChild(QDialog, "importProgressDialog").isVisible()
    )
    qtbot.waitUntil(lambda: not window.import_running)
    assert window.import_action.isEnabled()


def test_closing_the_window_during_an_import_waits_for_a_clean_stop(
    qtbot: QtBot,
    empty_store: Store,
    tmp_path: Path,
    three_articles_text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = []
    for n in range(30):
        path = tmp_path / f"f{n}.txt"
        path.write_text(three_articles_text.replace("Tuesday", f"day {n}"), encoding="utf-8")
        files.append(path)
    real_read = pipeline.read_articles
    monkeypatch.setattr(
        pipeline,
        "read_articles",
        lambda path, options=None: (time.sleep(0.02), real_read(path, options))[1],
    )
    window = open_window(qtbot, empty_store)
    job = window.import_files(files)
    assert job is not None
    qtbot.waitSignal(job.progress, timeout=5_000).wait()
    window.close()
    assert not job.is_running()
    runs = empty_store.import_runs()
    assert runs[-1].cancelled
    assert empty_store.count_articles() == runs[-1].imported
