"""Word documents (.docx): a saved article, or a press-clippings file holding many.

The document is opened with python-docx (its lxml parser resolves no entities, so an XML
entity bomb stays inert); before that, the zip's central directory is checked so that a file
inflating to gigabytes is refused unopened. Paragraph styles carry the structure: Title and
Heading 1 are headlines, Subtitle a standfirst, Heading 2 and below subheads. Several
Heading 1 (or Title) paragraphs mean several articles, one per heading. A document without
such headings is read like a text file by the plain-text segmenter, which finds headlines,
bylines and date lines by their shape. Tables are read in place, a row to a paragraph.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from briefing.domain import DateSource, ParsedArticle, Subhead
from briefing.ingest.document_text import segment_document
from briefing.ingest.line_kinds import LineKind, classify_line
from briefing.ingest.readers import ReadError, ReadOptions, library_message, register
from briefing.ingest.sentences import first_sentence, shorten

DOCX_EXTENSIONS = frozenset({".docx"})
TITLE_MAX_CHARS = 120
ZIP_MAGIC = b"PK\x03\x04"
DOCUMENT_PART = "word/document.xml"
# A news document unpacks to a few MB; these stop a zip bomb before anything is inflated.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Below this, even a high ratio cannot hurt (and tiny repetitive XML parts do reach it).
_RATIO_MIN_BYTES = 1024 * 1024

_HEADING_STYLE = re.compile(r"heading (\d)")

_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_T = qn("w:t")
_BREAKS = frozenset({qn("w:br"), qn("w:cr")})
_TABS = frozenset({qn("w:tab"), qn("w:ptab")})
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_P_STYLE = (qn("w:pPr"), qn("w:pStyle"))
_STYLE_VAL = qn("w:val")
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE_CONTENT = f"{{{_MARKUP_COMPATIBILITY}}}AlternateContent"
# Never read as the paragraph's text: properties, deleted and moved-away revisions, and
# drawings and text boxes (their text sits twice in alternate-content markup).
_SKIPPED = frozenset(
    {
        qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom"), qn("w:drawing"),
        qn("w:pict"), qn("w:object"), _ALTERNATE_CONTENT,
    }
)  # fmt: skip


def check_zip_sizes(data: bytes, required: str | None = None) -> None:
    """Refuse a zip whose members would inflate beyond the limits, from the sizes its central
    directory declares (zipfile stops inflating a member at its declared size, so they hold).
    ``required``: a member the file must have to be what it claims."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ReadError(f"damaged zip container ({library_message(exc)})") from exc
    except NotImplementedError as exc:  # "zip file version 13.2": damage, or a newer zip
        raise ReadError(f"damaged or unsupported zip container ({library_message(exc)})") from exc
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ReadError(
            f"unpacks to {unpacked / 2**20:,.0f} MB, over the "
            f"{MAX_UNPACKED_BYTES // 2**20} MB limit (a zip bomb?)"
        )
    if unpacked > _RATIO_MIN_BYTES and unpacked > MAX_COMPRESSION_RATIO * max(packed, 1):
        raise ReadError(
            f"compressed {unpacked / max(packed, 1):,.0f} to 1, over the "
            f"{MAX_COMPRESSION_RATIO} to 1 limit (a zip bomb?)"
        )
    if required is not None and all(member.filename != required for member in members):
        raise ReadError(f"not a Word document (no {required})")


# ---- paragraphs ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph (or a table row) with what its style makes it."""

    text: str
    role: str  # "title", "deck", "h1".."h9", or "text"

    @property
    def level(self) -> int:
        return int(self.role[1:]) if self.role.startswith("h") else 0


def _paragraph_text(element: etree._Element) -> str:
    parts: list[str] = []
    _collect_text(element, parts)
    return "".join(parts)


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue  # comments and processing instructions have non-string tags
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _TABS:
            parts.append(" ")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            _collect_text(child, parts)


def _blocks(body: etree._Element, style_names: dict[str, str]) -> Iterator[_Block]:
    """The body's paragraphs and table rows in reading order, content controls opened."""
    for child in body:
        tag = child.tag
        if tag == _P:
            role = _role(child, style_names)
            # A line break inside a paragraph ("By Jane Smith<br/>21 January 2019") is
            # read as two lines, so each can be recognised.
            for line in _paragraph_text(child).split("\n"):
                text = " ".join(line.split())
                if text:
                    yield _Block(text, role)
        elif tag == _TBL:
            yield from _table_rows(child)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content, style_names)


def _table_rows(table: etree._Element) -> Iterator[_Block]:
    for row in table.iter(_TR):
        cells: list[str] = []
        for cell in row.iterchildren(_TC):
            text = " ".join(" ".join(_paragraph_text(p).split()) for p in cell.iter(_P)).strip()
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            yield _Block(" | ".join(cells), "text")


def _role(paragraph: etree._Element, style_names: dict[str, str]) -> str:
    properties = paragraph.find(_P_STYLE[0])
    style = properties.find(_P_STYLE[1]) if properties is not None else None
    if style is None:
        return "text"
    name = style_names.get(style.get(_STYLE_VAL, ""), "").lower()
    if name == "title":
        return "title"
    if name == "subtitle":
        return "deck"
    heading = _HEADING_STYLE.fullmatch(name)
    return f"h{heading.group(1)}" if heading else "text"


# ---- blocks to articles ---------------------------------------------------------------------


@dataclass(slots=True)
class _Section:
    headline: str = ""
    blocks: list[_Block] = field(default_factory=list)


def _sections(blocks: list[_Block]) -> list[_Section] | None:
    """The document cut at its top headings, or None when it has none (then the plain-text
    segmenter reads it)."""
    h1 = sum(1 for block in blocks if block.role == "h1")
    titles = sum(1 for block in blocks if block.role == "title")
    if h1 == 0 and titles == 0:
        return None
    if h1 >= 2 or titles >= 2:
        top = "h1" if h1 >= 2 else "title"
        sections = [_Section()]
        for block in blocks:
            if block.role == top:
                sections.append(_Section(block.text))
            elif block.role == "title" and not sections[-1].headline:
                sections[-1].headline = block.text  # the document's title over a preamble
            else:
                sections[-1].blocks.append(block)
        return sections
    # One article: its headline is the Title, else the Heading 1; the other is a subhead.
    top = "title" if titles else "h1"
    section = _Section()
    for block in blocks:
        if block.role == top and not section.headline:
            section.headline = block.text
        else:
            section.blocks.append(block)
    return [section]


def _section_article(section: _Section, origin_file: str, position: int) -> ParsedArticle | None:
    paragraphs: list[str] = []
    subheads: list[Subhead] = []
    pending: list[str] = []
    deck = byline = ""
    published: dt.date | None = None
    body_length = 0
    for block in section.blocks:
        if block.role == "deck" and not deck and not paragraphs:
            deck = block.text
            continue
        if block.role != "text" and block.role != "deck":
            pending.append(block.text)
            continue
        if not paragraphs and not pending:
            # The head: a byline and a date line under the headline, as in wire copy.
            line = classify_line(block.text, 0)
            if line.kind is LineKind.BYLINE and not byline:
                byline = line.label
                published = published or line.date
                continue
            if line.kind is LineKind.DATE and published is None:
                published = line.date
                continue
        offset = body_length + 2 if paragraphs else 0
        subheads.extend(Subhead(text, offset) for text in pending)
        pending.clear()
        paragraphs.append(block.text)
        body_length = offset + len(block.text)
    paragraphs.extend(pending)  # headings with nothing under them: keep their text
    if not paragraphs:
        return None  # a heading alone (a cover page, an empty section) is no article
    title = section.headline or shorten(first_sentence(paragraphs[0]), TITLE_MAX_CHARS)
    return ParsedArticle(
        title=shorten(title, TITLE_MAX_CHARS),
        body="\n\n".join(paragraphs),
        deck=deck,
        headline=section.headline,
        byline=byline,
        subheads=tuple(subheads),
        published=published,
        date_source=DateSource.METADATA if published else DateSource.UNKNOWN,
        origin_file=origin_file,
        origin_position=position,
        origin_line=0,
        warnings=() if published else ("no date",),
    )


def _as_text_file(blocks: list[_Block]) -> str:
    """The document as the plain-text segmenter reads it: one paragraph a line, with lower
    headings written as Markdown subheads."""
    lines: list[str] = []
    for block in blocks:
        if block.level >= 2:
            lines.append("## " + block.text)
        else:
            lines.append(block.text)
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Properties:
    title: str
    author: str
    created: dt.date | None


def _with_properties(article: ParsedArticle, properties: _Properties) -> ParsedArticle:
    """A one-article document takes its title, author and date from the file's properties
    when its text gives none. (In a clippings file they describe the file, not the stories.)"""
    changes: dict[str, object] = {}
    if not article.headline and properties.title:
        changes["title"] = shorten(properties.title, TITLE_MAX_CHARS)
    if not article.byline and properties.author:
        changes["byline"] = properties.author
    if article.published is None and properties.created is not None:
        changes["published"] = properties.created
        changes["date_source"] = DateSource.METADATA
        changes["warnings"] = tuple(w for w in article.warnings if w != "no date")
    return dataclasses.replace(article, **changes) if changes else article


def read_docx(data: bytes, origin_file: str) -> list[ParsedArticle]:
    check_zip_sizes(data, required=DOCUMENT_PART)
    try:
        document = docx.Document(io.BytesIO(data))
        style_names = {style.style_id: style.name or "" for style in document.styles}
        blocks = list(_blocks(document.element.body, style_names))
        core = document.core_properties
        created = core.created
        properties = _Properties(
            title=" ".join((core.title or "").split()),
            author=" ".join((core.author or "").split()),
            created=created.date() if isinstance(created, dt.datetime) else None,
        )
    except ReadError:
        raise
    except Exception as exc:
        # python-docx and lxml raise many kinds of error on a damaged package (KeyError for a
        # missing part, XMLSyntaxError, ValueError for a macro document...): one line each.
        raise ReadError(f"not a readable Word document: {library_message(exc)}") from exc
    if not blocks:
        raise ReadError("the document has no text")
    sections = _sections(blocks)
    if sections is None:
        articles = segment_document(_as_text_file(blocks), origin_file=origin_file)
    else:
        articles = []
        for section in sections:
            article = _section_article(section, origin_file, len(articles))
            if article is not None:
                articles.append(article)
    if len(articles) == 1:
        articles = [_with_properties(articles[0], properties)]
    return articles


class DocxReader:
    name = "Word document"
    extensions = DOCX_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        is_zip = head.startswith(ZIP_MAGIC)
        if path.suffix.lower() in self.extensions:
            # Also when damaged: the reason then names the Word file's fault.
            return 0.95 if is_zip else 0.9
        # A Word file under another name: its first zip entries name the word/ folder. Above
        # the zip reader, which claims any PK file.
        return 0.92 if is_zip and b"word/" in head else 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        return read_docx(data, str(path))


register(DocxReader())
