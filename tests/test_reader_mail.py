"""E-mail: saved messages and mailboxes of newsletters, decoded as the sender wrote them."""

from __future__ import annotations

import base64
import datetime as dt
import time
from pathlib import Path

import pytest

from briefing.domain import DateSource, FileFailure
from briefing.ingest.mail_reader import MAX_HEADER_CHARS, EmlReader, MboxReader, split_mbox
from briefing.ingest.readers import ReadError, ReadOptions, ReadResult, read_bytes, reader_for
from briefing.ingest.segment import segment_text

EML = EmlReader()
MBOX = MboxReader()
NO_OPTIONS = ReadOptions()

STORY = (
    "MOSCOW (Reuters) - Russia's military on Wednesday displayed the 9M729 cruise missile "
    "that Washington says violates the INF treaty, and said its range was 480km."
)


def message(
    body: str | bytes,
    *,
    subject: str = "Russia shows missile",
    sender: str = "Defense Daily <news@defense.example>",
    date: str = "Mon, 21 Jan 2019 07:30:00 +0000",
    headers: str = "Content-Type: text/plain; charset=utf-8\n",
) -> bytes:
    head = (
        f"From: {sender}\nTo: analyst@example.org\nSubject: {subject}\nDate: {date}\n"
        f"MIME-Version: 1.0\nMessage-ID: <1@defense.example>\n{headers}\n"
    ).encode("ascii")
    return head + (body if isinstance(body, bytes) else body.encode("utf-8"))


def read_eml(data: bytes, name: str = "brief.eml"):
    return EML.read(Path(name), data, NO_OPTIONS)


def test_a_plain_message_is_one_article_titled_by_its_subject() -> None:
    (article,) = read_eml(message(STORY + "\n\nThe ministry showed it to attaches.\n"))
    assert article.title == article.headline == "Russia shows missile"
    assert article.body == STORY + "\n\nThe ministry showed it to attaches."
    assert (article.published, article.date_source) == (dt.date(2019, 1, 21), DateSource.METADATA)
    assert article.source == "Defense Daily"  # the sender, not a byline
    assert article.byline == ""
    assert (article.origin_position, article.origin_line) == (0, 1)


def test_encoded_subject_and_quoted_printable_body_are_decoded() -> None:
    data = message(
        b"Le minist=C3=A8re a montr=C3=A9 le missile =C2=AB 9M729 =C2=BB =E2=80=94 une port=\n"
        b"=C3=A9e de 480 km.\n",
        subject="=?utf-8?q?Russie=C2=A0=3A_le_missile_=C2=AB_9M729_=C2=BB?=",
        sender="=?iso-8859-1?q?D=E9fense_Quotidien?= <q@example.fr>",
        headers="Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
        "quoted-printable\n",
    )
    (article,) = read_eml(data)
    assert article.title == "Russie : le missile « 9M729 »"
    assert article.body == "Le ministère a montré le missile « 9M729 » — une portée de 480 km."
    assert article.source == "Défense Quotidien"


def test_base64_body_in_a_legacy_charset() -> None:
    text = "Министерство обороны показало ракету 9М729 в среду."
    data = message(
        base64.encodebytes(text.encode("koi8-r")),
        subject="=?koi8-r?b?" + base64.b64encode("Ракета".encode("koi8-r")).decode() + "?=",
        headers="Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64\n",
    )
    (article,) = read_eml(data)
    assert (article.title, article.body) == ("Ракета", text)


def test_an_unknown_charset_falls_back_to_guessing() -> None:
    data = message(
        "Le ministère a montré le missile.".encode("cp1252"),
        headers="Content-Type: text/plain; charset=x-no-such-charset\n",
    )
    (article,) = read_eml(data)
    assert article.body == "Le ministère a montré le missile."


HTML_NEWSLETTER = f"""<html><head><style>p {{ color: red }}</style></head><body>
<p><a href="https://example.org/v">View this email in your browser</a></p>
<table><tr><td><h2>Russia unveils missile at centre of INF dispute</h2>
<p>{STORY}</p><p>The ministry said the missile had a maximum range of 480km.</p></td></tr>
<tr><td><h2>NATO to hold talks with Russia on treaty</h2>
<p>BRUSSELS (AP) - NATO envoys will meet Russian officials on Friday for talks on the
treaty, the alliance said.</p><p>Diplomats said they expected little progress.</p></td></tr>
</table><script>track()</script>
<p>You are receiving this email because you signed up. <a href="#">Unsubscribe</a></p>
</body></html>"""


def test_an_html_only_digest_becomes_one_article_per_story() -> None:
    data = message(HTML_NEWSLETTER, headers="Content-Type: text/html; charset=utf-8\n")
    first, second = read_eml(data)
    assert first.title == "Russia unveils missile at centre of INF dispute"
    assert first.body == STORY + "\n\nThe ministry said the missile had a maximum range of 480km."
    assert second.title == "NATO to hold talks with Russia on treaty"
    assert second.body.startswith("BRUSSELS (AP) - NATO envoys will meet Russian officials on")
    for article in (first, second):
        assert article.source == "Defense Daily"
        assert article.published == dt.date(2019, 1, 21)
        assert "track()" not in article.body and "color" not in article.body
        assert "Unsubscribe" not in article.body and "browser" not in article.body
    assert [first.origin_position, second.origin_position] == [0, 1]


DIGEST = f"""View this email in your browser

Russia unveils missile at centre of INF dispute

{STORY}

The ministry said the missile had a maximum range of 480km.

NATO to hold talks with Russia on treaty
22 January 2019

BRUSSELS (AP) - NATO envoys will meet Russian officials on Friday for talks on the treaty.

Diplomats said they expected little progress.

--=20
Defense Daily, 1 Example Street
"""


def test_a_plain_text_digest_is_cut_into_its_stories_and_the_signature_dropped() -> None:
    data = message(
        DIGEST.encode(),
        headers="Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
        "quoted-printable\n",
    )
    first, second = read_eml(data)
    assert first.title == "Russia unveils missile at centre of INF dispute"
    assert first.published == dt.date(2019, 1, 21)  # the message's date
    assert second.published == dt.date(2019, 1, 22)  # its own date line
    assert second.body.endswith("Diplomats said they expected little progress.")


def multipart(plain: str, html: str, attachment: str = "") -> bytes:
    parts = [
        "--B\nContent-Type: text/plain; charset=utf-8\n\n" + plain,
        "--B\nContent-Type: text/html; charset=utf-8\n\n" + html,
    ]
    body = (
        "--A\nContent-Type: multipart/alternative; boundary=B\n\n" + "\n".join(parts) + "\n--B--\n"
    )
    if attachment:
        body += (
            "--A\nContent-Type: text/plain; charset=utf-8\n"
            'Content-Disposition: attachment; filename="other.txt"\n\n' + attachment + "\n"
        )
    return message(body + "--A--\n", headers="Content-Type: multipart/mixed; boundary=A\n")


def test_the_plain_part_is_preferred_and_attachments_are_ignored() -> None:
    data = multipart(
        plain=STORY + "\n",
        html=f"<p>{STORY} (html version)</p>",
        attachment="Attached notes that are no part of the story.",
    )
    (article,) = read_eml(data)
    assert article.body == STORY
    assert "Attached notes" not in article.body


def test_a_stub_plain_part_gives_way_to_the_html() -> None:
    more = "The ministry showed the missile to foreign military attaches at a base near Moscow."
    html = f"<p>{STORY}</p><p>{more}</p><p>{more}</p>"
    data = multipart(plain="Your mail client cannot show this.\n", html=html)
    (article,) = read_eml(data)
    assert article.body == "\n\n".join([STORY, more, more])


def test_a_message_without_text_gives_no_article() -> None:
    assert read_eml(message("\n\n")) == []


MAILBOX = (
    b"From news@defense.example Mon Jan 21 07:30:00 2019\r\n"
    + message(STORY + "\n\n>From the archive: an older story.\n").replace(b"\n", b"\r\n")
    + b"\r\n"
    + b"From MAILER-DAEMON Tue Jan 22 07:30:00 2019\n"
    + message(
        "BRUSSELS (AP) - NATO envoys will meet Russian officials on Friday.\n"
        "From here the talks move to Vienna.\n",
        subject="NATO talks",
        sender="alerts@wire.example",
        date="Tue, 22 Jan 2019 07:30:00 +0100",
    )
    + b"\n"
    + b"From x@y Wed Jan 23 07:30:00 2019\n"
    + message("\n", subject="Empty")
)


def test_a_mailbox_is_split_into_messages() -> None:
    assert [line for line, _ in split_mbox(MAILBOX)] == [1, 14, 26]
    found = MBOX.read(Path("alerts.mbox"), MAILBOX, NO_OPTIONS)
    first, second = found
    assert first.title == "Russia shows missile"
    assert first.body.endswith("From the archive: an older story.")  # mboxrd ">From " undone
    assert second.title == "NATO talks"
    assert second.body.endswith("From here the talks move to Vienna.")  # not a new message
    assert (second.source, second.published) == ("alerts@wire.example", dt.date(2019, 1, 22))
    assert [(a.origin_position, a.origin_line) for a in (first, second)] == [(0, 1), (1, 14)]
    # The empty message is reported with the import, not only logged.
    assert isinstance(found, ReadResult) and not found.failures
    assert found.skipped == [
        FileFailure("alerts.mbox", "1 of 3 messages skipped: no readable text (line 26)")
    ]


def test_a_mailbox_inside_an_archive_is_read_from_its_bytes() -> None:
    articles = MBOX.read(Path("/nowhere/news.zip!alerts.mbox"), MAILBOX, NO_OPTIONS)
    assert len(articles) == 2


def test_a_file_named_mbox_that_is_not_one() -> None:
    with pytest.raises(ReadError, match='not a mailbox \\(it should start with a "From " line\\)'):
        MBOX.read(Path("x.mbox"), b"Just some text.\n", NO_OPTIONS)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.eml", b"anything", "E-mail message"),
        ("saved.txt", message("x")[:200], "E-mail message"),  # headers say it is a message
        ("notes.txt", b"From: me\nSubject: notes\n\nText.", "Plain text"),  # too few headers
        ("Inbox", MAILBOX[:300], "Mailbox"),  # Thunderbird's mailboxes have no extension
        ("a.mbox", b"From x\n", "Mailbox"),
        ("story.txt", b"From the archive: a story.\nMore text.\n", "Plain text"),
    ],
)
def test_reader_choice(name: str, head: bytes, expected: str) -> None:
    reader = reader_for(Path(name), head)
    assert reader is not None and reader.name == expected


def test_a_long_single_story_is_not_cut_into_pieces() -> None:
    paragraph = (
        "The ministry said the missile had been tested at the Kapustin Yar range. "
        "Officials said the launcher could carry four missiles at once. "
        "Analysts said the display was aimed at European capitals as much as Washington. "
        "Diplomats in Brussels said they would study the claims before the next round. "
        "No date for that round has been set."
    )
    body = "\n\n".join([paragraph.strip()] * 3)
    assert len(segment_text(body)) > 1  # plain text would read three one-line stories
    (article,) = read_eml(message(body + "\n"))
    assert article.title == "Russia shows missile"
    assert article.body == body


# ---- damaged messages (shapes found by benchmarks/fuzz_readers.py) -----------------------------


def test_an_endless_content_type_header_is_cut_not_parsed_for_minutes() -> None:
    """Fuzz mutant: the ";" of a Content-Type repeated 50,000 times. The stdlib's header
    parser takes quadratic time over it (minutes); headers are cut to MAX_HEADER_CHARS."""
    data = message(STORY + "\n", headers="Content-Type: text/plain;" + ";" * 50_000 + "\n")
    started = time.perf_counter()
    (article,) = read_eml(data)
    assert article.body == STORY
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test
    assert len(data) > 50 * MAX_HEADER_CHARS


def test_a_sender_nested_in_thousands_of_comments_costs_only_the_sender() -> None:
    """ "(((..." in From: the header parser recursed once per "(" and the message was lost."""
    (article,) = read_eml(message(STORY + "\n", sender="(" * 500 + "Desk <d@example.org>"))
    assert article.body == STORY


def test_undecodable_header_bytes_leave_no_lone_surrogates() -> None:
    """Fuzz mutant: a flipped byte in the sender's name. The stdlib keeps undecodable header
    bytes as lone surrogates, which the store cannot write."""
    data = message(STORY + "\n").replace(b"Defense Daily", b"D\xf7fense \x00Daily")
    (article,) = read_bytes(Path("brief.eml"), data)
    assert article.source == "D\ufffdfense Daily"
