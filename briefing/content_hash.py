"""The normalised content hash that makes re-imports and re-posted stories duplicates."""

from __future__ import annotations

import hashlib
import re

from briefing.domain import ParsedArticle

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_for_hash(text: str) -> str:
    # Case, punctuation, quote styles, line endings and spacing differ between copies of the
    # same wire story (a paste from a web page versus the agency feed); the words do not.
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def content_hash(article: ParsedArticle) -> str:
    """Hash of what the story says: kicker, deck and body (the title is often derived)."""
    basis = " ".join((article.kicker, article.deck, article.body))
    normalised = normalise_for_hash(basis)
    if not normalised:
        normalised = normalise_for_hash(article.title)
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=16).hexdigest()
