"""Readers turn one file's bytes into articles; each format is one reader, registered here.

Modelled on Picard's format registry: a reader names its extensions and sniffs the first
bytes, so a file is read by what it is, not only by what it is called.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefing.domain import FileFailure, ParsedArticle, Subhead
from briefing.ingest.segmentation import Segmentation

_log = logging.getLogger(__name__)

# How much of a file the readers' score() sees.
SNIFF_BYTES = 4096
# A reason is one line a person reads in a list of failures, not a dump of the file.
MAX_REASON_CHARS = 240
# What a reader's unexpected failure is reported as: the file is lost, the import goes on, and
# the words say it is Briefing's fault, not the file's (the fuzz tests look for them).
INTERNAL_ERROR = "could not be read because of an internal error"
OUT_OF_MEMORY = "not enough memory to read it"


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
        super().__init__(one_line(reason) or "cannot be read")
        self.parts: tuple[FileFailure, ...] = tuple(parts)


# What a library's error message quotes from a damaged file: bytes (b'\xd8\x12o...'), and
# long quoted strings. A person learns nothing from them.
_QUOTED_BYTES = re.compile(r"\bb(?:'(?:[^'\\]|\\.)*'" + r'|"(?:[^"\\]|\\.)*")')
_LONG_QUOTED = re.compile(r"'(?:[^'\\]|\\.){40,}'" + r'|"(?:[^"\\]|\\.){40,}"')
_LINE_BREAKS_AND_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")


def one_line(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """``text`` as one printable line of at most ``limit`` characters: a reason may quote a
    library's message or a piece of the file, and neither may break the report's lines, a
    terminal or the store's UTF-8."""
    text = _LONE_SURROGATES.sub("\ufffd", _LINE_BREAKS_AND_CONTROLS.sub(" ", text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


def library_message(exc: BaseException) -> str:
    """A library's error as words for a reason: its message without the pieces of the file
    it quotes, on one line; the exception's name when it has no message."""
    # Cut first: the quoted-text patterns scan to the end of a message with an open quote.
    text = _LONG_QUOTED.sub("…", _QUOTED_BYTES.sub("…", str(exc)[:2000]))
    return one_line(text, MAX_REASON_CHARS // 2) or type(exc).__name__


def read_bytes(path: Path, data: bytes, options: ReadOptions | None = None) -> list[ParsedArticle]:
    """All articles in ``data``, the contents of ``path`` (a file, or an archive member named
    "archive.zip!member"), read by the reader most sure of it; raises ReadError with a
    one-line reason, whatever the bytes are. May return a ReadResult (see there)."""
    reader = reader_for(path, data[:SNIFF_BYTES])
    if reader is None:
        raise ReadError("not a format Briefing can read (binary or unknown)")
    try:
        articles = reader.read(path, data, options or ReadOptions())
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError(f"could not be read as {reader.name}: nested too deeply") from exc
    except (ValueError, UnicodeError, LookupError) as exc:
        # A reader tripping over malformed input must cost one file, not the whole import.
        raise ReadError(f"could not be read as {reader.name}: {library_message(exc)}") from exc
    except MemoryError as exc:
        raise ReadError(OUT_OF_MEMORY) from exc
    except Exception as exc:
        # A bug in a reader (or a library it calls) met by one odd file: that file is
        # reported and the rest of the import goes on. The traceback is kept for debugging.
        _log.debug("%s: %s failed", path, reader.name, exc_info=True)
        raise ReadError(f"{INTERNAL_ERROR} ({type(exc).__name__})") from exc
    if not articles:
        failures = articles.failures if isinstance(articles, ReadResult) else []
        raise ReadError("no article text found", failures)
    return _clean_articles(articles)


# Characters no article field may hold: C0 controls other than line break and tab (a NUL in a
# title from a damaged CSV cell cuts it short wherever it is handled as a C string, and
# the exports' XML cannot carry controls), and lone surrogates (JSON's "\ud800" and mail
# headers' undecodable bytes produce them; they cannot be encoded as UTF-8, so writing the
# batch holding them to the store would fail).
_UNFIT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def _clean_articles(articles: list[ParsedArticle]) -> list[ParsedArticle]:
    """The articles with every text field fit to store; cheap when they already are (one
    search per field). Done here, once for every reader and archive member, because the
    bytes that produce such characters are many and reach the fields by many paths."""
    if not any(_needs_cleaning(article) for article in articles):
        return articles
    cleaned = [_clean_article(a) if _needs_cleaning(a) else a for a in articles]
    if isinstance(articles, ReadResult):
        return ReadResult(cleaned, articles.failures, articles.skipped)
    return cleaned


def _needs_cleaning(article: ParsedArticle) -> bool:
    return any(
        _UNFIT.search(value)
        for value in (
            article.title, article.body, article.kicker, article.deck, article.headline,
            article.byline, article.origin_file, article.url, article.source,
            *article.warnings, *(subhead.text for subhead in article.subheads),
        )
    )  # fmt: skip


def _clean_field(text: str) -> str:
    if not _UNFIT.search(text):
        return text
    return _UNFIT.sub("", _LONE_SURROGATES.sub("\ufffd", text))


def _clean_article(article: ParsedArticle) -> ParsedArticle:
    body, subheads = _clean_body(article.body, article.subheads)
    return dataclasses.replace(
        article,
        title=_clean_field(article.title).strip() or "Untitled",
        body=body,
        kicker=_clean_field(article.kicker),
        deck=_clean_field(article.deck),
        headline=_clean_field(article.headline),
        byline=_clean_field(article.byline),
        origin_file=_clean_field(article.origin_file),
        url=_clean_field(article.url),
        source=_clean_field(article.source),
        warnings=tuple(_clean_field(warning) for warning in article.warnings),
        subheads=subheads,
    )


def _clean_body(body: str, subheads: tuple[Subhead, ...]) -> tuple[str, tuple[Subhead, ...]]:
    """The body without unfit characters, and the subheads' offsets moved back by the
    characters removed before them (a lone surrogate becomes U+FFFD, which keeps its place)."""
    body = _LONE_SURROGATES.sub("\ufffd", body)
    removed = [match.start() for match in _UNFIT.finditer(body)]
    if not removed:
        return body, tuple(Subhead(_clean_field(s.text), s.offset) for s in subheads)
    moved = tuple(
        Subhead(_clean_field(s.text), s.offset - bisect.bisect_left(removed, s.offset))
        for s in subheads
    )
    return _UNFIT.sub("", body), moved


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
