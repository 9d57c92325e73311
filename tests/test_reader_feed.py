"""RSS 0.9x/1.0/2.0 and Atom feeds: each entry an article with its own date, author and link."""

from __future__ import annotations

import datetime as dt
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.domain import DateSource
from briefing.ingest.feed_reader import looks_like_feed
from briefing.ingest.pipeline import read_articles
from briefing.ingest.readers import SNIFF_BYTES, ReadError, read_bytes, reader_for

FORMATS = Path(__file__).parent / "fixtures" / "formats"


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    tried: list[str] = []

    def refuse(*args: object, **kwargs: object) -> object:
        tried.append(repr(args[:2]))
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield tried


def test_rss2_entries_with_html_content() -> None:
    articles = read_articles(FORMATS / "wire_rss2.rss")
    assert [a.title for a in articles] == [
        "NATO allies press Russia over 9M729 missile",
        "Kinzhal missiles moved to Kaliningrad",
        "Treaty talks to resume in Vienna",
    ]
    # Dates as the feed writes them, in its own time zone (22:05 -0500 is still the 19th).
    assert [a.published for a in articles] == [
        dt.date(2019, 1, 21),
        dt.date(2019, 1, 20),
        dt.date(2019, 1, 19),
    ]
    assert {a.date_source for a in articles} == {DateSource.METADATA}
    # dc:creator; "address (Name)"; none.
    assert [a.byline for a in articles] == ["Jane Smith", "Ivan Petrov", ""]
    assert [a.url for a in articles] == [
        "https://defencewire.example/2019/01/21/nato-9m729",
        "https://defencewire.example/2019/01/20/kinzhal-kaliningrad",
        "https://defencewire.example/2019/01/19/vienna-talks",  # a permalink guid
    ]
    assert {a.source for a in articles} == {"Defence Wire"}
    assert [a.origin_position for a in articles] == [0, 1, 2]
    assert [a.origin_line for a in articles] == [10, 26, 33]

    first = articles[0]
    # content:encoded, the full text, wins over the one-line description.
    assert first.body.split("\n\n") == [
        "NATO allies on Monday urged Russia to destroy its 9M729 cruise missiles before the "
        "INF Treaty deadline, saying the weapon violates the 1987 accord.",
        "Russian officials displayed the missile's launcher to foreign military attaches near "
        "Moscow last week.",
        "US and Russian diplomats met in Geneva last week without making progress, a State "
        "Department official said.",
    ]
    (subhead,) = first.subheads
    assert subhead.text == "Talks in Geneva"
    assert first.body[subhead.offset :].startswith("US and Russian diplomats")
    # Escaped HTML in a description becomes paragraphs of text.
    assert articles[1].body == (
        "Russia has moved Kinzhal missiles to its Baltic exclave, officials said.\n\n"
        "The missile has a range of up to 2,000km, according to the ministry."
    )
    for article in articles:
        assert "<" not in article.body
        assert "appeared first on" not in article.body
        assert "Share on Twitter" not in article.body


def test_rss1_rdf() -> None:
    articles = read_articles(FORMATS / "analysis_rss1.rdf")
    assert [(a.title, a.published, a.byline, a.url) for a in articles] == [
        (
            "What a New START extension would mean",
            dt.date(2021, 1, 26),
            "Maria Lopez",
            "https://armscontrol.example/notes/new-start-extension",
        ),
        # No <link>: the item's rdf:about is its address.
        (
            "The end of Open Skies",
            dt.date(2020, 11, 22),
            "",
            "https://armscontrol.example/notes/open-skies",
        ),
    ]
    assert articles[0].body.startswith("Extending New START by five years")


def test_atom_with_html_xhtml_and_out_of_line_content(network_attempts: list[str]) -> None:
    articles = read_articles(FORMATS / "briefs.atom")
    assert [a.title for a in articles] == [
        "Sarmat test raises questions",  # type="html": tags stripped
        "Baltic air policing rotation",
        "Out-of-line content is never fetched",
    ]
    sarmat, baltic, remote = articles
    # content, not summary; the advert inside it dropped; &#8217; decoded.
    assert sarmat.body == (
        "Russia’s test of the RS-28 Sarmat on Wednesday was the first full flight of the "
        "missile.\n\nIts warheads struck the Kura range in Kamchatka, some 6,000 km away."
    )
    assert sarmat.byline == "Olga Petrenko, Tom Hale"
    assert sarmat.url == "https://briefs.example/2022/04/sarmat-test"  # alternate, not self
    assert sarmat.published == dt.date(2022, 4, 20)  # published, not updated
    assert baltic.body.split("\n\n") == [
        "Four Spanish fighters arrived in Lithuania on Monday for the Baltic air policing mission.",
        "They replace a Polish detachment.",
    ]
    assert baltic.published == dt.date(2022, 4, 18)  # only <updated>
    # content src=... is never fetched: the summary, as plain text ("<" is a character).
    assert remote.body == "Only the summary of this entry is in the file, 5 < 6."
    assert remote.url == ""
    assert network_attempts == []


def test_html_entities_and_a_cp1252_line_in_a_utf8_feed() -> None:
    path = FORMATS / "entities_cp1252.xml"
    reader = reader_for(path, path.read_bytes()[:SNIFF_BYTES])
    assert reader is not None and reader.name == "RSS/Atom feed"  # .xml, sniffed as a feed
    cafe, minister = read_articles(path)
    assert cafe.title == "Café diplomacy in Vienna"
    assert cafe.body == (
        "Les négociateurs se sont retrouvés à Vienne : the talks — on the CFE Treaty — resumed."
    )
    assert minister.title == "Minister’s visit to Orléans"
    assert minister.body == "The defence minister’s visit to the Orléans air base was cut short."
    assert "\ufffd" not in cafe.body + minister.body


def test_truncated_feed_keeps_the_complete_entries() -> None:
    articles = read_articles(FORMATS / "truncated_feed.rss")
    assert [a.title for a in articles] == [
        "First complete story",
        "Second complete story",
        "Third story, cut off",
    ]
    assert [a.truncated for a in articles] == [False, False, True]
    assert articles[0].published == dt.date(2019, 3, 5)
    assert articles[2].body == "The download stopped in the middle of this sent"
    assert all("not well-formed" in a.warnings[0] for a in articles)


def test_empty_and_non_feed_xml_are_named_failures(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as empty:
        read_articles(FORMATS / "empty_feed.rss")
    assert str(empty.value) == "feed has no entries"
    config = tmp_path / "settings.xml"
    config.write_text('<?xml version="1.0"?><settings><a>1</a></settings>', encoding="utf-8")
    with pytest.raises(ReadError, match="not an RSS or Atom feed"):
        read_articles(config)
    blank_items = tmp_path / "blank.rss"
    blank_items.write_text("<rss><channel><item><title> </title></item></channel></rss>")
    with pytest.raises(ReadError, match="entries are empty"):
        read_articles(blank_items)


def test_rss_091_with_its_netscape_doctype(network_attempts: list[str], tmp_path: Path) -> None:
    feed = tmp_path / "old.rss"
    feed.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b'<rss version="0.91"><channel><title>Old Wire</title><language>fr</language>\n'
        b"<item><title>L&apos;OTAN &agrave; Bruxelles</title>\n"
        b"<link>https://oldwire.example/otan</link>\n"
        b"<description>Les ministres de la D\xe9fense se r\xe9unissent jeudi.</description>"
        b"</item></channel></rss>"
    )
    (article,) = read_articles(feed)
    assert article.title == "L'OTAN à Bruxelles"
    assert article.body == "Les ministres de la Défense se réunissent jeudi."
    assert article.published is None and article.date_source is DateSource.UNKNOWN
    assert network_attempts == []


def test_a_feed_saved_as_txt_is_read_as_a_feed(tmp_path: Path) -> None:
    saved = tmp_path / "feed.txt"
    saved.write_bytes((FORMATS / "briefs.atom").read_bytes())
    assert looks_like_feed(saved.read_bytes()[:SNIFF_BYTES])
    assert read_articles(saved)[0].title == "Sarmat test raises questions"
    rss = (FORMATS / "wire_rss2.rss").read_bytes()
    assert looks_like_feed(rss[:SNIFF_BYTES])  # after <?xml-stylesheet ...?>
    assert not looks_like_feed(b"<?xml version='1.0'?><feed><entry/></feed>")  # not Atom's ns
    assert not looks_like_feed(b"Feeds and RSS readers: a guide\n")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 21 Jan 2019 14:32:00 +0000", dt.date(2019, 1, 21)),
        ("21 Jan 2019 14:32 GMT", dt.date(2019, 1, 21)),
        ("2019-01-21T23:59:59-08:00", dt.date(2019, 1, 21)),
        ("2019-01-21T10:00:00Z", dt.date(2019, 1, 21)),
        ("2019-01-21", dt.date(2019, 1, 21)),
        ("21 January 2019", dt.date(2019, 1, 21)),
        ("sometime last week", None),
    ],
)
def test_feed_date_forms(tmp_path: Path, value: str, expected: dt.date | None) -> None:
    feed = tmp_path / "dates.rss"
    feed.write_text(
        f"<rss><channel><item><title>Talks</title><pubDate>{value}</pubDate>"
        "<description>Diplomats met on Monday.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = read_articles(feed)
    assert article.published == expected


def test_a_page_opening_with_many_comments_is_sniffed_at_once() -> None:
    """Fuzz mutant: a comment line repeated near the top of a saved page. The feed sniffer's
    prolog pattern tried every way for each comment to end at a later "-->" before giving
    up on a root that is not a feed: twice the time for each comment (26 comments: 14 s)."""
    head = b"<!DOCTYPE html>\n" + b"<!--[if IE]><p>old browser</p><![endif]-->\n" * 26 + b"<x>"
    started = time.perf_counter()
    assert not looks_like_feed(head)
    reader = reader_for(Path("page.txt"), head + b"<html><body><p>Text.</p></body></html>")
    assert reader is not None and reader.name == "Web page"
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test


def test_a_long_author_of_at_signs_costs_no_time() -> None:
    """The author patterns ("jane@example.com (Jane Smith)", a bare address) backtracked
    quadratically over one long word of "@"s: 40,000 of them took 12 s."""
    feed = (
        b"<rss><channel><title>Wire</title><item><title>Talks resume</title>"
        b"<author>" + b"@" * 40_000 + b"</author><author>desk@wire.example (Jane Smith)"
        b"</author><description>Diplomats met in Vienna.</description></item></channel></rss>"
    )
    started = time.perf_counter()
    (article,) = read_bytes(Path("wire.rss"), feed)
    assert article.byline == "@" * 40_000 + ", Jane Smith"
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test
