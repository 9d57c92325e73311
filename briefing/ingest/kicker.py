"""Split the text after a kicker ("REVENGE: ...") into the deck and the story's body.

Pasted one-paragraph stories often glue the deck to the body with no full stop between them:
"... an attack on US soldiers last week The US launched large-scale airstrikes ...". The seam
is a lower-case (or digit, or closing-quote) word followed by a capitalised word, somewhere
before the first full stop of the run-on sentence. Most such pairs inside ordinary prose are
proper names ("the Syrian government", "President Donald Trump") or follow a preposition
("on US soldiers"), so those are discarded; what is left is scored, and a sentence opener
("The", "A", "It", ...) after the seam is the strongest sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.ingest.sentences import CLOSING_MARKS, OPENING_QUOTES, first_sentence_end

# A seam after these is a phrase going on ("among US administrations", "former US president").
_FUNCTION_WORDS = frozenset(
    {
        "the", "a", "an", "of", "on", "in", "at", "to", "for", "from", "with", "by", "and",
        "or", "but", "nor", "among", "amongst", "between", "into", "onto", "over", "under",
        "against", "about", "after", "before", "as", "than", "that", "this", "these", "those",
        "its", "their", "his", "her", "our", "your", "my", "without", "within", "across",
        "through", "toward", "towards", "via", "per", "during", "despite", "like", "near",
        "upon", "amid", "around", "behind", "beyond", "including", "until", "since", "while",
        "whose", "which", "who", "where", "when", "if", "whether", "both", "either", "neither",
        "not", "no", "new", "former", "late", "then", "ex", "president", "minister",
        "secretary", "spokesman", "spokeswoman", "spokesperson", "chief", "general", "premier",
        "chancellor", "king", "queen", "prince", "leader", "senator", "governor", "ambassador",
        "envoy", "director", "commander", "mayor", "pope", "judge", "colonel", "captain",
        "admiral", "lieutenant", "sergeant", "mr", "mrs", "ms", "dr", "st", "what", "how",
        "why", "all", "every", "each", "some",
        # Verbs whose object is usually a name: "told Reuters", "met Putin", "visited Kyiv".
        "told", "tells", "met", "meets", "visited", "visits", "named", "called", "urged",
        "urges", "accused", "accuses", "joined", "joins", "thanked", "praised", "criticised",
        "criticized", "blamed", "blames", "warned", "warns",
    }
)  # fmt: skip

# Words that open a news sentence: a seam before one of them is almost certainly the seam.
_SENTENCE_OPENERS = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This",
        "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "Officials",
        "After", "As", "But", "When", "While", "Last", "For", "With", "According", "Some",
        "More", "Many", "One", "Two", "Three", "Several", "Dozens", "Hundreds", "Thousands",
    }
)  # fmt: skip
# Words that often end a deck ("... last week", "... a Thai official said").
_DECK_ENDINGS = frozenset(
    {
        "said", "says", "week", "weekend", "month", "year", "yesterday", "today", "tonight",
        "night", "morning", "afternoon", "evening", "ago", "earlier", "later", "reported",
        "added", "stated",
    }
)  # fmt: skip
_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "dozens", "hundreds", "thousands", "several", "many", "few", "most"}
)  # fmt: skip
# A seam never comes before these: "said Tuesday", "in March".
_CALENDAR_WORDS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"}
)  # fmt: skip

_OPENER_SCORE = 3
_QUOTE_SCORE = 2
_PLAIN_SCORE = 1
# Without a sentence opener after it, a seam is only believed in a run-on "sentence" long
# enough to be a deck and a lede glued together, with both sides of a real length.
_MIN_RUN_ON_WORDS = 35
_MIN_PLAIN_SIDE_WORDS = 6
_MIN_SIDE_WORDS = 3


@dataclass(frozen=True, slots=True)
class KickerText:
    deck: str  # as written, with its full stop if it had one
    body: str  # the rest of the line: the story


def split_deck_and_body(rest: str) -> KickerText | None:
    """Deck and body of the text after a kicker, or None when it is one sentence or less
    (a deck on its own line, or a one-sentence story: the caller decides which)."""
    sentence_end = first_sentence_end(rest)
    seam = find_glued_seam(rest, sentence_end if sentence_end > 0 else len(rest))
    if seam is not None:
        return KickerText(rest[:seam].rstrip(), rest[seam:].lstrip())
    if sentence_end > 0:
        # The deck ends with its own full stop, the body follows.
        return KickerText(rest[:sentence_end].rstrip(), rest[sentence_end:].strip())
    return None


def find_glued_seam(text: str, stop: int) -> int | None:
    """Index where the body starts inside text[:stop], when a deck is glued to it."""
    words = text[:stop].split(" ")
    total_words = len(words)
    best_score = 0
    best_index: int | None = None
    start = len(words[0]) + 1  # where words[position] starts in text
    for position in range(1, total_words):
        word = words[position]
        if (
            word
            and (word[0].isupper() or (word[0] in OPENING_QUOTES and word[1:2].isupper()))
            and _MIN_SIDE_WORDS <= position <= total_words - _MIN_SIDE_WORDS
        ):
            score = _seam_score(words[position - 1], word)
            if score > best_score and (
                score >= _OPENER_SCORE
                or (
                    total_words >= _MIN_RUN_ON_WORDS
                    and _MIN_PLAIN_SIDE_WORDS <= position <= total_words - _MIN_PLAIN_SIDE_WORDS
                )
            ):
                best_score, best_index = score, start
        start += len(word) + 1
    return best_index


def _seam_score(before: str, after: str) -> int:
    """How likely the deck ends after ``before`` and the body starts at ``after`` (0: not)."""
    if not before or before[-1] in ".!?…,;:([{-–—/":
        return 0
    before_core = before.strip(OPENING_QUOTES + CLOSING_MARKS + ".,;:").lower()
    after_core = _without_possessive(after.lstrip(OPENING_QUOTES).rstrip(CLOSING_MARKS + ".,;:!?"))
    opener = after_core in _SENTENCE_OPENERS
    if before_core in _FUNCTION_WORDS:
        return 0
    # A capitalised word before the seam means the capital after it continues a name
    # ("President Donald", "US President"), unless it opens a sentence.
    if before.lstrip(OPENING_QUOTES)[:1].isupper() and not opener:
        return 0
    if after_core in _CALENDAR_WORDS:
        return 0
    if opener:
        score = _OPENER_SCORE
    elif after[0] in OPENING_QUOTES:
        score = _QUOTE_SCORE
    else:
        score = _PLAIN_SCORE
    if before_core in _DECK_ENDINGS:
        score += 1
    if before_core[:1].isdigit() or before_core in _NUMBER_WORDS:
        score -= 2  # "two US soldiers", "70 Syrian targets": a number before a noun
    return score


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word
