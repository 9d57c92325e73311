"""The main window driven as a person would: import, search, read, fix a bad search."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefing import paths
from briefing.config import default_store_path
from briefing.domain import ImportReport
from briefing.store import Store
from briefing.ui import app as gui_app
from briefing.ui.article_list_model import DATE_COLUMN, TITLE_COLUMN
from briefing.ui.main_window import MainWindow
from briefing.ui.search_box import SearchBox
from tests.ui.helpers import open_window

ROOT = Path(__file__).resolve().parents[2]


def import_and_wait(qtbot: QtBot, window: MainWindow, files: list[Path]) -> ImportReport:
    with qtbot.waitSignal(window.importFinished, timeout=15_000) as blocker:
        assert window.import_files(files) is not None
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    if window.summary_dialog is not None:
        window.summary_dialog.reject()
    return report


def titles(table: QTableView) -> list[str]:
    model = table.model()
    return [model.index(row, TITLE_COLUMN).data() for row in range(model.rowCount())]


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, TITLE_COLUMN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_import_search_read_and_recover_from_a_bad_search(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path, topol_title: str
) -> None:
    window = open_window(qtbot, empty_store)
    table = window.findChild(QTableView, "articleList")
    search = window.findChild(QLineEdit, "searchBox")
    reader = window.findChild(QTextBrowser, "readerView")
    error = window.findChild(QLabel, "searchError")
    count = window.findChild(QLabel, "articleCountLabel")
    assert None not in (table, search, reader, error, count)

    report = import_and_wait(qtbot, window, [three_articles_file])
    assert (report.imported, report.failures, report.cancelled) == (3, [], False)
    listed = titles(table)
    assert len(listed) == 3
    assert topol_title in listed
    assert any("Moscow suspends its part in the CFE arms pact" in t for t in listed)
    assert any("Warsaw and Washington agree on an interceptor site" in t for t in listed)
    assert count.text() == "3 articles in view · 3 in store"

    # Typing is debounced: nothing is queried per key, then the list shrinks to the match.
    qtbot.keyClicks(search, "interceptor")
    assert table.model().rowCount() == 3
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=3_000)
    assert "interceptor" in titles(table)[0]
    assert count.text() == "1 article in view · 3 in store"
    click_row(qtbot, table, 0)
    assert "ten interceptor missiles in northern Poland" in reader.toPlainText()

    # Back to everything, then read the headline story: title, subhead as heading, body.
    search.clear()
    assert table.model().rowCount() == 3
    click_row(qtbot, table, titles(table).index(topol_title))
    text = reader.toPlainText()
    assert text.startswith(topol_title)
    assert "three-stage intercontinental ballistic missile" in text
    assert text.index("SS-27") < text.index("TENSE TIES") < text.index("brave face")
    heading = reader.document().find("TENSE TIES")
    assert heading.block().blockFormat().headingLevel() == 3
    assert heading.block().text() == "TENSE TIES"

    # A malformed search explains itself under the box and leaves the results alone.
    qtbot.keyClicks(search, '"unclosed')
    qtbot.waitUntil(error.isVisible, timeout=3_000)
    assert "quote" in error.text().lower()
    assert "Traceback" not in error.text()
    assert "\n" not in error.text()
    assert table.model().rowCount() == 3
    assert reader.toPlainText().startswith(topol_title)

    # Clearing the box restores all rows and removes the explanation.
    search.clear()
    assert table.model().rowCount() == 3
    assert not error.isVisible()


def test_arrow_keys_move_the_reader_and_ctrl_f_focuses_search(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path
) -> None:
    window = open_window(qtbot, empty_store)
    import_and_wait(qtbot, window, [three_articles_file])
    table = window.list_view
    # Shortcuts and focus need an active window; offscreen, activation takes an event round.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    assert window.state.selected_article_id == table.model().article_id(0)

    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = table.model().article_id(1)
    assert window.state.selected_article_id == second
    assert window.reader.article_id == second
    assert window.reader.toPlainText().startswith(titles(table)[1][:20])
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert window.reader.article_id == table.model().article_id(0)

    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box.line_edit)


def test_sorting_by_title_header_reorders_the_list(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path
) -> None:
    window = open_window(qtbot, empty_store)
    import_and_wait(qtbot, window, [three_articles_file])
    header = window.list_view.horizontalHeader()
    x = header.sectionViewportPosition(TITLE_COLUMN) + header.sectionSize(TITLE_COLUMN) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    listed = titles(window.list_view)
    assert listed == sorted(listed, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert titles(window.list_view) == listed[::-1]


def test_empty_store_offers_the_sample_set_without_a_dialog(
    qtbot: QtBot,
    empty_store: Store,
    tmp_path: Path,
    three_articles_text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "README.md").write_text("# About the samples\n\nNot an article.\n")
    (samples / ".manifest.json").write_text('{"files": [{"name": "wire.txt"}]}')
    (samples / "wire.txt").write_text(three_articles_text, encoding="utf-8")
    monkeypatch.setattr(paths, "samples_dir", lambda: samples)

    window = open_window(qtbot, empty_store)
    empty = window.findChild(QWidget, "emptyState")
    table = window.findChild(QTableView, "articleList")
    assert empty.isVisible()
    assert not table.isVisible()
    assert "This store is empty" in " ".join(label.text() for label in empty.findChildren(QLabel))
    assert QApplication.activeModalWidget() is None

    with qtbot.waitSignal(window.importFinished, timeout=15_000) as blocker:
        qtbot.mouseClick(window.empty_state.load_samples_button, Qt.MouseButton.LeftButton)
    report: ImportReport = blocker.args[0]
    window.summary_dialog.reject()

    assert report.imported == 3  # README and MANIFEST are not articles
    assert table.isVisible()
    assert not empty.isVisible()
    assert table.model().rowCount() == 3
    assert table.currentIndex().row() == 0
    first = table.model().article_id(0)
    assert window.state.selected_article_id == first
    article = empty_store.get_article(first)
    assert article is not None
    assert article.source == "Briefing sample set"
    assert window.reader.toPlainText().startswith(article.title)


def test_shipped_sample_set_loads(qtbot: QtBot, empty_store: Store) -> None:
    if not any(paths.samples_dir().glob("*.txt")):
        pytest.skip("the sample set is not in this checkout")
    window = open_window(qtbot, empty_store)
    with qtbot.waitSignal(window.importFinished, timeout=30_000) as blocker:
        window.load_sample_set()
    report = blocker.args[0]
    window.summary_dialog.reject()
    assert report.failures == []
    assert report.imported > 0
    assert window.model.rowCount() == empty_store.count_articles() == report.imported
    origins = {
        Path(article.origin_file).name
        for row in range(window.model.rowCount())
        if (article := empty_store.get_article(window.model.article_id(row))) is not None
    }
    assert "README.md" not in origins


def test_window_layout_and_last_store_are_remembered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_path = tmp_path / "first.sqlite"
    with Store.open(first_path) as store:
        window = open_window(qtbot, store)
        window.resize(720, 560)
        window.splitter.setSizes([300, 420])
        qtbot.waitUntil(lambda: window.size() == QSize(720, 560))
        sizes = window.splitter.sizes()
        window.close()

    monkeypatch.delenv("BRIEFING_DB", raising=False)
    assert gui_app.store_location(None) == str(first_path)

    with Store.open(gui_app.store_location(None)) as store:
        again = open_window(qtbot, store)
        assert again.size() == QSize(720, 560)
        assert again.findChild(QSplitter, "mainSplitter").sizes() == sizes
        again.close()


def test_store_location_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    assert gui_app.store_location(None) == str(default_store_path())
    remembered = tmp_path / "remembered.sqlite"
    Store.open(remembered).close()
    from briefing.ui import settings

    settings.remember_store(remembered)
    assert gui_app.store_location(None) == str(remembered)
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "env.sqlite"))
    assert gui_app.store_location(None) == str(tmp_path / "env.sqlite")
    assert gui_app.store_location(str(tmp_path / "cli.sqlite")) == str(tmp_path / "cli.sqlite")
    monkeypatch.delenv("BRIEFING_DB")
    remembered.unlink()
    # A remembered store that was deleted is not recreated behind the person's back.
    assert gui_app.store_location(None) == str(default_store_path())


def test_a_store_that_cannot_be_opened_is_explained_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(f"{box.text()} {box.informativeText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    not_a_store = tmp_path / "notes.sqlite"
    not_a_store.write_text("these are notes, not a database\n")
    assert gui_app.main(["--db", str(not_a_store)]) == 1
    assert len(shown) == 1
    assert "not a Briefing store" in shown[0]


def test_open_store_switches_and_a_bad_one_keeps_the_current(
    qtbot: QtBot,
    empty_store: Store,
    three_articles_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    other_path = tmp_path / "other.sqlite"
    with Store.open(other_path) as other:
        window_other = open_window(qtbot, other)
        import_and_wait(qtbot, window_other, [three_articles_file])
        window_other.close()

    window = open_window(qtbot, empty_store)
    assert window.stack.currentWidget() is window.empty_state
    assert window.open_store(other_path)
    assert window.model.rowCount() == 3
    assert window.findChild(QLabel, "storePathLabel").text() == str(other_path)
    assert window.stack.currentWidget() is window.splitter

    bad = tmp_path / "folder.sqlite"
    bad.mkdir()
    assert not window.open_store(bad)
    assert "folder" in warnings[0]
    assert window.model.rowCount() == 3
    window.store.close()


def test_quit_after_paint_reports_startup_time(tmp_path: Path) -> None:
    """The start-up benchmark's hook: prints the time to first paint and exits by itself."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(tmp_path / "b.sqlite"),
            "--quit-after-paint",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    match = re.search(r"^painted_after_ms=(\d+)$", result.stdout, re.MULTILINE)
    assert match, result.stdout
    assert 0 < int(match.group(1)) < 60_000


def test_search_box_has_its_names_and_explains_syntax(qtbot: QtBot) -> None:
    from briefing.view_state import ViewState

    box = SearchBox(ViewState())
    qtbot.addWidget(box)
    edit = box.findChild(QLineEdit, "searchBox")
    assert edit.accessibleName()
    for piece in ('"', "*", "AND", "OR", "NOT"):
        assert piece in edit.placeholderText()
    assert box.findChild(QLabel, "searchError").isHidden()


def test_unknown_date_never_shows_as_today(qtbot: QtBot, empty_store: Store) -> None:
    from briefing.domain import ParsedArticle

    run = empty_store.begin_import_run(source="t", files=[], options={})
    empty_store.add_articles(run, [("Wire", ParsedArticle(title="Undated", body="Text."))])
    window = open_window(qtbot, empty_store)
    assert window.model.index(0, DATE_COLUMN).data() == "unknown"
    assert "Published" in window.reader.toPlainText()
    assert "unknown" in window.reader.toPlainText()


def test_snapshot_tool_writes_pictures(qtbot: QtBot, tmp_path: Path) -> None:
    from briefing.ui import snapshot

    if not snapshot.sample_files():
        pytest.skip("the sample set is not in this checkout")
    written: list[str] = []
    out = tmp_path / "shots"
    code = snapshot.main(
        [str(out), "--only", "main-window", "empty-state", "import-summary"],
        echo=written.append,
    )
    assert code == 0
    assert [Path(p).name for p in written] == [
        "main-window.png",
        "empty-state.png",
        "import-summary.png",
    ]
    for path in written:
        assert Path(path).stat().st_size > 5_000


def test_file_menu_import_and_new_store(
    qtbot: QtBot,
    empty_store: Store,
    three_articles_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = open_window(qtbot, empty_store)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(three_articles_file)], "")
    )
    # File › Import… opens the import wizard; its Add Files… button asks for files.
    window.import_action.trigger()
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    wizard.sources_page.add_files_button.click()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.preview_page.reading, timeout=15_000)
    with qtbot.waitSignal(window.importFinished, timeout=15_000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY, timeout=5_000)
    wizard.accept()
    assert window.import_wizard is None
    assert window.model.rowCount() == 3

    new_path = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new_path), ""))
    with qtbot.waitSignal(window.storeChanged, timeout=5_000):
        window.new_store_action.trigger()
    assert window.store.path == new_path.with_suffix(".sqlite")
    assert window.stack.currentWidget() is window.empty_state
    assert window.findChild(QLabel, "articleCountLabel").text() == "0 articles in view · 0 in store"

    # An existing file is never overwritten by New Store.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    existing = tmp_path / "existing.sqlite"
    existing.write_bytes(b"precious")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    window.new_store_action.trigger()
    assert existing.read_bytes() == b"precious"
    assert "already exists" in warnings[0]
    assert window.store.path == new_path.with_suffix(".sqlite")
    window.store.close()
