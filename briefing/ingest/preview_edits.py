"""Merging and splitting parsed articles, as the import preview lets the person do.

Bodies are paragraphs joined by a blank line, and subheads point into the body, so both
operations keep the subheads' offsets right.
"""

from __future__ import annotations

import dataclasses

from briefing.domain import ParsedArticle, Subhead, join_paragraphs
from briefing.ingest.sentences import first_sentence, shorten

PARAGRAPH_SEPARATOR = "\n\n"
SPLIT_TITLE_CHARS = 120


def paragraphs(article: ParsedArticle) -> list[str]:
    return [p for p in article.body.split(PARAGRAPH_SEPARATOR) if p]


def merge_articles(first: ParsedArticle, second: ParsedArticle) -> ParsedArticle:
    """One article: the first's title, kicker and deck, then both bodies (the second's title
    becomes a subhead, so nothing the reader wrote is lost)."""
    if not first.body:
        offset = 0
    elif not second.body:
        offset = len(first.body)
    else:
        offset = len(first.body) + len(PARAGRAPH_SEPARATOR)
    body = join_paragraphs([first.body, second.body])
    moved = [Subhead(s.text, s.offset + offset) for s in second.subheads]
    heading = (
        [Subhead(second.title, offset)]
        if second.title and second.body and second.title not in second.body[:200]
        else []
    )
    return dataclasses.replace(
        first,
        body=body,
        subheads=(*first.subheads, *heading, *moved),
        truncated=second.truncated,
        warnings=tuple(dict.fromkeys((*first.warnings, *second.warnings))),
    )


def split_article(article: ParsedArticle, at: int) -> tuple[ParsedArticle, ParsedArticle]:
    """Two articles: paragraphs before ``at`` and from ``at`` on (1 <= at < paragraphs).

    The second is titled by the subhead starting it, else its first sentence; it keeps the
    file, date and source of the first.
    """
    parts = paragraphs(article)
    if not 1 <= at < len(parts):
        raise ValueError(f"cannot split {len(parts)} paragraphs before paragraph {at}")
    head_body = join_paragraphs(parts[:at])
    tail_body = join_paragraphs(parts[at:])
    cut = len(head_body) + len(PARAGRAPH_SEPARATOR)
    head_subheads = tuple(s for s in article.subheads if s.offset < cut)
    tail_subheads = [Subhead(s.text, s.offset - cut) for s in article.subheads if s.offset >= cut]
    if tail_subheads and tail_subheads[0].offset == 0:
        title = tail_subheads.pop(0).text
    else:
        title = shorten(first_sentence(parts[at]).strip() or parts[at], SPLIT_TITLE_CHARS)
    head = dataclasses.replace(article, body=head_body, subheads=head_subheads, truncated=False)
    tail = dataclasses.replace(
        article,
        title=title,
        headline="",
        kicker="",
        deck="",
        byline="",
        body=tail_body,
        subheads=tuple(tail_subheads),
        origin_position=article.origin_position,
    )
    return head, tail
