"""How an export reports progress, notices a cancel and fails: shared by every format."""

from __future__ import annotations

from collections.abc import Callable


class ExportError(Exception):
    """The briefing could not be exported; the message says why in a sentence."""


class ExportCancelled(ExportError):
    """The export was cancelled; nothing was left behind."""


class Steps:
    """Counts the export's steps (one per block, plus writing), reporting each to ``progress``
    and asking ``cancel`` before each: an exporter calls :meth:`advance` between blocks, so a
    cancel takes effect within one block."""

    def __init__(
        self,
        total: int,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        """Raise :class:`ExportCancelled` if a cancel was asked for."""
        if self._cancel is not None and self._cancel():
            raise ExportCancelled("export cancelled")

    def advance(self, count: int = 1) -> None:
        self.check()
        self.done = min(self.done + count, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total)
