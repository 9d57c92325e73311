"""Generate a synthetic corpus of news files in the shapes Briefing users bring.

The corpus is for benchmarks (import speed, search, extraction) and is fully deterministic: the
same ``--seed`` and ``--articles`` give byte-identical files.

Shapes, mixed the way real folders mix them:

* ``lines`` files hold 50-500 articles with no blank line between them and one paragraph per
  line: multi-paragraph stories that open with a headline line (sometimes followed by a date
  line, a ``By ...`` line, and a ``CITY (Agency) -`` dateline) and carry ALL-CAPS subheads;
  one-paragraph ``KICKER: deck`` stories whose deck runs into the body without a full stop
  (some kickers in curly quotes); stories cut off mid-sentence, sometimes followed by an
  untitled one-paragraph story; the first story of a file may have no headline; some files end
  with a "More from <section>" block of teasers separated by ``-`` lines, which is not
  article text;
* ``blocks`` files hold multi-line articles separated by one blank line;
* ``separator`` files hold stories separated by lines holding a single ``-``;
* ``single`` files hold one article, one paragraph per line or a blank line after every line.

About one file in ten is saved with CRLF line endings and about one in ten in Windows-1252;
all other files are UTF-8 with LF. All text is drawn from the lists below, so it is
representable in Windows-1252.

Every freshly written article carries a unique reference number, so no two are alike, except
for deliberate duplicates: about 1% of articles (``DUPLICATE_RATE``) are exact copies of a
story already written to another file, as when a wire story is re-posted by several outlets.
``corpus_manifest.json`` records every duplicate and the original it copies.

Article boundaries follow the rules in ``data/samples/.manifest.json``: a story starts at a
headline line, a kicker line, after a separator line, at a new blank-line-separated block, or
with a one-paragraph story right after a cut-off one. The manifest gives, for each file, the
number of articles and the 1-based line where each starts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_ARTICLES = 100_000
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "corpus"
DEFAULT_SEED = 20190202
DUPLICATE_RATE = 0.01
MANIFEST_NAME = "corpus_manifest.json"

# ---------------------------------------------------------------------------------------------
# Vocabulary. Every string here must be encodable in Windows-1252.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Weapon:
    name: str
    alias: str  # designator or NATO reporting name, "" when none is in common use
    country: str
    kind: str
    range_km: int


WEAPONS: tuple[Weapon, ...] = (
    Weapon("Topol-M", "SS-27", "Russia", "intercontinental ballistic missile", 11_000),
    Weapon("RS-24 Yars", "SS-29", "Russia", "intercontinental ballistic missile", 11_000),
    Weapon("RS-28 Sarmat", "", "Russia", "heavy intercontinental missile", 18_000),
    Weapon("Avangard", "Objekt 4202", "Russia", "hypersonic glide vehicle", 6_000),
    Weapon("Iskander-M", "SS-26 Stone", "Russia", "short-range ballistic missile", 500),
    Weapon("9M729", "SSC-8 Screwdriver", "Russia", "ground-launched cruise missile", 2_500),
    Weapon("Kinzhal", "Kh-47M2", "Russia", "air-launched ballistic missile", 2_000),
    Weapon("Zircon", "3M22", "Russia", "hypersonic cruise missile", 1_000),
    Weapon("Kalibr", "SS-N-30A", "Russia", "cruise missile", 2_500),
    Weapon("Kh-101", "AS-23A Kodiak", "Russia", "air-launched cruise missile", 2_800),
    Weapon("Oreshnik", "", "Russia", "intermediate-range ballistic missile", 5_000),
    Weapon("S-400", "SA-21 Growler", "Russia", "air-defence system", 400),
    Weapon("Tomahawk", "BGM-109", "the United States", "cruise missile", 1_600),
    Weapon("ATACMS", "MGM-140", "the United States", "tactical ballistic missile", 300),
    Weapon("PrSM", "Precision Strike Missile", "the United States", "ballistic missile", 500),
    Weapon(
        "Minuteman III",
        "LGM-30G",
        "the United States",
        "intercontinental ballistic missile",
        13_000,
    ),
    Weapon("Patriot", "MIM-104", "the United States", "air-defence system", 160),
    Weapon(
        "THAAD",
        "Terminal High Altitude Area Defense",
        "the United States",
        "missile-defence system",
        200,
    ),
    Weapon("SM-3 Block IIA", "Aegis SM-3", "the United States", "interceptor", 2_500),
    Weapon("GMLRS", "M31", "the United States", "guided rocket", 80),
    Weapon("Storm Shadow", "SCALP EG", "Britain", "air-launched cruise missile", 250),
    Weapon("Taurus KEPD 350", "Taurus", "Germany", "air-launched cruise missile", 500),
    Weapon("IRIS-T SLM", "", "Germany", "air-defence system", 40),
    Weapon("Hwasong-17", "KN-28", "North Korea", "intercontinental ballistic missile", 15_000),
    Weapon("Hwasong-15", "KN-22", "North Korea", "intercontinental ballistic missile", 13_000),
    Weapon("DF-21D", "CSS-5 Mod 5", "China", "anti-ship ballistic missile", 1_500),
    Weapon("DF-26", "CSS-18", "China", "intermediate-range ballistic missile", 4_000),
    Weapon("DF-41", "CSS-20", "China", "intercontinental ballistic missile", 12_000),
    Weapon("Agni-V", "", "India", "intercontinental ballistic missile", 5_000),
    Weapon("BrahMos", "PJ-10", "India", "supersonic cruise missile", 450),
    Weapon("Shaheen-III", "", "Pakistan", "medium-range ballistic missile", 2_750),
    Weapon("Fateh-110", "", "Iran", "short-range ballistic missile", 300),
    Weapon("Shahab-3", "", "Iran", "medium-range ballistic missile", 1_300),
)


@dataclass(frozen=True, slots=True)
class Treaty:
    long: str
    short: str
    year: int
    fact: str


TREATIES: tuple[Treaty, ...] = (
    Treaty(
        "Intermediate-Range Nuclear Forces Treaty",
        "INF",
        1987,
        "banned ground-launched missiles with ranges between 500 and 5,500km",
    ),
    Treaty(
        "New START treaty", "New START", 2010, "caps each side at 1,550 deployed strategic warheads"
    ),
    Treaty(
        "Treaty on Conventional Armed Forces in Europe",
        "CFE",
        1990,
        "limited tanks, artillery and combat aircraft from the Atlantic to the Urals",
    ),
    Treaty(
        "Open Skies Treaty",
        "Open Skies",
        1992,
        "allowed unarmed observation flights over members' territory",
    ),
    Treaty(
        "Comprehensive Nuclear-Test-Ban Treaty",
        "CTBT",
        1996,
        "bans all nuclear explosions but has never entered into force",
    ),
    Treaty(
        "Treaty on the Non-Proliferation of Nuclear Weapons",
        "NPT",
        1968,
        "commits its members to stop the spread of nuclear weapons",
    ),
    Treaty(
        "Anti-Ballistic Missile Treaty",
        "ABM",
        1972,
        "limited missile defences until Washington left it in 2002",
    ),
    Treaty("Ottawa Convention", "Ottawa", 1997, "bans anti-personnel landmines"),
)

COUNTRIES: tuple[str, ...] = (
    "Russia",
    "the United States",
    "China",
    "North Korea",
    "South Korea",
    "Japan",
    "India",
    "Pakistan",
    "Iran",
    "Israel",
    "Turkey",
    "Poland",
    "Germany",
    "France",
    "Britain",
    "Ukraine",
    "Lithuania",
    "Estonia",
    "Latvia",
    "Finland",
    "Sweden",
    "Norway",
    "Romania",
    "Thailand",
    "Cambodia",
    "Saudi Arabia",
    "Taiwan",
    "the Philippines",
    "Australia",
    "Canada",
)

CITIES: tuple[tuple[str, str], ...] = (
    ("Brussels", "Belgium"),
    ("Vienna", "Austria"),
    ("Geneva", "Switzerland"),
    ("Moscow", "Russia"),
    ("Washington", "the United States"),
    ("Kyiv", "Ukraine"),
    ("Warsaw", "Poland"),
    ("Vilnius", "Lithuania"),
    ("Tallinn", "Estonia"),
    ("Riga", "Latvia"),
    ("Helsinki", "Finland"),
    ("Ankara", "Turkey"),
    ("Tehran", "Iran"),
    ("Riyadh", "Saudi Arabia"),
    ("Beijing", "China"),
    ("Pyongyang", "North Korea"),
    ("Seoul", "South Korea"),
    ("Tokyo", "Japan"),
    ("New Delhi", "India"),
    ("Islamabad", "Pakistan"),
    ("Kaliningrad", "Russia"),
    ("Bangkok", "Thailand"),
    ("Phnom Penh", "Cambodia"),
    ("Berlin", "Germany"),
    ("Paris", "France"),
    ("London", "Britain"),
    ("The Hague", "the Netherlands"),
    ("Bucharest", "Romania"),
    ("Baghdad", "Iraq"),
    ("Canberra", "Australia"),
    ("Manila", "the Philippines"),
    ("Taipei", "Taiwan"),
)

ORGS: tuple[str, ...] = (
    "NATO",
    "the European Union",
    "the UN Security Council",
    "the OSCE",
    "the International Atomic Energy Agency",
    "the Pentagon",
    "the Kremlin",
    "the State Department",
    "the defence ministry",
    "ASEAN",
    "the CTBTO",
    "the Stockholm International Peace Research Institute",
    "the International Institute for Strategic Studies",
    "US Central Command",
    "the NATO-Russia Council",
    "the foreign ministry",
    "the Joint Chiefs of Staff",
)

TITLES: tuple[str, ...] = (
    "Foreign Minister",
    "Defence Minister",
    "Deputy Foreign Minister",
    "Prime Minister",
    "President",
    "NATO Secretary General",
    "US Secretary of Defense",
    "US Secretary of State",
    "Under Secretary of State",
    "Chief of the General Staff",
    "Ambassador",
    "General",
    "Admiral",
    "Colonel",
    "Major General",
    "EU foreign policy chief",
    "National Security Adviser",
)

FIRST_NAMES: tuple[str, ...] = (
    "Anna",
    "Pavel",
    "Helena",
    "Tomas",
    "Ingrid",
    "Rafael",
    "Miriam",
    "Oleksandr",
    "Yuki",
    "Arjun",
    "Leila",
    "Jonas",
    "Sofia",
    "Marek",
    "Chen",
    "Amara",
    "Dmitri",
    "Claire",
    "Henrik",
    "Noor",
    "Kenji",
    "Elena",
    "Farid",
    "Lucia",
    "Viktor",
    "Greta",
    "Rohan",
    "Ines",
    "Aleksi",
    "Beatriz",
    "Ji-woo",
    "Mateus",
    "Astrid",
    "Karim",
    "Nadia",
    "Ruben",
)

LAST_NAMES: tuple[str, ...] = (
    "Lindqvist",
    "Moreau",
    "Kovalenko",
    "Tanaka",
    "Sharma",
    "Haddad",
    "Novak",
    "Berger",
    "Okafor",
    "Petrov",
    "Castillo",
    "Nakamura",
    "Virtanen",
    "Dumont",
    "Reyes",
    "Albrecht",
    "Farouk",
    "Jensen",
    "Marchetti",
    "Sato",
    "Kapoor",
    "Ivanova",
    "Brennan",
    "Olsen",
    "Schneider",
    "Kim",
    "Zhang",
    "Mahmoud",
    "Laurent",
    "Ferreira",
    "Holm",
    "Grünewald",
    "Nørgaard",
    "Öberg",
    "Müller",
    "Peña",
)

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBR: tuple[str, ...] = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
AGENCIES: tuple[str, ...] = ("Reuters", "AFP", "AP", "NordWire", "Briefing Wire")
DIRECTIONS: tuple[str, ...] = (
    "north",
    "south",
    "east",
    "west",
    "north-east",
    "south-east",
    "north-west",
    "south-west",
)

SUBHEADS: tuple[str, ...] = (
    "TENSE TIES",
    "NEW TREATY",
    "ALLIED RESPONSE",
    "RANGE AND PAYLOAD",
    "WHAT COMES NEXT",
    "DIPLOMATIC FALLOUT",
    "SANCTIONS",
    "BACKGROUND",
    "TEST HISTORY",
    "BORDER TENSIONS",
    "ON THE GROUND",
    "VERIFICATION",
    "COST AND TIMING",
    "REGIONAL WORRIES",
    "ARMS RACE FEARS",
)
KICKERS: tuple[str, ...] = (
    "REVENGE",
    "RUSHED",
    "TIT FOR TAT",
    "RED LINES",
    "NO DEAL",
    "SHOW OF FORCE",
    "COLD PEACE",
    "HIGH STAKES",
    "BACKLASH",
    "FIRST USE",
    "STANDOFF",
    "WARNING SHOT",
    "CLOSE CALL",
    "‘POLITICAL LOYALTY’",
    "‘NOT A BLANK CHEQUE’",
    "‘A DANGEROUS PRECEDENT’",
    "‘WE ARE READY’",
    "‘NO MORE TALKS’",
)
SECTIONS: tuple[str, ...] = (
    "Defence Notes",
    "Europe Desk",
    "Asia Pacific",
    "World",
    "Arms Control Today",
    "Analysis",
)
TEASER_TITLES: tuple[str, ...] = (
    "What role could holographic displays play in future command posts",
    "Five things to know about the new air defence programme",
    "Industry welcomes the defence review, but funding questions remain",
    "Why artillery is back at the centre of European planning",
    "Inside the race to build cheaper interceptors",
    "How small navies are buying long-range strike",
    "The hidden cost of keeping old fighters flying",
    "Budget watch: what the spending plan means for frigates",
)
TEASER_SUMMARIES: tuple[str, ...] = (
    "Our correspondent talked to programme officials and analysts about what comes next.",
    "Experts disagree on whether the plan can be delivered on time and on budget.",
    "The review recommends sweeping changes, but details remain thin.",
    "Procurement offices are under pressure to buy more, faster and for less.",
    "Several governments have quietly changed their plans since last year.",
)
QUOTES: tuple[str, ...] = (
    "We will not be the ones to walk away from the table",
    "This is a message, and it has been received",
    "Nobody wins an arms race, but everyone pays for it",
    "We are asking for verification, not for promises",
    "The door to dialogue remains open, but it is not open forever",
    "Our response will be measured and it will be firm",
    "These are not prototypes, these are weapons in service",
    "A treaty that only one side observes is not a treaty",
)
DECKS: tuple[str, ...] = (
    "Officials said the move had been planned for months",
    "The decision follows weeks of talks that ended without agreement",
    "Analysts said the launch was meant as a message to its neighbours",
    "Diplomats said the deal had been rushed to meet a summit deadline",
    "The strikes came days after an attack that wounded several soldiers",
    "Critics said the decision broke with decades of precedent",
    "The ministry said the exercise had been notified in advance",
    "Allies were told of the plan only hours before it was announced",
)
ACTIONS: tuple[str, ...] = (
    "suspend its participation in",
    "return to full compliance with",
    "withdraw from",
    "seek talks on the future of",
    "refuse to extend",
    "ratify",
    "revoke its ratification of",
    "propose a successor to",
)
DEPLOY_VERBS: tuple[str, ...] = (
    "tested",
    "deployed",
    "unveiled",
    "fired",
    "put on combat duty",
    "moved",
    "showed off",
    "delivered",
)

# Ordinary news: about one story in twenty.
ORDINARY_HEADLINES: tuple[str, ...] = (
    "Floods cut rail link near {city}",
    "Train hits elephant herd in {region}",
    "Heatwave closes schools in {city}",
    "Storm grounds flights at {city} airport",
    "Landslide blocks highway outside {city}",
)
REGIONS: tuple[str, ...] = (
    "Assam",
    "West Bengal",
    "Sri Lanka's North Central Province",
    "Odisha",
    "Kerala",
    "northern Thailand",
    "Sabah",
)
ORDINARY_SENTENCES: tuple[str, ...] = (
    "Heavy rain {date} washed away a section of track {distance}, stranding about {n} "
    "passengers, the rail operator said.",
    "A passenger train hit a herd of about {n} elephants crossing the line in {region} "
    "{date}, killing {k} of the animals, forest officials said.",
    "Schools and government offices closed at noon as temperatures passed {k}0 degrees for a "
    "third day, local authorities said.",
    "High winds forced the cancellation of {n} flights {date}, and airlines said it would take "
    "days to clear the backlog.",
    "Rescue teams used boats to reach families stranded on rooftops, and the army sent {k} "
    "helicopters to help.",
    "No one was seriously injured, a police spokesman said, and services were expected to "
    "resume by the weekend.",
    "Conservation groups have called for speed limits where the railway crosses migration routes.",
)


NATO_NAME_PREFIXES = ("SS-", "SA-", "AS-", "SSC-")
AIR_DEFENCE: tuple[Weapon, ...] = tuple(w for w in WEAPONS if w.kind.endswith("system"))


# A story is cut off only after one of these words, which cannot end a sentence: a paragraph
# that merely lacks its full stop ("... between 500 and 5,500km") must stay distinguishable.
CUT_AFTER = frozenset(
    (
        "the",
        "a",
        "an",
        "to",
        "of",
        "and",
        "that",
        "from",
        "with",
        "at",
        "on",
        "in",
        "for",
        "by",
        "would",
        "could",
        "its",
        "were",
        "was",
        "had",
        "as",
        "which",
        "whose",
        "than",
        "between",
    )
)


def headline_name(country: str) -> str:
    """A country as headlines write it: "the United States" -> "US", "the Philippines" ->
    "Philippines"."""
    if country == "the United States":
        return "US"
    return country.removeprefix("the ")


def cap(text: str) -> str:
    """Capitalise the first letter only ("the United States" -> "The United States")."""
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------------------------
# Text generation
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class GenArticle:
    """One generated article, as the lines it occupies in its file."""

    kind: str  # "headline", "untitled" (several paragraphs, no headline), "kicker", "plain"
    lines: list[str]
    truncated: bool
    serial: int  # reference number written into the text; -1 for nothing new (a duplicate)
    duplicate_of: tuple[str, int] | None = None  # (file, position) of the original


@dataclass(slots=True)
class CorpusFile:
    name: str
    layout: str  # "lines", "blocks", "separator", "single"
    encoding: str  # "utf-8" or "cp1252"
    newline: str  # "\n" or "\r\n"
    trailing_newline: bool
    articles: list[GenArticle] = field(default_factory=list)
    more_from: list[str] = field(default_factory=list)  # the lines of a "More from" block
    blank_between_lines: bool = False  # single files: a blank line after every line

    def render(self) -> tuple[str, list[int]]:
        """The file's text (with "\\n" newlines) and the 1-based start line of each article."""
        out: list[str] = []
        starts: list[int] = []
        for i, art in enumerate(self.articles):
            if i and self.layout == "blocks":
                out.append("")
            elif i and self.layout == "separator":
                out.append("-")
            starts.append(len(out) + 1)
            if self.blank_between_lines:
                for j, line in enumerate(art.lines):
                    if j:
                        out.append("")
                    out.append(line)
            else:
                out.extend(art.lines)
        out.extend(self.more_from)
        text = "\n".join(out)
        if self.trailing_newline:
            text += "\n"
        return text, starts

    def encode(self, text: str) -> bytes:
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return text.encode(self.encoding)


class Writer:
    """Draws sentences, paragraphs and articles from the vocabulary with one seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.serial = 0

    # -- small pieces ---------------------------------------------------------------------

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(TITLES)} {r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"

    def surname(self) -> str:
        return self.rng.choice(LAST_NAMES)

    def weapon_ref(self, w: Weapon) -> str:
        if not w.alias:
            return f"the {w.name}"
        roll = self.rng.random()
        if roll < 0.5 and w.alias.startswith(NATO_NAME_PREFIXES):
            return f"the {w.name}, known to NATO as the {w.alias},"
        if roll < 0.7:
            return f"the {w.name}, designated {w.alias},"
        return f"the {w.name} ({w.alias})"

    def range_phrase(self, km: int) -> str:
        r = self.rng
        if km > 1_000 and r.random() < 0.3:
            km = int(round(km * r.uniform(0.9, 1.1), -2))
        form = r.randrange(10)
        if form == 0:
            return f"a range of {km:,}km"
        if form == 1:
            return f"a range of up to {km:,} kilometres"
        if form == 2:
            return f"a range of about {km:,} km"
        if form == 3:
            return f"a {km:,}-km range"
        if form == 4:
            return f"a reach of more than {round(km * 0.621371, -1):,.0f} miles"
        if form == 5:
            low = max(50, round(km * 0.4, -1))
            return f"a range of between {low:,.0f} and {km:,}km"
        if form == 6:
            return f"a range estimated at {km:,} kilometers"
        if form == 7:
            return f"a range in excess of {km:,} km"
        if form == 8:
            return f"a range of roughly {round(km * 0.621371, -1):,.0f} miles"
        return f"a {km:,}-kilometre range"

    def distance_phrase(self) -> str:
        r = self.rng
        city = r.choice(CITIES)[0]
        n = r.randrange(20, 2_000, 10)
        form = r.randrange(4)
        if form == 0:
            return f"some {n:,}km {r.choice(DIRECTIONS)} of {city}"
        if form == 1:
            return f"about {n:,} miles from the border"
        if form == 2:
            return f"{n:,} kilometres {r.choice(DIRECTIONS)} of the capital"
        return f"about {n:,}km {r.choice(DIRECTIONS)} of {city}"

    def random_date(self) -> dt.date:
        return dt.date(2017, 1, 1) + dt.timedelta(days=self.rng.randrange(3_287))  # to 2025

    def date_phrase(self) -> str:
        r = self.rng
        d = self.random_date()
        form = r.randrange(12)
        if form == 0:
            return f"on {d.day} {MONTHS[d.month - 1]}"
        if form == 1:
            return f"on {d.day} {MONTHS[d.month - 1]} {d.year}"
        if form == 2:
            return f"on {MONTH_ABBR[d.month - 1]} {d.day}"
        if form == 3:
            return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"
        if form == 4:
            return f"in {MONTHS[d.month - 1]} {d.year}"
        if form == 5:
            return "last week"
        if form == 6:
            return f"on {WEEKDAYS[d.weekday()]}"
        if form == 7:
            return "earlier this month"
        if form == 8:
            return f"in {d.year}"
        if form == 9:
            return f"between {d.year - r.randrange(2, 6)} and {d.year}"
        if form == 10:
            return "last month"
        return f"on {d.year}-{d.month:02d}-{d.day:02d}"

    def date_line(self) -> str:
        d = self.random_date()
        form = self.rng.randrange(5)
        if form == 0:
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if form == 1:
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        if form == 2:
            return f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"
        if form == 3:
            return f"{d.year}-{d.month:02d}-{d.day:02d}"
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"

    def byline(self) -> str:
        r = self.rng
        name = f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"
        if r.random() < 0.25:
            return f"By {name} and {r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"
        return f"By {name}"

    def serial_sentence(self) -> str:
        """A sentence carrying the article's unique reference number."""
        self.serial += 1
        ref = f"{self.rng.choice(('BR', 'DN', 'MR', 'WX', 'KT'))}-{self.serial:07d}"
        form = self.serial % 4
        if form == 0:
            return f"The statement was filed under reference {ref}."
        if form == 1:
            return f"Officials gave the case the reference number {ref}."
        if form == 2:
            return f"The report, numbered {ref}, was circulated to member states."
        return f"It was listed as item {ref} in the ministry's daily log."

    # -- sentences ------------------------------------------------------------------------

    def sentence(self) -> str:
        r = self.rng
        form = r.randrange(12)
        if form == 0:
            w = r.choice(WEAPONS)
            return (
                f"{cap(w.country)} {r.choice(DEPLOY_VERBS)} "
                f"{self.weapon_ref(w)} {self.date_phrase()}, {self.person()} said."
            )
        if form == 1:
            w = r.choice(WEAPONS)
            article = "an" if w.kind[0] in "aeiou" else "a"
            return f"The {w.name} is {article} {w.kind} with {self.range_phrase(w.range_km)}."
        if form == 2:
            t = r.choice(TREATIES)
            return (
                f"{self.person()} said {self.date_phrase()} that the government would "
                f"{r.choice(ACTIONS)} the {t.long}."
            )
        if form == 3:
            t = r.choice(TREATIES)
            return f"The {t.short} accord, signed in {t.year}, {t.fact}."
        if form == 4:
            if r.random() < 0.5:
                return f"“{r.choice(QUOTES)},” {self.surname()} said."
            return f'"{r.choice(QUOTES)}," {self.surname()} told reporters.'
        if form == 5:
            city, country = r.choice(CITIES)
            return (
                f"Officials from {r.choice(ORGS)} met in {city} {self.date_phrase()} to "
                f"discuss the crisis, with delegates from {country} and "
                f"{r.choice(COUNTRIES)} attending."
            )
        if form == 6:
            return f"The launch site lies {self.distance_phrase()}, according to {r.choice(ORGS)}."
        if form == 7:
            w = r.choice(WEAPONS)
            return (
                f"Analysts at {r.choice(ORGS)} said {self.weapon_ref(w)} could strike "
                f"targets up to {w.range_km:,} kilometres away."
            )
        if form == 8:
            return (
                f"{cap(r.choice(COUNTRIES))} imposed sanctions on {r.randrange(3, 400)} "
                f"companies and individuals {self.date_phrase()}, the treasury said."
            )
        if form == 9:
            w = r.choice(AIR_DEFENCE)
            return (
                f"The first {w.name} battery arrived in {r.choice(COUNTRIES)} "
                f"{self.date_phrase()}, the {r.choice(('army', 'air force', 'ministry'))} "
                f"said."
            )
        if form == 10:
            one, other = r.sample(COUNTRIES, 2)
            return (
                f"Troops from {one} and {other} exchanged fire along the border "
                f"{self.date_phrase()}, killing {r.randrange(2, 30)} people."
            )
        return (
            f"The decision — the first of its kind since {r.randrange(1987, 2017)} — "
            f"drew an angry response from {r.choice(COUNTRIES)}."
        )

    def ordinary_sentence(self) -> str:
        r = self.rng
        return r.choice(ORDINARY_SENTENCES).format(
            date=self.date_phrase(),
            distance=self.distance_phrase(),
            n=r.randrange(20, 900),
            k=r.randrange(2, 9),
            region=r.choice(REGIONS),
        )

    def paragraph(self, sentences: int, ordinary: bool = False) -> str:
        make = self.ordinary_sentence if ordinary else self.sentence
        return " ".join(make() for _ in range(sentences))

    def headline(self, ordinary: bool = False) -> str:
        r = self.rng
        if ordinary:
            city = r.choice(CITIES)[0]
            return r.choice(ORDINARY_HEADLINES).format(city=city, region=r.choice(REGIONS))
        form = r.randrange(7)
        w = r.choice(WEAPONS)
        t = r.choice(TREATIES)
        country = headline_name(w.country if form in (0, 2) else r.choice(COUNTRIES))
        if form == 0:
            return f"{country} tests {w.name} as {t.short} talks stall"
        if form == 1:
            return f"Ministers meet in {r.choice(CITIES)[0]} over future of {t.short} treaty"
        if form == 2:
            return f"{country} deploys {w.name} near {r.choice(CITIES)[0]}"
        if form == 3:
            return f"New sanctions target {w.name} suppliers"
        if form == 4:
            other = headline_name(r.choice(COUNTRIES))
            if other == country:
                other = "neighbour"
            return f"{country} and {other} trade fire on disputed border"
        if form == 5:
            return f"First {w.name} systems arrive in {headline_name(r.choice(COUNTRIES))}"
        return f"The race to field the {w.name} speeds up in {w.country}"

    def cut_off(self, paragraph: str, ordinary: bool = False) -> str:
        """The paragraph followed by a sentence cut off mid-way, after a lower-case word.

        The paragraph should hold at least two full sentences, so that a cut-off paragraph is
        always long and never mistaken for a headline line.
        """
        words = (self.ordinary_sentence() if ordinary else self.sentence()).split(" ")
        for cut in range(min(len(words) - 1, self.rng.randrange(4, 10)), 1, -1):
            word = words[cut - 1]
            if word in CUT_AFTER:
                return f"{paragraph} {' '.join(words[:cut])}"
        return f"{paragraph} The officials said the"

    # -- articles -------------------------------------------------------------------------

    def multi_paragraph(self, *, with_headline: bool, truncated: bool) -> GenArticle:
        r = self.rng
        ordinary = r.random() < 0.05
        lines: list[str] = []
        if with_headline:
            lines.append(self.headline(ordinary))
            roll = r.random()
            if roll < 0.4:
                lines.append(self.date_line())
            if roll < 0.15 or roll > 0.85:
                lines.append(self.byline())
        n_paras = r.randrange(3, 8)
        subhead_at = {r.randrange(2, n_paras)} if n_paras > 3 and r.random() < 0.6 else set()
        if n_paras > 5 and r.random() < 0.5:
            subhead_at.add(n_paras - 1)
        lead = self.paragraph(1, ordinary) + " " + self.serial_sentence()
        if with_headline and r.random() < 0.2:
            city = r.choice(CITIES)[0].upper()
            lead = f"{city} ({r.choice(AGENCIES)}) - {lead}"
        lines.append(lead)
        for i in range(1, n_paras):
            if i in subhead_at:
                lines.append(r.choice(SUBHEADS))
            lines.append(self.paragraph(r.randrange(1, 3), ordinary))
        if truncated:
            lines[-1] = self.cut_off(self.paragraph(2, ordinary), ordinary)
        return GenArticle(
            "headline" if with_headline else "untitled", lines, truncated, self.serial
        )

    def one_paragraph(self, *, kicker: bool, truncated: bool) -> GenArticle:
        r = self.rng
        ordinary = not kicker and r.random() < 0.3
        first = self.paragraph(1, ordinary)
        while not first[0].isupper():  # after a deck, the body must visibly start a sentence
            first = self.paragraph(1, ordinary)
        body = (
            first + " " + self.serial_sentence() + " " + self.paragraph(r.randrange(2, 5), ordinary)
        )
        if truncated:
            body = self.cut_off(body, ordinary)
        if kicker:
            body = f"{r.choice(KICKERS)}: {r.choice(DECKS)} {body}"
        return GenArticle("kicker" if kicker else "plain", [body], truncated, self.serial)

    def more_from(self) -> list[str]:
        r = self.rng
        lines = [f"More from {r.choice(SECTIONS)}"]
        for title in r.sample(TEASER_TITLES, r.randrange(2, 6)):
            lines.extend(["-", title, r.choice(TEASER_SUMMARIES)])
        return lines


# ---------------------------------------------------------------------------------------------
# Corpus assembly
# ---------------------------------------------------------------------------------------------


class CorpusBuilder:
    def __init__(self, n_articles: int, seed: int) -> None:
        self.n_articles = n_articles
        self.rng = random.Random(seed)
        self.writer = Writer(self.rng)
        self.files: list[CorpusFile] = []
        self.written = 0
        # Finished, complete headline stories that may be re-posted in a later file.
        self.repostable: list[tuple[str, int, GenArticle]] = []

    def build(self) -> list[CorpusFile]:
        r = self.rng
        while self.written < self.n_articles:
            left = self.n_articles - self.written
            roll = r.random()
            if roll < 0.25 or left == 1:
                layout, want = "single", 1
            elif roll < 0.70:
                layout, want = "lines", r.randrange(50, 501)
            elif roll < 0.87:
                layout, want = "blocks", r.randrange(50, 301)
            else:
                layout, want = "separator", r.randrange(50, 201)
            self.files.append(self.make_file(layout, min(want, left)))
        return self.files

    def maybe_duplicate(self, name: str) -> GenArticle | None:
        if not self.repostable or self.rng.random() >= DUPLICATE_RATE:
            return None
        i = self.rng.randrange(len(self.repostable))
        src_file, src_pos, art = self.repostable[i]
        if src_file == name:
            return None
        self.repostable[i] = self.repostable[-1]
        self.repostable.pop()
        return GenArticle(art.kind, list(art.lines), False, art.serial, (src_file, src_pos))

    def make_file(self, layout: str, count: int) -> CorpusFile:
        r = self.rng
        index = len(self.files)
        name = f"{'article' if layout == 'single' else 'feed'}_{index:05d}.txt"
        roll = r.random()
        encoding = "cp1252" if roll < 0.1 else "utf-8"
        newline = "\r\n" if 0.1 <= roll < 0.2 or r.random() < 0.02 else "\n"
        f = CorpusFile(name, layout, encoding, newline, trailing_newline=r.random() < 0.9)
        w = self.writer
        for pos in range(count):
            prev = f.articles[-1] if f.articles else None
            art = None if layout == "single" else self.maybe_duplicate(name)
            if art is None:
                art = self.fresh_article(layout, pos, prev)
            f.articles.append(art)
            if art.duplicate_of is None and art.kind == "headline" and not art.truncated:
                if len(self.repostable) < 5_000:
                    self.repostable.append((name, pos, art))
                else:
                    self.repostable[r.randrange(5_000)] = (name, pos, art)
        if layout == "single":
            f.blank_between_lines = r.random() < 0.4
        if layout == "lines" and r.random() < 0.3:
            f.more_from = w.more_from()
        self.written += count
        return f

    def fresh_article(self, layout: str, pos: int, prev: GenArticle | None) -> GenArticle:
        r = self.rng
        w = self.writer
        if layout == "single":
            return w.multi_paragraph(with_headline=r.random() < 0.9, truncated=r.random() < 0.05)
        if layout == "blocks":
            # Every block has several lines, so a blank line always separates two articles.
            return w.multi_paragraph(with_headline=r.random() < 0.9, truncated=r.random() < 0.05)
        if layout == "separator":
            roll = r.random()
            if roll < 0.55:
                return w.multi_paragraph(with_headline=True, truncated=r.random() < 0.05)
            if roll < 0.7:
                return w.multi_paragraph(with_headline=False, truncated=False)
            if roll < 0.9:
                return w.one_paragraph(kicker=True, truncated=r.random() < 0.25)
            return w.one_paragraph(kicker=False, truncated=r.random() < 0.25)
        # layout == "lines": with no blank lines, a story needs a visible start.
        roll = r.random()
        if pos == 0 and roll < 0.15:
            return w.multi_paragraph(with_headline=False, truncated=False)
        if prev is not None and prev.truncated and len(prev.lines) == 1 and roll < 0.5:
            return w.one_paragraph(kicker=False, truncated=r.random() < 0.3)
        if roll < 0.6:
            return w.multi_paragraph(with_headline=True, truncated=r.random() < 0.05)
        return w.one_paragraph(kicker=True, truncated=r.random() < 0.25)


def build_corpus(n_articles: int, seed: int = DEFAULT_SEED) -> list[CorpusFile]:
    """The corpus as objects, without writing anything."""
    if n_articles < 1:
        raise ValueError("n_articles must be at least 1")
    return CorpusBuilder(n_articles, seed).build()


def write_corpus(
    files: list[CorpusFile], out: Path, *, seed: int, requested: int
) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    duplicates = []
    total_bytes = 0
    kinds_total = {"headline": 0, "untitled": 0, "kicker": 0, "plain": 0}
    truncated_total = 0
    for f in files:
        text, starts = f.render()
        data = f.encode(text)
        (out / f.name).write_bytes(data)
        total_bytes += len(data)
        kinds = {"headline": 0, "untitled": 0, "kicker": 0, "plain": 0}
        n_dup = 0
        for pos, art in enumerate(f.articles):
            kinds[art.kind] += 1
            if art.duplicate_of is not None:
                n_dup += 1
                duplicates.append(
                    {
                        "file": f.name,
                        "position": pos,
                        "line": starts[pos],
                        "of_file": art.duplicate_of[0],
                        "of_position": art.duplicate_of[1],
                    }
                )
        truncated = sum(a.truncated for a in f.articles)
        for k, v in kinds.items():
            kinds_total[k] += v
        truncated_total += truncated
        entries.append(
            {
                "name": f.name,
                "layout": f.layout,
                "encoding": f.encoding,
                "newline": "CRLF" if f.newline == "\r\n" else "LF",
                "trailing_newline": f.trailing_newline,
                "blank_between_lines": f.blank_between_lines,
                "bytes": len(data),
                "articles": len(f.articles),
                "kinds": kinds,
                "truncated": truncated,
                "duplicates": n_dup,
                "more_from_block": bool(f.more_from),
                "start_lines": starts,
            }
        )
    n_articles = sum(len(f.articles) for f in files)
    manifest = {
        "generator": "benchmarks/gen_corpus.py",
        "seed": seed,
        "requested_articles": requested,
        "duplicate_rate": DUPLICATE_RATE,
        "duplicates_note": "Deliberate exact duplicates: a complete headline story from an "
        "earlier file re-posted verbatim in a later one (a re-posted wire story). The text is "
        "identical; the bytes may differ when the two files differ in encoding or line endings.",
        "totals": {
            "files": len(files),
            "articles": n_articles,
            "unique_articles": n_articles - len(duplicates),
            "duplicates": len(duplicates),
            "truncated": truncated_total,
            "kinds": kinds_total,
            "bytes": total_bytes,
            "layouts": {
                lay: sum(1 for f in files if f.layout == lay)
                for lay in ("lines", "blocks", "separator", "single")
            },
            "cp1252_files": sum(1 for f in files if f.encoding == "cp1252"),
            "crlf_files": sum(1 for f in files if f.newline == "\r\n"),
        },
        "files": entries,
        "duplicates": duplicates,
    }
    (out / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a synthetic corpus of news files in the shapes Briefing users bring."
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=DEFAULT_ARTICLES,
        help=f"number of articles to write (default {DEFAULT_ARTICLES:,})",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="output folder (default benchmarks/out/corpus)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if (args.out / MANIFEST_NAME).exists():
        # Files left by an earlier, larger run would silently join this corpus.
        for pattern in ("feed_*.txt", "article_*.txt"):
            for old in args.out.glob(pattern):
                old.unlink()
    started = time.perf_counter()
    files = build_corpus(args.articles, args.seed)
    manifest = write_corpus(files, args.out, seed=args.seed, requested=args.articles)
    seconds = time.perf_counter() - started
    t = manifest["totals"]
    print(
        f"wrote {t['files']:,} files, {t['articles']:,} articles "
        f"({t['duplicates']:,} duplicates), {t['bytes']:,} bytes in {seconds:.1f} s "
        f"to {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
