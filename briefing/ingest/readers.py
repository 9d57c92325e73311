"""Readers turn one file's bytes into articles; each format is one reader, registered here.

Modelled on Picard's format registry: a reader names its extensions and sniffs the first
bytes, so a file is read by what it is, not only by what it is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefing.domain import FileFailure, ParsedArticle
from briefing.ingest.segmentation import Segmentation

# How much of a file the readers' score() sees.
SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class FieldMapping:
    """Which field of a CSV row or JSON object holds each part of an article (None: absent)."""

    title: str | None = None
    body: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Choices the person made at import (the wizard's options page; the CLI's defaults)."""

    mapping: FieldMapping | None = None  # CSV/JSON: None means "guess from the field names"
    # Plain text and Markdown (also inside archives): where articles start.
    segmentation: Segmentation = Segmentation.AUTOMATIC


class ReadError(Exception):
    """A file that cannot be read; ``str()`` is the one-line reason shown to the person.

    ``parts``: for a container (an archive), why each of its files could not be read; the
    import report lists them under their own names ("news.zip!a.txt: empty file").
    """

    def __init__(self, reason: str, parts: Iterable[FileFailure] = ()) -> None:
        super().__init__(reason)
        self.parts: tuple[FileFailure, ...] = tuple(parts)


class ReadResult(list[ParsedArticle]):
    """A reader's articles when part of the file failed and the rest was read (an archive's
    members): ``failures`` name each part and its reason, ``skipped`` the parts that are not
    news files. A plain list from a reader means: nothing failed.

    A list subclass so that every caller of ``Reader.read`` keeps working unchanged.
    """

    def __init__(
        self,
        articles: Iterable[ParsedArticle] = (),
        failures: Iterable[FileFailure] = (),
        skipped: Iterable[FileFailure] = (),
    ) -> None:
        super().__init__(articles)
        self.failures: list[FileFailure] = list(failures)
        self.skipped: list[FileFailure] = list(skipped)


def skipped_parts(path: Path, what: str, lines: Sequence[int], total: int, why: str) -> FileFailure:
    """How a file's left-out parts are reported: "2 of 5 rows skipped: no title or text
    (lines 3, 4)". One entry per file, so a long export with many empty rows stays one line."""
    shown = ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")
    where = f"line {shown}" if len(lines) == 1 else f"lines {shown}"
    return FileFailure(str(path), f"{len(lines)} of {total} {what} skipped: {why} ({where})")


class Reader(Protocol):
    name: str
    extensions: frozenset[str]

    def score(self, path: Path, head: bytes) -> float:
        """How sure the reader is that it can read this file: 0 (no) to 1 (certain)."""
        ...

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]: ...


_READERS: list[Reader] = []


def register(reader: Reader) -> Reader:
    _READERS.append(reader)
    return reader


def readers() -> Sequence[Reader]:
    _load_builtin_readers()
    return tuple(_READERS)


def known_extensions() -> frozenset[str]:
    return frozenset(ext for reader in readers() for ext in reader.extensions)


def reader_for(path: Path, head: bytes) -> Reader | None:
    """The reader most sure of the file, or None when none can read it."""
    best: tuple[float, Reader] | None = None
    for reader in readers():
        score = reader.score(path, head)
        if score > 0 and (best is None or score > best[0]):
            best = (score, reader)
    return None if best is None else best[1]


def read_bytes(path: Path, data: bytes, options: ReadOptions | None = None) -> list[ParsedArticle]:
    """All articles in ``data``, the contents of ``path`` (a file, or an archive member named
    "archive.zip!member"), read by the reader most sure of it; raises ReadError with a
    one-line reason. May return a ReadResult (see there)."""
    reader = reader_for(path, data[:SNIFF_BYTES])
    if reader is None:
        raise ReadError("not a format Briefing can read (binary or unknown)")
    try:
        articles = reader.read(path, data, options or ReadOptions())
    except ReadError:
        raise
    except (ValueError, UnicodeError, LookupError, RecursionError) as exc:
        # A reader tripping over malformed input must cost one file, not the whole import.
        raise ReadError(f"could not be read as {reader.name}: {exc}") from exc
    if not articles:
        failures = articles.failures if isinstance(articles, ReadResult) else []
        raise ReadError("no article text found", failures)
    return articles


def _load_builtin_readers() -> None:
    # Importing a reader module registers it; done lazily to keep start-up light.
    import briefing.ingest.docx_reader
    import briefing.ingest.feed_reader
    import briefing.ingest.html_reader
    import briefing.ingest.mail_reader
    import briefing.ingest.pdf_reader
    import briefing.ingest.plaintext_reader
    import briefing.ingest.tabular_reader
    import briefing.ingest.zip_reader  # noqa: F401
