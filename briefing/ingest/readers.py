"""Readers turn one file's bytes into articles; each format is one reader, registered here.

Modelled on Picard's format registry: a reader names its extensions and sniffs the first
bytes, so a file is read by what it is, not only by what it is called.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefing.domain import ParsedArticle


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


class ReadError(Exception):
    """A file that cannot be read; ``str()`` is the one-line reason shown to the person."""


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


def _load_builtin_readers() -> None:
    # Importing a reader module registers it; done lazily to keep start-up light.
    import briefing.ingest.plaintext_reader  # noqa: F401
