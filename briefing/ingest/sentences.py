"""Sentence-level facts about a line of news text: does it end a sentence, where does the first
sentence end, how many sentences does it hold, and a title-sized cut of it.
"""

from __future__ import annotations

import re

TERMINAL_PUNCTUATION = ".!?…"
CLOSING_MARKS = "\"'”’»)]"
OPENING_QUOTES = "\"'“‘«"

# A sentence ends at terminal punctuation (and any closing quotes) followed by a space and a
# capital, a digit or an opening quote. Abbreviations are filtered out afterwards. A match only
# starts at the first mark of a run, and the runs are possessive: a line of two million dots
# (seen in fuzzing) is then one failed attempt, not a quadratic backtrack.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?= +[\"'“‘«(\[]?[A-Z0-9])")

# Words that end in a full stop without ending the sentence ("Gen. Gerasimov", "Jan. 21").
_ABBREVIATIONS = frozenset(
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl",
        "Pte", "Adm", "Cdr", "Cmdr", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Amb", "Sec",
        "Pres", "St", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Art", "Fig", "Vol", "Inc", "Ltd", "Co",
        "Corp", "Jr", "Sr", "vs", "approx", "Dept", "Univ", "Ave", "Rd",
    }
)  # fmt: skip


def ends_sentence(text: str) -> bool:
    """True when the text ends with . ! ? or …, possibly followed by closing quotes/brackets."""
    stripped = text.rstrip(CLOSING_MARKS)
    return bool(stripped) and stripped[-1] in TERMINAL_PUNCTUATION


def sentence_ends(text: str) -> list[int]:
    """Indexes just after each sentence end (closing quotes included)."""
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        if not _is_abbreviation_stop(text, match.start()):
            ends.append(match.end())
    return ends


def first_sentence_end(text: str) -> int:
    """Index just after the first sentence's end, or -1 when the text holds no sentence end
    followed by more text."""
    for match in _SENTENCE_END.finditer(text):
        if not _is_abbreviation_stop(text, match.start()):
            return match.end()
    return -1


def first_sentence(text: str) -> str:
    end = first_sentence_end(text)
    return text if end < 0 else text[:end]


def count_sentences(text: str) -> int:
    """Sentences in the text, counting an unfinished last one (a cut-off story) as one."""
    ends = sentence_ends(text)
    tail_start = ends[-1] if ends else 0
    return len(ends) + (1 if text[tail_start:].strip() else 0)


def shorten(text: str, limit: int) -> str:
    """The text cut at a word boundary to at most ``limit`` characters, ending in "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def _is_abbreviation_stop(text: str, stop_index: int) -> bool:
    if text[stop_index] != ".":
        return False
    word_start = text.rfind(" ", 0, stop_index) + 1
    word = text[word_start:stop_index].lstrip(OPENING_QUOTES + "(")
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # Initials ("Donald J. Trump") and dotted abbreviations ("U.S.", "e.g.").
    return (len(word) == 1 and word.isupper()) or "." in word
