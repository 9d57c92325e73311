"""Finding date expressions in one field's text, before any year is filled in.

The scan reports *what the text says* — a day and month, a month and year, a bare year a cue
word vouches for, an interval, a relative expression — with offsets. Filling in missing years
from the publication date or the story's context, and counting relative dates, happens in
:mod:`briefing.extract.dates`.

Speed: the text is never run through one big alternation position by position (Python's ``re``
tries every alternative at every character, which costs ~10x more). Instead one cheap scan
finds the places a date can start — digit runs, capitalised month and weekday names and
capitalised relative words, each alternative beginning with a literal the regex engine can
skip to — and the full pattern is matched anchored at those few places. Lowercase relative
words are found with ``str.find``, and the rare phrases ("ago", "the previous day") only run
their regex when a plain substring test says they can match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.dates import _MONTHS as MONTHS

# Kinds of raw mention.
DAY, MONTH, YEAR, SPAN, RELATIVE = "day", "month", "year", "span", "relative"

# A partial calendar point: (year, month, day), any of them None when the text did not say.
Point = tuple[int | None, int | None, int | None]


@dataclass(slots=True)
class RawDate:
    start: int
    end: int
    kind: str
    first: Point = (None, None, None)
    last: Point | None = None  # SPAN only: the interval's end point
    # RELATIVE only: (unit, amount, ""), ("weekday", weekday, mode), ("monthname", month, mode)
    # with mode "last"/"next"/"this"/"bare", ("ago", n, unit), ("anchor", days, "") for
    # "the previous day"
    rel: tuple[str, int, str] | None = None


# --- pattern pieces ---------------------------------------------------------------------------
# Spaces never cross a line or paragraph break: a date does not run over "\n\n".
_S = r"[ \u00a0]+"
_DASH = r"[ \u00a0]*[-–—][ \u00a0]*"
# Interval connectors. "and" only joins an interval after "between"; the handlers check that
# and fall back to the single date, so "on 21 January and 25 January" stays two days.
_TO = rf"(?:{_DASH}|{_S}(?:to|until|till|through|and){_S})"
_NOT_WORD_AFTER = r"(?![0-9A-Za-z])"

_MONTH_FORMS = (
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May", ""),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
)  # fmt: skip


def _month_alternatives(upper: bool) -> str:
    parts: list[str] = []
    for full, *abbreviations in _MONTH_FORMS:
        parts.append(full.upper() if upper else full)
        parts.extend(rf"{(abbr.upper() if upper else abbr)}\.?" for abbr in abbreviations if abbr)
    return "|".join(parts)


# Months are title case (or shouted, in date lines): "march" and "may" are never months.
_MONTH_ANY = f"{_month_alternatives(False)}|{_month_alternatives(True)}"
_FULL_MONTH = "|".join(forms[0] for forms in _MONTH_FORMS)
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_SHORT = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"


def _mon(tag: str) -> str:
    return rf"(?P<{tag}>{_MONTH_ANY})(?![A-Za-z])"


def _day(tag: str) -> str:
    return rf"(?P<{tag}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{_NOT_WORD_AFTER}"


def _year(tag: str) -> str:
    # Next to a month any 4-digit year from 1000 reads as a year ("18 June 1815"); "5,500"
    # and "2019km" do not match.
    return rf"(?P<{tag}>1[0-9]{{3}}|20[0-9]{{2}})(?![0-9A-Za-z]|[.,][0-9])"


def _opt_year(tag: str) -> str:
    return rf"(?:,?{_S}{_year(tag)})?"


def _weekday_prefix(tag: str) -> str:
    # "Tuesday, 21 January", "Tue 21 Jan 2019": the weekday is part of the date, not a second one.
    return rf"(?:(?P<{tag}>{_WEEKDAY}|{_WEEKDAY_SHORT}),?{_S}(?:the{_S})?)?"


_BARE_YEAR = r"(?:19|20)[0-9]{2}"
_OF = rf"(?:of{_S})?"

# Forms that must win over the intervals that could start the same way ("2019-01-21" is not
# the year interval "2019-01").
_NUMERIC = (
    (
        "iso",
        rf"(?P<iso_y>{_BARE_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01])"
        r"(?![0-9])",
    ),
    (
        "ymd",
        rf"(?P<ymd_y>{_BARE_YEAR})/(?P<ymd_m>0?[1-9]|1[0-2])/(?P<ymd_d>0?[1-9]|[12][0-9]|3[01])"
        r"(?![0-9/])",
    ),
    (
        "num",
        rf"(?P<num_a>[0-9]{{1,2}})(?P<num_s>[/.\-])(?P<num_b>[0-9]{{1,2}})(?P=num_s)"
        rf"(?P<num_y>{_BARE_YEAR})(?![0-9])",
    ),
)
_SPANS = (
    (
        "yspan",  # "2014-2018", "2014-18", "from 2014 to 2018", "between 2014 and 2018"
        rf"(?P<ys_a>{_BARE_YEAR})(?:(?P<ys_c>{_TO})(?P<ys_b>{_BARE_YEAR})|{_DASH}(?P<ys_s>[0-9]{{2}}))"
        r"(?![0-9A-Za-z\-]|[.,][0-9])",
    ),
    (
        "ddm",  # "4-16 June", "between 4 and 16 June 2019"
        rf"{_day('ddm_d1')}(?P<ddm_c>{_TO}){_day('ddm_d2')}{_S}{_OF}{_mon('ddm_m')}"
        rf"{_opt_year('ddm_y')}",
    ),
    (
        "dms",  # "28 March to 31 May", "28 March 2018 - 31 May 2019"
        rf"{_day('dms_d1')}{_S}{_OF}{_mon('dms_m1')}{_opt_year('dms_y1')}(?P<dms_c>{_TO})"
        rf"{_day('dms_d2')}{_S}{_OF}{_mon('dms_m2')}{_opt_year('dms_y2')}",
    ),
    (
        "mds",  # "March 28 to May 31, 2019"
        rf"{_mon('mds_m1')}{_S}{_day('mds_d1')}{_opt_year('mds_y1')}(?P<mds_c>{_TO})"
        rf"{_mon('mds_m2')}{_S}{_day('mds_d2')}(?![.,][0-9]){_opt_year('mds_y2')}",
    ),
    (
        "mdd",  # "June 4-16", "June 4 to 16, 2019"
        rf"{_mon('mdd_m')}{_S}{_day('mdd_d1')}(?P<mdd_c>{_TO}){_day('mdd_d2')}(?![.,][0-9])"
        rf"{_opt_year('mdd_y')}",
    ),
    (
        "mms",  # "March-May 2019", "from December 2018 to March 2019"
        rf"{_mon('mms_m1')}{_opt_year('mms_y1')}(?P<mms_c>{_TO}){_mon('mms_m2')}"
        rf"{_opt_year('mms_y2')}",
    ),
)
_SINGLES = (
    ("dec", rf"(?P<dec_y>(?:19|20)[0-9]0)['’]?s{_NOT_WORD_AFTER}"),  # "the 1990s"
    (
        "dmy",  # "2 February 2019", "25 January", "Tuesday, 21st of January"
        rf"{_weekday_prefix('dmy_w')}{_day('dmy_d')}{_S}{_OF}{_mon('dmy_m')}{_opt_year('dmy_y')}",
    ),
    (
        "mdy",  # "January 25, 2019", "Jan. 25"; not "May 5,000"
        rf"{_weekday_prefix('mdy_w')}{_mon('mdy_m')}{_S}{_day('mdy_d')}(?![.,][0-9])"
        rf"{_opt_year('mdy_y')}",
    ),
    ("my", rf"{_mon('my_m')},?{_S}{_OF}{_year('my_y')}"),  # "December 2018", "Dec. 2018"
    ("bm", rf"(?P<bm_m>{_FULL_MONTH}){_NOT_WORD_AFTER}"),  # "in May": checked for a cue
    ("wd", rf"(?P<wd_w>{_WEEKDAY}){_NOT_WORD_AFTER}"),
    ("yr", rf"(?P<yr_y>{_BARE_YEAR})(?![0-9A-Za-z]|[.,][0-9])"),  # checked for a cue
)


def _alternation(forms: tuple[tuple[str, str], ...]) -> str:
    return "|".join(f"(?P<{name}>{pattern})" for name, pattern in forms)


_MASTER = re.compile(_alternation(_NUMERIC + _SPANS + _SINGLES))
_SINGLE = re.compile(_alternation(_NUMERIC + _SINGLES))  # when an interval is turned down
_SPAN_NAMES = frozenset(name for name, _ in _SPANS)

# Where a date can start: a digit run, a capitalised month or weekday name, or a capitalised
# relative word. Every alternative begins with a literal, so the regex engine jumps from one
# candidate character to the next instead of trying the alternation at every position; one
# pass over the text costs about what a plain "[0-9]+" scan does.
_CAPITALISED_RELATIVE = ("Last ", "Next ", "This ", "Yesterday", "Today", "Tomorrow", "Tonight")
_TRIGGER = re.compile(
    "|".join(f"{digit}[0-9]*" for digit in "0123456789")
    + "|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP"
    "|OCT|NOV|DEC|Mon|Tue|Wed|Thu|Fri|Sat|Sun|" + "|".join(_CAPITALISED_RELATIVE)
)

# --- context checks ---------------------------------------------------------------------------
# Words before a bare year or month that make it one: "in 1987", "since 2014", "by May".
_TIME_CUES = frozenset(
    {
        "in", "since", "until", "till", "by", "from", "of", "during", "before", "after",
        "through", "throughout", "early", "late", "mid", "circa", "between", "spring", "summer",
        "autumn", "fall", "winter", "year", "end", "start", "fiscal", "last", "next", "this",
    }
)  # fmt: skip
_HYPHEN_CUES = frozenset({"mid", "end", "early", "late"})
_RELATIVE_MODIFIERS = frozenset({"last", "next", "this"})
# "some 2000 attacks" is a count, whatever the noun after it.
_QUANTITY_WORDS = frozenset(
    {"some", "about", "around", "nearly", "almost", "over", "than", "least", "most", "roughly",
     "approximately", "estimated", "only", "just", "to", "up"}
)  # fmt: skip
# A year with an event noun after it, possibly through a capitalised name:
# "the landmark 1987 accord", "the 1990 Conventional Forces in Europe (CFE) Treaty".
_YEAR_NOUN = re.compile(
    r"(?:[ \u00a0]+(?:[A-Z][\w'’.\-]*|\([A-Z][A-Za-z]{1,9}\)|of|in|on|and|for|the)){0,7}"
    r"[ \u00a0]+(?i:treat(?:y|ies)|accords?|agreements?|deal|pact|conventions?|protocol|charter"
    r"|declaration|memorandum|resolution|law|act|elections?|vote|referendum|war|conflict"
    r"|invasion|annexation|occupation|offensive|campaign|operation|attacks?|bombings?|coup"
    r"|revolution|uprising|protests|crisis|summit|conference|talks|visit|games|olympics"
    r"|world[ ]cup|budget|report|review|census|strategy|doctrine|exercises?|drills|tests?"
    r"|ceasefire|truce|massacre|earthquake|tsunami|floods?|sanctions|deadline|levels|figures"
    r"|season|edition|plan|agenda|cycle)(?![A-Za-z])"
)
# A count or a clock time, not a year: "by 2014 hours", "of 1990 troops".
_NOT_YEAR_AFTER = re.compile(
    r"[ \u00a0]*(?:%|(?i:hours?|hrs|h|gmt|utc|z|local[ ]time|km|kilomet\w*|kms|metres?|meters?|m|mm"
    r"|miles?|nautical|nm|tonnes?|tons?|kg|per[ ]?cent|percent|troops|soldiers|people|men"
    r"|members|times|units|cases|casualties|dead|killed|civilians|refugees|votes|jobs|rounds"
    r"|missiles|drones|aircraft|tanks|vehicles|feet|ft|bn|million|billion|dollars|euros"
    r"|pounds|rubles|roubles)(?![A-Za-z]))"
)
# What may stand between two dates in a list: "in 2014 and 2018", "in April or May".
_LIST_JOINER = re.compile(r"[ \u00a0]*(?:,|,?[ \u00a0]+(?:and|or|to|until|through))[ \u00a0]*")
# Holidays and newspapers, not weekdays.
_WEEKDAY_NAMES_BEFORE = frozenset(
    {"Good", "Black", "Super", "Bloody", "Ash", "Palm", "Easter", "Holy", "Maundy", "Cyber",
     "Shrove", "Fat", "Giving"}
)  # fmt: skip
_NEWSPAPER_AFTER = re.compile(
    r"[ \u00a0]+(?:Times|Telegraph|Express|Mirror|Herald|Post|Independent|Observer|Mail|People"
    r"|Tribune|World|Star|Sport|Business|Island)\b"
)
_CAPITALISED_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
# Months that are also given names ("Theresa May", "April Ryan"): a capitalised word right
# before them, with no cue, makes them a name.
_NAME_MONTHS = frozenset({"May", "April", "June", "August", "MAY"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "that"})
_WEEKDAY_NUMBERS = {
    name: index
    for index, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

# --- relative phrases -------------------------------------------------------------------------
# Lowercase here; the capitalised forms are found by _TRIGGER.
_SIMPLE_WORDS = (("yesterday", -1), ("today", 0), ("tomorrow", 1), ("tonight", 0))
_SIMPLE_DAYS = dict(_SIMPLE_WORDS) | {word.capitalize(): days for word, days in _SIMPLE_WORDS}
_DIRECTION_WORDS = (("last ", -1), ("this ", 0), ("next ", 1))
_DIRECTION_STEPS = dict(_DIRECTION_WORDS) | {
    word.capitalize(): step for word, step in _DIRECTION_WORDS
}
_REL_UNIT = re.compile(
    r"[ \u00a0]*(weekend|week|month|year|night|morning|afternoon|evening)(?![A-Za-z])"
)
_AGO = re.compile(
    r"(?<![A-Za-z0-9])(?P<n>[0-9]{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine"
    rf"|ten|eleven|twelve)){_S}(?P<unit>day|week|month|year)s?{_S}ago(?![A-Za-z])"
)
_ANCHORED = re.compile(
    rf"(?<![A-Za-z])[Tt]he{_S}(?:(?P<prev>previous|preceding)|(?P<next>following|next)){_S}day"
    rf"(?![A-Za-z])|(?<![A-Za-z])[Tt]he{_S}day{_S}(?:(?P<before>before)|(?P<after>after))"
    rf"(?:{_S}(?P<pub>yesterday|tomorrow)(?![A-Za-z])|(?=[ \u00a0]*(?:[.,;:!?)\"”’]|$)))"
)
_ANCHORED_HINTS = ("previous day", "preceding day", "following day", "next day", "day before",
                   "day after")  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _word_before(text: str, pos: int) -> tuple[str, int]:
    """The word right before ``pos`` across spaces (or a hyphen: "mid-2019"), and where it
    starts; the word is "" when punctuation or a digit comes first."""
    i = pos
    if i and text[i - 1] == "-":
        i -= 1
    while i and text[i - 1] in " \u00a0":
        i -= 1
    j = i
    while j and text[j - 1].isalpha():
        j -= 1
    return text[j:i], j


def _extend_over_cue(text: str, raw: RawDate, words: frozenset[str]) -> None:
    word, start = _word_before(text, raw.start)
    if word.lower() in words:
        raw.start = start


_INTERVAL_OPENERS = frozenset({"between", "from"})


def scan(text: str) -> list[RawDate]:
    """Every date expression in ``text``, in order, without overlaps."""
    found: list[RawDate] = []
    if not text:
        return found
    covered = 0  # end of the last date found: triggers inside it are skipped
    for trigger in _TRIGGER.finditer(text):
        pos = trigger.start()
        if pos < covered:
            continue
        before = text[pos - 1] if pos else " "
        if before.isalnum() or before in "_$£€#":
            continue  # "9M729", "DeMarco", "$2019"
        first = text[pos]
        if first.isdigit():
            # "1,000", "10:32", "3.5", "24/7": the second half of a number is no date.
            if before in ",.:/" and pos > 1 and text[pos - 2].isdigit():
                continue
            # "F-16 June" is an aircraft; "mid-2019" is a year.
            if (
                before == "-"
                and pos > 1
                and text[pos - 2].isalnum()
                and _word_before(text, pos)[0].lower() not in _HYPHEN_CUES
            ):
                continue
        elif trigger.end() - pos > 3:  # a capitalised relative word
            _capitalised_relative(text, trigger.group(), pos, found)
            continue
        raw = _match_at(text, pos, found)
        if raw is not None:
            found.append(raw)
            covered = raw.end
    _scan_relative(text, found)
    if len(found) > 1:
        found.sort(key=lambda r: (r.start, -r.end))
        kept: list[RawDate] = []
        for raw in found:
            if not kept or raw.start >= kept[-1].end:
                kept.append(raw)
        found = kept
    return found


def _match_at(text: str, pos: int, found: list[RawDate]) -> RawDate | None:
    match = _MASTER.match(text, pos)
    if match is None:
        return None
    name = match.lastgroup
    if name in _SPAN_NAMES:
        raw = _span(text, match, name)
        if raw is not None:
            _extend_over_cue(text, raw, _INTERVAL_OPENERS)
            return raw
        match = _SINGLE.match(text, pos)  # the interval was turned down: try the first date
        if match is None:
            return None
        name = match.lastgroup
    return _single(text, match, name, found)


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


def _joined_with_and(text: str, match: re.Match[str], connector: str) -> bool:
    """An "and" connector is an interval only after "between"."""
    if match.group(connector).strip() != "and":
        return True
    return _word_before(text, match.start())[0].lower() == "between"


def _span(text: str, match: re.Match[str], name: str) -> RawDate | None:
    g = match.group
    start, end = match.start(), match.end()
    if name == "yspan":
        first = int(g("ys_a"))
        if g("ys_s") is not None:
            last = first // 100 * 100 + int(g("ys_s"))  # "2014-18"
        else:
            last = int(g("ys_b"))
            connector = g("ys_c").strip()
            opener = _word_before(text, start)[0].lower()
            if connector == "and" and opener != "between":
                return None
            if connector not in "-–—" and opener not in _INTERVAL_OPENERS:
                return None  # "2014 to 2018" alone may be two counts
        if last <= first or last - first > 100 or _NOT_YEAR_AFTER.match(text, end):
            return None
        return RawDate(start, end, SPAN, (first, None, None), (last, None, None))
    if name == "ddm":
        if not _joined_with_and(text, match, "ddm_c"):
            return None
        month, year = _month(g("ddm_m")), _int(g("ddm_y"))
        return RawDate(
            start, end, SPAN, (year, month, int(g("ddm_d1"))), (year, month, int(g("ddm_d2")))
        )
    if name == "dms":
        if not _joined_with_and(text, match, "dms_c"):
            return None
        return RawDate(
            start,
            end,
            SPAN,
            (_int(g("dms_y1")), _month(g("dms_m1")), int(g("dms_d1"))),
            (_int(g("dms_y2")), _month(g("dms_m2")), int(g("dms_d2"))),
        )
    if name == "mds":
        if not _joined_with_and(text, match, "mds_c") or _is_name(text, start, g("mds_m1")):
            return None
        return RawDate(
            start,
            end,
            SPAN,
            (_int(g("mds_y1")), _month(g("mds_m1")), int(g("mds_d1"))),
            (_int(g("mds_y2")), _month(g("mds_m2")), int(g("mds_d2"))),
        )
    if name == "mdd":
        if not _joined_with_and(text, match, "mdd_c") or _is_name(text, start, g("mdd_m")):
            return None
        month, year = _month(g("mdd_m")), _int(g("mdd_y"))
        return RawDate(
            start, end, SPAN, (year, month, int(g("mdd_d1"))), (year, month, int(g("mdd_d2")))
        )
    # mms: "March-May 2019"; without a year it needs "from"/"between"/"in" before it, because
    # "March to May" alone is as often a verb and a name as a season.
    if not _joined_with_and(text, match, "mms_c") or _is_name(text, start, g("mms_m1")):
        return None
    first_year, last_year = _int(g("mms_y1")), _int(g("mms_y2"))
    opener = _word_before(text, start)[0].lower()
    if last_year is None and opener not in _INTERVAL_OPENERS and opener not in _TIME_CUES:
        return None
    return RawDate(
        start,
        end,
        SPAN,
        (first_year, _month(g("mms_m1")), None),
        (last_year, _month(g("mms_m2")), None),
    )


def _is_name(text: str, start: int, month: str) -> bool:
    """ "Theresa May 2019", "Prime Minister May 21": a name-like month right after a capitalised
    word that is no cue ("In May 2019" is a date)."""
    if month not in _NAME_MONTHS or not start or text[start - 1] not in " \u00a0":
        return False
    word, _ = _word_before(text, start)
    return bool(word) and word[0].isupper() and word.lower() not in _TIME_CUES


def _follows_date(text: str, pos: int, found: list[RawDate]) -> bool:
    """True for the second date of a list: "in 2014 and 2018", "in April or May"."""
    if not found:
        return False
    previous = found[-1]
    if previous.kind == RELATIVE or previous.end > pos:
        return False
    joiner = _LIST_JOINER.fullmatch(text, previous.end, pos)
    return joiner is not None


def _single(
    text: str, match: re.Match[str], name: str | None, found: list[RawDate]
) -> RawDate | None:
    g = match.group
    start, end = match.start(), match.end()
    if name == "iso":
        return RawDate(start, end, DAY, (int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))))
    if name == "ymd":
        return RawDate(start, end, DAY, (int(g("ymd_y")), int(g("ymd_m")), int(g("ymd_d"))))
    if name == "num":
        first, second = int(g("num_a")), int(g("num_b"))
        # Day first (the house style of most of the sources), unless that is impossible:
        # "01/21/2019" can only be 21 January.
        day, month = (second, first) if second > 12 >= first else (first, second)
        if not 1 <= month <= 12:
            return None  # "32/13/2019"
        return RawDate(start, end, DAY, (int(g("num_y")), month, day))
    if name == "dec":
        decade = int(g("dec_y"))
        return RawDate(start, end, SPAN, (decade, None, None), (decade + 9, None, None))
    if name == "dmy":
        return RawDate(start, end, DAY, (_int(g("dmy_y")), _month(g("dmy_m")), int(g("dmy_d"))))
    if name == "mdy":
        if g("mdy_w") is None and _is_name(text, start, g("mdy_m")):
            return None
        return RawDate(start, end, DAY, (_int(g("mdy_y")), _month(g("mdy_m")), int(g("mdy_d"))))
    if name == "my":
        if _is_name(text, start, g("my_m")):
            return None
        return RawDate(start, end, MONTH, (int(g("my_y")), _month(g("my_m")), None))
    if name == "bm":
        return _bare_month(text, start, end, g("bm_m"), found)
    if name == "wd":
        return _weekday(text, start, end, g("wd_w"))
    return _bare_year(text, start, end, found)


def _bare_month(text: str, start: int, end: int, name: str, found: list[RawDate]) -> RawDate | None:
    if name == "May" and (
        text.startswith(("'s", "’s", " Day"), end)  # Theresa May's, May Day
    ):
        return None
    word, word_start = _word_before(text, start)
    cue = word.lower()
    month = _month(name)
    if cue in _RELATIVE_MODIFIERS:
        return RawDate(word_start, end, RELATIVE, rel=("monthname", month, cue))
    if cue in _TIME_CUES or _follows_date(text, start, found):
        return RawDate(start, end, MONTH, (None, month, None))
    if name in ("May", "March"):
        return None  # the verbs and Theresa May need a cue
    if word and word[0].isupper() and cue not in _DETERMINERS:
        return None  # "Sister June"
    if _CAPITALISED_AFTER.match(text, end):
        return None  # "April Glaspie"
    return RawDate(start, end, MONTH, (None, month, None))


def _weekday(text: str, start: int, end: int, name: str) -> RawDate | None:
    word, word_start = _word_before(text, start)
    if word in _WEEKDAY_NAMES_BEFORE:
        return None
    if name == "Sunday" and (
        _NEWSPAPER_AFTER.match(text, end) or text[max(0, start - 8) : start] == "Mail on "
    ):
        return None
    weekday = _WEEKDAY_NUMBERS[name.lower()]
    cue = word.lower()
    if cue in _RELATIVE_MODIFIERS:
        return RawDate(word_start, end, RELATIVE, rel=("weekday", weekday, cue))
    return RawDate(start, end, RELATIVE, rel=("weekday", weekday, "bare"))


def _capitalised_relative(text: str, word: str, start: int, found: list[RawDate]) -> None:
    step = _DIRECTION_STEPS.get(word)
    if step is not None:  # "Last week", "This year"
        match = _REL_UNIT.match(text, start + len(word))
        if match is not None:
            _relative_unit(text, start, match, step, found)
        return
    end = start + len(word)
    if not text[end : end + 1].isalpha():
        _add_simple(text, start, end, _SIMPLE_DAYS[word], found)


def _add_simple(text: str, start: int, end: int, days: int, found: list[RawDate]) -> None:
    before, _ = _word_before(text, start)
    # "the warfare of tomorrow"; "USA Today", "Russia Today" are names.
    if before != "of" and not (
        text[start].isupper() and before[:1].isupper() and text[start - 1] == " "
    ):
        found.append(RawDate(start, end, RELATIVE, rel=("day", days, "")))


def _find_simple(text: str, word: str, days: int, found: list[RawDate]) -> None:
    find = text.find
    start = find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and text[start - 1].isalpha()) and not text[end : end + 1].isalpha():
            _add_simple(text, start, end, days, found)
        start = find(word, end)


def _relative_unit(
    text: str, start: int, match: re.Match[str], step: int, found: list[RawDate]
) -> None:
    """ "last week", "this month", "earlier this year", "last night" (``start`` is the
    direction word's)."""
    unit, end = match.group(1), match.end()
    before, before_start = _word_before(text, start)
    cue = before.lower()
    if step == 0 and cue in ("earlier", "later"):
        start = before_start  # "earlier this month" is this month
    elif cue == "the":
        return  # "the last year" is the past twelve months, "the next day" is anchored
    if unit in ("night", "morning", "afternoon", "evening"):
        if unit != "night" and step:
            return  # "next morning" is anchored to the story, not to publication
        found.append(RawDate(start, end, RELATIVE, rel=("day", -1 if step < 0 else 0, "")))
        return
    found.append(RawDate(start, end, RELATIVE, rel=(unit, step, "")))


def _bare_year(text: str, start: int, end: int, found: list[RawDate]) -> RawDate | None:
    if _NOT_YEAR_AFTER.match(text, end):
        return None
    year = int(text[start:end])
    word, _ = _word_before(text, start)
    cue = word.lower()
    if (
        cue in _TIME_CUES
        or _follows_date(text, start, found)
        or (cue not in _QUANTITY_WORDS and _YEAR_NOUN.match(text, end))
    ):
        return RawDate(start, end, YEAR, (year, None, None))
    return None


def _scan_relative(text: str, found: list[RawDate]) -> None:
    # str.find over a handful of literal words is several times faster than one regex
    # alternation here: the words start with common letters ("t", "l", "n"), so the regex
    # engine could skip nothing.
    find = text.find
    for word, days in _SIMPLE_WORDS:
        if word in text:
            _find_simple(text, word, days, found)
    for lead, step in _DIRECTION_WORDS:
        start = find(lead)
        while start >= 0:
            after = start + len(lead)
            match = _REL_UNIT.match(text, after)
            if match is not None and not (start and text[start - 1].isalpha()):
                _relative_unit(text, start, match, step, found)
            start = find(lead, after)
    if " ago" in text:
        for match in _AGO.finditer(text):
            number = match.group("n")
            n = int(number) if number[0].isdigit() else _NUMBER_WORDS[number.lower()]
            found.append(
                RawDate(match.start(), match.end(), RELATIVE, rel=("ago", n, match.group("unit")))
            )
    if " day" in text and any(hint in text for hint in _ANCHORED_HINTS):
        for match in _ANCHORED.finditer(text):
            if match.group("pub") is not None:  # the day before yesterday
                days = -2 if match.group("pub") == "yesterday" else 2
                found.append(RawDate(match.start(), match.end(), RELATIVE, rel=("day", days, "")))
                continue
            days = -1 if match.group("prev") or match.group("before") else 1
            found.append(RawDate(match.start(), match.end(), RELATIVE, rel=("anchor", days, "")))
