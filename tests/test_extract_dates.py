"""Date extraction: explicit, yearless, relative and interval dates, and the publication guess."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from briefing.domain import DateMention, DatePrecision, ParsedArticle
from briefing.extract.dates import extract_dates, infer_publication_date
from briefing.extract.tokens import sentence_spans
from briefing.ingest.pipeline import read_articles

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
INTERVAL, UNRESOLVED = DatePrecision.INTERVAL, DatePrecision.UNRESOLVED
PUB = dt.date(2019, 1, 22)  # a Tuesday
D = dt.date
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def found(body: str, published: dt.date | None = PUB) -> list[DateMention]:
    return extract_dates(ParsedArticle(title="", body=body), published)


def only(body: str, published: dt.date | None = PUB) -> DateMention:
    mentions = found(body, published)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def summary(mentions: list[DateMention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in mentions]


# --- explicit dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "precision", "value", "start", "end"),
    [
        ("It was signed on 2 February 2019 in Geneva.", "2 February 2019", DAY, "2019-02-02",
         D(2019, 2, 2), D(2019, 2, 2)),
        ("Talks ended January 25, 2019, in Vienna.", "January 25, 2019", DAY, "2019-01-25",
         D(2019, 1, 25), D(2019, 1, 25)),
        ("It began on the 21st of January 2019.", "21st of January 2019", DAY, "2019-01-21",
         D(2019, 1, 21), D(2019, 1, 21)),
        ("On Tuesday, 21 January 2019, they met.", "Tuesday, 21 January 2019", DAY,
         "2019-01-21", D(2019, 1, 21), D(2019, 1, 21)),
        ("FILED 21 JANUARY 2019 IN BRUSSELS", "21 JANUARY 2019", DAY, "2019-01-21",
         D(2019, 1, 21), D(2019, 1, 21)),
        ("The Sept. 11, 2001 attacks changed it.", "Sept. 11, 2001", DAY, "2001-09-11",
         D(2001, 9, 11), D(2001, 9, 11)),
        ("Dated 2019-01-21 in the file.", "2019-01-21", DAY, "2019-01-21", D(2019, 1, 21),
         D(2019, 1, 21)),
        ("Dated 2019/01/21 in the file.", "2019/01/21", DAY, "2019-01-21", D(2019, 1, 21),
         D(2019, 1, 21)),
        ("Dated 21/01/2019 in the file.", "21/01/2019", DAY, "2019-01-21", D(2019, 1, 21),
         D(2019, 1, 21)),
        ("Dated 21.01.2019 in the file.", "21.01.2019", DAY, "2019-01-21", D(2019, 1, 21),
         D(2019, 1, 21)),
        # Ambiguous numeric dates are read day first...
        ("Dated 01/02/2019 in the file.", "01/02/2019", DAY, "2019-02-01", D(2019, 2, 1),
         D(2019, 2, 1)),
        # ...unless that is impossible.
        ("Dated 01/21/2019 in the file.", "01/21/2019", DAY, "2019-01-21", D(2019, 1, 21),
         D(2019, 1, 21)),
        ("In December 2018 the US acted.", "December 2018", MONTH, "2018-12", D(2018, 12, 1),
         D(2018, 12, 31)),
        ("The attack in Britain in March 2018, blamed on", "March 2018", MONTH, "2018-03",
         D(2018, 3, 1), D(2018, 3, 31)),
        ("Elections were held in Feb. 2020.", "Feb. 2020", MONTH, "2020-02", D(2020, 2, 1),
         D(2020, 2, 29)),
        ("May 2019 was busy.", "May 2019", MONTH, "2019-05", D(2019, 5, 1), D(2019, 5, 31)),
        ("Reagan signed it in 1987.", "1987", YEAR, "1987", D(1987, 1, 1), D(1987, 12, 31)),
        ("Russia annexed Crimea in 2014 and", "2014", YEAR, "2014", D(2014, 1, 1),
         D(2014, 12, 31)),
        ("He threatened to leave the 1990 Conventional Forces in Europe (CFE) Treaty.", "1990",
         YEAR, "1990", D(1990, 1, 1), D(1990, 12, 31)),
        ("It breaches the landmark 1987 accord.", "1987", YEAR, "1987", D(1987, 1, 1),
         D(1987, 12, 31)),
        ("Tensions rose after the 2008 Russia-Georgia war.", "2008", YEAR, "2008",
         D(2008, 1, 1), D(2008, 12, 31)),
        ("Talks have stalled since 2014.", "2014", YEAR, "2014", D(2014, 1, 1), D(2014, 12, 31)),
        ("It should be ready by mid-2025.", "2025", YEAR, "2025", D(2025, 1, 1),
         D(2025, 12, 31)),
    ],
)  # fmt: skip
def test_explicit_dates(body, text, precision, value, start, end):
    for published in (PUB, None):  # an explicit date needs no publication date
        mention = only(body, published)
        assert (mention.text, mention.precision, mention.value) == (text, precision, value)
        assert (mention.date_start, mention.date_end) == (start, end)
        assert not mention.year_inferred
        assert not mention.relative


def test_a_full_date_is_one_mention_not_a_day_and_a_year():
    assert summary(found("It took effect on 2 February 2019, officials said.")) == [
        ("2 February 2019", "2019-02-02")
    ]


def test_dates_in_a_list_are_each_found():
    assert summary(found("The ministers met on 21 January and 25 January.")) == [
        ("21 January", "2019-01-21"),
        ("25 January", "2019-01-25"),
    ]
    assert summary(found("Tests were held in 2014, 2016 and 2018.")) == [
        ("2014", "2014"),
        ("2016", "2016"),
        ("2018", "2018"),
    ]
    assert summary(found("Drills ran in May and June.")) == [
        ("May", "2019-05"),
        ("June", "2019-06"),
    ]


# --- intervals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "value", "start", "end", "inferred"),
    [
        ("The exercise runs June 4-16, 2019 in Poland.", "June 4-16, 2019",
         "2019-06-04/2019-06-16", D(2019, 6, 4), D(2019, 6, 16), False),
        ("The exercise runs June 4-16 in Poland.", "June 4-16", "2019-06-04/2019-06-16",
         D(2019, 6, 4), D(2019, 6, 16), True),
        ("The exercise runs 4-16 June 2019.", "4-16 June 2019", "2019-06-04/2019-06-16",
         D(2019, 6, 4), D(2019, 6, 16), False),
        ("It will run between 4 and 16 June 2019.", "between 4 and 16 June 2019",
         "2019-06-04/2019-06-16", D(2019, 6, 4), D(2019, 6, 16), False),
        ("Spending rose between 2014 and 2018.", "between 2014 and 2018", "2014/2018",
         D(2014, 1, 1), D(2018, 12, 31), False),
        ("Spending rose from 2014 to 2018.", "from 2014 to 2018", "2014/2018", D(2014, 1, 1),
         D(2018, 12, 31), False),
        ("The 2014-2018 plan failed.", "2014-2018", "2014/2018", D(2014, 1, 1),
         D(2018, 12, 31), False),
        ("The 2014-18 plan failed.", "2014-18", "2014/2018", D(2014, 1, 1), D(2018, 12, 31),
         False),
        ("The mission lasted from 28 March to 31 May.", "from 28 March to 31 May",
         "2019-03-28/2019-05-31", D(2019, 3, 28), D(2019, 5, 31), True),
        ("The mission lasted 28 March to 31 May 2019.", "28 March to 31 May 2019",
         "2019-03-28/2019-05-31", D(2019, 3, 28), D(2019, 5, 31), False),
        # An interval over the new year: the start takes the year before the end's.
        ("Leave ran 28 December to 3 January 2019.", "28 December to 3 January 2019",
         "2018-12-28/2019-01-03", D(2018, 12, 28), D(2019, 1, 3), False),
        ("Ships sailed March 28 to May 31, 2019.", "March 28 to May 31, 2019",
         "2019-03-28/2019-05-31", D(2019, 3, 28), D(2019, 5, 31), False),
        ("Drills ran March-May 2019.", "March-May 2019", "2019-03/2019-05", D(2019, 3, 1),
         D(2019, 5, 31), False),
        ("It ran from December 2018 to March 2019.", "from December 2018 to March 2019",
         "2018-12/2019-03", D(2018, 12, 1), D(2019, 3, 31), False),
        ("Arms flowed in the 1990s.", "1990s", "1990/1999", D(1990, 1, 1), D(1999, 12, 31),
         False),
    ],
)  # fmt: skip
def test_intervals(body, text, value, start, end, inferred):
    mention = only(body)
    assert (mention.text, mention.precision, mention.value) == (text, INTERVAL, value)
    assert (mention.date_start, mention.date_end) == (start, end)
    assert mention.year_inferred is inferred


def test_yearless_interval_without_any_year_keeps_month_and_day():
    mention = only("The exercise runs June 4-16 in Poland.", None)
    assert (mention.precision, mention.value, mention.date_start) == (
        INTERVAL,
        "--06-04/--06-16",
        None,
    )


def test_and_joins_an_interval_only_after_between():
    assert summary(found("Strikes hit on March 2 and 3.")) == [("March 2", "2019-03-02")]
    assert summary(found("Turnout in 2014 and 2018 was low.")) == [
        ("2014", "2014"),
        ("2018", "2018"),
    ]


# --- relative dates ---------------------------------------------------------------------------

# PUB is Tuesday 22 January 2019.
RELATIVE_CASES = [
    ("Troops left yesterday.", "yesterday", DAY, "2019-01-21", D(2019, 1, 21), D(2019, 1, 21)),
    ("Troops leave today.", "today", DAY, "2019-01-22", D(2019, 1, 22), D(2019, 1, 22)),
    ("Officials are to meet tomorrow.", "tomorrow", DAY, "2019-01-23", D(2019, 1, 23),
     D(2019, 1, 23)),
    ("Shelling resumed last night.", "last night", DAY, "2019-01-21", D(2019, 1, 21),
     D(2019, 1, 21)),
    ("Talks failed last week.", "last week", INTERVAL, "2019-01-14/2019-01-20",
     D(2019, 1, 14), D(2019, 1, 20)),
    ("Talks resume this week.", "this week", INTERVAL, "2019-01-21/2019-01-27",
     D(2019, 1, 21), D(2019, 1, 27)),
    ("Talks resume next week.", "next week", INTERVAL, "2019-01-28/2019-02-03",
     D(2019, 1, 28), D(2019, 2, 3)),
    ("Riots broke out last weekend.", "last weekend", INTERVAL, "2019-01-19/2019-01-20",
     D(2019, 1, 19), D(2019, 1, 20)),
    ("Putin made the threat last month.", "last month", MONTH, "2018-12", D(2018, 12, 1),
     D(2018, 12, 31)),
    ("The deal expires next month.", "next month", MONTH, "2019-02", D(2019, 2, 1),
     D(2019, 2, 28)),
    ("It was agreed earlier this month.", "earlier this month", MONTH, "2019-01",
     D(2019, 1, 1), D(2019, 1, 31)),
    ("Sales fell last year.", "last year", YEAR, "2018", D(2018, 1, 1), D(2018, 12, 31)),
    ("Sales rise next year.", "next year", YEAR, "2020", D(2020, 1, 1), D(2020, 12, 31)),
    ("Elections are due this year.", "this year", YEAR, "2019", D(2019, 1, 1),
     D(2019, 12, 31)),
    ("It crashed two days ago.", "two days ago", DAY, "2019-01-20", D(2019, 1, 20),
     D(2019, 1, 20)),
    ("It crashed 3 days ago.", "3 days ago", DAY, "2019-01-19", D(2019, 1, 19),
     D(2019, 1, 19)),
    ("It crashed a week ago.", "a week ago", INTERVAL, "2019-01-14/2019-01-20",
     D(2019, 1, 14), D(2019, 1, 20)),
    ("It crashed three months ago.", "three months ago", MONTH, "2018-10", D(2018, 10, 1),
     D(2018, 10, 31)),
    ("It crashed the day before yesterday.", "the day before yesterday", DAY, "2019-01-20",
     D(2019, 1, 20), D(2019, 1, 20)),
    # Bare weekdays look back (publication day included)...
    ("NATO said on Tuesday it would act.", "Tuesday", DAY, "2019-01-22", D(2019, 1, 22),
     D(2019, 1, 22)),
    ("NATO said on Monday it would act.", "Monday", DAY, "2019-01-21", D(2019, 1, 21),
     D(2019, 1, 21)),
    ("NATO said on Friday it would act.", "Friday", DAY, "2019-01-18", D(2019, 1, 18),
     D(2019, 1, 18)),
    ("Russia will retaliate, Putin said on Friday.", "Friday", DAY, "2019-01-18",
     D(2019, 1, 18), D(2019, 1, 18)),
    # ...unless a future marker comes first in the sentence.
    ("The council will meet on Friday.", "Friday", DAY, "2019-01-25", D(2019, 1, 25),
     D(2019, 1, 25)),
    ("The talks are due to resume on Monday.", "Monday", DAY, "2019-01-28", D(2019, 1, 28),
     D(2019, 1, 28)),
    ("They meet again next Tuesday.", "next Tuesday", DAY, "2019-01-29", D(2019, 1, 29),
     D(2019, 1, 29)),
    ("They met last Tuesday.", "last Tuesday", DAY, "2019-01-15", D(2019, 1, 15),
     D(2019, 1, 15)),
    ("They met last Thursday.", "last Thursday", DAY, "2019-01-17", D(2019, 1, 17),
     D(2019, 1, 17)),
    ("The vote was held last May.", "last May", MONTH, "2018-05", D(2018, 5, 1),
     D(2018, 5, 31)),
    ("The vote is due next March.", "next March", MONTH, "2019-03", D(2019, 3, 1),
     D(2019, 3, 31)),
]  # fmt: skip


@pytest.mark.parametrize(("body", "text", "precision", "value", "start", "end"), RELATIVE_CASES)
def test_relative_dates_resolve_against_publication(body, text, precision, value, start, end):
    mention = only(body)
    assert (mention.text, mention.precision, mention.value) == (text, precision, value)
    assert (mention.date_start, mention.date_end) == (start, end)
    assert mention.relative
    assert not mention.year_inferred


@pytest.mark.parametrize(("body", "text"), [(case[0], case[1]) for case in RELATIVE_CASES])
def test_relative_dates_without_publication_are_unresolved(body, text):
    mention = only(body, None)
    assert (mention.text, mention.precision, mention.value) == (text, UNRESOLVED, None)
    assert (mention.date_start, mention.date_end) == (None, None)
    assert mention.relative


def test_the_previous_day_counts_from_the_last_day_mentioned():
    mentions = found("Maas visited Moscow on 18 January. The previous day, Lavrov spoke.")
    assert summary(mentions) == [("18 January", "2019-01-18"), ("The previous day", "2019-01-17")]
    assert mentions[1].relative
    # With no earlier day it counts from publication; with neither it is unresolved.
    assert only("The following day, Lavrov spoke.").value == "2019-01-23"
    assert only("The following day, Lavrov spoke.", None).precision is UNRESOLVED
    # The anchor is a day in the same field: a title's date does not carry into the body.
    article = ParsedArticle(title="Talks on 18 January", body="The previous day, Lavrov spoke.")
    assert [m.value for m in extract_dates(article, PUB)] == ["2019-01-18", "2019-01-21"]
    # An anchor from the text works without a publication date.
    mentions = found("The treaty was signed on 8 December 1987. The next day, it was hailed.", None)
    assert summary(mentions) == [("8 December 1987", "1987-12-08"), ("The next day", "1987-12-09")]


def test_glued_kicker_deck_keeps_last_week():
    article = ParsedArticle(
        title="REVENGE",
        kicker="REVENGE",
        deck=(
            "Trump said he had the support of the Syrian government for the strikes, which took"
            " place in response to an Islamic State attack on US soldiers last week The US"
            " launched large-scale airstrikes"
        ),
        body="The Pentagon said on Friday that more strikes would follow.",
    )
    mentions = extract_dates(article, dt.date(2025, 12, 20))  # a Saturday
    assert [(m.field, m.text, m.value) for m in mentions] == [
        ("deck", "last week", "2025-12-08/2025-12-14"),
        ("body", "Friday", "2025-12-19"),
    ]
    deck = article.deck
    assert deck[mentions[0].start : mentions[0].end] == "last week"


# --- yearless dates -----------------------------------------------------------------------


def test_yearless_day_takes_the_closest_year_to_publication():
    mention = only("The Christmas truce of 25 December held.", dt.date(2019, 1, 3))
    assert (mention.value, mention.date_start, mention.year_inferred) == (
        "2018-12-25",
        D(2018, 12, 25),
        True,
    )
    assert only("The deadline is 2 February.").value == "2019-02-02"
    assert only("A ceasefire agreement in October was rushed.").value == "2018-10"
    assert only("The summit is in May in Madrid.").value == "2019-05"


def test_yearless_day_takes_the_year_from_earlier_context():
    body = "In December 2018 the US published evidence.\n\nOn 21 January the talks failed."
    mentions = found(body, None)
    assert [(m.text, m.value, m.year_inferred) for m in mentions] == [
        ("December 2018", "2018-12", False),
        ("21 January", "2019-01-21", True),
    ]
    mentions = found("Troops arrived in March 2018. On 4 March they left.", None)
    assert [m.value for m in mentions] == ["2018-03", "2018-03-04"]


def test_yearless_month_half_a_year_away_goes_to_the_past():
    assert only("Troops arrived in July.", dt.date(2019, 1, 15)).value == "2018-07"


def test_an_interval_with_a_year_sets_the_context():
    mentions = found("Drills ran 4-16 June 2018 in Poland. On 21 January they resumed.", None)
    assert summary(mentions) == [
        ("4-16 June 2018", "2018-06-04/2018-06-16"),
        ("21 January", "2019-01-21"),
    ]


def test_yearless_day_without_publication_or_context_is_month_and_day_only():
    mention = only("The alliance said on 21 January that talks failed.", None)
    assert (mention.precision, mention.value, mention.date_start, mention.date_end) == (
        DAY,
        "--01-21",
        None,
        None,
    )
    assert not mention.year_inferred
    mention = only("A clash in May killed a soldier.", None)
    assert (mention.precision, mention.value, mention.date_start) == (MONTH, "--05", None)


def test_impossible_days_are_not_dates():
    assert found("It was 31 April 2019.") == []
    assert found("It was 29 February 2019.") == []
    assert only("It was 29 February 2020.").value == "2020-02-29"


# --- things that are not dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Votkinsk lies some 1,000km east of Moscow.",
        "It sent 2,000 troops and 5,500 tonnes of fuel.",
        "The strike began at 2014 hours local time.",
        "Orders were to hold by 2014 hours.",
        "All 29 NATO members endorsed it.",
        "Washington raised it at least 30 times.",
        "The 9M729 cruise missile breaches the treaty.",
        "Ankara bought F-16 jets and page 12 says so.",
        "It reported some 2000 attacks.",
        "It flew 2019km.",
        "The Vision 2030 goals, the 3M22 Zircon, the SS-27 and the 24/7 watch.",
        "The announcement came at 10:32 GMT.",
        "May said the deal was good.",
        "Theresa May's government fell.",
        "Theresa May 2019 memoirs sold well.",
        "Protesters march on the capital. March on, they said.",
        "The May government fell.",
        "Sun Tzu wrote about it; the Sun reported it.",
        "USA Today and Russia Today reported it.",
        "The Mail on Sunday and the Sunday Times reported it.",
        "The Good Friday Agreement and Black Friday sales.",
        "April Glaspie met Saddam.",
        "It is the warfare of tomorrow.",
        "Prices rose over the last year.",
        "The day before the vote, nothing happened.",
        "Officials said the plan would take weeks.",
        "Mar-a-Lago hosted the Novichok talks in Decatur.",
    ],
)
def test_not_dates(body):
    assert found(body) == []


def test_may_the_month_with_a_cue():
    assert only("The summit is in May.").value == "2019-05"
    assert only("The summit opened May 5.").value == "2019-05-05"
    assert only("Officials said that since March the number rose.").value == "2019-03"


# --- the seed story -----------------------------------------------------------------------------

SEED = (
    "NATO and Russian officials will hold talks this week, the alliance said on 21 January,"
    " with the future of a key Cold War era arms treaty hanging by a thread.\n\n"
    "Diplomats said the Intermediate Nuclear Forces (INF) treaty will be on the agenda for the"
    " 25 January meeting of the NATO-Russia Council.\n\n"
    "The US has given Moscow until 2 February to dismantle a new cruise missile system that"
    " Washington and its 28 NATO allies say breaches the landmark 1987 accord.\n\n"
    "Talks between US and Kremlin officials in Geneva last week led nowhere.\n\n"
    "All 29 NATO members have unanimously endorsed the US assessment that Russia's"
    " nuclear-capable 9M729 cruise missile system violates the INF treaty, which bans"
    " ground-launched missiles with a range of between 500 and 5,500km\n\n"
    "Washington has raised concerns about the missile system with the Russians at least 30"
    " times over the past five years, according to officials.\n\n"
    "In December 2018 the US took the unusual step of publishing extensive details.\n\n"
    "Events over recent years - such as Moscow's annexation of Crimea from Ukraine in 2014 and"
    " the deadly nerve agent attack in Britain in March 2018, blamed on the Kremlin - have seen"
    " tensions soar.\n\n"
    "Ambassadors from the 29 NATO countries will meet their Russian counterpart on 25 January."
)
SEED_ARTICLE = ParsedArticle(
    title="NATO, Russia to hold talks amid missile treaty crisis", body=SEED
)


def test_seed_story_with_publication_date():
    mentions = extract_dates(SEED_ARTICLE, PUB)
    assert [(m.text, m.precision, m.value, m.year_inferred, m.relative) for m in mentions] == [
        ("this week", INTERVAL, "2019-01-21/2019-01-27", False, True),
        ("21 January", DAY, "2019-01-21", True, False),
        ("25 January", DAY, "2019-01-25", True, False),
        ("2 February", DAY, "2019-02-02", True, False),
        ("1987", YEAR, "1987", False, False),
        ("last week", INTERVAL, "2019-01-14/2019-01-20", False, True),
        ("December 2018", MONTH, "2018-12", False, False),
        ("2014", YEAR, "2014", False, False),
        ("March 2018", MONTH, "2018-03", False, False),
        ("25 January", DAY, "2019-01-25", True, False),
    ]


def test_seed_story_without_publication_date():
    mentions = extract_dates(SEED_ARTICLE)
    assert [(m.text, m.precision, m.value, m.date_start, m.year_inferred) for m in mentions] == [
        ("this week", UNRESOLVED, None, None, False),
        # Before any explicit year: month and day only.
        ("21 January", DAY, "--01-21", None, False),
        ("25 January", DAY, "--01-25", None, False),
        ("2 February", DAY, "--02-02", None, False),
        ("1987", YEAR, "1987", D(1987, 1, 1), False),
        ("last week", UNRESOLVED, None, None, False),
        ("December 2018", MONTH, "2018-12", D(2018, 12, 1), False),
        ("2014", YEAR, "2014", D(2014, 1, 1), False),
        ("March 2018", MONTH, "2018-03", D(2018, 3, 1), False),
        # After "March 2018": the first 25 January after it.
        ("25 January", DAY, "2019-01-25", D(2019, 1, 25), True),
    ]
    assert infer_publication_date(SEED_ARTICLE) is None  # no full date, weekday or dateline


def test_publication_date_falls_back_to_the_article():
    article = ParsedArticle(title="", body="Troops left yesterday.", published=PUB)
    assert extract_dates(article)[0].value == "2019-01-21"
    assert extract_dates(article, dt.date(2020, 5, 5))[0].value == "2020-05-04"


# --- fields, offsets and sentences -------------------------------------------------------------


def test_titles_and_decks_are_scanned_with_their_own_offsets():
    article = ParsedArticle(
        title="Talks set for 25 January",
        deck="NATO said on Monday that the meeting is on",
        body="Officials met yesterday.\n\nIn 2014 Russia annexed Crimea. It said so on Tuesday.",
    )
    mentions = extract_dates(article, PUB)
    assert [(m.field, m.start, m.end, m.text, m.value) for m in mentions] == [
        ("title", 14, 24, "25 January", "2019-01-25"),
        ("deck", 13, 19, "Monday", "2019-01-21"),
        ("body", 14, 23, "yesterday", "2019-01-21"),
        ("body", 29, 33, "2014", "2014"),
        ("body", 71, 78, "Tuesday", "2019-01-22"),
    ]
    last = mentions[-1]
    assert (last.sentence_start, last.sentence_end) == (57, 79)
    assert article.body[last.sentence_start : last.sentence_end] == "It said so on Tuesday."
    assert (mentions[3].sentence_start, mentions[3].sentence_end) == (26, 56)


def _sample_articles() -> list[ParsedArticle]:
    articles: list[ParsedArticle] = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix in (".txt", ".md"):
            articles.extend(read_articles(path))
    return articles


def test_offsets_and_sentences_match_the_field_text_on_the_samples():
    articles = _sample_articles()
    total = 0
    for article in articles:
        spans = {name: sentence_spans(getattr(article, name)) for name in ("title", "deck", "body")}
        for mention in extract_dates(article, PUB):
            text = getattr(article, mention.field)
            assert text[mention.start : mention.end] == mention.text
            sentence = (mention.sentence_start, mention.sentence_end)
            assert sentence in spans[mention.field]
            assert mention.sentence_start <= mention.start < mention.sentence_end
            total += 1
    assert total > 100


def test_mentions_are_in_reading_order_without_overlaps():
    body = "On 21 January and yesterday, between 2014 and 2018, last week and in May 2019."
    mentions = found(body)
    assert summary(mentions) == [
        ("21 January", "2019-01-21"),
        ("yesterday", "2019-01-21"),
        ("between 2014 and 2018", "2014/2018"),
        ("last week", "2019-01-14/2019-01-20"),
        ("May 2019", "2019-05"),
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


# --- publication date ------------------------------------------------------------------------


def _infer(body: str, deck: str = "") -> tuple[dt.date, str] | None:
    return infer_publication_date(ParsedArticle(title="A story", deck=deck, body=body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("MOSCOW, Jan 21, 2019 (Reuters) - Russia said on Monday it would not yield.",
         (D(2019, 1, 21), "high")),
        ("WASHINGTON, D.C., January 21, 2019 /PRNewswire/ -- A company said it grew.",
         (D(2019, 1, 21), "high")),
        ("This article was first published on 21 January 2019.\n\nNATO met.",
         (D(2019, 1, 21), "high")),
        ("21 January 2019\n\nNATO met in Brussels.", (D(2019, 1, 21), "high")),
        ("Published: 2019-01-21\n\nNATO met in Brussels.", (D(2019, 1, 21), "high")),
        # A dateline without a year takes it from the first month-and-year in the story.
        ("MOSCOW, Jan 21 (Reuters) - Russia said it would not yield.\n\n"
         "In December 2018 the US published evidence.", (D(2019, 1, 21), "low")),
        ("NATO said on 21 January 2019 that talks failed. Russia replied on 22 January 2019.",
         (D(2019, 1, 22), "medium")),
        ("WASHINGTON (Reuters) - The US said on 3 March 2020 it would leave.",
         (D(2020, 3, 3), "medium")),
        ("The suspension took effect on 2 February 2019, and the withdrawal follows.",
         (D(2019, 2, 2), "medium")),
    ],
)  # fmt: skip
def test_infer_publication_date(body, expected):
    assert _infer(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "NATO said on Tuesday that talks failed.",  # a weekday alone gives nothing
        "MOSCOW, Jan 21 (Reuters) - Russia said it would not yield.",  # no year anywhere
        "The withdrawal will be complete on 2 August 2019.",  # future
        "The US gave Moscow until 2 February 2019 to dismantle it.",  # a deadline
        "The treaty expired on 5 February 2099, officials said.",  # after today
        "Nothing in this story has a date.",
        "First paragraph.\n\nSecond paragraph.\n\nOfficials said on 21 January 2019 it failed.",
    ],
)
def test_infer_publication_date_gives_nothing_without_support(body):
    assert _infer(body) is None


def test_infer_publication_date_never_defaults_to_today():
    assert _infer("Troops left yesterday; talks are today.") is None
    today = dt.date.today()
    for article in _sample_articles():
        result = infer_publication_date(article)
        assert result is None or result[0] < today


def test_infer_publication_date_reads_a_dateline_in_the_deck():
    assert _infer("Russia said it would not yield.", deck="MOSCOW, 21 January 2019 -") == (
        D(2019, 1, 21),
        "high",
    )
