"""Plain text and Markdown: wire copy pasted into files (see segment.py for the shapes)."""

from __future__ import annotations

from pathlib import Path

from briefing.domain import ParsedArticle
from briefing.ingest.decoding import UndecodableInput, decode_bytes
from briefing.ingest.readers import ReadError, ReadOptions, register
from briefing.ingest.segment import segment_text

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".wire", ""})


def looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes by nature
    return b"\x00" in head


class PlainTextReader:
    name = "Plain text"
    extensions = TEXT_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        if looks_binary(head):
            return 0.0
        if path.suffix.lower() in self.extensions:
            return 0.8
        # Any other file that is text can still be read as text, but a reader made for its
        # format should win.
        return 0.1

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        try:
            text = decode_bytes(data)
        except UndecodableInput as exc:
            raise ReadError(str(exc)) from exc
        return segment_text(text, origin_file=str(path), segmentation=options.segmentation)


register(PlainTextReader())
