"""Extraction rules on hand-made text with a small test gazetteer (independent of data/)."""

from __future__ import annotations

import itertools

import pytest

from briefing.domain import EntityType, Mention, ParsedArticle
from briefing.extract.extractor import Extractor
from briefing.extract.gazetteer import Gazetteer

P, ORG, L, W, T = (
    EntityType.PERSON,
    EntityType.ORG,
    EntityType.PLACE,
    EntityType.WEAPON,
    EntityType.TREATY,
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    g = Gazetteer()
    g.add_name(W, "Topol-M", ["SS-27", "RT-2PM2", "Topol M"])
    g.add_name(W, "Patriot", case_sensitive=["Patriot"])
    g.add_name(L, "United States", ["US", "U.S.", "America"], case_sensitive=["US"])
    g.add_name(L, "Russia")
    g.add_name(L, "Ukraine")
    g.add_name(L, "Moscow")
    g.add_name(ORG, "NATO")
    g.add_name(P, "Vladimir Putin", ["Putin"])
    g.add_name(T, "INF Treaty", ["INF", "Intermediate Nuclear Forces"])
    g.demonyms.update({"Russian", "American", "Soviet"})
    return Extractor(g)


def found(extractor: Extractor, body: str, **fields: str) -> list[tuple[str, EntityType, str]]:
    article = ParsedArticle(title=fields.get("title", ""), deck=fields.get("deck", ""), body=body)
    return [(m.text, m.type, m.canonical) for m in extractor.extract(article)]


def test_titled_names_keep_only_the_name(extractor: Extractor) -> None:
    got = found(
        extractor,
        "Foreign Minister Sergey Lavrov warned the council. US Secretary of Defense Pete "
        "Hegseth wrote on social media. First Deputy Prime Minister Sergei Ivanov said so.",
    )
    assert ("Sergey Lavrov", P, "Sergey Lavrov") in got
    assert ("Pete Hegseth", P, "Pete Hegseth") in got
    assert ("Sergei Ivanov", P, "Sergei Ivanov") in got
    assert ("US", L, "United States") in got
    assert not any("Minister" in text or "Secretary" in text for text, _, _ in got)


def test_office_after_of_is_not_part_of_the_name(extractor: Extractor) -> None:
    got = found(
        extractor,
        "Thai Minister of Foreign Affairs Sihasak Phuangketkeow said after the meeting.",
    )
    assert ("Sihasak Phuangketkeow", P, "Sihasak Phuangketkeow") in got


def test_role_nouns_and_attribution(extractor: Extractor) -> None:
    got = found(
        extractor,
        "Indian Railways spokesman Kapinjal Kishore Sharma told reporters. Five coaches "
        "derailed, Sharma said. The region is calm, said Amara Okonkwo, a local official.",
    )
    assert ("Kapinjal Kishore Sharma", P, "Kapinjal Kishore Sharma") in got
    assert ("Sharma", P, "Kapinjal Kishore Sharma") in got
    assert ("Amara Okonkwo", P, "Amara Okonkwo") in got
    assert ("Indian Railways", ORG, "Indian Railways") in got


def test_one_person_many_names_within_an_article(extractor: Extractor) -> None:
    got = found(
        extractor,
        "NATO Secretary General Jaap de Hoop Scheffer spoke. Later de Hoop Scheffer added "
        "more. Scheffer cited cooperation. President Vladimir Putin met him; Putin smiled.",
    )
    canon = {text: canonical for text, etype, canonical in got if etype is P}
    assert canon["Jaap de Hoop Scheffer"] == "Jaap de Hoop Scheffer"
    assert canon["de Hoop Scheffer"] == "Jaap de Hoop Scheffer"
    assert canon["Scheffer"] == "Jaap de Hoop Scheffer"
    assert canon["Putin"] == "Vladimir Putin"


def test_two_people_with_one_surname_are_not_merged(extractor: Extractor) -> None:
    got = found(
        extractor,
        "Minister Andrea Thompson met Ambassador Robert Thompson. Thompson said nothing.",
    )
    assert ("Thompson", P, "Thompson") in got


def test_aliases_and_definitions(extractor: Extractor) -> None:
    got = found(
        extractor,
        "The Topol-M is known to NATO as the SS-27. Putin threatened to leave the 1990 "
        "Conventional Forces in Europe (CFE) Treaty. NATO deplores putting the CFE in danger. "
        "The Intermediate Nuclear Forces (INF) treaty bans such missiles.",
    )
    assert ("SS-27", W, "Topol-M") in got
    assert ("Topol-M", W, "Topol-M") in got
    treaty = [(text, canonical) for text, etype, canonical in got if etype is T]
    cfe = {canonical for text, canonical in treaty if text == "CFE"}
    assert len(cfe) == 1
    # "The Intermediate Nuclear Forces (INF) treaty" is one mention of one treaty.
    assert ("Intermediate Nuclear Forces (INF) treaty", "INF Treaty") in treaty
    assert ("Conventional Forces in Europe (CFE) Treaty", "CFE Treaty") in treaty


def test_not_entities(extractor: Extractor) -> None:
    got = found(
        extractor,
        "Russian warnings grew. A Soviet-era treaty was a bone of contention. The President "
        "spoke on Tuesday in March. US-led forces moved. Meanwhile, American officials left.",
    )
    texts = {text for text, _, _ in got}
    assert not texts & {
        "Russian",
        "Soviet-era",
        "Soviet",
        "President",
        "Tuesday",
        "March",
        "Meanwhile",
        "American",
        "US-led",
        "A",
    }


def test_case_sensitive_alias_and_compounds(extractor: Extractor) -> None:
    got = found(
        extractor,
        "A true patriot cheered as the Patriot battery fired. Russia-Ukraine talks resumed.",
    )
    assert ("Patriot", W, "Patriot") in got
    assert ("patriot", W, "Patriot") not in got
    assert ("Russia", L, "Russia") in got and ("Ukraine", L, "Ukraine") in got


def test_patterns_for_unknown_names(extractor: Extractor) -> None:
    got = found(
        extractor,
        "The two countries agreed to use their General Border Committee. Ships patrolled the "
        "Mediterranean Sea. Washington says the 9M729 cruise missile violates the accord. "
        "Both sides cited the Open Skies Treaty.",
    )
    assert ("General Border Committee", ORG, "General Border Committee") in got
    assert ("Mediterranean Sea", L, "Mediterranean Sea") in got
    assert ("9M729", W, "9M729") in got
    assert ("Open Skies Treaty", T, "Open Skies Treaty") in got


def test_offsets_sentences_and_fields(extractor: Extractor) -> None:
    body = "Talks began.\n\nPresident Vladimir Putin said Moscow was ready. Nothing else."
    article = ParsedArticle(title="Putin ready for talks", deck="Moscow speaks", body=body)
    mentions: list[Mention] = extractor.extract(article)
    for m in mentions:
        text = {"title": article.title, "deck": article.deck, "body": article.body}[m.field]
        assert text[m.start : m.end] == m.text
    moscow = next(m for m in mentions if m.field == "body" and m.text == "Moscow")
    assert body[moscow.sentence_start : moscow.sentence_end] == (
        "President Vladimir Putin said Moscow was ready."
    )
    assert {m.field for m in mentions} == {"title", "deck", "body"}


def test_regressions_seen_on_the_sample_set(extractor: Extractor) -> None:
    got = found(
        extractor,
        "The head of the Vienna-based organisation spoke. Missiles are on duty, the commander "
        "of the Strategic Missile Forces said on Wednesday.",
    )
    assert not [text for text, etype, _ in got if etype is P]
    assert ("Strategic Missile Forces", ORG, "Strategic Missile Forces") in got


def test_weapon_names_built_on_their_shape(extractor: Extractor) -> None:
    got = found(
        extractor,
        "Ukraine said Magura V5 drones hit the ship. Turkey will keep its Hisar-O air defence "
        "batteries. Norway sells the Joint Strike Missile abroad. The US Navy and Marine "
        "Corps ordered more.",
    )
    assert ("Magura V5", W, "Magura V5") in got
    assert ("Hisar-O", W, "Hisar-O") in got
    assert ("Joint Strike Missile", W, "Joint Strike Missile") in got
    assert ("Marine Corps", ORG, "Marine Corps") in got
    assert not any(text.startswith("US Navy and") for text, _, _ in got)


def test_a_megabyte_body_of_mentions_is_extracted_whole() -> None:
    # Found by fuzzing: choosing among 100k candidates compared each with every chosen span
    # (minutes for one article). Every mention is still found, none overlapping.
    from briefing.extract import make_extractor

    body = "NATO and Russia met in Brussels. " * 20_000
    article = ParsedArticle(title="NATO talks", body=body)
    mentions = [m for m in make_extractor(()).extract(article) if m.field == "body"]
    assert sum(1 for m in mentions if m.canonical == "NATO") == 20_000
    assert sum(1 for m in mentions if m.canonical == "Brussels") == 20_000
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    # Each mention keeps its own sentence.
    first = mentions[0]
    assert (first.sentence_start, first.sentence_end) == (0, 32)


def test_thousands_of_acronym_definitions_are_each_read() -> None:
    # Found by fuzzing: each "(ACR)" used to scan every candidate and token of the body.
    from briefing.extract import make_extractor

    body = "The ministry said " + "the Intermediate-Range Nuclear Forces (INF) treaty and " * 4_000
    article = ParsedArticle(title="Treaty glossary", body=body + "so on.")
    mentions = [m for m in make_extractor(()).extract(article) if m.field == "body"]
    treaties = [m for m in mentions if m.type is EntityType.TREATY]
    assert len(treaties) == 4_000
    assert {m.text for m in treaties} == {"Intermediate-Range Nuclear Forces (INF) treaty"}
