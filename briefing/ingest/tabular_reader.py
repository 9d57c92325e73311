"""CSV and JSON exports (news APIs, scrapers, spreadsheets): one article per row or object.

Which column or key holds the title, text, date, source and link is read from the names
(``guess_mapping``) unless the person chose a mapping in the import wizard; the wizard asks
``field_names`` and ``suggest_mapping`` to pre-fill its mapping step. JSON may be an array of
objects, an object holding such an array ("articles", "items", "data", ...) or JSON Lines; a
large array is read one object at a time, so the whole file is never held as Python objects
twice over.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Protocol

from briefing.domain import DateSource, FileFailure, ParsedArticle
from briefing.ingest.decoding import UndecodableInput, decode_bytes, normalise_text
from briefing.ingest.document_text import html_to_text, looks_like_html, parse_date_value
from briefing.ingest.readers import (
    FieldMapping,
    ReadError,
    ReadOptions,
    ReadResult,
    register,
    skipped_parts,
)
from briefing.ingest.sentences import first_sentence, shorten

CSV_EXTENSIONS = frozenset({".csv", ".tsv"})
JSON_EXTENSIONS = frozenset({".json", ".jsonl", ".ndjson"})
_JSON_LINES_EXTENSIONS = frozenset({".jsonl", ".ndjson"})

TITLE_MAX_CHARS = 120
# Rows looked at to guess the mapping (the body is the longest of the text-like fields) and,
# for JSON, to list the field names: objects need not all have the same keys.
SAMPLE_ROWS = 200
# The csv module refuses fields over 128 KiB by default; a whole article with its HTML can be
# larger. The limit stays finite (the largest file we read) so a broken quote cannot make one
# field swallow unbounded memory beyond what the file holds anyway.
CSV_FIELD_LIMIT = 256 * 1024 * 1024
_SNIFF_CHARS = 16 * 1024  # what the delimiter and quote guesses look at
_SNIFF_LINES = 50
_CSV_DELIMITERS = ",;\t|"
_FIELD_LIST_MAX = 12  # field names quoted in a one-line reason

# Names are compared case- and separator-insensitively ("Published At" == "published_at").
# Each tuple is in order of preference; the lists name what common tools export (NewsAPI,
# the Guardian and NYT APIs, news-please, GDELT, JSON Feed, RSS-to-CSV converters).
_TITLE_KEYS = ("title", "headline", "webtitle", "name", "subject", "heading")
_BODY_KEYS = (
    "body", "text", "content", "article", "story", "maintext", "bodytext", "fulltext",
    "articletext",
    "contenttext", "contenthtml", "description", "summary", "abstract", "leadparagraph",
    "snippet",
)  # fmt: skip
_DATE_KEYS = (
    "date", "published", "pubdate", "publishedat", "publicationdate", "datepublished",
    "datepublish", "publishdate", "webpublicationdate", "created", "createdat", "timestamp",
    "time", "datetime", "seendate",
)  # fmt: skip
_SOURCE_KEYS = (
    "source", "publisher", "outlet", "site", "feed", "sourcename", "sitename", "publication",
    "newspaper", "feedtitle", "sourcedomain", "domain",
)  # fmt: skip
_URL_KEYS = ("url", "link", "href", "permalink", "weburl", "articleurl", "canonicalurl")
_BYLINE_KEYS = ("byline", "author", "authors", "creator", "writer")
# When no name matches exactly, a name ending or starting with one of these words will do
# ("article_title", "news_body", "source_url"), unless it names a picture.
_LOOSE_WORDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "body": ("body", "text", "content"),
    "date": ("date",),
    "source": ("source", "publisher"),
    "url": ("url", "link"),
}
_PICTURE_WORDS = ("image", "img", "thumb", "photo", "picture", "icon", "logo", "video")
# ... nor says something about the field rather than holding it ("content_type", "text_id").
_ABOUT_WORDS = ("id", "type", "count", "length", "size", "lang", "language", "format", "hash")
# Keys under which a JSON object keeps its list of articles, in order of preference.
_LIST_KEYS = (
    "articles", "items", "data", "results", "entries", "posts", "stories", "news", "docs",
    "documents", "records", "rows", "hits",
)  # fmt: skip
# Keys of a nested object naming what it is ({"source": {"id": null, "name": "Reuters"}}).
_NAME_KEYS = ("name", "title", "main", "text", "value", "#text", "@value", "url", "href")


def _key(name: str) -> str:
    return "".join(char for char in name.casefold() if char.isalnum())


# ---- field mapping -----------------------------------------------------------------------


def guess_mapping(
    names: Sequence[str], samples: Sequence[Mapping[str, object]] = ()
) -> FieldMapping:
    """The fields that most likely hold each part of an article, by name.

    With ``samples`` (a few rows as dicts), the body is the candidate field with the longest
    text on average: NewsAPI's "content" over its one-line "description", say.
    """
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    used: set[str] = set()

    def pick(role: str, keys: Sequence[str]) -> str | None:
        found = _exact(by_key, keys, used) or _loose(by_key, _LOOSE_WORDS[role], used)
        if found is not None:
            used.add(found)
        return found

    title = pick("title", _TITLE_KEYS)
    body = _longest(by_key, used, samples)
    if body is None:
        body = pick("body", _BODY_KEYS)
    else:
        used.add(body)
    date = pick("date", _DATE_KEYS)
    url = pick("url", _URL_KEYS)
    source = pick("source", _SOURCE_KEYS)
    return FieldMapping(title=title, body=body, date=date, source=source, url=url)


def _exact(by_key: Mapping[str, str], keys: Sequence[str], used: set[str]) -> str | None:
    for key in keys:
        name = by_key.get(key)
        if name is not None and name not in used:
            return name
    return None


def _loose(by_key: Mapping[str, str], words: Sequence[str], used: set[str]) -> str | None:
    for word in words:
        for key, name in by_key.items():
            if (
                name in used
                or any(picture in key for picture in _PICTURE_WORDS)
                or key.endswith(_ABOUT_WORDS)
            ):
                continue
            if key.startswith(word) or key.endswith(word):
                return name
    return None


def _longest(
    by_key: Mapping[str, str], used: set[str], samples: Sequence[Mapping[str, object]]
) -> str | None:
    candidates = [by_key[key] for key in _BODY_KEYS if key in by_key and by_key[key] not in used]
    if len(candidates) < 2 or not samples:
        return None
    lengths = {
        name: sum(len(_as_text(row.get(name), "\n\n")) for row in samples) for name in candidates
    }
    best = max(candidates, key=lambda name: lengths[name])  # first in preference on a tie
    return best if lengths[best] > 0 else None


def field_names(data: bytes, path: Path) -> list[str]:
    """The columns of a CSV file, or the keys of a JSON file's objects (in order of first
    appearance over the first rows); raises ReadError like ``read``."""
    names, _ = _sample(data, path)
    return names


def suggest_mapping(data: bytes, path: Path) -> FieldMapping:
    """``guess_mapping`` over the file's field names and first rows (what ``read`` uses when
    the person chose no mapping)."""
    names, samples = _sample(data, path)
    return guess_mapping(names, samples)


def _sample(data: bytes, path: Path) -> tuple[list[str], list[dict[str, object]]]:
    if path.suffix.lower() in CSV_EXTENSIONS:
        names, rows = _csv_table(data)
        return names, [row for _, row in islice(rows, SAMPLE_ROWS)]
    records = [record for _, record in islice(_json_records(data, path), SAMPLE_ROWS)]
    return _union_of_keys(records), records


def _union_of_keys(records: Sequence[Mapping[str, object]]) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        for name in record:
            seen.setdefault(name, None)
    return list(seen)


def _field_list(names: Sequence[str]) -> str:
    shown = ", ".join(names[:_FIELD_LIST_MAX])
    return shown + (", …" if len(names) > _FIELD_LIST_MAX else "")


# ---- values --------------------------------------------------------------------------------


def _as_text(value: object, joiner: str = ", ") -> str:
    """A field's value as text: nested objects by their name, lists joined."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        for key in _NAME_KEYS:
            found = value.get(key)
            if isinstance(found, str) and found.strip():
                return found
        return ""
    if isinstance(value, list):
        return joiner.join(part for part in (_as_text(item) for item in value) if part.strip())
    return ""


_SPACES = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _inline(text: str) -> str:
    """One line of text (a title, a name): markup and entities resolved, spaces collapsed."""
    if looks_like_html(text):
        text = html_to_text(text)
    elif "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


def _paragraphs(text: str) -> list[str]:
    """A field's text as paragraphs: HTML made plain; blank lines separate paragraphs, and in
    text without blank lines each line is one (scrapers write one paragraph per line)."""
    if looks_like_html(text):
        text = html_to_text(text)
    elif "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    text = normalise_text(text).strip()
    if not text:
        return []
    if "\n\n" in text:
        blocks = (" ".join(block.split()) for block in text.split("\n\n"))
    else:
        blocks = (" ".join(line.split()) for line in text.split("\n"))
    return [block for block in blocks if block]


# ---- rows to articles -------------------------------------------------------------------------

Row = Mapping[str, object]


def _articles(
    names: list[str],
    rows: Iterator[tuple[int, Row]],
    mapping: FieldMapping | None,
    path: Path,
    what: str = "rows",
    left_out: Sequence[FileFailure] = (),
) -> list[ParsedArticle]:
    """The articles of the rows (``what`` they are called in a reason); rows with neither
    title nor text are skipped and reported, with ``left_out`` (found while parsing)."""
    sample = list(islice(rows, SAMPLE_ROWS))
    if not sample:
        raise ReadError("no rows under the header" if names else "no article objects found")
    rows = chain(sample, rows)
    if mapping is None:
        samples = [row for _, row in sample]
        mapping = guess_mapping(_union_of_keys(samples) or names, samples)
    else:
        _check_mapping(mapping, names)
    if mapping.title is None and mapping.body is None:
        raise ReadError(f"no title or text field found (fields: {_field_list(names)})")
    byline_field = _exact({_key(n): n for n in names}, _BYLINE_KEYS, set())
    articles: list[ParsedArticle] = []
    skipped: list[int] = []
    rows_seen = 0
    origin = str(path)
    for line, row in rows:
        rows_seen += 1
        article = _article(row, mapping, byline_field, origin, len(articles), line)
        if article is None:
            skipped.append(line)
        else:
            articles.append(article)
    if not articles:
        mapped = ", ".join(
            f"{role} ← {name}"
            for role, name in (("title", mapping.title), ("text", mapping.body))
            if name
        )
        raise ReadError(f"no row has a title or text ({mapped})")
    report = list(left_out)
    if skipped:
        report.append(skipped_parts(path, what, skipped, rows_seen, "no title or text"))
    # A plain list when nothing was left out: the common case stays the cheap one.
    return ReadResult(articles, skipped=report) if report else articles


def _check_mapping(mapping: FieldMapping, names: Sequence[str]) -> None:
    known = set(names)
    for name in (mapping.title, mapping.body, mapping.date, mapping.source, mapping.url):
        if name is not None and name not in known:
            raise ReadError(f"no field named {name!r} (fields: {_field_list(names)})")


def _article(
    row: Row,
    mapping: FieldMapping,
    byline_field: str | None,
    origin_file: str,
    position: int,
    line: int,
) -> ParsedArticle | None:
    title = _inline(_as_text(row.get(mapping.title))) if mapping.title else ""
    paragraphs = _paragraphs(_as_text(row.get(mapping.body), "\n\n")) if mapping.body else []
    if not title and not paragraphs:
        return None
    headline = title
    if not title:
        title = shorten(first_sentence(paragraphs[0]), TITLE_MAX_CHARS)
    published = parse_date_value(row.get(mapping.date)) if mapping.date else None
    return ParsedArticle(
        title=title,
        body="\n\n".join(paragraphs),
        headline=headline,
        byline=_inline(_as_text(row.get(byline_field))) if byline_field else "",
        published=published,
        date_source=DateSource.METADATA if published else DateSource.UNKNOWN,
        origin_file=origin_file,
        origin_position=position,
        origin_line=line,
        warnings=() if published else ("no date",),
        url=_inline(_as_text(row.get(mapping.url))) if mapping.url else "",
        source=_inline(_as_text(row.get(mapping.source))) if mapping.source else "",
    )


# ---- decoding ------------------------------------------------------------------------------

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TAB_STAND_IN = b"<<tab%d>>"


def _file_text(data: bytes) -> str:
    """The file's text, as written: tabs, line ends and U+2028 left alone (fields are cleaned
    one by one). decode_bytes is not used first because its clean-up turns tabs into spaces,
    which would merge a TSV row's fields, and U+2028 into a line break, which would cut a
    JSON Lines record in two."""
    try:
        for mark, encoding in _BYTE_ORDER_MARKS:
            if data.startswith(mark):
                return data.decode(encoding)
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: decode_bytes guesses the encoding. It is never UTF-16/32 here (those have a
    # byte-order mark, or NUL bytes that decode_bytes refuses), and in every single- and
    # multi-byte encoding left the byte 0x09 is a tab, so tabs are swapped for a stand-in
    # that survives the clean-up, and back.
    number = 0
    while _TAB_STAND_IN % number in data:
        number += 1
    stand_in = _TAB_STAND_IN % number
    try:
        text = decode_bytes(data.replace(b"\t", stand_in))
    except UndecodableInput as exc:
        raise ReadError(str(exc)) from exc
    return text.replace(stand_in.decode("ascii"), "\t")


# ---- CSV --------------------------------------------------------------------------------------

_SEP_HINT = re.compile(r"sep=(.)\r?\n")  # Excel's first-line delimiter hint


def _csv_table(data: bytes) -> tuple[list[str], Iterator[tuple[int, Row]]]:
    """The header's field names, and (line, row) for each row after it."""
    text = _file_text(data)
    if not text.strip():
        raise ReadError("empty file")
    # Raised for the whole process, idempotently: the csv module has no per-reader limit.
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    first_line = 1
    hint = _SEP_HINT.match(text)
    if hint is not None:
        delimiter: str | None = hint.group(1)
        text = text[hint.end() :]
        first_line = 2
    else:
        delimiter = None
    # newline="": the csv module reads the line ends itself (CRLF, and CR inside quotes).
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text, delimiter))
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    except csv.Error as exc:
        raise ReadError(f"malformed CSV at line {reader.line_num + first_line - 1}: {exc}") from exc
    if header is None:
        raise ReadError("empty file")
    names = _unique_names(header)
    return names, _csv_rows(reader, names, first_line - 1)


def _dialect(text: str, delimiter: str | None) -> type[csv.Dialect]:
    # Split as the csv module does (not str.splitlines, which also breaks at \x1c or U+2028).
    sample = text[:_SNIFF_CHARS].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(text) > _SNIFF_CHARS and len(sample) > 1:
        sample.pop()  # whole lines only
    lines = [line for line in sample if line.strip()] or [""]
    quotechar = '"'
    skip_space = False
    if delimiter is None:
        delimiter = _guess_delimiter(lines)
        quotechar = _guess_quote(lines, delimiter)
        header = _outside_quotes(lines[0], quotechar)
        # "title, body, date": the spaces after each delimiter belong to no name.
        skip_space = header.count(delimiter) > 0 and header.count(delimiter) == header.count(
            delimiter + " "
        )

    class _Dialect(csv.excel):
        pass

    _Dialect.delimiter = delimiter
    _Dialect.quotechar = quotechar
    # Quotes inside quoted fields are doubled in nearly every real file (Excel, pandas,
    # LibreOffice).
    _Dialect.doublequote = True
    _Dialect.skipinitialspace = skip_space
    return _Dialect


def _outside_quotes(line: str, quotechar: str = '"') -> str:
    """The line without its quoted parts (a delimiter inside quotes separates nothing)."""
    return line if quotechar not in line else "".join(line.split(quotechar)[::2])


def _guess_delimiter(lines: Sequence[str]) -> str:
    """The delimiter of the header (``lines[0]``), which names every column and so holds the
    delimiter between each pair; when it holds several candidates, the one that recurs as
    often in the lines below. Counting, not csv.Sniffer: the sniffer's regular expressions
    backtrack for minutes on a line of quotes, and a damaged file is exactly where that line
    is found."""
    header = _outside_quotes(lines[0])
    counts = {candidate: header.count(candidate) for candidate in _CSV_DELIMITERS}
    found = [candidate for candidate in _CSV_DELIMITERS if counts[candidate]]
    if not found:
        return ","
    if len(found) == 1:
        return found[0]
    rows = [_outside_quotes(line) for line in lines[1:_SNIFF_LINES]]

    def steadiness(candidate: str) -> tuple[int, int]:
        same = sum(1 for row in rows if row.count(candidate) == counts[candidate])
        return same, counts[candidate]

    # max() keeps the first of equals: the order of _CSV_DELIMITERS breaks ties.
    return max(found, key=steadiness)


def _guess_quote(lines: Sequence[str], delimiter: str) -> str:
    """'"', unless fields are quoted with apostrophes ('a','b') and never with double quotes."""
    if "'" not in "".join(lines):
        return '"'
    d = re.escape(delimiter)
    quoted = {
        quote: sum(
            len(re.findall(f"(?:^|{d}) ?{quote}[^{quote}\n]*{quote} ?(?={d}|$)", line))
            for line in lines
        )
        for quote in ('"', "'")
    }
    return "'" if quoted["'"] > 0 and quoted['"'] == 0 else '"'


def _unique_names(header: Sequence[str]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    # The last number given to each name, so that a header of 100,000 copies of one name
    # (a damaged file) costs linear time, not quadratic.
    last: dict[str, int] = {}
    for index, raw in enumerate(header, start=1):
        name = raw.strip() or f"column {index}"
        unique, count = name, last.get(name, 1)
        while unique in seen:
            count += 1
            unique = f"{name} ({count})"
        last[name] = count
        seen.add(unique)
        names.append(unique)
    return names


class _RowReader(Protocol):
    """What csv.reader returns (its class is private to the csv module)."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _csv_rows(reader: _RowReader, names: list[str], offset: int) -> Iterator[tuple[int, Row]]:
    start = reader.line_num + offset + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                # Short rows leave fields out; extra cells (a stray delimiter) are dropped.
                yield start, dict(zip(names, cells, strict=False))
            start = reader.line_num + offset + 1
    except csv.Error as exc:
        raise ReadError(f"malformed CSV at line {start}: {exc}") from exc


class CsvReader:
    name = "CSV"
    extensions = CSV_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        return 0.9 if path.suffix.lower() in self.extensions else 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        names, rows = _csv_table(data)
        return _articles(names, rows, options.mapping, path)


# ---- JSON -------------------------------------------------------------------------------------


def _parse_int(digits: str) -> int | float:
    # Python refuses to turn more than 4,300 digits into an int (a guard against quadratic
    # conversion); such a number in one field must not cost the file, and no date or count
    # is that long: it is read as a float (inf), which every field ignores.
    return int(digits) if len(digits) <= 4000 else float(digits)


# strict=False: control characters inside strings are accepted, as scrapers write them.
_DECODER = json.JSONDecoder(strict=False, parse_int=_parse_int)
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_OPENING = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*(?:\{[ \t\r\n]*\"|\[[ \t\r\n]*\{)")


class _Lines:
    """Line numbers of increasing positions in a text, counted once."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        self._line = 1

    def at(self, pos: int) -> int:
        self._line += self._text.count("\n", self._pos, pos)
        self._pos = pos
        return self._line


def _malformed(exc: json.JSONDecodeError) -> ReadError:
    return ReadError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")


def _json_records(
    data: bytes, path: Path, left_out: list[FileFailure] | None = None
) -> Iterator[tuple[int, Row]]:
    """(line, object) for each record in a JSON or JSON Lines file."""
    text = _file_text(data)
    start = _JSON_SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if start == len(text):
        raise ReadError("empty file")
    try:
        if path.suffix.lower() in _JSON_LINES_EXTENSIONS or _is_json_lines(text, start):
            yield from _json_lines(text, path, left_out)
        elif text[start] == "[":
            end = yield from _stream_array(text, start, _Lines(text))
            _expect_end(text, end)
        elif text[start] == "{":
            yield from _object_records(text, start)
        else:
            _DECODER.decode(text)  # a syntax error is reported with its position
            raise ReadError("JSON holds no articles (expected objects or a list of them)")
    except json.JSONDecodeError as exc:
        raise _malformed(exc) from exc
    except RecursionError as exc:
        raise ReadError("JSON nested too deeply") from exc


def _is_json_lines(text: str, start: int) -> bool:
    """Objects one a line in a file named .json: the first line is a whole object and more
    lines follow. (A pretty-printed file's first line is "{" alone.)"""
    newline = text.find("\n", start)
    if newline < 0 or not text[newline:].strip() or text[start] != "{":
        return False
    try:
        return isinstance(_DECODER.decode(text[start:newline]), dict)
    except json.JSONDecodeError:
        return False


def _json_lines(
    text: str, path: Path, left_out: list[FileFailure] | None
) -> Iterator[tuple[int, Row]]:
    lines = text.split("\n")
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    found = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            record = _DECODER.decode(line)
        except json.JSONDecodeError as exc:
            if index == last and found:
                # A last line cut off mid-write (a scraper stopped): keep what came before.
                if left_out is not None:
                    left_out.append(
                        FileFailure(str(path), f"last line {index + 1} skipped: cut off mid-record")
                    )
                return
            raise ReadError(
                f"malformed JSON Lines at line {index + 1}, column {exc.colno}: {exc.msg}"
            ) from exc
        if isinstance(record, dict):
            found += 1
            yield index + 1, record


def _stream_array(text: str, pos: int, lines: _Lines) -> Iterator[tuple[int, Row]]:
    """The objects of the array starting at ``pos``, decoded one at a time; returns the
    position after the array."""
    pos = _JSON_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", pos):
        return pos + 1
    while True:
        line = lines.at(pos)
        value, pos = _DECODER.raw_decode(text, pos)
        if isinstance(value, dict):
            yield line, value
        pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        following = text[pos : pos + 1]
        if following == "]":
            return pos + 1
        if following != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
        pos = _JSON_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]


def _expect_end(text: str, pos: int) -> None:
    pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
    if pos != len(text):
        raise json.JSONDecodeError("Extra data", text, pos)


def _object_records(text: str, pos: int) -> Iterator[tuple[int, Row]]:
    """Records of a top-level object: its article list is streamed when it sits under a
    known key ("articles", "items", ...); otherwise the object is decoded and searched."""
    lines = _Lines(text)
    members: dict[str, object] = {}
    streamed = False
    pos += 1
    while True:
        pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("}", pos) and not members and not streamed:
            pos += 1
            break
        if not text.startswith('"', pos):
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, pos
            )
        name, pos = _DECODER.raw_decode(text, pos)
        pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if not text.startswith(":", pos):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
        pos = _JSON_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
        if not streamed and _key(name) in _LIST_KEYS and _array_of_objects_at(text, pos):
            pos = yield from _stream_array(text, pos, lines)
            streamed = True
        else:
            value, pos = _DECODER.raw_decode(text, pos)
            if not streamed:
                members[name] = value
        pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        following = text[pos : pos + 1]
        if following == "}":
            pos += 1
            break
        if following != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
        pos += 1
    _expect_end(text, pos)
    if not streamed:
        for record in _records_in(members):
            yield 1, record


def _array_of_objects_at(text: str, pos: int) -> bool:
    if not text.startswith("[", pos):
        return False
    inner = _JSON_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    return text.startswith("{", inner)


def _records_in(obj: Mapping[str, object]) -> list[Row]:
    """The article objects in a decoded object: a list under a known key, one level down
    (NYT's response.docs), any list of objects, or the object itself when it is one article."""
    by_key = {_key(name): value for name, value in obj.items()}
    for key in _LIST_KEYS:
        records = _objects(by_key.get(key))
        if records:
            return records
    for value in obj.values():
        if isinstance(value, Mapping):
            inner = {_key(name): item for name, item in value.items()}
            for key in _LIST_KEYS:
                records = _objects(inner.get(key))
                if records:
                    return records
    lists = [records for records in map(_objects, obj.values()) if records]
    if lists:
        return max(lists, key=len)
    mapping = guess_mapping(list(obj))
    if mapping.title is not None or mapping.body is not None:
        return [obj]
    raise ReadError(f"no list of articles in the JSON (keys: {_field_list(list(obj))})")


def _objects(value: object) -> list[Row]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


class JsonReader:
    name = "JSON"
    extensions = JSON_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        if path.suffix.lower() in self.extensions:
            return 0.9
        # Objects or a list of objects under another name (an export without an extension,
        # a .txt): above plain text's claim. "[Reuters] ..." text does not open like this.
        return 0.85 if _JSON_OPENING.match(head) else 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        left_out: list[FileFailure] = []
        records = _json_records(data, path, left_out)
        first = list(islice(records, SAMPLE_ROWS))
        names = _union_of_keys([row for _, row in first])
        rows = chain(first, records)
        return _articles(names, rows, options.mapping, path, "objects", left_out)


register(CsvReader())
register(JsonReader())
