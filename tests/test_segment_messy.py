"""Segmenting the messier shapes people paste: web pages with their furniture, bylines
without "By", forwarded e-mails, transcripts and interviews, tables, hard-wrapped text,
explainers and lists of briefs. One test (at least) per rule; every text here is invented.

benchmarks/eval_segment.py scores the same rules on a larger annotated corpus.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from briefing.domain import ParsedArticle
from briefing.ingest.segment import segment_text
from briefing.ingest.segmentation import Segmentation

HEADLINE = "Rail strike halts trains"
LEDE = "Train drivers walked out on Monday, the union said."
MORE = "Services are expected to resume on Wednesday."


def paragraphs(article: ParsedArticle) -> list[str]:
    return article.body.split("\n\n")


def only_article(text: str) -> ParsedArticle:
    [article] = segment_text(text)
    return article


# ---- web-page furniture ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies to improve your experience on our site. By continuing to browse you "
        "agree to our use of cookies and to our privacy policy.",
        "Accept all cookies",
        "Reject all",
        "Manage preferences",
        "Save",
        "Like",
        "Reply",
        "Weather",
        "Updated 14:32 GMT",
        "Sign up for our Europe newsletter – the continent's biggest stories, every weekday",
        "Photograph: Petras Malukas/AFP/Getty Images",
        "(Photo: Reuters/Stringer)",
        "Photographs by Ana Reyes",
        "148 comments",
        "Show comments (148)",
        "Join the conversation",
        "Key events",
        "Show key events only",
        "View this email in your browser",
        "Unsubscribe | Update preferences | Privacy policy",
        "You are receiving this email because you subscribed to The Security Brief.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "FOR IMMEDIATE RELEASE",
        "Media contact: Press Office, +32 2 555 0100, press@example.gov",
        "Tel: +44 20 7946 0000",
        "Labels: missiles, Iran, satellite imagery",
        "Page 2 of 3",
        "Strategic Survey Extract        Page 2 of 3",
        "Anonymous said...",
        "Sent from my phone",
        "The BBC is not responsible for the content of external sites.",
        "Editor's note: This article has been updated to include a statement from the ministry.",
        "Correction: An earlier version of this article misstated the officer's rank. He is a "
        "lieutenant general, not a major general.",
        "This story has been corrected to show that the incident happened on Thursday.",
        "Soldiers celebrate outside the palace on Friday. Photograph: Ebrahim Hamid/AFP",
        "A displaced family in a camp. Image: UNHCR/Handout",
    ],
)
def test_web_page_and_newsletter_furniture_is_dropped(furniture: str) -> None:
    story = only_article(f"{HEADLINE}\n{LEDE}\n{furniture}\n{MORE}\n")

    assert paragraphs(story) == [LEDE, MORE]


@pytest.mark.parametrize(
    "sentence",
    [
        "Live fire exercises began on the range on Monday.",
        "News of the strike spread quickly through the region.",
        "Page by page, the report set out the failures of the programme.",
        "Comments by the minister angered officials in Kyiv.",
        "Correction of the border line was agreed at the talks, officials said.",
        "Photographs published by the ministry showed the damage to the bridge.",
        "Save for a few volunteers, the town was empty by nightfall.",
        "To the south, fighting continued around the town, the army said.",
    ],
)
def test_sentences_that_start_like_furniture_are_kept(sentence: str) -> None:
    story = only_article(f"{HEADLINE}\n{LEDE}\n{sentence}\n")

    assert paragraphs(story) == [LEDE, sentence]


def test_the_caption_under_an_image_caption_label_is_dropped() -> None:
    story = only_article(
        f"{HEADLINE}\n{LEDE}\nImage caption,\n"
        f"Strikers gather outside the station in Leeds\n{MORE}\n"
    )

    assert paragraphs(story) == [LEDE, MORE]


def test_read_time_after_a_date_is_still_a_date_line() -> None:
    story = only_article(f"{HEADLINE}\nFeb 3, 2025 · 4 min read\n{LEDE}\n")

    assert story.published == dt.date(2025, 2, 3)
    assert story.body == LEDE


def test_breadcrumb_above_a_headline_is_its_kicker() -> None:
    text = f"Menu\nSearch\nWorld | Europe\n{HEADLINE}\nBy Olga Kravets\n{LEDE}\nShare\n"
    story = only_article(text)

    assert (story.kicker, story.headline, story.byline) == (
        "World | Europe",
        HEADLINE,
        "By Olga Kravets",
    )
    assert story.body == LEDE


def test_menu_words_above_the_section_label_are_dropped() -> None:
    text = (
        "Defence\nOpinion\nEurope's frigate gap: why navies cannot build ships fast enough\n"
        "Shipyards are full, engineers are scarce and budgets arrive late\n"
        f"By Marta Kowalczyk\nPublished 14 April 2025\n{LEDE}\n"
    )
    story = only_article(text)

    assert (story.kicker, story.deck) == (
        "Opinion",
        "Shipyards are full, engineers are scarce and budgets arrive late",
    )
    assert story.headline.startswith("Europe's frigate gap")
    assert story.body == LEDE


def test_read_more_link_closing_a_block_does_not_swallow_the_next_story() -> None:
    text = (
        f"{HEADLINE}\n{LEDE}\nRead more\n\n"
        "Ferry services cut\nThe ferry company cancelled all crossings on Tuesday.\nRead more\n"
    )
    first, second = segment_text(text)

    assert first.body == LEDE
    assert (second.headline, second.body) == (
        "Ferry services cut",
        "The ferry company cancelled all crossings on Tuesday.",
    )


def test_story_goes_on_after_an_inline_link_to_one_other_story() -> None:
    text = f"{HEADLINE}\n\n{LEDE}\n\nRead more:\nFerry services cut across the Channel\n\n{MORE}\n"
    story = only_article(text)

    assert paragraphs(story) == [LEDE, MORE]


# ---- bylines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        ("Akiko Tanaka | Reuters", "Akiko Tanaka | Reuters"),
        ("Words by Carlos Mendoza", "Words by Carlos Mendoza"),
        ("Reporter: Mads Nielsen", "Reporter: Mads Nielsen"),
        ("Min-jun Park and Grace Lee", "Min-jun Park and Grace Lee"),
        ("Ruta Vaitkute in Vilnius", "Ruta Vaitkute in Vilnius"),
        ("Kim Min-seo\nSeoul correspondent", "Kim Min-seo, Seoul correspondent"),
    ],
)
def test_bylines_without_by(lines: str, byline: str) -> None:
    story = only_article(f"{HEADLINE}\n{lines}\n{LEDE}\n{MORE}\n")

    assert (story.headline, story.byline) == (HEADLINE, byline)
    assert paragraphs(story) == [LEDE, MORE]


def test_posted_by_gives_the_byline_and_the_date() -> None:
    story = only_article(f"{HEADLINE}\nPosted by M. Hartley on 8 March 2025 at 10:32\n{LEDE}\n")

    assert story.byline == "Posted by M. Hartley"
    assert story.published == dt.date(2025, 3, 8)


def test_a_capitalised_section_line_inside_a_story_is_still_a_subhead() -> None:
    story = only_article(f"{HEADLINE}\n{LEDE}\nRecruitment Drive\n{MORE}\n")

    assert story.byline == ""
    assert [subhead.text for subhead in story.subheads] == ["Recruitment Drive"]


def test_headline_full_of_names_is_not_a_byline() -> None:
    text = (
        "Nguyễn Văn Thành meets Hiroshi Takeda in Hanoi\n"
        "Vietnam's chief of the general staff met Japan's defence minister on Tuesday.\n"
    )
    story = only_article(text)

    assert story.headline == "Nguyễn Văn Thành meets Hiroshi Takeda in Hanoi"
    assert story.byline == ""


def test_dateline_on_its_own_line_after_a_byline_keeps_the_headline() -> None:
    story = only_article(f"{HEADLINE}\nMin-jun Park\nSEOUL\n{LEDE}\n")

    assert (story.headline, story.byline) == (HEADLINE, "Min-jun Park")
    assert story.body.endswith(LEDE)


# ---- e-mail ---------------------------------------------------------------------------------


def test_forwarded_mail_header_cover_note_and_signature_are_dropped() -> None:
    text = (
        "FYI - see below.\n\n"
        "-----Original Message-----\n"
        "From: Watts, Sarah <s.watts@example.org>\n"
        "Sent: Tuesday, March 4, 2025 9:12 AM\n"
        "To: Analysis Desk <desk@example.org>\n"
        "Subject: FW: rail strike\n\n"
        f"{HEADLINE}\n\n{LEDE}\n\n{MORE}\n\n"
        "--\nSarah Watts\nSent from my phone\n"
    )
    story = only_article(text)

    assert story.headline == HEADLINE
    assert paragraphs(story) == [LEDE, MORE]
    assert story.published is None  # the mail's date is not the story's


def test_a_forwarded_mails_sign_off_is_not_an_article() -> None:
    text = f"From: Tom <t@example.net>\nSubject: clips\n\n{HEADLINE}\n{LEDE}\n\nTom\n"

    assert only_article(text).body == LEDE


def test_a_short_last_block_of_a_file_that_is_no_mail_is_kept() -> None:
    text = f"{HEADLINE}\n{LEDE}\n\nCeasefire holds\n"

    assert "Ceasefire holds" in [article.body for article in segment_text(text)]


def test_one_line_that_looks_like_a_mail_header_stays_text() -> None:
    sentence = "To: the point, officials said the plan had failed."
    story = only_article(f"{HEADLINE}\n{LEDE}\n{sentence}\n")

    assert paragraphs(story) == [LEDE, sentence]


def test_a_long_cover_note_is_kept() -> None:
    note = (
        "Here is the story we discussed on Monday. It explains why the strike started, who "
        "is involved, what the government has offered so far and why the union has refused "
        "the offer. Please read it before the meeting."
    )
    header = "-----Original Message-----\nFrom: A <a@example.org>\nTo: B <b@example.org>"
    text = f"{note}\n\n{header}\n\n{HEADLINE}\n\n{LEDE}\n"
    first, second = segment_text(text)

    assert first.body == note
    assert second.headline == HEADLINE


# ---- dialogue: interviews and transcripts --------------------------------------------------


def test_question_and_answer_lines_stay_in_one_interview() -> None:
    text = (
        "INTERVIEW: Estonia's defence chief on drones\n"
        "The chief of defence spoke to us in Tallinn.\n"
        "Q: How has the war changed your planning?\n"
        "A: Completely. We now assume days of warning, not weeks.\n"
        "Q: Is Estonia buying enough drones?\n"
        "A: No country is buying enough drones.\n"
    )
    story = only_article(text)

    assert story.kicker == "INTERVIEW"
    assert paragraphs(story)[-1] == "A: No country is buying enough drones."
    assert len(paragraphs(story)) == 5


def test_speaker_labels_that_take_turns_are_a_transcript_not_kickers() -> None:
    text = (
        "Transcript: Pentagon briefing on Red Sea operations\n"
        "The following is an edited transcript of a briefing on Thursday.\n"
        "PRESS SECRETARY: Good afternoon. US forces intercepted four drones overnight.\n"
        "QUESTION: Were any ships damaged?\n"
        "PRESS SECRETARY: No commercial vessels were damaged.\n"
        "QUESTION: Will there be more strikes?\n"
        "PRESS SECRETARY: I will not get ahead of any decisions.\n"
    )
    story = only_article(text)

    assert story.kicker == ""
    assert paragraphs(story)[1:] == text.splitlines()[2:]


def test_kicker_stories_one_after_another_are_still_separate() -> None:
    text = (
        "SHOWDOWN: Lawmakers rejected the budget. The vote was 210 to 185.\n"
        "SETBACK: A rocket failed to reach orbit. Engineers are investigating.\n"
        "SHOWDOWN: The senate also rejected the bill. It will be redrafted.\n"
    )
    assert [article.kicker for article in segment_text(text)] == ["SHOWDOWN", "SETBACK", "SHOWDOWN"]


# ---- tables ---------------------------------------------------------------------------------


def test_rows_of_a_space_aligned_table_stay_in_the_story() -> None:
    text = (
        f"{HEADLINE}\n\n{LEDE}\n\n"
        "Line          Trains   Cancelled\n"
        "London        120      96\n"
        "Leeds         45       40\n"
        "Newcastle     30       30\n\n"
        f"{MORE}\n"
    )
    story = only_article(text)

    assert story.headline == HEADLINE
    assert paragraphs(story)[1] == "Line          Trains   Cancelled"
    assert paragraphs(story)[-1] == MORE
    assert story.subheads == ()


def test_tab_separated_rows_keep_their_cells_apart_and_do_not_cut_the_story() -> None:
    story = only_article(f"{HEADLINE}\n{LEDE}\nLine\tTrains\tCancelled\nLeeds\t45\t40\n")

    assert paragraphs(story)[1:] == ["Line  Trains  Cancelled", "Leeds  45  40"]
    assert not story.truncated


# ---- hard-wrapped text ------------------------------------------------------------------------


def test_wrapped_headline_near_the_width_stands_alone_when_the_next_word_would_fit() -> None:
    text = (
        "Hungary delays vote on Swedish defence pact\n"
        "Hungary's parliament postponed a vote on a defence co-operation\n"
        "agreement with Sweden on Monday, saying that more time was needed to\n"
        "study the text, in the latest in a series of delays that have\n"
        "frustrated its allies.\n"
    )
    story = only_article(text)

    assert story.headline == "Hungary delays vote on Swedish defence pact"
    assert story.body.startswith(
        "Hungary's parliament postponed a vote on a defence co-operation agreement"
    )
    assert story.body.endswith("frustrated its allies.")


def test_wrapped_paragraph_ends_where_the_next_word_would_have_fitted() -> None:
    text = (
        "Drone factory opens\n\n"
        "A drone factory opened near Bucharest on Monday, officials said, the\n"
        "first of its kind in the country and the largest in the region\n"
        "The plant will employ 300 people and make 5,000 drones a year, the\n"
        "company said in a statement issued after the opening ceremony.\n"
    )
    story = only_article(text)

    assert paragraphs(story) == [
        "A drone factory opened near Bucharest on Monday, officials said, the first of its "
        "kind in the country and the largest in the region",
        "The plant will employ 300 people and make 5,000 drones a year, the company said in a "
        "statement issued after the opening ceremony.",
    ]


def test_wrapped_indented_paragraphs_are_joined_without_blank_lines() -> None:
    text = (
        "JAPAN AND AUSTRALIA DEEPEN DEFENCE TIES\n"
        "    Japan and Australia agreed on Friday to let their forces use\n"
        "each other's bases for training and exercises more freely, and to\n"
        "work together on long-range missiles.\n"
        "    China's foreign ministry said the two countries should avoid\n"
        "forming exclusive blocs.\n"
    )
    story = only_article(text)

    assert story.headline == "JAPAN AND AUSTRALIA DEEPEN DEFENCE TIES"
    assert len(paragraphs(story)) == 2
    assert paragraphs(story)[0].endswith(
        "for training and exercises more freely, and to work together on long-range missiles."
    )


def test_a_word_wrapped_at_its_hyphen_does_not_end_the_paragraph() -> None:
    text = (
        "Air defence orders\n\n"
        "European governments ordered record numbers of ground-based air-\n"
        "defence systems last year, according to a research institute in\n"
        "Stockholm that tracks the arms trade, with orders from Germany and\n"
        "Poland making up more than half of the total value of the contracts\n"
        "signed across the whole of the continent over the twelve months.\n"
    )
    story = only_article(text)

    assert len(paragraphs(story)) == 1
    assert "ground-based air-defence systems" in story.body


# ---- explainers, lists and briefs ------------------------------------------------------------


def test_short_questions_naming_nothing_are_the_sections_of_an_explainer() -> None:
    text = (
        "Explainer: What is the Golden Dome missile shield?\n\n"
        "The president has ordered work to begin on a missile shield. Here is what we know.\n\n"
        "What is it?\n\n"
        "A planned system of satellites, sensors and interceptors.\n\n"
        "How much will it cost?\n\n"
        "Estimates range from 175 billion dollars to more than 500 billion.\n"
    )
    story = only_article(text)

    assert [subhead.text for subhead in story.subheads] == ["What is it?", "How much will it cost?"]


def test_questions_that_name_their_subject_are_still_headlines() -> None:
    text = (
        "Is Taiwan ready for a blockade?\n"
        "Taiwan held drills this week simulating a naval blockade of its ports.\n"
        "Who will pay for Ukraine's reconstruction?\n"
        "The World Bank estimates the cost of rebuilding Ukraine at $500 billion.\n"
    )
    assert [article.headline for article in segment_text(text)] == [
        "Is Taiwan ready for a blockade?",
        "Who will pay for Ukraine's reconstruction?",
    ]


def test_list_label_between_a_headline_and_its_points() -> None:
    text = (
        f"{HEADLINE}\n\nIn short:\n- Drivers walked out on Monday.\n"
        f"- Talks resume on Wednesday.\n\n{LEDE}\n"
    )
    story = only_article(text)

    assert story.headline == HEADLINE
    assert paragraphs(story)[0] == "In short:"


def test_a_list_of_short_briefs_is_cut_into_briefs() -> None:
    text = (
        "Belgium buys more F-35s\n"
        "Belgium will order 11 more F-35 fighter jets, the defence minister said on Monday.\n"
        "Croatia reintroduces conscription\n"
        "Croatia's parliament voted to bring back two months of military training.\n"
        "Latvia orders coastal missiles\n"
        "Latvia signed a contract for a coastal defence system.\n"
    )
    assert [article.headline for article in segment_text(text)] == [
        "Belgium buys more F-35s",
        "Croatia reintroduces conscription",
        "Latvia orders coastal missiles",
    ]


def test_short_section_heading_with_a_verb_stays_a_subhead_when_the_paragraph_is_not_about_it() -> (
    None
):
    text = (
        "Serbia buys French fighter jets\n"
        "Serbia signed a deal on Thursday to buy 12 Rafale jets from France.\n"
        "Belgrade weighs options\n"
        "Officials said further purchases were being considered.\n"
    )
    story = only_article(text)

    assert [subhead.text for subhead in story.subheads] == ["Belgrade weighs options"]


def test_sentence_with_are_missing_its_full_stop_does_not_start_a_story() -> None:
    text = (
        "Iraq orders Korean air-defence system\n"
        "Iraq has signed a contract worth about $2.8 billion, the maker said on Friday.\n"
        "Deliveries are due to begin in 2028\n"
        "Iraqi officials said the purchase was part of a wider plan to rebuild air defences.\n"
    )
    story = only_article(text)

    assert len(paragraphs(story)) == 3


# ---- Markdown -------------------------------------------------------------------------------


def test_yaml_front_matter_is_dropped_and_line_numbers_kept() -> None:
    text = (
        "---\ntitle: Notes on Arctic deployments\nauthor: J. Lindqvist\ntags: [arctic]\n---\n\n"
        f"# {HEADLINE}\n\n{LEDE}\n"
    )
    story = only_article(text)

    assert (story.headline, story.body, story.origin_line) == (HEADLINE, LEDE, 7)


def test_separator_lines_in_markdown_are_not_front_matter() -> None:
    text = f"---\n\n# {HEADLINE}\n\n{LEDE}\n\n---\n\n# Ferry services cut\n\n{MORE}\n"

    assert [article.headline for article in segment_text(text)] == [HEADLINE, "Ferry services cut"]


# ---- the chosen modes read these lines the same way -----------------------------------------


@pytest.mark.parametrize("mode", list(Segmentation))
def test_every_mode_drops_the_furniture_and_keeps_the_dialogue(mode: Segmentation) -> None:
    text = (
        f"{HEADLINE}\nAkiko Tanaka | Reuters\nUpdated 14:32 GMT\n{LEDE}\n"
        "Q: Will the strike go on?\nA: Until the offer improves.\nShare\n"
    )
    [story] = segment_text(text, segmentation=mode)

    assert story.byline == "Akiko Tanaka | Reuters"
    assert paragraphs(story) == [LEDE, "Q: Will the strike go on?", "A: Until the offer improves."]


# ---- the evaluation corpus ------------------------------------------------------------------


def _load_eval_segment() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_segment.py"
    spec = importlib.util.spec_from_file_location("eval_segment", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_segment"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_the_evaluation_corpus_is_annotated_consistently_and_still_scores_well() -> None:
    """A floor under benchmarks/eval_segment.py's figures (README: 0.94 of files, 0.98
    boundary precision, 4 leaked lines), so a rule that breaks a messy shape is noticed."""
    evaluation = _load_eval_segment()
    golds = evaluation.load_corpus()
    assert len(golds) >= 40
    assert evaluation.check_annotations(golds) == []
    total = evaluation.Tally()
    for gold in golds:
        total.add(evaluation.score_file(gold))
    figures = total.figures()

    assert figures["count_accuracy"] >= 0.9
    assert figures["boundary_precision"] >= 0.95
    assert figures["boundary_recall"] >= 0.95
    assert figures["title_exact"] >= 0.93
    assert figures["leaks"] <= 6


def test_the_scorer_counts_a_missed_boundary_and_a_leak() -> None:
    evaluation = _load_eval_segment()
    gold = evaluation.Gold(
        "made-up",
        Path("unused"),
        ["test"],
        [
            {"title": HEADLINE, "first": "Train drivers", "last": "union said."},
            {"title": "Ferry services cut", "first": "Ferries stopped", "last": "on Tuesday."},
        ],
        ["Advertisement"],
    )
    text = f"{HEADLINE}\n{LEDE}\nAdvertisement!\nFerries stopped on Tuesday.\n"
    tally = evaluation.score_articles(gold, segment_text(text))

    assert (tally.gold, tally.predicted, tally.matched) == (2, 1, 1)
    assert tally.leaks == 1
    assert tally.count_right == 0


# -- pathological input found by fuzzing (benchmarks/fuzz_readers.py) --------------------------


def test_thousands_of_date_lines_after_a_story_stay_linear() -> None:
    # Each date line used to scan every date line after it (10 s for 20,000 of them); the
    # first line past a run of date lines is now looked up.
    story = "Russia displays disputed cruise missile\n21 January 2019\n\n" + (
        "MOSCOW (Reuters) - Russia's military displayed the 9M729 on Wednesday, it said.\n\n"
    )
    text = story + "19 August 2019\n\n" * 20_000 + "The end of the file is here, it said.\n"
    articles = segment_text(text)
    assert articles[0].title == "Russia displays disputed cruise missile"
    assert "9M729" in articles[0].body


def test_a_line_of_two_million_dots_is_not_a_sentence_storm() -> None:
    from briefing.ingest.sentences import first_sentence_end, sentence_ends

    dots = "." * 2_000_000
    assert first_sentence_end(dots + " Next") == len(dots)
    assert sentence_ends("Wait" + dots + " And then. More") == [4 + len(dots), 14 + len(dots)]
    articles = segment_text("A headline about dots\n\nThe text" + dots + " Then more text.\n")
    assert articles and articles[0].title == "A headline about dots"
