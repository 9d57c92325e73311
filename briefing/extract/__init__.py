"""Entity extraction: the Qt-free core that finds people, organisations, places, weapon
systems and treaties in articles (see extractor.py for the method, README for why)."""

from __future__ import annotations

from functools import cache, lru_cache

from briefing.domain import EntityType, Mention, ParsedArticle
from briefing.extract.extractor import Extractor
from briefing.extract.gazetteer import build_gazetteer

# Bump when extraction changes what it finds: `briefing reextract` re-runs older articles.
EXTRACTOR_VERSION = 2


@cache
def default_extractor() -> Extractor:
    return Extractor(build_gazetteer())


def make_extractor(
    user_names: tuple[tuple[EntityType, str], ...] = (), *, fresh: bool = False
) -> Extractor:
    """An extractor with the shipped and user gazetteers plus names added in the app.

    ``fresh`` re-reads the user's gazetteer file (re-extraction does, so edits to it apply).
    """
    if fresh:
        default_extractor.cache_clear()
        _extractor_with.cache_clear()
    if not user_names:
        return default_extractor()
    return _extractor_with(user_names)


@lru_cache(maxsize=4)
def _extractor_with(user_names: tuple[tuple[EntityType, str], ...]) -> Extractor:
    # Cached: the import asks once per file, and building the gazetteer takes ~0.5 s.
    return Extractor(build_gazetteer(user_names))


def extract_entities(article: ParsedArticle, extractor: Extractor | None = None) -> list[Mention]:
    return (extractor or default_extractor()).extract(article)


__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract_entities", "make_extractor"]
