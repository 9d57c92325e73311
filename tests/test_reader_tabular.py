"""CSV and JSON exports: one article per row or object, fields found by name or chosen."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from briefing.domain import DateSource
from briefing.ingest.document_text import html_to_text, parse_date_value
from briefing.ingest.readers import (
    FieldMapping,
    ReadError,
    ReadOptions,
    ReadResult,
    read_bytes,
    reader_for,
)
from briefing.ingest.tabular_reader import (
    CsvReader,
    JsonReader,
    field_names,
    guess_mapping,
    suggest_mapping,
)

CSV = CsvReader()
JSON = JsonReader()
NO_OPTIONS = ReadOptions()


def read_csv(text: str, name: str = "export.csv", encoding: str = "utf-8", **options):
    return CSV.read(Path(name), text.encode(encoding), ReadOptions(**options))


def read_json(text: str, name: str = "export.json", **options):
    return JSON.read(Path(name), text.encode("utf-8"), ReadOptions(**options))


# ---- the mapping ------------------------------------------------------------------------------


def test_mapping_is_guessed_from_names_whatever_their_case_and_separators() -> None:
    assert guess_mapping(["Headline", "Story Text", "Published At", "Outlet", "Link"]) == (
        FieldMapping(
            title="Headline", body="Story Text", date="Published At", source="Outlet", url="Link"
        )
    )
    assert guess_mapping(["TITLE", "pub_date", "Source-Name", "perma_link", "TEXT"]) == (
        FieldMapping(
            title="TITLE", body="TEXT", date="pub_date", source="Source-Name", url="perma_link"
        )
    )


def test_mapping_prefers_title_over_name_and_leaves_unknown_fields_out() -> None:
    mapping = guess_mapping(["id", "name", "title", "content", "lang"])
    assert (mapping.title, mapping.body, mapping.date, mapping.source, mapping.url) == (
        "title",
        "content",
        None,
        None,
        None,
    )


def test_a_story_column_is_the_body() -> None:
    # Agency exports call the text "story" (the wizard's pre-filled mapping showed none).
    mapping = guess_mapping(["headline", "story", "published", "outlet"])
    assert (mapping.title, mapping.body, mapping.date, mapping.source) == (
        "headline",
        "story",
        "published",
        "outlet",
    )


def test_body_is_the_longest_text_field_when_rows_are_given() -> None:
    names = ["title", "content", "description"]
    rows = [{"title": "T", "content": "Cut [+2000 chars]", "description": "A long summary " * 9}]
    assert guess_mapping(names).body == "content"  # by name alone: the likelier one
    assert guess_mapping(names, rows).body == "description"


def test_loose_names_match_but_pictures_and_field_attributes_do_not() -> None:
    mapping = guess_mapping(["image_url", "content_type", "article_title", "news_body", "src_url"])
    assert mapping.title == "article_title"
    assert mapping.body == "news_body"
    assert mapping.url == "src_url"


def test_field_names_and_suggested_mapping_for_the_wizard() -> None:
    csv_data = b"Headline,Text,When\nA,Body,2019-01-21\n"
    assert field_names(csv_data, Path("a.csv")) == ["Headline", "Text", "When"]
    json_data = json.dumps([{"title": "A"}, {"title": "B", "summary": "s", "text": "t " * 50}])
    assert field_names(json_data.encode(), Path("a.json")) == ["title", "summary", "text"]
    assert suggest_mapping(json_data.encode(), Path("a.json")).body == "text"


# ---- CSV ---------------------------------------------------------------------------------------


def test_csv_rows_become_articles_with_quoted_multiline_bodies() -> None:
    articles = read_csv(
        "Headline,Text,Published At,Outlet,Link\n"
        '"Russia tests missile","MOSCOW (Reuters) - Russia tested a missile.\n\n'
        'It flew ""far"", officials said.",2019-01-21T10:00:00Z,Reuters,https://example.org/1\n'
        'NATO talks,"NATO will meet Russia.",21 January 2019,AP,https://example.org/2\n'
    )
    first, second = articles
    assert first.title == first.headline == "Russia tests missile"
    assert first.body == (
        'MOSCOW (Reuters) - Russia tested a missile.\n\nIt flew "far", officials said.'
    )
    assert (first.published, first.date_source) == (dt.date(2019, 1, 21), DateSource.METADATA)
    assert (first.source, first.url) == ("Reuters", "https://example.org/1")
    assert (first.origin_position, first.origin_line) == (0, 2)
    assert (second.origin_position, second.origin_line) == (1, 5)
    assert second.published == dt.date(2019, 1, 21)


def test_csv_dialect_encoding_and_byte_order_mark_are_detected() -> None:
    text = "Title;Text;Date\nÉtat-major à Brest;La Marine nationale a dit « oui ».;21/01/2019\n"
    (article,) = CSV.read(Path("fr.csv"), b"\xef\xbb\xbf" + text.encode("utf-8"), NO_OPTIONS)
    assert article.title == "État-major à Brest"
    assert article.body == "La Marine nationale a dit « oui »."
    assert article.published == dt.date(2019, 1, 21)
    (article,) = CSV.read(Path("fr.csv"), text.encode("cp1252"), NO_OPTIONS)
    assert article.title == "État-major à Brest"


def test_tsv_and_excel_separator_hint() -> None:
    (tab,) = read_csv("title\tbody\nA title\tSome text, with a comma.\n", name="x.tsv")
    assert (tab.title, tab.body) == ("A title", "Some text, with a comma.")
    # Not UTF-8, Windows line ends: the tabs survive the encoding guess.
    data = "title\tbody\r\nÉté à Brest\tLa Marine a dit « non ».\r\n".encode("cp1252")
    (guessed,) = CSV.read(Path("x.tsv"), data, NO_OPTIONS)
    assert (guessed.title, guessed.body) == ("Été à Brest", "La Marine a dit « non ».")
    (hinted,) = read_csv("sep=|\ntitle|body\nA|Text; with a semicolon.\n")
    assert (hinted.title, hinted.body, hinted.origin_line) == ("A", "Text; with a semicolon.", 3)


def test_html_bodies_become_plain_paragraphs() -> None:
    (article,) = read_csv(
        "title,content\n"
        '"Kinzhal &amp; Iskander","<p>The <b>Kinzhal</b> flies far.</p><script>alert(1)</script>'
        '<p>Its range is 2,000km &ndash; officials.</p>"\n'
    )
    assert article.title == "Kinzhal & Iskander"
    assert article.body == "The Kinzhal flies far.\n\nIts range is 2,000km – officials."


def test_rows_without_title_or_text_are_skipped_and_reported() -> None:
    articles = read_csv(
        "title,body,date\n"
        "A,Text one.,2019-01-21\n"
        ",,2019-01-22\n"
        ",Text without a title. It goes on.,\n"
        ",,\n"
        ",,2019-01-23\n"
    )
    assert [a.title for a in articles] == ["A", "Text without a title."]
    assert articles[1].headline == ""
    assert articles[1].published is None and articles[1].warnings == ("no date",)
    assert isinstance(articles, ReadResult)
    (skipped,) = articles.skipped
    assert skipped.reason == "2 of 4 rows skipped: no title or text (lines 3, 6)"


def test_a_csv_with_every_row_filled_reports_nothing_skipped() -> None:
    articles = read_csv("title,body\nA,Text one.\nB,Text two.\n")
    assert not isinstance(articles, ReadResult)
    assert [a.title for a in articles] == ["A", "B"]


def test_a_csv_with_no_usable_field_names_them() -> None:
    with pytest.raises(ReadError, match=r"^no title or text field found \(fields: a, b, c\)$"):
        read_csv("a,b,c\n1,2,3\n")


def test_a_csv_with_only_a_header_or_nothing_says_so() -> None:
    with pytest.raises(ReadError, match="no rows under the header"):
        read_csv("title,body\n")
    with pytest.raises(ReadError, match="empty file"):
        read_csv("\n\n")


def test_the_chosen_mapping_wins_over_the_guess() -> None:
    text = "title,body,alt_headline,story\nIgnored,Ignored,Chosen,Chosen text.\n"
    mapping = FieldMapping(title="alt_headline", body="story")
    (article,) = read_csv(text, mapping=mapping)
    assert (article.title, article.body) == ("Chosen", "Chosen text.")
    with pytest.raises(ReadError, match=r"no field named 'headline' \(fields: title, body"):
        read_csv(text, mapping=FieldMapping(title="headline"))


def test_fields_larger_than_the_csv_default_limit_are_read() -> None:
    body = "word " * 60_000  # 300 kB, over csv's 128 kB default
    (article,) = read_csv(f'title,body\nLong,"{body}"\n')
    assert len(article.body) == len(body.strip())


# ---- JSON ---------------------------------------------------------------------------------


def test_json_array_of_objects() -> None:
    articles = read_json(
        json.dumps(
            [
                {"headline": "A", "text": "Body A.", "date": 1548028800, "link": "u1"},
                {"headline": "B", "text": ["Para one.", "Para two."], "date": 1548115200000},
                "not an object",
            ],
            indent=1,
        )
    )
    assert [a.title for a in articles] == ["A", "B"]
    assert articles[0].published == dt.date(2019, 1, 21)
    assert articles[0].url == "u1"
    assert articles[1].body == "Para one.\n\nPara two."
    assert articles[1].published == dt.date(2019, 1, 22)
    assert [a.origin_line for a in articles] == [2, 8]


def test_newsapi_shape_with_nested_source_and_author() -> None:
    payload = {
        "status": "ok",
        "totalResults": 1,
        "articles": [
            {
                "source": {"id": None, "name": "Reuters"},
                "author": "Jane Smith",
                "title": "Russia unveils missile",
                "description": "Short.",
                "url": "https://example.org/a",
                "urlToImage": "https://example.org/a.jpg",
                "publishedAt": "2019-01-23T10:32:00Z",
                "content": "MOSCOW (Reuters) - Russia displayed the 9M729 cruise missile.",
            }
        ],
    }
    (article,) = read_json(json.dumps(payload))
    assert article.title == "Russia unveils missile"
    assert article.body.startswith("MOSCOW (Reuters)")
    assert (article.source, article.byline) == ("Reuters", "Jane Smith")
    assert (article.url, article.published) == ("https://example.org/a", dt.date(2019, 1, 23))


def test_articles_one_level_down_and_a_single_article_object() -> None:
    nyt = {"response": {"meta": {}, "docs": [{"headline": {"main": "Main"}, "abstract": "Abs."}]}}
    (article,) = read_json(json.dumps(nyt))
    assert (article.title, article.body) == ("Main", "Abs.")
    (single,) = read_json(json.dumps({"title": "Only", "body": "One story."}))
    assert single.title == "Only"
    with pytest.raises(ReadError, match=r"no list of articles in the JSON \(keys: a, b\)"):
        read_json(json.dumps({"a": 1, "b": [1, 2]}))


def test_json_lines_with_a_truncated_last_line() -> None:
    text = (
        '{"title": "A", "text": "t1", "date": "Mon, 21 Jan 2019 10:00:00 +0000"}\n'
        "\n"
        '{"title": "B", "text": "t2 \u2028 more"}\n'
        '{"title": "C", "te'
    )
    articles = read_json(text, name="scrape.jsonl")
    assert [(a.title, a.origin_line) for a in articles] == [("A", 1), ("B", 3)]
    assert articles[0].published == dt.date(2019, 1, 21)
    assert isinstance(articles, ReadResult)
    assert [f.reason for f in articles.skipped] == ["last line 4 skipped: cut off mid-record"]
    # The same lines in a file named .json are recognised as JSON Lines too.
    assert [a.title for a in read_json(text, name="scrape.json")] == ["A", "B"]


def test_a_bad_line_inside_json_lines_is_an_error_naming_it() -> None:
    text = '{"title": "A", "text": "t"}\n{"title": "B" "text": "t"}\n{"title": "C", "text": "t"}\n'
    with pytest.raises(ReadError, match=r"^malformed JSON Lines at line 2, column 15: Expecting"):
        read_json(text, name="x.jsonl")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[\n {"title": "A"},\n {"title": "B" "body": 1}\n]', "line 3, column 16"),
        ('{"articles": [\n  {"title": "A"}\n  {"title": "B"}]}', "line 3, column 3"),
        ('{"status": "ok",\n "count": 2,,\n "articles": []}', "line 2, column 13"),
        ('[{"title": "A"}] trailing', "line 1, column 18"),
        ('[{"title": "A"}', "line 1, column 16"),
    ],
)
def test_malformed_json_names_the_line_and_column(text: str, where: str) -> None:
    with pytest.raises(ReadError, match=rf"^malformed JSON at {where}: "):
        read_json(text)


def test_json_that_holds_no_articles() -> None:
    with pytest.raises(ReadError, match="JSON holds no articles"):
        read_json('"just a string"')
    with pytest.raises(ReadError, match="no article objects found"):
        read_json("[1, 2, 3]")


def test_a_large_array_is_read_with_the_right_lines() -> None:
    records = [{"title": f"Story {n}", "body": f"Text {n}."} for n in range(5000)]
    articles = read_json(json.dumps(records, indent=0))
    assert len(articles) == 5000
    assert articles[4999].title == "Story 4999"
    assert articles[4999].origin_line == 2 + 4 * 4999


# ---- dates, HTML, choosing the reader ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-21", dt.date(2019, 1, 21)),
        ("2019-01-21T23:30:00-05:00", dt.date(2019, 1, 21)),  # the date as published there
        ("2019-01-21T10:32:00.000Z", dt.date(2019, 1, 21)),
        ("Mon, 21 Jan 2019 10:32:00 GMT", dt.date(2019, 1, 21)),
        ("Mon, 21 Jan 2019 10:32:00 +0300", dt.date(2019, 1, 21)),
        ("21 January 2019", dt.date(2019, 1, 21)),
        ("Jan. 21, 2019", dt.date(2019, 1, 21)),
        ("21/01/2019", dt.date(2019, 1, 21)),
        (1548028800, dt.date(2019, 1, 21)),
        (1548028800000, dt.date(2019, 1, 21)),
        ("1548028800", dt.date(2019, 1, 21)),
        ("1548028800.5", dt.date(2019, 1, 21)),
        ("20190121", dt.date(2019, 1, 21)),
        ("20190121103200", dt.date(2019, 1, 21)),
        ("01/02/2019", None),  # January or February: not guessed
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
        (99999999999999999, None),
        ("3000-01-01", None),
    ],
)
def test_parse_date_value(value: object, expected: dt.date | None) -> None:
    assert parse_date_value(value) == expected


def test_html_to_text_keeps_text_only() -> None:
    markup = (
        "<html><head><title>Page</title><style>p{color:red}</style></head><body>"
        "<h1>Headline</h1><p>First &amp; <a href='x'>linked</a>\n   text.</p>"
        "<ul><li>One</li><li>Two</li></ul>Line<br>break<script>var a = '<p>';</script>"
        "<!-- a comment --></body></html>"
    )
    assert html_to_text(markup) == "Headline\n\nFirst & linked text.\n\nOne\n\nTwo\n\nLine\nbreak"


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.csv", b"title,body\n", "CSV"),
        ("a.tsv", b"title\tbody\n", "CSV"),
        ("a.json", b"[", "JSON"),
        ("a.ndjson", b"{", "JSON"),
        ("export", b'\xef\xbb\xbf  [{"title": "A"}]', "JSON"),  # by content
        ("notes.txt", b'{"title": "A"}', "JSON"),  # the content says JSON
        ("notes.txt", b"[Reuters] Russia said", "Plain text"),
        ("export", b"{ not json at all", "Plain text"),
    ],
)
def test_reader_choice(name: str, head: bytes, expected: str) -> None:
    reader = reader_for(Path(name), head)
    assert reader is not None and reader.name == expected


# ---- damaged files (shapes found by benchmarks/fuzz_readers.py) --------------------------------


def test_a_run_of_quotes_does_not_stall_the_delimiter_guess() -> None:
    """Fuzz mutant, reduced: a run of quotes before a line break and a quoted tab.
    csv.Sniffer's regular expressions backtrack over it (14 s for 320 quotes, doubling
    about 15-fold with each doubling); the delimiter and quote are counted now."""
    text = "Title\tBody\r\nA story\t" + '"' * 320 + 'x.\n\nY."\t2019-\r\nB\tText.\r\n'
    started = time.perf_counter()
    first, *_, last = CSV.read(Path("export.tsv"), text.encode(), NO_OPTIONS)
    assert first.title == "A story" and (last.title, last.body) == ("B", "Text.")
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test


def test_the_delimiter_is_the_one_the_header_and_rows_share() -> None:
    (semicolons,) = read_csv("title;body;date\nA;Text, with a comma, or two.;2019-01-21\n")
    assert (semicolons.title, semicolons.body) == ("A", "Text, with a comma, or two.")
    # Both in the header: the one every row repeats as often.
    (piped,) = read_csv("title|body,notes\nA|Text, more, and more.\n")
    assert (piped.title, piped.body) == ("A", "Text, more, and more.")
    (spaced,) = read_csv('title, body\n"A, B", Some text.\n')
    assert (spaced.title, spaced.body) == ("A, B", "Some text.")
    (apostrophes,) = read_csv("'title','body'\n'A, B','Some text.'\n")
    assert (apostrophes.title, apostrophes.body) == ("A, B", "Some text.")


def test_a_header_of_one_name_repeated_is_read_in_linear_time() -> None:
    """A damaged header of 50,000 copies of one name: numbering each copy from 2 again cost
    quadratic time (over a billion steps)."""
    header = ",".join(["title"] * 50_000)
    started = time.perf_counter()
    (article,) = read_csv(f"{header}\nA story,x\n")
    assert article.title == "A story"
    assert time.perf_counter() - started < 5  # a hang guard, not a speed test
    assert field_names(b"title,title,title,body\n", Path("x.csv")) == [
        "title", "title (2)", "title (3)", "body",
    ]  # fmt: skip


def test_nul_and_lone_surrogates_never_reach_an_article() -> None:
    """Fuzz mutants: a NUL inside a CSV cell ended up in the title; JSON's "\\ud800" escape
    and "\\u0000" in the title, source and author (SQLite cannot store a lone surrogate)."""
    (cell,) = read_bytes(Path("x.csv"), b"title,body,source\nMiss\x00ile test,Text.,Wi\x00re\n")
    assert (cell.title, cell.source) == ("Missile test", "Wire")
    data = json.dumps(
        [{"title": "Test \ud800", "body": "Te\u0000xt.", "author": "\udc80Jane", "source": "W"}]
    ).encode()
    (escaped,) = read_bytes(Path("x.json"), data)
    assert (escaped.title, escaped.body, escaped.byline) == ("Test \ufffd", "Text.", "\ufffdJane")


def test_a_number_longer_than_python_converts_costs_only_that_field() -> None:
    data = b'[{"title": "A", "body": "Text.", "date": ' + b"1" * 5000 + b"}]"
    (article,) = read_bytes(Path("x.json"), data)
    assert (article.title, article.published) == ("A", None)
