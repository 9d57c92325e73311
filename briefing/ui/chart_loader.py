"""Chart data fetched off the GUI thread, newest request wins.

The same pattern as the sidebar's counts (:class:`briefing.ui.entity_sidebar.CountsLoader`):
one task at a time in a one-thread pool; a request made while one runs replaces any waiting
one, and the running one's result is dropped as stale when it arrives. The task only calls the
store and numpy (:mod:`briefing.chart_data`) and returns plain objects; the result is handed
over on the GUI thread by a queued signal.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal

from briefing.domain import ArticleQuery

log = logging.getLogger(__name__)

# Given a chart's query, the ids of its articles if they are known already (the article list
# ran the same query), else None. Called on the GUI thread; the list is not changed after.
ViewIds = Callable[[ArticleQuery], Sequence[int] | None]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A finished task: its key (what was asked), its result or the error's one line."""

    key: object
    result: object = None
    error: str | None = None


class _Relay(QObject):
    # Lives on the GUI thread; emitted from the pool's thread, so delivery is queued.
    done = Signal(object)


class LatestLoader(QObject):
    """Runs ``task()`` in a worker thread; only the newest request's result is announced."""

    loaded = Signal(object)  # Loaded

    def __init__(self, what: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._what = what
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._running = False
        self._pending: tuple[object, Callable[[], object]] | None = None

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def request(self, key: object, task: Callable[[], object]) -> None:
        if self._running:
            self._pending = (key, task)  # the running one's answer will be stale: dropped
            return
        self._start(key, task)

    def wait(self) -> None:
        """Block until no task runs (the store is about to close)."""
        self._pending = None
        self._pool.waitForDone()

    def _start(self, key: object, task: Callable[[], object]) -> None:
        self._running = True
        self._pool.start(functools.partial(self._work, key, task))

    def _work(self, key: object, task: Callable[[], object]) -> None:
        # The pool's thread: the store and numpy only, never a widget.
        try:
            loaded = Loaded(key, task())
        except Exception as exc:  # reported, never lost in the pool thread
            log.exception("%s failed", self._what)
            loaded = Loaded(key, error=f"{self._what} failed: {exc}")
        with contextlib.suppress(RuntimeError):  # the window went away meanwhile
            self._relay.done.emit(loaded)

    def _on_done(self, loaded: Loaded) -> None:
        self._running = False
        if self._pending is not None:
            key, task = self._pending
            self._pending = None
            self._start(key, task)
            return
        self.loaded.emit(loaded)
