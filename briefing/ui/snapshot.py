"""Render the main window and each dialog to PNG, offscreen: ``python -m briefing.ui.snapshot``.

    python -m briefing.ui.snapshot OUT_DIR [--db PATH] [--width 1280] [--height 800]
                                   [--only main-window ...]

Writes main-window.png (a store holding the sample set, an article selected), entity-filters.png
(two entity filters as chips, the sidebar's counts within them, an article's highlights),
timeline.png (the timeline with a date range filtering the list), range-chart.png (the range
chart with one figure selected; its export is written beside it as range-chart-export.png),
search-error.png, empty-state.png, import-progress.png, import-summary.png,
import-cancelled.png, merge-dialog.png, hidden-entities.png, user-gazetteer.png,
reextract-progress.png, about.png, store-error.png, import-wizard-sources.png,
import-wizard-options.png, import-wizard-preview.png, import-history.png, briefing-panel.png
(the main window with a briefing of every kind of item) and briefing-export.png, or only those
named with --only (the README's screenshot is ``--only main-window``). Without --db the sample
set is imported into a temporary store; with --db that store is used as it is (the sample set is
imported into it only when it is empty; the hidden-entities picture hides three entities and
unhides them). The chart pictures use that store when it holds dates and ranges, else a small
hand-made corpus (:mod:`briefing.ui.chart_demo`: the sample set has none until date and range
extraction runs). Settings go to a temporary folder, so the person's own window layout is
neither used nor changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# Before Qt is imported: no window may appear and no display is needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from briefing.chart_data import BinUnit, bin_end, bin_index, bin_start
from briefing.domain import ArticleQuery, EntityType, StoreError
from briefing.ingest.pipeline import ImportProgress, run_import
from briefing.store import Store
from briefing.ui.app import configure_application, store_error_box
from briefing.ui.briefing_snapshots import render_briefing_panel, render_export_dialog
from briefing.ui.chart_demo import add_demo_articles
from briefing.ui.chart_panel import ChartPanel
from briefing.ui.entity_dialogs import (
    HiddenEntitiesDialog,
    MergeDialog,
    ReextractProgressDialog,
    UserGazetteerDialog,
)
from briefing.ui.import_dialog import ImportProgressDialog, ImportSummaryDialog
from briefing.ui.import_snapshots import render_import_history, render_wizard_page
from briefing.ui.main_window import MainWindow, user_gazetteer_path
from briefing.ui.workers import SAMPLE_SOURCE, sample_files


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _wait_for_counts(window: MainWindow, app: QApplication) -> None:
    """The sidebar counts in a worker thread: wait (a little) until they are shown."""
    deadline = time.monotonic() + 10
    while not window.sidebar.up_to_date and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    _settle(app)


def _busiest_article(store: Store) -> tuple[int, list[int]]:
    """The article with the most distinct entities, and those entities (most common first)."""
    counts = {row.id: row.articles for row in store.entity_counts(ArticleQuery())}
    best: tuple[int, list[int]] = (0, [])
    for article_id in store.query_article_ids(ArticleQuery()):
        entities = {m.entity_id for m in store.article_mentions(article_id)}
        if len(entities) > len(best[1]):
            ranked = sorted(entities, key=lambda e: -counts.get(e, 0))
            best = (article_id, ranked)
    return best


def _wait_for_charts(window: MainWindow, app: QApplication) -> None:
    """The charts load in a worker thread: wait (a little) until they are drawn."""
    deadline = time.monotonic() + 10
    while not (window.charts.up_to_date and window.sidebar.up_to_date):
        if time.monotonic() > deadline:
            break
        app.processEvents()
        time.sleep(0.01)
    _settle(app)


def _busiest_month(store: Store) -> tuple[dt.date, dt.date] | None:
    """First and last day of the month with the most dated events."""
    points = store.date_points(None)
    if len(points.starts) == 0:
        return None
    months = bin_index(np.asarray(points.starts), BinUnit.MONTH)
    tally = np.bincount(months - months.min())
    busiest = np.array([int(np.argmax(tally)) + int(months.min())])
    first = int(bin_start(busiest, BinUnit.MONTH)[0])
    last = int(bin_end(busiest, BinUnit.MONTH)[0]) - 1
    return dt.date.fromordinal(first), dt.date.fromordinal(last)


def _save(widget: QWidget, path: Path, app: QApplication) -> Path:
    widget.show()
    _settle(app)
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def _showcase_row(window: MainWindow) -> int:
    """A row worth showing: an article with subheads and a byline if there is one."""
    model = window.model
    best, best_score = 0, -1
    for row in range(min(model.rowCount(), 200)):
        article_id = model.article_id(row)
        article = window.store.get_article(article_id) if article_id is not None else None
        if article is None:
            continue
        score = 2 * bool(article.subheads) + bool(article.byline) + bool(article.published)
        score += not article.truncated
        if score > best_score:
            best, best_score = row, score
    return best


def _import_samples(store: Store) -> None:
    files = sample_files()
    if not files:
        raise SystemExit("snapshot: the sample set is not installed (data/samples is empty)")
    run_import(store, files, fallback_source=SAMPLE_SOURCE)


class _Pictures:
    """One method per picture; each leaves nothing open behind it."""

    def __init__(
        self, app: QApplication, out_dir: Path, scratch: Path, db: str | None, size: QSize
    ) -> None:
        self.app = app
        self.out_dir = out_dir
        self.scratch = scratch
        self.db = db
        self.size = size
        self.samples = sample_files()

    def _window(self, store: Store) -> MainWindow:
        window = MainWindow(store)
        window.resize(self.size)
        window.show()
        _settle(self.app)
        return window

    def _sample_store(self) -> Store:
        store = Store.open(self.db if self.db else self.scratch / "samples.sqlite")
        if store.count_articles() == 0:
            _import_samples(store)
        return store

    def main_window(self, path: Path) -> None:
        with self._sample_store() as store:
            window = self._window(store)
            window.list_view.select_row(_showcase_row(window))
            _wait_for_counts(window, self.app)
            _save(window, path, self.app)
            window.close()

    def entity_filters(self, path: Path) -> None:
        with self._sample_store() as store:
            window = self._window(store)
            article_id, entities = _busiest_article(store)
            for entity_id in entities[:2]:
                window.state.select_entity(entity_id)
            if article_id:
                window.state.selected_article_id = article_id
            _wait_for_counts(window, self.app)
            if entities:
                window.sidebar.reveal_entity(entities[0])
            _wait_for_counts(window, self.app)
            _save(window, path, self.app)
            window.close()

    def _chart_store(self) -> Store:
        """The sample store if it has dates and ranges to chart, else the hand-made corpus."""
        store = self._sample_store()
        if len(store.date_points(None).starts) and store.range_rows(None):
            return store
        store.close()
        demo = Store.open(self.scratch / "chart-demo.sqlite")
        if demo.count_articles() == 0:
            add_demo_articles(demo)
        return demo

    def timeline(self, path: Path) -> None:
        with self._chart_store() as store:
            window = self._window(store)
            window.resizeDocks([window.charts], [self.size.height() // 2], Qt.Orientation.Vertical)
            window.charts.show_tab(ChartPanel.TIMELINE_TAB)
            _wait_for_charts(window, self.app)
            month = _busiest_month(store)
            if month is not None:
                first, last = month
                window.state.set_date_range(first - dt.timedelta(days=45), last)
                # Zoomed to the selection and a year either side of it.
                window.charts.timeline.set_visible_dates(
                    first - dt.timedelta(days=400), last + dt.timedelta(days=360)
                )
            _wait_for_charts(window, self.app)
            window.list_view.select_row(0)
            _save(window, path, self.app)
            window.close()

    def range_chart(self, path: Path) -> None:
        with self._chart_store() as store:
            window = self._window(store)
            window.resizeDocks([window.charts], [self.size.height() // 2], Qt.Orientation.Vertical)
            window.charts.show_tab(ChartPanel.RANGES_TAB)
            _wait_for_charts(window, self.app)
            chart = window.charts.ranges
            # A system stated more than once, its most-stated figure selected.
            rows = sorted(chart.rows, key=lambda r: -sum(s.articles for s in r.stated))
            if rows:
                figure = max(rows[0].stated, key=lambda s: s.articles)
                chart.select_figure(rows[0], figure)
            _wait_for_charts(window, self.app)
            window.list_view.select_row(0)
            _save(window, path, self.app)
            chart.export_png(path.with_name(f"{path.stem}-export.png"))
            window.close()

    def merge_dialog(self, path: Path) -> None:
        with self._sample_store() as store:
            candidates = store.entity_counts_all()
            people = [e for e in candidates if e.type is EntityType.PERSON and " " in e.name]
            # The typical case: a surname found on its own, to fold into the full name.
            name = people[0].name.split()[-1] if people else "Scheffer"
            dialog = MergeDialog(
                f"Merge “{name}” into…",
                f"Every mention of “{name}” will count as the entity you choose; its names "
                "stay known, so re-extraction keeps the merge. Undo with Ctrl+Z.",
                candidates,
                suggest_for=name,
            )
            _save(dialog, path, self.app)

    def hidden_entities(self, path: Path) -> None:
        with self._sample_store() as store:
            candidates = store.entity_counts_all()
            hidden = [e.id for e in candidates[-3:]]
            for entity_id in hidden:
                store.set_entity_hidden(entity_id, True)
            try:
                dialog = HiddenEntitiesDialog(store.hidden_entities)
                _save(dialog, path, self.app)
            finally:
                for entity_id in hidden:
                    store.set_entity_hidden(entity_id, False)

    def user_gazetteer(self, path: Path) -> None:
        names = [
            (EntityType.WEAPON, "Project Zephyr"),
            (EntityType.PERSON, "Piet Andersen"),
            (EntityType.ORG, "NordWire"),
        ]
        _save(UserGazetteerDialog(user_gazetteer_path(), names), path, self.app)

    def reextract_progress(self, path: Path) -> None:
        dialog = ReextractProgressDialog(None)
        dialog.update_progress(18_500, 46_000)
        _save(dialog, path, self.app)
        dialog.finish()

    def search_error(self, path: Path) -> None:
        with self._sample_store() as store:
            window = self._window(store)
            window.list_view.select_row(_showcase_row(window))
            window.search_box.line_edit.setText('"arms control')
            window.search_box.line_edit.returnPressed.emit()
            _save(window, path, self.app)
            window.close()

    def empty_state(self, path: Path) -> None:
        with Store.open(self.scratch / "empty.sqlite") as store:
            window = self._window(store)
            _save(window, path, self.app)
            window.close()

    def import_progress(self, path: Path) -> None:
        total = max(len(self.samples), 1)
        current = str(self.samples[min(2, total - 1)]) if self.samples else "news.txt"
        dialog = ImportProgressDialog(total)
        dialog.update_progress(ImportProgress(min(3, total), total, 17, 2, current))
        _save(dialog, path, self.app)
        dialog.finish()

    def import_summary(self, path: Path) -> None:
        # A real report: half the set imported before (so duplicates), plus an empty file.
        empty_file = self.scratch / "notes-empty.txt"
        empty_file.write_text("", encoding="utf-8")
        with Store.open(self.scratch / "summary.sqlite") as store:
            run_import(store, self.samples[: len(self.samples) // 2], fallback_source=SAMPLE_SOURCE)
            report = run_import(store, [*self.samples, empty_file], fallback_source=SAMPLE_SOURCE)
        _save(ImportSummaryDialog(report), path, self.app)

    def import_cancelled(self, path: Path) -> None:
        checks = [0]

        def cancel_after_three_files() -> bool:
            checks[0] += 1
            return checks[0] > 3

        with Store.open(self.scratch / "cancelled.sqlite") as store:
            report = run_import(
                store,
                self.samples,
                fallback_source=SAMPLE_SOURCE,
                is_cancelled=cancel_after_three_files,
            )
        _save(ImportSummaryDialog(report), path, self.app)

    def about(self, path: Path) -> None:
        with Store.open(self.scratch / "about.sqlite") as store:
            window = MainWindow(store)
            _save(window.about_box(), path, self.app)
            window.close()

    def store_error(self, path: Path) -> None:
        error = StoreError(
            "/home/analyst/notes.txt is not a Briefing store (not an SQLite database)"
        )
        _save(store_error_box(error), path, self.app)

    # -- the import wizard and the import history (briefing.ui.import_snapshots) -------------

    def import_wizard_sources(self, path: Path) -> None:
        render_wizard_page(self.app, "sources", path, self.scratch, self.samples)

    def import_wizard_options(self, path: Path) -> None:
        render_wizard_page(self.app, "options", path, self.scratch, self.samples)

    def import_wizard_preview(self, path: Path) -> None:
        render_wizard_page(self.app, "preview", path, self.scratch, self.samples)

    def import_history(self, path: Path) -> None:
        render_import_history(self.app, path, self.scratch, self.samples)

    # -- briefings (briefing.ui.briefing_snapshots) ----------------------------------------------

    def briefing_panel(self, path: Path) -> None:
        with self._sample_store() as store:
            render_briefing_panel(self.app, store, path, self.size)

    def briefing_export(self, path: Path) -> None:
        with self._sample_store() as store:
            render_export_dialog(self.app, store, path)


PICTURES = (
    "main-window",
    "entity-filters",
    "timeline",
    "range-chart",
    "search-error",
    "empty-state",
    "import-progress",
    "import-summary",
    "import-cancelled",
    "merge-dialog",
    "hidden-entities",
    "user-gazetteer",
    "reextract-progress",
    "about",
    "store-error",
    "import-wizard-sources",
    "import-wizard-options",
    "import-wizard-preview",
    "import-history",
    "briefing-panel",
    "briefing-export",
)


def render(
    out_dir: Path,
    db: str | None = None,
    size: QSize = QSize(1280, 800),  # noqa: B008 - an immutable value
    only: Sequence[str] = PICTURES,
) -> list[Path]:
    """Write the pictures named in ``only`` as OUT_DIR/<name>.png; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    configure_application(app)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="briefing-snapshot-") as scratch_name:
        scratch = Path(scratch_name)
        # The person's own settings (window layout, last store) are neither used nor changed.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
        pictures = _Pictures(app, out_dir, scratch, db, size)
        for name in only:
            path = out_dir / f"{name}.png"
            getattr(pictures, name.replace("-", "_"))(path)
            written.append(path)
        _settle(app)  # let deferred deletions run before the scratch folder goes
    return written


def main(argv: list[str] | None = None, *, echo: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m briefing.ui.snapshot",
        description="Render the main window and the dialogs to PNG files, offscreen.",
    )
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="store to show (default: samples)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=PICTURES,
        default=list(PICTURES),
        metavar="NAME",
        help=f"render only these pictures ({', '.join(PICTURES)})",
    )
    args = parser.parse_args(argv)
    for path in render(args.out_dir, args.db, QSize(args.width, args.height), args.only):
        echo(str(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
