"""Export a briefing as PDF, Word, HTML or Markdown: the one entry point the CLI and the GUI
call.

Each format is one module with a ``write_*(document, path, *, page_size, steps)`` function
(plug-ins of one shape, chosen in :func:`_writer`) that writes ``path`` and any files beside it
(Markdown's ``NAME_files/`` images) and returns them. It writes into a hidden staging folder
beside the target; the files are renamed into place only when all are complete, so a cancelled
or failed export never leaves a half-written file, nor replaces a good one with it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from briefing.briefings.document import BriefingDocument
from briefing.export.export_progress import ExportCancelled, ExportError, Steps

__all__ = [
    "PAGE_SIZES",
    "ExportCancelled",
    "ExportError",
    "ExportFormat",
    "export_briefing",
    "format_for_path",
]

PAGE_SIZES = ("A4", "Letter")


class ExportFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    MD = "md"

    @property
    def suffix(self) -> str:
        return f".{self.value}"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ExportFormat.PDF: "PDF document",
    ExportFormat.DOCX: "Word document",
    ExportFormat.HTML: "Web page (one file)",
    ExportFormat.MD: "Markdown with images",
}

_SUFFIXES = {
    ".pdf": ExportFormat.PDF,
    ".docx": ExportFormat.DOCX,
    ".html": ExportFormat.HTML,
    ".htm": ExportFormat.HTML,
    ".md": ExportFormat.MD,
    ".markdown": ExportFormat.MD,
}


def format_for_path(path: Path | str) -> ExportFormat | None:
    """The format a file name asks for ('brief.PDF' → PDF), or None."""
    return _SUFFIXES.get(Path(path).suffix.lower())


class Writer(Protocol):
    def __call__(
        self, document: BriefingDocument, path: Path, *, page_size: str, steps: Steps
    ) -> list[Path]: ...


def _writer(fmt: ExportFormat) -> Writer:
    # Imported on use: the PDF writer pulls in reportlab and svglib, Word python-docx; an HTML
    # export should not pay for those.
    if fmt is ExportFormat.PDF:
        from briefing.export.pdf_export import write_pdf

        return write_pdf
    if fmt is ExportFormat.DOCX:
        from briefing.export.docx_export import write_docx

        return write_docx
    if fmt is ExportFormat.HTML:
        from briefing.export.html_export import write_html

        return write_html
    from briefing.export.md_export import write_markdown

    return write_markdown


def export_briefing(
    document: BriefingDocument,
    path: Path,
    fmt: ExportFormat | str,
    *,
    page_size: str = "A4",
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write ``document`` to ``path`` in ``fmt``; returns the files written (the document
    first, then any images). ``progress(done, total)`` is called after each block; ``cancel()``
    is asked before each, and a True answer raises :class:`ExportCancelled` with nothing left
    behind. Raises :class:`ExportError` with a one-line reason on failure."""
    try:
        fmt = ExportFormat(str(fmt).lower().lstrip("."))
    except ValueError:
        names = ", ".join(f.value for f in ExportFormat)
        raise ExportError(f"unknown export format {fmt!r} (use one of: {names})") from None
    size = page_size.strip().upper()
    if size not in {s.upper() for s in PAGE_SIZES}:
        raise ExportError(f"unknown page size {page_size!r} (use A4 or Letter)")
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder, not a file name")
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist")
    steps = Steps(len(document.blocks) + 1, progress, cancel)
    steps.check()
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".partial", dir=folder))
    except OSError as error:
        raise ExportError(f"cannot write in {folder}: {error.strerror or error}") from error
    try:
        written = _writer(fmt)(document, staging / path.name, page_size=size, steps=steps)
        steps.advance()  # the last step: the file is laid out and written
        return _move_into_place(written, staging, folder)
    except ExportError:
        raise
    except OSError as error:
        raise ExportError(f"could not write {path}: {error.strerror or error}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(written: list[Path], staging: Path, folder: Path) -> list[Path]:
    """Rename the staged files to their places, the document last (so a reader never finds
    the new document pointing at images that are not there yet)."""
    finals = [folder / staged.relative_to(staging) for staged in written]
    for staged, final in reversed(list(zip(written, finals, strict=True))):
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, final)
    return finals
