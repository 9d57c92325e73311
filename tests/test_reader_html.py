"""Saved web pages: the article's text without the page around it, and its metadata."""

from __future__ import annotations

import datetime as dt
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.domain import DateSource
from briefing.ingest import html_reader
from briefing.ingest.html_reader import article_from_html, looks_like_html
from briefing.ingest.pipeline import read_articles, run_import
from briefing.ingest.readers import SNIFF_BYTES, ReadError, reader_for
from briefing.store import Store

FORMATS = Path(__file__).parent / "fixtures" / "formats"

STORY = (
    "<p>Pakistan test-fired a nuclear-capable Shaheen-III ballistic missile on Tuesday, the "
    "military said in a statement issued in Rawalpindi.</p>"
    "<p>The missile has a range of 2,750 km, according to the Inter-Services Public Relations "
    "office, which said the launch was meant to revalidate design parameters.</p>"
    "<p>India did not comment immediately on the test, the third this year.</p>"
)


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    tried: list[str] = []

    def refuse(*args: object, **kwargs: object) -> object:
        tried.append(repr(args[:2]))
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield tried


def test_saved_news_page_keeps_the_story_and_its_metadata(network_attempts: list[str]) -> None:
    (article,) = read_articles(FORMATS / "news_page.html")
    assert article.title == "Russia tests new Sarmat missile, Kremlin says"
    assert article.byline == "Olga Petrenko"
    assert article.published == dt.date(2022, 4, 20)
    assert article.date_source is DateSource.METADATA
    assert article.url == "https://www.dailycourier.example/world/2022/04/20/russia-tests-sarmat"
    assert article.source == "The Daily Courier"
    assert article.kicker == "Defence"
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("Russia said on Wednesday it had carried out")
    assert paragraphs[-1].startswith("Roscosmos chief Dmitry Rogozin")
    # The section heading is a subhead pointing at its first paragraph, not body text.
    (subhead,) = article.subheads
    assert subhead.text == "A decade in the making"
    assert article.body[subhead.offset :].startswith("The Sarmat, which NATO calls")
    assert "A decade in the making" not in article.body
    # Nothing of the page around the story.
    for junk in (
        "Subscribe",  # navigation
        "Cheap flights",  # the leaderboard advert
        "luxury cruise",  # the advert inside the story
        "Advertisement",
        "Share on",
        "truthseeker99",  # comments
        "propaganda",
        "Ukraine grain exports",  # "More from World" teasers
        "Celebrity couple",  # "Most read"
        "Morning Briefing newsletter",
        "Cookie settings",
        "All rights reserved",
        "Photo: Defence Ministry",
        "trackPageView",
        "<",
    ):
        assert junk not in article.body, junk
    assert article.title not in article.body
    assert network_attempts == []  # the page names remote CSS, scripts and images


def test_a_page_with_only_body_paragraphs() -> None:
    (article,) = read_articles(FORMATS / "body_only.html")
    assert article.body.split("\n\n") == [
        "Pakistan test-fired a nuclear-capable Shaheen-III ballistic missile on Tuesday, "
        "the military said.",
        "The missile has a range of 2,750 km, according to the Inter-Services Public "
        "Relations office.",
    ]
    assert article.title == article.body.split("\n\n")[0]
    assert (article.published, article.date_source) == (None, DateSource.UNKNOWN)
    assert (article.url, article.byline) == ("", "")


def test_mhtml_web_archive_reads_its_html_part() -> None:
    (article,) = read_articles(FORMATS / "finland_nato.mhtml")
    assert article.title == "Finland’s parliament backs NATO bid"
    assert article.byline == "Aino Virtanen"
    assert article.published == dt.date(2022, 5, 17)
    # No canonical link in the page: the address it was saved from.
    assert article.url == "https://nordictimes.example/2022/05/17/finland-nato-vote"
    # Quoted-printable UTF-8 under a Content-Type without charset, decoded right.
    assert "President Sauli Niinistö" in article.body
    assert "“surprising”" in article.body
    assert len(article.body.split("\n\n")) == 3
    for junk in ("Front page", "Ice hockey", "Sauna prices", "Nordic Times", "=3D", "iVBOR"):
        assert junk not in article.body, junk


def test_dates_come_from_markup_only() -> None:
    timed = article_from_html(
        f"<html><body><article><h1>Launch</h1><time datetime='2021-03-04T10:00:00Z'>"
        f"4 March</time>{STORY}</article></body></html>"
    )
    assert (timed.published, timed.date_source) == (dt.date(2021, 3, 4), DateSource.METADATA)
    json_ld = article_from_html(
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", '
        '"datePublished": "2020-05-06T08:00:00+02:00", "author": {"@type": "Person", '
        f'"name": "Sam Reyes"}}}}</script></head><body><article>{STORY}</article></body></html>'
    )
    assert json_ld.published == dt.date(2020, 5, 6)
    assert json_ld.byline == "Sam Reyes"
    # A date in running text is the pipeline's to infer (and mark inferred), not metadata.
    in_text = article_from_html(
        f"<html><body><article><p>Officials said on 7 August 2018 that a test was "
        f"planned.</p>{STORY}</article></body></html>"
    )
    assert in_text.published is None


def test_meta_charset_is_honoured() -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Москва</title></head><body><article>'
        "<p>Министерство обороны России сообщило во вторник об успешном испытании ракеты.</p>"
        "</article></body></html>"
    ).encode("cp1251")
    (article,) = html_reader.HtmlReader().read(Path("ru.html"), page, html_reader.ReadOptions())
    assert "Министерство обороны" in article.body
    # Pages labelled ISO-8859-1 are cp1252 in practice (the WHATWG rule): 0x92 is ’.
    latin = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><p>The minister\x92s visit to Orl\xe9ans was cut short by the "
        "crisis, officials said.</p></body></html>"
    ).encode("latin-1")
    (article,) = html_reader.HtmlReader().read(Path("fr.htm"), latin, html_reader.ReadOptions())
    assert "The minister’s visit to Orléans" in article.body


def test_fallback_when_the_extractor_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "_trafilatura_blocks", lambda text, meta: [])
    article = article_from_html(
        "<html><head><title>Test launch</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div class='ad-slot'>Buy now</div>"
        f"<main><article><h1>Test launch</h1>{STORY}"
        "<aside>Related: other stories</aside><footer>Tags: missiles</footer></article></main>"
        "<script>track()</script><style>p {color: red}</style></body></html>"
    )
    assert article.title == "Test launch"
    assert len(article.body.split("\n\n")) == 3
    for junk in ("Home", "World", "Buy now", "Related", "Tags", "track", "color"):
        assert junk not in article.body, junk


def test_no_article_text_is_a_named_failure(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(ReadError, match="no article text found"):
        read_articles(page)
    empty = tmp_path / "empty.htm"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="empty file"):
        read_articles(empty)


def test_a_txt_that_is_really_a_page_is_read_as_one(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_text(
        "<!-- saved from url=(0040)https://wire.example/2019/test-launch -->\n"
        f"<!DOCTYPE html>\n<html><head><title>Test launch</title></head><body>{STORY}"
        "</body></html>",
        encoding="utf-8",
    )
    head = page.read_bytes()[:SNIFF_BYTES]
    assert looks_like_html(head)
    reader = reader_for(page, head)
    assert reader is not None and reader.name == "Web page"
    (article,) = read_articles(page)
    assert article.title == "Test launch"
    assert "<" not in article.body
    assert article.url == "https://wire.example/2019/test-launch"
    # Plain text that merely mentions HTML stays plain text.
    notes = tmp_path / "notes.txt"
    notes.write_text("Notes on the <html> tag\nThe tag starts a page.\n", encoding="utf-8")
    plain = reader_for(notes, notes.read_bytes())
    assert plain is not None and plain.name == "Plain text"


def test_an_html_fragment_file_is_read() -> None:
    article = article_from_html(STORY)
    assert article.body.count("\n\n") == 2
    assert article.title.startswith("Pakistan test-fired")


def test_a_page_that_declares_entities_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.xhtml"
    page.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>&xxe;{STORY}</body></html>',
        encoding="utf-8",
    )
    with pytest.raises(ReadError, match="declares entities"):
        read_articles(page)


def test_a_saved_pages_resource_folder_is_not_imported(store: Store, tmp_path: Path) -> None:
    # "Save page, complete": page.html beside page_files/ with scripts and advert frames.
    folder = tmp_path / "saved"
    resources = folder / "Test launch_files"
    resources.mkdir(parents=True)
    (folder / "Test launch.html").write_text(
        f"<html><head><title>Test launch</title></head><body>{STORY}</body></html>",
        encoding="utf-8",
    )
    (resources / "ad_frame.html").write_text(
        "<html><body><p>Win a cruise! Enter our prize draw today and win big.</p></body></html>",
        encoding="utf-8",
    )
    (resources / "app.js").write_text("track()", encoding="utf-8")
    # A folder that merely ends in _files, with no page beside it, is walked as usual.
    (folder / "press_files").mkdir()
    (folder / "press_files" / "note.txt").write_text(
        "Talks resume in Vienna\nDiplomats said talks would resume next month.\n",
        encoding="utf-8",
    )
    report = run_import(store, [folder], extract=False)
    assert report.failures == [] and report.skipped == []
    assert report.files_total == 2
    assert report.imported == 2


def test_a_page_of_twenty_thousand_headings_is_read_without_the_slow_comparison() -> None:
    """Fuzz mutant: one heading line repeated 20,000 times near the top of a page. justext's
    revision of short paragraphs, which trafilatura runs to compare, is quadratic in such a
    run (28 s); a page with that many blocks is read without the comparison."""
    page = (
        "<html><head><title>Talks resume</title>"
        + "<h2>Background</h2>\n" * 20_000
        + f"</head><body><article><h1>Talks resume</h1>{STORY}</article></body></html>"
    )
    started = time.perf_counter()
    article = article_from_html(page)
    assert "Shaheen-III" in article.body
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test


def test_a_page_of_660000_empty_paragraphs_is_read_by_the_lxml_pass() -> None:
    """Fuzz mutant 29288: two megabytes of "<p>" in a page. Even in its fast mode
    trafilatura's clean-up and metadata queries took 10 s over 660,000 elements."""
    page = (
        "<html><head><title>Talks resume</title></head><body>"
        + "<p>" * 660_000
        + f"<article><h1>Talks resume</h1>{STORY}</article></body></html>"
    )
    started = time.perf_counter()
    article = article_from_html(page)
    assert article.title == "Talks resume"
    assert "Shaheen-III" in article.body
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test


def test_a_megabyte_long_meta_content_is_cut_before_trafilatura_reads_it() -> None:
    """Fuzz mutant 59402: two megabytes of "<" in the og:title. trafilatura strips tags from
    meta contents with a pattern quadratic in such a run (200,000: 22 s; the mutant: hours);
    attribute values are cut to 10,000 characters first."""
    page = (
        '<html><head><meta property="og:title" content="Talks resume' + "<" * 200_000 + '">'
        f"</head><body><article>{STORY}</article></body></html>"
    )
    started = time.perf_counter()
    article = article_from_html(page)
    assert article.title.startswith("Talks resume")
    assert "Shaheen-III" in article.body
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test
