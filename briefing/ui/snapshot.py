"""Render the main window and each dialog to PNG, offscreen: ``python -m briefing.ui.snapshot``.

    python -m briefing.ui.snapshot OUT_DIR [--db PATH] [--width 1280] [--height 800]
                                   [--only main-window ...]

Writes main-window.png (a store holding the sample set, an article selected), search-error.png,
empty-state.png, import-progress.png, import-summary.png, import-cancelled.png, about.png and
store-error.png, or only those named with --only (the README's screenshot is
``--only main-window``). Without --db the sample set is imported into a temporary store; with
--db that store is used as it is (the sample set is imported into it only when it is empty).
Settings go to a temporary folder, so the person's own window layout is neither used nor
changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

# Before Qt is imported: no window may appear and no display is needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from briefing.domain import StoreError
from briefing.ingest.pipeline import ImportProgress, run_import
from briefing.store import Store
from briefing.ui.app import configure_application, store_error_box
from briefing.ui.import_dialog import ImportProgressDialog, ImportSummaryDialog
from briefing.ui.main_window import MainWindow
from briefing.ui.workers import SAMPLE_SOURCE, sample_files


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


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
    run_import(store, files, source=SAMPLE_SOURCE)


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
            _save(window, path, self.app)
            window.close()

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
            run_import(store, self.samples[: len(self.samples) // 2], source=SAMPLE_SOURCE)
            report = run_import(store, [*self.samples, empty_file], source=SAMPLE_SOURCE)
        _save(ImportSummaryDialog(report), path, self.app)

    def import_cancelled(self, path: Path) -> None:
        checks = [0]

        def cancel_after_three_files() -> bool:
            checks[0] += 1
            return checks[0] > 3

        with Store.open(self.scratch / "cancelled.sqlite") as store:
            report = run_import(
                store, self.samples, source=SAMPLE_SOURCE, is_cancelled=cancel_after_three_files
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


PICTURES = (
    "main-window",
    "search-error",
    "empty-state",
    "import-progress",
    "import-summary",
    "import-cancelled",
    "about",
    "store-error",
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
