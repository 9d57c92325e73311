"""RSS 0.9x, 1.0 (RDF) and 2.0 and Atom feed files: each entry an article.

Parsed with lxml through safe_xml (no entity expansion, no DTD, no network; a truncated or
slightly broken feed keeps what can be recovered), not with feedparser: feedparser is several
times slower on large feeds, and it is built to fetch (URLs, relative resolution, its own
sanitiser) where a file on disk needs none of that. The mapping of the four dialects to an
article is small and lives here.

An entry's HTML content becomes clean paragraphs with the lxml pass of html_reader (the whole
entry is the article, so trafilatura's main-content heuristics would only risk dropping short
entries); boilerplate lines ("The post ... appeared first on ...", share links) are dropped by
the same line classifier as everywhere else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from briefing.domain import DateSource, ParsedArticle, join_paragraphs
from briefing.ingest.dates import parse_date_line
from briefing.ingest.html_reader import (
    Block,
    BodyParts,
    body_parts,
    clean_text,
    html_fragment_blocks,
    text_blocks,
    title_from,
)
from briefing.ingest.readers import ReadError, ReadOptions, register
from briefing.ingest.safe_xml import XmlError, local_name, parse_xml
from briefing.ingest.segment import TITLE_MAX_CHARS
from briefing.ingest.sentences import shorten

FEED_EXTENSIONS = frozenset({".rss", ".atom", ".rdf", ".xml"})
_FEED_ONLY_EXTENSIONS = frozenset({".rss", ".atom", ".rdf"})

_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
# The root element, after what may precede it: a byte-order mark, the XML declaration,
# comments, processing instructions (xml-stylesheet), a DOCTYPE without internal subset.
# The prolog's repetition is possessive (*+): otherwise, before a root that is not a feed
# (every web page is sniffed here), each comment could end at any later "-->" and the
# engine tried them all, doubling the time with each comment (25 comments: minutes).
_RSS_ROOT = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*
         (?:<\?[^>]*>\s*|<!--.*?-->\s*|<!DOCTYPE[^>\[]*>\s*)*+
         <(?:rss[\s>]|(?:[\w-]+:)?RDF[\s>]|feed[\s>][^>]*http://www\.w3\.org/2005/Atom)""",
    re.DOTALL | re.VERBOSE,
)
_ENTRY_NAMES = frozenset({"item", "entry"})
_PUBLISHED_NAMES = ("pubDate", "published", "issued", "date", "created")
_UPDATED_NAMES = ("updated", "modified", "lastBuildDate")
_HTML_LIKE = re.compile(
    r"<(?:/?[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--)|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"
)
# RSS: "jane@example.com (Jane Smith)". The address is one word whose first "@" is matched
# at once ([^\s@]+): with \S+@\S+ a long author field of "@"s backtracked quadratically.
_AUTHOR_EMAIL = re.compile(r"^\s*[^\s@]+@[^\s(]+\s*\((.+)\)\s*$")
_WEB_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
# WordPress and other feed generators sign every entry; not part of the story.
_FEED_BOILERPLATE = re.compile(
    r"^(?:The post .{1,300} appeared first on .{1,200}|Continue reading.{0,80}|Read more.{0,40}"
    r"|\[(?:…|\.\.\.)\])\.?$",
    re.IGNORECASE,
)
_NOT_RECOVERED_WARNING = "the feed is not well-formed XML; what could be read was imported"


def looks_like_feed(head: bytes) -> bool:
    """The file's root element is an RSS, RDF or Atom feed."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return _RSS_ROOT.match(head) is not None


class FeedReader:
    name = "RSS/Atom feed"
    extensions = FEED_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        if looks_like_feed(head):
            return 0.95  # above the web page and plain text readers: .txt and .xml alike
        suffix = path.suffix.lower()
        if suffix in _FEED_ONLY_EXTENSIONS:
            return 0.6  # called a feed: say what is wrong with it rather than read it as text
        if suffix == ".xml":
            return 0.2  # XML that is not a feed: refused with a reason, not imported as text
        return 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        try:
            parsed = parse_xml(data, recover=True, html_entities=True)
        except XmlError as exc:
            raise ReadError(str(exc)) from exc
        return articles_from_feed(parsed.root, str(path), recovered=parsed.recovered)


def articles_from_feed(
    root: etree._Element, origin_file: str, *, recovered: bool = False
) -> list[ParsedArticle]:
    kind = local_name(root)
    if kind not in ("rss", "RDF", "feed"):
        raise ReadError(f"an XML file that is not an RSS or Atom feed (its root is <{kind}>)")
    channel = _channel(root)
    source = _text(_child(channel, "title")) if channel is not None else ""
    warnings = (_NOT_RECOVERED_WARNING,) if recovered else ()
    articles: list[ParsedArticle] = []
    entries = [e for e in root.iter() if local_name(e) in _ENTRY_NAMES]
    for entry in entries:
        article = _article(entry, origin_file, len(articles), source, warnings)
        if article is not None:
            articles.append(article)
    if not entries:
        raise ReadError("feed has no entries")
    if not articles:
        raise ReadError("no article text found: the feed's entries are empty")
    if recovered and _ends_mid_sentence(articles[-1].body):
        # A download that stopped part-way: its last entry is cut off, and says so.
        articles[-1] = dataclasses.replace(articles[-1], truncated=True)
    return articles


def _ends_mid_sentence(body: str) -> bool:
    end = body.rstrip().rstrip("\"'”’)»")
    return not end or end[-1] not in ".!?…:"


@dataclass(frozen=True, slots=True)
class _Entry:
    title: str
    body: BodyParts
    published: dt.date | None
    byline: str
    url: str


def _article(
    entry: etree._Element,
    origin_file: str,
    position: int,
    source: str,
    warnings: tuple[str, ...],
) -> ParsedArticle | None:
    parsed = _entry(entry)
    paragraphs = parsed.body.paragraphs
    if not parsed.title and not paragraphs:
        return None
    title = shorten(parsed.title, TITLE_MAX_CHARS) if parsed.title else title_from(paragraphs[0])
    published = parsed.published or parsed.body.published
    return ParsedArticle(
        title=title,
        body=join_paragraphs(paragraphs),
        headline=parsed.title,
        kicker=parsed.body.kicker,
        byline=parsed.byline or parsed.body.byline,
        subheads=tuple(parsed.body.subheads),
        published=published,
        date_source=DateSource.METADATA if published else DateSource.UNKNOWN,
        origin_file=origin_file,
        origin_position=position,
        origin_line=entry.sourceline or 0,
        url=parsed.url,
        source=source,
        warnings=warnings,
    )


def _entry(entry: etree._Element) -> _Entry:
    children: dict[str, list[etree._Element]] = {}
    for child in entry:
        children.setdefault(local_name(child), []).append(child)

    def first(*names: str) -> etree._Element | None:
        for name in names:
            if name in children:
                return children[name][0]
        return None

    title_element = first("title")
    title = _plain(title_element) if title_element is not None else ""
    # The fullest text first: content:encoded (RSS) or content (Atom), then the summary.
    body = BodyParts()
    for name in ("encoded", "content", "description", "summary"):
        element = first(name)
        if element is None or element.get("src"):
            continue  # Atom's out-of-line content (src=...) points elsewhere: never fetched
        blocks = [b for b in _content_blocks(element) if not _FEED_BOILERPLATE.match(b.text)]
        body = body_parts(blocks, title)
        if body.paragraphs:
            break
    return _Entry(
        title=title,
        body=body,
        published=_date(first(*_PUBLISHED_NAMES)) or _date(first(*_UPDATED_NAMES)),
        byline=_byline(children),
        url=_url(entry, children),
    )


# ---- fields ---------------------------------------------------------------------------------


def _channel(root: etree._Element) -> etree._Element | None:
    if local_name(root) == "feed":
        return root
    for element in root:
        if local_name(element) == "channel":
            return element
    return None


def _child(parent: etree._Element, name: str) -> etree._Element | None:
    for element in parent:
        if local_name(element) == name:
            return element
    return None


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return clean_text("".join(element.itertext()))


def _content_blocks(element: etree._Element) -> list[Block]:
    """The paragraphs of an entry's content or summary.

    RSS puts HTML in its text (escaped or in CDATA); Atom says which with ``type``: ``html``
    is escaped HTML, ``xhtml`` is real child elements, ``text`` is plain text.
    """
    kind = (element.get("type") or "").lower()
    if kind == "xhtml" or (len(element) and not kind):
        inner = (element.text or "") + "".join(
            etree.tostring(child, encoding="unicode", method="html", with_tail=True)
            for child in element
        )
        return html_fragment_blocks(_strip_namespaces(inner))
    text = "".join(element.itertext())
    if kind in ("text", "text/plain"):
        return text_blocks(text)
    return html_fragment_blocks(text)


def _strip_namespaces(markup: str) -> str:
    # XHTML children are serialised with their namespace prefixes (html:p); the HTML
    # parser wants plain tag names.
    return re.sub(r"<(/?)[A-Za-z][\w.-]*:", r"<\1", markup)


def _plain(element: etree._Element) -> str:
    """A title: plain text, even when the feed says it is HTML."""
    text = "".join(element.itertext())
    kind = (element.get("type") or "").lower()
    if kind in ("html", "xhtml") or (kind == "" and _HTML_LIKE.search(text)):
        blocks = html_fragment_blocks(text)
        return " ".join(block.text for block in blocks)
    return clean_text(text)


def _date(element: etree._Element | None) -> dt.date | None:
    """The date as the feed writes it, in its own time zone: RFC 822 (RSS), ISO 8601 (Atom,
    Dublin Core), or any date line the plain-text reader understands."""
    if element is None:
        return None
    value = " ".join("".join(element.itertext()).split())
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("z", "Z")).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    line = parse_date_line(value)
    return line.date if line is not None else None


def _byline(children: dict[str, list[etree._Element]]) -> str:
    names: list[str] = []
    for element in children.get("author", []) + children.get("creator", []):
        name_element = _child(element, "name")  # Atom: <author><name>...</name></author>
        name = _text(name_element if name_element is not None else element)
        match = _AUTHOR_EMAIL.match(name)
        if match:
            name = match.group(1).strip()
        elif _is_bare_address(name):
            continue  # an address alone names nobody
        if name and name not in names:
            names.append(name)
    return ", ".join(names)


def _is_bare_address(text: str) -> bool:
    """One word with an "@" and a dot after it ("desk@wire.example"). Not a regular
    expression: the obvious one backtracks quadratically over a long word of "@"s and dots."""
    word = text.strip()
    at = word.find("@")
    return at >= 1 and "." in word[at + 2 : -1] and len(word.split()) == 1


def _url(entry: etree._Element, children: dict[str, list[etree._Element]]) -> str:
    links = children.get("link", [])
    for link in links:  # Atom: the alternate link, or one without rel
        href = (link.get("href") or "").strip()
        if href and link.get("rel", "alternate") == "alternate" and _WEB_URL.match(href):
            return href
    for link in links:  # RSS: the link's text
        text = _text(link)
        if _WEB_URL.match(text):
            return text
    for guid in children.get("guid", []) + children.get("id", []):
        text = _text(guid)
        if guid.get("isPermaLink", "true") != "false" and _WEB_URL.match(text):
            return text
    about = entry.get(_RDF_ABOUT, "")  # RSS 1.0: <item rdf:about="...">
    return about if _WEB_URL.match(about) else ""


register(FeedReader())
