"""What one line (or one joined paragraph) of pasted news is: a separator, a date line, a
byline, a kicker, an ALL-CAPS heading, web-page boilerplate, or ordinary text.

Classification looks at the line alone; what a line *means* (headline, subhead, new article)
depends on its neighbours and is decided in segment.py. This runs on every line of every file,
so each test is guarded by a cheap check (first character, length, a prefix) before any regex.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from briefing.ingest.dates import parse_date_line
from briefing.ingest.sentences import (
    CLOSING_MARKS,
    OPENING_QUOTES,
    TERMINAL_PUNCTUATION,
    count_sentences,
    ends_sentence,
)


class LineKind(Enum):
    TEXT = "text"
    SEPARATOR = "separator"  # ---, ***, * * *, ====, #####, ____, a lone "-", ENDS
    BOILERPLATE = "boilerplate"  # Advertisement, Share this article, Copyright 2019 ...
    TEASER_HEADER = "teaser header"  # More from <section>, Related, Read more, Most read ...
    TEASER_LINE = "teaser line"  # "Read more: <another story's headline>" on one line
    HEADING = "heading"  # Markdown "# Heading"
    KICKER = "kicker"  # "REVENGE: deck ..." or "‘POLITICAL LOYALTY’: ..."
    DATE = "date"  # a line that is only a date
    BYLINE = "byline"  # By Jane Smith / By JANE SMITH, Staff Writer
    CAPS = "caps"  # a short ALL-CAPS line: a subhead, or a headline at a story's start


@dataclass(slots=True, eq=False)
class Line:
    """One unit of layout: a line, or a hard-wrapped paragraph joined into one."""

    text: str
    number: int  # 1-based line in the file where the unit starts
    kind: LineKind
    words: int
    terminated: bool  # ends with . ! ? … (closing quotes allowed after)
    label: str = ""  # the kicker, or the byline as written
    rest: str = ""  # the text after a kicker's colon
    heading_level: int = 0
    date: dt.date | None = None
    date_note: str = ""
    dateline: bool = False  # opens with "MOSCOW (Reuters) -" and the like
    plain_sentence: bool = False  # text ending in a full stop: never a heading or a kicker
    # The ordinary sentence lines that follow this one in the same block, folded in by the
    # layout so that the segmenter handles them in one go: each is a paragraph that cannot
    # start an article (see continues_sentence_run).
    tail: list[str] | None = None
    break_before: bool = False  # the layout says an article may not continue across here
    hard_break: bool = False  # an unusually wide gap (more blank lines than between paragraphs)
    after_blank: bool = False  # the unit opens a block: one or more blank lines come before it
    _sentences: int = -1  # counted when first needed


# ---- the patterns, each behind a cheap guard in classify_line -------------------------------

_SEPARATOR = re.compile(
    r"^(?:(?:[-–—_=~*#•·+.] ?)+|[-–—]+ ?30 ?[-–—]+|[-–—(]* ?ends? ?[-–—).]*)$", re.IGNORECASE
)
_SEPARATOR_FIRST_CHARS = frozenset("-–—_=~*#•·+.(©Ee")

_MARKDOWN_HEADING = re.compile(r"^(#{1,6}) +(.+?)(?: +#+)?$")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")

_BOILERPLATE = re.compile(
    r"""^(?:
        advertisement|advertising|sponsored(?:\ content)?|ad
      | share(?:\ (?:this|on|via)\b.{0,60})?
      | (?:click|tap)\ here\b.{0,120}
      | (?:copyright|©|\(c\)).{0,60}?(?:\d{4}|©|all\ rights\ reserved).{0,200}
      | all\ rights\ reserved
      | (?:sign\ up|subscribe)\b.{0,80}
      | follow\ (?:us|@).{0,80}
      | (?:print|e-?mail)(?:\ this)?(?:\ (?:article|story|page))?
      | skip\ (?:to\ (?:main\ )?content|advertisement|ad)
      | story\ continues(?:\ below)?(?:\ advertisement)?
      | continue\ reading(?:\ below|\ the\ main\ story)?
      | scroll\ (?:down\ )?to\ continue.{0,40}
      | (?:photo|image|picture)(?:\ credits?)?\ ?:.{0,80}
      | image\ (?:copyright|caption|source)\b.{0,160}
      | this\ article\ is\ more\ than\ .{0,40}old
      | listen\ to\ this\ (?:article|story).{0,40}
      | (?:watch|video)\ ?:.{0,120}
      | (?:facebook|twitter|whatsapp|linkedin|telegram|reddit|email|x)
            (?:\ ?[|/·•,]?\ ?(?:facebook|twitter|whatsapp|linkedin|telegram|reddit|email|x))+
      | (?:https?://|www\.)\S+                                 # a bare link
      | (?:home|news|front\ page)\ ?[>›»/|].{0,100}             # a breadcrumb trail
      | home | menu | search | sign\ in | log\ in | login | register | reuse\ this\ content
      | \d{1,3}\ min(?:ute)?s?\ read
      | (?:updated\ |posted\ )?(?:\d{1,3}|an?)\ (?:min(?:ute)?s?|hours?|days?)\ ago
    )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_PREFIXES = (
    "ad", "sponsored", "share", "click", "tap here", "copyright", "©", "(c)", "all rights",
    "sign up", "subscribe", "follow", "print", "email", "e-mail", "skip", "story continues",
    "continue reading", "scroll", "photo", "image", "picture", "this article is more",
    "listen to this", "watch", "video", "facebook", "twitter", "whatsapp", "linkedin",
    "telegram", "reddit", "x ", "x|", "x/", "http", "www.", "home", "news", "front page",
    "menu", "search", "sign in", "log in", "login", "register", "updated ", "posted ", "an ",
    "a ", "reuse", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
)  # fmt: skip
# First characters of boilerplate and teaser lines.
_BOILERPLATE_FIRST_CHARS = frozenset("asctfpeiwvlxrmyohnug©(0123456789")
# Boilerplate is short, bar copyright notices and "Read more: <headline>" lines; bylines
# start with "By".
_SHORT_LINE_WORDS = 12
_LONG_SPECIAL_FIRST_CHARS = frozenset("BbCcRr©(")
# Long lines that may still be more than text start with one of these characters ...
_MARKUP_FIRST_CHARS = frozenset("-–—_=~*#•·+.(©")
# ... or, after one of these, with one of these prefixes.
_SPECIAL_FIRST_CHARS = frozenset("BbCcRr")
_LONG_SPECIAL_PREFIXES = ("by ", "By ", "BY ", "copyright", "Copyright", "COPYRIGHT", "click",
                          "Click", "CLICK", "read more", "Read more", "Read More", "READ MORE",
                          "related", "Related", "RELATED")  # fmt: skip
_DATE_LINE_MAX_WORDS = 12
_RUN_MIN_SPACES = 2  # "ENDS." and other one- or two-word lines are never folded into a run
_SENTENCE_END_CHARS = frozenset(".…" + CLOSING_MARKS)

_TEASER_HEADER = re.compile(
    r"""^(?:
        more\ (?:from|on|in)\ [^.,;:!?]{1,50}
      | related(?:\ (?:articles?|stories|content|coverage|news|links|reading|topics))?
      | read\ more | more\ (?:stories|news|articles|headlines)
      | most\ (?:read|popular|viewed|shared)
      | recommended(?:\ (?:for\ you|stories|articles|reading))?
      | you\ (?:may|might)\ (?:also\ )?(?:like|be\ interested\ in)
      | also\ (?:in|on)\ [^.,;:!?]{1,50} | see\ also | further\ reading | top\ stories
      | trending(?:\ now)? | editor'?s\ picks? | latest\ (?:news|stories)
      | explore\ more\ on\ these\ topics | related\ topics | topics | tags
    )\ ?:?$""",
    re.IGNORECASE | re.VERBOSE,
)
_TEASER_HEADER_FIRST_WORDS = frozenset(
    {"more", "related", "read", "most", "recommended", "you", "also", "see", "further", "top",
     "trending", "editor's", "editors", "latest", "explore", "topics", "tags"}
)  # fmt: skip
_TEASER_LINE = re.compile(
    r"^(?:read\ more|related|see\ also|also\ read|recommended|more\ on\ this)\ ?[:|»›>]\ ?\S",
    re.IGNORECASE | re.VERBOSE,
)

# 'KICKER: ...' with an optional pair of quote marks around the kicker.
_KICKER = re.compile(r"^[\"'“‘]?([^:]{2,48}?)[\"'”’]? ?: ?(.*)$")
_KICKER_MAX_WORDS = 6

_BYLINE_SPLIT = re.compile(r" ?[|·•] ?")
_BYLINE_ROLE_SPLIT = re.compile(r" ?(?:,|—|–| - ) ?")
_BYLINE_NAME_CONNECTORS = frozenset(
    {"and", "&", "de", "van", "von", "der", "den", "del", "della", "la", "le", "da", "dos",
     "bin", "al", "el", "di", "du", "ibn", "y"}
)  # fmt: skip
# "By Tuesday, ..." and "By March the army had ..." are sentences, not bylines.
_NOT_NAMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "then", "now", "contrast", "comparison", "far", "late", "early",
     "next", "last", "midnight", "noon", "dawn", "nightfall", "law", "default", "design",
     "night", "day", "sea", "air", "land", "road", "rail", "phone", "email", "mistake",
     "chance", "accident", "all", "some", "most", "one"}
)  # fmt: skip
_BYLINE_MAX_WORDS = 16

_DATELINE = re.compile(
    r"""^[A-Z][A-Z'’.\-]{2,}(?:\ [A-Z][A-Z'’.\-]+){0,3}     # MOSCOW / NEW YORK
    (?:,\ [A-Z][A-Za-z.'’\-]+(?:\ [A-Z][A-Za-z.'’\-]+){0,2})?   # , Ukraine
    (?:,?\ [A-Z][a-z]{2,8}\.?\ \d{1,2})?                      # , Jan 21
    \ ?(?:\([A-Za-z][A-Za-z .&'\-]{0,40}\))?                  # (Reuters)
    \ ?[-–—]{1,2}\ \S""",
    re.VERBOSE,
)

_HAS_DIGIT = re.compile(r"\d")
STORY_MIN_CHARS = 300
# After a story cut off mid-sentence, a shorter paragraph of several sentences will do.
STORY_AFTER_CUT_MIN_CHARS = 150
_STORY_MIN_SENTENCES = 3
_CAPS_MAX_WORDS = 12
_EXACT_COUNT_WORDS = 40


def classify_line(text: str, number: int) -> Line:
    """Classify one stripped, non-empty line."""
    first = text[0]
    words = text.count(" ") + 1
    if (
        words > _SHORT_LINE_WORDS
        and first not in _MARKUP_FIRST_CHARS
        and (first not in _SPECIAL_FIRST_CHARS or not text.startswith(_LONG_SPECIAL_PREFIXES))
        and text.find(":", 1, 52) < 0
        and "**" not in text
        and "__" not in text
    ):
        # Most lines of most files: a long line that cannot be a separator, heading, date
        # line, byline, boilerplate, teaser, kicker or ALL-CAPS line. Only a dateline may
        # open it.
        core = text.rstrip(CLOSING_MARKS)
        terminated = core != "" and core[-1] in TERMINAL_PUNCTUATION
        dateline = text[1:2].isupper() and first.isupper() and _DATELINE.match(text) is not None
        return Line(
            text, number, LineKind.TEXT, words, terminated, dateline=dateline,
            plain_sentence=terminated and core[-1] in ".…" and not dateline,
        )  # fmt: skip
    return _classify_other_line(text, number, words)


def continues_sentence_run(text: str) -> bool:
    """A line that is only ever a paragraph in the middle of a story, whatever surrounds it:
    a sentence ending in a full stop, too short to be a whole story on one line, with nothing
    that could make it a heading, a kicker, a dateline, boilerplate or anything but text. The
    checks are those of classify_line's first branch, and stricter."""
    if not text or len(text) >= STORY_MIN_CHARS or text[-1] not in _SENTENCE_END_CHARS:
        return False
    core = text.rstrip(CLOSING_MARKS)
    if not core or core[-1] not in ".…":
        return False
    first = text[0]
    spaces = text.count(" ")
    if (
        spaces < _RUN_MIN_SPACES
        or first in _MARKUP_FIRST_CHARS
        or text.find(":", 1, 52) >= 0
        or "**" in text
        or "__" in text
        or (first in _SPECIAL_FIRST_CHARS and text.startswith(_LONG_SPECIAL_PREFIXES))
        or (first.isupper() and text[1:2].isupper() and _DATELINE.match(text) is not None)
    ):
        return False
    # Short lines may be boilerplate ("Share this article.", "All rights reserved.").
    return spaces >= _SHORT_LINE_WORDS or not text[:24].lower().startswith(_BOILERPLATE_PREFIXES)


def _classify_other_line(text: str, number: int, words: int) -> Line:
    if ("*" in text or "_" in text) and ("**" in text or "__" in text):
        text = _strip_emphasis(text)
        words = text.count(" ") + 1
    first = text[0]
    length = len(text)
    if words <= _EXACT_COUNT_WORDS and "  " in text:
        # Exact counts matter for short lines (headlines, subheads, kickers) only; long
        # lines only need to be known as long.
        words = len(text.split())
    if first in _SEPARATOR_FIRST_CHARS and length <= 80 and _SEPARATOR.match(text):
        return Line(text, number, LineKind.SEPARATOR, words, False)
    if first == "#":
        heading = _MARKDOWN_HEADING.match(text)
        if heading:
            title = heading.group(2)
            return Line(
                title, number, LineKind.HEADING, len(title.split()), ends_sentence(title),
                heading_level=len(heading.group(1)),
            )  # fmt: skip
    core = text.rstrip(CLOSING_MARKS)
    last = core[-1:]
    terminated = last != "" and last in TERMINAL_PUNCTUATION
    colon = text.find(":", 1, 52)
    if words <= _SHORT_LINE_WORDS or colon > 0 or first in _LONG_SPECIAL_FIRST_CHARS:
        special = _classify_special(text, number, words, terminated, colon)
        if special is not None:
            return special
    if words <= _CAPS_MAX_WORDS and last and last not in ".,;:" and text.isupper():
        return Line(text, number, LineKind.CAPS, words, terminated)
    dateline = first.isupper() and text[1:2].isupper() and _DATELINE.match(text) is not None
    return Line(
        text, number, LineKind.TEXT, words, terminated, dateline=dateline,
        plain_sentence=terminated and last in ".…" and not dateline,
    )  # fmt: skip


def _classify_special(
    text: str, number: int, words: int, terminated: bool, colon: int
) -> Line | None:
    """Date lines, bylines, boilerplate, teaser headers and kickers, or None."""
    if words <= _DATE_LINE_MAX_WORDS and len(text) <= 90 and _HAS_DIGIT.search(text):
        date_line = parse_date_line(text)
        if date_line is not None:
            return Line(
                text, number, LineKind.DATE, words, terminated,
                date=date_line.date, date_note=date_line.note,
            )  # fmt: skip
    first = text[0].lower()
    if first == "b" and words <= _BYLINE_MAX_WORDS and text[1:3].lower() == "y ":
        byline = _parse_byline(text)
        if byline is not None:
            label, date, note = byline
            return Line(
                text, number, LineKind.BYLINE, words, terminated,
                label=label, date=date, date_note=note,
            )  # fmt: skip
    if first in _BOILERPLATE_FIRST_CHARS and (words <= _SHORT_LINE_WORDS or first in "cr©("):
        lowered = text[:24].lower()
        if lowered.startswith(_BOILERPLATE_PREFIXES) and _BOILERPLATE.match(text):
            return Line(text, number, LineKind.BOILERPLATE, words, terminated)
        first_word = lowered.split(" ", 1)[0].rstrip(":")
        if first_word in _TEASER_HEADER_FIRST_WORDS:
            if words <= 10 and not terminated and _TEASER_HEADER.match(text):
                return Line(text, number, LineKind.TEASER_HEADER, words, terminated)
            if _TEASER_LINE.match(text):
                return Line(text, number, LineKind.TEASER_LINE, words, terminated)
    if colon > 0:
        return _kicker_line(text, number, words, terminated)
    return None


def _kicker_line(text: str, number: int, words: int, terminated: bool) -> Line | None:
    match = _KICKER.match(text)
    if match is None:
        return None
    kicker = match.group(1).strip()
    if (
        not kicker.isupper()
        or sum(char.isalpha() for char in kicker) < 2
        or kicker.count(" ") >= _KICKER_MAX_WORDS
        or kicker[-1] in "-–—"
    ):
        return None
    return Line(
        text, number, LineKind.KICKER, words, terminated, label=kicker, rest=match.group(2).strip()
    )


def _parse_byline(text: str) -> tuple[str, dt.date | None, str] | None:
    """(byline as written, date, date note) for "By Jane Smith | 21 January 2019", else None."""
    parts = _BYLINE_SPLIT.split(text)
    byline = parts[0]
    names = _BYLINE_ROLE_SPLIT.split(byline[3:], maxsplit=1)[0]
    if not _looks_like_names(names):
        return None
    # A sentence ("By Friday, the talks had collapsed.") ends with a full stop after a word;
    # a byline ends with a name, a role or an initial.
    if byline.endswith(".") and not _ends_with_initial(byline):
        return None
    date: dt.date | None = None
    note = ""
    kept = [byline]
    for part in parts[1:]:
        date_line = parse_date_line(part) if part else None
        if date_line is None:
            kept.append(part)
        elif date is None and not note:
            date, note = date_line.date, date_line.note
    return " | ".join(kept), date, note


def _looks_like_names(names: str) -> bool:
    tokens = names.split()
    if not 1 <= len(tokens) <= 8 or tokens[0].lower().strip(".,") in _NOT_NAMES:
        return False
    for token in tokens:
        if token.lower() in _BYLINE_NAME_CONNECTORS:
            continue
        if not token[0].isupper():
            return False
    return True


def _ends_with_initial(text: str) -> bool:
    last_word = text.rsplit(" ", 1)[-1]
    return len(last_word) <= 4 and last_word[0].isupper()


def _strip_emphasis(text: str) -> str:
    return _EMPHASIS.sub(r"\2", text).strip() or text


# ---- questions segment.py asks about a classified line --------------------------------------

_BULLETS = frozenset("-–—•·*+>")


def is_story_like(line: Line, min_chars: int = STORY_MIN_CHARS) -> bool:
    """A whole story on one line: long, and several sentences (seed 000's elephant story)."""
    if line.kind is not LineKind.TEXT or len(line.text) < min_chars:
        return False
    if line._sentences < 0:
        line._sentences = count_sentences(line.text)
    return line._sentences >= _STORY_MIN_SENTENCES


def is_headline_like(line: Line, max_words: int = 20) -> bool:
    """Short, not a sentence (no final . , ; : or …), starting with a capital or a digit."""
    if line.kind is not LineKind.TEXT or line.words > max_words or line.dateline:
        return False
    text = line.text
    core = text.rstrip(CLOSING_MARKS)
    if not core or core[-1] in ".,;:…":
        return False
    first = text.lstrip(OPENING_QUOTES)[:1]
    if not first or text[0] in _BULLETS:
        return False
    return first.isupper() or first.isdigit()


def is_body_like(line: Line) -> bool:
    """Reads as a paragraph of a story: a sentence, or long enough to be one cut short."""
    if line.kind is not LineKind.TEXT:
        return False
    return line.terminated or line.words >= 8 or line.dateline or line.text[0] in OPENING_QUOTES
