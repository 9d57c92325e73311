"""Builders for the binary test inputs of the format readers (PDF, Word), made in the tests
rather than committed, so each test shows what its file holds."""

from __future__ import annotations

import datetime as dt
import io
import zlib
from collections.abc import Sequence

import docx
from docx.oxml.ns import qn


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    info: dict[str, str] | None = None,
    image_only: bool = False,
    compress: bool = False,
) -> bytes:
    """A valid PDF whose pages hold these lines in Helvetica 11 pt, one under the other, with
    a correct cross-reference table. ``image_only``: each page holds a small grey image and no
    text at all (a scan). ``info``: the document information dictionary (Title, Author,
    CreationDate as "D:YYYYMMDDhhmmssZ")."""
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids: list[int] = []
    for lines in pages:
        if image_only:
            pixels = bytes([128]) * (8 * 8)
            image = add(
                b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Length %d >>\nstream\n"
                % len(pixels)
                + pixels
                + b"\nendstream"
            )
            content = b"q 400 0 0 600 100 100 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % image
        else:
            parts = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
            for index, line in enumerate(lines):
                parts.append((b"" if index == 0 else b"T* ") + _pdf_string(line) + b" Tj")
            parts.append(b"ET")
            content = b"\n".join(parts)
            resources = b"<< /Font << /F1 %d 0 R >> >>" % font
        if compress:
            packed = zlib.compress(content)
            stream = add(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
                + packed
                + b"\nendstream"
            )
        else:
            stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s"
                b" /Contents %d 0 R >>" % (pages_id, resources, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    kids = b" ".join(b"%d 0 R" % page for page in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info_id = None
    if info:
        entries = b" ".join(
            b"/" + key.encode() + b" " + _pdf_string(value) for key, value in info.items()
        )
        info_id = add(b"<< " + entries + b" >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_id is not None:
        trailer += b" /Info %d 0 R" % info_id
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_docx(
    paragraphs: Sequence[tuple[str, str]],
    *,
    title: str = "",
    author: str = "",
    created: dt.datetime | None = None,
    table: Sequence[Sequence[str]] = (),
) -> bytes:
    """A Word document of (style, text) paragraphs; style "" is Normal, "Title", "Subtitle",
    "Heading 1", "Heading 2"... ``table`` rows are appended after the paragraphs."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = title
    properties.author = author
    if created is not None:
        properties.created = created
    else:
        # python-docx's template carries a creation date of its own (2013): remove it.
        element = properties._element
        for stale in element.findall(qn("dcterms:created")):
            element.remove(stale)
    for style, text in paragraphs:
        document.add_paragraph(text, style=style or None)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
