"""Untrusted XML, parsed without expanding entities and without fetching anything.

Feeds (and later Office documents) come from anywhere, so XML is never parsed with a default
parser. Three layers, each enough on its own for the attacks it names:

1. A document whose DOCTYPE declares entities is refused before parsing. Entity declarations
   are what billion laughs, quadratic blowup and external entities (``SYSTEM
   "file:///etc/passwd"``, ``SYSTEM "http://..."``) are made of; news feeds never need them (RSS
   0.91's HTML entities come from an external DTD we never load, and are mapped below).
2. lxml's parser is configured not to resolve entities, not to load DTDs, not to touch the
   network and to keep its tree-size limits (``huge_tree=False``).
3. After parsing, a DTD that still carries entity declarations (should the prolog check ever be
   fooled) is refused too.

Why not defusedxml: its lxml module is deprecated (it warns on import and is slated for
removal), and its expat-based parsers cannot recover a truncated feed, which lxml's
``recover=True`` does. What it would add over lxml is the entity check, which is layer 1 here.
"""

from __future__ import annotations

import codecs
import html.entities
import re
from dataclasses import dataclass

from lxml import etree

from briefing.ingest.decoding import UndecodableInput, decode_bytes


class XmlError(Exception):
    """XML that cannot be used; ``str()`` is the one-line reason shown to the person."""


class UnsafeXml(XmlError):
    """XML refused for what it declares, before anything in it was expanded or fetched."""


ENTITY_REFUSAL = "refused: the XML declares entities (possible entity-expansion attack)"

_XML_DECLARATION = re.compile(r"""^\s*<\?xml\b[^>]*?\?>""")
_DECLARED_ENCODING = re.compile(
    rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']"""
)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
_BYTE_ORDER_MARKS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)
# Named references HTML knows and XML does not (&nbsp; &eacute; &mdash; ...): feeds written by
# hand or by old CMSs use them, and a parser in recovery mode would silently drop the letters.
_NAMED_REFERENCE = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_NAMED = frozenset({"amp", "lt", "gt", "quot", "apos"})


def decode_xml(data: bytes) -> str:
    """The text of an XML file: by its byte-order mark, else by the encoding its declaration
    names when the bytes really are in it, else as any text file (UTF-8, then cp1252 and the
    other guesses of decoding.py). The last step is what reads a cp1252 feed labelled UTF-8.
    """
    if not data.strip():
        raise XmlError("empty file")
    if not data.startswith(_BYTE_ORDER_MARKS):
        declared = _DECLARED_ENCODING.match(data)
        if declared is not None:
            try:
                return _declared_text(data, declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass  # mislabelled: guess below
    try:
        return decode_bytes(data)
    except UndecodableInput as exc:
        raise XmlError(str(exc)) from exc


def _declared_text(data: bytes, encoding: str) -> str:
    codec = codecs.lookup(encoding)
    if codec.name.startswith(("utf-16", "utf-32")):
        # A UTF-16 declaration on a file without a byte-order mark is nearly always a lie
        # (the declaration itself was readable as ASCII).
        raise LookupError(encoding)
    return data.decode(codec.name)


def refuse_entity_declarations(text: str) -> None:
    """Raise UnsafeXml when the document's prolog declares entities."""
    # The fast test first: nearly every document has no "<!ENTITY" anywhere.
    first = _ENTITY_DECLARATION.search(text)
    if first is not None and first.start() < _prolog_end(text):
        raise UnsafeXml(ENTITY_REFUSAL)


def _prolog_end(text: str) -> int:
    """Where the root element starts: everything before it is the prolog (declaration,
    comments, processing instructions, DOCTYPE with its internal subset).

    Comments and quoted literals are skipped as units, so a ``<b>`` inside a comment or an
    entity value cannot end the prolog early and hide a declaration after it. When the prolog
    cannot be delimited the whole text counts as prolog: refusing a strange file is better
    than parsing a hostile one.
    """
    index = 0
    length = len(text)
    in_subset = False
    close = -2  # the next "]" at or after index (-1: none; -2: not looked for yet)
    while index < length:
        lt = text.find("<", index)
        if in_subset:
            # Between the internal subset's declarations: "]" closes it. Looked for again
            # only once passed: a subset of a million "<" and no "]" must not cost a
            # million searches to the end of the text.
            if close == -2 or 0 <= close < index:
                close = text.find("]", index)
            if close >= 0 and (lt < 0 or close < lt):
                in_subset = False
                index = close + 1
                continue
        if lt < 0:
            return length
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            if end < 0:
                return length
            index = end + 3
        elif text.startswith("<?", lt):
            end = text.find("?>", lt + 2)
            if end < 0:
                return length
            index = end + 2
        elif text.startswith("<!", lt):
            # <!DOCTYPE ...> or, inside its [...] subset, <!ELEMENT/<!ATTLIST/<!ENTITY ...>.
            end = _declaration_end(text, lt + 2)
            if end < 0:
                return length
            if text[end] == "[":
                in_subset = True
            index = end + 1
        elif in_subset:
            index = lt + 1  # not valid in a DTD; keep scanning rather than call it the root
        else:
            return lt
    return length


def _declaration_end(text: str, index: int) -> int:
    """Index of the ``>`` closing a markup declaration, skipping quoted literals, or of the
    ``[`` opening a DOCTYPE's internal subset; -1 when there is none."""
    quote = ""
    for position in range(index, len(text)):
        char = text[position]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[>":
            return position
    return -1


def replace_html_entities(text: str) -> str:
    """``&eacute;`` → ``&#233;``: every HTML named reference XML lacks, as a numeric one."""
    if "&" not in text:
        return text
    return _NAMED_REFERENCE.sub(_numeric_reference, text)


def _numeric_reference(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _XML_NAMED:
        return match.group(0)
    replacement = html.entities.html5.get(name + ";")
    if replacement is None:
        return match.group(0)  # unknown: left for the parser to recover around
    return "".join(f"&#{ord(char)};" for char in replacement)


class _NothingExternal(etree.Resolver):
    """Answers every request for an external resource (DTD, entity, XInclude) with nothing.

    The parser options below already forbid loading; this makes sure that, whatever option a
    future lxml or libxml2 interprets differently, no file is opened and no URL fetched.
    """

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        return self.resolve_string("", context)


def _safe_parser(recover: bool) -> etree.XMLParser:
    # A new parser per document: lxml parsers keep an error log and are not meant to be
    # shared between threads. Not collect_ids=False: with it, libxml2 2.14 tries to load an
    # external DTD even when load_dtd is off (seen as IO_NETWORK_ATTEMPT in the error log).
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        recover=recover,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )
    parser.resolvers.add(_NothingExternal())
    return parser


@dataclass(frozen=True, slots=True)
class ParsedXml:
    """A parsed document's root and whether the parser had to repair the text to get it."""

    root: etree._Element
    recovered: bool


def parse_xml(data: bytes | str, *, recover: bool = True, html_entities: bool = False) -> ParsedXml:
    """Parse untrusted XML safely (see the module docstring).

    ``recover``: repair what libxml2 can (a truncated feed keeps its complete entries);
    ``html_entities``: read HTML named references (``&nbsp;``) as the characters they name.
    Raises UnsafeXml for entity declarations and XmlError when nothing usable is found.
    """
    text = decode_xml(data) if isinstance(data, bytes) else data
    refuse_entity_declarations(text)
    # The text is already decoded: the declaration's encoding no longer applies (and lxml
    # refuses to parse a declaration that names one from a str).
    text = _XML_DECLARATION.sub("", text, count=1)
    if html_entities:
        text = replace_html_entities(text)
    parser = _safe_parser(recover)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise XmlError(f"not well-formed XML: {_first_line(str(exc))}") from exc
    if root is None:
        raise XmlError("not XML: nothing could be parsed")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise UnsafeXml(ENTITY_REFUSAL)
    errors = parser.error_log.filter_from_errors()
    return ParsedXml(root, recovered=len(errors) > 0)


def _first_line(message: str) -> str:
    return message.splitlines()[0] if message else "unknown error"


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace ("" for comments and the like)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]
