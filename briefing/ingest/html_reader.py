"""Saved web pages (.html, .htm, .xhtml, and .mhtml/.mht web archives): one article per page.

The article's text is found by trafilatura, the strongest main-text extractor we measured (about
0.95 F1 on a public 181-page benchmark, a few ms a page here): it drops navigation, adverts,
comments and teaser lists, and reads title, author, date and canonical URL from the page's
metadata (meta tags, JSON-LD, ``<time>``). It is called on text we decoded ourselves and never
given a URL to fetch; scripts never run, nothing remote is loaded. When it finds no text, a
simple lxml pass over ``<article>``/``<main>``/``<body>`` without navigation, asides and
footers takes over.

Balanced mode, not ``favor_precision``: a paragraph the extractor drops is lost without a
trace, while stray boilerplate lines are visible and mostly caught by the same line classifier
the plain-text reader uses (``Advertisement``, ``Share this article``, teaser blocks).
"""

from __future__ import annotations

import codecs
import datetime as dt
import email
import html as htmllib
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from itertools import islice
from pathlib import Path

import lxml.html
from lxml import etree

from briefing.domain import DateSource, ParsedArticle, Subhead, join_paragraphs
from briefing.ingest.decoding import UndecodableInput, decode_bytes, normalise_text
from briefing.ingest.line_kinds import Line, LineKind, classify_line
from briefing.ingest.mail_reader import MAIL_POLICY
from briefing.ingest.readers import ReadError, ReadOptions, register
from briefing.ingest.safe_xml import UnsafeXml, refuse_entity_declarations
from briefing.ingest.segment import TITLE_MAX_CHARS
from briefing.ingest.sentences import first_sentence, shorten
from briefing.ingest.teasers import end_of_teaser_block

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MHTML_EXTENSIONS = frozenset({".mhtml", ".mht"})

# What may come before the <html> of a saved page: a byte-order mark, an XML declaration,
# comments (browsers write "<!-- saved from url=(0053)https://... -->"), a DOCTYPE. The
# comments' repetition is possessive, as in feed_reader._RSS_ROOT (exponential otherwise).
_HTML_START = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*+
         (?:<!doctype\s+html|<html[\s>]|<head[\s>])""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_MHTML_HEADER = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+", re.ASCII)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_WEB_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)

# Date metadata only (meta tags, JSON-LD, <time>, the URL): never a date found in running
# text, which is the pipeline's job and is marked as inferred there.
_DATE_PARAMS: dict[str, object] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}

# The fallback's idea of what is not the article.
_NOT_ARTICLE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
     "iframe", "object", "embed", "svg", "canvas", "select", "input", "textarea", "figure",
     "head", "title", "meta", "link"}
)  # fmt: skip
_NOT_ARTICLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:comments?|advert\w*|ads?|ad-slot|promo\w*|related|teasers?|share|social"
    r"|newsletter|sidebar|cookie\w*|breadcrumbs?|subscribe|most-read|recommended)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd",
     "blockquote", "pre", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br",
     "hr", "address", "figcaption", "body", "center"}
)  # fmt: skip
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_WORDS_IN_KICKER = 5
# Below this much text trafilatura tries other algorithms and then its baseline (its
# MIN_EXTRACTED_SIZE setting).
_SHORT_EXTRACTION_CHARS = 250
# News pages have a few hundred block elements. Past this many, trafilatura runs without
# comparing its result with justext's: justext revises each short paragraph by walking its
# run of short neighbours, quadratic in the run (8,000 headings in a row: 4.5 s; 20,000:
# half a minute), while this is about 1.5 s of it at worst.
_MAX_BLOCKS_FOR_COMPARISON = 5000
# Past this many, not even trafilatura's fast mode ends in seconds (its clean-up and metadata
# queries walk the whole tree several times: 660,000 empty paragraphs took 10 s); the page
# is read by the lxml pass alone, which walks it once.
_MAX_BLOCKS_FOR_TRAFILATURA = 50_000
_MAX_ATTRIBUTE_CHARS = 10_000
# An attribute's opening (="), its first _MAX_ATTRIBUTE_CHARS characters, the rest, the quote.
_LONG_ATTRIBUTES = tuple(
    re.compile(f"(=\\s*{quote})([^{quote}]{{{_MAX_ATTRIBUTE_CHARS}}})[^{quote}]*({quote})")
    for quote in "\"'"
)
_BLOCK_START = re.compile(r"<(?:p|div|li|h[1-6]|br|tr|td|dd|dt|section|article)\b", re.IGNORECASE)
_DROPPED_KINDS = frozenset({LineKind.BOILERPLATE, LineKind.SEPARATOR, LineKind.TEASER_LINE})


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of extracted text, or a heading."""

    text: str
    heading: bool = False


@dataclass(slots=True)
class _PageMeta:
    title: str = ""
    byline: str = ""
    published: dt.date | None = None
    url: str = ""
    site: str = ""  # the publication's name (og:site_name, JSON-LD publisher)


@dataclass(slots=True)
class BodyParts:
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[Subhead] = field(default_factory=list)
    kicker: str = ""
    byline: str = ""
    published: dt.date | None = None


# ---- sniffing -------------------------------------------------------------------------------


def looks_like_html(head: bytes) -> bool:
    """The file starts like an HTML page (whatever it is called)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            return False
    return _HTML_START.match(head) is not None


def looks_like_mhtml(head: bytes) -> bool:
    """A MIME web archive: mail-style headers announcing a multipart/related page, as
    browsers write them ("Snapshot-Content-Location", or a related body of type text/html),
    and not a mail that went through a server (those carry "Received:")."""
    match = _MHTML_HEADER.match(head)
    if match is None:
        return False
    headers = match.group(0).lower()
    return (
        b"multipart/related" in headers
        and b"mime-version" in headers
        and (b"snapshot-content-location" in headers or b'type="text/html"' in headers)
        and b"\nreceived:" not in b"\n" + headers
    )


# ---- decoding -------------------------------------------------------------------------------


def decode_html(data: bytes) -> str:
    """The page's text: by byte-order mark, else by its ``<meta charset>`` when the bytes are
    really in it, else as any text file (UTF-8 first, then the guesses of decoding.py)."""
    if not data.strip():
        raise ReadError("empty file")
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data, 0, 4096)
        if declared is not None:
            try:
                codec = codecs.lookup(declared.group(1).decode("ascii"))
                if not codec.name.startswith(("utf-16", "utf-32")):
                    # Pages label themselves iso-8859-1 and are cp1252: the WHATWG rule.
                    name = "cp1252" if codec.name in ("latin-1", "iso8859-1") else codec.name
                    return normalise_text(data.decode(name))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong label: guess below
    try:
        return decode_bytes(data)
    except UndecodableInput as exc:
        raise ReadError(str(exc)) from exc


def mhtml_page(data: bytes) -> tuple[str, str]:
    """The HTML of a web archive's page and the address it was saved from."""
    with warnings.catch_warnings():
        # The stdlib's mail parser is lenient; it must never warn its way into a test failure.
        warnings.simplefilter("ignore", DeprecationWarning)
        message = email.message_from_bytes(data, policy=MAIL_POLICY)
    url = str(message.get("Snapshot-Content-Location", "") or "")
    for part in message.walk():
        if part.get_content_type() != "text/html" or not isinstance(part, EmailMessage):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        text = None
        if charset:
            try:
                text = normalise_text(payload.decode(charset))
            except (LookupError, UnicodeDecodeError):
                text = None
        if text is None:
            text = decode_html(payload)
        return text, url or str(part.get("Content-Location", "") or "")
    raise ReadError("web archive without an HTML page")


# ---- the reader -----------------------------------------------------------------------------


class HtmlReader:
    name = "Web page"
    extensions = HTML_EXTENSIONS | MHTML_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        suffix = path.suffix.lower()
        if suffix in MHTML_EXTENSIONS:
            return 0.9
        if looks_like_mhtml(head):
            return 0.85  # a saved page named .eml or .txt; real mail goes to the mail reader
        if looks_like_html(head):
            return 0.9  # above plain text's 0.8: a .txt that is really a page is read as one
        if suffix in HTML_EXTENSIONS and b"\x00" not in head:
            return 0.7  # an HTML fragment, or text saved as .html
        return 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        url = ""
        if path.suffix.lower() in MHTML_EXTENSIONS or looks_like_mhtml(data[:4096]):
            text, url = mhtml_page(data)
        else:
            text = decode_html(data)
        article = article_from_html(text, origin_file=str(path), url=url)
        return [article]


def article_from_html(text: str, *, origin_file: str = "", url: str = "") -> ParsedArticle:
    """The page's article; raises ReadError("no article text found") when it has none."""
    try:
        # HTML parsers do not expand them, but a page that declares entities is not an
        # honest page: refused like a feed would be.
        refuse_entity_declarations(text)
    except UnsafeXml as exc:
        raise ReadError(str(exc)) from exc
    text = _XML_DECLARATION.sub("", text, count=1)
    text = _cut_long_attributes(text)
    if not _HTML_START.match(text[:2048].encode("utf-8", errors="ignore")):
        text = f"<html><body>{text}</body></html>"  # a fragment: trafilatura wants a page
    meta = _PageMeta()
    huge = _block_count(text, _MAX_BLOCKS_FOR_TRAFILATURA + 1) > _MAX_BLOCKS_FOR_TRAFILATURA
    # A page trafilatura cannot judge in time is read by the lxml pass alone.
    body = BodyParts() if huge else _body(_trafilatura_blocks(text, meta), meta.title)
    if len(join_paragraphs(body.paragraphs)) < _SHORT_EXTRACTION_CHARS:
        # Nothing, or so little that trafilatura fell back to its baseline (all the page's
        # text, navigation included): the lxml pass, which leaves navigation out, reads
        # short pages better.
        fallback = _fallback_body(text, meta, huge=huge)
        if fallback.paragraphs:
            body = fallback
    if not body.paragraphs:
        raise ReadError("no article text found")
    if not meta.url:
        saved_from = _SAVED_FROM.search(text, 0, 4096)
        meta.url = url or (saved_from.group(1) if saved_from else "")
    published = meta.published or body.published
    title = shorten(meta.title, TITLE_MAX_CHARS) if meta.title else title_from(body.paragraphs[0])
    return ParsedArticle(
        title=title,
        body=join_paragraphs(body.paragraphs),
        kicker=body.kicker,
        headline=meta.title,
        byline=meta.byline or body.byline,
        subheads=tuple(body.subheads),
        published=published,
        date_source=DateSource.METADATA if published else DateSource.UNKNOWN,
        origin_file=origin_file,
        origin_position=0,
        origin_line=1,
        url=meta.url if _WEB_URL.match(meta.url) else "",
        source=meta.site,
    )


# ---- trafilatura ----------------------------------------------------------------------------


def _trafilatura_blocks(text: str, meta: _PageMeta) -> list[Block]:
    # Imported here: trafilatura and its helpers take ~0.15 s to import, and only web pages
    # and feeds need it.
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            text,
            fast=_block_count(text, _MAX_BLOCKS_FOR_COMPARISON + 1) > _MAX_BLOCKS_FOR_COMPARISON,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
            deduplicate=False,
        )
    except Exception:
        # Heuristics tripping over one odd page must cost that page its heuristics, not the
        # import: the lxml fallback reads it instead.
        return []
    if document is None or isinstance(document, dict):
        return []
    meta.title = _clean(document.title or "")
    meta.byline = _clean((document.author or "").replace("; ", ", "))
    meta.url = (document.url or "").strip()
    meta.published = _iso_date(document.date)
    meta.site = _clean(document.sitename or "")
    if document.body is None:
        return []
    return list(_xml_blocks(document.body))


def _cut_long_attributes(text: str) -> str:
    """The page with attribute values cut to _MAX_ATTRIBUTE_CHARS. trafilatura strips tags
    from meta contents with a pattern that is quadratic in a run of "<" (two megabytes of
    them in an og:title: hours); an honest value that long is an inline image, which no
    article needs."""
    if len(text) < _MAX_ATTRIBUTE_CHARS:
        return text
    for pattern in _LONG_ATTRIBUTES:
        text = pattern.sub(r"\1\2\3", text)
    return text


def _block_count(text: str, limit: int) -> int:
    """How many block elements the page has, counting up to ``limit``."""
    return sum(1 for _ in islice(_BLOCK_START.finditer(text), limit))


def _xml_blocks(body: etree._Element) -> Iterator[Block]:
    """trafilatura's output tree (``head``, ``p``, ``list``/``item``, ``quote``, ``table``...)
    as paragraphs and headings."""
    for element in body:
        tag = element.tag
        if tag == "head":
            yield Block(_text_of(element), heading=True)
        elif tag == "list":
            for item in element.findall("item"):  # a nested list stays in its item's text
                yield Block(_text_of(item))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text_of(cell) for cell in row.iter("cell")]
                yield Block(" | ".join(cell for cell in cells if cell))
        else:
            # A newline inside a paragraph separates lines trafilatura's baseline joined.
            for line in _text_of(element, keep_lines=True).split("\n"):
                yield Block(_clean(line))


def _text_of(element: etree._Element, keep_lines: bool = False) -> str:
    # lb (a line break) has no text of its own: without a space the words on either side
    # would run together. The tree is trafilatura's copy, ours to change.
    for line_break in element.iter("lb"):
        line_break.text = " "
    text = "".join(element.itertext())
    return text if keep_lines else _clean(text)


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# ---- the lxml fallback, also used for feed entries' HTML -------------------------------------


def fallback_blocks(root: etree._Element) -> list[Block]:
    """The text of ``<article>``, else ``<main>``, else ``<body>``, without navigation,
    asides, footers, forms, scripts and styles."""
    container = None
    for tag in ("article", "main", "body"):
        found = root.find(f".//{tag}") if root.tag != tag else root
        if found is not None:
            container = found
            break
    return html_blocks(container if container is not None else root)


def html_blocks(root: etree._Element) -> list[Block]:
    """Paragraphs and headings of an HTML tree, block by block (iteratively: a page nested
    thousands of levels deep must not exhaust the stack)."""
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush(heading: bool = False) -> None:
        text = _clean("".join(buffer))
        buffer.clear()
        if text:
            blocks.append(Block(text, heading=heading))

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or tag in _NOT_ARTICLE_TAGS or _is_not_article(element):
                walker.skip_subtree()
                # skip_subtree also skips this element's "end": keep its tail here.
                if element.tail and element is not root:
                    buffer.append(element.tail)
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if element.text:
                buffer.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                flush(heading=tag in _HEADING_TAGS)
            if element.tail and element is not root:
                buffer.append(element.tail)
    flush()
    return blocks


def _is_not_article(element: etree._Element) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}".strip()
    return bool(names) and _NOT_ARTICLE_CLASS.search(names) is not None


def html_fragment_blocks(html: str) -> list[Block]:
    """Paragraphs of a piece of HTML (a feed entry's content): the whole of it is the
    article, so nothing is judged boilerplate by position, only by the line classifier."""
    if "<" not in html:
        return text_blocks(htmllib.unescape(html))
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return html_blocks(root)


def text_blocks(text: str) -> list[Block]:
    """Paragraphs of plain text: separated by blank lines, or one per line when it has none."""
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    return [Block(p) for p in (_clean(p) for p in re.split(separator, text)) if p]


def _fallback_body(text: str, meta: _PageMeta, *, huge: bool = False) -> BodyParts:
    try:
        root = lxml.html.document_fromstring(text)
        if huge:
            # Its title only: trafilatura's metadata queries walk the whole tree, several
            # times (4 s for 660,000 elements).
            meta.title = meta.title or _clean(root.findtext(".//title") or "")
        elif not meta.title:
            _fallback_metadata(root, meta)
    except (etree.ParserError, ValueError):
        return BodyParts()
    return _body(fallback_blocks(root), meta.title)


def _fallback_metadata(root: lxml.html.HtmlElement, meta: _PageMeta) -> None:
    from trafilatura.metadata import extract_metadata

    try:
        document = extract_metadata(root, date_config=_DATE_PARAMS, extensive=False)
    except Exception:
        return  # as in _trafilatura_blocks: no metadata is better than no import
    meta.title = meta.title or _clean(document.title or "")
    meta.byline = meta.byline or _clean((document.author or "").replace("; ", ", "))
    meta.url = meta.url or (document.url or "").strip()
    meta.published = meta.published or _iso_date(document.date)
    meta.site = meta.site or _clean(document.sitename or "")


# ---- from blocks to an article body ---------------------------------------------------------


def _body(blocks: Iterable[Block], title: str) -> BodyParts:
    kept = [block for block in blocks if block.text]
    lines = [classify_line(block.text, number) for number, block in enumerate(kept, 1)]
    headings = {number for number, block in enumerate(kept, 1) if block.heading}
    return assemble_body(lines, headings, title)


def body_parts(blocks: Iterable[Block], title: str = "") -> BodyParts:
    """Paragraphs and subheads of extracted blocks, without boilerplate lines and teaser blocks
    anywhere, and without the page's own title, kicker, byline and date lines at the top (the
    kicker, byline and date are kept aside)."""
    return _body(blocks, title)


def assemble_body(lines: list[Line], headings: set[int], title: str) -> BodyParts:
    body = BodyParts()
    title_key = _key(title)
    subhead = ""  # a heading waiting for the first paragraph of its section
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.kind in _DROPPED_KINDS:
            continue
        if line.kind is LineKind.TEASER_HEADER:
            index = end_of_teaser_block(lines, index - 1)
            continue
        is_heading = line.number in headings
        if not body.paragraphs:
            if title_key and _key(line.text) == title_key:
                continue
            if line.kind is LineKind.BYLINE:
                body.byline = body.byline or line.label
                continue
            if line.kind is LineKind.DATE:
                body.published = body.published or line.date
                continue
            if not is_heading and _is_kicker_like(line):
                body.kicker = line.text
                continue
        if is_heading:
            subhead = line.text
            continue
        if subhead:
            offset = len(join_paragraphs(body.paragraphs)) + 2 if body.paragraphs else 0
            body.subheads.append(Subhead(subhead, offset))
            subhead = ""
        body.paragraphs.append(line.text)
    if not body.paragraphs and body.kicker:
        # A short line alone is the text, not a kicker over nothing.
        body.paragraphs.append(body.kicker)
        body.kicker = ""
    return body


def _is_kicker_like(line: Line) -> bool:
    return line.words <= _WORDS_IN_KICKER and not line.terminated


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _clean(text: str) -> str:
    """One line, single spaces, no invisible characters."""
    return " ".join(normalise_text(text).split())


def clean_text(text: str) -> str:
    return _clean(text)


def title_from(text: str) -> str:
    """A title for an article that has none: its first sentence, cut at a word boundary."""
    return shorten(first_sentence(text), TITLE_MAX_CHARS)


register(HtmlReader())
