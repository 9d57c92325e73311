"""Entity extraction: the Qt-free core that finds people, organisations, places, weapon
systems and treaties in articles (see extractor.py for the method, README for why)."""

from __future__ import annotations

from functools import cache

from briefing.domain import EntityType, Mention, ParsedArticle
from briefing.extract.extractor import Extractor
from briefing.extract.gazetteer import build_gazetteer

# Bump when extraction changes what it finds: `briefing reextract` re-runs older articles.
EXTRACTOR_VERSION = 2


@cache
def default_extractor() -> Extractor:
    return Extractor(build_gazetteer())


def make_extractor(user_names: tuple[tuple[EntityType, str], ...] = ()) -> Extractor:
    """An extractor with the shipped and user gazetteers plus names added in the app."""
    if not user_names:
        return default_extractor()
    return Extractor(build_gazetteer(user_names))


def extract_entities(article: ParsedArticle, extractor: Extractor | None = None) -> list[Mention]:
    return (extractor or default_extractor()).extract(article)


__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract_entities", "make_extractor"]
