"""Re-run extraction over stored articles (after gazetteers, corrections or code change).

Committed per batch, so a cancelled run leaves every article either re-extracted or as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.domain import ParsedArticle
from briefing.extract import EXTRACTOR_VERSION, make_extractor
from briefing.extract.facts import extract_facts, with_inferred_date
from briefing.store import Store

BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class ReextractProgress:
    done: int
    total: int


def run_reextract(
    store: Store,
    article_ids: Sequence[int] | None = None,
    *,
    progress: Callable[[ReextractProgress], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Re-extract ``article_ids`` (default: every article); returns how many were done."""
    ids = list(article_ids) if article_ids is not None else store.all_article_ids()
    extractor = make_extractor(tuple(store.user_names()), fresh=True)
    done = 0
    for start in range(0, len(ids), batch_size):
        if is_cancelled is not None and is_cancelled():
            break
        batch = []
        inferred = []
        for article_id in ids[start : start + batch_size]:
            article = store.get_article(article_id)
            if article is None:
                continue  # deleted meanwhile
            parsed = with_inferred_date(
                ParsedArticle(
                    title=article.title,
                    body=article.body,
                    deck=article.deck,
                    published=article.published,
                    date_source=article.date_source,
                )
            )
            if article.published is None and parsed.published is not None:
                inferred.append((article_id, parsed.published, parsed.date_confidence))
            facts = extract_facts(extractor, parsed)
            batch.append((article_id, facts.mentions, facts.dates, facts.ranges))
        store.replace_facts(batch, EXTRACTOR_VERSION, extractor.attributes)
        store.set_inferred_publication_dates(inferred)
        done += len(batch)
        if progress is not None:
            progress(ReextractProgress(done=done, total=len(ids)))
    if done:
        store.warm_facet_cache()
    return done
