"""Dates an article mentions, and a publication date guessed from its text (no Qt, no model).

:func:`extract_dates` finds explicit dates ("2 February 2019", "Jan. 25", "December 2018",
"in 1987", "2019-01-21", "21/01/2019"), intervals ("June 4-16", "28 March to 31 May",
"between 2014 and 2018", "the 1990s") and relative dates ("yesterday", "last week",
"on Tuesday", "two days ago", "the previous day") in the title, deck and body, and resolves
them as far as the text and the publication date allow. The rules, in brief:

* A bare number is a year only with a cue: a word before it ("in", "since", "until", "by",
  "from", "of", "during", "early", "mid-", ...), an event noun after it ("the 1987 accord",
  "the 1990 Conventional Forces in Europe Treaty"), or a date list ("in 2014 and 2018").
  Bare years are 1900-2099; counts, units and clock times ("2,000 troops", "2014 hours") are
  not years.
* Months are title case. "May" and "March" alone need a cue ("in May", "since March"); a
  name-like month right after a capitalised word is a name ("Theresa May 2019").
* Numeric dates are day first ("01/02/2019" is 1 February) unless that is impossible
  ("01/21/2019" is 21 January).
* A day and month with no year take the year that puts them closest to the publication date
  ("25 December" in a story of 3 January is last year's); with no publication date, the year
  of the last explicit month-and-year mentioned *earlier* in the article (title, deck, body
  order), taking the first such month on or after it ("In December 2018 ... on 21 January" is
  2019). Either way ``year_inferred`` is set. With neither, the value is ``--MM-DD`` (``--MM``
  for a month) and no dates are given. Bare months ("in May") follow the same rule.
* Relative dates count from the publication date: "yesterday"/"today"/"tomorrow" are days;
  "last/this/next week" are Monday-Sunday weeks, months and years are whole; "earlier/later
  this month" is the publication month; "N days ago" is a day, "N weeks ago" that week.
  "last Tuesday" is the one before publication, "next Tuesday" the one after, a bare
  "Tuesday" the most recent one on or before publication, unless a future marker ("will",
  "is due to", ...) comes before it in the sentence with no "said"-type verb in between
  ("will meet on Tuesday" looks ahead; "will retaliate, Putin said on Tuesday" does not).
  "the previous day"/"the following day" count from the last day mentioned earlier in the
  same field, else from publication. With no publication date a relative date is kept as
  ``UNRESOLVED`` with ``value=None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right

from briefing.domain import DateMention, DatePrecision, ParsedArticle
from briefing.extract.date_scan import DAY, MONTH, RELATIVE, SPAN, YEAR, RawDate, scan
from briefing.extract.tokens import sentence_spans
from briefing.ingest.dates import parse_date_line

FIELDS = ("title", "deck", "body")

_DAY, _MONTH, _YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
_INTERVAL, _UNRESOLVED = DatePrecision.INTERVAL, DatePrecision.UNRESOLVED
_ONE_DAY = dt.timedelta(days=1)
# Days in each month, 29 for February: a yearless "29 February" may still be a date.
_LONGEST_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Future markers, and the reporting verbs that put what follows them back in the past.
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|wo n't|(?<=\w)['’]ll|(?:is|are) (?:due|scheduled|set|expected"
    r"|planning|going) to|(?:is|are) to|plans? to|intends? to)\b"
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|added|reported|confirmed|wrote|declared|stated|warned"
    r"|noted|insisted)\b"
)
# A past-tense clause, for the publication guess: "said on 21 January 2019".
_PAST = re.compile(
    r"\b(?:said|told|took|made|met|gave|held|began|came|went|saw|left|won|lost|struck|fell"
    r"|rose|sent|spoke|wrote|was|were|had|did|[a-z]{3,}ed)\b"
)
_DEADLINE_CUES = frozenset({"until", "till", "by", "before"})
_PUBLISHED_CUE = re.compile(
    r"(?i:published|posted|updated|filed|dated)(?:[ \u00a0]+on)?[ \u00a0]*:?[ \u00a0]*\Z"
)
# "MOSCOW, Jan 21 (Reuters) -", "WASHINGTON, D.C., January 21, 2019 /PRNewswire/ --".
_DATELINE_HEAD = re.compile(
    r"[ \u00a0]*[A-Z][A-Za-z.'’\-]*(?:[ \u00a0]+[A-Za-z][A-Za-z.'’\-]*){0,3}"
    r"(?:,[ \u00a0]*[A-Z][A-Za-z.'’\- ]{1,30})?,[ \u00a0]*"
)
_DATELINE_TAIL = re.compile(
    r",?[ \u00a0]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?[ \u00a0]*(?:[-–—]{1,2}|:)"
)


def extract_dates(article: ParsedArticle, published: dt.date | None = None) -> list[DateMention]:
    """Every date the title, deck and body mention, in reading order.

    ``published`` falls back to ``article.published`` when not given.
    """
    return _extract(article, published if published is not None else article.published)


def infer_publication_date(article: ParsedArticle) -> tuple[dt.date, str] | None:
    """A publication date from the text alone, with a confidence ("high", "medium", "low").

    High: a date line left in the text, a dateline ("MOSCOW, Jan 21, 2019 (Reuters) -"), or
    "published on <date>". Medium: the latest full date (day, month and year) in the first two
    body paragraphs in a past-tense clause ("said on 21 January 2019"). Low: a dateline without
    a year, the year taken from the first month-and-year the article mentions. Never today by
    default and never a future date; None when nothing in the text supports a date.
    """
    today = dt.date.today()
    paragraphs = article.body.split("\n\n")
    for line in (article.deck, paragraphs[0], paragraphs[-1]):
        line = line.strip()
        if line and len(line) <= 80:
            parsed = parse_date_line(line)
            if parsed is not None and parsed.date is not None and parsed.date <= today:
                return parsed.date, "high"

    mentions = _extract(article, None)
    texts = {name: getattr(article, name) for name in FIELDS}

    for mention in mentions:
        text = texts[mention.field]
        if (
            mention.precision is _DAY
            and mention.date_start is not None
            and not mention.year_inferred
            and not mention.relative
            and mention.date_start <= today
            and _PUBLISHED_CUE.search(text, max(0, mention.start - 30), mention.start)
        ):
            return mention.date_start, "high"

    dateline = _dateline(mentions, texts)
    if dateline is not None:
        if dateline.date_start is not None and not dateline.year_inferred:
            if dateline.date_start <= today:
                return dateline.date_start, "high"
        else:
            guessed = _dateline_with_context_year(dateline, mentions)
            if guessed is not None and guessed <= today:
                return guessed, "low"

    limit = len(paragraphs[0]) + (2 + len(paragraphs[1]) if len(paragraphs) > 1 else 0)
    body = article.body
    best: dt.date | None = None
    for mention in mentions:
        if mention.field != "body" or mention.end > limit:
            continue
        date = mention.date_start
        if (
            mention.precision is not _DAY
            or date is None
            or mention.year_inferred
            or mention.relative
            or date > today
            or (best is not None and date <= best)
        ):
            continue
        # Words near the date decide; a window keeps a sentence of megabytes (pasted tables,
        # fuzzed input) from making this quadratic in the number of dates.
        sentence = body[
            max(mention.sentence_start, mention.start - _CONTEXT_CHARS) : min(
                mention.sentence_end, mention.end + _CONTEXT_CHARS
            )
        ]
        before = body[max(mention.sentence_start, mention.start - _CONTEXT_CHARS) : mention.start]
        word = before.rstrip().rsplit(" ", 1)[-1].lower()
        if word in _DEADLINE_CUES or not _PAST.search(sentence) or _looks_ahead(before):
            continue
        best = date
    if best is not None:
        return best, "medium"
    return None


# --- extraction ----------------------------------------------------------------------------


def _extract(article: ParsedArticle, published: dt.date | None) -> list[DateMention]:
    mentions: list[DateMention] = []
    resolver = _Resolver(published)
    for name in FIELDS:
        text: str = getattr(article, name)
        raws = scan(text)
        if not raws:
            continue
        sentences = _Sentences(text)
        resolver.anchor = None  # "the previous day" counts from a day in the same field
        for raw in raws:
            mention = resolver.resolve(raw, name, text, sentences.around(raw.start))
            if mention is not None:
                mentions.append(mention)
    return mentions


class _Sentences:
    """``sentence_spans`` of a field, computed only for the paragraphs that hold a date.

    sentence_spans treats each paragraph on its own, so a paragraph's spans shifted by its
    offset are exactly the field's; a 2,000-character body with dates in three paragraphs
    costs a third of the full split.
    """

    __slots__ = ("_paragraph", "_paragraphs", "_spans", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._paragraphs: list[int] = []  # where each paragraph starts, as str.split cuts
        self._paragraph = (-1, -1)
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []

    def around(self, pos: int) -> tuple[int, int]:
        first, last = self._paragraph
        if not first <= pos < last:
            text = self.text
            paragraphs = self._paragraphs
            if not paragraphs:
                paragraphs.append(0)
                cut = text.find("\n\n")
                while cut >= 0:
                    paragraphs.append(cut + 2)
                    cut = text.find("\n\n", cut + 2)
            index = bisect_right(paragraphs, pos) - 1
            first = paragraphs[index]
            last = paragraphs[index + 1] - 2 if index + 1 < len(paragraphs) else len(text)
            self._paragraph = (first, last)
            self._spans = [(s + first, e + first) for s, e in sentence_spans(text[first:last])]
            self._starts = [s for s, _ in self._spans]
        index = bisect_right(self._starts, pos) - 1
        return self._spans[index] if index >= 0 else (first, last)


class _Resolver:
    """Turns raw mentions into DateMentions, carrying the story's year context along."""

    __slots__ = ("anchor", "context", "published")

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.context: tuple[int, int] | None = None  # (year, month) last said explicitly
        self.anchor: dt.date | None = None  # the last day mentioned in the current field

    def resolve(
        self, raw: RawDate, field: str, text: str, sentence: tuple[int, int]
    ) -> DateMention | None:
        kind = raw.kind
        if kind == RELATIVE:
            return self._relative(raw, field, text, sentence)
        if kind == YEAR:
            year = raw.first[0]
            assert year is not None
            return _mention(
                raw, field, text, sentence, _YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31),
                str(year),
            )  # fmt: skip
        if kind == SPAN:
            return self._span(raw, field, text, sentence)
        year, month, day = raw.first
        assert month is not None
        if day is not None and day > _LONGEST_MONTH[month]:
            return None  # "31 April" is no date
        inferred = year is None
        if year is not None:
            self.context = (year, month)
        else:
            year = self._year_for(month, day)
        if kind == MONTH:
            if year is None:
                return _mention(raw, field, text, sentence, _MONTH, None, None, f"--{month:02}")
            return _mention(
                raw, field, text, sentence, _MONTH, dt.date(year, month, 1),
                _month_end(year, month), f"{year}-{month:02}", year_inferred=inferred,
            )  # fmt: skip
        assert kind == DAY and day is not None
        date = _date(year, month, day)
        if date is None:
            if not inferred:
                return None  # 29 February 2019
            return _mention(raw, field, text, sentence, _DAY, None, None, f"--{month:02}-{day:02}")
        self.anchor = date
        return _mention(
            raw, field, text, sentence, _DAY, date, date, date.isoformat(), year_inferred=inferred
        )

    def _year_for(self, month: int, day: int | None) -> int | None:
        """The year a yearless day or month most likely has (see the module docstring)."""
        published = self.published
        if published is not None:
            best, best_gap = None, None
            for year in (published.year - 1, published.year, published.year + 1):
                if day is None:
                    gap = abs((year - published.year) * 12 + month - published.month)
                else:
                    date = _date(year, month, day)
                    if date is None:
                        continue  # 29 February in a common year
                    gap = abs((date - published).days)
                if best_gap is None or gap < best_gap:  # ties go to the past
                    best, best_gap = year, gap
            return best
        if self.context is not None:
            year, context_month = self.context
            return year if month >= context_month else year + 1
        return None

    def _span(
        self, raw: RawDate, field: str, text: str, sentence: tuple[int, int]
    ) -> DateMention | None:
        assert raw.last is not None
        (y1, m1, d1), (y2, m2, d2) = raw.first, raw.last
        if m1 is None or m2 is None:  # years: "2014-2018", "the 1990s"
            assert y1 is not None and y2 is not None
            return _mention(
                raw, field, text, sentence, _INTERVAL, dt.date(y1, 1, 1), dt.date(y2, 12, 31),
                f"{y1}/{y2}",
            )  # fmt: skip
        if (d1 is not None and d1 > _LONGEST_MONTH[m1]) or (
            d2 is not None and d2 > _LONGEST_MONTH[m2]
        ):
            return None
        wraps = (m1, d1 or 1) > (m2, d2 or 1)  # "28 December to 3 January"
        inferred = False
        if y1 is None and y2 is not None:
            y1 = y2 - 1 if wraps else y2
        elif y2 is None and y1 is not None:
            y2 = y1 + 1 if wraps else y1
        elif y1 is None:
            y1 = self._year_for(m1, d1)
            inferred = True
            if y1 is not None:
                y2 = y1 + 1 if wraps else y1
        if y1 is None or y2 is None:
            value = (
                f"--{m1:02}-{d1:02}/--{m2:02}-{d2:02}"
                if d1 is not None and d2 is not None
                else f"--{m1:02}/--{m2:02}"
            )
            return _mention(raw, field, text, sentence, _INTERVAL, None, None, value)
        if not inferred:
            self.context = (y2, m2)
        if d1 is None or d2 is None:
            start, end = dt.date(y1, m1, 1), _month_end(y2, m2)
            value = f"{y1}-{m1:02}/{y2}-{m2:02}"
        else:
            first, last = _date(y1, m1, d1), _date(y2, m2, d2)
            if first is None or last is None:
                return None
            start, end = first, last
            value = f"{start.isoformat()}/{end.isoformat()}"
        if end < start:
            return None
        return _mention(
            raw, field, text, sentence, _INTERVAL, start, end, value, year_inferred=inferred
        )

    def _relative(
        self, raw: RawDate, field: str, text: str, sentence: tuple[int, int]
    ) -> DateMention:
        assert raw.rel is not None
        unit, amount, mode = raw.rel
        base = (self.anchor or self.published) if unit == "anchor" else self.published
        if base is None:
            return _mention(
                raw, field, text, sentence, _UNRESOLVED, None, None, None, relative=True
            )
        if unit in ("day", "anchor"):
            date = base + dt.timedelta(days=amount)
        elif unit == "weekday":
            weekday, today = amount, base.weekday()
            if mode == "last":
                days = -((today - weekday) % 7 or 7)
            elif mode == "next":
                days = (weekday - today) % 7 or 7
            elif _looks_ahead(text[max(sentence[0], raw.start - _CONTEXT_CHARS) : raw.start]):
                days = (weekday - today) % 7
            else:
                days = -((today - weekday) % 7)
            date = base + dt.timedelta(days=days)
        elif unit == "monthname":  # "last May", "next March", "this June"
            year = base.year
            if mode == "last" and amount >= base.month:
                year -= 1
            elif mode == "next" and amount <= base.month:
                year += 1
            return _month_mention(raw, field, text, sentence, year, amount)
        elif unit in ("week", "weekend"):
            monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=amount)
            if unit == "weekend":
                saturday = monday + 5 * _ONE_DAY
                return _interval(raw, field, text, sentence, saturday, saturday + _ONE_DAY)
            return _interval(raw, field, text, sentence, monday, monday + 6 * _ONE_DAY)
        elif unit == "month":
            year, month = _shift_month(base.year, base.month, amount)
            return _month_mention(raw, field, text, sentence, year, month)
        elif unit == "year":
            return _year_mention(raw, field, text, sentence, base.year + amount)
        elif mode == "day":  # "two days ago"
            date = base - dt.timedelta(days=amount)
        elif mode == "week":
            day = base - dt.timedelta(weeks=amount)
            monday = day - dt.timedelta(days=day.weekday())
            return _interval(raw, field, text, sentence, monday, monday + 6 * _ONE_DAY)
        elif mode == "month":
            year, month = _shift_month(base.year, base.month, -amount)
            return _month_mention(raw, field, text, sentence, year, month)
        else:
            return _year_mention(raw, field, text, sentence, base.year - amount)
        self.anchor = date
        return _mention(
            raw, field, text, sentence, _DAY, date, date, date.isoformat(), relative=True
        )


# How far around a date its sentence is read for tense and future markers: far more than a
# real sentence, and a bound on the work per date when a "sentence" runs for megabytes.
_CONTEXT_CHARS = 600


def _looks_ahead(before: str) -> bool:
    """A future marker before the date in its sentence, not followed by a reporting verb."""
    last = -1
    for match in _FUTURE.finditer(before):
        last = match.end()
    return last >= 0 and _REPORTED.search(before, last) is None


def _mention(
    raw: RawDate,
    field: str,
    text: str,
    sentence: tuple[int, int],
    precision: DatePrecision,
    start: dt.date | None,
    end: dt.date | None,
    value: str | None,
    *,
    year_inferred: bool = False,
    relative: bool = False,
) -> DateMention:
    return DateMention(
        field, raw.start, raw.end, text[raw.start : raw.end], precision, start, end, value,
        year_inferred, relative, sentence[0], sentence[1],
    )  # fmt: skip


def _interval(
    raw: RawDate, field: str, text: str, sentence: tuple[int, int], start: dt.date, end: dt.date
) -> DateMention:
    return _mention(
        raw, field, text, sentence, _INTERVAL, start, end,
        f"{start.isoformat()}/{end.isoformat()}", relative=True,
    )  # fmt: skip


def _month_mention(
    raw: RawDate, field: str, text: str, sentence: tuple[int, int], year: int, month: int
) -> DateMention:
    return _mention(
        raw, field, text, sentence, _MONTH, dt.date(year, month, 1), _month_end(year, month),
        f"{year}-{month:02}", relative=True,
    )  # fmt: skip


def _year_mention(
    raw: RawDate, field: str, text: str, sentence: tuple[int, int], year: int
) -> DateMention:
    return _mention(
        raw, field, text, sentence, _YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31),
        str(year), relative=True,
    )  # fmt: skip


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


# --- publication date helpers ------------------------------------------------------------


def _dateline(mentions: list[DateMention], texts: dict[str, str]) -> DateMention | None:
    """A day at the head of the deck or body, between a place and an agency or a dash."""
    for field in ("deck", "body"):
        text = texts[field]
        for mention in mentions:
            if mention.field != field:
                continue
            if (
                mention.start <= 60
                and mention.precision is _DAY
                and not mention.relative
                and _DATELINE_HEAD.fullmatch(text, 0, mention.start)
                and _DATELINE_TAIL.match(text, mention.end)
            ):
                return mention
            break  # only the field's first date can be its dateline
    return None


def _dateline_with_context_year(
    dateline: DateMention, mentions: list[DateMention]
) -> dt.date | None:
    value = dateline.value or ""
    if not value.startswith("--"):
        return None
    month, day = int(value[2:4]), int(value[5:7])
    for mention in mentions:
        if (
            mention is dateline
            or mention.relative
            or mention.year_inferred
            or mention.date_start is None
            or mention.precision not in (_DAY, _MONTH)
        ):
            continue
        context = mention.date_start
        year = context.year if month >= context.month else context.year + 1
        return _date(year, month, day)
    return None
