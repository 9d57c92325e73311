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

    @property
    def is_number(self) -> bool:
        return self.text.replace(",", "").replace(".", "").isdigit()


def token_key(text: str) -> str:
    return text.casefold().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    for match in TOKEN.finditer(text):
        word = match.group(0)
        end = match.end()
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            word = word[:-2]
            end -= 2
        first = word[0]
        append(
            Token(
                word,
                match.start(),
                end,
                word.casefold().replace("’", "'"),
                first.isupper() or first.isdigit(),
                word.isupper(),
            )
        )
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
