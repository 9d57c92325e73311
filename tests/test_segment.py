"""Segmenting pasted news into articles: one test (at least) per input shape.

The fixtures in tests/fixtures/plaintext/ are invented wire copy in the shapes users bring;
each test asserts the exact articles a file must give.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from briefing.domain import DateSource, ParsedArticle
from briefing.ingest.decoding import decode_bytes
from briefing.ingest.segment import TITLE_MAX_CHARS, segment_text

FIXTURES = Path(__file__).parent / "fixtures" / "plaintext"
ALL_FIXTURES = sorted(path.name for path in FIXTURES.iterdir())
HEADLINE = "Rail strike halts trains"
LEDE = "Train drivers walked out on Monday, the union said."


def segment_fixture(name: str) -> list[ParsedArticle]:
    path = FIXTURES / name
    return segment_text(decode_bytes(path.read_bytes()), origin_file=str(path))


def paragraphs(article: ParsedArticle) -> list[str]:
    return article.body.split("\n\n")


def assert_subheads_point_at(article: ParsedArticle, expected: dict[str, str]) -> None:
    """Each subhead's offset is where the paragraph after it starts in the body."""
    assert [subhead.text for subhead in article.subheads] == list(expected)
    for subhead in article.subheads:
        assert article.body[subhead.offset :].startswith(expected[subhead.text])
        assert article.body[subhead.offset - 2 : subhead.offset] == "\n\n"
        assert subhead.text not in article.body


# ---- shape 1: several articles, no blank lines, wire story then one-paragraph stories ------


def test_dense_file_gives_wire_story_then_one_paragraph_stories() -> None:
    articles = segment_fixture("dense_wire_and_kicker_stories.txt")

    assert [article.origin_line for article in articles] == [1, 13, 14, 15, 16]
    assert [article.origin_position for article in articles] == [0, 1, 2, 3, 4]
    assert [article.kicker for article in articles] == [
        "",
        "ESCALATION",
        "",
        "BACKLOG",
        "STRATEGIC PATIENCE",
    ]
    assert [article.truncated for article in articles] == [False, True, True, True, True]
    assert all(a.origin_file.endswith("dense_wire_and_kicker_stories.txt") for a in articles)


def test_wire_story_keeps_its_all_caps_subheads_out_of_the_body() -> None:
    wire = segment_fixture("dense_wire_and_kicker_stories.txt")[0]

    assert wire.headline == ""
    assert wire.title == (
        "Sweden has begun delivering the first CV90 infantry fighting vehicles to Lithuania, "
        "Defence Minister Pål Jonson said…"
    )
    assert len(paragraphs(wire)) == 10
    assert wire.body.startswith("Sweden has begun delivering the first CV90")
    assert wire.body.endswith('for their patience and their flexibility," Kasčiūnas said.')
    assert_subheads_point_at(
        wire,
        {
            "BALTIC WORRIES": "Meanwhile, Lithuanian officials said",
            "LONG ROAD": "Lithuania signed the contract",
        },
    )
    assert wire.warnings == ("no date",)


def test_kicker_deck_glued_to_body_before_a_sentence_opener() -> None:
    story = segment_fixture("dense_wire_and_kicker_stories.txt")[1]

    assert story.kicker == "ESCALATION"
    assert story.deck.endswith("according to preliminary findings of the investigation on Sunday")
    assert story.deck.startswith("Officials said the drones had been launched")
    assert story.body.startswith("The navy said it had intercepted a swarm of drones")
    assert story.body.endswith("its crew were detained for questioning by")
    assert story.title == (
        "ESCALATION: Officials said the drones had been launched from a fishing vessel in "
        "international waters, according to…"
    )
    assert story.warnings == ("truncated", "no date")


def test_kicker_deck_ending_in_said_glued_to_a_capitalised_body() -> None:
    story = segment_fixture("dense_wire_and_kicker_stories.txt")[3]

    assert story.deck.endswith("struggling to meet existing orders, an industry analyst said")
    assert story.body.startswith("Navy officials from Norway and Denmark are to meet next week")


def test_quoted_kicker_loses_its_quote_marks_and_deck_ends_before_a_name() -> None:
    story = segment_fixture("dense_wire_and_kicker_stories.txt")[4]

    assert story.kicker == "STRATEGIC PATIENCE"
    assert story.deck.endswith("to send advanced weapons to the front in their current form")
    assert story.body.startswith("Berlin will supply long-range cruise missiles to its ally")
    assert story.title.startswith("STRATEGIC PATIENCE: The decision marks a shift")


def test_untitled_one_paragraph_story_after_a_cut_off_kicker_story() -> None:
    story = segment_fixture("dense_wire_and_kicker_stories.txt")[2]

    assert story.kicker == story.deck == story.headline == ""
    assert story.title.startswith("A rare white rhino calf has been born at a wildlife sanctuary")
    assert story.body.endswith("The sanctuary, which covers")
    assert story.truncated


# ---- shape 1 (seed 001): a headline story, a paragraph without full stop, teasers ---------


def test_headline_story_with_teaser_block_is_one_article() -> None:
    [story] = segment_fixture("headline_story_with_teasers.txt")

    assert story.headline == story.title
    assert story.title == "Japan and Philippines sign defence pact amid South China Sea tensions"
    assert story.origin_line == 1
    assert len(paragraphs(story)) == 8
    assert story.body.endswith("adopted a new national security strategy in December 2022.")
    assert not story.truncated
    assert "Pacific islands" not in story.body
    assert "submarines" not in story.body


def test_paragraph_without_full_stop_mid_story_does_not_end_it() -> None:
    [story] = segment_fixture("headline_story_with_teasers.txt")

    assert paragraphs(story)[3] == (
        "The agreement still has to be ratified by the parliaments of both countries, which "
        "officials expect to happen before the end of the year"
    )
    assert paragraphs(story)[4] == (
        "Tokyo already has similar arrangements with Australia and Britain."
    )


def test_text_after_a_teaser_block_is_still_found() -> None:
    first, second = segment_fixture("teasers_then_story.txt")

    assert first.title == "Poland orders more K2 tanks in second deal with Seoul"
    assert len(paragraphs(first)) == 3
    assert "Read more" not in first.body
    assert "Baltic states" not in first.body
    assert second.headline == "Floods cut off villages in northern Italy"
    assert second.origin_line == 12
    assert len(paragraphs(second)) == 3
    assert second.body.endswith("would run to hundreds of millions of euros.")
    assert "Ceasefire" not in second.body
    assert "Heatwave" not in second.body


@pytest.mark.parametrize(
    "header",
    [
        "More from Europe",
        "Related",
        "Related articles",
        "Read more",
        "More stories",
        "Most read",
        "Recommended",
        "You may also like",
        "Also in Defence",
        "RELATED STORIES:",
    ],
)
def test_teaser_blocks_are_dropped_and_the_next_story_is_kept(header: str) -> None:
    text = "\n".join(
        [
            "Drone factory opens in Romania",
            "A drone factory opened near Bucharest on Monday, officials said.",
            "It will employ 300 people.",
            header,
            "Teaser headline about something else",
            "A one-sentence summary of the teased story.",
            "-",
            "Another teaser headline",
            "Bridge reopens after repairs in Lisbon",
            "The bridge reopened to traffic on Tuesday after six months of repairs.",
            "Engineers said the work had finished on time.",
        ]
    )
    first, second = segment_text(text)

    assert paragraphs(first) == [
        "A drone factory opened near Bucharest on Monday, officials said.",
        "It will employ 300 people.",
    ]
    assert second.headline == "Bridge reopens after repairs in Lisbon"
    assert second.origin_line == 9
    assert "teaser" not in (first.body + second.body).lower()


# ---- shape 2: blank lines ------------------------------------------------------------------


def test_blank_line_separated_blocks_are_articles() -> None:
    articles = segment_fixture("blank_line_blocks.txt")

    assert [article.title for article in articles] == [
        "Canada to buy up to 12 submarines",
        "Philippines protests water cannon attack near Scarborough Shoal",
        "The International Atomic Energy Agency said on Monday that its inspectors had regained "
        "access to a uranium enrichment…",
        "Train derails in western Germany",
    ]
    assert [article.origin_line for article in articles] == [2, 8, 14, 17]
    assert [len(paragraphs(article)) for article in articles] == [3, 3, 2, 2]
    assert articles[2].headline == ""
    assert articles[1].byline == "By Maria Santos, Manila Correspondent"
    assert articles[0].published == dt.date(2024, 7, 10)
    assert articles[3].published == dt.date(2019, 1, 21)


def test_paragraphs_separated_by_blank_lines_and_articles_by_two() -> None:
    norway, greece, kenya = segment_fixture("blank_line_paragraphs.txt")

    assert norway.title == "Norway to extend conscription to more women"
    assert len(paragraphs(norway)) == 4
    assert_subheads_point_at(norway, {"Recruitment drive": '"We need everyone who is able'})
    assert greece.title == "Greece and Turkey agree to resume talks on maritime disputes"
    assert greece.origin_line == 14
    assert paragraphs(greece)[-1] == (
        "Officials said the first round of talks would be held in Ankara next month."
    )
    # A headline right under a paragraph, in the same block, still opens a story.
    assert kenya.title == "Kenyan runners dominate Berlin marathon"
    assert kenya.origin_line == 21
    assert len(paragraphs(kenya)) == 2


def test_two_blank_lines_split_untitled_stories_when_paragraphs_have_one() -> None:
    text = (
        "Oil prices rose on Monday.\n\nTraders cited supply worries.\n\n\n"
        "A ferry ran aground off Crete.\n\nNo one was hurt, the coastguard said.\n"
    )
    first, second = segment_text(text)

    assert paragraphs(first) == ["Oil prices rose on Monday.", "Traders cited supply worries."]
    assert second.title == "A ferry ran aground off Crete."
    assert second.origin_line == 6


def test_one_article_file_with_a_blank_line_after_every_line() -> None:
    text = (
        "NATO summit opens in The Hague\n\n"
        "Leaders of the 32 allies gathered in The Hague on Tuesday for a two-day summit.\n\n"
        "Defence spending is expected to dominate the talks.\n\n"
        "\u201cWe have to do more, and faster,\u201d the secretary general said.\n"
    )
    [summit] = segment_text(text)

    assert summit.headline == "NATO summit opens in The Hague"
    assert len(paragraphs(summit)) == 3
    assert summit.body.endswith("the secretary general said.")
    assert not summit.truncated


def test_hard_wrapped_paragraphs_are_joined() -> None:
    estonia, chile = segment_fixture("hard_wrapped.txt")

    assert estonia.title == "Estonia opens new ammunition factory near Tallinn"
    assert paragraphs(estonia)[0] == (
        "Estonia opened a factory on Thursday that will produce 155mm artillery shells for its "
        "own forces and for Ukraine, the first such plant in the Baltic states, the government "
        "said."
    )
    assert len(paragraphs(estonia)) == 3
    assert chile.title == "Chile sends firefighters to help Bolivia contain forest fires"
    assert chile.origin_line == 16
    assert paragraphs(chile)[1].endswith("in the city of Santa Cruz for a week.")


# ---- shape 3: subheads ---------------------------------------------------------------------


def test_all_caps_line_opening_a_story_is_its_headline_as_written() -> None:
    text = (
        "RUSSIA BEGINS MASS PRODUCTION OF TOPOL-M\n"
        "Russia has begun mass production of the Topol-M missile, officials said.\n"
        "TENSE TIES\n"
        "NATO's chief acknowledged disputes over missile defence.\n"
    )
    [story] = segment_text(text)

    assert story.headline == story.title == "RUSSIA BEGINS MASS PRODUCTION OF TOPOL-M"
    assert_subheads_point_at(story, {"TENSE TIES": "NATO's chief acknowledged"})
    assert len(paragraphs(story)) == 2


def test_short_mixed_case_section_lines_are_subheads() -> None:
    text = (
        "Serbia buys French fighter jets\n"
        "Serbia signed a deal on Thursday to buy 12 Rafale jets from France.\n"
        "Why it matters\n"
        "It is the country's first big arms purchase from a Western supplier.\n"
        "What comes next\n"
        "Deliveries are due to start in 2028.\n"
    )
    [story] = segment_text(text)

    assert_subheads_point_at(
        story,
        {
            "Why it matters": "It is the country's first big arms purchase",
            "What comes next": "Deliveries are due to start in 2028.",
        },
    )
    assert len(paragraphs(story)) == 3


def test_subhead_after_a_paragraph_missing_its_full_stop_stays_in_the_story() -> None:
    text = (
        "Missile treaty talks stall\n"
        "The talks covered missiles with a range of between 500 and 5,500km\n"
        "NEW TREATY\n"
        "Moscow wants the West to sign a new treaty, diplomats said.\n"
    )
    [story] = segment_text(text)

    assert_subheads_point_at(story, {"NEW TREATY": "Moscow wants the West"})
    assert not story.truncated


# ---- shape 4: kickers ----------------------------------------------------------------------


def test_kicker_line_with_deck_only_then_body_lines() -> None:
    analysis, showdown, new_era = segment_fixture("kicker_variants.txt")

    assert analysis.kicker == "ANALYSIS"
    assert analysis.deck == "Why Moscow's new missile worries European capitals"
    assert analysis.title == "ANALYSIS: Why Moscow's new missile worries European capitals"
    assert len(paragraphs(analysis)) == 3
    assert analysis.body.startswith("The missile's range puts most of Europe within reach")
    assert not analysis.truncated
    assert showdown.origin_line == 5
    assert new_era.origin_line == 6


def test_kicker_with_deck_ending_in_a_full_stop() -> None:
    showdown = segment_fixture("kicker_variants.txt")[1]

    assert showdown.kicker == "SHOWDOWN"
    assert showdown.deck == "Lawmakers rejected the defence budget for the second time in a month."
    assert showdown.body.startswith("The parliament voted 210 to 185 against the bill")
    assert showdown.body.endswith("present a revised version next week.")
    assert not showdown.truncated


def test_kicker_in_curly_double_quotes() -> None:
    new_era = segment_fixture("kicker_variants.txt")[2]

    assert new_era.kicker == "NEW ERA"
    assert new_era.deck == (
        "The deal was described by both leaders as the start of a new chapter in relations"
    )
    assert new_era.body.startswith("Vietnam and the United States signed an agreement")


def test_kicker_story_ends_at_its_line() -> None:
    text = (
        "CLOSE CALL: A fighter jet came within metres of a patrol plane last week The ministry "
        "said a Russian Su-27 flew dangerously close to a Polish patrol aircraft over the Baltic "
        "on Friday. The crew landed safely.\n"
        "The ministry summoned the Russian ambassador, a spokesman said on Saturday.\n"
    )
    first, second = segment_text(text)

    assert first.kicker == "CLOSE CALL"
    assert first.deck == "A fighter jet came within metres of a patrol plane last week"
    assert paragraphs(first) == [
        "The ministry said a Russian Su-27 flew dangerously close to a Polish patrol aircraft "
        "over the Baltic on Friday. The crew landed safely."
    ]
    assert second.origin_line == 2
    assert second.kicker == ""


def test_deck_seam_is_not_placed_inside_a_name_or_after_a_preposition() -> None:
    text = (
        "RETALIATION: Officials said the strikes were a response to an attack on US soldiers in "
        "eastern Syria by Islamic State fighters last week The US Central Command said fighter "
        "jets and attack helicopters hit more than 70 targets on Friday, fulfilling President "
        "Donald Trump's vow to respond. More strikes are planned.\n"
    )
    [story] = segment_text(text)

    assert story.deck.endswith("by Islamic State fighters last week")
    assert story.body.startswith("The US Central Command said fighter jets")


# ---- shape 5: headlines --------------------------------------------------------------------


def test_headline_after_a_complete_story_starts_a_new_one_without_blank_lines() -> None:
    text = (
        "Ukraine receives first F-16 jets\n"
        "Ukraine has received its first F-16 fighter jets, officials said.\n"
        "The jets will be used to defend against missile attacks.\n"
        "The race to build drones speeds up in Europe\n"
        "European governments are pouring money into drone start-ups.\n"
        "Is the EU ready for a long war?\n"
        "Officials in Brussels are asking whether industry can keep up.\n"
    )
    articles = segment_text(text)

    assert [article.headline for article in articles] == [
        "Ukraine receives first F-16 jets",
        "The race to build drones speeds up in Europe",
        "Is the EU ready for a long war?",
    ]
    assert [article.origin_line for article in articles] == [1, 4, 6]
    assert [len(paragraphs(article)) for article in articles] == [2, 1, 1]


def test_sentence_missing_its_full_stop_mid_story_is_not_a_headline() -> None:
    text = (
        "Russia tests missile\n"
        "Russia tested a new missile on Monday, officials said.\n"
        "The ministry did not respond to a request for comment\n"
        "He said the test had been planned for months.\n"
        "The test comes amid rising tensions with the West, analysts said.\n"
    )
    [story] = segment_text(text)

    assert len(paragraphs(story)) == 4
    assert not story.truncated


def test_headline_with_standfirst_under_it() -> None:
    text = (
        "Turkey approves Sweden's NATO bid\n"
        "Lawmakers vote 287 to 55 in favour after a 20-month delay\n"
        "Turkey's parliament voted on Tuesday to approve Sweden's application to join NATO.\n"
    )
    [story] = segment_text(text)

    assert story.headline == "Turkey approves Sweden's NATO bid"
    assert story.deck == "Lawmakers vote 287 to 55 in favour after a 20-month delay"
    assert paragraphs(story) == [
        "Turkey's parliament voted on Tuesday to approve Sweden's application to join NATO."
    ]


def test_markdown_headings_and_emphasis() -> None:
    finland, iceland = segment_fixture("markdown_briefs.md")

    assert finland.headline == "Finland joins NATO's northern air-defence network"
    assert finland.body.startswith("HELSINKI — Finland has connected its air-defence radars")
    assert_subheads_point_at(finland, {"What changes": "Finnish fighter jets can now be scrambled"})
    assert paragraphs(finland)[-1] == (
        "Officials said the integration had gone faster than expected."
    )
    assert "#" not in finland.body + iceland.body
    assert "**" not in finland.body
    assert iceland.headline == "Iceland hosts anti-submarine exercise"
    assert iceland.origin_line == 13


# ---- shape 7 and 8: cut-off stories and one-paragraph stories ------------------------------


def test_one_paragraph_stories_each_stand_alone() -> None:
    volcano, egypt, madrid = segment_fixture("one_paragraph_stories.txt")

    assert [volcano.origin_line, egypt.origin_line, madrid.origin_line] == [1, 2, 3]
    assert [volcano.truncated, egypt.truncated, madrid.truncated] == [False, True, False]
    assert volcano.title.startswith("A volcano on Iceland's Reykjanes peninsula erupted")
    assert madrid.body.endswith("short-term holiday lets in the busiest cities.")


@pytest.mark.parametrize(
    ("last_paragraph", "truncated"),
    [
        ("The talks will resume next week.", False),
        ("Will the talks resume?", False),
        ("They must resume!", False),
        ("“They will resume,” he said.", False),
        ("He said the talks would ‘resume soon.’", False),
        ("The talks, he said, would…", False),
        ("The talks, he said, would resume in", True),
        ("“They will resume", True),
        ("Officials said the talks would resume:", True),
    ],
)
def test_truncated_means_the_last_paragraph_stops_mid_sentence(
    last_paragraph: str, truncated: bool
) -> None:
    text = f"Talks stall in Geneva\nThe talks stalled on Monday, diplomats said.\n{last_paragraph}"
    [story] = segment_text(text)

    assert paragraphs(story)[-1] == last_paragraph
    assert story.truncated is truncated
    assert ("truncated" in story.warnings) is truncated


def test_wire_credit_line_does_not_make_a_story_look_cut_off() -> None:
    text = (
        "Talks stall in Geneva\nThe talks stalled on Monday, diplomats said.\n"
        "Reporting by Jane Smith; Editing by Tom Hale\n"
    )
    [story] = segment_text(text)

    assert paragraphs(story)[-1] == "Reporting by Jane Smith; Editing by Tom Hale"
    assert not story.truncated


# ---- separators, datelines, bylines, date lines, boilerplate --------------------------------


def test_separators_metadata_and_boilerplate() -> None:
    articles = segment_fixture("separators_and_metadata.txt")

    assert [article.headline for article in articles] == [
        "Russia tests new hypersonic missile in Arctic",
        "US and Japan agree to co-produce air-defence interceptors",
        "India and France sign deal for Rafale jets for navy",
        "Storm leaves thousands without power in Scotland",
        "Ambiguous dates are not guessed",
    ]
    assert [article.origin_line for article in articles] == [2, 11, 18, 23, 27]
    russia, japan, india, storm, ambiguous = articles
    assert russia.byline == "By Jane Smith"
    assert japan.byline == "By JANE SMITH, Staff Writer"
    assert [a.published for a in articles] == [dt.date(2019, 1, 21)] * 4 + [None]
    assert [a.date_source for a in articles] == [DateSource.METADATA] * 4 + [DateSource.UNKNOWN]
    assert ambiguous.warnings == ("ambiguous date",)
    assert paragraphs(russia) == [
        "MOSCOW (Reuters) - Russia said on Monday it had successfully tested a new hypersonic "
        "missile from a submarine in the Barents Sea, the latest in a series of launches the "
        "Kremlin says will keep its nuclear deterrent credible.",
        "The defence ministry said the missile hit a target more than 1,000km away.",
        "Western officials said they were monitoring the tests closely.",
    ]
    assert paragraphs(japan)[-1] == (
        "Officials said production would begin at a plant near Nagoya next year."
    )
    assert paragraphs(india)[0].startswith("India signed a contract on Monday")
    assert storm.body.startswith("More than 30,000 homes")
    for article in articles:
        assert "Advertisement" not in article.body
        assert "Click here" not in article.body
        assert "Copyright" not in article.body
        assert "Published" not in article.body


@pytest.mark.parametrize("separator", ["---", "***", "* * *", "====", "#####", "__________", "-"])
def test_separator_lines_split_untitled_stories(separator: str) -> None:
    text = f"The first story ends here.\n{separator}\nThe second story starts here.\n"
    first, second = segment_text(text)

    assert first.body == "The first story ends here."
    assert second.body == "The second story starts here."
    assert second.origin_line == 3


@pytest.mark.parametrize(
    "dateline",
    ["MOSCOW (Reuters) - ", "WASHINGTON, Jan 21 (AP) — ", "KYIV, Ukraine (AP) — ", "LONDON — "],
)
def test_dateline_opens_a_new_story(dateline: str) -> None:
    text = (
        "Ships collide off Singapore\n"
        "Two cargo ships collided in the Singapore Strait on Sunday, the port authority said.\n"
        f"{dateline}The foreign ministry summoned the ambassador on Monday over the remarks.\n"
        "A spokesman gave no further details.\n"
    )
    first, second = segment_text(text)

    assert len(paragraphs(first)) == 1
    assert second.origin_line == 3
    assert second.body.startswith(dateline.strip())
    assert len(paragraphs(second)) == 2


def test_title_case_headline_mid_story_starts_a_new_one_even_in_the_past_tense() -> None:
    text = (
        "Talks stall in Geneva\n"
        "The talks stalled on Monday, diplomats said.\n"
        "NATO Chief Says Russia Was Warned Over Missile Tests\n"
        "The alliance's chief said on Tuesday that Moscow had been warned repeatedly.\n"
    )
    first, second = segment_text(text)

    assert paragraphs(first) == ["The talks stalled on Monday, diplomats said."]
    assert second.headline == "NATO Chief Says Russia Was Warned Over Missile Tests"


def test_byline_with_a_date_gives_both() -> None:
    [story] = segment_text(f"{HEADLINE}\nBy Jane Smith | Updated 21/01/2019 10:32\n{LEDE}")

    assert story.byline == "By Jane Smith"
    assert story.published == dt.date(2019, 1, 21)
    assert story.body == LEDE


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Smith", "By Jane Smith"),
        ("By JANE SMITH, Staff Writer", "By JANE SMITH, Staff Writer"),
        ("BY Jean-Paul de la Tour and Ana Ruiz", "BY Jean-Paul de la Tour and Ana Ruiz"),
        ("By Jane Smith | 21 January 2019", "By Jane Smith"),
    ],
)
def test_bylines_under_the_headline_are_not_body(line: str, byline: str) -> None:
    text = f"{HEADLINE}\n{line}\n{LEDE}\n"
    [story] = segment_text(text)

    assert story.byline == byline
    assert story.body == LEDE


def test_sentence_starting_with_by_stays_in_the_body() -> None:
    text = (
        "Troops pull back from border\nThe talks collapsed on Friday.\n"
        "By Tuesday, the troops had withdrawn from the border area.\n"
    )
    [story] = segment_text(text)

    assert story.byline == ""
    assert paragraphs(story)[-1] == "By Tuesday, the troops had withdrawn from the border area."


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("21 January 2019", dt.date(2019, 1, 21)),
        ("Published: 2019-01-21", dt.date(2019, 1, 21)),
        ("Jan. 21, 2019 10:32 GMT", dt.date(2019, 1, 21)),
        ("Updated 21/01/2019", dt.date(2019, 1, 21)),
        ("01/21/2019", dt.date(2019, 1, 21)),
        ("Monday, 21st January 2019, 10:32", dt.date(2019, 1, 21)),
        ("2019-01-21T10:32:00Z", dt.date(2019, 1, 21)),
        ("Last updated on March 3, 2024 at 9:15 a.m. ET", dt.date(2024, 3, 3)),
        ("05/05/2019", dt.date(2019, 5, 5)),
    ],
)
def test_date_line_under_the_headline_gives_the_publication_date(line: str, date: dt.date) -> None:
    text = f"{HEADLINE}\n{line}\n{LEDE}\n"
    [story] = segment_text(text)

    assert story.published == date
    assert story.date_source is DateSource.METADATA
    assert story.body == LEDE
    assert story.warnings == ()


@pytest.mark.parametrize("line", ["01/02/2019", "3.4.2019"])
def test_ambiguous_date_line_gives_no_date_but_stays_out_of_the_body(line: str) -> None:
    text = f"{HEADLINE}\n{line}\n{LEDE}\n"
    [story] = segment_text(text)

    assert story.published is None
    assert story.date_source is DateSource.UNKNOWN
    assert story.body == LEDE
    assert story.warnings == ("ambiguous date",)


def test_dates_inside_sentences_are_not_publication_dates() -> None:
    text = "Rail strike halts\nTrain drivers walked out on 21 January 2019, the union said.\n"
    [story] = segment_text(text)

    assert story.published is None
    assert story.warnings == ("no date",)


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Advertisement",
        "Share this article",
        "Click here to subscribe to our newsletter",
        "Copyright 2019 The Associated Press. All rights reserved.",
        "© 2024 Example News Ltd",
        "All rights reserved.",
        "Story continues below advertisement",
        "Sign up for our daily briefing",
        "Photo: Getty Images",
        "Facebook Twitter WhatsApp Email",
        "https://www.example.com/world/europe/story-123",
        "Home > World > Europe",
        "5 min read",
        "Updated 2 hours ago",
    ],
)
def test_boilerplate_lines_are_dropped(boilerplate: str) -> None:
    text = (
        "Rail strike halts trains\nTrain drivers walked out on Monday, the union said.\n"
        f"{boilerplate}\nServices are expected to resume on Wednesday.\n"
    )
    [story] = segment_text(text)

    assert paragraphs(story) == [
        "Train drivers walked out on Monday, the union said.",
        "Services are expected to resume on Wednesday.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Search teams found the wreck of the aircraft on Monday.",
        "Share prices fell sharply in Moscow.",
        "Advertising revenue at state media rose by 20%.",
        "Copyright laws were tightened last year, the minister said.",
        "Home owners in the region were told to leave.",
    ],
)
def test_sentences_that_start_like_boilerplate_are_kept(sentence: str) -> None:
    [story] = segment_text(f"{HEADLINE}\n{LEDE}\n{sentence}\n")

    assert paragraphs(story) == [LEDE, sentence]


def test_web_page_paste_keeps_the_story_and_nothing_around_it() -> None:
    [story] = segment_fixture("web_page_paste.txt")

    assert story.origin_line == 4
    assert story.kicker == "Europe"  # the section printed above the headline
    assert story.headline == (
        "Russia tests hypersonic missile in the White Sea amid tensions with Nato"
    )
    assert story.title == story.headline
    assert story.deck == (
        "Defence ministry says the missile hit a target 1,000km away on its first launch from "
        "a frigate"
    )
    assert story.published == dt.date(2019, 1, 21)
    assert len(paragraphs(story)) == 4
    assert story.body.startswith("Russia has successfully tested a hypersonic cruise missile")
    assert story.body.endswith("who asked not to be named.")
    assert not story.truncated
    for junk in ("Menu", "Share", "Advertisement", "arms control", "Reuse", "Floods", "Heatwave"):
        assert junk not in story.body


def test_section_labels_above_headlines_in_a_dense_file() -> None:
    text = (
        "Talks stall in Geneva\n"
        "The talks stalled on Monday, diplomats said.\n"
        "Europe\n"
        "Russia tests hypersonic missile in the White Sea amid tensions\n"
        "Russia has successfully tested a hypersonic missile, the ministry said.\n"
        "ANALYSIS\n"
        "Why the INF treaty collapse matters for Europe and Asia\n"
        "The collapse of the treaty leaves Europe exposed, analysts say.\n"
        "TENSE TIES\n"
        "NATO's chief said ties with Moscow were strained.\n"
    )
    geneva, russia, analysis = segment_text(text)

    assert paragraphs(geneva) == ["The talks stalled on Monday, diplomats said."]
    assert (russia.kicker, russia.origin_line) == ("Europe", 3)
    assert russia.title == "Russia tests hypersonic missile in the White Sea amid tensions"
    assert (analysis.kicker, analysis.origin_line) == ("ANALYSIS", 6)
    assert_subheads_point_at(analysis, {"TENSE TIES": "NATO's chief said"})


def test_kicker_alone_on_its_line_then_headline_and_body() -> None:
    [story] = segment_text(f"ANALYSIS:\n{HEADLINE}\n{LEDE}\n")

    assert story.kicker == "ANALYSIS"
    assert story.headline == story.title == HEADLINE
    assert story.body == LEDE


# ---- the combined messy file and the edges ---------------------------------------------------


def test_messy_combined_file() -> None:
    turkey, historic, snow = segment_fixture("messy_combined.txt")

    assert turkey.origin_line == 6
    assert turkey.headline == "Turkey approves Sweden's NATO membership after 20-month delay"
    assert turkey.deck == (
        "Lawmakers vote 287 to 55 in favour, clearing the way for the alliance to grow again"
    )
    assert turkey.byline == "By Deniz Kaya"
    assert turkey.published == dt.date(2024, 1, 23)
    assert paragraphs(turkey)[0].startswith("ANKARA — Turkey's parliament voted on Tuesday")
    assert paragraphs(turkey)[1] == (
        "The bill passed by 287 votes to 55, and President Recep Tayyip Erdogan is expected to "
        "sign it into law within days."
    )
    assert_subheads_point_at(
        turkey,
        {
            "The response": "Sweden's prime minister welcomed the vote",
            "HUNGARY NEXT": "Hungary is now the only NATO member",
        },
    )
    assert paragraphs(turkey)[-1] == "Reporting by Deniz Kaya; Editing by Tom Hale"
    assert not turkey.truncated
    assert "Photo" not in turkey.body and "advertisement" not in turkey.body
    assert "Finland" not in turkey.body

    assert historic.kicker == "HISTORIC DAY"
    assert historic.deck.endswith("damaging the alliance's credibility at a sensitive time")
    assert historic.body.startswith("The Swedish government said on Wednesday")
    assert historic.truncated

    assert snow.origin_line == 27
    assert snow.body.endswith("unless their journey was essential.")
    assert "Copyright" not in snow.body
    assert not snow.truncated


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_crlf_tabs_and_trailing_spaces_do_not_change_the_result(name: str) -> None:
    clean = decode_bytes((FIXTURES / name).read_bytes())
    messy = "\r\n".join(f"\t{line}  \t " if line else " \t" for line in clean.split("\n"))

    assert segment_text(decode_bytes(messy.encode("utf-8"))) == segment_text(clean)
    assert segment_text(messy) == segment_text(clean)


def all_text(articles: list[ParsedArticle]) -> str:
    fields = []
    for article in articles:
        fields += [article.headline, article.kicker, article.deck, article.byline, article.body]
        fields += [subhead.text for subhead in article.subheads]
    return "\n".join(fields)


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        ("dense_wire_and_kicker_stories.txt", set()),
        ("headline_story_with_teasers.txt", set(range(10, 20))),
        ("separators_and_metadata.txt", {1, 3, 7, 9, 10, 12, 16, 17, 19, 22, 24, 26, 28, 30}),
        ("messy_combined.txt", {3, 4, 8, 9, 12, 19, 20, 21, 22, 26, 28}),
    ],
)
def test_no_line_of_text_is_lost(name: str, dropped: set[int]) -> None:
    """Every line is in some article's fields, but for the metadata, teasers and boilerplate
    each test above checks: ``dropped`` (1-based line numbers)."""
    lines = decode_bytes((FIXTURES / name).read_bytes()).split("\n")
    articles = segment_fixture(name)
    text = all_text(articles).replace("**", "").replace("\n", " ")
    kicker_rests = [f"{article.deck} {article.body}" for article in articles if article.kicker]
    for number, line in enumerate(lines, start=1):
        line = line.strip().replace("**", "").replace("__", "")
        if not line or number in dropped:
            continue
        rest = line.split(": ", 1)[-1]
        assert line in text or rest in kicker_rests, f"line {number} lost: {line[:60]}"


def test_every_fixture_gives_clean_bodies_and_short_titles() -> None:
    for name in ALL_FIXTURES:
        for article in segment_fixture(name):
            assert article.body.strip() == article.body
            assert "\n\n\n" not in article.body
            assert len(article.title) <= TITLE_MAX_CHARS


def test_titles_are_shortened_at_a_word_boundary() -> None:
    sentence = (
        "The foreign ministers of the seven largest industrial democracies met in Capri on "
        "Wednesday to discuss the war, sanctions and the future of the alliance."
    )
    [story] = segment_text(sentence)

    assert story.title == (
        "The foreign ministers of the seven largest industrial democracies met in Capri on "
        "Wednesday to discuss the war…"
    )
    assert len(story.title) <= TITLE_MAX_CHARS
    assert sentence.startswith(story.title.removesuffix("…"))


def test_leading_and_trailing_blank_lines_are_ignored() -> None:
    [story] = segment_text("\n\n\nShips collide off Singapore\nTwo ships collided.\n\n\n\n")

    assert story.origin_line == 4
    assert story.headline == "Ships collide off Singapore"
    assert story.body == "Two ships collided."


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Hello", "Hello"),
        ("Ceasefire", "Ceasefire"),
        ("Russia tested a new missile on Monday, officials said.", None),
        ("Russia tests missile", "Russia tests missile"),
        ("REVENGE:", "REVENGE"),
    ],
)
def test_a_single_word_or_a_single_line_is_one_article(text: str, body: str | None) -> None:
    [article] = segment_text(text, origin_file="one.txt")

    assert article.body == (body or text)
    assert article.title == article.body
    assert article.origin_file == "one.txt"
    assert (article.origin_line, article.origin_position) == (1, 0)


@pytest.mark.parametrize("text", ["", "\n\n", "   \n", "---\n* * *\n", "Advertisement\n"])
def test_nothing_to_import_gives_no_articles(text: str) -> None:
    assert segment_text(text) == []


def synthetic_wire_copy(articles: int) -> str:
    """A file in seed 000's shape, ``articles`` long: headline wire stories (date line, byline,
    dateline, ten paragraphs, a subhead), kicker stories glued to their body, and untitled
    one-paragraph stories after cut-off ones, in turn."""
    lines: list[str] = []
    for number in range(articles):
        shape = number % 3
        if shape == 0:
            lines += [
                f"Poland orders {number} more tanks from South Korea",
                "21 January 2019",
                "By Jane Smith",
                f"WARSAW (Reuters) - Poland signed a contract for {number} tanks on Friday, the "
                "defence ministry said, in the second such deal since 2022.",
            ]
            lines += [
                f"Paragraph {paragraph} of story {number} says the tanks will be delivered "
                "between 2026 and 2030, and that some will be built under licence."
                for paragraph in range(5)
            ]
            lines.append("TENSE TIES")
            lines += [
                f"“This is our largest contract,” the minister said of deal {number}."
                for _ in range(4)
            ]
        elif shape == 1:
            lines.append(
                f"BACKLOG: Shipyards are struggling to meet {number} existing orders, an analyst "
                "said Navy officials from Norway and Denmark are to meet next week to discuss "
                "joint procurement of frigates, the ministry said on Thursday. A joint order "
                "could lower costs and speed up delivery, the ministry said in a statement. The "
                "two navies already share a maintenance base near"
            )
        else:
            lines.append(
                f"Seven wild elephants were killed when train {number} hit a herd crossing the "
                "tracks in Assam early yesterday, local authorities said. The driver used the "
                "emergency brakes, but the train still hit some of the animals. Five coaches "
                "derailed, but there were no human casualties. Vets carried out autopsies."
            )
    return "\n".join(lines)


def test_very_long_file_is_segmented_quickly() -> None:
    text = synthetic_wire_copy(3000)

    started = time.perf_counter()
    articles = segment_text(text)
    elapsed = time.perf_counter() - started

    assert len(articles) == 3000
    assert [article.origin_line for article in articles[:4]] == [1, 15, 16, 17]
    assert articles[-1].origin_line == 1000 * 16
    assert [article.truncated for article in articles[:3]] == [False, True, False]
    assert all(len(article.subheads) == 1 for article in articles[::3])
    assert elapsed < 2.0  # about 0.1 s on a laptop: a loose bound that still catches O(n²)
