"""Start the GUI: ``briefing-gui [--db PATH_OR_URL]`` (also ``python main.py``).

The store is chosen by the documented rule: ``--db``, else ``$BRIEFING_DB``, else the last
store the GUI had open (if the file still exists), else the user data folder. A store that
cannot be opened is explained in a message box, not a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing import __version__
from briefing.config import ENV_DB, default_store_path, resolve_store_location
from briefing.domain import StoreError
from briefing.store import Store
from briefing.ui import settings
from briefing.ui.main_window import MainWindow
from briefing.ui.theme import app_icon, style_sheet

# Fallback origin for --quit-after-paint where the OS cannot tell when the process started.
_MODULE_LOADED = time.monotonic()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-gui", description="Briefing: read and search an offline news store."
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=(
            f"the store: a file path or an SQLAlchemy sqlite URL (default: ${ENV_DB}, else the "
            "last store opened, else the user data folder)"
        ),
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    # For the start-up benchmark: print painted_after_ms=<ms since process start> and quit.
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def store_location(cli_value: str | None) -> str:
    """--db, else $BRIEFING_DB, else the remembered store if it exists, else the default."""
    if cli_value or os.environ.get(ENV_DB, "").strip():
        return resolve_store_location(cli_value)
    return settings.remembered_store() or str(default_store_path())


def configure_application(app: QApplication) -> None:
    """Names (they decide where QSettings live), icon and style sheet."""
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Briefing")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    sheet = style_sheet()
    if sheet:
        app.setStyleSheet(sheet)


def store_error_box(error: StoreError) -> QMessageBox:
    """The message shown instead of a traceback when the store cannot be opened."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open the store", "")
    box.setObjectName("storeErrorDialog")
    box.setText("Briefing cannot open the store.")
    box.setInformativeText(
        f"{error}\n\nChoose another store with --db PATH_OR_URL or the {ENV_DB} "
        "environment variable."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def ms_since_process_start() -> float:
    """Milliseconds since the process started (Linux: from the kernel; else since import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            stat = handle.read()
        # Field 22 (starttime, in clock ticks after boot); the name in (...) may hold spaces.
        start_ticks = int(stat[stat.rindex(")") + 2 :].split()[19])
        started = start_ticks / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.monotonic() - _MODULE_LOADED) * 1000


class _FirstPaintReporter(QObject):
    """Prints the start-up time once the article list (or the empty state) has painted."""

    def __init__(self, app: QApplication, watched: list[QWidget]) -> None:
        super().__init__(app)
        self._app = app
        self._watched = watched
        self._done = False
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # Report after this paint event has been handled, not before it.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        for widget in self._watched:
            widget.removeEventFilter(self)
        print(f"painted_after_ms={ms_since_process_start():.0f}", flush=True)
        self._app.quit()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    unknown = [arg for arg in qt_args if arg.startswith("--")]
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    configure_application(app)

    location = store_location(args.db)
    try:
        store = Store.open(location)
    except StoreError as exc:
        if args.quit_after_paint:
            print(f"briefing-gui: {exc}", file=sys.stderr)
        else:
            store_error_box(exc).exec()
        return 1

    window = MainWindow(store)
    if args.quit_after_paint:
        watched: list[QWidget] = [window.list_view.viewport(), window.empty_state]
        _FirstPaintReporter(app, watched)
    window.show()
    try:
        return app.exec()
    finally:
        window.store.close()
