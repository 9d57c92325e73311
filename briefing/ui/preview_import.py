"""Import a list of already-read (and possibly edited) articles: the import wizard's write step.

The wizard reads files itself to show a preview the person can edit (untick, merge, split), so
the import must store exactly those articles rather than read the files again as
:func:`briefing.ingest.pipeline.run_import` does. This function is that pipeline's write half:
batches of one transaction each, facts extracted as the pipeline does, cancel between
batches, the run begun and finished whatever happens.

Qt-free on purpose: it belongs in the core (beside ``run_import``) and lives here only until
the core takes it over.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.content_hash import content_hash
from briefing.domain import FileFailure, ImportReport, ParsedArticle
from briefing.extract import EXTRACTOR_VERSION, make_extractor
from briefing.extract.facts import ArticleFacts, extract_facts, with_inferred_date
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
    user_names = tuple(store.user_names())
    extractor = make_extractor(user_names)
    pending: list[tuple[str, ParsedArticle]] = []
    pending_facts: list[ArticleFacts] = []

    def flush() -> None:
        if not pending:
            return
        result = store.add_articles(
            report.run_id or 0,
            pending,
            [content_hash(article) for _, article in pending],
            mentions=[f.mentions for f in pending_facts],
            extraction_version=EXTRACTOR_VERSION,
            attributes=extractor.attributes,
            dates=[f.dates for f in pending_facts],
            ranges=[f.ranges for f in pending_facts],
        )
        report.imported += result.added
        report.duplicates += result.duplicates
        pending.clear()
        pending_facts.clear()

    try:
        for index, (source_name, article) in enumerate(articles):
            if is_cancelled is not None and is_cancelled():
                report.cancelled = True
                break
            if infer_dates:
                article = with_inferred_date(article)
            report.truncated += article.truncated
            pending.append((source_name, article))
            pending_facts.append(extract_facts(extractor, article))
            last = index + 1 == len(articles)
            if len(pending) >= batch_size or last:
                flush()
            if progress is not None and (not pending or index % PROGRESS_EVERY == 0):
                progress(
                    PreviewImportProgress(
                        index + 1, len(articles), report.imported, report.duplicates
                    )
                )
        # Cancelled with a batch half made: it is dropped, never half-written.
        pending.clear()
        if report.imported:
            store.warm_facet_cache()
    finally:
        report.seconds = time.perf_counter() - started
        store.finish_import_run(report.run_id, failures=report.failures, cancelled=report.cancelled)
    return report
