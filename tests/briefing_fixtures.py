"""A realistic briefing to export: three articles (one with Cyrillic names and curly quotes),
an excerpt, a note with bold, italics and both kinds of list, a timeline snapshot (24 monthly
bins, 3 lanes), a range snapshot (8 systems, the INF band), an entity table of 20 rows and a
key-dates table of 40 rows (long enough to run over a page)."""

from __future__ import annotations

import datetime as dt

from briefing.briefings.document import (
    ArticleBlock,
    BriefingDocument,
    ChartBlock,
    ExcerptBlock,
    NoteBlock,
    Paragraph,
    TableBlock,
)
from briefing.briefings.model import (
    ChartKind,
    ChartSnapshot,
    Provenance,
    RangeBand,
    RangeFigure,
    RangeSnapshot,
    RangeSystem,
    TimelineBin,
    TimelineLane,
    TimelineSnapshot,
)

TITLE = "Intermediate-range missiles after the INF Treaty"
MARKING = "OFFICIAL — FOR EXERCISE USE ONLY"
HEADLINES = (
    "US to quit Cold War missile treaty, citing Russian violations",
    "Moscow shows off the 9M729 to foreign attachés",
    "Europe weighs its answer as the treaty's six-month clock runs",
)
EXCERPT = (
    "The 9M729, which NATO calls the SSC-8, can strike targets up to 2,500 km away, "
    "according to the assessment shared with allies."
)
NOTE = """## Key judgements

The treaty is **very unlikely** to survive the six-month withdrawal period. Moscow's
*public display* of the 9M729 changed no allied assessment.

- Washington suspends its obligations on **2 February 2019**.
- Russia mirrors the step a day later; *no talks* are scheduled.
- European capitals prefer arms control to new deployments.

Indicators to watch:

1. Flight tests of ground-launched systems above 500 km.
2. Basing decisions in Europe and the Far East.
3. Any *New START* extension talks — these are the **last** remaining limits.
"""

_PARAGRAPHS_1 = (
    "WASHINGTON (Wire) — The United States will suspend its obligations under the "
    "Intermediate-Range Nuclear Forces Treaty on Saturday and formally withdraw in six "
    "months unless Moscow destroys a missile it says breaches the pact, officials said.",
    "Secretary of State Mike Pompeo said Russia had “jeopardised the United States’ "
    "security interests” by fielding the 9M729, a ground-launched cruise missile that "
    "Washington says can fly between 500 and 5,500 km — the band the 1987 treaty bans.",
    "TENSE TIES",
    "Russia denies the charge and says the missile’s range is 480 km. It accuses the "
    "United States of breaching the treaty itself with launchers in Romania and Poland "
    "that could fire Tomahawk cruise missiles.",
    "Allies were briefed in Brussels on Friday. NATO Secretary-General Jens Stoltenberg "
    "said the alliance stood “fully behind” the decision & urged Russia to use the "
    "remaining time to return to compliance.",
    "WHAT COMES NEXT",
    "Officials said there were no plans yet to deploy new missiles in Europe, but the "
    "Pentagon has begun work on a ground-launched missile with a range of about 1,000 km.",
)

_PARAGRAPHS_2 = (
    "MOSCOW (Wire) — Russia’s Defence Ministry put the 9M729 and its launcher on show at a "
    "military park outside Moscow on Wednesday, in what it called an act of transparency.",
    "Lieutenant-General Mikhail Matveyevsky (Михаил Матвеевский), chief of missile troops "
    "and artillery, told attachés the missile’s maximum range was 480 km — “well within "
    "the limits” of the treaty.",
    "ON DISPLAY",
    "The canister, he said, is 53 cm longer than that of the Iskander-M’s 9M728 because of "
    "a larger warhead and an improved guidance unit, not extra fuel.",
    "Deputy Foreign Minister Sergei Ryabkov (Сергей Рябков) said Moscow was „ready for "
    "dialogue“ but would answer any US deployment in kind. Western attachés from the US, "
    "Britain, France and Germany stayed away.",
)

_PARAGRAPHS_3 = (
    "BRUSSELS (Wire) — European governments are split over how to respond if the treaty "
    "lapses in August, diplomats said, with some urging new talks and others a military "
    "answer.",
    "“We do not want a new arms race on our continent,” one senior diplomat said. Germany "
    "has called for the treaty to be widened to include China, which fields hundreds of "
    "missiles in the banned range such as the DF-21 and DF-26.",
    "OPTIONS",
    EXCERPT,
    "Poland has said it would be ready to host US missiles; France and Germany oppose any "
    "deployment that is not agreed by the whole alliance.",
)


def provenance(index: int) -> Provenance:
    return (
        Provenance(1, HEADLINES[0], "Wire", dt.date(2019, 2, 1), "https://example.org/inf/1"),
        Provenance(2, HEADLINES[1], "Wire", dt.date(2019, 1, 23), ""),
        Provenance(3, HEADLINES[2], "Agence", dt.date(2019, 2, 3), "https://example.org/eu/3"),
    )[index]


def _paragraphs(texts: tuple[str, ...]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text, subhead=text.isupper()) for text in texts)


def articles() -> tuple[ArticleBlock, ...]:
    return (
        ArticleBlock(
            provenance(0),
            "ARMS CONTROL",
            "Washington gives Moscow six months to destroy the 9M729 or see the 1987 pact end",
            _paragraphs(_PARAGRAPHS_1),
            byline="By Jane Smith",
        ),
        ArticleBlock(
            provenance(1),
            "RUSSIA",
            "Defence Ministry says the missile’s range is 480 km — inside the treaty’s limits",
            _paragraphs(_PARAGRAPHS_2),
            byline="By Олег Иванов (Oleg Ivanov)",
        ),
        ArticleBlock(
            provenance(2),
            "ANALYSIS",
            "Allies split between new talks and a military answer",
            _paragraphs(_PARAGRAPHS_3),
            truncated=True,
        ),
    )


def timeline_snapshot() -> TimelineSnapshot:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    bins = []
    for index in range(24):
        year, month = 2017 + index // 12, index % 12 + 1
        start = dt.date(year, month, 1)
        end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        count = 3 + (index * 7) % 11 + (index // 6) * 4
        bins.append(TimelineBin(start, end, f"{months[month - 1]} {year}", count))
    treaty = tuple(max(0, b.count - 4 - (i % 3)) for i, b in enumerate(bins))
    missile = tuple(0 if i < 10 else (i * 5) % 9 for i in range(24))
    lanes = (
        TimelineLane("All articles", tuple(b.count for b in bins)),
        TimelineLane("INF Treaty", treaty),
        TimelineLane("9M729", missile),
    )
    return TimelineSnapshot("month", tuple(bins), lanes)


def range_snapshot() -> RangeSnapshot:
    def figure(
        low: float | None, high: float | None, qualifier: str = "exactly", n: int = 1, **kw: object
    ) -> RangeFigure:
        return RangeFigure(low, high, qualifier, n, **kw)  # type: ignore[arg-type]

    systems = (
        RangeSystem(
            "9M729",
            "Russia",
            "ground-launched cruise missile",
            2_500,
            None,
            "US assessment",
            (
                figure(500, 5_500, "between", 3, via="INF Treaty"),
                figure(480, 480, "exactly", 2, differs=True),
                figure(None, 2_500, "up to", 1),
            ),
        ),
        RangeSystem(
            "Iskander-M",
            "Russia",
            "short-range ballistic missile",
            500,
            None,
            "IISS",
            (figure(500, 500, "exactly", 4),),
        ),
        RangeSystem(
            "Topol-M", "Russia", "ICBM", 11_000, None, "IISS", (figure(None, 10_000, "up to", 2),)
        ),
        RangeSystem(
            "Tomahawk",
            "United States",
            "cruise missile",
            1_600,
            1_250,
            "US Navy",
            (figure(1_600, 1_600, "about", 2), figure(2_500, 2_500, "exactly", 1, differs=True)),
        ),
        RangeSystem(
            "Pershing II",
            "United States",
            "medium-range ballistic missile",
            1_770,
            None,
            "FAS",
            (figure(1_800, 1_800, "about", 1),),
        ),
        RangeSystem("DF-21", "China", "medium-range ballistic missile", 1_750, None, "CSIS", ()),
        RangeSystem(
            "DF-26",
            "China",
            "intermediate-range ballistic missile",
            4_000,
            3_000,
            "CSIS",
            (figure(4_000, 4_000, "more than", 2),),
        ),
        RangeSystem(
            "Hwasong-15",
            "North Korea",
            "ICBM",
            13_000,
            None,
            "CSIS",
            (figure(13_000, 13_000, "exactly", 1), figure(8_500, 8_500, "at least", 1)),
        ),
    )
    bands = (
        RangeBand("INF Treaty", 500, 5_500, "Intermediate-range: 500–5,500 km"),
        RangeBand("New START", 5_500, None, "ICBM: more than 5,500 km"),
    )
    return RangeSnapshot(systems, bands)


def timeline_chart() -> ChartSnapshot:
    return ChartSnapshot(
        ChartKind.TIMELINE,
        "Timeline of dates mentioned",
        "Articles mentioning “INF Treaty”, Jan 2017 – Dec 2018, by month",
        timeline=timeline_snapshot(),
    )


def range_chart() -> ChartSnapshot:
    return ChartSnapshot(
        ChartKind.RANGES,
        "Stated ranges",
        "Weapon systems in the 38 articles of the search “missile AND range”",
        ranges=range_snapshot(),
    )


ENTITY_NAMES = (
    ("United States", "Place"),
    ("Russia", "Place"),
    ("INF Treaty", "Treaty"),
    ("9M729", "Weapon system"),
    ("NATO", "Organisation"),
    ("Mike Pompeo", "Person"),
    ("Сергей Рябков", "Person"),
    ("Jens Stoltenberg", "Person"),
    ("Moscow", "Place"),
    ("Brussels", "Place"),
    ("Germany", "Place"),
    ("Poland", "Place"),
    ("China", "Place"),
    ("Tomahawk", "Weapon system"),
    ("Iskander-M", "Weapon system"),
    ("Defence Ministry", "Organisation"),
    ("Pentagon", "Organisation"),
    ("New START", "Treaty"),
    ("DF-26", "Weapon system"),
    ("Romania", "Place"),
)


def entity_table() -> TableBlock:
    rows = tuple(
        (name, kind, str(max(1, 3 - index // 7)), f"{max(2, 48 - index * 2):,}")
        for index, (name, kind) in enumerate(ENTITY_NAMES)
    )
    return TableBlock(
        "Entities",
        "The 20 entities the briefing's articles mention most",
        ("Entity", "Type", "Articles", "Mentions"),
        rows,
        numeric=(2, 3),
    )


def key_dates_table() -> TableBlock:
    rows = []
    for index in range(40):
        day = dt.date(1987, 12, 8) + dt.timedelta(days=index * 283)
        what = (
            f"Event {index + 1}: talks | consultations on compliance"
            if index % 5 == 0
            else f"Event {index + 1}: statement on the treaty’s future"
        )
        rows.append((day.isoformat(), what, HEADLINES[index % 3]))
    return TableBlock(
        "Key dates",
        "Dates the briefing's articles mention, oldest first",
        ("Date", "What", "Article"),
        tuple(rows),
    )


def briefing_document(marking: str = MARKING) -> BriefingDocument:
    first, second, third = articles()
    return BriefingDocument(
        title=TITLE,
        author="J. Analyst, Strategic Assessments",
        date=dt.date(2019, 2, 4),
        marking=marking,
        blocks=(
            NoteBlock(NOTE),
            first,
            second,
            ExcerptBlock(provenance(2), EXCERPT, comment="The only public figure for the range."),
            ChartBlock(timeline_chart()),
            third,
            ChartBlock(range_chart()),
            entity_table(),
            key_dates_table(),
        ),
        generated_at=dt.datetime(2019, 2, 4, 9, 30, tzinfo=dt.UTC),
    )
