"""Date lines under a headline ("21 January 2019", "Published: 2019-01-21",
"Jan. 21, 2019 10:32 GMT", "Updated 21/01/2019", "Feb 3, 2025 · 4 min read").

Only unambiguous dates are read: "01/02/2019" is January in Washington and February in London,
so it is recognised as a date line (and kept out of the body) but gives no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_DATE_LINE = re.compile(
    r"""
    ^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated)(?:\s+on)?
        \s*:?\s*)?
    (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?
    (?:
        (?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})
            (?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?
      | (?P<ymd_y>\d{4})/(?P<ymd_m>\d{1,2})/(?P<ymd_d>\d{1,2})
      | (?P<dmy_d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>[a-z]{3,9})\.?,?\s+
            (?P<dmy_y>\d{4})
      | (?P<mdy_m>[a-z]{3,9})\.?\s+(?P<mdy_d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>\d{4})
      | (?P<num_a>\d{1,2})(?P<sep>[/.\-])(?P<num_b>\d{1,2})(?P=sep)(?P<num_y>\d{4})
    )
    (?:\s*(?:,|\||-|–|—|·|•|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?
    (?:\s*\(?(?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|et|pt|ist|jst
        |aest|aedt|[+-]\d{2}:?\d{2}|utc\s?[+-]\d{1,2})\)?)?
    (?:\s*[·•|,-]?\s*\d{1,3}\s+min(?:ute)?s?\s+read)?    # "Feb 3, 2025 · 4 min read"
    \s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that is only a date: ``date`` is None when the date is ambiguous or invalid."""

    date: dt.date | None
    note: str = ""  # why date is None, for the article's warnings


def parse_date_line(text: str) -> DateLine | None:
    """The date a date-only line gives, or None when the line is not a date line."""
    match = _DATE_LINE.match(text)
    if match is None:
        return None
    groups = match.groupdict()
    if groups["iso_y"]:
        return _checked(groups["iso_y"], groups["iso_m"], groups["iso_d"])
    if groups["ymd_y"]:
        return _checked(groups["ymd_y"], groups["ymd_m"], groups["ymd_d"])
    if groups["dmy_y"]:
        month = _MONTHS.get(groups["dmy_m"].lower())
        if month is None:
            return None
        return _checked(groups["dmy_y"], str(month), groups["dmy_d"])
    if groups["mdy_y"]:
        month = _MONTHS.get(groups["mdy_m"].lower())
        if month is None:
            return None
        return _checked(groups["mdy_y"], str(month), groups["mdy_d"])
    return _numeric_date(groups["num_a"], groups["num_b"], groups["num_y"])


def _numeric_date(first: str, second: str, year: str) -> DateLine | None:
    a, b = int(first), int(second)
    if a > 12 and b <= 12:
        return _checked(year, second, first)  # 21/01/2019: day first
    if b > 12 and a <= 12:
        return _checked(year, first, second)  # 01/21/2019: month first
    if a == b:
        return _checked(year, first, second)  # 05/05/2019 reads the same either way
    if a > 12 and b > 12:
        return None  # 21/21/2019 is no date
    return DateLine(None, "ambiguous date")


def _checked(year: str, month: str, day: str) -> DateLine | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not 1900 <= date.year <= 2100:
        return DateLine(None, "implausible date")
    return DateLine(date)
