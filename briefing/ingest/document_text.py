"""Text helpers the document readers share: HTML fragments to plain text, dates as fields
and headers write them, and cutting a document's text into its stories.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser

from briefing.domain import DateSource, ParsedArticle, Subhead
from briefing.ingest.dates import parse_date_line
from briefing.ingest.decoding import normalise_text
from briefing.ingest.line_kinds import classify_line
from briefing.ingest.segment import segment_text

# ---- HTML fragments to text -------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|a|b|i|u|em|strong|img|ul|ol|li|h[1-6]|table|tr|td|th|blockquote"
    r"|html|body|figure|figcaption|section|article|header|footer|font|hr|sup|sub|small)\b"
    r"[^<>]*>",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
        "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr", "address", "center",
        "form", "fieldset",
    }
)  # fmt: skip
# Never text a person reads (and <title> repeats the subject or headline).
_HIDDEN_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
     "select", "textarea", "button"}
)  # fmt: skip
_BLANK_LINES = re.compile(r"\n{3,}")


def looks_like_html(text: str) -> bool:
    """The text holds HTML tags (not merely a "<" or an "a < b")."""
    return "<" in text and _HTML_TAG.search(text) is not None


class _TextExtractor(HTMLParser):
    """Text of an HTML fragment: blocks become paragraphs, <br> a line break; nothing is
    rendered, fetched or executed (html.parser only tokenises; character references are the
    only entities it expands)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            # Line breaks in HTML source are spaces; only tags break lines.
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment or page: paragraphs separated by a blank line, lines
    broken by <br> on lines of their own, spaces collapsed."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = normalise_text("".join(parser.parts))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# ---- dates ------------------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_MIN_YEAR, _MAX_YEAR = 1900, 2100
# Keys of a nested value naming what it is ({"date": {"value": "2019-01-21"}}).
_VALUE_KEYS = ("value", "date", "text", "#text", "@value")


def parse_date_value(value: object) -> dt.date | None:
    """A publication date from a field's or a header's value: ISO 8601, RFC 2822,
    "21 January 2019", "Jan. 21, 2019", compact "20190121[103200]", or a Unix timestamp in
    seconds or milliseconds. None when absent, ambiguous ("01/02/2019") or implausible.
    A date with a time zone is the date where it was written, not converted."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(float(value))
    if isinstance(value, Mapping):
        value = next((value[key] for key in _VALUE_KEYS if isinstance(value.get(key), str)), "")
    text = str(value).strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        if text.isdigit() and len(text) in (8, 12, 14):
            compact = _checked_date(int(text[:4]), int(text[4:6]), int(text[6:8]))
            if compact is not None:
                return compact
        return _from_timestamp(float(text))
    if text[:4].isdigit():
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return _plausible(parsed.date())
    line = parse_date_line(text)
    if line is not None:
        return line.date
    try:
        return _plausible(email.utils.parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _from_timestamp(number: float) -> dt.date | None:
    # Seconds until the year 5138; past that, milliseconds (JavaScript's Date.now()).
    if abs(number) >= 1e11:
        number /= 1000
    try:
        return _plausible(dt.datetime.fromtimestamp(number, tz=dt.UTC).date())
    except (OverflowError, OSError, ValueError):
        return None


def _checked_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return _plausible(dt.date(year, month, day))
    except ValueError:
        return None


def _plausible(date: dt.date) -> dt.date | None:
    return date if _MIN_YEAR <= date.year <= _MAX_YEAR else None


# ---- a document's stories ----------------------------------------------------------------------


def segment_document(text: str, *, origin_file: str = "") -> list[ParsedArticle]:
    """The stories of a document that is usually one article (a message, a PDF, a Word file)
    and sometimes a digest or clippings file.

    The plain-text segmenter's cut is kept when at least two stories open with a head of their
    own (a headline, a kicker or a dateline), as a digest's do. Otherwise the pieces are one
    article: a long analysis whose paragraphs each read like a whole story is not cut up.
    """
    found = segment_text(text, origin_file=origin_file)
    if len(found) < 2 or sum(map(_has_head, found)) >= 2:
        return found
    return [_merged(found)]


def _has_head(article: ParsedArticle) -> bool:
    if article.headline or article.kicker:
        return True
    first = article.body.split("\n\n", 1)[0]
    return bool(first) and classify_line(first, 0).dateline


def _merged(pieces: Sequence[ParsedArticle]) -> ParsedArticle:
    first = pieces[0]
    chunks: list[str] = []
    subheads: list[Subhead] = []
    length = 0
    for index, piece in enumerate(pieces):
        heads = [] if index == 0 else [h for h in (piece.kicker, piece.headline, piece.deck) if h]
        for chunk in heads:
            length += (2 if chunks else 0) + len(chunk)
            chunks.append(chunk)
        start = length + (2 if chunks else 0)
        subheads.extend(Subhead(s.text, start + s.offset) for s in piece.subheads)
        chunks.append(piece.body)
        length = start + len(piece.body)
    published = next((p.published for p in pieces if p.published is not None), None)
    truncated = pieces[-1].truncated
    warnings = (("truncated",) if truncated else ()) + (() if published else ("no date",))
    return ParsedArticle(
        title=first.title,
        body="\n\n".join(chunks),
        kicker=first.kicker,
        deck=first.deck,
        headline=first.headline,
        byline=next((p.byline for p in pieces if p.byline), ""),
        subheads=tuple(subheads),
        published=published,
        date_source=DateSource.METADATA if published else DateSource.UNKNOWN,
        origin_file=first.origin_file,
        origin_position=0,
        origin_line=first.origin_line,
        truncated=truncated,
        warnings=warnings,
    )
