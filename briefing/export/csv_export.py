"""The articles of a view as CSV ("Export current view", ``briefing export-view``).

Written for spreadsheets: UTF-8 with a byte-order mark (Excel otherwise reads the file as the
machine's legacy code page and mangles every non-ASCII name), and text cells that a
spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) are
prefixed with a single quote — OWASP's advice against CSV injection, since article titles come
from untrusted files. Articles are read a page at a time, so a 100k view streams; the rows go to
a hidden file beside the target, renamed into place when complete, so a cancel or a failure
never leaves half a file nor replaces a good one.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefing.domain import Article
from briefing.export.export_progress import ExportCancelled, ExportError

COLUMNS = (
    "id",
    "title",
    "kicker",
    "source",
    "published",
    "date_source",
    "url",
    "origin_file",
    "entities",
)
PAGE_SIZE = 500
# Names in the entities column: the article's most-mentioned entities.
ENTITIES_PER_ARTICLE = 8
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet will show it, never run it."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _row(article: Article, entities: list[str]) -> list[Any]:
    return [
        article.id,
        safe_cell(article.title),
        safe_cell(article.kicker),
        safe_cell(article.source),
        article.published.isoformat() if article.published else "",
        str(article.date_source),
        safe_cell(article.url),
        safe_cell(article.origin_file),
        safe_cell("; ".join(entities)),
    ]


def write_articles_csv(
    store: Any,
    article_ids: Sequence[int],
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Write the articles (in the order given; ids no longer in the store are skipped) to
    ``path``; returns how many rows were written.

    ``progress(done, total)`` after each page of articles; ``cancel()`` asked before each page
    (raises :class:`ExportCancelled`, leaving no file). A file that cannot be written raises
    :class:`ExportError` naming it.
    """
    path = Path(path)
    total = len(article_ids)
    written = 0
    try:
        handle_fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".partial", dir=path.parent
        )
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    partial = Path(name)
    try:
        with os.fdopen(handle_fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for start in range(0, total, PAGE_SIZE):
                if cancel is not None and cancel():
                    raise ExportCancelled("export cancelled")
                page = article_ids[start : start + PAGE_SIZE]
                names = store.article_entity_names(page, ENTITIES_PER_ARTICLE)
                for article in store.get_articles(page):
                    writer.writerow(_row(article, names.get(article.id, [])))
                    written += 1
                if progress is not None:
                    progress(min(start + PAGE_SIZE, total), total)
        os.replace(partial, path)
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return written
