"""The one import path used by the CLI, the GUI's import action and the sample-set loader.

Files are read and segmented one at a time and written in batches, one transaction per batch:
a broken file is reported by name and reason and the rest goes on; cancelling stops after the
current batch; whatever happens, every stored article is complete and linked to its run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from briefing.content_hash import content_hash
from briefing.domain import (
    DateSource,
    EntityType,
    FileFailure,
    ImportReport,
    ParsedArticle,
)
from briefing.extract import make_extractor
from briefing.extract.facts import ArticleFacts, extract_facts, with_inferred_date
from briefing.ingest.batch_writer import BatchWriter
from briefing.ingest.readers import (
    INTERNAL_ERROR,
    OUT_OF_MEMORY,
    ReadError,
    ReadOptions,
    ReadResult,
    known_extensions,
    read_bytes,
)
from briefing.store import Store

_log = logging.getLogger(__name__)

# Larger files are refused with this limit named, rather than read into memory whole.
MAX_FILE_BYTES = 256 * 1024 * 1024
BATCH_SIZE = 2000
# Reading and segmenting in another process only pays off past the cost of starting it.
PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
READ_AHEAD = 8


@dataclass(frozen=True, slots=True)
class ImportProgress:
    files_done: int
    files_total: int
    articles_imported: int
    duplicates: int
    current_file: str


ProgressCallback = Callable[[ImportProgress], None]
CancelCheck = Callable[[], bool]


def _is_hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _is_saved_page_resources(folder: str, files: Sequence[str]) -> bool:
    """A browser's "Save page, complete" writes page.html and page_files/ (scripts, images and
    advert frames): the folder belongs to the page, and its .html frames are not articles."""
    stem = folder.removesuffix("_files")
    return stem != folder and (f"{stem}.html" in files or f"{stem}.htm" in files)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _is_saved_page_resources(d, files)
        )
        for name in sorted(files):
            yield Path(root) / name


def collect_files(paths: Sequence[Path]) -> tuple[list[Path], list[FileFailure]]:
    """Files to import (folders walked recursively, in a stable order) and what was skipped.

    A file named directly is tried whatever its extension; inside a folder only files with an
    extension some reader knows are taken, the rest are listed as skipped.
    """
    files: list[Path] = []
    skipped: list[FileFailure] = []
    failures: list[FileFailure] = []
    seen: set[Path] = set()
    extensions = known_extensions()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            files.append(resolved)

    for path in paths:
        if path.is_dir():
            for child in _walk(path):
                if _is_hidden(child):
                    continue
                if child.suffix.lower() in extensions and child.suffix:
                    add(child)
                else:
                    skipped.append(FileFailure(str(child), "not a recognised news file type"))
        elif path.exists():
            add(path)
        else:
            failures.append(FileFailure(str(path), "no such file or folder"))
    return files, skipped + failures


def source_name(
    given: str | None, article: ParsedArticle, path: Path, fallback: str | None = None
) -> str:
    """The source an article is stored under: the name the person gave at import, else the
    one its file names (a feed's title, a page's site name, a CSV column, a mail's sender),
    else ``fallback`` (a name the program chose, e.g. for the sample set), else the file's
    name. The person's word wins: they know what the material is."""
    return given or article.source or fallback or path.stem


def run_options(
    source: str | None, default_date: dt.date | None, read_options: ReadOptions | None
) -> dict[str, str]:
    """The choices an import run records (the history and the JSON export show them)."""
    options = read_options or ReadOptions()
    return {
        "source": source or "",
        "date": default_date.isoformat() if default_date else "",
        "segmentation": options.segmentation.value,
    }


def read_articles(path: Path, options: ReadOptions | None = None) -> list[ParsedArticle]:
    """All articles in one file; raises ReadError with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(
                f"file is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit"
            )
        with path.open("rb") as handle:
            data = handle.read()
    except PermissionError as exc:
        raise ReadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise ReadError("is a folder") from exc
    except OSError as exc:
        raise ReadError(f"cannot be read: {exc.strerror or exc}") from exc
    return read_bytes(path, data, options)


@dataclass(frozen=True, slots=True)
class _FileResult:
    path: Path
    articles: list[ParsedArticle]
    hashes: list[str]
    facts: list[ArticleFacts] | None
    error: str | None
    # Parts of the file (an archive's members) that failed or were not news files, each
    # named "archive.zip!member"; the rest of the file was read.
    part_failures: tuple[FileFailure, ...] = ()
    part_skipped: tuple[FileFailure, ...] = ()


# Set per process (the importing one, or each reading worker) by _init_extraction.
_extract: bool = True
_user_names: tuple[tuple[EntityType, str], ...] = ()
_default_date: dt.date | None = None
_read_options: ReadOptions = ReadOptions()


def _init_extraction(
    extract: bool,
    user_names: tuple[tuple[EntityType, str], ...],
    default_date: dt.date | None = None,
    read_options: ReadOptions | None = None,
) -> None:
    global _extract, _user_names, _default_date, _read_options
    _extract = extract
    _user_names = user_names
    _default_date = default_date
    _read_options = read_options or ReadOptions()


def _read_and_hash(path: Path) -> _FileResult:
    """Everything that can happen away from the store: read, decode, segment, hash, extract."""
    try:
        found = read_articles(path, _read_options)
    except ReadError as exc:
        return _FileResult(path, [], [], None, str(exc), part_failures=exc.parts)
    part_failures: tuple[FileFailure, ...] = ()
    part_skipped: tuple[FileFailure, ...] = ()
    if isinstance(found, ReadResult):
        part_failures, part_skipped = tuple(found.failures), tuple(found.skipped)
    articles = [_with_defaults(a, _default_date) for a in found]
    facts = None
    try:
        if _extract:
            extractor = make_extractor(_user_names)
            articles = [with_inferred_date(article) for article in articles]
            facts = [extract_facts(extractor, article) for article in articles]
        hashes = [content_hash(a) for a in articles]
    except Exception as exc:
        # A bug in extraction met by one odd article costs its file, not the import (the
        # readers' own failures are caught the same way in read_bytes).
        _log.debug("%s: extraction failed", path, exc_info=True)
        reason = OUT_OF_MEMORY if isinstance(exc, MemoryError) else INTERNAL_ERROR
        return _FileResult(path, [], [], None, reason, part_failures, part_skipped)
    return _FileResult(path, articles, hashes, facts, None, part_failures, part_skipped)


def _auto_workers(files: Sequence[Path]) -> int:
    if len(files) < PARALLEL_MIN_FILES:
        return 0
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            continue
        if total >= PARALLEL_MIN_BYTES:
            # As many readers as cores: extraction is the heavy part, and the writing process
            # waits on SQLite much of the time, so it shares a core with a reader.
            return max(1, min(3, os.cpu_count() or 2))
    return 0


def _read_files(
    files: Sequence[Path],
    workers: int,
    extract: bool = True,
    user_names: tuple[tuple[EntityType, str], ...] = (),
    default_date: dt.date | None = None,
    read_options: ReadOptions | None = None,
) -> Iterator[_FileResult]:
    """File results in file order, read ahead by ``workers`` processes when > 0."""
    _init_extraction(extract, user_names, default_date, read_options)
    if workers <= 0:
        for path in files:
            yield _read_and_hash(path)
        return
    # "spawn", not fork: the GUI calls this from a worker thread, and forking a threaded Qt
    # process can deadlock the child.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_extraction,
        initargs=(extract, user_names, default_date, read_options),
    )
    pending: deque[tuple[Path, Future[_FileResult]]] = deque()
    remaining = iter(files)
    try:
        for path in remaining:
            pending.append((path, pool.submit(_read_and_hash, path)))
            if len(pending) >= READ_AHEAD * workers:
                break
        while pending:
            path, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # A reader died (out of memory, killed): finish in this process rather than
                # lose the import.
                yield _read_and_hash(path)
                for later, _ in pending:
                    yield _read_and_hash(later)
                for later in remaining:
                    yield _read_and_hash(later)
                return
            next_path = next(remaining, None)
            if next_path is not None:
                pending.append((next_path, pool.submit(_read_and_hash, next_path)))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _with_defaults(article: ParsedArticle, default_date: dt.date | None) -> ParsedArticle:
    if article.published is None and default_date is not None:
        return dataclasses.replace(article, published=default_date, date_source=DateSource.USER)
    return article


def run_import(
    store: Store,
    paths: Sequence[Path],
    *,
    source: str | None = None,
    default_date: dt.date | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    extract: bool = True,
    read_options: ReadOptions | None = None,
    fallback_source: str | None = None,
) -> ImportReport:
    """Import ``paths`` into ``store``; never raises for a bad input file.

    ``source``: the name the person gave, for every article; ``fallback_source``: for articles
    whose file names no source, instead of the file's name (see :func:`source_name`).

    ``workers``: processes that read and segment ahead of the store (None: decide by the
    amount of input; 0: read in this process).
    """
    started = time.perf_counter()
    files, skipped = collect_files([Path(p) for p in paths])
    report = ImportReport(files_total=len(files))
    report.failures.extend(f for f in skipped if f.reason == "no such file or folder")
    report.skipped.extend(f for f in skipped if f.reason != "no such file or folder")
    report.run_id = store.begin_import_run(
        source=source or "",
        files=[str(f) for f in files],
        options=run_options(source, default_date, read_options),
    )
    user_names = tuple(store.user_names()) if extract else ()
    attributes = make_extractor(user_names).attributes if extract else None
    writer = BatchWriter(store, report, extract=extract, attributes=attributes)

    if workers is None:
        workers = _auto_workers(files)
    results = _read_files(files, workers, extract, user_names, default_date, read_options)
    try:
        for index, result in enumerate(results):
            path = result.path
            if is_cancelled is not None and is_cancelled():
                report.cancelled = True
                break
            report.failures.extend(result.part_failures)
            report.skipped.extend(result.part_skipped)
            if result.error is not None:
                report.failures.append(FileFailure(str(path), result.error))
            else:
                report.files_read += 1
                report.articles_found += len(result.articles)
                facts = result.facts or [None] * len(result.articles)
                for article, digest, article_facts in zip(
                    result.articles, result.hashes, facts, strict=True
                ):
                    report.truncated += article.truncated
                    name = source_name(source, article, path, fallback_source)
                    writer.add(name, article, digest, article_facts)
                if len(writer) >= batch_size:
                    writer.flush()
            if progress is not None:
                progress(
                    ImportProgress(
                        files_done=index + 1,
                        files_total=len(files),
                        articles_imported=report.imported,
                        duplicates=report.duplicates,
                        current_file=str(path),
                    )
                )
        writer.flush()
        if extract and report.imported:
            store.warm_facet_cache()
    finally:
        results.close()
        report.seconds = time.perf_counter() - started
        store.finish_import_run(report.run_id, failures=report.failures, cancelled=report.cancelled)
    return report
