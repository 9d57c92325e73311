"""PDFs with a text layer: saved articles and clippings files, read with pypdf.

A PDF holds positioned lines, not paragraphs, so the text is rebuilt: running headers and
footers (a line that recurs at the top or bottom of most pages) and page numbers are dropped,
words hyphenated at a line end are joined, and wrapped lines are joined into paragraphs (a
line well short of the text width ends one). The result goes through the plain-text
segmenter, which finds the stories of a clippings file by their headlines, datelines and
bylines. A scanned PDF has no text to read and is refused with a reason; so is an encrypted
one that needs a password.

pypdf's own limits on inflating streams stay in force (they stop decompression bombs); the
page count and the amount of text are capped here so that one huge file cannot stall the
import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from briefing.domain import DateSource, ParsedArticle
from briefing.ingest.decoding import normalise_text
from briefing.ingest.document_text import segment_document
from briefing.ingest.readers import ReadError, ReadOptions, library_message, register
from briefing.ingest.sentences import OPENING_QUOTES, ends_sentence, shorten

PDF_EXTENSIONS = frozenset({".pdf"})
PDF_MAGIC = b"%PDF-"
TITLE_MAX_CHARS = 120
# A clippings file runs to tens of pages; past this it is a book or a report, and reading it
# would hold up the import for minutes.
MAX_PAGES = 2000
MAX_TEXT_CHARS = 50_000_000
NEEDS_PASSWORD = "encrypted PDF: needs a password"
# Fewer letters than this in the whole file: there is no text layer, only pictures of text.
_MIN_LETTERS = 20

# pypdf reports every quirk of a damaged file on its logger ("Ignoring wrong pointing
# object ...", and at error level what it repaired: "Advanced encoding ... not implemented",
# with a 256-entry table); the import reports what matters per file, so only critical
# messages are let through.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

# Header and footer candidates: this many lines at the top and bottom of each page ...
_EDGE_LINES = 3
# ... recurring (digits aside) on at least this share of the pages.
_RECURRING_SHARE = 0.6
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|pag\.?)\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?"
    r"(?:\s*(?:of|/|von|de)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# A line shorter than this share of the text width ends its paragraph (or stands alone: a
# headline, a byline, a date line). A longer one ends it when the next line's first word
# would have fitted after it.
_SHORT_LINE_SHARE = 0.75
# From a word's first letter only, and without giving letters back: tried from every letter
# of a long word without a hyphen, the plain pattern took quadratic time (hours for a
# megabyte-long "word" in a damaged PDF).
_HYPHENATED_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]++-[^\W\d_]+")
_JUNK_TITLES = re.compile(
    r"^(?:microsoft word - .*|untitled.*|.*\.(?:docx?|pdf|rtf|odt|txt)|document\d*|\s*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Metadata:
    title: str
    author: str
    created: dt.date | None


def _open(data: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        # Many PDFs are encrypted with an empty user password (only printing or copying is
        # restricted); those open, RC4 and AES alike (AES through the cryptography package).
        # The rest need a password the import cannot ask for.
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise ReadError(
                "encrypted PDF: its AES encryption needs the 'cryptography' package"
            ) from exc
        except Exception as exc:
            raise ReadError(f"encrypted PDF: cannot be decrypted ({library_message(exc)})") from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise ReadError(NEEDS_PASSWORD)
    return reader


def _page_texts(reader: PdfReader) -> list[list[str]]:
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise ReadError(f"{count:,} pages, over the {MAX_PAGES:,}-page limit for one file")
    pages: list[list[str]] = []
    failed = 0
    total = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except Exception:
            # One damaged page (a broken content stream) costs that page only.
            failed += 1
            continue
        total += len(text)
        if total > MAX_TEXT_CHARS:
            raise ReadError(f"more than {MAX_TEXT_CHARS // 1_000_000} million characters of text")
        lines = [" ".join(line.split()) for line in normalise_text(text).split("\n")]
        pages.append([line for line in lines if line])
    if failed and failed == count:
        raise ReadError("malformed PDF: no page could be read")
    return pages


def _metadata(reader: PdfReader) -> _Metadata:
    try:
        info = reader.metadata
        if info is None:
            return _Metadata("", "", None)
        title = " ".join(str(info.title or "").split())
        author = " ".join(str(info.author or "").split())
        try:
            created = info.creation_date
        except ValueError:
            created = None  # a malformed date string costs only the date
    except Exception:
        return _Metadata("", "", None)
    if _JUNK_TITLES.match(title):
        title = ""  # "Microsoft Word - clippings.docx" names the file, not the story
    return _Metadata(title, author, created.date() if created is not None else None)


# ---- lines to paragraphs -----------------------------------------------------------------


def _edge_key(line: str) -> str:
    return _DIGITS.sub("#", line.casefold())


def _strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running headers, footers and page numbers."""
    recurring: set[str] = set()
    if len(pages) >= 2:
        seen: Counter[str] = Counter()
        for lines in pages:
            seen.update({_edge_key(line) for line in _edges(lines)})
        needed = max(2, round(len(pages) * _RECURRING_SHARE))
        recurring = {key for key, count in seen.items() if count >= needed}
    stripped: list[list[str]] = []
    for lines in pages:
        edge = min(_EDGE_LINES, len(lines))
        kept = []
        for index, line in enumerate(lines):
            at_edge = index < edge or index >= len(lines) - edge
            if at_edge and (_edge_key(line) in recurring or _PAGE_NUMBER.match(line)):
                continue
            kept.append(line)
        stripped.append(kept)
    return stripped


def _edges(lines: Sequence[str]) -> list[str]:
    if len(lines) <= 2 * _EDGE_LINES:
        return list(lines)
    return [*lines[:_EDGE_LINES], *lines[-_EDGE_LINES:]]


def _text_width(lines: Sequence[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    return lengths[int(len(lengths) * 0.9)] if len(lengths) >= 10 else lengths[-1]


def paragraphs_from_lines(lines: Sequence[str]) -> list[str]:
    """Wrapped lines joined into paragraphs; a line well short of the text width ends its
    paragraph, so headlines, bylines and date lines stand alone."""
    if not lines:
        return []
    width = _text_width(lines)
    hyphenated = {word.casefold() for word in _HYPHENATED_WORD.findall("\n".join(lines))}
    paragraphs: list[str] = []
    pending = ""
    for index, line in enumerate(lines):
        pending = _join(pending, line, hyphenated) if pending else line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if len(line) < width * _SHORT_LINE_SHARE or _ends_paragraph(line, following, width):
            paragraphs.append(pending)
            pending = ""
    if pending:
        paragraphs.append(pending)
    return paragraphs


def _ends_paragraph(line: str, following: str, width: int) -> bool:
    """A sentence ends the line and the next line's first word would have fitted after it:
    the line was not wrapped there, so the paragraph ended."""
    if not following or not ends_sentence(line):
        return False
    first_word = following.split(" ", 1)[0]
    opening = first_word.lstrip(OPENING_QUOTES + "(")[:1]
    return (opening.isupper() or opening.isdigit()) and (len(line) + 1 + len(first_word) <= width)


def _join(before: str, after: str, hyphenated: set[str]) -> str:
    if before.endswith("-") and before[-2:-1].isalpha() and after[:1].islower():
        # "mis-" + "sile": a word broken at the line end, unless the document writes the
        # compound with its hyphen elsewhere ("long-" + "range" where "long-range" occurs).
        head = before.rsplit(" ", 1)[-1][:-1]
        tail = after.split(" ", 1)[0]
        if f"{head}-{tail}".casefold().strip(".,;:!?\"'”’)") in hyphenated:
            return before + after
        return before[:-1] + after
    return f"{before} {after}"


# ---- the reader ------------------------------------------------------------------------------


def read_pdf(data: bytes, origin_file: str) -> list[ParsedArticle]:
    try:
        reader = _open(data)
        pages = _page_texts(reader)
        metadata = _metadata(reader)
    except ReadError:
        raise
    except Exception as exc:
        # pypdf raises its own errors and, on hostile files, any kind of Python error:
        # either way the file is damaged, and the reason fits on one line.
        raise ReadError(f"malformed PDF: {library_message(exc)}") from exc
    if sum(char.isalpha() for lines in pages for line in lines for char in line) < _MIN_LETTERS:
        raise ReadError("no text layer (a scanned PDF? OCR it first)")
    lines = [line for page in _strip_page_furniture(pages) for line in page]
    text = "\n".join(paragraphs_from_lines(lines))
    articles = segment_document(text, origin_file=origin_file)
    if len(articles) == 1:
        articles = [_with_metadata(articles[0], metadata)]
    return articles


def _with_metadata(article: ParsedArticle, metadata: _Metadata) -> ParsedArticle:
    """A one-article PDF takes its title, author and date from the document information when
    its text gives none (in a clippings file they describe the file, not the stories)."""
    changes: dict[str, object] = {}
    if not article.headline and metadata.title:
        changes["title"] = shorten(metadata.title, TITLE_MAX_CHARS)
    if not article.byline and metadata.author:
        changes["byline"] = metadata.author
    if article.published is None and metadata.created is not None:
        changes["published"] = metadata.created
        changes["date_source"] = DateSource.METADATA
        changes["warnings"] = tuple(w for w in article.warnings if w != "no date")
    return dataclasses.replace(article, **changes) if changes else article


class PdfFileReader:
    name = "PDF"
    extensions = PDF_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        # The header may follow some junk bytes (the specification allows 1,024).
        if PDF_MAGIC in head[:1024]:
            return 1.0
        return 0.9 if path.suffix.lower() in self.extensions else 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        return read_pdf(data, str(path))


register(PdfFileReader())
