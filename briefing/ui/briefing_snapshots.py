"""Pictures of the briefing panel and the export dialog, for :mod:`briefing.ui.snapshot`.

A real briefing is built the way the analyst builds one — articles found by a search, an
excerpt from the reader, a note with a bold word, the timeline as shown, the key dates — in the
store given, and deleted again afterwards, so rendering from a person's own store (``--db``)
leaves it as it was.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from briefing.briefings.model import ItemKind
from briefing.domain import BriefingError
from briefing.store import Store
from briefing.ui.main_window import MainWindow

DEMO_NAME = "INF crisis (snapshot)"
DEMO_SEARCH = "INF"
DEMO_NOTE = (
    "**Assessment.** Both sides now say the treaty is dead; watch for *where* the first "
    "ground-launched systems are based."
)


def _settle(
    app: QApplication, until: Callable[[], bool] = lambda: True, seconds: float = 10
) -> None:
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(5):
            app.processEvents()
        if until() or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def _save(widget: QWidget, path: Path, app: QApplication) -> Path:
    widget.show()
    _settle(app)
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


@contextlib.contextmanager
def demo_briefing(window: MainWindow, app: QApplication) -> Iterator[int]:
    """A briefing put together in ``window`` as a person would; deleted afterwards."""
    store = window.store
    editor = window.briefing_editor
    old = store.find_briefing(DEMO_NAME)
    if old is not None:
        store.delete_briefing(old.id)
    info = editor.create(
        DEMO_NAME,
        title="The INF Treaty's last weeks",
        author="J. Analyst",
        marking="OFFICIAL-SENSITIVE",
    )
    if info is None:
        raise BriefingError("the demo briefing could not be made")
    try:
        window.state.search = DEMO_SEARCH
        _settle(app, lambda: window.charts.up_to_date and window.sidebar.up_to_date)
        # Stories about the treaty itself (the search also finds passing mentions).
        model = window.model
        rows = [model.row_data(r) for r in range(model.rowCount())]
        about = [row.id for row in rows if row is not None and DEMO_SEARCH in row.title]
        ids = (about or model.ids)[:3]
        editor.add_articles(ids)
        if ids:
            window.state.selected_article_id = ids[0]
            _settle(app)
            article = store.get_article(ids[0])
            body = article.body if article is not None else ""
            sentence = body.split(". ")[0].strip()
            if sentence:
                editor.add_excerpt(ids[0], sentence + ("." if not sentence.endswith(".") else ""))
        editor.add_note(DEMO_NOTE)
        _settle(app, lambda: window.charts.timeline.visible_span is not None)
        chart = window.charts.snapshot()
        if chart is not None:
            editor.add_chart(chart)
        editor.add_table(ItemKind.KEY_DATES)
        window.undo_stack.clear()  # nothing of this is the person's to undo
        _settle(app)
        yield info.id
    finally:
        with contextlib.suppress(BriefingError):
            store.delete_briefing(info.id)
        window.briefing_editor.set_current(None)


def render_briefing_panel(app: QApplication, store: Store, path: Path, size: QSize) -> Path:
    """The main window with the briefing panel holding one of each kind of item."""
    window = MainWindow(store)
    window.resize(size)
    window.show()
    _settle(app)
    window.resizeDocks([window.sidebar], [300], Qt.Orientation.Horizontal)
    window.resizeDocks(
        [window.sidebar, window.briefing_panel],
        [size.height() * 2 // 5, size.height() * 3 // 5],
        Qt.Orientation.Vertical,
    )
    try:
        with demo_briefing(window, app):
            panel = window.briefing_panel
            panel.list.select_items([panel.model.items[1].id])
            _settle(app, lambda: window.charts.up_to_date and window.sidebar.up_to_date)
            return _save(window, path, app)
    finally:
        window.close()


def render_export_dialog(app: QApplication, store: Store, path: Path) -> Path:
    """The export dialog of a real briefing, PDF on A4 chosen."""
    window = MainWindow(store)
    window.show()
    _settle(app)
    try:
        with demo_briefing(window, app):
            dialog = window.briefing_panel.open_export_dialog()
            if dialog is None:
                raise BriefingError("the demo briefing is empty")
            dialog.format_combo.setCurrentIndex(0)
            dialog.page_combo.setCurrentText("A4")
            # A home folder like the analyst's, not the machine the picture was made on.
            dialog.path_edit.setText("/home/analyst/Briefings/INF-crisis.pdf")
            dialog.adjustSize()
            saved = _save(dialog, path, app)
            dialog.reject()
            return saved
    finally:
        window.close()
