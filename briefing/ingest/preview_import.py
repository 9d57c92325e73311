"""Import a list of already-read (and possibly edited) articles: the import wizard's write step.

The wizard reads files itself (:mod:`briefing.ingest.sources`) to show a preview the person can
edit (untick, merge, split), so the import must store exactly those articles rather than read
the files again as :func:`briefing.ingest.pipeline.run_import` does. This is that pipeline's
write half: the same batch writer, facts extracted as the pipeline does, cancel between
batches, the run begun and finished whatever happens.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.content_hash import content_hash
from briefing.domain import FileFailure, ImportReport, ParsedArticle
from briefing.extract import make_extractor
from briefing.extract.facts import extract_facts, with_inferred_date
from briefing.ingest.batch_writer import BatchWriter
from briefing.ingest.readers import INTERNAL_ERROR, OUT_OF_MEMORY
from briefing.store import Store

BATCH_SIZE = 200
PROGRESS_EVERY = 20  # articles between progress reports while a batch is made


@dataclass(frozen=True, slots=True)
class PreviewImportProgress:
    """How far the write is: articles handled (extracted and written or pending) of all."""

    articles_done: int
    articles_total: int
    imported: int
    duplicates: int


def import_parsed_articles(
    store: Store,
    articles: Sequence[tuple[str, ParsedArticle]],
    *,
    files: Sequence[str],
    source: str = "",
    options: dict[str, str] | None = None,
    failures: Sequence[FileFailure] = (),
    skipped: Sequence[FileFailure] = (),
    files_read: int = 0,
    infer_dates: bool = True,
    progress: Callable[[PreviewImportProgress], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Store ``articles`` (source name, article) as one import run of ``files``.

    ``failures`` and ``skipped`` (found while reading) go into the run's record and the report.
    Cancelling stops before the next batch: every stored article is complete and linked to the
    run, and the report says how many were imported.
    """
    started = time.perf_counter()
    report = ImportReport(files_total=len(files), files_read=files_read)
    report.failures.extend(failures)
    report.skipped.extend(skipped)
    report.articles_found = len(articles)
    report.run_id = store.begin_import_run(
        source=source, files=list(files), options=dict(options or {})
    )
    extractor = make_extractor(tuple(store.user_names()))
    writer = BatchWriter(store, report, extract=True, attributes=extractor.attributes)
    try:
        for index, (source_name, article) in enumerate(articles):
            if is_cancelled is not None and is_cancelled():
                report.cancelled = True
                break
            try:
                if infer_dates:
                    article = with_inferred_date(article)
                facts = extract_facts(extractor, article)
            except Exception as exc:
                # As in run_import: a bug met by one odd article costs that article (named in
                # the summary), never the import.
                reason = OUT_OF_MEMORY if isinstance(exc, MemoryError) else INTERNAL_ERROR
                where = (
                    f"{article.origin_file or 'article'} (article {article.origin_position + 1})"
                )
                report.failures.append(FileFailure(where, reason))
                facts = None
            if facts is not None:
                report.truncated += article.truncated
                writer.add(source_name, article, content_hash(article), facts)
            if len(writer) >= batch_size or index + 1 == len(articles):
                writer.flush()
            if progress is not None and (not len(writer) or index % PROGRESS_EVERY == 0):
                progress(
                    PreviewImportProgress(
                        index + 1, len(articles), report.imported, report.duplicates
                    )
                )
        # Cancelled with a batch half made: it is dropped, never half-written.
        writer.drop()
        if report.imported:
            store.warm_facet_cache()
    finally:
        report.seconds = time.perf_counter() - started
        store.finish_import_run(report.run_id, failures=report.failures, cancelled=report.cancelled)
    return report
