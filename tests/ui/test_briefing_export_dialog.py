"""Exporting from the GUI, driven like a person: the briefing's Export… dialog (a worker with
progress and Cancel) and Briefing › Export Current View… (CSV or a new briefing)."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from briefing.briefings.model import ItemKind
from briefing.ui import briefing_export_dialog, view_export
from briefing.ui.briefing_export_dialog import BriefingExportDialog
from briefing.ui.main_window import MainWindow
from briefing.ui.view_export import ViewExportDialog
from tests.ui.conftest import EntityCorpus
from tests.ui.test_briefing_panel import (
    CFE,
    INTERCEPTORS,
    KYIV,
    TOPOL,
    ZEPHYR,
    active_window,
    add_articles,
    panel_titles,
    press,
    undo,
)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def open_export(qtbot: QtBot, window: MainWindow) -> BriefingExportDialog:
    panel = window.briefing_panel
    assert panel.export_button.isEnabled()
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    dialog = panel.export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose_format(dialog: BriefingExportDialog, label_start: str) -> None:
    combo = dialog.format_combo
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(label_start))
    combo.setCurrentIndex(index)


@pytest.fixture
def briefing_window(qtbot: QtBot, entity_corpus: EntityCorpus) -> MainWindow:
    """Two articles and a note with a bold word, as a person would have put them together."""
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, KYIV, TOPOL)
    window.briefing_editor.add_note("Watch **Kyiv** closely.")
    return window


def test_export_to_html_runs_in_a_worker_and_writes_one_file(
    qtbot: QtBot, briefing_window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export(qtbot, briefing_window)
    choose_format(dialog, "Web page")
    assert not dialog.page_combo.isEnabled()  # pages are for PDF and Word
    target = tmp_path / "out" / "kyiv.html"
    target.parent.mkdir()
    type_into(qtbot, dialog.path_edit, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.running and not dialog.export_button.isEnabled()
        assert dialog.cancel_button.text() == "Cancel"
    assert exported.args[0] == [target]
    html = target.read_text(encoding="utf-8")
    assert KYIV in html and TOPOL in html
    assert "<strong>Kyiv</strong>" in html or "<b>Kyiv</b>" in html
    assert "Wire" in html  # provenance
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.status.text() == f"Exported to {target}."
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.open_button.isVisible()
    assert dialog.cancel_button.text() == "Close"


def test_export_to_markdown_writes_chart_images_beside_it(
    qtbot: QtBot, briefing_window: MainWindow, tmp_path: Path
) -> None:
    window = briefing_window
    window.charts.show()
    qtbot.waitUntil(lambda: window.charts.up_to_date, timeout=5_000)
    qtbot.waitUntil(lambda: window.charts.timeline.visible_span is not None, timeout=5_000)
    qtbot.mouseClick(window.charts.add_button, Qt.MouseButton.LeftButton)
    assert panel_titles(window)[-1] == "Timeline of dates mentioned"

    dialog = open_export(qtbot, window)
    choose_format(dialog, "Markdown")
    assert dialog.md_hint.isVisible()
    target = tmp_path / "brief.md"
    type_into(qtbot, dialog.path_edit, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    files = exported.args[0]
    assert files[0] == target and len(files) >= 2
    assert all(path.exists() for path in files)
    text = target.read_text(encoding="utf-8")
    assert "Watch **Kyiv** closely." in text
    assert "and 1 image in" in dialog.status.text() or "images in" in dialog.status.text()


def test_a_pdf_on_letter_paper(qtbot: QtBot, briefing_window: MainWindow, tmp_path: Path) -> None:
    dialog = open_export(qtbot, briefing_window)
    choose_format(dialog, "PDF")
    assert dialog.page_combo.isEnabled()
    dialog.page_combo.setCurrentText("Letter")
    target = tmp_path / "brief"  # no extension: the format's is added
    type_into(qtbot, dialog.path_edit, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    pdf = (tmp_path / "brief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"612" in pdf and b"792" in pdf  # US Letter, in points


def test_cancel_stops_the_export_and_leaves_nothing(
    qtbot: QtBot, briefing_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A slow export: assembling waits until the person has clicked Cancel.
    release = threading.Event()
    real = briefing_export_dialog.assemble_document

    def slow_assemble(store: object, briefing_id: int) -> object:
        release.wait(10)
        return real(store, briefing_id)

    monkeypatch.setattr(briefing_export_dialog, "assemble_document", slow_assemble)
    dialog = open_export(qtbot, briefing_window)
    choose_format(dialog, "Word")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "brief.docx"
    type_into(qtbot, dialog.path_edit, str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    with qtbot.waitSignal(dialog.cancelled, timeout=20_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.cancel_button.text() == "Cancelling…"
        release.set()
    assert "cancelled" in dialog.status.text()
    assert not target.exists()
    assert list(out.iterdir()) == []  # no staging folder left behind either
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.export_button.isEnabled()


def test_a_failed_export_is_explained_by_name(
    qtbot: QtBot, briefing_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> list[Path]:
        raise briefing_export_dialog.ExportError("could not write brief.html: No space left")

    monkeypatch.setattr(briefing_export_dialog, "export_briefing", full_disk)
    dialog = open_export(qtbot, briefing_window)
    choose_format(dialog, "Web page")
    type_into(qtbot, dialog.path_edit, str(tmp_path / "brief.html"))
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == (
        "Could not export “Briefing 1” to brief.html: could not write brief.html: No space left"
    )
    assert dialog.status.text() == failed.args[0]
    # A folder that is not there is said before anything runs.
    type_into(qtbot, dialog.path_edit, str(tmp_path / "nowhere" / "brief.html"))
    qtbot.waitUntil(lambda: not dialog.running)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.running
    assert "does not exist" in dialog.status.text()


def test_ctrl_e_opens_the_export_of_the_briefing_shown(
    qtbot: QtBot, briefing_window: MainWindow
) -> None:
    press(qtbot, briefing_window.list_view, Qt.Key.Key_E)
    dialog = briefing_window.briefing_panel.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Export “Briefing 1”"
    assert Path(dialog.path_edit.text()).name == "Briefing-1"


# -- Export Current View ------------------------------------------------------------------------


def search(qtbot: QtBot, window: MainWindow, text: str, rows: int) -> None:
    box = window.search_box.line_edit
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() == rows)


def open_view_export(qtbot: QtBot, window: MainWindow) -> ViewExportDialog:
    window.export_view_action.trigger()
    dialog = window.view_export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_export_current_view_to_csv_honours_the_search(
    qtbot: QtBot, entity_corpus: EntityCorpus, tmp_path: Path
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    search(qtbot, window, "Poland", 2)
    dialog = open_view_export(qtbot, window)
    assert dialog.filters_label.text() == 'Articles matching "Poland", in the list\'s order.'
    assert dialog.csv_radio.isChecked()
    target = tmp_path / "poland.csv"
    type_into(qtbot, dialog.path_edit, str(target))
    with qtbot.waitSignal(dialog.csvWritten, timeout=20_000) as written:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert written.args == [target, 2]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    titles = [row[next(k for k in row if k.lower() == "title")] for row in rows]
    assert titles == [window.model.row_data(r).title for r in range(2)]
    assert set(titles) == {INTERCEPTORS, ZEPHYR}
    assert "Wrote 2 articles" in dialog.status.text()


def test_a_cancelled_csv_export_leaves_no_file(
    qtbot: QtBot, entity_corpus: EntityCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    release = threading.Event()
    store_class = type(entity_corpus.store)
    real = store_class.article_entity_names

    def slow(self: object, ids: object, per_article: int) -> object:
        release.wait(10)
        return real(self, ids, per_article)  # type: ignore[arg-type]

    # The first page is held until the person has pressed Cancel.
    monkeypatch.setattr(store_class, "article_entity_names", slow)
    dialog = open_view_export(qtbot, window)
    target = tmp_path / "all.csv"
    type_into(qtbot, dialog.path_edit, str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert "cancelled" in dialog.status.text()
    assert list(tmp_path.iterdir()) == [] or not target.exists()
    assert not any(p.name.startswith(".all.csv") for p in tmp_path.iterdir())


def test_export_current_view_into_a_new_briefing(
    qtbot: QtBot, entity_corpus: EntityCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot, entity_corpus.store)
    add_articles(qtbot, window, CFE)  # "Briefing 1" exists and is shown
    search(qtbot, window, "missile OR Poland", 4)
    monkeypatch.setattr(view_export, "MAX_BRIEFING_ARTICLES", 3)
    dialog = open_view_export(qtbot, window)
    radio = dialog.briefing_radio
    # On its label, where a person clicks (the button stretches past its text).
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))
    assert dialog.name_edit.isEnabled() and not dialog.path_edit.isEnabled()
    assert dialog.name_edit.text() == 'Articles matching "missile OR Poland"'
    # The view holds more than a briefing takes: said before anything is made.
    assert dialog.cap_label.isVisible()
    assert "at most 3 whole articles: the first 3 of these 4" in dialog.cap_label.text()
    type_into(qtbot, dialog.name_edit, "Missiles")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view_export_dialog is None)

    panel = window.briefing_panel
    assert panel.switcher.currentText() == "Missiles (3)"
    listed = [window.model.row_data(r).title for r in range(3)]
    assert panel_titles(window) == listed
    items = window.store.get_briefing(window.briefing_editor.current_id).items
    assert {item.kind for item in items} == {ItemKind.ARTICLE}
    # One undo step takes the whole briefing back.
    undo(qtbot, window)
    assert [b.name for b in window.store.list_briefings()] == ["Briefing 1"]
    assert panel.switcher.currentText() == "Briefing 1 (1)"
