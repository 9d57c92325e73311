"""Everything extraction finds in one article: entities, dates, ranges (and, for an article
whose file gave no date, a publication date inferred from its text)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from briefing.domain import DateMention, DateSource, Mention, ParsedArticle, RangeMention
from briefing.extract.dates import extract_dates, infer_publication_date
from briefing.extract.extractor import Extractor
from briefing.extract.ranges import extract_ranges


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    mentions: list[Mention]
    dates: list[DateMention]
    ranges: list[RangeMention]


def with_inferred_date(article: ParsedArticle) -> ParsedArticle:
    """The article with a publication date inferred from its text when it has none."""
    if article.published is not None:
        return article
    inferred = infer_publication_date(article)
    if inferred is None:
        return article
    day, confidence = inferred
    return dataclasses.replace(
        article, published=day, date_source=DateSource.INFERRED, date_confidence=confidence
    )


def extract_facts(extractor: Extractor, article: ParsedArticle) -> ArticleFacts:
    mentions = extractor.extract(article)
    return ArticleFacts(
        mentions=mentions,
        dates=extract_dates(article, article.published),
        ranges=extract_ranges(article, mentions),
    )
