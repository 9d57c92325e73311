"""The segmentation modes the person may choose for plain text and Markdown: the same file cut
four ways, each mode's rule on its own, and the choice reaching the reader inside archives."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from briefing.domain import ParsedArticle
from briefing.ingest.readers import ReadOptions, read_bytes
from briefing.ingest.segment import segment_text
from briefing.ingest.segmentation import Segmentation

# Three stories, several paragraphs each with a blank line between them (and once two, where
# the writer paused), headline lines, a byline, a date line, a subhead, a kicker story and a
# teaser block at the end.
STORIES = """\
Navy tests new interceptor off the coast
By Jane Smith

The navy tested a new interceptor missile off the south coast on Tuesday, officials said.

The test was the third this year and the first at night.


Officials declined to say how far the missile flew, citing security.

Parliament debates the defence budget
21 January 2019

Members of parliament began debating the defence budget on Wednesday.

TENSE TIES
The government wants to raise spending by four percent.

OUTLOOK: Budget vote expected next week

The final vote is expected next week, the speaker said.

More from Defence

Teaser headline about something else
"""
NAVY = "Navy tests new interceptor off the coast"
PARLIAMENT = "Parliament debates the defence budget"
OUTLOOK = "OUTLOOK: Budget vote expected next week"
NAVY_LEDE = (
    "The navy tested a new interceptor missile off the south coast on Tuesday, officials said."
)
NAVY_2 = "The test was the third this year and the first at night."
NAVY_3 = "Officials declined to say how far the missile flew, citing security."
PARLIAMENT_LEDE = "Members of parliament began debating the defence budget on Wednesday."
PARLIAMENT_2 = "The government wants to raise spending by four percent."
OUTLOOK_BODY = "The final vote is expected next week, the speaker said."

# One-paragraph stories with nothing between them but a blank line.
ONE_PARAGRAPH_STORIES = """\
The navy tested a new interceptor missile off the south coast on Tuesday, officials said.

Members of parliament began debating the defence budget on Wednesday after a long delay.

Border guards stepped up patrols along the northern frontier on Thursday, the ministry said.
"""

# A story quoting a second dateline, then another story; no blank lines.
SECOND_DATELINE = """\
Allies agree on new air defence plan
BRUSSELS (Reuters) - NATO allies agreed on a new air defence plan on Tuesday, officials said.
The plan covers the eastern flank and will be reviewed next year.
WARSAW (Reuters) - Poland welcomed the plan and said it would buy more launchers.
Polish officials said the first batteries would arrive in the spring.
Navy commissions its newest frigate in Portsmouth
The navy commissioned its newest frigate in Portsmouth on Friday, officials said.
The ship will join the fleet next year.
"""


def cut(text: str, mode: Segmentation) -> list[ParsedArticle]:
    return segment_text(text, origin_file="stories.txt", segmentation=mode)


def titles(articles: list[ParsedArticle]) -> list[str]:
    return [article.title for article in articles]


def paragraphs(article: ParsedArticle) -> list[str]:
    return article.body.split("\n\n")


def test_the_default_is_automatic() -> None:
    assert ReadOptions().segmentation is Segmentation.AUTOMATIC
    assert cut(STORIES, Segmentation.AUTOMATIC) == segment_text(STORIES, origin_file="stories.txt")
    assert [mode.value for mode in Segmentation] == ["auto", "file", "blank", "headline"]
    assert Segmentation.HEADLINES.label == "Split at headline / kicker lines"


def test_each_mode_cuts_the_same_file_differently() -> None:
    by_mode = {mode: cut(STORIES, mode) for mode in Segmentation}
    # Automatic reads the two blank lines as the end of the navy story.
    assert titles(by_mode[Segmentation.AUTOMATIC]) == [NAVY, NAVY_3, PARLIAMENT, OUTLOOK]
    assert titles(by_mode[Segmentation.ONE_PER_FILE]) == [NAVY]
    assert titles(by_mode[Segmentation.BLANK_LINES]) == [
        NAVY, NAVY_2, NAVY_3, PARLIAMENT, "TENSE TIES", OUTLOOK,
    ]  # fmt: skip
    assert titles(by_mode[Segmentation.HEADLINES]) == [NAVY, PARLIAMENT, OUTLOOK]
    assert len({tuple(titles(articles)) for articles in by_mode.values()}) == 4


def test_one_per_file_keeps_the_head_subheads_and_drops_the_teasers() -> None:
    (article,) = cut(STORIES, Segmentation.ONE_PER_FILE)
    assert (article.headline, article.byline) == (NAVY, "By Jane Smith")
    assert article.published == dt.date(2019, 1, 21)  # the file's date line
    assert paragraphs(article) == [
        NAVY_LEDE, NAVY_2, NAVY_3, PARLIAMENT, PARLIAMENT_LEDE, PARLIAMENT_2, OUTLOOK,
        OUTLOOK_BODY,
    ]  # fmt: skip
    (subhead,) = article.subheads
    assert subhead.text == "TENSE TIES"
    assert article.body[subhead.offset :].startswith(PARLIAMENT_2)
    assert "Teaser" not in article.body and "More from" not in article.body
    assert article.origin_line == 1


def test_one_per_file_recognises_a_kicker_and_deck_at_the_top() -> None:
    text = (
        "REVENGE: Militia vows to hit back after strikes\n\n"
        "The militia said on Sunday it would respond to the strikes.\n\n"
        "Officials in the capital said they expected further attacks.\n\n"
        "Navy tests new interceptor off the coast\n\n"
        "The navy tested a new interceptor missile on Tuesday.\n"
    )
    (article,) = cut(text, Segmentation.ONE_PER_FILE)
    assert (article.kicker, article.deck) == ("REVENGE", "Militia vows to hit back after strikes")
    assert article.title == "REVENGE: Militia vows to hit back after strikes"
    assert len(paragraphs(article)) == 4
    # Automatic takes the headline in the middle for a second story.
    assert len(cut(text, Segmentation.AUTOMATIC)) == 2


def test_blank_lines_make_every_block_an_article() -> None:
    assert len(cut(ONE_PARAGRAPH_STORIES, Segmentation.AUTOMATIC)) == 1  # paragraphs of one
    articles = cut(ONE_PARAGRAPH_STORIES, Segmentation.BLANK_LINES)
    assert [article.origin_line for article in articles] == [1, 3, 5]
    assert [article.body for article in articles] == [
        line for line in ONE_PARAGRAPH_STORIES.splitlines() if line
    ]
    assert [article.origin_position for article in articles] == [0, 1, 2]


def test_blank_lines_take_a_headline_block_as_the_head_of_the_block_below() -> None:
    articles = cut(STORIES, Segmentation.BLANK_LINES)
    navy, parliament, outlook = articles[0], articles[3], articles[5]
    assert (navy.headline, navy.byline, navy.body) == (NAVY, "By Jane Smith", NAVY_LEDE)
    assert (parliament.headline, parliament.published) == (PARLIAMENT, dt.date(2019, 1, 21))
    assert parliament.body == PARLIAMENT_LEDE
    assert (outlook.kicker, outlook.deck, outlook.body) == (
        "OUTLOOK",
        "Budget vote expected next week",
        OUTLOOK_BODY,
    )
    # A block whose first line reads as a headline is titled by it; others by their text.
    assert (articles[4].headline, articles[4].body) == ("TENSE TIES", PARLIAMENT_2)
    assert (articles[1].headline, articles[1].title) == ("", NAVY_2)
    assert all("Teaser" not in article.body for article in articles)


def test_blank_lines_leave_a_file_without_blank_lines_whole() -> None:
    assert len(cut(SECOND_DATELINE, Segmentation.BLANK_LINES)) == 1


def test_headlines_split_only_at_headlines_not_at_datelines_or_gaps() -> None:
    automatic = cut(SECOND_DATELINE, Segmentation.AUTOMATIC)
    assert len(automatic) == 3  # the second dateline reads as a new story
    allies, navy = cut(SECOND_DATELINE, Segmentation.HEADLINES)
    assert allies.title == "Allies agree on new air defence plan"
    assert len(paragraphs(allies)) == 4
    assert paragraphs(allies)[2].startswith("WARSAW (Reuters) - ")
    assert navy.title == "Navy commissions its newest frigate in Portsmouth"
    # The two blank lines inside the navy story of STORIES end nothing either.
    first = cut(STORIES, Segmentation.HEADLINES)[0]
    assert paragraphs(first) == [NAVY_LEDE, NAVY_2, NAVY_3]


def test_headlines_keep_subheads_and_split_at_kicker_lines() -> None:
    _, parliament, outlook = cut(STORIES, Segmentation.HEADLINES)
    assert [s.text for s in parliament.subheads] == ["TENSE TIES"]
    assert paragraphs(parliament) == [PARLIAMENT_LEDE, PARLIAMENT_2]
    assert parliament.published == dt.date(2019, 1, 21)
    assert (outlook.kicker, outlook.deck, outlook.body) == (
        "OUTLOOK",
        "Budget vote expected next week",
        OUTLOOK_BODY,
    )


def test_headlines_take_a_date_line_above_a_headline_with_it() -> None:
    text = (
        "Allies agree on new air defence plan\n"
        "NATO allies agreed on a new air defence plan on Tuesday, officials said.\n"
        "22 January 2019\n"
        "Navy commissions its newest frigate in Portsmouth\n"
        "The navy commissioned its newest frigate in Portsmouth on Friday, officials said.\n"
    )
    allies, navy = cut(text, Segmentation.HEADLINES)
    assert allies.published is None
    assert (navy.origin_line, navy.published) == (3, dt.date(2019, 1, 22))


MARKDOWN = """\
# Allies agree on new air defence plan

NATO allies agreed on a new air defence plan on Tuesday, officials said.

## What the plan covers

It covers the eastern flank.


BRUSSELS (Reuters) - The plan will be reviewed next year, a spokesman said.

# Navy commissions new frigate

The navy commissioned its newest frigate in Portsmouth on Friday.
"""


def test_markdown_headings_in_each_mode() -> None:
    allies, navy = cut(MARKDOWN, Segmentation.HEADLINES)
    assert (allies.title, navy.title) == (
        "Allies agree on new air defence plan",
        "Navy commissions new frigate",
    )
    assert [s.text for s in allies.subheads] == ["What the plan covers"]
    assert len(paragraphs(allies)) == 3
    (whole,) = cut(MARKDOWN, Segmentation.ONE_PER_FILE)
    assert whole.title == "Allies agree on new air defence plan"
    assert [s.text for s in whole.subheads] == [
        "What the plan covers",
        "Navy commissions new frigate",
    ]
    assert len(cut(MARKDOWN, Segmentation.AUTOMATIC)) == 3  # the wide gap, then the dateline


@pytest.mark.parametrize("name", ["stories.txt", "stories.md"])
def test_the_reader_cuts_as_the_options_say(name: str) -> None:
    data = STORIES.encode()
    for mode, count in (
        (Segmentation.AUTOMATIC, 4),
        (Segmentation.ONE_PER_FILE, 1),
        (Segmentation.BLANK_LINES, 6),
        (Segmentation.HEADLINES, 3),
    ):
        articles = read_bytes(Path(name), data, ReadOptions(segmentation=mode))
        assert len(articles) == count, mode


def test_archive_members_are_cut_as_the_options_say() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("desk/stories.txt", STORIES)
        archive.writestr("desk/notes.md", MARKDOWN)
    data = buffer.getvalue()
    for mode, count in ((Segmentation.AUTOMATIC, 7), (Segmentation.ONE_PER_FILE, 2)):
        articles = read_bytes(Path("clips.zip"), data, ReadOptions(segmentation=mode))
        assert len(articles) == count, mode
    headlines = read_bytes(
        Path("clips.zip"), data, ReadOptions(segmentation=Segmentation.HEADLINES)
    )
    assert [a.origin_file for a in headlines] == ["clips.zip!desk/stories.txt"] * 3 + [
        "clips.zip!desk/notes.md"
    ] * 2
