"""Long work off the GUI thread: imports run in a worker, report back by signal.

The worker only calls :func:`briefing.ingest.pipeline.run_import` and emits signals; it never
touches a widget (Qt widgets may only be used from the GUI thread). Cancelling sets a flag the
pipeline polls between files, so the store is left consistent (Orange3's
``is_interruption_requested`` pattern). The Store is shared with the GUI thread: its engine
pools one SQLite connection per thread and SQLite's WAL lets the GUI read while we write.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from briefing import paths
from briefing.domain import BriefingError, ImportReport
from briefing.ingest.pipeline import ImportProgress, run_import
from briefing.store import Store

log = logging.getLogger(__name__)

SAMPLE_SOURCE = "Briefing sample set"


def sample_files() -> list[Path]:
    """The shipped sample articles (see :func:`briefing.paths.sample_files`)."""
    return paths.sample_files()


class ImportWorker(QObject):
    """Runs one import; lives in its own QThread (see :class:`ImportJob`)."""

    progress = Signal(object)  # ImportProgress
    finished = Signal(object)  # ImportReport
    failed = Signal(str)  # one line for the person; the traceback goes to the log

    def __init__(self, store: Store, files: Sequence[Path], *, source: str | None = None) -> None:
        super().__init__()
        self._store = store
        self._files = list(files)
        self._source = source
        # A threading.Event, not a queued slot: the worker's thread is busy inside
        # run_import and would only process a queued call after the import is over.
        self._cancel = threading.Event()

    @property
    def files(self) -> list[Path]:
        return list(self._files)

    def cancel(self) -> None:
        """Ask the import to stop after the current file (thread-safe)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            report = run_import(
                self._store,
                self._files,
                source=self._source,
                progress=self._on_progress,
                is_cancelled=self.is_cancelled,
            )
        except BriefingError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # anything must reach the GUI, not silently end the thread
            log.error("import failed:\n%s", traceback.format_exc())
            self.failed.emit(f"The import stopped because of an unexpected error: {exc}")
        else:
            self.finished.emit(report)

    def _on_progress(self, progress: ImportProgress) -> None:
        self.progress.emit(progress)


class ImportJob(QObject):
    """An :class:`ImportWorker` running in its own QThread, re-emitting its signals.

    The job ends (``done``) after ``finished`` or ``failed`` once the thread has stopped, so
    the caller can drop its reference without destroying a running thread.
    """

    progress = Signal(object)  # ImportProgress
    finished = Signal(object)  # ImportReport
    failed = Signal(str)
    done = Signal()

    def __init__(
        self,
        store: Store,
        files: Sequence[Path],
        *,
        source: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = ImportWorker(store, files, source=source)
        self._thread = QThread(self)
        self._thread.setObjectName("import")
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        # Progress is queued to this (GUI-thread) object: its receivers run on the GUI thread.
        self.worker.progress.connect(self.progress)
        # The outcome is noted and the thread told to stop *in the worker's thread*: were this
        # queued to the GUI thread, a GUI thread blocked in wait() (closing the window) would
        # never let the thread end.
        direct = Qt.ConnectionType.DirectConnection
        self.worker.finished.connect(self._note_finished, direct)
        self.worker.failed.connect(self._note_failed, direct)
        # Emitted by the ending thread, delivered on the GUI thread.
        self._thread.finished.connect(self._on_thread_finished)
        self._outcome: tuple[str, object] | None = None

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the worker's thread ends (used on quit, after cancel())."""
        return self._thread.wait(milliseconds)

    def _note_finished(self, report: ImportReport) -> None:
        self._outcome = ("finished", report)
        self._thread.quit()

    def _note_failed(self, message: str) -> None:
        self._outcome = ("failed", message)
        self._thread.quit()

    def _on_thread_finished(self) -> None:
        # Announce only now: whoever reacts may delete the job, and the thread is stopped.
        outcome, self._outcome = self._outcome, None
        if outcome is not None:
            kind, value = outcome
            if kind == "finished":
                self.finished.emit(value)
            else:
                self.failed.emit(value)
        self.done.emit()
