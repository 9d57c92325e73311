"""Deterministic mutants of valid news files, for robustness tests and the fuzz benchmark.

Every format the readers take has a seed file built here in code (python-docx writes the Word
file, reportlab the PDF, zipfile the archive), so the inputs are visible and nothing binary is
committed. :func:`mutant` turns a number into one damaged file: the number picks the seed
(round-robin over all seeds, so every format gets its share of any run) and seeds a
``random.Random`` that picks the mutation and its details. The same number always gives the
same bytes, on every machine and Python run, so a crash the benchmark finds is reproduced by
its number alone, and the test suite's fixed subset is a prefix of the benchmark's run.

:func:`check_outcome` states what reading a mutant may do: give articles whose text fields are
clean, or raise the readers' ``ReadError`` with a one-line reason a person can read. Anything
else (another exception, a traceback or a Python repr in the reason, a NUL or a lone surrogate
in an article) is a finding.

Qt-free, and no network: everything here is bytes in memory.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import functools
import io
import json
import quopri
import random
import re
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefing.domain import ParsedArticle
from briefing.ingest.readers import (
    INTERNAL_ERROR,
    OUT_OF_MEMORY,
    ReadError,
    ReadOptions,
    ReadResult,
    read_bytes,
)

# ---- seeds ------------------------------------------------------------------------------------

STORIES: tuple[tuple[str, str, str], ...] = (
    (
        "Russia displays disputed cruise missile",
        "21 January 2019",
        "MOSCOW (Reuters) - Russia's military on Wednesday displayed the 9M729 cruise missile "
        "that Washington says violates the INF treaty, and said its range was 480 km.\n\n"
        "Lieutenant-General Mikhail Matveyevsky told foreign attaches the missile could fly no "
        "farther than the treaty allows. NATO officials were not convinced.",
    ),
    (
        "Finland’s parliament backs NATO bid",
        "17 May 2022",
        "HELSINKI (AP) — Finland’s parliament voted 188 to 8 on Tuesday to join NATO, ending "
        "decades of military non-alignment after Russia’s invasion of Ukraine.\n\n"
        "President Sauli Niinistö is expected to sign the application on Wednesday, when it "
        "will be handed to the alliance in Brussels together with Sweden’s.",
    ),
    (
        "Pentagon tests ground-launched missile after INF exit",
        "19 August 2019",
        "WASHINGTON, Aug 19 (Reuters) - The U.S. military tested a conventionally configured "
        "ground-launched cruise missile that flew more than 500 km, the Pentagon said.\n\n"
        "The test came weeks after Washington left the 1987 Intermediate-Range Nuclear Forces "
        "treaty, accusing Moscow of deploying the SS-C-8 in breach of it. « Nous verrons », "
        "said a French diplomat.",
    ),
)

_FIXED_TIME = (2020, 1, 2, 3, 4, 6)


@dataclass(frozen=True, slots=True)
class Seed:
    """A valid file of one format: ``name`` carries the extension the reader is chosen by."""

    format: str
    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix


def _plain_text() -> bytes:
    parts = [f"{title}\n{date}\n\n{body}\n" for title, date, body in STORIES]
    return "\n\n".join(parts).encode("utf-8")


def _markdown() -> bytes:
    parts = []
    for title, date, body in STORIES:
        first, _, rest = body.partition("\n\n")
        parts.append(f"# {title}\n\n*{date}*\n\n{first}\n\n## REACTION\n\n{rest}\n")
    return "\n---\n\n".join(parts).encode("utf-8")


def _paragraph_html(body: str) -> str:
    return "".join(f"<p>{_escape(p)}</p>\n" for p in body.split("\n\n"))


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _html_page(title: str, date: str, body: str) -> str:
    iso = dt.datetime.strptime(date, "%d %B %Y").date().isoformat()
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": iso})
    return (
        "<!DOCTYPE html>\n<!-- saved from url=(0040)https://news.example/2019/01/21/missile -->\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f"<title>{_escape(title)} | Defence Wire</title>\n"
        f'<meta property="og:title" content="{_escape(title)}">\n'
        '<meta property="og:site_name" content="Defence Wire">\n'
        '<meta name="author" content="Jane Smith">\n'
        f'<script type="application/ld+json">{ld}</script>\n'
        '<link rel="canonical" href="https://news.example/2019/01/21/missile">\n'
        "<style>body { font: 12px serif }</style></head>\n<body>\n"
        '<nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav>\n'
        f"<article><h1>{_escape(title)}</h1>\n"
        f'<p class="byline">By Jane Smith</p><time datetime="{iso}">{date}</time>\n'
        f"{_paragraph_html(body)}<h2>Background</h2>\n{_paragraph_html(STORIES[2][2])}"
        '<div class="related"><h3>Related</h3><ul><li><a href="/x">Other story</a></li>'
        "</ul></div></article>\n"
        '<aside class="advert">Advertisement</aside>\n<footer>© Defence Wire</footer>\n'
        "<script>var tracking = 1;</script>\n</body></html>\n"
    )


def _html() -> bytes:
    return _html_page(*STORIES[0]).encode("utf-8")


def _mhtml() -> bytes:
    boundary = "----MultipartBoundary--fuzzSeedBoundary0123----"
    page = quopri.encodestring(_html_page(*STORIES[1]).encode("utf-8")).decode("ascii")
    css = "body { color: black }"
    text = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://nordictimes.example/2022/05/17/finland-nato\r\n"
        "Subject: =?utf-8?Q?Finland=E2=80=99s_parliament_backs_NATO_bid?=\r\n"
        "Date: Tue, 17 May 2022 13:01:22 +0300\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\nContent-Type: text/html\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://nordictimes.example/2022/05/17/finland-nato\r\n\r\n"
        f"{page.replace(chr(10), chr(13) + chr(10))}\r\n"
        f"--{boundary}\r\nContent-Type: text/css\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://nordictimes.example/style.css\r\n\r\n"
        f"{css}\r\n--{boundary}--\r\n"
    )
    return text.encode("ascii")


def _rss091() -> bytes:
    items = "".join(
        f"<item><title>{_escape(title)}</title>"
        f"<link>https://wire.example/{n}</link>"
        f"<description>{_escape(body).replace('é', '&eacute;')} &mdash; end&nbsp;note."
        "</description></item>\n"
        for n, (title, _, body) in enumerate(STORIES)
    )
    return (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        '<rss version="0.91"><channel><title>Old Wire</title>'
        "<link>https://wire.example/</link><description>News</description>"
        "<language>en</language>\n"
        f"{items}</channel></rss>\n"
    ).encode("latin-1", errors="xmlcharrefreplace")


def _rss1() -> bytes:
    items = "".join(
        f'<item rdf:about="https://notes.example/{n}"><title>{_escape(title)}</title>'
        f"<link>https://notes.example/{n}</link>"
        f"<description>{_escape(body)}</description>"
        f"<dc:date>{dt.datetime.strptime(date, '%d %B %Y').date().isoformat()}</dc:date>"
        "<dc:creator>Jane Smith</dc:creator></item>\n"
        for n, (title, date, body) in enumerate(STORIES)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '<channel rdf:about="https://notes.example/rss"><title>Arms Control Notes</title>'
        "<link>https://notes.example/</link><description>Analysis</description></channel>\n"
        f"{items}</rdf:RDF>\n"
    ).encode()


def _rss2() -> bytes:
    items = "".join(
        f"<item><title>{_escape(title)}</title><link>https://wire.example/a/{n}</link>"
        f'<guid isPermaLink="false">wire-{n}</guid>'
        f"<pubDate>{dt.datetime.strptime(date, '%d %B %Y').strftime('%a, %d %b %Y')}"
        " 07:30:00 +0000</pubDate>"
        "<author>desk@wire.example (Jane Smith)</author>"
        f"<description>{_escape(body.split(chr(10))[0])}</description>"
        f"<content:encoded><![CDATA[{_paragraph_html(body)}"
        "<p>The post appeared first on Wire.</p>]]></content:encoded></item>\n"
        for n, (title, date, body) in enumerate(STORIES)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<?xml-stylesheet type="text/xsl" href="feed.xsl"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
        "<channel><title>Defence Wire</title><link>https://wire.example/</link>"
        "<description>Wire copy</description>\n"
        f"{items}</channel></rss>\n"
    ).encode()


def _atom() -> bytes:
    entries = "".join(
        f'<entry><title type="html">{_escape(_escape(title))}</title>'
        f'<link rel="alternate" href="https://briefs.example/{n}"/>'
        f"<id>urn:uuid:0000-{n}</id>"
        f"<updated>{dt.datetime.strptime(date, '%d %B %Y').date().isoformat()}T08:00:00Z"
        "</updated><author><name>Jane Smith</name></author>"
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
        f"{_paragraph_html(body)}</div></content></entry>\n"
        for n, (title, date, body) in enumerate(STORIES)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Briefs</title>'
        "<id>urn:briefs</id><updated>2022-05-17T08:00:00Z</updated>\n"
        f"{entries}</feed>\n"
    ).encode()


def _table_rows() -> list[list[str]]:
    rows = [["Title", "Body", "Published At", "Source", "URL", "Author"]]
    for n, (title, date, body) in enumerate(STORIES):
        iso = dt.datetime.strptime(date, "%d %B %Y").date().isoformat()
        html_body = _paragraph_html(body) if n == 1 else body
        rows.append([title, html_body, iso, "Wire", f"https://wire.example/{n}", "Jane Smith"])
    return rows


def _csv(delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(_table_rows())
    return out.getvalue().encode("utf-8")


def _records() -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for n, (title, date, body) in enumerate(STORIES):
        records.append(
            {
                "title": title,
                "content": body,
                "description": body.split("\n\n")[0],
                "publishedAt": f"{dt.datetime.strptime(date, '%d %B %Y').date()}T07:30:00Z",
                "source": {"id": None, "name": "Wire"},
                "url": f"https://wire.example/{n}",
                "author": ["Jane Smith", "Ivan Petrov"],
                "score": 0.5 + n,
            }
        )
    return records


def _json() -> bytes:
    payload = {"status": "ok", "totalResults": len(STORIES), "articles": _records()}
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


def _json_lines() -> bytes:
    lines = [json.dumps(record, ensure_ascii=n % 2 == 0) for n, record in enumerate(_records())]
    return ("\n".join(lines) + "\n").encode("utf-8")


_MAIL_BOUNDARY = "==boundary-fuzz-42=="


def _message(number: int, *, envelope: bool = False) -> bytes:
    title, date, body = STORIES[number % len(STORIES)]
    when = dt.datetime.strptime(date, "%d %B %Y").strftime("%a, %d %b %Y 07:30:00 +0000")
    subject = "=?utf-8?q?" + quopri.encodestring(title.encode("utf-8"), header=True).decode() + "?="
    plain = quopri.encodestring((body + "\n\n-- \nDesk\nUnsubscribe here\n").encode("utf-8"))
    html = (f"<html><body>{_paragraph_html(body)}</body></html>").encode()
    head = b"From desk@wire.example Mon Jan 21 07:30:00 2019\n" if envelope else b""
    return (
        head
        + (
            f"From: Defence Daily <desk@wire.example>\nTo: analyst@example.org\n"
            f"Subject: {subject}\nDate: {when}\nMessage-ID: <{number}@wire.example>\n"
            f"MIME-Version: 1.0\n"
            f'Content-Type: multipart/alternative; boundary="{_MAIL_BOUNDARY}"\n\n'
            f"--{_MAIL_BOUNDARY}\nContent-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: quoted-printable\n\n"
        ).encode("ascii")
        + plain
        + (
            f"\n--{_MAIL_BOUNDARY}\nContent-Type: text/html; charset=utf-8\n"
            "Content-Transfer-Encoding: base64\n\n"
        ).encode("ascii")
        + codecs.encode(html, "base64")
        + f"--{_MAIL_BOUNDARY}--\n".encode()
    )


def _eml() -> bytes:
    return _message(0)


def _mbox() -> bytes:
    return b"\n".join(_message(n, envelope=True) for n in range(3))


def _docx() -> bytes:
    import docx  # python-docx: imported here, only the seeds need it

    document = docx.Document()
    properties = document.core_properties
    properties.title = "Clippings"
    properties.author = "Desk"
    properties.created = dt.datetime(2019, 1, 21, 7, 30)
    properties.modified = dt.datetime(2019, 1, 21, 7, 30)
    for title, date, body in STORIES:
        document.add_paragraph(title, style="Heading 1")
        document.add_paragraph("By Jane Smith")
        document.add_paragraph(date)
        first, _, rest = body.partition("\n\n")
        document.add_paragraph(first)
        document.add_paragraph("Reaction", style="Heading 2")
        document.add_paragraph(rest)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("System", "Range"), ("9M729", "480 km")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    # python-docx stamps the zip entries with the current time: rewritten with a fixed one so
    # the seed (and every mutant of it) is the same on every run.
    return rezip(zip_members(buffer.getvalue()))


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    # invariant: no creation time or random document id, so the bytes are the same every run.
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setTitle("Microsoft Word - clippings.docx")
    page.setAuthor("Desk")
    for number, (title, date, body) in enumerate(STORIES):
        y = 800
        page.setFont("Helvetica-Bold", 14)
        page.drawString(72, y, title)
        page.setFont("Helvetica", 10)
        y -= 18
        page.drawString(72, y, date)
        for paragraph in body.split("\n\n"):
            y -= 10
            words = paragraph.split()
            line = ""
            for word in words:
                if len(line) + len(word) > 85:
                    y -= 13
                    page.drawString(72, y, line)
                    line = ""
                line = f"{line} {word}".strip()
            y -= 13
            page.drawString(72, y, line)
        page.drawString(280, 40, f"Page {number + 1}")
        page.showPage()
    page.save()
    return buffer.getvalue()


def _pdf_plain() -> bytes:
    """An uncompressed PDF: byte mutations land in the text operators themselves."""
    from tests.reader_fixtures import make_pdf

    lines = [STORIES[0][0], STORIES[0][1], *STORIES[0][2].replace("’", "'").split("\n\n")]
    return make_pdf([lines], info={"Title": STORIES[0][0], "Author": "Desk"})


def _zip() -> bytes:
    inner = rezip([("b.txt", _plain_text())])
    return rezip(
        [
            ("wire/a.txt", _plain_text()),
            ("page.html", _html()),
            ("feed.rss", _rss2()),
            ("data.csv", _csv(",")),
            ("notes.bin", bytes(range(256))),
            ("inner.zip", inner),
        ]
    )


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rezip(members: Sequence[tuple[str, bytes]], *, stored: bool = False) -> bytes:
    """A valid archive of these members, stamped with a fixed time (deterministic bytes)."""
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members:
            archive.writestr(zipfile.ZipInfo(name, _FIXED_TIME), content, compress_type=method)
    return buffer.getvalue()


_SEED_MAKERS: tuple[tuple[str, str, Callable[[], bytes]], ...] = (
    ("text", "wire.txt", _plain_text),
    ("markdown", "briefs.md", _markdown),
    ("html", "page.html", _html),
    ("mhtml", "page.mhtml", _mhtml),
    ("rss091", "old.rss", _rss091),
    ("rss1", "notes.rdf", _rss1),
    ("rss2", "wire.rss", _rss2),
    ("atom", "briefs.atom", _atom),
    ("csv", "export.csv", lambda: _csv(",")),
    ("tsv", "export.tsv", lambda: _csv("\t")),
    ("json", "export.json", _json),
    ("jsonl", "export.jsonl", _json_lines),
    ("eml", "alert.eml", _eml),
    ("mbox", "inbox.mbox", _mbox),
    ("docx", "clippings.docx", _docx),
    ("pdf", "clippings.pdf", _pdf),
    ("pdf", "plain.pdf", _pdf_plain),
    ("zip", "bundle.zip", _zip),
)


@functools.cache
def seeds() -> tuple[Seed, ...]:
    """Every seed file, in a fixed order."""
    return tuple(Seed(fmt, name, make()) for fmt, name, make in _SEED_MAKERS)


def formats() -> list[str]:
    return list(dict.fromkeys(seed.format for seed in seeds()))


# ---- mutations ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mutant:
    """One damaged file: ``number`` reproduces it (``mutant(number)``)."""

    number: int
    format: str  # the seed's format (what the bytes were before they were damaged)
    seed: str  # the seed's file name
    operator: str
    name: str  # file name to read it under (its extension picks the reader, with sniffing)
    data: bytes

    @property
    def label(self) -> str:
        return f"#{self.number} {self.seed} {self.operator} ({len(self.data):,} bytes)"


Mutation = Callable[[random.Random, Seed], tuple[bytes, str]]  # -> (bytes, extension)

_ZIP_FORMATS = frozenset({"docx", "zip"})

_XML_TOKENS = (
    b"<", b">", b"</", b"/>", b'"', b"'", b"=", b"&", b";", b"&amp;", b"<![CDATA[", b"]]>",
    b"<item>", b"</item>", b"<entry>", b"</entry>", b"<title>", b"</title>", b"xmlns",
    b"<?xml", b"?>", b"<!--", b"-->", b"<!DOCTYPE x [", b"]>", b"&#0;", b"&#xD800;", b"&nbsp;",
    b"&bogus;", b"<w:p>", b"</w:p>", b"<w:t>", b"</w:t>",
)  # fmt: skip
_HTML_TOKENS = (
    b"<", b">", b"</", b"/>", b'"', b"'", b"=", b"&", b";", b"<p>", b"</p>", b"<div>",
    b"</div>", b"<article>", b"</article>", b"<body>", b"</body>", b"<html>", b"</html>",
    b"<script>", b"</script>", b"<!--", b"-->", b"<table>", b"<td>", b"<br>", b"&#0;",
    b"&#xD800;", b'<meta charset="utf-16">', b'<meta charset="bogus-8">', b"<h1>", b"</h1>",
    b"<title>", b"</title>", b"<nav>", b"<![CDATA[",
)  # fmt: skip
_MAIL_TOKENS = (
    b"\n", b"\n\n", b"\r\n", b":", b"From ", b"--", _MAIL_BOUNDARY.encode(), b"Content-Type: ",
    b"text/plain", b"text/html", b"multipart/", b"=\n", b"=?", b"?=", b"charset=", b"base64",
    b"quoted-printable", b"boundary=", b'"', b";", b"\t", b"=C3", b"=?utf-8?b?7aCA?=",
    b"Content-Transfer-Encoding: ", b"=?unknown-8bit?q?=FF?=",
)  # fmt: skip
_TOKENS: dict[str, tuple[bytes, ...]] = {
    "text": (b"\n", b"\n\n", b"\n\n\n", b"#", b"## ", b"---", b"By ", b":", b".", b"*", b">",
             b" (Reuters) - ", b"\r", b"\t", b"\xc2\xa0", b"\xe2\x80\x9c", b'"', b"-", b"|"),
    "csv": (b",", b'"', b"\n", b"\r\n", b"\r", b"\t", b";", b'""', b"sep=;\n", b"<p>"),
    "json": (b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"\n", b"null", b"\\u",
             b"\\ud800", b"\\u0000", b"1e999", b"-0", b"true", b'"articles":'),
    "pdf": (b"obj", b"endobj", b"stream", b"endstream", b"<<", b">>", b"[", b"]", b"(", b")",
            b"/", b"xref", b"trailer", b"startxref", b"%%EOF", b" R", b"Tj", b"BT", b"ET",
            b"/Length", b"/Filter", b"/FlateDecode", b"\n", b"0 obj", b"/Kids", b"/Count"),
    "zip": (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"\x00\x00", b"\xff\xff\xff\xff"),
}  # fmt: skip
_TOKENS.update(
    markdown=_TOKENS["text"], tsv=_TOKENS["csv"], jsonl=_TOKENS["json"], html=_HTML_TOKENS,
    mhtml=_HTML_TOKENS + _MAIL_TOKENS, rss091=_XML_TOKENS, rss1=_XML_TOKENS, rss2=_XML_TOKENS,
    atom=_XML_TOKENS, eml=_MAIL_TOKENS, mbox=_MAIL_TOKENS, docx=_XML_TOKENS,
)  # fmt: skip

# Bytes that are not text, or are text nobody types: C0 and C1 controls, line and paragraph
# separators, a byte-order mark mid-file, noncharacters, bidi overrides, and byte sequences
# that are invalid UTF-8 (an encoded surrogate, an overlong NUL, a stray continuation byte).
_CONTROL_BYTES = (
    *(bytes([b]) for b in range(0, 32)), b"\x7f", b"\xc2\x85", b"\xc2\x9f", b"\xe2\x80\xa8",
    b"\xe2\x80\xa9", b"\xef\xbb\xbf", b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\xe2\x80\xae",
    b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\x80", b"\x80", b"\xff", b"\xf4\x90\x80\x80",
    b"\xe2\x80\x8b", b"\x1a",
)  # fmt: skip

_OTHER_EXTENSIONS = (
    ".txt", ".md", ".html", ".mhtml", ".rss", ".xml", ".atom", ".csv", ".tsv", ".json",
    ".jsonl", ".eml", ".mbox", ".docx", ".pdf", ".zip", "",
)  # fmt: skip


def _position(rng: random.Random, data: bytes) -> int:
    # A third of the cuts land near the start or the end, where headers and trailers are.
    roll = rng.random()
    if roll < 0.15:
        return rng.randint(0, min(len(data), 64))
    if roll < 0.3:
        return rng.randint(max(0, len(data) - 64), len(data))
    return rng.randint(0, len(data))


def truncate(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    return seed.data[: _position(rng, seed.data)], seed.suffix


def flip_bytes(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    data = bytearray(seed.data)
    for _ in range(rng.choice((1, 1, 2, 4, 8, 32))):
        index = rng.randrange(len(data))
        data[index] ^= rng.randint(1, 255)
    return bytes(data), seed.suffix


def insert_nuls(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    data = seed.data
    for _ in range(rng.choice((1, 3, 20))):
        at = _position(rng, data)
        data = data[:at] + b"\x00" * rng.choice((1, 1, 2, 16)) + data[at:]
    return data, seed.suffix


def insert_controls(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    data = seed.data
    for _ in range(rng.choice((1, 4, 40, 400))):
        at = _position(rng, data)
        data = data[:at] + rng.choice(_CONTROL_BYTES) + data[at:]
    return data, seed.suffix


def random_run(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    data = seed.data
    run = rng.randbytes(rng.choice((1, 8, 100, 4096)))
    at = _position(rng, data)
    if rng.random() < 0.5:
        return data[:at] + run + data[at:], seed.suffix
    return data[:at] + run + data[at + len(run) :], seed.suffix  # overwrite


def delete_run(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    data = seed.data
    at = _position(rng, data)
    return data[:at] + data[at + rng.choice((1, 16, 256, 4096)) :], seed.suffix


def duplicate_run(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    data = seed.data
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.choice((1, 16, 256, 2048))]
    at = _position(rng, data)
    return data[:at] + chunk * rng.choice((1, 2, 50, 1000)) + data[at:], seed.suffix


def _reencode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(
        ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp1252", "shift_jis",
         "latin-1", "koi8-r", "utf-7", "mixed", "mixed", "gb18030", "big5")
    )  # fmt: skip
    if encoding != "mixed":
        return text.encode(encoding, errors="replace")
    # Each line in its own encoding: text pasted together from several files.
    lines = text.split("\n")
    choices = ("utf-8", "cp1252", "shift_jis", "utf-16-le", "latin-1")
    return b"\n".join(line.encode(rng.choice(choices), errors="replace") for line in lines)


def encoding_swap(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    return _reencode(rng, seed.data.decode("utf-8", errors="replace")), seed.suffix


def high_bytes(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Text in no known encoding: runs of bytes 0x80-0xFF among ASCII words (what the
    encoding guess must give up on, or guess, without taking long)."""
    size = rng.choice((100, 4096, 65_536, 1_000_000))
    alphabet = bytes(range(0x80, 0x100)) + b"abcdefghij klmnop \n"
    noise = bytes(rng.choice(alphabet) for _ in range(min(size, 65_536)))
    noise = (noise * (size // len(noise) + 1))[:size]
    if rng.random() < 0.5:
        return noise, seed.suffix
    at = _position(rng, seed.data)
    return seed.data[:at] + noise + seed.data[at:], seed.suffix


def tokens(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Structural tokens of the format removed, repeated, added or swapped."""
    data = seed.data
    choices = _TOKENS.get(seed.format, _TOKENS["text"])
    token = rng.choice(choices)
    found = [m.start() for m in re.finditer(re.escape(token), data)]
    action = rng.choice(("remove_one", "remove_all", "repeat", "insert", "insert", "swap"))
    if action == "remove_all":
        return data.replace(token, b""), seed.suffix
    if action in ("remove_one", "repeat") and found:
        at = rng.choice(found)
        if action == "remove_one":
            return data[:at] + data[at + len(token) :], seed.suffix
        return data[:at] + token * rng.choice((2, 10, 1000, 50_000)) + data[at:], seed.suffix
    if action == "swap":
        other = rng.choice(choices)
        hits = [m.start() for m in re.finditer(re.escape(other), data)]
        if found and hits:
            a, b = sorted((rng.choice(found), rng.choice(hits)))
            if a + len(token) <= b:
                return (
                    data[:a] + other + data[a + len(token) : b] + token + data[b + len(other) :],
                    seed.suffix,
                )
    for _ in range(rng.choice((1, 5, 50))):
        at = _position(rng, data)
        data = data[:at] + rng.choice(choices) + data[at:]
    return data, seed.suffix


_HUGE_PIECES = (
    b"word ", b"a", b"<", b"&amp;", b",", b'"', b"9", b".", b" ", b"-", b"\t", b"=", b"#",
    b"\xd0\x96", b"\xe2\x80\x94", b"ALLCAPS ", b"By ", b"(Reuters) ", b"x,", b"<p>", b"\\",
)  # fmt: skip


def huge_line(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """A single line of up to 2 MB (no line break), at a line start or anywhere."""
    piece = rng.choice(_HUGE_PIECES)
    size = rng.choice((10_000, 100_000, 1_000_000, 2_000_000))
    line = piece * (size // len(piece))
    data = seed.data
    starts = [m.end() for m in re.finditer(rb"\n", data)] or [0]
    at = rng.choice(starts) if rng.random() < 0.6 else _position(rng, data)
    return data[:at] + line + data[at:], seed.suffix


def _nest(rng: random.Random, fmt: str) -> bytes:
    depth = rng.choice((100, 1_000, 10_000, 100_000))
    if fmt in ("json", "jsonl"):
        opening, closing = rng.choice(((b"[", b"]"), (b'{"a":', b"}"), (b'{"articles":[', b"]}")))
        return opening * depth + b"1" + closing * depth
    if fmt in ("text", "markdown"):
        return rng.choice((b">", b"*", b"[", b"#", b"- ", b"  ")) * depth + b" Missile story.\n"
    if fmt in ("csv", "tsv"):
        return b'"' * depth + b"x" + b'"' * depth
    if fmt == "pdf":
        return rng.choice((b"[", b"<<", b"<< /A ")) * depth
    tag = rng.choice((b"div", b"b", b"p", b"table", b"item", b"entry", b"span", b"a"))
    return b"<" + tag + b">" + (b"<" + tag + b">") * depth + b"text" + (b"</" + tag + b">") * depth


def deep_nesting(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Markup, JSON or PDF objects nested up to 100,000 deep (recursion, stack, time)."""
    data = seed.data
    if seed.format in ("eml", "mbox", "mhtml"):
        return _nested_mail(rng), seed.suffix
    nested = _nest(rng, seed.format)
    if seed.format in ("json", "jsonl"):
        # As a field's value (the reader must walk into it) or as the whole file.
        if rng.random() < 0.5:
            return _replace_json_value(data, rng.choice(_JSON_KEYS), nested), seed.suffix
        return nested, seed.suffix
    at = _position(rng, data)
    for marker in (b"<description>", b"<p>", b"<article>", b"\n\n", b"<< /Type /Page"):
        found = data.find(marker)
        if found >= 0 and rng.random() < 0.7:
            at = found + len(marker)
            break
    return data[:at] + nested + data[at:], seed.suffix


def _nested_mail(rng: random.Random) -> bytes:
    depth = rng.choice((10, 100, 1_000, 5_000))
    head = b"From: a@b.example\nSubject: Nested\nMIME-Version: 1.0\n"
    parts = [head]
    for level in range(depth):
        parts.append(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (level, level))
    parts.append(b"Content-Type: text/plain\n\n" + STORIES[0][2].encode("utf-8") + b"\n")
    for level in reversed(range(depth)):
        parts.append(b"--b%d--\n" % level)
    return b"".join(parts)


def wrong_extension(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """This format's bytes (often damaged too) under another format's name."""
    data = seed.data
    if rng.random() < 0.5:
        data, _ = rng.choice(_BYTE_MUTATIONS)(rng, seed)
    extension = rng.choice([e for e in _OTHER_EXTENSIONS if e != seed.suffix])
    return data, extension


def splice(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """The head of this file and the tail of another (a download that resumed elsewhere)."""
    other = rng.choice(seeds())
    return seed.data[: _position(rng, seed.data)] + other.data[_position(rng, other.data) :], (
        seed.suffix if rng.random() < 0.7 else other.suffix
    )


def repeat_whole(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """The file many times over (many articles, or many roots in one document)."""
    return seed.data * rng.choice((2, 20, 200)), seed.suffix


def zip_member(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """One member of an archive (or a Word file's XML part) damaged, the archive itself
    rebuilt valid, so the damage reaches the member's reader rather than zipfile's CRC check."""
    members = zip_members(seed.data)
    if seed.format == "docx" and rng.random() < 0.7:
        candidates = [i for i, (name, _) in enumerate(members) if name.endswith(".xml")]
        preferred = [i for i in candidates if members[i][0] == "word/document.xml"]
        index = rng.choice(preferred if rng.random() < 0.6 else candidates)
    else:
        index = rng.randrange(len(members))
    name, content = members[index]
    suffix = PurePosixPath(name).suffix
    fmt = {".txt": "text", ".html": "html", ".rss": "rss2", ".csv": "csv", ".zip": "zip"}.get(
        suffix, "docx" if name.endswith((".xml", ".rels")) else "text"
    )
    inner = Seed(fmt, name, content)
    if fmt == "zip":
        mutation = rng.choice((*_BYTE_MUTATIONS, zip_member))
    else:
        mutation = rng.choice(
            (*_BYTE_MUTATIONS, tokens, tokens, deep_nesting, huge_line, encoding_swap)
        )
    damaged, _ = mutation(rng, inner)
    changed = list(members)
    changed[index] = (name, damaged)
    if rng.random() < 0.1:
        changed.append((rng.choice(("../escape.txt", "/abs.txt", "C:/x.txt", ".hidden.txt")),
                        damaged))  # fmt: skip
    return rezip(changed, stored=rng.random() < 0.2), seed.suffix


def nested_zip(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Archives inside archives, deeper than the reader follows; or one of many members."""
    if rng.random() < 0.3:
        story = _plain_text()
        count = rng.choice((200, 2000))
        members = [(f"d{n % 7}/story{n}.txt", story[: 200 + n % 900]) for n in range(count)]
        return rezip(members), ".zip"
    data = seed.data if seed.format == "zip" else rezip([(seed.name, seed.data)])
    for level in range(rng.choice((2, 3, 8))):
        data = rezip([(f"level{level}.zip", data), ("note.txt", _plain_text())])
    return data, ".zip"


def pdf_structure(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """PDF object graphs that loop, lie about their size or never end."""
    data = seed.data
    kind = rng.choice(("kids_cycle", "count", "length", "filter", "xref", "prev", "startxref",
                       "deep_array", "no_eof", "parent_self"))  # fmt: skip
    if kind == "kids_cycle":
        # The page tree's Kids point back at the tree itself.
        return re.sub(rb"/Kids \[([^\]]*)\]", rb"/Kids [\1 2 0 R 1 0 R]", data, count=1), ".pdf"
    if kind == "parent_self":
        return re.sub(rb"/Parent \d+ 0 R", rb"/Parent 3 0 R", data), ".pdf"
    if kind == "count":
        return re.sub(rb"/Count \d+", b"/Count 2147483647", data, count=1), ".pdf"
    if kind == "length":
        value = rng.choice((b"0", b"-5", b"99999999999", b"7 0 R", b"1 0 R"))
        return re.sub(rb"/Length \d+", b"/Length " + value, data), ".pdf"
    if kind == "filter":
        value = rng.choice(
            (b"/LZWDecode", b"/JBIG2Decode", b"/Bogus", b"[/FlateDecode /ASCII85Decode]",
             b"/RunLengthDecode", b"/ASCIIHexDecode")
        )  # fmt: skip
        if b"/Filter" in data:
            return re.sub(rb"/Filter\s*/\w+", b"/Filter " + value, data), ".pdf"
        return data.replace(b"/Length", b"/Filter " + value + b" /Length", 1), ".pdf"
    if kind == "xref":
        return re.sub(rb"\d{10} 00000 n", lambda _: b"%010d 00000 n" % rng.randrange(
            10**rng.randint(1, 10)), data), ".pdf"  # fmt: skip
    if kind == "prev":
        at = data.rfind(b"trailer")
        xref = data.rfind(b"startxref")
        offset = data[xref + 10 :].split()[0] if xref >= 0 else b"0"
        return data[: at + 7] + b"\n<< /Prev " + offset + b" " + data[at + 10 :], ".pdf"
    if kind == "startxref":
        return re.sub(rb"startxref\s+\d+", b"startxref\n" + str(rng.randrange(len(data) * 2))
                      .encode(), data), ".pdf"  # fmt: skip
    if kind == "deep_array":
        return deep_nesting(rng, seed)
    return data.replace(b"%%EOF", b""), ".pdf"


def mail_structure(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Mail headers and parts as broken mailers write them."""
    data = seed.data
    kind = rng.choice(("charset", "cte", "base64", "header", "encoded_word", "raw8bit", "no_body",
                       "boundary", "from_lines"))  # fmt: skip
    if kind == "charset":
        value = rng.choice(
            (b"x-unknown", b"utf-16", b"utf-32", b"", b'"', b"cp65001", b"utf-7", b"iso-2022-jp",
             b"rot13", b"hex", b"base64_codec", b"zlib_codec")
        )  # fmt: skip
        return data.replace(b"charset=utf-8", b"charset=" + value), seed.suffix
    if kind == "cte":
        value = rng.choice((b"base64", b"x-uuencode", b"quoted-printable", b"8bit", b"bogus"))
        return re.sub(rb"Content-Transfer-Encoding: [\w-]+", b"Content-Transfer-Encoding: " + value,
                      data), seed.suffix  # fmt: skip
    if kind == "base64":
        return data.replace(
            b"base64\n\n", b"base64\n\n" + rng.randbytes(60) + b"===", 1
        ), seed.suffix
    if kind == "header":
        long_value = rng.choice((b"x" * 100_000, b"=?utf-8?q?" + b"=FF" * 30_000 + b"?=",
                                 b"a@b, " * 20_000, b"\n\t" * 20_000 + b"y"))  # fmt: skip
        return data.replace(b"Subject: ", b"Subject: " + long_value + b" ", 1), seed.suffix
    if kind == "encoded_word":
        word = rng.choice((b"=?utf-8?b?7aCA?=", b"=?utf-16?b?AADYAA==?=", b"=?bogus?q?x?=",
                           b"=?utf-8?q?=00=01?=", b"=?utf-8?b?////?=", b"=?iso-8859-1?q?=E9?=",
                           b"=?utf-8?b?w6k=?==?utf-8?q??=", b"=?utf-7?b?K2RnQQ==?="))  # fmt: skip
        header = rng.choice((b"Subject: ", b"From: Defence Daily ", b"From: ", b"Date: "))
        return data.replace(header, header + word + b" ", 1), seed.suffix
    if kind == "raw8bit":
        junk = rng.choice((b"\xff\xfe\xed\xa0\x80", b"\xc3\xa9", b"\x00", b"\x80\x81\x82"))
        header = rng.choice((b"Subject: ", b"From: ", b"Date: ", b"Content-Type: "))
        return data.replace(header, header + junk, 1), seed.suffix
    if kind == "no_body":
        return data.split(b"\n\n", 1)[0] + b"\n", seed.suffix
    if kind == "boundary":
        return data.replace(b'boundary="', b'boundary="' + rng.choice((b"", b'"', b"--", b" ")),
                            1), seed.suffix  # fmt: skip
    lines = data.split(b"\n")
    for _ in range(rng.choice((1, 10, 200))):
        lines.insert(rng.randint(0, len(lines)), b"From somebody Mon Jan 1 00:00:00 2001")
    return b"\n".join(lines), seed.suffix


def json_values(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Values JSON allows and programs choke on: lone surrogates, NULs, huge numbers."""
    value = rng.choice(
        (b'"\\ud800"', b'"a\\u0000b"', b"1" * 5000, b"1e999", b"-1e999", b"NaN", b"Infinity",
         b"12345678901234567890123", b'"\\udc80 title \\ud83d"', b'{"name": "\\ud800"}',
         b'["\\u0000", "\\ud800"]', b'"' + b"x" * 1_000_000 + b'"', b"[]", b"{}", b"null",
         b'{"value": "1e999"}', b'"99999999999999999999"', b'"2019-13-45T99:99:99"',
         b'"\\u2028\\u2029"', b'"<p>&#0;&#xd800;&#1114112;</p>"')
    )  # fmt: skip
    return _replace_json_value(seed.data, rng.choice(_JSON_KEYS), value), seed.suffix


_JSON_KEYS = ("title", "content", "publishedAt", "source", "url", "author", "score")


def _replace_json_value(data: bytes, key: str, value: bytes) -> bytes:
    """``data`` with the first value under ``key`` replaced by ``value`` (unchanged when
    the key is not there)."""
    found = re.search(rb'"%s":\s*' % key.encode(), data)
    if found is None:
        return data
    end = _json_value_end(data, found.end())
    return data[: found.end()] + value + data[end:]


def _json_value_end(data: bytes, start: int) -> int:
    """The byte offset where the JSON value starting at byte ``start`` ends."""
    try:
        text = data.decode("utf-8")
        at = len(data[:start].decode("utf-8"))
        _, end = json.JSONDecoder().raw_decode(text, at)
    except (ValueError, UnicodeDecodeError):
        return start
    # raw_decode counts characters; the seeds' non-ASCII characters make bytes differ.
    return start + len(text[at:end].encode("utf-8"))


def csv_structure(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Quotes that never close, rows of 100,000 cells, headers only, fields of HTML."""
    data = seed.data
    delimiter = b"\t" if seed.format == "tsv" else b","
    kind = rng.choice(("open_quote", "wide", "header_only", "html", "blank_header", "many_rows"))
    if kind == "open_quote":
        at = rng.choice([m.end() for m in re.finditer(re.escape(delimiter), data)] or [0])
        return data[:at] + b'"' + data[at:], seed.suffix
    if kind == "wide":
        return delimiter * rng.choice((1000, 100_000)) + b"\r\n" + data, seed.suffix
    if kind == "header_only":
        return data.split(b"\r\n", 1)[0] + b"\r\n", seed.suffix
    if kind == "html":
        value = rng.choice((b"<p>" * 50_000, b"<script>" + b"x" * 1000, b"&#0;&#xd800;&#99999999;",
                            b"<![CDATA[", b"<!--", b"</p" * 1000))  # fmt: skip
        return data.replace(b"Missile", b"Missile" + value, 1).replace(
            b"MOSCOW", value, 1
        ), seed.suffix
    if kind == "blank_header":
        return delimiter * 6 + b"\r\n" + data, seed.suffix
    body = data.split(b"\r\n", 1)
    return body[0] + b"\r\n" + (body[1] if len(body) > 1 else b"") * 500, seed.suffix


def xml_structure(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Feeds with DOCTYPEs, many namespaces, attributes by the thousand, odd roots."""
    data = seed.data
    kind = rng.choice(("doctype", "attributes", "namespaces", "root", "cdata", "charref"))
    if kind == "doctype":
        subset = rng.choice((b'<!DOCTYPE rss [<!ENTITY a "aaaa">]>', b"<!DOCTYPE rss SYSTEM "
                             b'"file:///etc/passwd">', b"<!DOCTYPE rss [<!ELEMENT rss ANY>]>",
                             b"<!DOCTYPE rss [" + b"<!-- c -->" * 1000 + b"]>",
                             b"<!DOCTYPE [[[[[>"))  # fmt: skip
        at = data.find(b"?>") + 2 if b"?>" in data[:200] else 0
        return data[:at] + subset + data[at:], seed.suffix
    if kind == "attributes":
        attributes = b"".join(b' a%d="%d"' % (n, n) for n in range(rng.choice((100, 20_000))))
        return data.replace(b"<item", b"<item" + attributes, 1).replace(
            b"<entry", b"<entry" + attributes, 1
        ), seed.suffix
    if kind == "namespaces":
        spaces = b"".join(b' xmlns:n%d="urn:%d"' % (n, n) for n in range(rng.choice((50, 5000))))
        return re.sub(
            rb"<(rss|feed|rdf:RDF)", lambda m: m.group(0) + spaces, data, count=1
        ), seed.suffix
    if kind == "root":
        return re.sub(rb"<(/?)(rss|feed|rdf:RDF)\b", rb"<\1html", data), seed.suffix
    if kind == "cdata":
        return data.replace(b"]]>", b"]]]]><![CDATA[>", 1).replace(
            b"<![CDATA[", b"<![CDATA[" * 3, 1
        ), seed.suffix
    refs = rng.choice(
        (b"&#0;", b"&#xD800;", b"&#1114112;", b"&#99999999999;", b"&#x;", b"&amp;#0;")
    )
    return data.replace(b"<title>", b"<title>" + refs * rng.choice((1, 1000)), 1), seed.suffix


def many_lines(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """One short line of the file repeated tens of thousands of times (a headline, a date
    line, a separator, a CSV row): what segmenting and line classification must take in
    linear time."""
    lines = [line for line in seed.data.split(b"\n") if line.strip()] or [b"x"]
    line = rng.choice(lines)[:120]
    count = rng.choice((1_000, 5_000, 20_000))
    at = rng.choice([m.end() for m in re.finditer(rb"\n", seed.data)] or [0])
    separator = rng.choice((b"\n", b"\n\n", b"\r\n"))
    return seed.data[:at] + (line + separator) * count + seed.data[at:], seed.suffix


def stacked(rng: random.Random, seed: Seed) -> tuple[bytes, str]:
    """Two or three mutations, one over the other (a re-encoded file, then cut off)."""
    data, suffix = seed.data, seed.suffix
    for _ in range(rng.choice((2, 3))):
        mutation = rng.choice(
            (*_BYTE_MUTATIONS, tokens, encoding_swap, huge_line, deep_nesting, many_lines)
        )
        data, _ = mutation(rng, Seed(seed.format, seed.name, data or b" "))
    return data, suffix


_BYTE_MUTATIONS: tuple[Mutation, ...] = (
    truncate, flip_bytes, insert_nuls, insert_controls, random_run, delete_run, duplicate_run,
)  # fmt: skip

# Which mutations each format gets, with repeats as weights.
_GENERIC: tuple[Mutation, ...] = (
    *_BYTE_MUTATIONS, truncate, flip_bytes, tokens, tokens, tokens, huge_line, deep_nesting,
    wrong_extension, splice, repeat_whole, stacked, stacked,
)  # fmt: skip
_TEXTUAL: tuple[Mutation, ...] = (
    *_GENERIC, encoding_swap, encoding_swap, high_bytes, many_lines, many_lines,
)  # fmt: skip


def mutations_for(fmt: str) -> tuple[Mutation, ...]:
    if fmt in _ZIP_FORMATS:
        extra: tuple[Mutation, ...] = (zip_member, zip_member, zip_member, zip_member)
        return _GENERIC + extra + ((nested_zip,) if fmt == "zip" else ())
    if fmt == "pdf":
        return (*_GENERIC, pdf_structure, pdf_structure, pdf_structure)
    if fmt in ("eml", "mbox", "mhtml"):
        return (*_TEXTUAL, mail_structure, mail_structure, mail_structure)
    if fmt in ("json", "jsonl"):
        return (*_TEXTUAL, json_values, json_values, json_values)
    if fmt in ("csv", "tsv"):
        return (*_TEXTUAL, csv_structure, csv_structure)
    if fmt in ("rss091", "rss1", "rss2", "atom"):
        return (*_TEXTUAL, xml_structure, xml_structure)
    return _TEXTUAL


def mutant(number: int, *, master: int = 0) -> Mutant:
    """Mutant ``number``: the same bytes every time for the same (number, master)."""
    pool = seeds()
    seed = pool[number % len(pool)]
    rng = random.Random(f"briefing-mutant:{master}:{number}")
    mutation = rng.choice(mutations_for(seed.format))
    data, extension = mutation(rng, seed)
    stem = PurePosixPath(seed.name).stem
    name = f"m{number:06d}-{stem}{extension}"
    return Mutant(number, seed.format, seed.name, mutation.__name__, name, data)


def mutants(start: int, count: int, *, master: int = 0) -> list[Mutant]:
    return [mutant(number, master=master) for number in range(start, start + count)]


# ---- what reading a mutant may do -------------------------------------------------------------

# A reason shown to a person names the problem; these mean a program's insides leaked into it.
_LEAKS = re.compile(
    r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+| object at 0x[0-9a-f]+"
    r"|<class '|\b[A-Z]\w*(?:Error|Exception)\(|\bb'[^']*'|\bb\"[^\"]*\""
)
MAX_REASON_CHARS = 300
# A hang guard, not a speed test: a file may take this long, plus SECONDS_PER_MB for each
# megabyte (a 2.4 MB article with its extraction takes about 5 s). What the guard is for
# (quadratic or exponential time) takes minutes or hours on such files.
TIME_LIMIT_SECONDS = 5.0
SECONDS_PER_MB = 4.0


def time_limit(size: int) -> float:
    """The hang guard's limit for a file of ``size`` bytes."""
    return TIME_LIMIT_SECONDS + SECONDS_PER_MB * size / 1e6


@dataclass(frozen=True, slots=True)
class Outcome:
    """What reading a mutant did: ``status`` is "ok", "refused" (a ReadError) or "crash"
    (anything else, or a broken promise about the articles or the reason)."""

    status: str
    detail: str  # the refusal's reason, or what went wrong
    articles: int
    seconds: float


def reason_problem(reason: str) -> str:
    """Why a ReadError's reason is not fit to show a person ("" when it is)."""
    if not reason.strip():
        return "empty reason"
    if INTERNAL_ERROR in reason or OUT_OF_MEMORY in reason:
        # The last-resort catch in read_bytes: the import survived, but a reader failed.
        return f"a reader failed: {reason}"
    if "\n" in reason or "\r" in reason:
        return f"reason spans lines: {reason[:200]!r}"
    if len(reason) > MAX_REASON_CHARS:
        return f"reason of {len(reason):,} characters: {reason[:200]!r}"
    if _LEAKS.search(reason):
        return f"reason shows program internals: {reason!r}"
    if _has_bad_chars(reason):
        return f"reason holds a NUL or a lone surrogate: {reason!r}"
    return ""


def _has_bad_chars(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def article_problem(article: ParsedArticle) -> str:
    """Why an article read from a mutant is not fit to store ("" when it is)."""
    # The title is text enough: a feed entry may be a headline alone (body "").
    if not article.title.strip():
        return "article without a title"
    for item in dataclasses.fields(article):
        value = getattr(article, item.name)
        values = [value] if isinstance(value, str) else []
        if item.name == "subheads":
            values = [subhead.text for subhead in value]
        elif item.name == "warnings":
            values = list(value)
        for text in values:
            if _has_bad_chars(text):
                return f"{item.name} holds a NUL or a lone surrogate: {text[:120]!r}"
    return ""


def read_mutant(mutant: Mutant, options: ReadOptions | None = None) -> list[ParsedArticle]:
    """Read the mutant's bytes the way the import does (the registry's sniffing, the
    reader, its segmentation) under the mutant's file name."""
    return read_bytes(Path(mutant.name), mutant.data, options)


def read_like_import(path: Path) -> list[ParsedArticle]:
    """Read a file on disk exactly as ``run_import`` reads each file (size check, read,
    sniff, reader, segmentation, entity and date extraction, hashing), raising ReadError
    with the reason the import report would show."""
    # The pipeline's per-file step; private, but it is the thing under test.
    from briefing.ingest.pipeline import _init_extraction, _read_and_hash

    _init_extraction(True, ())
    result = _read_and_hash(path)
    if result.error is not None:
        raise ReadError(result.error, result.part_failures)
    return ReadResult(result.articles, result.part_failures, result.part_skipped)


def check_outcome(read: Callable[[], Sequence[ParsedArticle]], size: int = 0) -> Outcome:
    """Run ``read`` (of a file of ``size`` bytes) and judge what it did (see
    :class:`Outcome`). Warnings count as crashes: the test suite turns them into errors, and
    a reader should not spray them."""
    limit = time_limit(size)
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            articles = read()
    except ReadError as exc:
        seconds = time.perf_counter() - started
        problem = reason_problem(str(exc))
        for part in exc.parts:
            problem = problem or reason_problem(part.reason)
        if problem:
            if exc.__cause__ is not None:
                problem += "\n" + _short_traceback(exc.__cause__)
            return Outcome("crash", problem, 0, seconds)
        if seconds > limit:
            return Outcome("crash", f"took {seconds:.1f} s to refuse: {exc}", 0, seconds)
        return Outcome("refused", str(exc), 0, seconds)
    except RecursionError:
        seconds = time.perf_counter() - started
        return Outcome("crash", "RecursionError\n" + _short_traceback(), 0, seconds)
    except Exception as exc:
        seconds = time.perf_counter() - started
        return Outcome(
            "crash", f"{type(exc).__name__}: {exc}\n" + _short_traceback(exc), 0, seconds
        )
    seconds = time.perf_counter() - started
    for article in articles:
        problem = article_problem(article)
        if problem:
            return Outcome("crash", problem, len(articles), seconds)
    for part in (*getattr(articles, "failures", ()), *getattr(articles, "skipped", ())):
        problem = reason_problem(part.reason)
        if problem:
            return Outcome("crash", f"part {part.path}: {problem}", len(articles), seconds)
    if seconds > limit:
        return Outcome("crash", f"took {seconds:.1f} s", len(articles), seconds)
    return Outcome("ok", "", len(articles), seconds)


def _short_traceback(exc: BaseException | None = None, frames: int = 10) -> str:
    """The innermost frames of the exception being handled (or of ``exc``)."""
    if exc is None:
        return traceback.format_exc(limit=-frames)
    return "".join(traceback.format_exception(exc, limit=-frames))


def reason_kind(reason: str) -> str:
    """A refusal's reason without its particulars (numbers, quoted names), for counting."""
    reason = re.sub(r"\d[\d,.]*", "N", reason)
    reason = re.sub(r"'[^']*'|\"[^\"]*\"|\([^)]*\)", "…", reason)
    return reason[:100]
