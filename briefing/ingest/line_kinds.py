"""What one line (or one joined paragraph) of pasted news is: a separator, a date line, a
byline, a kicker, an ALL-CAPS heading, web-page boilerplate, or ordinary text.

Classification looks at the line alone; what a line *means* (headline, subhead, new article)
depends on its neighbours and is decided in segment.py. This runs on every line of every file,
so each test is guarded by a cheap check (first character, length, a prefix) before any regex.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
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


def _case_variants(starts: Iterable[str]) -> frozenset[str]:
    """The starts as written in lower case, Capitalised and in CAPITALS."""
    return frozenset(
        variant for start in starts for variant in (start, start.capitalize(), start.upper())
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
    # A turn of a dialogue ("Q: ...", "A: ...", "PRESS SECRETARY: ..." in a transcript): a
    # paragraph, never a headline, a kicker or a new story.
    labelled: bool = False
    table_row: bool = False  # cells aligned by runs of spaces or tabs: body, never a heading
    mail_header: bool = False  # "From: ...", "Subject: ...": dropped when two or more follow
    _sentences: int = -1  # counted when first needed


# ---- the patterns, each behind a cheap guard in classify_line -------------------------------

_SEPARATOR = re.compile(
    r"^(?:(?:[-–—_=~*#•·+.] ?)+|[-–—]+ ?30 ?[-–—]+|[-–—(]* ?ends? ?[-–—).]*"
    r"|[-_=]{2,} ?(?:original|forwarded) message ?[-_=]*)$",  # a forwarded e-mail
    re.IGNORECASE,
)
_SEPARATOR_FIRST_CHARS = frozenset("-–—_=~*#•·+.(©Ee")

_MARKDOWN_HEADING = re.compile(r"^(#{1,6}) +(.+?)(?: +#+)?$")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")

_BOILERPLATE = re.compile(
    r"""^(?:
        advertisement|advertising|sponsored(?:\ content)?|ad
      | share(?:\ (?:this|on|via)\b.{0,60})?
      | save(?:\ (?:this\ )?(?:article|story|for\ later))? | saved
      | (?:click|tap)\ here\b.{0,120}
      | (?:copyright|©|\(c\)).{0,60}?(?:\d{4}|©|all\ rights\ reserved).{0,200}
      | all\ rights\ reserved
      | (?:sign\ up|subscribe)\b.{0,120}
      | unsubscribe\b.{0,120}
      | follow\ (?:us|@).{0,80}
      | (?:print|e-?mail)(?:\ this)?(?:\ (?:article|story|page))?
      | (?:copy|print)\ link | link\ copied
      | skip\ (?:to\ (?:main\ )?(?:content|navigation)|advertisement|ad)
      | story\ continues(?:\ below)?(?:\ advertisement)?
      | continue\ reading(?:\ below|\ the\ main\ story)?
      | scroll\ (?:down\ )?to\ continue.{0,40}
      | \(?(?:photo(?:graph)?s?|images?|pictures?|illustrations?)(?:\ credits?)?\ ?:.{0,80}
      | (?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?)\ by\ [^.!?]{2,60}
      | (?:image|media|photo)\ (?:copyright|caption|source)\b.{0,160}
      | this\ article\ is\ more\ than\ .{0,40}old
      | listen\ to\ this\ (?:article|story).{0,40}
      | (?:watch|video)\ ?:.{0,120}
      | (?:facebook|twitter|whatsapp|linkedin|telegram|reddit|email|x|bluesky|threads|pinterest
            |flipboard|messenger)
            (?:\ ?[|/·•,]?\ ?(?:facebook|twitter|whatsapp|linkedin|telegram|reddit|email|x
                |bluesky|threads|pinterest|flipboard|messenger))*
      | (?:https?://|www\.)\S+                                 # a bare link
      | (?:home|news|front\ page)\ ?[>›»/|].{0,100}             # a breadcrumb trail
      | home | menu | search | sign\ in | log\ in | login | register | reuse\ this\ content
      | news | sport | sports | weather | live | like | reply | more                # menus
      | \d{1,3}\ min(?:ute)?s?\ read
      | (?:updated\ |posted\ )?(?:\d{1,3}|an?)\ (?:min(?:ute)?s?|hours?|days?)\ ago
      | (?:last\ )?(?:updated|published|posted|modified)\ ?:?\ (?:at\ )?\d{1,2}[:.]\d{2}
            (?:\ ?[ap]\.?m\.?)?(?:\ \(?[a-z]{2,5}\)?)?           # a time without a date
      | key\ (?:events|moments|updates) | show\ key\ events\ only       # live pages
      | (?:show|hide|view|load|read)\ (?:all\ |more\ )?comments?(?:\ \(\d[\d,]*\))?
      | join\ the\ (?:conversation|discussion|debate)
      | \d[\d,.]*k?\ comments?:? | comments?(?:\ \(\d[\d,]*\))?
      | (?:we|this\ (?:site|website))\ uses?\ cookies\b.{0,400}  # cookie banners
      | (?:accept|reject|allow|decline)\ (?:all(?:\ cookies)?|cookies|all\ and\ continue)
      | manage\ (?:cookies|preferences|cookie\ settings|consent|my\ cookies)
      | cookie\ (?:settings|policy|preferences|consent)
      | view\ (?:this\ (?:email|newsletter)\ )?in\ (?:your\ |a\ )?(?:web\ )?browser   # mail
      | you\ (?:are\ receiving|received|have\ received)\ this\ (?:email|e-mail|newsletter
            |message)\b.{0,200}
      | update\ (?:your\ )?preferences\b.{0,80} | privacy\ (?:policy|notice)\b.{0,80}
      | sent\ from\ my\ \S+(?:\ \S+){0,3} | get\ outlook\ for\ \S+
      | begin\ forwarded\ message:? | on\ .{5,120}\ wrote:
      | editor'?s'?\ note\ ?:.{0,800}                                   # notes about the text
      | (?:correction|clarification)s?\ ?(?:\(.{0,40}\)\ ?)?:.{0,800}
      | an\ earlier\ version\ of\ this\ (?:article|story|report)\b.{0,400}
      | this\ (?:article|story|report)\ (?:has\ been|was)\ (?:updated|corrected|amended)
            \b.{0,400}
      | for\ immediate\ release | embargoed\b.{0,60} | (?:press|news|media)\ release  # releases
      | notes?\ to\ editors | (?:media|press)\ (?:contacts?|enquiries|inquiries)\b.{0,200}
      | (?:tel|telephone|phone|mobile|fax)\.?\ ?:\ ?\+?\d[\d\ ()./-]{5,}.{0,60}
      | our\ standards\b.{0,80}
      | page\ \d{1,4}(?:\ ?(?:of|/)\ ?\d{1,4})?                         # a PDF's page footer
      | (?:labels?|tags?|filed\ under|categor(?:y|ies)|topics?)\ ?:.{1,200}  # blog furniture
      | \S+(?:\ \S+)?\ said\.\.\.
    )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_PREFIXES = (
    "ad", "sponsored", "share", "save", "click", "tap here", "copyright", "©", "(c)", "all rights",
    "sign up", "subscribe", "unsubscribe", "follow", "print", "email", "e-mail", "copy link",
    "link copied", "skip", "story continues", "continue reading", "scroll", "photo", "(photo",
    "image", "(image", "picture", "(picture", "illustration", "graphic", "media", "this article",
    "this story", "this report", "listen to this", "watch", "video", "facebook", "twitter",
    "whatsapp", "linkedin", "telegram", "reddit", "bluesky", "threads", "pinterest", "flipboard",
    "messenger", "x ", "x|", "x/", "http", "www.", "home", "news", "front page", "menu", "search",
    "sign in", "log in", "login", "register", "updated", "posted", "published", "modified",
    "last ", "an ", "a ", "reuse", "sport", "weather", "live", "like", "reply", "more", "key ",
    "show ", "hide ", "view ", "load ", "read ", "join the", "comment", "we use", "this site",
    "this website", "accept", "reject", "allow", "decline", "manage", "cookie", "you are",
    "you received", "you have", "update", "privacy", "sent from", "get outlook", "begin forw",
    "on ", "editor", "correction", "clarification", "for immediate", "embargoed", "press",
    "notes to", "note to", "tel", "phone", "mobile", "fax", "our standards", "label", "tag",
    "filed under", "categor", "topic", "page ",
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
)  # fmt: skip
# Long lines that may be boilerplate start with one of these (lower-cased): everything else
# with more than a dozen words is text.
_LONG_BOILERPLATE_PREFIXES = (
    "we use cookies", "this site uses", "this website uses", "you are receiving",
    "you received this", "you have received", "editor's note", "editors' note", "editor’s note",
    "correction", "clarification", "an earlier version", "this article has", "this article was",
    "this story has", "this story was", "this report has", "this report was", "sign up",
    "subscribe", "unsubscribe",
)  # fmt: skip
_TEASER_HEADER_FIRST_WORDS = frozenset(
    {"more", "related", "read", "most", "recommended", "you", "also", "see", "further", "top",
     "trending", "editor's", "editors", "latest", "explore", "topics", "tags"}
)  # fmt: skip
# First characters of boilerplate and teaser lines.
_BOILERPLATE_FIRST_CHARS = frozenset(
    prefix[0] for prefix in (*_BOILERPLATE_PREFIXES, *_TEASER_HEADER_FIRST_WORDS)
)
_BOILERPLATE_PREFIXES_BY_CHAR = {
    char: tuple(prefix for prefix in _BOILERPLATE_PREFIXES if prefix[0] == char)
    for char in _BOILERPLATE_FIRST_CHARS
}
# A comment under a blog post starts with its author ("Anonymous said...").
_COMMENT_AUTHOR_ENDINGS = ("said...", "said…", "says...", "wrote:")
# Boilerplate is short, bar copyright notices, notes about the text and "Read more: <headline>"
# lines; bylines start with "By".
_SHORT_LINE_WORDS = 12
_LONG_SPECIAL_FIRST_CHARS = frozenset("BbCcRr©(")
# Long lines that may still be more than text start with one of these characters ...
_MARKUP_FIRST_CHARS = frozenset("-–—_=~*#•·+.(©")
# ... or with one of these prefixes (lower-cased).
_LONG_SPECIAL_PREFIXES = (
    "by ", "copyright", "click", "read more", "related", *_LONG_BOILERPLATE_PREFIXES,
)  # fmt: skip
_LONG_SPECIAL_STARTS = _case_variants(prefix[:3] for prefix in _LONG_SPECIAL_PREFIXES)
_SPECIAL_FIRST_CHARS = frozenset(
    "".join({prefix[0] + prefix[0].upper() for prefix in _LONG_SPECIAL_PREFIXES})
)
# A caption pasted with the photo's credit at its end ("Troops on parade. Photograph: AFP").
_CAPTION_CREDIT = re.compile(
    r"(?:^|[.!?][)\"'”’]?\ )\(?(?:photo(?:graph)?|image|picture|illustration)s?(?:\ credit)?"
    r"\ ?:\ ?[^.!?:]{2,80}\)?$",
    re.IGNORECASE | re.VERBOSE,
)
# A dialogue turn: "Q: ...", "A: ...", "Question: ...".
_SPEAKER_LABELS = frozenset({"Q", "A", "Question", "Answer", "QUESTION", "ANSWER"})
# E-mail headers of a forwarded message ("From: ...", "Sent: ...", "Subject: ...").
_MAIL_HEADER_NAMES = frozenset(
    {"from", "sent", "to", "cc", "bcc", "subject", "date", "reply-to", "importance"}
)
_LABEL_MAX_CHARS = 12
# A page header or footer of a pasted PDF: "Page 2 of 5", "Survey 2025      Page 2".
_PAGE_NUMBER = re.compile(r"(?:^|  )(?:page|p\.) ?\d{1,4}(?: ?(?:of|/) ?\d{1,4})?$", re.IGNORECASE)
# A sentence that only makes sense on the page it was pasted from.
_PAGE_NOTICE = "not responsible for the content of external"
# Two runs of spaces between words: a row of a table pasted as aligned text.
_TABLE_GAP = re.compile(r"\S {2,}(?=\S)")
_DATE_LINE_MAX_WORDS = 12
_RUN_MIN_SPACES = 2  # "ENDS." and other one- or two-word lines are never folded into a run
_SENTENCE_END_CHARS = frozenset(".…" + CLOSING_MARKS)

_TEASER_HEADER = re.compile(
    r"""^(?:
        more\ (?:from|on|in)\ [^.,;:!?]{1,50}
      | related(?:\ (?:articles?|stories|content|coverage|news|links|reading|topics
            |internet\ links))?
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
# How bylines start: "By", "Words by", "Reporter:", "Posted by" ...
_BYLINE_LEAD = re.compile(
    r"^(?:(?:words|text|story|written|reported|interview|posted)\ by\ |by\ "
    r"|(?:reporter|author|writer|correspondent|byline)s?\ ?:\ ?)",
    re.IGNORECASE | re.VERBOSE,
)
# The first word of a line that may be a byline (lower-cased, colon dropped).
_BYLINE_LEAD_WORDS = frozenset(
    {"by", "words", "text", "story", "written", "reported", "interview", "posted", "reporter",
     "reporters", "author", "authors", "writer", "writers", "correspondent", "correspondents",
     "byline"}
)  # fmt: skip
_BYLINE_STARTS = _case_variants((word + " ")[:3] for word in _BYLINE_LEAD_WORDS)
# "Posted by Jane Smith on 8 March 2025 at 10:32": the date after the name.
_POSTED_ON = re.compile(r" on (.+)$")

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
        and (first not in _SPECIAL_FIRST_CHARS or not _has_long_special_prefix(text))
        and text.find(":", 1, 52) < 0
        and "**" not in text
        and "__" not in text
        and "  " not in text
    ):
        # Most lines of most files: a long line that cannot be a separator, heading, date
        # line, byline, boilerplate, teaser, kicker, ALL-CAPS line or table row. Only a
        # dateline may open it, and only a photo credit may close it.
        core = text.rstrip(CLOSING_MARKS)
        terminated = core != "" and core[-1] in TERMINAL_PUNCTUATION
        if not terminated and _is_captioned(text):
            return Line(text, number, LineKind.BOILERPLATE, words, terminated)
        dateline = text[1:2].isupper() and first.isupper() and _DATELINE.match(text) is not None
        return Line(
            text, number, LineKind.TEXT, words, terminated, dateline=dateline,
            plain_sentence=terminated and core[-1] in ".…" and not dateline,
        )  # fmt: skip
    return _classify_other_line(text, number, words)


def _has_long_special_prefix(text: str) -> bool:
    # The three-character set lookup first: it turns away "The ..." before any lower().
    return text[:3] in _LONG_SPECIAL_STARTS and text[:24].lower().startswith(_LONG_SPECIAL_PREFIXES)


def _is_captioned(text: str) -> bool:
    """A photo caption ending with its credit ("... on Friday. Photograph: AFP/Getty")."""
    return text.find(":", len(text) - 100) > 0 and _CAPTION_CREDIT.search(text) is not None


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
        or "  " in text
        or " responsible " in text  # perhaps a page's notice (_PAGE_NOTICE)
        or (first in _SPECIAL_FIRST_CHARS and _has_long_special_prefix(text))
        or (first.isupper() and text[1:2].isupper() and _DATELINE.match(text) is not None)
    ):
        return False
    # Short lines may be boilerplate ("Share this article.", "All rights reserved.").
    if spaces >= _SHORT_LINE_WORDS:
        return True
    lowered = text[:24].lower()
    return not lowered.startswith(_BOILERPLATE_PREFIXES_BY_CHAR.get(lowered[0], ()))


def _classify_other_line(text: str, number: int, words: int) -> Line:
    if ("*" in text or "_" in text) and ("**" in text or "__" in text):
        text = _strip_emphasis(text)
        words = text.count(" ") + 1
    first = text[0]
    length = len(text)
    table_row = False
    if "  " in text:
        if words <= _EXACT_COUNT_WORDS:
            # Exact counts matter for short lines (headlines, subheads, kickers) only; long
            # lines only need to be known as long.
            words = len(text.split())
        if _PAGE_NUMBER.search(text):
            return Line(text, number, LineKind.BOILERPLATE, words, False)
        table_row = is_table_row_text(text)
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
    if table_row:
        return Line(text, number, LineKind.TEXT, words, terminated, table_row=True)
    colon = text.find(":", 1, 52)
    label = text[:colon].rstrip() if 0 < colon <= _LABEL_MAX_CHARS else ""
    if label in _SPEAKER_LABELS and text[colon + 1 : colon + 2] == " ":
        return Line(text, number, LineKind.TEXT, words, terminated, labelled=True)
    long_special = (
        words > _SHORT_LINE_WORDS
        and first in _SPECIAL_FIRST_CHARS
        and _has_long_special_prefix(text)
    )
    if (
        words <= _SHORT_LINE_WORDS
        or colon > 0
        or first in _LONG_SPECIAL_FIRST_CHARS
        or long_special
    ):
        special = _classify_special(text, number, words, terminated, colon, long_special)
        if special is not None:
            if label and label.lower() in _MAIL_HEADER_NAMES:
                special.mail_header = True
            return special
    if not terminated and _is_captioned(text):
        return Line(text, number, LineKind.BOILERPLATE, words, terminated)
    if words <= _CAPS_MAX_WORDS and last and last not in ".,;:" and text.isupper():
        return Line(text, number, LineKind.CAPS, words, terminated)
    dateline = first.isupper() and text[1:2].isupper() and _DATELINE.match(text) is not None
    return Line(
        text, number, LineKind.TEXT, words, terminated, dateline=dateline,
        plain_sentence=terminated and last in ".…" and not dateline,
        mail_header=bool(label) and label.lower() in _MAIL_HEADER_NAMES,
    )  # fmt: skip


def _classify_special(
    text: str, number: int, words: int, terminated: bool, colon: int, long_special: bool
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
    if words <= _BYLINE_MAX_WORDS and (
        (text[:3] in _BYLINE_STARTS and _first_word(text) in _BYLINE_LEAD_WORDS) or "|" in text
    ):
        byline = _parse_byline(text)
        if byline is not None:
            label, date, note = byline
            return Line(
                text, number, LineKind.BYLINE, words, terminated,
                label=label, date=date, date_note=note,
            )  # fmt: skip
    if first in _BOILERPLATE_FIRST_CHARS and (
        words <= _SHORT_LINE_WORDS or first in "cr©(" or long_special
    ):
        lowered = text[:24].lower()
        if lowered.startswith(_BOILERPLATE_PREFIXES_BY_CHAR[first]) and _BOILERPLATE.match(text):
            return Line(text, number, LineKind.BOILERPLATE, words, terminated)
        first_word = lowered.split(" ", 1)[0].rstrip(":")
        if first_word in _TEASER_HEADER_FIRST_WORDS:
            if words <= 10 and not terminated and _TEASER_HEADER.match(text):
                return Line(text, number, LineKind.TEASER_HEADER, words, terminated)
            if _TEASER_LINE.match(text):
                return Line(text, number, LineKind.TEASER_LINE, words, terminated)
    if words <= _SHORT_LINE_WORDS and (
        (" responsible " in text and _PAGE_NOTICE in text.lower())
        or (words <= 4 and text.endswith(_COMMENT_AUTHOR_ENDINGS))
    ):
        return Line(text, number, LineKind.BOILERPLATE, words, terminated)
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
    """(byline as written, date, date note) for "By Jane Smith | 21 January 2019", "Words by
    Jane Smith", "Reporter: Jane Smith", "Posted by Jane Smith on 8 March 2025" or "Jane
    Smith | Reuters", else None."""
    lead = _BYLINE_LEAD.match(text)
    if lead is None:
        return _agency_byline(text)
    parts = _BYLINE_SPLIT.split(text)
    byline = parts[0]
    date: dt.date | None = None
    note = ""
    posted = _POSTED_ON.search(byline, lead.end()) if " on " in byline else None
    if posted is not None:
        date_line = parse_date_line(posted.group(1))
        if date_line is not None:
            date, note = date_line.date, date_line.note
            byline = byline[: posted.start()]
    names = _BYLINE_ROLE_SPLIT.split(byline[lead.end() :], maxsplit=1)[0]
    if not _looks_like_names(names):
        return None
    # A sentence ("By Friday, the talks had collapsed.") ends with a full stop after a word;
    # a byline ends with a name, a role or an initial.
    if byline.endswith(".") and not _ends_with_initial(byline):
        return None
    kept = [byline]
    for part in parts[1:]:
        date_line = parse_date_line(part) if part else None
        if date_line is None:
            kept.append(part)
        elif date is None and not note:
            date, note = date_line.date, date_line.note
    return " | ".join(kept), date, note


def _agency_byline(text: str) -> tuple[str, dt.date | None, str] | None:
    """ "Jane Smith | Reuters": a name of two to five words, a bar, an agency or desk."""
    if "|" not in text and "·" not in text and "•" not in text:
        return None
    parts = _BYLINE_SPLIT.split(text)
    if len(parts) != 2 or not parts[1]:
        return None
    name, agency = parts
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or len(agency.split()) > 4 or not agency[0].isupper():
        return None
    if not _looks_like_names(name) or _HAS_DIGIT.search(text):
        return None
    return text, None, ""


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


def is_table_row_text(text: str) -> bool:
    """Three or more cells aligned by runs of spaces: a row of a pasted table."""
    return "  " in text and len(_TABLE_GAP.findall(text)) >= 2


_BULLETS = frozenset("-–—•·*+>")


def is_story_like(line: Line, min_chars: int = STORY_MIN_CHARS) -> bool:
    """A whole story on one line: long, and several sentences (seed 000's elephant story)."""
    if line.kind is not LineKind.TEXT or len(line.text) < min_chars or line.labelled:
        return False
    if line._sentences < 0:
        line._sentences = count_sentences(line.text)
    return line._sentences >= _STORY_MIN_SENTENCES


def is_headline_like(line: Line, max_words: int = 20) -> bool:
    """Short, not a sentence (no final . , ; : or …), starting with a capital or a digit; not
    a table row or a dialogue turn."""
    if (
        line.kind is not LineKind.TEXT
        or line.words > max_words
        or line.dateline
        or line.table_row
        or line.labelled
    ):
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


def _first_word(text: str) -> str:
    return text[:16].split(" ", 1)[0].rstrip(":").lower()
