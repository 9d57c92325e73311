"""E-mail: one saved message (.eml) or a mailbox of them (.mbox), as newsletters and news
alerts arrive.

Each message's text part is read (plain text preferred, else the HTML made plain), with its
charset and transfer encoding undone by the stdlib ``email`` package; attachments are ignored.
The subject is the title, the Date header the publication date and the sender the source (a
newsletter's From names the publisher, not the author). A digest carrying several stories is
cut into them by the plain-text segmenter; a message with one story stays one article.

Mailboxes are split here rather than by ``mailbox.mbox``, which needs a file on disk: a
mailbox inside an archive arrives as bytes only.
"""

from __future__ import annotations

import dataclasses
import email
import email.message
import email.policy
import logging
import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from briefing.domain import DateSource, ParsedArticle
from briefing.ingest.decoding import UndecodableInput, decode_bytes, normalise_text
from briefing.ingest.document_text import html_to_text, parse_date_value, segment_document
from briefing.ingest.readers import ReadError, ReadOptions, ReadResult, register, skipped_parts
from briefing.ingest.sentences import shorten

_log = logging.getLogger(__name__)

EML_EXTENSIONS = frozenset({".eml"})
MBOX_EXTENSIONS = frozenset({".mbox", ".mbx"})
TITLE_MAX_CHARS = 120

# A mailbox message starts at a "From " line followed by a header line; a body line that
# starts with "From " (unescaped by a careless writer) is rarely followed by one.
_FROM_LINE = re.compile(rb"^From [^\n]*\n(?=[A-Za-z0-9][A-Za-z0-9-]*:)", re.MULTILINE)
# mboxrd escaping: ">From " in a body stands for "From " (and ">>From " for ">From ").
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_HEADER_LINE = re.compile(rb"([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]")
_KNOWN_HEADERS = frozenset(
    {b"from", b"to", b"subject", b"date", b"received", b"return-path", b"message-id",
     b"mime-version", b"content-type", b"delivered-to", b"reply-to", b"cc", b"sender",
     b"list-id", b"list-unsubscribe", b"x-mailer", b"dkim-signature", b"authentication-results"}
)  # fmt: skip

# Newsletter furniture that is no part of any story: dropped line by line.
_MAIL_FURNITURE = re.compile(
    r"""^(?:
        (?:to\ )?unsubscribe\b.{0,160}
      | you\ (?:are\ )?receiv(?:ed|ing)\ this\b.{0,200}
      | this\ (?:e-?mail|message|newsletter)\ was\ sent\ to\b.{0,200}
      | (?:manage|update)\ (?:your\ )?(?:subscriptions?|preferences|e-?mail\ settings).{0,80}
      | (?:view|read|open)\ (?:this\ (?:e-?mail|newsletter|message)\ )?(?:in|on)\ (?:your\ |a\ )?
            (?:web\ )?browser.{0,40}
      | (?:having\ trouble|problems?)\ (?:viewing|reading)\ this.{0,120}
      | forward\ (?:this\ )?(?:e-?mail\ )?to\ a\ friend.{0,40}
      | if\ you\ (?:no\ longer\ )?wish\ to\ (?:receive|unsubscribe).{0,160}
      | (?:add|whitelist)\ .{0,60}\ to\ your\ (?:address\ book|contacts|safe\ senders).{0,60}
      | privacy\ policy(?:\ ?[|·•]\ ?.{0,80})?
      | \[(?:image|cid):[^\]]*\]
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# The stdlib's structured-header parser takes time quadratic in a header's length (a
# Content-Type of 50,000 ";" takes minutes) and recurses once per nested "(". No honest header
# we read (subject, sender, date, content type) is this long: longer ones are cut before they
# are parsed.
MAX_HEADER_CHARS = 1000
_SIGNATURE_SEPARATOR = "\n-- \n"  # RFC 3676: what follows is the sender's signature
# A plain part this much shorter than the HTML one is a stub ("View this email in your
# browser") rather than the newsletter.
_STUB_SHARE = 0.2


class _BoundedPolicy(email.policy.EmailPolicy):
    """The stdlib's default policy, with headers cut to MAX_HEADER_CHARS before they are
    parsed, and comments nested too deep to parse read as plain text."""

    def header_fetch_parse(self, name: str, value: Any) -> Any:
        if isinstance(value, str) and len(value) > MAX_HEADER_CHARS:
            value = value[:MAX_HEADER_CHARS]
        try:
            return super().header_fetch_parse(name, value)
        except RecursionError:
            if not isinstance(value, str):
                raise
            return super().header_fetch_parse(name, value.replace("(", " "))


# For every message Briefing parses (mail, mailboxes and .mhtml web archives).
MAIL_POLICY = _BoundedPolicy()


class _Message:
    """What one message says: headers decoded, body as plain text."""

    def __init__(self, raw: bytes) -> None:
        message = email.message_from_bytes(raw, policy=MAIL_POLICY)
        assert isinstance(message, EmailMessage)  # the default policy's message factory
        self.subject = _header(message, "subject")
        self.sender = _sender(message)
        self.published = parse_date_value(_raw_header(message, "date"))
        self.text = _clean(_body_text(message))


def _raw_header(message: EmailMessage, name: str) -> str:
    # raw_items: the header as written, unparsed, so a malformed date costs only the date.
    for key, value in message.raw_items():
        if key.lower() == name:
            return " ".join(str(value).split())
    return ""


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message[name]
    except (ValueError, TypeError, IndexError, LookupError):
        value = _raw_header(message, name)  # undecodable RFC 2047 words stay as written
    return " ".join(str(value or "").split())


def _sender(message: EmailMessage) -> str:
    try:
        header = message["from"]
        addresses = getattr(header, "addresses", ())
    except (ValueError, TypeError, IndexError, LookupError):
        return _raw_header(message, "from")
    if addresses:
        first = addresses[0]
        return first.display_name or first.addr_spec
    return " ".join(str(header or "").split())


def _body_text(message: EmailMessage) -> str:
    """The message's readable text: its text/plain part, unless that is missing or a stub and
    a text/html part says more. Attachments are never read (get_body skips them)."""
    plain_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    plain = _part_text(plain_part) if plain_part is not None else ""
    if html_part is None:
        return plain
    if plain.strip() and plain_part is not None and plain_part is not html_part:
        html = html_to_text(_part_text(html_part))
        return html if len(plain.strip()) < _STUB_SHARE * len(html) else plain
    return html_to_text(_part_text(html_part))


def _part_text(part: email.message.EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, UnicodeError, AssertionError):
        content = None  # an unknown or lying charset: guess from the bytes below
    if isinstance(content, str):
        return content
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return ""
    try:
        return decode_bytes(payload)
    except UndecodableInput:
        return ""


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n")
    # Before normalising, which strips the separator's trailing space.
    signature = text.rfind(_SIGNATURE_SEPARATOR)
    if signature >= 0:
        text = text[:signature]
    text = normalise_text(text)
    lines = [line for line in text.split("\n") if not _MAIL_FURNITURE.match(line.strip())]
    return "\n".join(lines).strip()


def _message_articles(
    message: _Message, origin_file: str, first_position: int, line: int
) -> list[ParsedArticle]:
    found = segment_document(message.text, origin_file=origin_file) if message.text else []
    if not found:
        return []
    published = message.published
    if len(found) >= 2:
        # A digest: each story keeps the title, byline and date line the segmenter found; a
        # story without a date line takes the message's date.
        return [
            dataclasses.replace(
                story,
                published=story.published or published,
                date_source=DateSource.METADATA
                if story.published or published
                else DateSource.UNKNOWN,
                warnings=tuple(w for w in story.warnings if w != "no date" or not published),
                origin_position=first_position + index,
                origin_line=line,
                source=message.sender,
            )
            for index, story in enumerate(found)
        ]
    story = found[0]
    if published is None:
        published = story.published
    title = shorten(message.subject, TITLE_MAX_CHARS) if message.subject else story.title
    return [
        dataclasses.replace(
            story,
            title=title,
            headline=story.headline or message.subject,
            published=published,
            date_source=DateSource.METADATA if published else DateSource.UNKNOWN,
            warnings=tuple(w for w in story.warnings if w != "no date" or not published),
            origin_position=first_position,
            origin_line=line,
            source=message.sender,
        )
    ]


def _read_messages(messages: Iterator[tuple[int, bytes]], path: Path) -> list[ParsedArticle]:
    articles: list[ParsedArticle] = []
    empty: list[int] = []
    count = 0
    for line, raw in messages:
        count += 1
        try:
            message = _Message(raw)
        except Exception as exc:
            # The email package raises many kinds of error on broken MIME; one broken
            # message in a mailbox must not cost the others. It is counted with the skipped
            # messages; the log (debug level: the CLI's stderr is for the report) says why.
            _log.debug("%s: message at line %d cannot be read: %s", path, line, exc)
            empty.append(line)
            continue
        found = _message_articles(message, str(path), len(articles), line)
        if not found:
            empty.append(line)
        articles.extend(found)
    if count == 0:
        raise ReadError("no messages found")
    if empty and articles:
        # Reported with the import (a mailbox's empty or broken messages are not news).
        return ReadResult(
            articles, skipped=[skipped_parts(path, "messages", empty, count, "no readable text")]
        )
    return articles


def split_mbox(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(1-based line of its "From " line, message bytes) for each message in a mailbox."""
    data = data.replace(b"\r\n", b"\n").lstrip()
    starts = [match for match in _FROM_LINE.finditer(data)]
    line = 1
    counted = 0
    for index, match in enumerate(starts):
        line += data.count(b"\n", counted, match.start())
        counted = match.start()
        end = starts[index + 1].start() if index + 1 < len(starts) else len(data)
        body = data[match.end() : end]
        if b">" in body and b"From " in body:
            body = _ESCAPED_FROM.sub(rb"\1", body)
        yield line, body


def _looks_like_headers(head: bytes) -> bool:
    block = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    lines = block.split(b"\n")
    if not lines or _HEADER_LINE.match(lines[0]) is None:
        return False
    known = 0
    for line in lines:
        match = _HEADER_LINE.match(line)
        if match is not None and match.group(1).lower() in _KNOWN_HEADERS:
            known += 1
    return known >= 3


class EmlReader:
    name = "E-mail message"
    extensions = EML_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        if path.suffix.lower() in self.extensions:
            return 0.9
        # A message saved under another name: above plain text's claim on .txt (0.8).
        return 0.85 if _looks_like_headers(head) else 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        if not data.strip():
            raise ReadError("empty file")
        return _read_messages(iter([(1, data)]), path)


class MboxReader:
    name = "Mailbox"
    extensions = MBOX_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        if path.suffix.lower() in self.extensions:
            return 0.9
        if head.startswith(b"From ") and _FROM_LINE.match(head) is not None:
            return 0.85  # a mailbox without an extension (Thunderbird's "Inbox")
        return 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        if not data.strip():
            raise ReadError("empty file")
        if _FROM_LINE.match(data.lstrip()[:65536].replace(b"\r\n", b"\n")) is None:
            raise ReadError('not a mailbox (it should start with a "From " line)')
        return _read_messages(split_mbox(data), path)


register(EmlReader())
register(MboxReader())
