"""Import history: the runs and their failures, Show articles, Undo import; drops on the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing.domain import ArticleQuery
from briefing.ingest.pipeline import run_import
from briefing.store import Store
from briefing.ui.import_history import ImportHistoryDialog
from tests.ui.helpers import open_window
from tests.ui.import_fixtures import make_mixed_folder, make_story_folder
from tests.ui.test_import_wizard import drop_urls


def test_history_lists_runs_and_undo_removes_exactly_that_run(
    qtbot: QtBot, empty_store: Store, tmp_path: Path
) -> None:
    first = run_import(empty_store, [make_story_folder(tmp_path / "a", files=2, stories=3)])
    mixed = make_mixed_folder(tmp_path / "mixed")
    second = run_import(empty_store, [mixed], source="Desk", workers=0)
    assert (first.imported, second.imported) == (6, 9)
    before = set(empty_store.query_article_ids(ArticleQuery(import_run_id=first.run_id)))
    window = open_window(qtbot, empty_store)
    assert window.model.rowCount() == 15

    window.history_action.trigger()
    dialog = window.history_dialog
    assert isinstance(dialog, ImportHistoryDialog)
    assert dialog.objectName() == "importHistoryDialog" and dialog.isVisible()
    table = dialog.table
    assert table.rowCount() == 2
    # Newest first: the mixed folder, with its source, counts and failures.
    assert [table.item(0, c).text() for c in (1, 2, 3, 4, 5, 6)] == [
        "Desk", "7", "9", "0", "2", "complete",
    ]  # fmt: skip
    assert dict(dialog.failure_rows()) == {
        "binary.txt": "not a format Briefing can read (binary or unknown)",
        "empty.txt": "empty file",
    }
    assert dialog.selected_run().id == second.run_id  # type: ignore[union-attr]

    # Undo, after confirming: the run's articles go, the other run's stay.
    box = dialog.confirm_undo()
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(dialog.runUndone, timeout=10_000) as undone:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert undone.args == [second.run_id, 9]
    assert set(empty_store.query_article_ids(ArticleQuery())) == before
    assert empty_store.integrity_ok()
    assert table.item(0, 6).text().startswith("undone")
    assert not dialog.undo_button.isEnabled()
    assert window.model.rowCount() == 6  # the window refreshed

    # Show articles of the first run: the list narrows to it.
    dialog.select_run(first.run_id or 0)
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert window.state.import_run_id == first.run_id
    assert window.history_dialog is None


def test_cancelled_undo_confirmation_keeps_the_run(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path
) -> None:
    run_import(empty_store, [three_articles_file])
    window = open_window(qtbot, empty_store)
    dialog = window.open_import_history()
    box = dialog.confirm_undo()
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert empty_store.count_articles() == 3
    assert not dialog.busy


def test_dropping_files_on_the_main_window_opens_the_wizard(
    qtbot: QtBot, empty_store: Store, tmp_path: Path, three_articles_file: Path
) -> None:
    window = open_window(qtbot, empty_store)
    mixed = make_mixed_folder(tmp_path / "mixed")
    assert drop_urls(window, [mixed, three_articles_file])
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.objectName() == "importWizard"
    assert wizard.sources_page.paths == [mixed, three_articles_file]
    assert len(wizard.scan.files) == 8
    wizard.reject()
    assert window.import_wizard is None
    assert empty_store.count_articles() == 0
