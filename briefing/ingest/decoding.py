"""Turn the bytes of a text file into clean text, or say in one line why that is not possible.

Nearly every file people paste news into is UTF-8, so that path is tried first and costs one
``bytes.decode``: a byte-order mark, then strict UTF-8. Only when that fails do we guess.
charset-normalizer is unreliable on short Western text (it reads a Latin-1 "café" as UTF-16 and
cp1252 curly quotes as cp775), so Western single-byte text is recognised here first and the
library is asked only for the rest (Cyrillic cp1251, Greek, ...).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer


class UndecodableInput(Exception):
    """The bytes are not text we can read; ``str()`` is a one-line reason for the person."""


# UTF-32 before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Files that are often dropped on the import by mistake: say what they are, not "binary".
_KNOWN_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "looks like a PDF file, not plain text"),
    (b"PK\x03\x04", "looks like a ZIP archive or an Office document, not plain text"),
    (b"\xd0\xcf\x11\xe0", "looks like an old Office document, not plain text"),
    (b"{\\rtf", "looks like an RTF document; save it as plain text first"),
    (b"\x89PNG", "looks like a PNG image, not text"),
    (b"GIF8", "looks like a GIF image, not text"),
    (b"\xff\xd8\xff", "looks like a JPEG image, not text"),
    (b"\x1f\x8b", "looks like a gzip archive, not text"),
)

# Control characters that never occur in text (newline, tab, CR, form feed, vertical tab and
# the DOS end-of-file mark Ctrl-Z are tolerated: old files and PDF copies carry them).
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# In Western European text, accented letters are a small share of all letters; Cyrillic or
# Greek read as cp1252 comes out as whole words of accented Latin letters ("Ìîñêâà").
_MAX_WESTERN_ACCENT_SHARE = 0.3

_INVISIBLE = "\u200b\u2060\ufeff\u180e\u00ad\x00-\x08\x0e-\x1f\x7f"
_LINE_BREAKS = "\u2028\u2029\x0b\x0c\x85"
_ODD_SPACES = "\u00a0\u2007\u202f"
_INVISIBLE_CHARS = re.compile(f"[{_INVISIBLE}]")
_LINE_BREAK_CHARS = re.compile(f"[{_LINE_BREAKS}]")
_SPACE_CHARS = re.compile(f"[{_ODD_SPACES}]")
# One scan to learn whether any of the three rewrites below has anything to do.
_ANY_ODD_CHAR = re.compile(f"[{_INVISIBLE}{_LINE_BREAKS}{_ODD_SPACES}]")
# Only from the first space of a run, and without giving spaces back: " +$" alone retried
# from every space of a long run that is not at a line end, quadratic in the run's length (a
# megabyte of spaces took hours).
_TRAILING_SPACES = re.compile(r"(?<! ) ++$", re.MULTILINE)


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes and normalise the result (see ``normalise_text``).

    Raises UndecodableInput for empty, binary or undetectable input.
    """
    if not data.strip():
        raise UndecodableInput("empty file")
    text = _decode(data)
    if _STRAY_CONTROLS.search(text) and _control_share(text) > _MAX_CONTROL_SHARE:
        raise UndecodableInput("looks like a binary file (control characters)")
    text = normalise_text(text)
    if not text.strip():
        raise UndecodableInput("empty file")
    return text


def normalise_text(text: str) -> str:
    """LF line ends, spaces for tabs and no-break spaces, no invisible characters, no trailing
    spaces: so that a file saved on Windows or pasted from a web page segments exactly like
    the clean text. Cheap when there is nothing to do, as it runs on every file.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.replace("\t", " ")
    if _ANY_ODD_CHAR.search(text):
        text = _SPACE_CHARS.sub(" ", text)
        text = _LINE_BREAK_CHARS.sub("\n", text)
        text = _INVISIBLE_CHARS.sub("", text)
    if " \n" in text or text.endswith(" "):
        text = _TRAILING_SPACES.sub("", text)
    return text


def _decode(data: bytes) -> str:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _decode_with_byte_order_mark(data, encoding)
    for signature, reason in _KNOWN_SIGNATURES:
        if data.startswith(signature):
            raise UndecodableInput(reason)
    if b"\x00" in data:
        raise UndecodableInput("looks like a binary file (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_without_utf8(data)


def _decode_with_byte_order_mark(data: bytes, encoding: str) -> str:
    try:
        # The utf-8-sig / utf-16 / utf-32 codecs read and drop the mark themselves.
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8-sig":
            # A UTF-8 file with a line pasted in from a cp1252 one: still readable.
            return _decode_without_utf8(data[len(codecs.BOM_UTF8) :])
        name = encoding.replace("-sig", "").upper()
        raise UndecodableInput(
            f"starts with a {name} byte-order mark but is not valid {name}"
        ) from exc


def _decode_without_utf8(data: bytes) -> str:
    if _looks_like_mixed_utf8(data):
        return _decode_line_by_line(data)
    western = _decode_western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        # Without a byte-order mark and without NUL bytes a file cannot be UTF-16 or UTF-32:
        # such a guess means the library found nothing better.
        raise UndecodableInput("cannot detect the text encoding")
    return str(best)


def _decode_western(data: bytes) -> str | None:
    """cp1252 text (which includes all of Latin-1's letters), or None when it is not that.

    Latin-1 and cp1252 agree on every byte outside 0x80-0x9F; inside it cp1252 has curly
    quotes, dashes and the euro sign where Latin-1 has invisible control codes nobody types.
    So cp1252 is the better reading of Latin-1 files too, and there is no separate Latin-1
    path. The five bytes cp1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) would be
    such control codes: they are dropped.
    """
    text = data.decode("cp1252", errors="ignore")
    letters = sum(map(str.isalpha, text))
    accented = sum(map(str.isalpha, "".join(_NON_ASCII.findall(text))))
    if letters == 0 or accented / letters > _MAX_WESTERN_ACCENT_SHARE:
        return None
    return text


def _looks_like_mixed_utf8(data: bytes) -> bool:
    """A UTF-8 file with a few cp1252 lines pasted in (or the reverse): decode line by line
    rather than read the whole file as cp1252 and turn every UTF-8 quote into "â€™".
    """
    valid = len(_VALID_UTF8_MULTIBYTE.findall(data))
    if valid == 0:
        return False
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid > invalid


def _decode_line_by_line(data: bytes) -> str:
    lines: list[str] = []
    for raw_line in data.split(b"\n"):
        try:
            lines.append(raw_line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw_line.decode("cp1252", errors="replace"))
    return "\n".join(lines)


def _control_share(text: str) -> float:
    return len(_STRAY_CONTROLS.findall(text)) / len(text)
