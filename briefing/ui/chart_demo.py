"""A small hand-made corpus with dates and ranges, for the snapshot tool's chart pictures.

Until date and range extraction runs at import, the sample set has no date mentions or range
facts to chart; these thirty short stories (written for this, not real reporting) carry
hand-made ones, resolved the way the extractors resolve them. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefing.domain import (
    DateMention,
    DatePrecision,
    DateSource,
    EntityType,
    Mention,
    ParsedArticle,
    RangeKind,
    RangeMention,
    RangeQualifier,
)

P, ORG, L, W, T = (
    EntityType.PERSON,
    EntityType.ORG,
    EntityType.PLACE,
    EntityType.WEAPON,
    EntityType.TREATY,
)
D = dt.date

# The gazetteer's reference ranges for the systems below (data/gazetteers/weapons.json).
ATTRIBUTES: dict[tuple[str, str], dict[str, Any]] = {
    ("WEAPON", "Topol-M"): {"origin": "Russia", "class": "ICBM", "range_km": 11000,
                            "source": 'CSIS Missile Threat, "Topol-M (SS-27 Mod 1)"'},
    ("WEAPON", "9M729"): {"origin": "Russia", "class": "GLCM", "range_km": 2500,
                          "source": 'CSIS Missile Threat, "SSC-8 (9M729)"'},
    ("WEAPON", "Iskander-M"): {"origin": "Russia", "class": "SRBM", "range_km": 500,
                               "range_min_km": 50, "source": 'CSIS Missile Threat, "SS-26"'},
    ("WEAPON", "Tomahawk"): {"origin": "United States", "class": "SLCM", "range_km": 1600,
                             "source": 'CSIS Missile Threat, "Tomahawk"'},
    ("WEAPON", "DF-21"): {"origin": "China", "class": "MRBM", "range_km": 1750,
                          "source": 'CSIS Missile Threat, "DF-21"'},
    ("WEAPON", "Hwasong-15"): {"origin": "North Korea", "class": "ICBM", "range_km": 13000,
                               "source": 'CSIS Missile Threat, "Hwasong-15"'},
    ("WEAPON", "Khorramshahr"): {"origin": "Iran", "class": "MRBM", "range_km": 2000,
                                 "source": 'CSIS Missile Threat, "Khorramshahr"'},
    ("WEAPON", "Agni-V"): {"origin": "India", "class": "IRBM", "range_km": 5000,
                           "source": 'CSIS Missile Threat, "Agni-V"'},
    ("TREATY", "INF Treaty"): {"band_km": [500, 5500],
                               "band_label": "INF: ground-launched missiles 500–5,500 km"},
    ("TREATY", "New START"): {"band_km": [5500, None],
                              "band_label": "New START: ICBM = range over 5,500 km"},
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    body: str
    published: dt.date | None
    names: tuple[tuple[str, EntityType, str], ...]
    dates: tuple[tuple[str, DatePrecision, dt.date, dt.date], ...] = ()
    # (text, min km, max km, qualifier, subject, subject type, via)
    ranges: tuple[
        tuple[str, float | None, float | None, RangeQualifier, str, EntityType, str], ...
    ] = ()


_DAY, _MONTH, _YEAR, _INTERVAL = (
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.INTERVAL,
)
_EXACT, _UP_TO, _MORE, _BETWEEN, _ABOUT = (
    RangeQualifier.EXACT,
    RangeQualifier.UP_TO,
    RangeQualifier.MORE_THAN,
    RangeQualifier.BETWEEN,
    RangeQualifier.ABOUT,
)

STORIES: tuple[Story, ...] = (
    Story(
        "Washington accuses Moscow over 9M729",
        (
            "The United States said on 8 December 2018 that Russia's 9M729 cruise "
            "missile can fly 2,500 km, in breach of the INF Treaty."
        ),
        D(2018, 12, 9),
        (
            ("United States", L, "United States"),
            ("Russia", L, "Russia"),
            ("9M729", W, "9M729"),
            ("INF Treaty", T, "INF Treaty"),
        ),
        (("8 December 2018", _DAY, D(2018, 12, 8), D(2018, 12, 8)),),
        (("2,500 km", 2500, 2500, _EXACT, "9M729", W, ""),),
    ),
    Story(
        "Pompeo gives Russia 60 days",
        (
            "Secretary of State Mike Pompeo said on 4 December 2018 that Washington"
            " would suspend the INF Treaty in 60 days."
        ),
        D(2018, 12, 4),
        (
            ("Mike Pompeo", P, "Mike Pompeo"),
            ("INF Treaty", T, "INF Treaty"),
            ("Washington", L, "Washington"),
        ),
        (("4 December 2018", _DAY, D(2018, 12, 4), D(2018, 12, 4)),),
    ),
    Story(
        "Moscow shows the 9M729 to attachés",
        (
            "Russia displayed the 9M729 launcher on 23 January 2019 and said its "
            "range is 480 km, below the INF Treaty limit of 500 km."
        ),
        D(2019, 1, 23),
        (
            ("Russia", L, "Russia"),
            ("9M729", W, "9M729"),
            ("INF Treaty", T, "INF Treaty"),
        ),
        (("23 January 2019", _DAY, D(2019, 1, 23), D(2019, 1, 23)),),
        (
            ("480 km", 480, 480, _EXACT, "9M729", W, ""),
            ("500 km", 500, 500, _EXACT, "INF Treaty", T, ""),
        ),
    ),
    Story(
        "United States suspends INF obligations",
        (
            "The United States suspended its obligations under the INF Treaty on 2 "
            "February 2019. The treaty bans ground-launched missiles with ranges "
            "between 500 and 5,500 km."
        ),
        D(2019, 2, 2),
        (
            ("United States", L, "United States"),
            ("INF Treaty", T, "INF Treaty"),
        ),
        (("2 February 2019", _DAY, D(2019, 2, 2), D(2019, 2, 2)),),
        (("between 500 and 5,500 km", 500, 5500, _BETWEEN, "INF Treaty", T, ""),),
    ),
    Story(
        "Putin mirrors the suspension",
        ("Vladimir Putin said on 2 February 2019 that Russia would also suspend the INF Treaty."),
        D(2019, 2, 3),
        (
            ("Vladimir Putin", P, "Vladimir Putin"),
            ("Russia", L, "Russia"),
            ("INF Treaty", T, "INF Treaty"),
        ),
        (("2 February 2019", _DAY, D(2019, 2, 2), D(2019, 2, 2)),),
    ),
    Story(
        "NATO ministers meet on missiles",
        (
            "NATO defence ministers met in Brussels on 13 February 2019 to discuss "
            "the 9M729, which the alliance says flies up to 2,500 km."
        ),
        D(2019, 2, 13),
        (
            ("NATO", ORG, "NATO"),
            ("Brussels", L, "Brussels"),
            ("9M729", W, "9M729"),
        ),
        (("13 February 2019", _DAY, D(2019, 2, 13), D(2019, 2, 13)),),
        (("up to 2,500 km", None, 2500, _UP_TO, "9M729", W, ""),),
    ),
    Story(
        "Treaty ends",
        ("The INF Treaty ended on 2 August 2019, six months after the United States gave notice."),
        D(2019, 8, 2),
        (
            ("INF Treaty", T, "INF Treaty"),
            ("United States", L, "United States"),
        ),
        (("2 August 2019", _DAY, D(2019, 8, 2), D(2019, 8, 2)),),
    ),
    Story(
        "US tests a ground-launched Tomahawk",
        (
            "The United States tested a ground-launched Tomahawk on 18 August 2019;"
            " the missile flew more than 500 km."
        ),
        D(2019, 8, 19),
        (
            ("United States", L, "United States"),
            ("Tomahawk", W, "Tomahawk"),
        ),
        (("18 August 2019", _DAY, D(2019, 8, 18), D(2019, 8, 18)),),
        (("more than 500 km", 500, None, _MORE, "Tomahawk", W, ""),),
    ),
    Story(
        "Tomahawk range debated",
        "Analysts put the Tomahawk's range at 1,600 km in its current form.",
        D(2019, 8, 22),
        (("Tomahawk", W, "Tomahawk"),),
        (),
        (("1,600 km", 1600, 1600, _EXACT, "Tomahawk", W, ""),),
    ),
    Story(
        "Topol-M in Victory Day parade",
        (
            "Topol-M launchers rolled across Red Square on 9 May 2018. The missile "
            "has a range of 11,000 km."
        ),
        D(2018, 5, 9),
        (
            ("Topol-M", W, "Topol-M"),
            ("Red Square", L, "Red Square"),
        ),
        (("9 May 2018", _DAY, D(2018, 5, 9), D(2018, 5, 9)),),
        (("11,000 km", 11000, 11000, _EXACT, "Topol-M", W, ""),),
    ),
    Story(
        "Topol-M test from Plesetsk",
        (
            "Russia launched a Topol-M from Plesetsk on 26 December 2018, its "
            "ministry said, hitting a target 10,000 km away."
        ),
        D(2018, 12, 27),
        (
            ("Russia", L, "Russia"),
            ("Topol-M", W, "Topol-M"),
            ("Plesetsk", L, "Plesetsk"),
        ),
        (("26 December 2018", _DAY, D(2018, 12, 26), D(2018, 12, 26)),),
        (("10,000 km", 10000, 10000, _EXACT, "Topol-M", W, ""),),
    ),
    Story(
        "Russian forces plan for 2019",
        ("Russia plans more Topol-M exercises in 2019, with a range of 10,000 km quoted."),
        D(2018, 12, 30),
        (
            ("Russia", L, "Russia"),
            ("Topol-M", W, "Topol-M"),
        ),
        (("in 2019", _YEAR, D(2019, 1, 1), D(2019, 12, 31)),),
        (("10,000 km", 10000, 10000, _EXACT, "Topol-M", W, ""),),
    ),
    Story(
        "Iskander brigades in Kaliningrad",
        (
            "Russia moved Iskander-M brigades to Kaliningrad in February 2018, with"
            " a range of up to 500 km."
        ),
        D(2018, 2, 6),
        (
            ("Russia", L, "Russia"),
            ("Iskander-M", W, "Iskander-M"),
            ("Kaliningrad", L, "Kaliningrad"),
        ),
        (("February 2018", _MONTH, D(2018, 2, 1), D(2018, 2, 28)),),
        (("up to 500 km", None, 500, _UP_TO, "Iskander-M", W, ""),),
    ),
    Story(
        "Baltic states worry over Iskander",
        ("Lithuania said the Iskander-M could reach 700 km, further than Moscow admits."),
        D(2018, 2, 14),
        (
            ("Lithuania", L, "Lithuania"),
            ("Iskander-M", W, "Iskander-M"),
            ("Moscow", L, "Moscow"),
        ),
        (),
        (("700 km", 700, 700, _EXACT, "Iskander-M", W, ""),),
    ),
    Story(
        "Iskander drills in Belarus",
        ("Russian and Belarusian troops fired Iskander-M missiles in September 2018."),
        D(2018, 9, 20),
        (
            ("Iskander-M", W, "Iskander-M"),
            ("Belarus", L, "Belarus"),
        ),
        (("September 2018", _MONTH, D(2018, 9, 1), D(2018, 9, 30)),),
    ),
    Story(
        "China parades DF-21",
        ("China showed the DF-21 on 3 September 2015; its range is about 1,750 km."),
        D(2015, 9, 3),
        (
            ("China", L, "China"),
            ("DF-21", W, "DF-21"),
        ),
        (("3 September 2015", _DAY, D(2015, 9, 3), D(2015, 9, 3)),),
        (("about 1,750 km", 1750, 1750, _ABOUT, "DF-21", W, ""),),
    ),
    Story(
        "DF-21 carrier killer claims",
        "State media said on 12 March 2019 that the DF-21 reaches 2,150 km.",
        D(2019, 3, 12),
        (("DF-21", W, "DF-21"),),
        (("12 March 2019", _DAY, D(2019, 3, 12), D(2019, 3, 12)),),
        (("2,150 km", 2150, 2150, _EXACT, "DF-21", W, ""),),
    ),
    Story(
        "North Korea fires Hwasong-15",
        ("North Korea launched a Hwasong-15 on 29 November 2017, able to fly 13,000 km."),
        D(2017, 11, 29),
        (
            ("North Korea", L, "North Korea"),
            ("Hwasong-15", W, "Hwasong-15"),
        ),
        (("29 November 2017", _DAY, D(2017, 11, 29), D(2017, 11, 29)),),
        (("13,000 km", 13000, 13000, _EXACT, "Hwasong-15", W, ""),),
    ),
    Story(
        "Analysts revise Hwasong-15 estimate",
        ("Analysts said in December 2017 the Hwasong-15 could reach between 8,500 and 13,000 km."),
        D(2017, 12, 8),
        (("Hwasong-15", W, "Hwasong-15"),),
        (("December 2017", _MONTH, D(2017, 12, 1), D(2017, 12, 31)),),
        (("between 8,500 and 13,000 km", 8500, 13000, _BETWEEN, "Hwasong-15", W, ""),),
    ),
    Story(
        "Iran unveils Khorramshahr",
        ("Iran showed the Khorramshahr on 22 September 2017 with a stated range of 2,000 km."),
        D(2017, 9, 22),
        (
            ("Iran", L, "Iran"),
            ("Khorramshahr", W, "Khorramshahr"),
        ),
        (("22 September 2017", _DAY, D(2017, 9, 22), D(2017, 9, 22)),),
        (("2,000 km", 2000, 2000, _EXACT, "Khorramshahr", W, ""),),
    ),
    Story(
        "India tests Agni-V",
        ("India tested the Agni-V on 18 January 2018; officials said it flies more than 5,000 km."),
        D(2018, 1, 18),
        (
            ("India", L, "India"),
            ("Agni-V", W, "Agni-V"),
        ),
        (("18 January 2018", _DAY, D(2018, 1, 18), D(2018, 1, 18)),),
        (("more than 5,000 km", 5000, None, _MORE, "Agni-V", W, ""),),
    ),
    Story(
        "Agni-V range questioned",
        "Chinese experts claimed the Agni-V can reach 8,000 km.",
        D(2018, 1, 20),
        (("Agni-V", W, "Agni-V"),),
        (),
        (("8,000 km", 8000, 8000, _EXACT, "Agni-V", W, ""),),
    ),
    Story(
        "New START talks stall",
        (
            "Talks on extending New START stalled in 2019; the treaty counts "
            "missiles with a range of more than 5,500 km."
        ),
        D(2019, 11, 5),
        (
            ("New START", T, "New START"),
            ("United States", L, "United States"),
            ("Russia", L, "Russia"),
        ),
        (("in 2019", _YEAR, D(2019, 1, 1), D(2019, 12, 31)),),
        (("more than 5,500 km", 5500, None, _MORE, "New START", T, ""),),
    ),
    Story(
        "NATO summit in London",
        ("NATO leaders met in London on 3 December 2019 and discussed Russia's missiles."),
        D(2019, 12, 3),
        (
            ("NATO", ORG, "NATO"),
            ("London", L, "London"),
            ("Russia", L, "Russia"),
        ),
        (("3 December 2019", _DAY, D(2019, 12, 3), D(2019, 12, 3)),),
    ),
    Story(
        "Stoltenberg warns of arms race",
        ("Jens Stoltenberg said on 25 October 2018 that NATO did not want a new arms race."),
        D(2018, 10, 25),
        (
            ("Jens Stoltenberg", P, "Jens Stoltenberg"),
            ("NATO", ORG, "NATO"),
        ),
        (("25 October 2018", _DAY, D(2018, 10, 25), D(2018, 10, 25)),),
    ),
    Story(
        "Trump announces withdrawal",
        ("Donald Trump said on 20 October 2018 the United States would leave the INF Treaty."),
        D(2018, 10, 21),
        (
            ("Donald Trump", P, "Donald Trump"),
            ("United States", L, "United States"),
            ("INF Treaty", T, "INF Treaty"),
        ),
        (("20 October 2018", _DAY, D(2018, 10, 20), D(2018, 10, 20)),),
    ),
    Story(
        "Gorbachev criticises the decision",
        "Mikhail Gorbachev said in October 2018 that leaving the INF Treaty was a mistake.",
        D(2018, 10, 22),
        (
            ("Mikhail Gorbachev", P, "Mikhail Gorbachev"),
            ("INF Treaty", T, "INF Treaty"),
        ),
        (("October 2018", _MONTH, D(2018, 10, 1), D(2018, 10, 31)),),
    ),
    Story(
        "Europe weighs its options",
        ("European diplomats met between 4 and 6 March 2019 to weigh a response to Russia."),
        D(2019, 3, 7),
        (("Russia", L, "Russia"),),
        (("between 4 and 6 March 2019", _INTERVAL, D(2019, 3, 4), D(2019, 3, 6)),),
    ),
    Story(
        "Pentagon budget for new missiles",
        ("The Pentagon asked for funds in June 2019 for missiles with a range of 1,000 km."),
        D(2019, 6, 12),
        (("Pentagon", ORG, "Pentagon"),),
        (("June 2019", _MONTH, D(2019, 6, 1), D(2019, 6, 30)),),
    ),
    Story(
        "Putin offers a moratorium",
        (
            "Vladimir Putin proposed on 26 October 2019 a moratorium on deploying "
            "9M729 missiles in Europe."
        ),
        D(2019, 10, 26),
        (
            ("Vladimir Putin", P, "Vladimir Putin"),
            ("9M729", W, "9M729"),
            ("Europe", L, "Europe"),
        ),
        (("26 October 2019", _DAY, D(2019, 10, 26), D(2019, 10, 26)),),
    ),
)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the previous '. ' to the next '.'."""
    before = text.rfind(". ", 0, start)
    first = before + 2 if before >= 0 else 0
    after = text.find(".", end)
    return first, (after + 1 if after >= 0 else len(text))


def _mentions(story: Story) -> list[Mention]:
    found = []
    for field, text in (("title", story.title), ("body", story.body)):
        for surface, etype, canonical in story.names:
            for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                first, last = _sentence(text, *match.span())
                found.append(
                    Mention(field, *match.span(), surface, etype, canonical, first, last, "demo")
                )
    return found


def _dates(story: Story) -> list[DateMention]:
    result = []
    for surface, precision, start, end in story.dates:
        at = story.body.index(surface)
        first, last = _sentence(story.body, at, at + len(surface))
        value = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
        if precision is DatePrecision.YEAR:
            value = str(start.year)
        elif precision is DatePrecision.MONTH:
            value = start.isoformat()[:7]
        result.append(
            DateMention(
                "body", at, at + len(surface), surface, precision, start, end, value,
                sentence_start=first, sentence_end=last,
            )
        )  # fmt: skip
    return result


def _ranges(story: Story) -> list[RangeMention]:
    result = []
    for surface, low, high, qualifier, subject, subject_type, via in story.ranges:
        at = story.body.index(surface)
        first, last = _sentence(story.body, at, at + len(surface))
        result.append(
            RangeMention(
                "body", at, at + len(surface), surface, low, high, qualifier, "km",
                RangeKind.RANGE, subject, subject_type, via, first, last,
            )
        )  # fmt: skip
    return result


def add_demo_articles(store: Any, stories: Sequence[Story] = STORIES) -> int:
    """Add the stories (with entities, dates and ranges) to ``store``; returns the run id."""
    run = store.begin_import_run(source="Chart demo", files=["chart-demo.txt"], options={})
    articles = [
        (
            "Chart demo",
            ParsedArticle(
                title=story.title,
                headline=story.title,
                body=story.body,
                published=story.published,
                date_source=DateSource.METADATA if story.published else DateSource.UNKNOWN,
                origin_file="chart-demo.txt",
                origin_position=position,
                origin_line=1 + 3 * position,
            ),
        )
        for position, story in enumerate(stories)
    ]
    store.add_articles(
        run,
        articles,
        mentions=[_mentions(story) for story in stories],
        extraction_version=1,
        attributes=ATTRIBUTES,
        dates=[_dates(story) for story in stories],
        ranges=[_ranges(story) for story in stories],
    )
    store.finish_import_run(run, failures=[], cancelled=False)
    return int(run)
