"""The write half of every import: articles into one import run, in batches of one
transaction each, counted into the run's report.

Shared by :func:`briefing.ingest.pipeline.run_import` (which reads the files itself) and
:func:`briefing.ingest.preview_import.import_parsed_articles` (which stores articles the person
checked and edited in the wizard's preview), so that both write exactly the same way.
"""

from __future__ import annotations

from typing import Any

from briefing.domain import ImportReport, ParsedArticle
from briefing.extract import EXTRACTOR_VERSION
from briefing.extract.facts import ArticleFacts
from briefing.store import Store


class BatchWriter:
    """Collects (source, article, hash, facts) and writes them a batch at a time."""

    def __init__(
        self,
        store: Store,
        report: ImportReport,
        *,
        extract: bool,
        attributes: dict[tuple[str, str], dict[str, Any]] | None,
    ) -> None:
        self._store = store
        self._report = report
        self._extract = extract
        self._attributes = attributes
        self._articles: list[tuple[str, ParsedArticle]] = []
        self._hashes: list[str] = []
        self._facts: list[ArticleFacts] = []

    def __len__(self) -> int:
        return len(self._articles)

    def add(
        self, source: str, article: ParsedArticle, digest: str, facts: ArticleFacts | None
    ) -> None:
        self._articles.append((source, article))
        self._hashes.append(digest)
        if facts is not None:
            self._facts.append(facts)

    def flush(self) -> None:
        """Write what is pending in one transaction: the batch is stored whole or not at all."""
        if not self._articles:
            return
        facts = self._facts if self._extract else None
        result = self._store.add_articles(
            self._report.run_id or 0,
            self._articles,
            self._hashes,
            mentions=[f.mentions for f in facts] if facts is not None else None,
            extraction_version=EXTRACTOR_VERSION,
            attributes=self._attributes,
            dates=[f.dates for f in facts] if facts is not None else None,
            ranges=[f.ranges for f in facts] if facts is not None else None,
        )
        self._report.imported += result.added
        self._report.duplicates += result.duplicates
        self.drop()

    def drop(self) -> None:
        """Forget what is pending (a cancelled import never writes half a batch)."""
        self._articles.clear()
        self._hashes.clear()
        self._facts.clear()
