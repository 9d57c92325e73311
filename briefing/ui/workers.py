"""Long work off the GUI thread: imports and re-extraction run in a worker, report by signal.

A :class:`Job` runs one *task* — a plain function ``task(progress, is_cancelled) -> result`` —
in its own QThread. The task only calls the core (:func:`briefing.ingest.pipeline.run_import`,
:func:`briefing.extract.reextract.run_reextract`) and the worker only emits signals; neither
touches a widget (Qt widgets may only be used from the GUI thread). Cancelling sets a flag the
task polls between files or batches, so the store is left consistent (Orange3's
``is_interruption_requested`` pattern). The Store is shared with the GUI thread: its engine
pools one SQLite connection per thread and SQLite's WAL lets the GUI read while we write.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from briefing import paths
from briefing.domain import BriefingError
from briefing.ingest.pipeline import run_import
from briefing.store import Store

log = logging.getLogger(__name__)

SAMPLE_SOURCE = "Briefing sample set"

ProgressCallback = Callable[[object], None]
CancelCheck = Callable[[], bool]
# What a job runs: gets a progress callback and a cancel check, returns the result.
Task = Callable[[ProgressCallback, CancelCheck], object]


def sample_files() -> list[Path]:
    """The shipped sample articles (see :func:`briefing.paths.sample_files`)."""
    return paths.sample_files()


class Worker(QObject):
    """Runs one task; lives in its own QThread (see :class:`Job`)."""

    progress = Signal(object)  # whatever the task reports (ImportProgress, ReextractProgress)
    finished = Signal(object)  # the task's result
    failed = Signal(str)  # one line for the person; the traceback goes to the log

    def __init__(self, task: Task, *, what: str) -> None:
        super().__init__()
        self._task = task
        self._what = what
        # A threading.Event, not a queued slot: the worker's thread is busy inside the task
        # and would only process a queued call after the task is over.
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the task to stop at its next check (thread-safe)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._task(self._on_progress, self.is_cancelled)
        except BriefingError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # anything must reach the GUI, not silently end the thread
            log.error("%s failed:\n%s", self._what, traceback.format_exc())
            self.failed.emit(f"{self._what} stopped because of an unexpected error: {exc}")
        else:
            self.finished.emit(result)

    def _on_progress(self, progress: object) -> None:
        self.progress.emit(progress)


class Job(QObject):
    """A :class:`Worker` running its task in its own QThread, re-emitting its signals.

    The job ends (``done``) after ``finished`` or ``failed`` once the thread has stopped, so
    the caller can drop its reference without destroying a running thread.
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(
        self, task: Task, *, what: str, name: str = "job", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.what = what
        self.worker = Worker(task, what=what)
        self._thread = QThread(self)
        self._thread.setObjectName(name)
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

    def _note_finished(self, result: object) -> None:
        self._outcome = ("finished", result)
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


class ImportJob(Job):
    """An import (:func:`run_import`) in the background; ``finished`` carries the ImportReport."""

    def __init__(
        self,
        store: Store,
        files: Sequence[Path],
        *,
        source: str | None = None,
        fallback_source: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.files = list(files)

        def task(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
            # Looked up when it runs, so tests can stand in for the pipeline.
            return run_import(
                store,
                self.files,
                source=source,
                fallback_source=fallback_source,
                progress=progress,
                is_cancelled=is_cancelled,
            )

        super().__init__(task, what="The import", name="import", parent=parent)


class ReextractJob(Job):
    """Re-extraction of entities (all articles, or ``article_ids``); ``finished`` carries the
    number of articles re-extracted."""

    def __init__(
        self,
        store: Store,
        article_ids: Sequence[int] | None = None,
        *,
        parent: QObject | None = None,
    ) -> None:
        self.article_ids = None if article_ids is None else list(article_ids)

        def task(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
            # Imported here: the extraction engine is only loaded when it is needed.
            from briefing.extract.reextract import run_reextract

            return run_reextract(
                store, self.article_ids, progress=progress, is_cancelled=is_cancelled
            )

        super().__init__(task, what="Re-extraction", name="reextract", parent=parent)
