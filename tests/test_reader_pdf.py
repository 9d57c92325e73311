"""PDFs with a text layer: lines rebuilt into paragraphs, page furniture dropped, stories cut."""

from __future__ import annotations

import datetime as dt
import io
import logging
import textwrap
import time
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from briefing.domain import DateSource
from briefing.ingest import pdf_reader
from briefing.ingest.pdf_reader import PdfFileReader, paragraphs_from_lines
from briefing.ingest.pipeline import run_import
from briefing.ingest.readers import ReadError, ReadOptions, reader_for
from briefing.store import Store
from tests.reader_fixtures import make_pdf

PDF = PdfFileReader()

LEAD = (
    "MOSCOW (Reuters) - Russia's military on Wednesday displayed the 9M729 cruise missile that "
    "Washington says violates the INF treaty, and said its maximum range was 480km, short of "
    "the limit. It was the latest attempt by Moscow to persuade Washington not to leave the "
    "long-range arms control treaty."
)
SECOND = "The ministry said the display was meant to show that Russia had nothing to hide."
NATO = (
    "BRUSSELS (AP) - NATO envoys will meet Russian officials on Friday for talks on the "
    "treaty, the alliance said in a statement on Monday. Diplomats said they expected little "
    "progress before the deadline set by the United States."
)


def wrap(text: str) -> list[str]:
    return textwrap.wrap(text, 78)


def read(data: bytes, name: str = "clip.pdf"):
    return PDF.read(Path(name), data, ReadOptions())


def test_one_article_rebuilt_from_wrapped_lines_with_its_metadata() -> None:
    lines = wrap(LEAD) + wrap(SECOND)
    data = make_pdf(
        [lines],
        info={
            "Title": "Russia shows the 9M729",
            "Author": "Jane Smith",
            "CreationDate": "D:20190123103000Z",
        },
    )
    (article,) = read(data)
    assert article.body == f"{LEAD}\n\n{SECOND}"
    assert article.title == "Russia shows the 9M729"  # the text has no headline
    assert article.byline == "Jane Smith"
    assert (article.published, article.date_source) == (dt.date(2019, 1, 23), DateSource.METADATA)


def test_a_clippings_pdf_loses_running_heads_and_page_numbers_and_splits_into_stories() -> None:
    page_one = [
        "DAILY BRIEF | Monday 21 January 2019",
        "Russia unveils missile at centre of INF dispute",
        "By Jane Smith",
        *wrap(LEAD),
        "Page 1 of 3",
    ]
    page_two = [
        "DAILY BRIEF | Monday 21 January 2019",
        *wrap(SECOND),
        "NATO to hold talks with Russia on treaty",
        "22 January 2019",
        *wrap(NATO),
        "Page 2 of 3",
    ]
    page_three = ["DAILY BRIEF | Monday 21 January 2019", "- 3 -"]  # nothing but furniture
    data = make_pdf(
        [page_one, page_two, page_three],
        info={"Title": "Microsoft Word - brief.docx", "CreationDate": "D:20190301000000Z"},
        compress=True,
    )
    first, second = read(data)
    assert first.title == "Russia unveils missile at centre of INF dispute"
    assert first.byline == "By Jane Smith"
    assert first.body == f"{LEAD}\n\n{SECOND}"  # across the page break, without the furniture
    assert first.published is None  # the file's date is not the stories'
    assert second.title == "NATO to hold talks with Russia on treaty"
    assert second.published == dt.date(2019, 1, 22)
    assert second.body == NATO
    for article in (first, second):
        assert "DAILY BRIEF" not in article.body and "Page" not in article.body


def test_words_hyphenated_at_line_ends_are_joined() -> None:
    lines = [
        "The ministry said the new missile, which has a range of 480km, is a modernised mis-",
        "sile of the Iskander family and flies a long-range path that stays low over the",
        "ground, and officials said that the new and much-improved long-range and long-",
        "range missile was shown to attaches.",
    ]
    assert paragraphs_from_lines(lines) == [
        "The ministry said the new missile, which has a range of 480km, is a modernised "
        "missile of the Iskander family and flies a long-range path that stays low over the "
        "ground, and officials said that the new and much-improved long-range and "
        "long-range missile was shown to attaches."
    ]


def test_a_scanned_pdf_is_refused_with_advice() -> None:
    with pytest.raises(ReadError, match=r"^no text layer \(a scanned PDF\? OCR it first\)$"):
        read(make_pdf([["unused"], ["unused"]], image_only=True))


def encrypted(data: bytes, user_password: str, algorithm: str = "RC4-128") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_an_encrypted_pdf_is_refused_unless_it_opens_without_a_password(algorithm: str) -> None:
    data = make_pdf([wrap(LEAD)])
    locked = encrypted(data, "secret", algorithm)
    assert PdfReader(io.BytesIO(locked)).is_encrypted
    with pytest.raises(ReadError, match=r"^encrypted PDF: needs a password$"):
        read(locked)
    # Only printing or copying was restricted: it opens (AES through `cryptography`).
    (article,) = read(encrypted(data, "", algorithm))
    assert article.body == LEAD


def test_an_aes_pdf_needing_a_password_fails_alone_in_an_import(
    store: Store, tmp_path: Path
) -> None:
    data = make_pdf([wrap(LEAD)])
    (tmp_path / "open.pdf").write_bytes(encrypted(data, "", "AES-128"))
    (tmp_path / "locked.pdf").write_bytes(encrypted(data, "secret", "AES-128"))
    report = run_import(store, [tmp_path], workers=0, extract=False)
    assert report.imported == 1
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("locked.pdf", "encrypted PDF: needs a password")
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\nnothing else",
        make_pdf([wrap(LEAD)])[:400],
        b"not a pdf at all",
    ],
)
def test_a_malformed_pdf_gives_pypdfs_reason_on_one_line(data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^malformed PDF: ") as raised:
        read(data)
    assert "\n" not in str(raised.value) and len(str(raised.value)) <= 180


def test_the_page_limit_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    with pytest.raises(ReadError, match=r"^3 pages, over the 2-page limit for one file$"):
        read(make_pdf([wrap(LEAD)] * 3))


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("clip.pdf", b"%PDF-1.7\n", "PDF"),
        ("clip.txt", b"%PDF-1.4\n", "PDF"),  # the content wins over the name
        ("clip.bin", b"\x00" * 100 + b"%PDF-1.4\n", "PDF"),  # junk before the header
        ("clip.pdf", b"garbage", "PDF"),  # still ours, to say what is wrong with it
    ],
)
def test_reader_choice(name: str, head: bytes, expected: str) -> None:
    reader = reader_for(Path(name), head)
    assert reader is not None and reader.name == expected


def test_a_damaged_object_is_refused_without_quoting_the_files_bytes() -> None:
    """Fuzz mutant: a run of words inside an object. pypdf's message quoted the bytes there
    ("starting with b'w' @3342: b'word word ...'")."""
    data = make_pdf([wrap(LEAD)]).replace(b"5 0 obj\n", b"5 0 obj\n" + b"word " * 2000, 1)
    with pytest.raises(ReadError, match=r"^malformed PDF: ") as raised:
        read(data)
    assert "b'" not in str(raised.value) and len(str(raised.value)) <= 180


def test_what_pypdf_repairs_is_not_logged_as_an_error(caplog: pytest.LogCaptureFixture) -> None:
    """pypdf logs a font encoding it does not know at error level, with a 256-entry table:
    on the command line that landed on stderr in the middle of the import's report."""
    data = make_pdf([wrap(LEAD)]).replace(b"/WinAnsiEncoding", b"/BogusEncoding")
    with caplog.at_level(logging.ERROR):
        (article,) = read(data)
    assert article.body.startswith("MOSCOW")
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]


def test_a_megabyte_long_word_is_joined_in_linear_time() -> None:
    """Hyphenated words are collected to tell "long-" + "range" from "mis-" + "sile"; the
    pattern retried from every letter of a long word without a hyphen: quadratic, about 30 s
    for 60,000 letters and hours for a megabyte-long "word" in a damaged PDF."""
    lines = ["a" * 60_000, "The long-range missile flew far, officials said on Monday."]
    started = time.perf_counter()
    (joined,) = paragraphs_from_lines(lines)  # the short line under a long one is wrapped
    assert joined == " ".join(lines)
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test
