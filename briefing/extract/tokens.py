"""Word tokens with offsets, and the sentence spans extraction reports for each mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.sentences import sentence_ends

# "U.S." and "U.K." keep their dots; "Topol-M", "SS-27", "al-Assad", "NATO's" are one token.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’]\w+)*", re.UNICODE)
_POSSESSIVE = ("'s", "’s")


@dataclass(slots=True)  # not frozen: frozen dataclasses are slower to build, and we build many
class Token:
    text: str  # as written, without a possessive 's
    start: int
    end: int
    key: str  # how tokens compare: casefolded, curly apostrophes straightened
    capitalised: bool  # starts with a capital letter or a digit
    upper: bool  # every letter is a capital (an acronym, or a shouted subhead)
    is_number: bool = False


# Per-word facts, computed once per distinct word (news text repeats its words a lot).
_WORD_FACTS: dict[str, tuple[str, bool, bool, bool]] = {}


def _facts(word: str) -> tuple[str, bool, bool, bool]:
    facts = _WORD_FACTS.get(word)
    if facts is None:
        first = word[0]
        facts = (
            word.casefold().replace("’", "'"),
            first.isupper() or first.isdigit(),
            word.isupper(),
            word.replace(",", "").replace(".", "").isdigit(),
        )
        if len(_WORD_FACTS) < 500_000:
            _WORD_FACTS[word] = facts
    return facts


def token_key(text: str) -> str:
    return text.casefold().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    position = 0
    # findall + str.find is ~15% faster than finditer's match objects; the gaps between
    # tokens hold no word characters, so find() lands on the same occurrence the regex did.
    for word in TOKEN.findall(text):
        start = find(word, position)
        position = end = start + len(word)
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            word = word[:-2]
            end -= 2
        key, capitalised, upper, number = _facts(word)
        append(Token(word, start, end, key, capitalised, upper, number))
    return tokens


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraph breaks always end one."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        start = offset
        for end in sentence_ends(paragraph):
            spans.append((offset + _skip_space(paragraph, start - offset), offset + end))
            start = offset + end
        if start - offset < len(paragraph):
            spans.append((offset + _skip_space(paragraph, start - offset), offset + len(paragraph)))
        offset += len(paragraph) + 2
    return spans


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index
