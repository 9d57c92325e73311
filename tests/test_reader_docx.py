"""Word documents: styles give the structure, and a clippings file gives several articles."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefing.domain import DateSource, Subhead
from briefing.ingest import docx_reader
from briefing.ingest.docx_reader import DocxReader
from briefing.ingest.readers import ReadError, ReadOptions, reader_for
from tests.reader_fixtures import make_docx

DOCX = DocxReader()

LEAD = (
    "MOSCOW (Reuters) - Russia's military on Wednesday displayed the 9M729 cruise missile "
    "that Washington says violates the INF treaty."
)
SECOND = "The ministry said the missile had a maximum range of 480km."


def read(data: bytes, name: str = "story.docx"):
    return DOCX.read(Path(name), data, ReadOptions())


def test_one_article_with_title_deck_byline_date_subheads_and_a_table() -> None:
    data = make_docx(
        [
            ("Title", "Russia unveils missile at centre of INF dispute"),
            ("Subtitle", "Moscow says the 9M729 complies with the treaty"),
            ("", "By Jane Smith"),
            ("", "21 January 2019"),
            ("", LEAD),
            ("Heading 2", "TENSE TIES"),
            ("", SECOND),
        ],
        author="Desk Officer",
        created=dt.datetime(2020, 5, 1, 9, 0),
        table=[["System", "Range"], ["9M729", "480 km"]],
    )
    (article,) = read(data)
    assert article.title == article.headline == "Russia unveils missile at centre of INF dispute"
    assert article.deck == "Moscow says the 9M729 complies with the treaty"
    assert article.byline == "By Jane Smith"  # the text's byline, not the file's author
    assert (article.published, article.date_source) == (dt.date(2019, 1, 21), DateSource.METADATA)
    assert article.body == f"{LEAD}\n\n{SECOND}\n\nSystem | Range\n\n9M729 | 480 km"
    assert article.subheads == (Subhead("TENSE TIES", len(LEAD) + 2),)
    assert article.body[article.subheads[0].offset :].startswith("The ministry")


def test_file_properties_fill_in_what_the_text_does_not_say() -> None:
    data = make_docx(
        [("", LEAD), ("", SECOND)],
        title="Missile display in Moscow",
        author="Jane Smith",
        created=dt.datetime(2019, 1, 23, 18, 0),
    )
    (article,) = read(data)
    assert article.title == "Missile display in Moscow"
    assert article.byline == "Jane Smith"
    assert (article.published, article.date_source) == (dt.date(2019, 1, 23), DateSource.METADATA)
    assert article.warnings == ()


def test_a_clippings_file_gives_one_article_per_heading_1() -> None:
    data = make_docx(
        [
            ("Title", "Press clippings, 21 January 2019"),
            ("Heading 1", "Russia unveils missile at centre of INF dispute"),
            ("", "22 January 2019"),
            ("", LEAD),
            ("Heading 1", "NATO to hold talks with Russia on treaty"),
            ("", "BRUSSELS (AP) - NATO envoys will meet Russian officials on Friday."),
            ("Heading 2", "WHAT NEXT"),
            ("", "Diplomats said they expected little progress."),
        ],
        created=dt.datetime(2019, 2, 1),
        author="Clippings desk",
    )
    first, second = read(data)
    assert first.title == "Russia unveils missile at centre of INF dispute"
    assert (first.body, first.published) == (LEAD, dt.date(2019, 1, 22))
    assert second.title == "NATO to hold talks with Russia on treaty"
    assert second.subheads == (Subhead("WHAT NEXT", 68),)
    # The file's date and author describe the clippings file, not each story.
    assert second.published is None and second.byline == ""
    assert [first.origin_position, second.origin_position] == [0, 1]


def test_several_titles_split_the_document_too() -> None:
    data = make_docx(
        [("Title", "First story"), ("", LEAD), ("Title", "Second story"), ("", SECOND)]
    )
    assert [a.title for a in read(data)] == ["First story", "Second story"]


def test_a_document_without_heading_styles_is_segmented_like_text() -> None:
    data = make_docx(
        [
            ("", "Russia unveils missile at centre of INF dispute"),
            ("", LEAD),
            ("", SECOND),
            ("", "NATO to hold talks with Russia on treaty"),
            ("", "BRUSSELS (AP) - NATO envoys will meet Russian officials on Friday."),
            ("", "Diplomats said they expected little progress."),
        ],
        title="Clippings",
        created=dt.datetime(2019, 2, 1),
    )
    first, second = read(data)
    assert first.title == "Russia unveils missile at centre of INF dispute"
    assert first.body == f"{LEAD}\n\n{SECOND}"
    assert second.title == "NATO to hold talks with Russia on treaty"
    assert first.published is None  # several stories: the file's date is not theirs


def test_tracked_changes_read_as_accepted_and_line_breaks_split_the_head() -> None:
    document = docx.Document()
    document.add_paragraph("Missile shown in Moscow", style="Title")
    head = document.add_paragraph("By Jane Smith")
    head.runs[0].add_break()
    head.add_run("21 January 2019")
    body = document.add_paragraph("The ministry showed the ")
    body._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="ed"><w:r><w:t>new</w:t></w:r></w:ins>')
    )
    body._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="ed">'
            "<w:r><w:delText>old</w:delText></w:r></w:del>"
        )
    )
    body.add_run(" missile.")
    buffer = io.BytesIO()
    document.save(buffer)
    (article,) = read(buffer.getvalue())
    assert article.body == "The ministry showed the new missile."
    assert article.byline == "By Jane Smith"
    assert article.published == dt.date(2019, 1, 21)


def with_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        target.writestr(name, content)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_opened() -> None:
    bomb = with_member(make_docx([("", LEAD)]), "word/media/filler.bin", bytes(20_000_000))
    assert len(bomb) < 100_000
    with pytest.raises(ReadError, match=r"^compressed [\d,]+ to 1, over the 100 to 1 limit"):
        read(bomb)


def test_a_document_unpacking_past_the_size_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED_BYTES", 2**20)
    noise = random.Random(1).randbytes(2 * 2**20)  # incompressible: a low ratio
    data = with_member(make_docx([("", LEAD)]), "word/media/photo.jpg", noise)
    reason = r"^unpacks to \d MB, over the 1 MB limit \(a zip bomb\?\)$"
    with pytest.raises(ReadError, match=reason):
        read(data)


def test_damaged_and_foreign_files_are_named() -> None:
    with pytest.raises(ReadError, match=r"^damaged zip container \("):
        read(b"PK\x03\x04 not really a zip")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "Just text.")
    with pytest.raises(ReadError, match=r"^not a Word document \(no word/document.xml\)$"):
        read(other.getvalue())
    broken = with_member(make_docx([("", LEAD)]), "word/document.xml", b"<w:document>")
    with pytest.raises(ReadError, match=r"^not a readable Word document: "):
        read(broken)


def test_reader_choice() -> None:
    data = make_docx([("", LEAD)])
    chosen = reader_for(Path("story.docx"), data[:4096])
    assert chosen is not None and chosen.name == "Word document"
    # A Word file under an archive's name is still a Word file; a real archive is not.
    chosen = reader_for(Path("story.zip"), data[:4096])
    assert chosen is not None and chosen.name == "Word document"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.txt", "Text.")
    chosen = reader_for(Path("news.zip"), archive.getvalue())
    assert chosen is not None and chosen.name != "Word document"


def test_a_damaged_version_field_is_a_named_failure_not_a_crash() -> None:
    """Fuzz mutant 62492: one flipped byte in the central directory's "version needed"
    field. zipfile raises NotImplementedError ("zip file version 13.2"), which nothing
    caught: the file reached the last-resort catch as an internal error."""
    data = bytearray(make_docx([("", "Text.")]))
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 132  # version needed to extract: 13.2
    with pytest.raises(ReadError, match=r"^damaged or unsupported zip container \(zip file"):
        read(bytes(data))
