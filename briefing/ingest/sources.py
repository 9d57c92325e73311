"""What the import wizard reads: the files found, which reader takes each, and the reading.

Built on the pipeline's :func:`collect_files`, :func:`reader_for`, :func:`read_articles` and
:func:`source_name`, so that the preview shows what an import would store, file by file; the
articles the person then keeps go to :func:`briefing.ingest.preview_import.import_parsed_articles`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from briefing.domain import DateSource, FileFailure, ParsedArticle
from briefing.extract.facts import with_inferred_date
from briefing.ingest.pipeline import collect_files, read_articles, source_name
from briefing.ingest.readers import SNIFF_BYTES, ReadError, ReadOptions, ReadResult, reader_for
from briefing.ingest.tabular_reader import CsvReader, JsonReader

NO_READER = "Not readable"
NO_READER_REASON = "not a format Briefing can read (binary or unknown)"


class DateMode(StrEnum):
    """Where an article's publication date comes from when its file does not say."""

    FROM_FILES = "files"  # the file's own date, else one inferred from the text
    FIXED = "fixed"  # a date the person gives, for articles whose file gives none
    NONE = "none"  # the file's own date only; otherwise unknown


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    size: int
    reader: str  # the reader's name, or NO_READER
    tabular: bool  # CSV or JSON: the person may map its fields
    # Plain text or Markdown, or an archive that may hold some: the segmentation mode applies.
    segmented: bool = False


@dataclass(slots=True)
class SourceScan:
    """The files an import would read, grouped by reader, and those it would skip."""

    files: list[SourceFile] = field(default_factory=list)
    skipped: list[FileFailure] = field(default_factory=list)

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def groups(self) -> list[tuple[str, int, int]]:
        """(reader name, files, bytes), most files first; unreadable files last."""
        counts: dict[str, list[int]] = {}
        for item in self.files:
            entry = counts.setdefault(item.reader, [0, 0])
            entry[0] += 1
            entry[1] += item.size
        ordered = sorted(counts.items(), key=lambda kv: (kv[0] == NO_READER, -kv[1][0], kv[0]))
        return [(name, files, size) for name, (files, size) in ordered]

    def tabular(self) -> list[SourceFile]:
        return [f for f in self.files if f.tabular]

    def has_plain_text(self) -> bool:
        return any(f.segmented for f in self.files)


def scan_sources(paths: Sequence[Path]) -> SourceScan:
    """Walk ``paths`` as the import does and sniff each file's first bytes for its reader."""
    files, skipped = collect_files(list(paths))  # registers every reader, in its order
    # Imported only now: a reader module imported before the registry loads registers first
    # and would win ties.
    from briefing.ingest.plaintext_reader import PlainTextReader
    from briefing.ingest.zip_reader import ZipReader

    scan = SourceScan(skipped=list(skipped))
    for path in files:
        try:
            size = path.stat().st_size
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError as exc:
            scan.skipped.append(FileFailure(str(path), f"cannot be read: {exc.strerror or exc}"))
            continue
        reader = reader_for(path, head)
        scan.files.append(
            SourceFile(
                path,
                size,
                reader.name if reader is not None else NO_READER,
                isinstance(reader, CsvReader | JsonReader),
                isinstance(reader, PlainTextReader | ZipReader),
            )
        )
    return scan


@dataclass(frozen=True, slots=True)
class FileRead:
    """One file as read for the preview: its articles, or why it failed."""

    path: Path
    given_source: str  # the source name the person gave ("": none)
    articles: tuple[ParsedArticle, ...] = ()
    error: str | None = None
    part_failures: tuple[FileFailure, ...] = ()
    part_skipped: tuple[FileFailure, ...] = ()

    def source_names(self) -> list[str]:
        """The source each article is stored under (see pipeline.source_name)."""
        return [source_name(self.given_source, a, self.path) for a in self.articles]


def apply_date_mode(article: ParsedArticle, mode: DateMode, fixed: dt.date | None) -> ParsedArticle:
    if article.published is not None:
        return article
    if mode == DateMode.FIXED and fixed is not None:
        return dataclasses.replace(article, published=fixed, date_source=DateSource.USER)
    if mode == DateMode.FROM_FILES:
        return with_inferred_date(article)
    return article


def read_file(
    path: Path,
    options: ReadOptions,
    *,
    source: str = "",
    date_mode: DateMode = DateMode.FROM_FILES,
    fixed_date: dt.date | None = None,
) -> FileRead:
    """The articles of one file as the import would store them (never raises ReadError)."""
    try:
        found = read_articles(path, options)
    except ReadError as exc:
        return FileRead(path, source, error=str(exc), part_failures=exc.parts)
    failures: tuple[FileFailure, ...] = ()
    skipped: tuple[FileFailure, ...] = ()
    if isinstance(found, ReadResult):
        failures, skipped = tuple(found.failures), tuple(found.skipped)
    articles = tuple(apply_date_mode(a, date_mode, fixed_date) for a in found)
    return FileRead(path, source, articles, None, failures, skipped)


def read_files(
    files: Sequence[Path],
    options: Mapping[Path, ReadOptions],
    *,
    default: ReadOptions = ReadOptions(),  # noqa: B008 - frozen, never changed
    source: str = "",
    date_mode: DateMode = DateMode.FROM_FILES,
    fixed_date: dt.date | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    interval: float = 0.05,
) -> Iterator[list[FileRead]]:
    """Files read in order, yielded in small groups: the first file at once, then whatever
    was read every ``interval`` seconds (so a preview fills progressively without one signal
    per file)."""
    group: list[FileRead] = []
    last = 0.0
    for path in files:
        if is_cancelled():
            return
        group.append(
            read_file(
                path,
                options.get(path, default),
                source=source,
                date_mode=date_mode,
                fixed_date=fixed_date,
            )
        )
        now = time.perf_counter()
        if now - last >= interval:
            yield group
            group, last = [], now
    if group:
        yield group
