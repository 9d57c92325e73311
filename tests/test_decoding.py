"""Bytes to text: encodings, normalisation, and the one-line reasons for input we refuse."""

from __future__ import annotations

import codecs

import pytest

from briefing.ingest.decoding import UndecodableInput, decode_bytes, normalise_text

STORY = "NATO warns Russia\nThe alliance said on Monday it was “deeply concerned” — again.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(STORY.encode("utf-8"), id="utf-8"),
        pytest.param(STORY.encode("utf-8-sig"), id="utf-8 with BOM"),
        pytest.param(STORY.encode("utf-16"), id="utf-16 native with BOM"),
        pytest.param(codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), id="utf-16 LE with BOM"),
        pytest.param(codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), id="utf-16 BE with BOM"),
        pytest.param(STORY.encode("utf-32"), id="utf-32 with BOM"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(encoded: bytes) -> None:
    assert decode_bytes(encoded) == STORY


def test_byte_order_mark_is_not_part_of_the_text() -> None:
    text = decode_bytes(codecs.BOM_UTF8 + b"Hello")
    assert text == "Hello"
    assert "\ufeff" not in decode_bytes("\ufeffHello".encode("utf-16"))


def test_windows_1252_curly_quotes_euro_and_dashes() -> None:
    original = "Berlin pledged €500m — “a first step”, it said ‘at once’… Ministers’ reply."
    assert decode_bytes(original.encode("cp1252")) == original


def test_latin_1_accented_letters() -> None:
    original = "Le café de Müller à Zürich est fermé, a déclaré le préfet."
    assert decode_bytes(original.encode("latin-1")) == original


def test_short_latin_1_word_is_not_mistaken_for_utf_16() -> None:
    # charset-normalizer alone reads these five bytes as two CJK characters.
    assert decode_bytes("café".encode("latin-1")) == "café"


def test_cp1252_is_preferred_to_latin_1_for_bytes_0x80_to_0x9f() -> None:
    # 0x93/0x94 are curly quotes in cp1252 but invisible control codes in Latin-1.
    assert decode_bytes(b"He said \x93no\x94 \x96 twice.") == "He said “no” – twice."


def test_bytes_cp1252_leaves_unassigned_are_dropped() -> None:
    assert decode_bytes(b"Caf\xe9 \x81cr\xe8me") == "Café crème"


def test_cyrillic_windows_1251_is_detected() -> None:
    original = "Москва заявила о начале серийного производства ракет «Тополь-М»."
    assert decode_bytes(original.encode("cp1251")) == original


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["no BOM", "UTF-8 BOM"])
def test_utf8_file_with_one_pasted_cp1252_line_keeps_both(bom: bytes) -> None:
    data = "“Quoted” in UTF-8 — fine.\n".encode() + "Pasted from Word: “quoted”.".encode("cp1252")
    expected = "“Quoted” in UTF-8 — fine.\nPasted from Word: “quoted”."
    assert decode_bytes(bom + data) == expected


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"\n\n\r\n\t \n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, "\u200b\n".encode()],
    ids=["empty", "spaces", "blank lines", "utf-8 BOM only", "utf-16 BOM only", "zero width"],
)
def test_empty_or_blank_input_is_refused_as_empty(data: bytes) -> None:
    with pytest.raises(UndecodableInput, match=r"^empty file$"):
        decode_bytes(data)


def test_nul_bytes_without_utf16_bom_mean_binary() -> None:
    with pytest.raises(UndecodableInput) as caught:
        decode_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00text")
    assert str(caught.value) == "looks like a binary file (NUL bytes)"


def test_utf16_without_bom_is_refused_as_binary() -> None:
    with pytest.raises(UndecodableInput, match="NUL bytes"):
        decode_bytes("Plain words".encode("utf-16-le"))


def test_many_control_characters_mean_binary() -> None:
    data = bytes(range(1, 9)) * 20 + b"some readable words in between"
    with pytest.raises(UndecodableInput) as caught:
        decode_bytes(data)
    assert str(caught.value) == "looks like a binary file (control characters)"


def test_a_stray_control_character_is_dropped_not_refused() -> None:
    text = "A long enough story about a missile test in the Arctic. " * 10
    assert decode_bytes((text + "\x1a").encode()) == text.rstrip(" ")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a PDF file, not plain text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "looks like a ZIP archive or an Office document"),
        (b"{\\rtf1\\ansi Hello}", "looks like an RTF document"),
        (b"\x89PNG\r\n\x1a\n", "looks like a PNG image"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableInput) as caught:
        decode_bytes(data)
    assert str(caught.value).startswith(reason)
    assert "\n" not in str(caught.value)


def test_broken_utf16_after_its_bom_is_refused() -> None:
    with pytest.raises(UndecodableInput, match="UTF-16 byte-order mark but is not valid UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


def test_line_ends_tabs_and_trailing_spaces_are_normalised() -> None:
    data = b"Headline  \r\nFirst\tparagraph.\t\r\nSecond.\rThird. \n"
    assert decode_bytes(data) == "Headline\nFirst paragraph.\nSecond.\nThird.\n"


def test_no_break_spaces_become_spaces_and_invisible_characters_go() -> None:
    data = "Jens\u00a0Stoltenberg said\u200b it\u2060 was\u00ad over\ufeff.".encode()
    assert decode_bytes(data) == "Jens Stoltenberg said it was over."


def test_unicode_line_and_paragraph_separators_become_line_breaks() -> None:
    assert normalise_text("One.\u2028Two.\u2029Three.\x0cFour.") == "One.\nTwo.\nThree.\nFour."


def test_normalise_text_is_idempotent_and_keeps_clean_text() -> None:
    clean = "Headline\n\nBody “quoted” — text.\n"
    assert normalise_text(clean) is clean
    messy = "Headline \r\n\r\n\tBody\u00a0text. \u200b\r\n"
    once = normalise_text(messy)
    assert once == "Headline\n\n Body text.\n"
    assert normalise_text(once) == once
