"""Ranges and distances: units, qualifiers, range-or-distance, subjects and treaty bands."""

from __future__ import annotations

import pytest

from briefing.domain import (
    EntityType,
    Mention,
    ParsedArticle,
    RangeKind,
    RangeMention,
    RangeQualifier,
)
from briefing.extract import extract_entities
from briefing.extract import ranges as ranges_module
from briefing.extract.ranges import extract_ranges
from briefing.extract.tokens import sentence_spans

Q = RangeQualifier


def ranges_of(body: str, *, title: str = "", deck: str = "") -> list[RangeMention]:
    """Ranges with the real entity extraction's mentions, checking offsets on the way."""
    article = ParsedArticle(title=title, body=body, deck=deck)
    found = extract_ranges(article, extract_entities(article))
    texts = {"title": title, "deck": deck, "body": body}
    for r in found:
        assert texts[r.field][r.start : r.end] == r.text
        assert (r.sentence_start, r.sentence_end) in sentence_spans(texts[r.field])
    return found


def only(body: str) -> RangeMention:
    found = ranges_of(body)
    assert len(found) == 1, found
    return found[0]


def mention(
    body: str, surface: str, etype: EntityType, canonical: str | None = None, nth: int = 0
) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(surface, start + 1)
    return Mention("body", start, start + len(surface), surface, etype, canonical or surface)


# -- the seed sentences ----------------------------------------------------------------------


def test_topol_m_range_in_its_own_sentence() -> None:
    body = (
        "Russia has begun mass production of the Topol-M strategic missile, officials said. "
        "The Topol-M is known to NATO as the SS-27 and is a three-stage intercontinental "
        "ballistic missile with a range of 10,000km which can be deployed on both stationary "
        "and mobile launch platforms."
    )
    r = only(body)
    assert r.text == "10,000km"
    assert (r.min_km, r.max_km, r.qualifier) == (10000, 10000, Q.EXACT)
    assert r.kind is RangeKind.RANGE
    assert (r.subject, r.subject_type) == ("Topol-M", EntityType.WEAPON)
    assert r.unit == "km"
    assert body[r.sentence_start : r.sentence_end].startswith("The Topol-M is known")


def test_distance_east_of_a_place_is_measured_from_that_place() -> None:
    r = only(
        "He spoke at the missile plant at Votkinsk in Udmurtia, some 1,000km east of Moscow, "
        "quoted by the Interfax news agency."
    )
    assert r.text == "some 1,000km"
    assert r.kind is RangeKind.DISTANCE
    assert (r.qualifier, r.min_km, r.max_km) == (Q.ABOUT, 1000, 1000)
    assert (r.subject, r.subject_type) == ("Moscow", EntityType.PLACE)


def test_inf_treaty_band_and_the_system_said_to_violate_it() -> None:
    body = (
        "All NATO members endorsed the US assessment that Russia's nuclear-capable 9M729 cruise "
        "missile system violates the INF treaty, which bans ground-launched missiles with a "
        "range of between 500 and 5,500km"
    )
    found = ranges_of(body)
    assert len(found) == 2
    band, stated = found
    assert stated.text == "between 500 and 5,500km"
    assert (stated.min_km, stated.max_km, stated.qualifier) == (500, 5500, Q.BETWEEN)
    assert (stated.subject, stated.subject_type, stated.kind) == (
        "INF Treaty",
        EntityType.TREATY,
        RangeKind.RANGE,
    )
    assert stated.via == ""
    assert band.via == "INF Treaty"
    assert (band.subject, band.subject_type) == ("9M729", EntityType.WEAPON)
    assert (band.min_km, band.max_km, band.qualifier, band.kind) == (
        500,
        5500,
        Q.BETWEEN,
        RangeKind.RANGE,
    )
    assert band.text == "INF treaty"  # the treaty mention in that sentence
    assert band.unit == "km"


def test_subject_in_the_previous_sentence() -> None:
    r = only("The 9M729 is a ground-launched cruise missile. It has a range of 2,500km.")
    assert (r.subject, r.kind, r.max_km) == ("9M729", RangeKind.RANGE, 2500)


def test_the_missile_refers_back_to_the_previous_sentence() -> None:
    r = only("Moscow unveiled the 9M729 on Wednesday. The missile can fly up to 2,500km.")
    assert (r.subject, r.qualifier, r.min_km, r.max_km) == ("9M729", Q.UP_TO, None, 2500)


def test_a_sentence_that_does_not_refer_back_takes_no_subject() -> None:
    r = only("The 9M729 was shown on Wednesday. Officials said a range of 2,500km was claimed.")
    assert r.kind is RangeKind.RANGE
    assert r.subject is None


def test_alias_resolves_to_the_canonical_name() -> None:
    r = only("The SS-27 can strike targets more than 3,000 miles away.")
    assert (r.subject, r.subject_type) == ("Topol-M", EntityType.WEAPON)
    assert r.text == "more than 3,000 miles"
    assert r.unit == "miles"
    assert r.qualifier is Q.MORE_THAN
    assert r.min_km == pytest.approx(4828.03)
    assert r.max_km is None
    assert r.kind is RangeKind.RANGE  # "can strike" beats "away"


# -- units -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "km", "unit"),
    [
        ("5,500km", 5500, "km"),
        ("5 500 km", 5500, "km"),
        ("5\u00a0500\u00a0km", 5500, "km"),
        ("10,000-km", 10000, "km"),
        ("2.5km", 2.5, "km"),
        ("300 kilometres", 300, "kilometres"),
        ("300 kilometers", 300, "kilometers"),
        ("1 kilometre", 1, "kilometre"),
        ("300 kms", 300, "kms"),
        ("300 KM", 300, "KM"),
        ("3,000 miles", 4828.03, "miles"),
        ("1 mile", 1.61, "mile"),
        ("200 nautical miles", 370.4, "nautical miles"),
        ("12 nm", 22.22, "nm"),
        ("12nm", 22.22, "nm"),
    ],
)
def test_units_are_normalised_to_km(phrase: str, km: float, unit: str) -> None:
    r = only(f"The convoy was spotted {phrase} from the port.")
    assert r.text == phrase
    assert r.min_km == r.max_km == pytest.approx(km)
    assert r.unit == unit


def test_ten_thousand_kilometre_range_compound() -> None:
    r = only("Russia is building a new 10,000-kilometre range missile, the ministry said.")
    assert (r.text, r.max_km, r.unit, r.kind) == (
        "10,000-kilometre",
        10000,
        "kilometre",
        RangeKind.RANGE,
    )


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Its 10,000-km range makes it hard to stop.", "10,000-km"),
        ("The new launcher boasts a 300 km reach, officials said.", "300 km"),
    ],
)
def test_range_word_right_after_the_quantity(body: str, text: str) -> None:
    r = only(body)
    assert (r.text, r.kind) == (text, RangeKind.RANGE)


def test_parenthesised_conversion_is_one_quantity() -> None:
    body = "The column travelled 1,000 kilometres (620 miles) in three days."
    r = only(body)
    assert r.text == "1,000 kilometres (620 miles)"
    assert (r.min_km, r.max_km, r.unit) == (1000, 1000, "kilometres")
    assert r.kind is RangeKind.DISTANCE


def test_conversion_to_km_gives_the_articles_km_figure() -> None:
    r = only("The Tomahawk can fly up to 1,000 miles (1,600km).")
    assert r.text == "up to 1,000 miles (1,600km)"
    assert (r.qualifier, r.min_km, r.max_km, r.unit) == (Q.UP_TO, None, 1600, "km")
    assert r.subject == "Tomahawk"


def test_converted_span_keeps_both_ends() -> None:
    r = only("The INF treaty banned missiles with ranges of 300-3,400 miles (500-5,500km).")
    assert (r.min_km, r.max_km, r.qualifier, r.unit) == (500, 5500, Q.BETWEEN, "km")
    assert r.subject == "INF Treaty"


@pytest.mark.parametrize(
    "body",
    [
        "The howitzer fires a 155mm shell.",
        "The jet climbed to an altitude of 30km before the engine failed.",
        "The drone flew at 10,000 metres.",
        "The Avangard glides at Mach 20.",
        "The convoy moved at 60 km/h through the town.",
        "Its top speed is 300 kilometres per hour.",
        "Gliders reach 7 km a second.",
        "Fire swept across 40 square kilometres of forest.",
        "The exclusion zone covers 50 km2 and 60 km² of land.",
        "Prices rose 5% and the deal was worth $5m.",
        "The front moved several hundred kilometres in a month.",
        "The engine delivers 400 Nm of torque.",
        "Casualties rose to 5 killed and 12 missing in 2019.",
        "The satellite orbits 500km above the Earth.",
    ],
)
def test_not_ranges(body: str) -> None:
    assert ranges_of(body) == []


# -- qualifiers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "qualifier", "low", "high"),
    [
        ("", Q.EXACT, 500, 500),
        ("up to", Q.UP_TO, None, 500),
        ("more than", Q.MORE_THAN, 500, None),
        ("over", Q.MORE_THAN, 500, None),
        ("in excess of", Q.MORE_THAN, 500, None),
        ("beyond", Q.MORE_THAN, 500, None),
        ("at least", Q.AT_LEAST, 500, None),
        ("less than", Q.LESS_THAN, None, 500),
        ("under", Q.LESS_THAN, None, 500),
        ("below", Q.LESS_THAN, None, 500),
        ("within", Q.LESS_THAN, None, 500),
        ("about", Q.ABOUT, 500, 500),
        ("around", Q.ABOUT, 500, 500),
        ("some", Q.ABOUT, 500, 500),
        ("roughly", Q.ABOUT, 500, 500),
        ("approximately", Q.ABOUT, 500, 500),
        ("nearly", Q.ABOUT, 500, 500),
        ("almost", Q.ABOUT, 500, 500),
        ("above", Q.MORE_THAN, 500, None),
        ("estimated at", Q.ABOUT, 500, 500),
        ("Up To", Q.UP_TO, None, 500),
        ("up to about", Q.UP_TO, None, 500),
    ],
)
def test_qualifiers(words: str, qualifier: RangeQualifier, low: float, high: float) -> None:
    phrase = f"{words} 500km".strip()
    r = only(f"The Iskander-M has a range of {phrase}, the ministry said.")
    assert r.text == phrase
    assert (r.qualifier, r.min_km, r.max_km) == (qualifier, low, high)
    assert (r.subject, r.kind) == ("Iskander-M", RangeKind.RANGE)


@pytest.mark.parametrize(
    ("phrase", "text", "qualifier", "low", "high"),
    [
        ("500km or more", "500km or more", Q.AT_LEAST, 500, None),
        ("5,500km and above", "5,500km and above", Q.AT_LEAST, 5500, None),
        ("500km or less", "500km or less", Q.UP_TO, None, 500),
        ("500km or so", "500km or so", Q.ABOUT, 500, 500),
        ("up to 500km or more", "up to 500km", Q.UP_TO, None, 500),  # the word in front counts
    ],
)
def test_qualifiers_after_the_quantity(
    phrase: str, text: str, qualifier: RangeQualifier, low: float, high: float
) -> None:
    r = only(f"The treaty covers missiles with a range of {phrase}.")
    assert (r.text, r.qualifier, r.min_km, r.max_km) == (text, qualifier, low, high)


@pytest.mark.parametrize(
    "phrase",
    [
        "between 500 and 5,500km",
        "between 500km and 5,500km",
        "500-5,500km",
        "500 – 5,500 km",
        "500 to 5,500 kilometres",
        "from 500 to 5,500 km",
    ],
)
def test_spans(phrase: str) -> None:
    r = only(f"The treaty covers missiles with ranges of {phrase}, diplomats said.")
    assert r.text == phrase
    assert (r.qualifier, r.min_km, r.max_km, r.kind) == (Q.BETWEEN, 500, 5500, RangeKind.RANGE)


def test_qualifier_inside_brackets() -> None:
    r = only("The Iskander-M's range (about 500km) worries NATO.")
    assert (r.text, r.qualifier, r.subject) == ("about 500km", Q.ABOUT, "Iskander-M")


def test_two_numbers_joined_by_and_without_between_are_two_quantities() -> None:
    found = ranges_of("Troops were seen 300km and 500km from the border.")
    assert [(r.text, r.qualifier) for r in found] == [("300km", Q.EXACT), ("500km", Q.EXACT)]


def test_span_in_miles_converts_both_ends() -> None:
    r = only("The missiles can reach between 300 and 500 miles.")
    assert r.min_km == pytest.approx(482.8, abs=0.01)
    assert r.max_km == pytest.approx(804.67, abs=0.01)


# -- range or distance -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The Iskander-M has a range of 500km.",
        "The Kalibr can reach 2,500km.",
        "The Kalibr can hit targets up to 2,500km away.",
        "The Kalibr is a 2,500km-range cruise missile.",
        "The Kalibr, with a reach of 2,500km, is fired from ships.",
        "ATACMS has a strike distance of 300km.",
        "The Patriot has an engagement range of 160 km.",
        "The S-400 can intercept aircraft at up to 400km.",
        "The treaty bans ground-launched missiles with a range of 500km.",
        "Russia tests a 2,500km missile.",
        "The Yars outclasses the Topol's 10,500km.",
        "The S-400 intercepts aircraft at up to 400km.",
        "The treaty banned all ground-launched missiles above 500km.",
        "The range of the new Sarmat is 18,000km.",
    ],
)
def test_range_cues(body: str) -> None:
    assert only(body).kind is RangeKind.RANGE


@pytest.mark.parametrize(
    "body",
    [
        "The Tu-95 bombers flew 4,200 miles on the sortie.",
        "Troops massed 50km from the border.",
        "The village lies 30km away.",
        "Kharkiv is 40km south of the frontier.",
        "The bridge is 19km long.",
        "Ukraine holds a 50km front near the river.",
        "They drove 500 miles overnight.",
        "The battalion marched 30km in a day.",
        "The column travelled 200km before it stopped.",
        "A firing range 50km from Moscow was closed.",
    ],
)
def test_distance_cues(body: str) -> None:
    r = only(body)
    assert r.kind is RangeKind.DISTANCE
    assert r.subject_type in (None, EntityType.PLACE)


def test_flight_of_a_weapon_is_a_distance_without_a_subject() -> None:
    r = only("The Kinzhal flew 4,200 miles before it was tracked.")
    assert r.kind is RangeKind.DISTANCE
    assert r.subject is None


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("The launch site lies some 510km north of The Hague, officials said.", "The Hague"),
        ("Shelling hit a depot 30km north of the capital, Kyiv.", "Kyiv"),
        ("A landing ship sank 20 miles off the coast of Crimea.", "Crimea"),
        ("The launch site lies 1,380 kilometres south-west of Moscow.", "Moscow"),
    ],
)
def test_place_subject_wordings(body: str, place: str) -> None:
    r = only(body)
    assert (r.kind, r.subject, r.subject_type) == (RangeKind.DISTANCE, place, EntityType.PLACE)


def test_place_subjects() -> None:
    found = ranges_of(
        "Russia deployed troops 50km north of Kharkiv. "
        "Ukraine says the Neptune missile hit a ship 300km from Odesa. "
        "Exercises were held 100km from the Ukrainian border."
    )
    assert [(r.subject, r.subject_type) for r in found] == [
        ("Kharkiv", EntityType.PLACE),
        ("Odesa", EntityType.PLACE),
        (None, None),
    ]


# -- subjects --------------------------------------------------------------------------------


def test_nearest_weapon_before_wins() -> None:
    found = ranges_of(
        "The Iskander-M has a range of 500km while the Kalibr can reach 2,500km, officials said."
    )
    assert [(r.subject, r.max_km) for r in found] == [("Iskander-M", 500), ("Kalibr", 2500)]


def test_treaty_object_does_not_take_the_missiles_range() -> None:
    found = ranges_of(
        "The 9M729, which Washington says violates the INF treaty, has a range of 2,500km."
    )
    stated = [r for r in found if not r.via]
    assert [(r.subject, r.max_km) for r in stated] == [("9M729", 2500)]
    assert [(r.subject, r.via) for r in found if r.via] == [("9M729", "INF Treaty")]


def test_relative_clause_binds_to_the_treaty_with_hand_made_mentions() -> None:
    body = "The Zircon violates the accord, which bans missiles with a range of 500 to 5,500km."
    mentions = [
        mention(body, "Zircon", EntityType.WEAPON),
        mention(body, "accord", EntityType.TREATY, "INF Treaty"),
    ]
    found = extract_ranges(ParsedArticle(title="", body=body), mentions)
    stated = [r for r in found if not r.via]
    assert [(r.subject, r.subject_type) for r in stated] == [("INF Treaty", EntityType.TREATY)]
    # The hand-made mentions carry no sentence offsets: the band still finds its sentence.
    assert [(r.subject, r.via, r.text) for r in found if r.via] == [
        ("Zircon", "INF Treaty", "accord")
    ]


def test_subject_named_after_the_quantity() -> None:
    body = "With a range of 10,000km, the Topol-M is among the longest-range missiles."
    r = only(body)
    assert (r.subject, r.kind) == ("Topol-M", RangeKind.RANGE)


def test_weapon_named_right_after_the_quantity_wins_over_one_before() -> None:
    body = "Unlike the Iskander-M, the 2,500km Kalibr is launched from ships."
    mentions = [
        mention(body, "Iskander-M", EntityType.WEAPON),
        mention(body, "Kalibr", EntityType.WEAPON),
    ]
    (r,) = extract_ranges(ParsedArticle(title="", body=body), mentions)
    assert (r.subject, r.kind) == ("Kalibr", RangeKind.RANGE)


def test_place_subject_from_hand_made_mentions() -> None:
    body = "The base sits 300 miles west of Zorya."
    (r,) = extract_ranges(
        ParsedArticle(title="", body=body), [mention(body, "Zorya", EntityType.PLACE)]
    )
    assert (r.subject, r.subject_type, r.kind) == ("Zorya", EntityType.PLACE, RangeKind.DISTANCE)
    assert r.max_km == pytest.approx(482.8, abs=0.01)


def test_mentions_of_other_fields_are_ignored() -> None:
    body = "It has a range of 2,500km."
    title_mention = Mention("title", 4, 9, "9M729", EntityType.WEAPON, "9M729")
    (r,) = extract_ranges(ParsedArticle(title="The 9M729 test", body=body), [title_mention])
    assert r.subject is None


# -- treaty bands ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    [
        "violates",
        "breaches",
        "is in breach of",
        "is banned by",
        "is prohibited under",
        "falls under",
    ],
)
def test_violation_wordings(verb: str) -> None:
    found = ranges_of(f"Washington says the 9M729 {verb} the INF treaty.")
    assert [(r.subject, r.via, r.min_km, r.max_km) for r in found] == [
        ("9M729", "INF Treaty", 500, 5500)
    ]


def test_denied_violation_gives_no_band() -> None:
    assert ranges_of("Moscow insists the 9M729 does not violate the INF treaty.") == []


def test_treaty_without_band_gives_nothing() -> None:
    assert ranges_of("US officials say the Iskander deployment breaches the CFE Treaty.") == []


def test_open_band_has_no_upper_bound() -> None:
    (r,) = ranges_of("Critics say the Sarmat falls under New START.")
    assert (r.subject, r.via, r.min_km, r.max_km) == ("Sarmat", "New START", 5500, None)
    assert r.qualifier is Q.MORE_THAN


def test_treaty_named_without_a_system_gives_no_band() -> None:
    assert ranges_of("NATO says Russia violates the INF treaty.") == []


# -- fields, order, speed --------------------------------------------------------------------


def test_title_deck_and_body_offsets_are_per_field() -> None:
    found = ranges_of(
        "Officials said the drills began.\n\nTroops moved 30km from Kharkiv overnight.",
        title="Russia tests 10,000km missile",
        deck="Launch site some 500 miles north of Moscow",
    )
    assert [(r.field, r.text, r.kind) for r in found] == [
        ("title", "10,000km", RangeKind.RANGE),
        ("deck", "some 500 miles", RangeKind.DISTANCE),
        ("body", "30km", RangeKind.DISTANCE),
    ]
    assert found[1].subject == "Moscow"
    assert found[2].subject == "Kharkiv"


def test_text_without_unit_words_never_splits_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> list[tuple[int, int]]:
        raise AssertionError("sentence_spans called")

    monkeypatch.setattr(ranges_module, "sentence_spans", fail)
    body = (
        "NATO's 29 members met in Brussels on 25 January. Talks with Moscow on the INF "
        "treaty led nowhere, and 5 killed were reported near the 2 military sites, a "
        "government spokesman said, citing 3 ministers."
    )
    assert ranges_of(body) == []
