"""ZIP archives: members read by their own readers, bad members named while the rest imports,
hostile archives refused before anything is inflated. Every archive is made by its test."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from briefing.ingest import zip_reader
from briefing.ingest.pipeline import read_articles, run_import
from briefing.ingest.readers import ReadError, ReadResult
from briefing.ingest.safe_xml import ENTITY_REFUSAL
from briefing.store import Store

FORMATS = Path(__file__).parent / "fixtures" / "formats"

STORY = (
    "Kinzhal missiles moved to Kaliningrad\n"
    "Russia has moved Kinzhal missiles to its Baltic exclave, officials said.\n"
    "The missile has a range of up to 2,000km, according to the ministry.\n"
)
OTHER_STORY = (
    "Talks resume in Vienna\n"
    "Diplomats said on Saturday that talks on conventional forces would resume next month.\n"
    "The last round ended without agreement in December, officials said.\n"
)


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def mixed_members() -> dict[str, bytes]:
    return {
        "news/story.txt": STORY.encode(),
        "pages/news_page.html": (FORMATS / "news_page.html").read_bytes(),
        "feeds/wire_rss2.rss": (FORMATS / "wire_rss2.rss").read_bytes(),
        "feeds/briefs.atom": (FORMATS / "briefs.atom").read_bytes(),
        "bad.txt": b"",
        "photo.jpg": b"\xff\xd8\xff\xe0 not a news file",
        "__MACOSX/news/._story.txt": b"\x00\x05\x16\x07 resource fork",
        "empty-folder/": b"",
    }


def test_mixed_archive_reads_each_member_and_names_the_bad_one(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "bundle.zip", mixed_members())
    articles = read_articles(archive)
    assert isinstance(articles, ReadResult)
    by_origin: dict[str, list[str]] = {}
    for article in articles:
        by_origin.setdefault(article.origin_file, []).append(article.title)
    prefix = f"{archive}!"
    assert by_origin == {
        prefix + "news/story.txt": ["Kinzhal missiles moved to Kaliningrad"],
        prefix + "pages/news_page.html": ["Russia tests new Sarmat missile, Kremlin says"],
        prefix + "feeds/wire_rss2.rss": [
            "NATO allies press Russia over 9M729 missile",
            "Kinzhal missiles moved to Kaliningrad",
            "Treaty talks to resume in Vienna",
        ],
        prefix + "feeds/briefs.atom": [
            "Sarmat test raises questions",
            "Baltic air policing rotation",
            "Out-of-line content is never fetched",
        ],
    }
    assert [(f.path, f.reason) for f in articles.failures] == [(prefix + "bad.txt", "empty file")]
    # Not news files are skipped, as in a folder; macOS resource forks are not even listed.
    assert [(f.path, f.reason) for f in articles.skipped] == [
        (prefix + "photo.jpg", "not a recognised news file type")
    ]


def test_unsafe_member_paths_are_refused_and_the_rest_imports(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "evil.zip",
        {
            "../evil.txt": STORY.encode(),
            "/etc/cron.d/evil.txt": STORY.encode(),
            "docs/../../evil2.txt": STORY.encode(),
            "C:/Windows/evil.txt": STORY.encode(),
            "good.txt": OTHER_STORY.encode(),
        },
    )
    articles = read_articles(archive)
    assert [a.title for a in articles] == ["Talks resume in Vienna"]
    assert isinstance(articles, ReadResult)
    assert [(f.path.split("!", 1)[1], f.reason) for f in articles.failures] == [
        ("../evil.txt", "unsafe path in archive: ../evil.txt"),
        ("/etc/cron.d/evil.txt", "unsafe path in archive: /etc/cron.d/evil.txt"),
        ("docs/../../evil2.txt", "unsafe path in archive: docs/../../evil2.txt"),
        ("C:/Windows/evil.txt", "unsafe path in archive: C:/Windows/evil.txt"),
    ]
    # Nothing was written anywhere, inside the folder or beside it.
    assert sorted(p.name for p in tmp_path.parent.rglob("evil*.txt")) == []


def test_a_zip_bomb_member_is_refused_without_inflating_it(tmp_path: Path) -> None:
    # 200 MB of zeros packed to under 1 MB: refused from the central directory's sizes.
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("zeros.txt", "w", force_zip64=True) as member:
            chunk = bytes(8 * 1024 * 1024)
            for _ in range(25):
                member.write(chunk)
        archive.writestr("story.txt", STORY)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    articles = read_articles(bomb)
    assert time.perf_counter() - started < 0.5  # nothing was inflated
    assert [a.title for a in articles] == ["Kinzhal missiles moved to Kaliningrad"]
    assert isinstance(articles, ReadResult)
    ((path, reason),) = [(f.path, f.reason) for f in articles.failures]
    assert path.endswith("bomb.zip!zeros.txt")
    assert reason.startswith("refused: would inflate") and reason.endswith("(possible zip bomb)")


def test_an_archive_that_unpacks_past_the_limit_is_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The 1 GB limit, scaled down so that the test writes kilobytes.
    monkeypatch.setattr(zip_reader, "MAX_ARCHIVE_BYTES", 1000)
    story = (STORY * 3).encode()
    archive = make_zip(tmp_path / "big.zip", {"a.txt": story, "b.txt": story})
    with pytest.raises(ReadError) as refused:
        read_articles(archive)
    assert str(refused.value) == (
        f"refused: the archive would unpack to {2 * len(story):,} bytes, "
        "over the 1,000 bytes limit (possible zip bomb)"
    )


def test_a_member_that_inflates_past_its_declared_size_is_stopped(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "lying.zip", {"lie.txt": STORY.encode() * 50, "ok.txt": b""})
    data = bytearray(archive.read_bytes())
    real_size = len(STORY.encode() * 50)
    # Declare 100 bytes where there are thousands, in the local header and the central
    # directory alike (offsets from the ZIP specification).
    local = data.index(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, 100)
    central = data.index(b"PK\x01\x02")
    assert struct.unpack_from("<I", data, central + 24)[0] == real_size
    struct.pack_into("<I", data, central + 24, 100)
    archive.write_bytes(bytes(data))
    with pytest.raises(ReadError) as refused:
        read_articles(archive)
    (lie, empty) = refused.value.parts
    assert lie.path.endswith("lying.zip!lie.txt")
    assert lie.reason.startswith("damaged in the archive")
    assert empty.reason == "empty file"


def test_inflating_is_capped_at_the_declared_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whatever zipfile does with lying sizes, our own loop stops at the declared size.
    class Endless(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            return b"x" * (size if size > 0 else 1024)

        def __enter__(self) -> Endless:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    class FakeArchive:
        def open(self, info: zipfile.ZipInfo) -> Endless:
            return Endless()

    info = zipfile.ZipInfo("a.txt")
    info.file_size = 3 * 1024 * 1024
    with pytest.raises(ReadError, match="inflates past its declared size"):
        zip_reader._inflate(FakeArchive(), info, zip_reader._Budget())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (STORY.encode(), "not a ZIP archive (damaged, or another kind of file named .zip)"),
        (
            b"GIF89a\x01\x00\x01\x00 an image",
            "not a ZIP archive (damaged, or another kind of file named .zip)",
        ),
        (b"PK\x03\x04\x14\x00\x00\x00 truncated", "damaged ZIP archive: File is not a zip file"),
        (b"PK\x05\x06" + bytes(18), "empty archive"),
    ],
    ids=["empty", "text", "image", "truncated", "no-members"],
)
def test_not_really_a_zip(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "archive.zip"
    path.write_bytes(content)
    with pytest.raises(ReadError) as refused:
        read_articles(path)
    assert str(refused.value) == reason


def test_one_level_of_nesting_is_read(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.txt", STORY)
        deepest = io.BytesIO()
        with zipfile.ZipFile(deepest, "w") as third:
            third.writestr("b.txt", OTHER_STORY)
        archive.writestr("deeper.zip", deepest.getvalue())
    outer = make_zip(tmp_path / "outer.zip", {"inner.zip": inner.getvalue()})
    articles = read_articles(outer)
    assert [a.origin_file for a in articles] == [f"{outer}!inner.zip!a.txt"]
    assert isinstance(articles, ReadResult)
    assert [(f.path, f.reason) for f in articles.failures] == [
        (
            f"{outer}!inner.zip!deeper.zip",
            "an archive inside an archive inside an archive: not read",
        )
    ]


def test_an_archive_of_only_bad_members_lists_each(store: Store, tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "broken.zip", {"a.txt": b"", "b.txt": b"\x00\x01\x02" * 50})
    report = run_import(store, [archive], extract=False)
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("broken.zip!a.txt", "empty file"),
        ("broken.zip!b.txt", "not a format Briefing can read (binary or unknown)"),
        ("broken.zip", "no member could be read (2 failed)"),
    ]
    assert report.imported == 0


def test_import_of_a_folder_of_every_format(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in (
        "news_page.html",
        "body_only.html",
        "finland_nato.mhtml",
        "wire_rss2.rss",
        "analysis_rss1.rdf",
        "briefs.atom",
        "entities_cp1252.xml",
        "truncated_feed.rss",
        "empty_feed.rss",
    ):
        (folder / name).write_bytes((FORMATS / name).read_bytes())
    (folder / "wire.txt").write_text(OTHER_STORY, encoding="utf-8")
    make_zip(folder / "bundle.zip", mixed_members())
    (folder / "fake.zip").write_text("this is not an archive", encoding="utf-8")
    (folder / "laughs.rss").write_bytes(
        b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<rss><channel><item><title>&b;</title></item></channel></rss>"
    )
    (folder / "settings.xml").write_text("<settings/>", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    report = run_import(store, [folder], extract=False)

    failures = {Path(f.path).name: f.reason for f in report.failures}
    assert failures == {
        "bundle.zip!bad.txt": "empty file",
        "empty_feed.rss": "feed has no entries",
        "fake.zip": "not a ZIP archive (damaged, or another kind of file named .zip)",
        "laughs.rss": ENTITY_REFUSAL,
        "settings.xml": "an XML file that is not an RSS or Atom feed (its root is <settings>)",
    }
    assert sorted(Path(s.path).name for s in report.skipped) == ["bundle.zip!photo.jpg", "logo.png"]
    # 1 + 1 + 1 pages, 3 + 2 + 3 + 2 + 3 feed entries, 1 text story, 8 in the archive.
    assert report.files_total == 14
    assert report.files_read == 10
    assert report.articles_found == 3 + 13 + 1 + 8
    # The archive repeats four of the files beside it, and its story.txt story is the
    # second entry of wire_rss2.rss: the same story is stored once.
    assert report.imported + report.duplicates == report.articles_found
    assert report.duplicates == 8
    assert store.count_articles() == report.imported
    (run,) = store.import_runs()
    assert run.failed == len(report.failures)


def test_a_member_whose_header_names_another_file_is_named_in_words(tmp_path: Path) -> None:
    """Fuzz mutant: one flipped byte in a member's local header. zipfile's message quoted the
    header's bytes (b'\\xdbnner.zip'), up to 15,000 characters of them."""
    archive = make_zip(tmp_path / "bundle.zip", {"inner.txt": STORY.encode(), "ok.txt": b""})
    data = bytearray(archive.read_bytes())
    data[data.index(b"inner.txt")] ^= 0x92  # the first copy of the name: the local header's
    archive.write_bytes(bytes(data))
    with pytest.raises(ReadError) as refused:
        read_articles(archive)
    (inner, _) = refused.value.parts
    assert inner.reason == (
        "damaged in the archive: its name in the archive's directory and in its own header differ"
    )


def test_a_damaged_version_field_is_a_named_failure_not_a_crash(tmp_path: Path) -> None:
    """As for Word files (fuzz mutant 62492): zipfile's NotImplementedError for a "version
    needed" it does not know was not caught."""
    archive = make_zip(tmp_path / "bundle.zip", {"story.txt": STORY.encode()})
    data = bytearray(archive.read_bytes())
    data[data.index(b"PK\x01\x02") + 6] = 132  # version needed to extract: 13.2
    archive.write_bytes(bytes(data))
    with pytest.raises(ReadError, match=r"^damaged or unsupported ZIP archive: zip file"):
        read_articles(archive)
