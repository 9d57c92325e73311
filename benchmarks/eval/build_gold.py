"""Build benchmarks/eval/gold.jsonl: the hand-annotated entity gold standard.

The articles in benchmarks/eval/articles/ are cut into stories by Briefing's own segmenter, so
the text and the offsets are exactly those Briefing stores. The annotations below were written
by hand from the text alone (never from the extractor's output), following the annotation guide
in benchmarks/eval/README.md. This script only turns them into character offsets, and fails
loudly when an annotation does not fit the text (a surface form not found, an occurrence that
does not exist, two annotations that overlap, an article without annotations).

Annotation syntax, one block per article::

    @ <file> <position> <first words of the title>
    [field:]surface[#i,j] | TYPE [| canonical]

* without ``field:`` and ``#...`` the line annotates every occurrence of ``surface`` (case-
  sensitive, whole words) in the article's title, deck and body;
* ``field:surface`` limits it to one field (title, deck or body);
* ``field:surface#0,2`` annotates only the 1st and 3rd occurrence of ``surface`` in that field
  (counted over all whole-word occurrences, even those inside a longer annotation);
* TYPE ``NOT`` marks occurrences that are deliberately not entities (for the reader, and so
  that a catch-all line for the same surface skips them);
* ``canonical`` defaults to CANONICAL[surface] when listed there, else to the surface itself.

Longer surfaces are placed first; a catch-all line skips occurrences inside a longer
annotation ("Putin" inside "Vladimir Putin"). A surface counts as a whole word when it is not
glued to letters or digits, nor joined by a hyphen to a lower-case word: "US" does not match in
"US-led", nor "EU" in "pro-EU" (compound adjectives, not annotated), but "Russia" does in
"US-Russia" (two names side by side).
In a title built from a kicker ("REVENGE: deck ..."), the kicker part is never annotated.

Usage: python benchmarks/eval/build_gold.py [--report]
  --report  also list, per article, capitalised words and designators left unannotated, to
            review for missed entities.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.domain import ParsedArticle  # noqa: E402
from briefing.ingest.segment import segment_text  # noqa: E402

ARTICLES_DIR = HERE / "articles"
GOLD_PATH = HERE / "gold.jsonl"
TYPES = ("PERSON", "ORG", "PLACE", "WEAPON", "TREATY")
FIELDS = ("title", "deck", "body")

# Canonical names used whenever an annotation line gives none (aliases and short forms that
# recur across articles). Persons are always given explicitly, as their fullest form in the
# article.
CANONICAL: dict[str, str] = {
    # places
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Türkiye": "Turkey",
    "Mediterranean": "Mediterranean Sea",
    "the Gulf": "Persian Gulf",
    "Gulf": "Persian Gulf",
    "West": "West",
    "East Sea": "Sea of Japan",
    "DMZ": "Demilitarized Zone",
    "LoC": "Line of Control",
    "Kyiv": "Kyiv",
    # organisations
    "UN": "United Nations",
    "EU": "European Union",
    "Security Council": "UN Security Council",
    "CENTCOM": "US Central Command",
    "IAEA": "IAEA",
    "International Atomic Energy Agency": "IAEA",
    "KCNA": "Korean Central News Agency",
    "PLA": "People's Liberation Army",
    "IDF": "Israel Defense Forces",
    "IRGC": "Islamic Revolutionary Guard Corps",
    "ISPR": "Inter-Services Public Relations",
    "DRDO": "Defence Research and Development Organisation",
    "SDF": "Syrian Democratic Forces",
    "UNIFIL": "UNIFIL",
    "North Atlantic Treaty Organization": "NATO",
    "OSCE": "OSCE",
    "Organization for Security and Co-operation in Europe": "OSCE",
    # weapons
    "SS-27": "Topol-M",
    "SSC-8": "9M729",
    "SS-26": "Iskander-M",
    "Geran-2": "Shahed-136",
    "Shahed": "Shahed-136",
    "Kh-47M2 Kinzhal": "Kinzhal",
    "Kh-47M2": "Kinzhal",
    "SCALP": "Storm Shadow",
    "SCALP-EG": "Storm Shadow",
    "M142 HIMARS": "HIMARS",
    "MIM-104 Patriot": "Patriot",
    "Sudarshan Chakra": "S-400",
    "SA-21": "S-400",
    "KN-23": "Hwasong-11",
    "RS-28 Sarmat": "Sarmat",
    "SS-18 Satan": "R-36M2",
    "SS-18": "R-36M2",
    "LGM-35A Sentinel": "Sentinel",
    "Chunmoo": "Chunmoo",
    "K239 Chunmoo": "Chunmoo",
    # treaties
    "INF": "INF Treaty",
    "INF treaty": "INF Treaty",
    "INF Treaty": "INF Treaty",
    "Intermediate-Range Nuclear Forces Treaty": "INF Treaty",
    "Intermediate-Range Nuclear Forces (INF) Treaty": "INF Treaty",
    "Intermediate Nuclear Forces (INF) treaty": "INF Treaty",
    "CFE": "CFE Treaty",
    "CFE treaty": "CFE Treaty",
    "CFE Treaty": "CFE Treaty",
    "Conventional Forces in Europe (CFE) Treaty": "CFE Treaty",
    "Treaty on Conventional Armed Forces in Europe": "CFE Treaty",
    "New START treaty": "New START",
    "New START": "New START",
    "Open Skies": "Open Skies Treaty",
    "Open Skies treaty": "Open Skies Treaty",
    "Treaty on Open Skies": "Open Skies Treaty",
    "Comprehensive Nuclear-Test-Ban Treaty": "CTBT",
    "Comprehensive Test Ban Treaty": "CTBT",
    "Non-Proliferation Treaty": "NPT",
    "Nuclear Non-Proliferation Treaty": "NPT",
    "Treaty on the Non-Proliferation of Nuclear Weapons": "NPT",
    "Joint Comprehensive Plan of Action": "JCPOA",
    "Anti-Ballistic Missile Treaty": "ABM Treaty",
    "ABM treaty": "ABM Treaty",
    "Minsk agreements": "Minsk agreements",
    "Minsk accords": "Minsk agreements",
    "Minsk II": "Minsk agreements",
    "Ottawa Convention": "Ottawa Treaty",
    "Mine Ban Treaty": "Ottawa Treaty",
    "Washington Treaty": "North Atlantic Treaty",
    "Treaty of Lisbon": "Lisbon Treaty",
    "CWC": "Chemical Weapons Convention",
}

_ENTRY = re.compile(
    r"^(?:(?P<field>title|deck|body):)?(?P<surface>.+?)(?:#(?P<indexes>\d+(?:,\d+)*))?$"
)


@dataclass(frozen=True, slots=True)
class Entry:
    field: str | None
    surface: str
    indexes: tuple[int, ...] | None
    type: str
    canonical: str
    line: int


@dataclass(slots=True)
class Spec:
    file: str
    position: int
    title_start: str
    line: int
    entries: list[Entry] = field(default_factory=list)


class GoldError(Exception):
    pass


def parse_annotations(text: str) -> list[Spec]:
    specs: list[Spec] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("@"):
            parts = line[1:].strip().split(" ", 2)
            if len(parts) < 3:
                raise GoldError(f"annotation line {number}: '@ file position title' expected")
            specs.append(Spec(parts[0], int(parts[1]), parts[2], number))
            continue
        if not specs:
            raise GoldError(f"annotation line {number}: entry before any '@' header")
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) not in (2, 3):
            raise GoldError(f"annotation line {number}: 'surface | TYPE [| canonical]': {line}")
        match = _ENTRY.match(cells[0])
        if match is None:
            raise GoldError(f"annotation line {number}: bad surface: {cells[0]}")
        type_ = cells[1]
        if type_ not in TYPES and type_ != "NOT":
            raise GoldError(f"annotation line {number}: unknown type {type_}")
        surface = match.group("surface")
        indexes = match.group("indexes")
        if indexes is not None and match.group("field") is None:
            raise GoldError(f"annotation line {number}: occurrence indexes need a field")
        canonical = cells[2] if len(cells) == 3 else CANONICAL.get(surface, surface)
        specs[-1].entries.append(
            Entry(
                field=match.group("field"),
                surface=surface,
                indexes=tuple(int(i) for i in indexes.split(",")) if indexes else None,
                type=type_,
                canonical=canonical,
                line=number,
            )
        )
    return specs


def occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of the whole-word occurrences of surface in text."""
    pattern = re.compile(r"(?<![\w])(?<![a-z]-)" + re.escape(surface) + r"(?![\w])(?!-[a-z])")
    return [match.start() for match in pattern.finditer(text)]


def article_fields(article: ParsedArticle) -> dict[str, str]:
    return {"title": article.title, "deck": article.deck, "body": article.body}


def kicker_zone(article: ParsedArticle) -> int:
    """Length of the title prefix that is the kicker ("REVENGE: "), never annotated."""
    if article.kicker and article.title.startswith(article.kicker + ":"):
        return len(article.kicker) + 1
    return 0


def annotate(
    article: ParsedArticle, spec: Spec
) -> tuple[list[dict[str, object]], list[tuple[str, int, int]]]:
    """The article's gold mentions, and the spans marked NOT (deliberately not entities)."""
    fields = article_fields(article)
    zone = kicker_zone(article)
    claimed: dict[str, list[tuple[int, int]]] = {name: [] for name in FIELDS}
    mentions: list[dict[str, object]] = []
    excluded: list[tuple[str, int, int]] = []
    where = f"{spec.file} #{spec.position}"

    meanings: dict[tuple[str | None, str], set[tuple[str, str]]] = {}
    for entry in spec.entries:
        if entry.indexes is None:
            meanings.setdefault((entry.field, entry.surface), set()).add(
                (entry.type, entry.canonical)
            )
    for (_field, surface), seen in meanings.items():
        if len(seen) > 1:
            raise GoldError(f"{where}: '{surface}' has several meanings: give occurrences")

    def overlaps(name: str, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in claimed[name])

    # Explicit occurrences first (they decide), then catch-alls, longest surfaces first.
    ordered = sorted(spec.entries, key=lambda e: (e.indexes is None, -len(e.surface)))
    for entry in ordered:
        names = (entry.field,) if entry.field else FIELDS
        found = 0
        for name in names:
            text = fields[name]
            starts = occurrences(text, entry.surface)
            if name == "title":
                starts = [s for s in starts if s >= zone]
            if entry.indexes is not None:
                for index in entry.indexes:
                    if index >= len(starts):
                        raise GoldError(
                            f"{where}: line {entry.line}: {name} has no occurrence {index} "
                            f"of '{entry.surface}' (it has {len(starts)})"
                        )
                picked = [starts[i] for i in entry.indexes]
            else:
                picked = starts
            for start in picked:
                end = start + len(entry.surface)
                if overlaps(name, start, end):
                    if entry.indexes is not None:
                        raise GoldError(
                            f"{where}: line {entry.line}: '{entry.surface}' occurrence at "
                            f"{start} overlaps another annotation"
                        )
                    continue
                claimed[name].append((start, end))
                found += 1
                if entry.type == "NOT":
                    excluded.append((name, start, end))
                    continue
                assert text[start:end] == entry.surface
                mentions.append(
                    {
                        "field": name,
                        "start": start,
                        "end": end,
                        "text": entry.surface,
                        "type": entry.type,
                        "canonical": entry.canonical,
                    }
                )
        if found == 0:
            raise GoldError(f"{where}: line {entry.line}: '{entry.surface}' not found")
    mentions.sort(key=lambda m: (FIELDS.index(str(m["field"])), m["start"]))
    return mentions, excluded


_CANDIDATE = re.compile(r"[A-Z0-9][\w'’.-]*[\w]|[A-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\n|[\"“‘(]\s*)$")


def report_uncovered(
    article: ParsedArticle, mentions: list[dict[str, object]], excluded: list[tuple[str, int, int]]
) -> list[str]:
    """Capitalised words and designators (digits) not inside any annotation, with the field
    and whether they open a sentence, for a reviewer to confirm none is a missed entity."""
    fields = article_fields(article)
    zone = kicker_zone(article)
    lines: list[str] = []
    for name in FIELDS:
        text = fields[name]
        spans = [(m["start"], m["end"]) for m in mentions if m["field"] == name]
        spans += [(start, end) for field_name, start, end in excluded if field_name == name]
        counts: Counter[str] = Counter()
        for match in _CANDIDATE.finditer(text):
            word = match.group()
            if not (word[0].isupper() or (any(c.isdigit() for c in word) and "-" in word)):
                continue
            if name == "title" and match.start() < zone:
                continue
            if any(s <= match.start() < e for s, e in spans):  # type: ignore[operator]
                continue
            opener = _SENTENCE_START.search(text[: match.start()]) is not None
            counts[("^" if opener else "") + word] += 1
        if counts:
            listed = ", ".join(f"{w}×{c}" if c > 1 else w for w, c in sorted(counts.items()))
            lines.append(f"  {name}: {listed}")
    return lines


def build(report: bool = False) -> list[dict[str, object]]:
    specs = {(s.file, s.position): s for s in parse_annotations(ANNOTATIONS)}
    records: list[dict[str, object]] = []
    seen: set[tuple[str, int]] = set()
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for article in segment_text(text, origin_file=path.name):
            key = (path.name, article.origin_position)
            spec = specs.get(key)
            if spec is None:
                if report:
                    print(f"== {path.name} #{article.origin_position}: NOT ANNOTATED YET")
                    continue
                raise GoldError(f"{key}: no annotations (title {article.title!r})")
            if not article.title.startswith(spec.title_start):
                raise GoldError(
                    f"{key}: title {article.title!r} does not start with {spec.title_start!r}"
                )
            seen.add(key)
            mentions, excluded = annotate(article, spec)
            fields = article_fields(article)
            for mention in mentions:
                start, end = int(mention["start"]), int(mention["end"])  # type: ignore[call-overload]
                assert fields[str(mention["field"])][start:end] == mention["text"]
            records.append(
                {
                    "file": path.name,
                    "position": article.origin_position,
                    "title": article.title,
                    "kicker": article.kicker,
                    "fields": fields,
                    "entities": mentions,
                }
            )
            if report:
                print(f"== {path.name} #{article.origin_position}: {article.title[:70]}")
                for line in report_uncovered(article, mentions, excluded):
                    print(line)
    missing = sorted(set(specs) - seen)
    if missing:
        raise GoldError(f"annotations for articles the segmenter did not produce: {missing}")
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="list unannotated capitals")
    args = parser.parse_args(argv)
    try:
        records = build(report=args.report)
    except GoldError as error:
        print(f"build_gold: {error}", file=sys.stderr)
        return 1
    with GOLD_PATH.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = Counter(str(m["type"]) for r in records for m in r["entities"])  # type: ignore[attr-defined]
    total = sum(counts.values())
    summary = ", ".join(f"{t} {counts[t]}" for t in TYPES)
    print(f"wrote {GOLD_PATH.relative_to(ROOT)}: {len(records)} articles, {total} mentions")
    print(f"  {summary}")
    return 0


# ---- the annotations, by hand ------------------------------------------------------------------

ANNOTATIONS = """
@ wire_0312_europe_mixed.txt 0 Russia has moved
SS-26 Stone | WEAPON | Iskander-M
Russia | PLACE
Oreshnik | WEAPON
Belarus | PLACE
Andrei Belousov | PERSON
Belousov | PERSON | Andrei Belousov
Moscow | PLACE
body:Defence Ministry | ORG | Ministry of Defence (Russia)
Alexander Lukashenko | PERSON
Lukashenko | PERSON | Alexander Lukashenko
Krichev | PLACE
Iskander-M | WEAPON
Minsk | PLACE
RS-26 Rubezh | WEAPON
Dnipro | PLACE
Pentagon | ORG
Intermediate-Range Nuclear Forces (INF) Treaty | TREATY
Ronald Reagan | PERSON
Mikhail Gorbachev | PERSON
Washington | PLACE
9M729 | WEAPON
NATO | ORG
SSC-8 | WEAPON
body:Foreign Ministry#0 | ORG | Ministry of Foreign Affairs (Russia)
body:Foreign Ministry#1 | ORG | Ministry of Foreign Affairs (Belarus)
Sergei Ryabkov | PERSON
RIA Novosti | ORG
INF | TREATY
Vilnius | PLACE
Dovile Sakaliene | PERSON
Europe | PLACE
Patriot | WEAPON
Mark Rutte | PERSON
Rutte | PERSON | Mark Rutte
Brussels | PLACE
North Atlantic Council | ORG
Germany | PLACE
US | PLACE
SM-6 | WEAPON
Tomahawk | WEAPON
Hungary | PLACE
Slovakia | PLACE

@ wire_0312_europe_mixed.txt 1 RETALIATION: Washington said
Washington | PLACE
Red Sea | PLACE
US Navy | ORG
Tomahawk | WEAPON
Houthis | ORG
Hodeidah | PLACE
US Central Command | ORG
Sanaa | PLACE
Yemen | PLACE
Israel | PLACE
Yahya Saree | PERSON
Palestine-2 | WEAPON
Pentagon | ORG
CENTCOM | ORG
Brad Cooper | PERSON
Bab el-Mandeb | PLACE
Iran | PLACE

@ wire_0312_europe_mixed.txt 2 Four people died
Cusco | PLACE
Abancay | PLACE
Peru | PLACE
Expreso Wari Andino | ORG
Lima | PLACE
Renzo Quispe Huaman | PERSON
Quispe | PERSON | Renzo Quispe Huaman
Sutran | ORG

@ wire_0312_europe_mixed.txt 3 STANDOFF AT THE BORDER:
Pongsak Srisuwan | PERSON
Pongsak | PERSON | Pongsak Srisuwan
Thailand | PLACE
Cambodia | PLACE
General Border Committee | ORG
Chanthaburi | PLACE
Natthaphon Narkphanit | PERSON
Natthaphon | PERSON | Natthaphon Narkphanit
Ta Muen Thom | PLACE
Kuala Lumpur | PLACE
ASEAN | ORG
Bangkok | PLACE
Malaysia | PLACE
Surin | PLACE | Surin Province
Tea Seiha | PERSON
Phnom Penh | PLACE
Ottawa Treaty | TREATY

@ wire_0312_europe_mixed.txt 4 PERSONA NON GRATA:
Cold War | NOT
Estonia | PLACE
body:Foreign Ministry#0 | ORG | Ministry of Foreign Affairs (Estonia)
body:Foreign Ministry#1 | ORG | Ministry of Foreign Affairs (Russia)
Tallinn | PLACE
Vienna Convention on Diplomatic Relations | TREATY
Margus Tsahkna | PERSON
GRU | ORG
Russia | PLACE
Moscow | PLACE
Maria Zakharova | PERSON

@ defence_notes_new_start.txt 0 Putin offers to keep New START
Topol-M | WEAPON
SS-27 Sickle | WEAPON | Topol-M
RS-24 Yars | WEAPON | Yars
NATO | ORG
Vladimir Putin | PERSON
Putin | PERSON | Vladimir Putin
New START treaty | TREATY
New START | TREATY
US | PLACE
Russia | PLACE
United States | PLACE
Prague | PLACE
Barack Obama | PERSON
Dmitry Medvedev | PERSON
INF treaty | TREATY
Open Skies Treaty | TREATY
Moscow | PLACE
State Department | ORG
Kremlin | ORG
Dmitry Peskov | PERSON
Peskov | PERSON | Dmitry Peskov
Washington | PLACE
China | PLACE
Pentagon | ORG
Beijing | PLACE
RS-28 Sarmat | WEAPON
R-36M2 | WEAPON
West | PLACE
SS-18 Satan | WEAPON
Avangard | WEAPON
LGM-35A Sentinel | WEAPON
Minuteman III | WEAPON
Hanna Lindqvist | PERSON
Lindqvist | PERSON | Hanna Lindqvist
Stockholm International Peace Research Institute | ORG
SIPRI | ORG | Stockholm International Peace Research Institute
Comprehensive Nuclear-Test-Ban Treaty | TREATY
CTBT | TREATY
Treaty on the Non-Proliferation of Nuclear Weapons | TREATY
NPT | TREATY
New York | PLACE
START treaty | TREATY | START I
George H. W. Bush | PERSON
Mikhail Gorbachev | PERSON
SALT I | TREATY
SALT II | TREATY
ABM Treaty | TREATY

@ asia_desk_0408.txt 0 North Korea fires Hwasong-19
North Korea | PLACE
Hwasong-19 | WEAPON
Seoul | PLACE
SEOUL | PLACE | Seoul
Tokyo | PLACE
Yonhap | ORG
East Sea | PLACE
South Korea | PLACE
Joint Chiefs of Staff | ORG | Joint Chiefs of Staff (South Korea)
JCS | ORG | Joint Chiefs of Staff (South Korea)
Pyongyang | PLACE
Japan | PLACE
Gen Nakatani | PERSON
Hwasong-18 | WEAPON
Korean Central News Agency | ORG
KCNA | ORG
Kim Jong Un | PERSON
United States | PLACE
Freedom Edge | NOT
Cho Hyun | PERSON
US | PLACE
UN Security Council | ORG
Foreign Ministry | ORG | Ministry of Foreign Affairs (South Korea)
Park Ji-yeon | PERSON
Park | PERSON | Park Ji-yeon
Unification Ministry | ORG | Ministry of Unification (South Korea)
Punggye-ri | PLACE
Russia | PLACE
Security Council | ORG

@ asia_desk_0408.txt 1 Philippines, China trade blame
Philippines | PLACE
China | PLACE
Second Thomas Shoal | PLACE
MANILA | PLACE | Manila
Reuters | ORG
South China Sea | PLACE
Jay Tarriela | PERSON
Philippine Coast Guard | ORG
China Coast Guard | ORG
Ren'ai Reef | PLACE | Second Thomas Shoal
United States | PLACE
Mutual Defense Treaty | TREATY
Washington | PLACE
US | PLACE
US Army | ORG
Balikatan | NOT
Typhon | WEAPON
NMESIS | WEAPON
Luzon | PLACE
Taiwan Strait | PLACE
Beijing | PLACE
Tomahawk | WEAPON
SM-6 | WEAPON
Gilberto Teodoro | PERSON
Foreign Ministry | ORG | Ministry of Foreign Affairs (China)
Lin Jian | PERSON
Manila | PLACE

@ asia_desk_0408.txt 2 Taiwan test-fires Tien Kung III
Taiwan | PLACE
Tien Kung III | WEAPON
Patriot | WEAPON
Jiupeng | PLACE
Pingtung | PLACE | Pingtung County
China | PLACE
People's Liberation Army | ORG
PLA | ORG
Eastern Theater Command | ORG
Strait Thunder | NOT
Rocket Force | ORG | PLA Rocket Force
DF-26 | WEAPON
DF-17 | WEAPON
CCTV | ORG
Wellington Koo | PERSON
Koo | PERSON | Wellington Koo
HIMARS | WEAPON
Hsiung Feng III | WEAPON
Taipei | PLACE
Beijing | PLACE
Taiwan Affairs Office | ORG
Guam | PLACE
Washington | PLACE
State Department | ORG
US | PLACE

@ asia_desk_0408.txt 3 India tests Agni-V
India | PLACE
Agni-V | WEAPON
Odisha | PLACE
Defence Research and Development Organisation | ORG
DRDO | ORG
Abdul Kalam Island | PLACE
Mission Divyastra | NOT
Bay of Bengal | PLACE
Narendra Modi | PERSON
Rajnath Singh | PERSON
China | PLACE
Pakistan | PLACE
Ababeel | WEAPON
Inter-Services Public Relations | ORG
ISPR | ORG
Indian Air Force | ORG
Vikram Deshmukh | PERSON
Deshmukh | PERSON | Vikram Deshmukh
Beijing | PLACE
Rawalpindi | PLACE
K-4 | WEAPON

@ asia_desk_0408.txt 4 Japan to deploy longer-range Type 12
Japan | PLACE
Type 12 | WEAPON
title:Kumamoto | PLACE | Kumamoto
body:Kumamoto#0 | PLACE | Kumamoto Prefecture
body:Kumamoto#1 | PLACE | Kumamoto
Camp Kengun | PLACE
Ministry of Defense | ORG | Ministry of Defence (Japan)
Tokyo | PLACE
Camp Fuji | PLACE
Shizuoka | PLACE
Tomahawk | WEAPON
Hiroko Tanabe | PERSON
China | PLACE
Foreign Ministry | ORG | Ministry of Foreign Affairs (China)

@ middle_east_digest.txt 0 INTERCEPTS: Israel says
Fateh-110 | WEAPON
Russia | PLACE
Iraq | PLACE
Syria | PLACE
Israel | PLACE
Iran | PLACE
Fattah-1 | WEAPON
Kheibar Shekan | WEAPON
Tehran | PLACE
Hezbollah | ORG
Hamas | ORG
Israel Defense Forces | ORG
IDF | ORG
Arrow 3 | WEAPON
David's Sling | WEAPON
US | PLACE
SM-3 | WEAPON
Mediterranean | PLACE
Nevatim | PLACE
Negev | PLACE
Daniel Hagari | PERSON
Amman | PLACE
Jordan | PLACE
Jordan Levy | PERSON
Levy | PERSON | Jordan Levy
Madaba | PLACE
Noa Ben-Haim | PERSON
Ben-Haim | PERSON | Noa Ben-Haim
Institute for National Security Studies | ORG
INSS | ORG | Institute for National Security Studies
Tel Aviv | PLACE
THAAD | WEAPON
Pentagon | ORG
Pat Ryder | PERSON
Washington | PLACE
Home Front Command | ORG
Haifa | PLACE
Beersheba | PLACE

@ middle_east_digest.txt 1 SNAPBACK: The measures
UN | ORG
Britain | PLACE
France | PLACE
Germany | PLACE
United Nations | ORG
Iran | PLACE
Tehran | PLACE
Joint Comprehensive Plan of Action | TREATY
JCPOA | TREATY
E3 | ORG
International Atomic Energy Agency | ORG
IAEA | ORG
Abbas Araghchi | PERSON
Nuclear Non-Proliferation Treaty | TREATY
Rafael Grossi | PERSON
Isfahan | PLACE
Fordow | PLACE

@ middle_east_digest.txt 2 BORDER TALKS: Officials said
Ankara | PLACE
Bashar al-Assad | PERSON
Turkey | PLACE
Syria | PLACE
Manbij | PLACE
Tishrin Dam | PLACE
Euphrates | PLACE
Yasar Guler | PERSON
Guler | PERSON | Yasar Guler
Murhaf Abu Qasra | PERSON
Abu Qasra | PERSON | Murhaf Abu Qasra
Syrian Democratic Forces | ORG
SDF | ORG
United States | PLACE
Türkiye | PLACE
Hisar-O | WEAPON
Bayraktar TB2 | WEAPON
Damascus | PLACE

@ middle_east_digest.txt 3 MONITORS: UN peacekeepers
UN | ORG
Blue Line | PLACE
United Nations Interim Force in Lebanon | ORG | UNIFIL
UNIFIL | ORG
Israel Katz | PERSON
Israel | PLACE
Hezbollah | ORG
Lebanon | PLACE
Naqoura | PLACE
Litani River | PLACE
Nawaf Salam | PERSON
Naim Qassem | PERSON
Nabatieh | PLACE
IDF | ORG
Radwan Force | ORG
UN Security Council | ORG
Italy | PLACE
France | PLACE
Spain | PLACE
India | PLACE
Indonesia | PLACE
Ireland | PLACE

@ ordinary_news_mix.txt 0 Typhoon Ragasa forces
Typhoon Ragasa | NOT
Ragasa | NOT
China | PLACE
Luzon | PLACE
Taiwan | PLACE
Hong Kong | PLACE
Hong Kong Observatory | ORG
Guangdong | PLACE
Cathay Pacific | ORG
Shenzhen | PLACE
Zhuhai | PLACE
Xinhua | ORG
Pearl River Delta | PLACE
Hualien | PLACE | Hualien County
Guangfu | PLACE
Philippines | PLACE
Cagayan | PLACE
Chan Man-yee | PERSON
Chan | PERSON | Chan Man-yee
Guangxi | PLACE

@ ordinary_news_mix.txt 1 Seven killed as ferry sinks
Bali Strait | PLACE
Indonesia | PLACE
KMP Tunu Pratama Jaya | NOT
Ketapang | PLACE
Banyuwangi | PLACE
Java | PLACE
Gilimanuk | PLACE
Bali | PLACE
National Search and Rescue Agency | ORG
Basarnas | ORG | National Search and Rescue Agency
I Nyoman Sidakarya | PERSON
Sidakarya | PERSON | I Nyoman Sidakarya
Denpasar | PLACE
Kompas | ORG

@ ordinary_news_mix.txt 2 India beat Pakistan
India | PLACE
Pakistan | PLACE
Dubai | PLACE
Asia Cup | NOT
Kuldeep Yadav | PERSON
Suryakumar Yadav | PERSON
Suryakumar | PERSON | Suryakumar Yadav
Pahalgam | PLACE
Pakistan Cricket Board | ORG
International Cricket Council | ORG
ICC | ORG | International Cricket Council
Mike Hesson | PERSON
Super Four | NOT
Abu Dhabi | PLACE

@ ordinary_news_mix.txt 3 Hyundai to resume work
Hyundai Motor Group | ORG
Hyundai | ORG | Hyundai Motor Group
Georgia | PLACE | Georgia (US state)
US | PLACE
LG Energy Solution | ORG
Ellabell | PLACE
Savannah | PLACE
US Immigration and Customs Enforcement | ORG
ICE | ORG | US Immigration and Customs Enforcement
Bryan County | PLACE
Atlanta | PLACE
Korean Air | ORG
Seoul | PLACE
Brian Kemp | PERSON
Washington | PLACE
Lee Jae-myung | PERSON
United States | PLACE
Jose Munoz | PERSON

@ ordinary_news_mix.txt 4 Turkey prices soar
title:Turkey#0 | NOT
body:Turkey#0 | NOT
Thanksgiving | NOT
United States | PLACE
Minnesota | PLACE
Dakotas | PLACE
US Department of Agriculture | ORG
USDA | ORG | US Department of Agriculture
Ashley Kohls | PERSON
Minnesota Turkey Growers Association | ORG
Butterball | ORG
Walmart | ORG
Kroger | ORG

@ ordinary_news_mix.txt 5 Patriots edge Bills
New England Patriots | ORG
Patriots | ORG | New England Patriots
Buffalo Bills | ORG
Bills | ORG | Buffalo Bills
title:Buffalo | PLACE
body:Buffalo#1 | PLACE
body:Buffalo#2 | ORG | Buffalo Bills
Drake Maye | PERSON
Maye | PERSON | Drake Maye
Highmark Stadium | PLACE
Stefon Diggs | PERSON
New England | ORG | New England Patriots
Josh Allen | PERSON
Andy Borregales | PERSON
Mike Vrabel | PERSON
Atlanta | PLACE
New Orleans Saints | ORG
Foxborough | PLACE

@ ordinary_news_mix.txt 6 Fire at Sivakasi
Sivakasi | PLACE
Tamil Nadu | PLACE
Diwali | NOT
M. Karthikeyan | PERSON
Virudhunagar | PLACE | Virudhunagar District
Sattur | PLACE
M.K. Stalin | PERSON
Ramasamy Pandian | PERSON
Priya Venkatesan | PERSON
India | PLACE

@ ordinary_news_mix.txt 7 Lagos-born author
Adaeze Okonkwo-Bello | PERSON
Okonkwo-Bello | PERSON | Adaeze Okonkwo-Bello
Booker Prize | NOT
Kano | PLACE
Niger Delta | PLACE
Lagos | PLACE
University of Manchester | ORG
Roddy Doyle | PERSON
Old Billingsgate | PLACE
London | PLACE
Camilla | PERSON
Britain | PLACE
Faber & Faber | ORG
Nigeria | PLACE
Cassava Republic Press | ORG
Enugu | PLACE

@ ordinary_news_mix.txt 8 Storm Amy brings
Storm Amy | NOT
Amy | NOT
Scotland | PLACE
Northern Ireland | PLACE
Met Office | ORG
ScotRail | ORG
Caledonian MacBrayne | ORG
Hebrides | PLACE
Ballymena | PLACE
County Antrim | PLACE
Police Service of Northern Ireland | ORG
Northern Ireland Electricity Networks | ORG
SEPA | ORG
Argyll | PLACE
Highlands | PLACE
Imperial College London | ORG
North Atlantic | PLACE
Paris Agreement | TREATY
Kyoto Protocol | TREATY

@ ukraine_war_roundup.txt 0 Russia fires record 810 drones
Russia | PLACE
Ukraine | PLACE
Patriot | WEAPON
Kinzhals | WEAPON | Kinzhal
Kyiv | PLACE
Shahed-136 | WEAPON
Iskander-M | WEAPON
Kh-47M2 Kinzhal | WEAPON
MiG-31K | NOT
Bryansk | PLACE | Bryansk Oblast
Yuliia Hnatiuk | PERSON
IRIS-T | WEAPON
NASAMS | WEAPON
Gepard | WEAPON
Defence Ministry | ORG | Ministry of Defence (Russia)
Zhytomyr | PLACE | Zhytomyr Oblast
Khmelnytskyi | PLACE | Khmelnytskyi Oblast
Kalibr | WEAPON
Geran-2 | WEAPON
Shahed | WEAPON
Yulia Svyrydenko | PERSON
Cabinet of Ministers | ORG | Cabinet of Ministers (Ukraine)
Poland | PLACE
Operational Command | ORG | Operational Command (Poland)
Lviv | PLACE
Andriy Sadovyi | PERSON
Volodymyr Zelensky | PERSON
Zelensky | PERSON | Volodymyr Zelensky
Moscow | PLACE
Kremlin | ORG

@ ukraine_war_roundup.txt 1 Ukraine hits Russian air base
Ukraine | PLACE
Engels | PLACE
Neptune | WEAPON
Long Neptune | WEAPON
Russia | PLACE
body:Saratov#0,1,3 | PLACE | Saratov Oblast
body:Saratov#2 | PLACE | Saratov
Kh-101 | WEAPON
Tu-95 | NOT
General Staff | ORG | General Staff (Ukraine)
4th Rocket Artillery Brigade | ORG
Unmanned Systems Forces | ORG
Roman Busargin | PERSON
Volga River | PLACE
Defence Ministry | ORG | Ministry of Defence (Russia)
Rostov | PLACE | Rostov Oblast
Voronezh | PLACE | Voronezh Oblast
Crimea | PLACE
Kyiv Independent | ORG
Kyiv | PLACE
FP-5 Flamingo | WEAPON | Flamingo
Fire Point | ORG
United States | PLACE
Britain | PLACE
ATACMS | WEAPON
Storm Shadow | WEAPON
Kursk | PLACE | Kursk Oblast
Belgorod | PLACE | Belgorod Oblast
Pentagon | ORG
PrSM | WEAPON
HIMARS | WEAPON
Maxim Zhuravlev | PERSON
S-400 | WEAPON
Pantsir | WEAPON

@ ukraine_war_roundup.txt 2 Allies pledge more air defence
Ukraine | PLACE
Ukraine Defense Contact Group | ORG
Patriot | WEAPON
IRIS-T SLM | WEAPON | IRIS-T
IRIS-T | WEAPON
SAMP/T | WEAPON
NATO | ORG
Brussels | PLACE
Britain | PLACE
Germany | PLACE
John Healey | PERSON
Boris Pistorius | PERSON
Berlin | PLACE
US | PLACE
Diehl Defence | ORG
Überlingen | PLACE
Pete Hegseth | PERSON
Pentagon | ORG
PURL | NOT
Denys Shmyhal | PERSON
Kyiv | PLACE
Rheinmetall | ORG
Ramstein Air Base | PLACE
Mark Rutte | PERSON
Moscow | PLACE
Sergei Lavrov | PERSON
Russia | PLACE
West | PLACE
Minsk agreements | TREATY
Budapest Memorandum | TREATY
Soviet Union | PLACE
United States | PLACE

@ ukraine_war_roundup.txt 3 Sea drones strike
SCALP-EG | WEAPON
France | PLACE
Crimea | PLACE
Turkey | PLACE
Novorossiysk | PLACE
Russia | PLACE
Black Sea Fleet | ORG
Black Sea | PLACE
Dmytro Pletenchuk | PERSON
Magura V5 | WEAPON
Ukraine | PLACE
HUR | ORG
Defence Ministry | ORG | Ministry of Defence (Russia)
Sevastopol | PLACE
Storm Shadow | WEAPON
Bosphorus | PLACE
Dardanelles | PLACE
Montreux Convention | TREATY
Baltic Sea | PLACE
Arctic | PLACE
Ankara | PLACE
Hakan Fidan | PERSON
Istanbul | PLACE
Odesa | PLACE
Kerch Bridge | PLACE
Kerch Strait | PLACE
Crimean Bridge | PLACE | Kerch Bridge
Moscow | PLACE

@ south_asia_wire.txt 0 India keeps Indus Waters Treaty
India | PLACE
Indus Waters Treaty | TREATY
Pakistan | PLACE
NEW DELHI | PLACE | New Delhi
Reuters | ORG
Islamabad | PLACE
Permanent Court of Arbitration | ORG
The Hague | PLACE
Vikram Misri | PERSON
New Delhi | PLACE
Chenab | PLACE
Jhelum | PLACE
Kishanganga | PLACE
Ratle | PLACE
Jammu and Kashmir | PLACE
World Bank | ORG
Indus | PLACE
Pahalgam | PLACE
Lashkar-e-Taiba | ORG
Shehbaz Sharif | PERSON
Ishaq Dar | PERSON
Simla Agreement | TREATY
Line of Control | PLACE
LoC | PLACE
Kashmir | PLACE
Bahawalpur | PLACE
Muridke | PLACE
Operation Sindoor | NOT
Fatah-II | WEAPON
BrahMos | WEAPON
Nur Khan | PLACE
Rawalpindi | PLACE
Sargodha | PLACE
S-400 | WEAPON
Sudarshan Chakra | WEAPON
Punjab | PLACE
Rajasthan | PLACE
HQ-9 | WEAPON
J-10C | NOT
Asim Munir | PERSON
Rajnath Singh | PERSON

@ south_asia_wire.txt 1 Pakistan tests Fatah-4
Pakistan | PLACE
Fatah-4 | WEAPON
Army Rocket Force Command | ORG
Inter-Services Public Relations | ORG
ISPR | ORG
National Engineering and Scientific Commission | ORG
China | PLACE
PLA Rocket Force | ORG
Fatah | WEAPON
Babur | WEAPON
Ghaznavi | WEAPON
Shaheen-III | WEAPON
Army Strategic Forces Command | ORG
Ayesha Siddiqa | PERSON
London | PLACE
India | PLACE
BrahMos | WEAPON
Pralay | WEAPON
New Delhi | PLACE
Saudi Arabia | PLACE
Strategic Mutual Defence Agreement | TREATY
Riyadh | PLACE
Mohammed bin Salman | PERSON
Shehbaz Sharif | PERSON
al-Yamamah Palace | PLACE

@ south_asia_wire.txt 2 Sri Lanka, India sign
Sri Lanka | PLACE
India | PLACE
Narendra Modi | PERSON
Colombo | PLACE
Anura Kumara Dissanayake | PERSON
Dissanayake | PERSON | Anura Kumara Dissanayake
New Delhi | PLACE
Indian Ocean | PLACE
Sampur | PLACE
body:Trincomalee#0 | PLACE | Trincomalee District
body:Trincomalee#1 | PLACE | Trincomalee
Ceylon Petroleum Corporation | ORG
Hambantota | PLACE
Kanchana Banagoda | PERSON
Indian Navy | ORG
Palk Strait | PLACE

@ arms_industry_weekly.txt 0 Lockheed Martin wins
Lockheed Martin | ORG
Lockheed | ORG | Lockheed Martin
US Army | ORG
PAC-3 MSE | WEAPON
Patriot | WEAPON
Pentagon | ORG
Camden | PLACE
Arkansas | PLACE
Boeing | ORG
Huntsville | PLACE
Alabama | PLACE
Russia | PLACE
Ukraine | PLACE
Israel | PLACE
Iran | PLACE
US | PLACE
THAAD | WEAPON
Germany | PLACE
Poland | PLACE
Sweden | PLACE
Switzerland | PLACE
Romania | PLACE
RTX | ORG
Raytheon | ORG | RTX
Andover | PLACE
Massachusetts | PLACE
GEM-T | WEAPON
MBDA | ORG
Schrobenhausen | PLACE
Bavaria | PLACE
Tom Nowak | PERSON
Daniel Driscoll | PERSON
Guided Multiple Launch Rocket System | WEAPON | GMLRS
GMLRS | WEAPON
HIMARS | WEAPON

@ arms_industry_weekly.txt 1 Hanwha Aerospace signs
Hanwha Aerospace | ORG
Hanwha | ORG | Hanwha Aerospace
K239 Chunmoo | WEAPON
Chunmoo | WEAPON
Rheinmetall | ORG
Poland | PLACE
Armament Agency | ORG | Armament Agency (Poland)
South Korea | PLACE
Homar-K | WEAPON
Jelcz | ORG
Wladyslaw Kosiniak-Kamysz | PERSON
Polish Armament Group | ORG
PGZ | ORG | Polish Armament Group
CGR-080 | WEAPON
K9 | WEAPON
K9s | WEAPON | K9
Romania | PLACE
Vietnam | PLACE
Son Jae-il | PERSON
Warsaw | PLACE
Europe | PLACE
Lithuania | PLACE
Armin Papperger | PERSON
Papperger | PERSON | Armin Papperger
Baisogala | PLACE
Radviliskis | PLACE | Radviliskis District
Gitanas Nauseda | PERSON
Unterluess | PLACE
Lower Saxony | PLACE

@ arms_industry_weekly.txt 2 Kongsberg to double NASAMS
title:Kongsberg | ORG | Kongsberg Defence & Aerospace
Kongsberg Defence & Aerospace | ORG
body:Kongsberg#1 | PLACE | Kongsberg
body:Kongsberg#2 | ORG | Kongsberg Defence & Aerospace
Norway | PLACE
NASAMS | WEAPON
Oslo | PLACE
RTX | ORG
AMRAAM | WEAPON
Ukraine | PLACE
Kyiv | PLACE
Kalibr | WEAPON
Shahed | WEAPON
Naval Strike Missile | WEAPON
NSM | WEAPON | Naval Strike Missile
Joint Strike Missile | WEAPON
JSM | WEAPON | Joint Strike Missile
James City County | PLACE
Virginia | PLACE
US Navy | ORG
Marine Corps | ORG | US Marine Corps
Australia | PLACE
Newcastle | PLACE
New South Wales | PLACE
Geir Haoy | PERSON
Nammo | ORG
Raufoss | PLACE

@ arms_industry_weekly.txt 3 Brazil's Avibras
Brazil | PLACE
Avibras | ORG
Astros II | WEAPON | Astros
Astros 2020 | WEAPON | Astros
Astros | WEAPON
Indonesia | PLACE
Sao Jose dos Campos | PLACE
Jose Mucio Monteiro | PERSON
AV-TM 300 | WEAPON
Formosa | PLACE
Goias | PLACE
Luiz Fernando de Albuquerque | PERSON
de Albuquerque | PERSON | Luiz Fernando de Albuquerque
Embraer | ORG
Jacarei | PLACE
Saudi Arabia | PLACE
Iraq | PLACE
Malaysia | PLACE
Yemen | PLACE
Kuwait | PLACE
C-390 | NOT
NATO | ORG
Portugal | PLACE
Hungary | PLACE
Netherlands | PLACE

@ explainers_arms_control.txt 0 Explainer: the treaties
Europe | PLACE
Russia | PLACE
Treaty on Conventional Armed Forces in Europe | TREATY
NATO | ORG
CFE | TREATY
Adapted CFE Treaty | TREATY | Adapted CFE Treaty
Moscow | PLACE
Istanbul | PLACE
Georgia | PLACE
Moldova | PLACE
Treaty on Open Skies | TREATY
Open Skies Treaty | TREATY
Open Skies | TREATY
United States | PLACE
Kaliningrad | PLACE
Canada | PLACE
Turkey | PLACE
Vienna Document | TREATY
Organization for Security and Co-operation in Europe | ORG
OSCE | ORG
Vienna | PLACE
Ukraine | PLACE
Poland | PLACE
Lithuania | PLACE
Latvia | PLACE
Estonia | PLACE
Finland | PLACE
Ottawa Convention | TREATY
Convention on Cluster Munitions | TREATY
Mine Ban Treaty | TREATY
United Nations | ORG
Human Rights Watch | ORG
International Campaign to Ban Landmines | ORG
ICBL | ORG | International Campaign to Ban Landmines
INF treaty | TREATY
New START | TREATY
Comprehensive Test Ban Treaty | TREATY
China | PLACE
Iran | PLACE
North Atlantic Treaty Organization | ORG
North Atlantic Treaty | TREATY
Washington Treaty | TREATY
Washington | PLACE
Sweden | PLACE
The Hague | PLACE
Collective Security Treaty Organization | ORG
CSTO | ORG | Collective Security Treaty Organization
Armenia | PLACE
Chemical Weapons Convention | TREATY
Biological Weapons Convention | TREATY

@ explainers_arms_control.txt 1 From the armistice
title:Korea | PLACE | Korea
Seoul | PLACE
Comprehensive Military Agreement | TREATY
North Korea | PLACE
Korean Armistice Agreement | TREATY
Panmunjom Declaration | TREATY
Panmunjom | PLACE
United Nations Command | ORG
China | PLACE
South Korea | PLACE
Syngman Rhee | PERSON
Demilitarized Zone | PLACE
DMZ | PLACE
Pyongyang Joint Declaration | TREATY
Pyongyang | PLACE
Basic Agreement | TREATY | Inter-Korean Basic Agreement
Joint Declaration on the Denuclearization of the Korean Peninsula | TREATY
NPT | TREATY
Agreed Framework | TREATY
Washington | PLACE
Yongbyon | PLACE
Beijing | PLACE
Kim Jong Un | PERSON
Moon Jae-in | PERSON
Yellow Sea | PLACE
East Sea | PLACE
Russia | PLACE
Treaty on Comprehensive Strategic Partnership | TREATY
Kursk | PLACE | Kursk Oblast
Lee Jae-myung | PERSON
Kim Yo Jong | PERSON
KCNA | ORG

@ europe_blocks.txt 0 Georgia's ruling party
Georgia | PLACE
EU | ORG
TBILISI | PLACE | Tbilisi
AFP | ORG
Tbilisi | PLACE
Georgian Dream | ORG
European Union | ORG
Irakli Kobakhidze | PERSON
Brussels | PLACE
Rustaveli Avenue | PLACE
Bidzina Ivanishvili | PERSON
Salome Zourabichvili | PERSON
Russia | PLACE
Abkhazia | PLACE
South Ossetia | PLACE
Kaja Kallas | PERSON
Anaklia | PLACE
Black Sea | PLACE

@ europe_blocks.txt 1 EU adopts 19th sanctions package
EU | ORG
BRUSSELS | PLACE | Brussels
Reuters | ORG
European Union | ORG
Russia | PLACE
Moscow | PLACE
Slovakia | PLACE
European Commission | ORG
Ursula von der Leyen | PERSON
Von der Leyen | PERSON | Ursula von der Leyen
Rosneft | ORG
Gazprom Neft | ORG
China | PLACE
India | PLACE
United Arab Emirates | PLACE
Hong Kong | PLACE
Shahed | WEAPON
Robert Fico | PERSON
Hungary | PLACE
Viktor Orban | PERSON
European Court of Justice | ORG
Kaja Kallas | PERSON

@ europe_blocks.txt 2 Finland charges tanker crew
Finland | PLACE
Baltic Sea | PLACE
HELSINKI | PLACE | Helsinki
Eagle S | NOT
Gulf of Finland | PLACE
Helsinki District Court | ORG
Ust-Luga | PLACE
Estonia | PLACE
National Bureau of Investigation | ORG
NBI | ORG | National Bureau of Investigation
Russia | PLACE
Sami Paila | PERSON
Porvoo | PLACE
NATO | ORG
Baltic Sentry | NOT
Alexander Stubb | PERSON
Baltic | PLACE | Baltic Sea

@ europe_blocks.txt 3 Dutch parliament approves
NATO | ORG
The Hague | PLACE
THE HAGUE | PLACE | The Hague
Ruben Brekelmans | PERSON
Patriot | WEAPON
Royal Netherlands Military Academy | ORG
Breda | PLACE
Pieter van der Linden | PERSON
van der Linden | PERSON | Pieter van der Linden
Clingendael Institute | ORG
Netherlands | PLACE
Joost de Vries | PERSON
De Vries | PERSON | Joost de Vries
Socialist Party | ORG

@ europe_blocks.txt 4 Moldova's pro-EU party
Conventional Forces in Europe (CFE) Treaty | TREATY
Istanbul | PLACE
Moldova | PLACE
CHISINAU | PLACE | Chisinau
Party of Action and Solidarity | ORG
PAS | ORG | Party of Action and Solidarity
Maia Sandu | PERSON
Sandu | PERSON | Maia Sandu
OSCE | ORG
Ilan Shor | PERSON
Moscow | PLACE
Russia | PLACE
Transnistria | PLACE
Dniester River | PLACE
Operational Group of Russian Forces | ORG
Cobasna | PLACE
Europe | PLACE
Kremlin | ORG
Gagauzia | PLACE

@ diplomacy_wire_mixed.txt 0 Iran threatens to quit NPT
Iran | PLACE
NPT | TREATY
IAEA | ORG
VIENNA | PLACE | Vienna
Reuters | ORG
Nuclear Non-Proliferation Treaty | TREATY
UN | ORG
Board of Governors | ORG | IAEA Board of Governors
Kazem Gharibabadi | PERSON
IRNA | ORG
Britain | PLACE
France | PLACE
Germany | PLACE
United States | PLACE
Comprehensive Safeguards Agreement | TREATY
International Atomic Energy Agency | ORG
Turquzabad | PLACE
Varamin | PLACE
Rafael Grossi | PERSON
Grossi | PERSON | Rafael Grossi
US | PLACE
Fordow | PLACE
Natanz | PLACE
Isfahan | PLACE
Abbas Araghchi | PERSON
Cairo | PLACE
North Korea | PLACE
Israel | PLACE
India | PLACE
Pakistan | PLACE
Majlis | ORG
Tehran | PLACE
JCPOA | TREATY
Russia | PLACE
Vienna | PLACE
Mikhail Ulyanov | PERSON
China | PLACE
Foreign Ministry | ORG | Ministry of Foreign Affairs (China)

@ diplomacy_wire_mixed.txt 1 EXPANDING CIRCLE: Washington
Nasser bin Hamad al-Khalifa | PERSON
al-Khalifa | PERSON | Nasser bin Hamad al-Khalifa
Gaza | PLACE
Washington | PLACE
Riyadh | PLACE
Kazakhstan | PLACE
Abraham Accords | TREATY
United Arab Emirates | PLACE
Bahrain | PLACE
Morocco | PLACE
Sudan | PLACE
Israel | PLACE
Donald Trump | PERSON
White House | ORG
Kassym-Jomart Tokayev | PERSON
Egypt | PLACE
Jordan | PLACE
Camp David Accords | TREATY
Oslo Accords | TREATY
Palestinian Authority | ORG
US | PLACE
Steve Witkoff | PERSON

@ diplomacy_wire_mixed.txt 2 Hegseth urges Asian partners
Pete Hegseth | PERSON
Hegseth | PERSON | Pete Hegseth
ASEAN | ORG
Kuala Lumpur | PLACE
KUALA LUMPUR | PLACE | Kuala Lumpur
US | PLACE
South China Sea | PLACE
Association of Southeast Asian Nations | ORG | ASEAN
Rajnath Singh | PERSON
China | PLACE
Dong Jun | PERSON
Pentagon | ORG
Mohamed Khaled Nordin | PERSON
Khaled | PERSON | Mohamed Khaled Nordin
Washington | PLACE
Beijing | PLACE
Vietnam | PLACE
Hoang Xuan Chien | PERSON
Hanoi | PLACE
Paracel Islands | PLACE
Philippines | PLACE
Subic Bay | PLACE
Manila | PLACE
Hanwha Ocean | ORG
Cerberus Capital Management | ORG
Japan | PLACE
Shinjiro Koizumi | PERSON

@ diplomacy_wire_mixed.txt 3 Jordan reach first World Cup
Jordan | PLACE
Musa Al-Taamari | PERSON
Al-Taamari | PERSON | Musa Al-Taamari
World Cup | NOT
Oman | PLACE
Muscat | PLACE
Ali Olwan | PERSON
Amman | PLACE
Zarqa | PLACE
Abdullah II | PERSON
Ali bin Al Hussein | PERSON
Hussein | PERSON
Rennes | ORG
France | PLACE
Jamal Sellami | PERSON
Morocco | PLACE
Asian Cup | NOT
Qatar | PLACE
South Korea | PLACE
Iraq | PLACE
United States | PLACE
Canada | PLACE
Mexico | PLACE
Jordanian Football Association | ORG
Irbid | PLACE
Aqaba | PLACE

@ security_wire_0515.txt 0 Russia will mirror any US nuclear test
Russia | PLACE
US | PLACE
Kremlin | ORG
United States | PLACE
Donald Trump | PERSON
Trump | PERSON | Donald Trump
Pentagon | ORG
Dmitry Peskov | PERSON
Vladimir Putin | PERSON
Putin | PERSON | Vladimir Putin
Arctic | PLACE
Novaya Zemlya | PLACE
Soviet Union | PLACE
Comprehensive Nuclear-Test-Ban Treaty Organization | ORG
Comprehensive Nuclear-Test-Ban Treaty | TREATY
CTBT | TREATY
CTBTO | ORG | Comprehensive Nuclear-Test-Ban Treaty Organization
Washington | PLACE
Moscow | PLACE
Robert Floyd | PERSON
Vienna | PLACE
Kazakhstan | PLACE
Semipalatinsk | PLACE | Semey
Semey | PLACE
Chris Wright | PERSON
Nevada National Security Site | PLACE
Limited Test Ban Treaty | TREATY
Threshold Test Ban Treaty | TREATY
Burevestnik | WEAPON
SSC-X-9 Skyfall | WEAPON | Burevestnik
NATO | ORG
Poseidon | WEAPON
NPT | TREATY
Aigerim Nurlanovna | PERSON
Astana | PLACE

@ security_wire_0515.txt 1 CHEMICAL LEGACY: Inspectors believe
Organisation for the Prohibition of Chemical Weapons | ORG
OPCW | ORG | Organisation for the Prohibition of Chemical Weapons
Damascus | PLACE
Syria | PLACE
Chemical Weapons Convention | TREATY
Fernando Arias | PERSON
CWC | TREATY
Asaad al-Shaibani | PERSON
The Hague | PLACE
Douma | PLACE
Khan Sheikhoun | PLACE
Ltamenah | PLACE

@ security_wire_0515.txt 2 US warns Russian anti-satellite
US | PLACE
Outer Space Treaty | TREATY
WASHINGTON | PLACE | Washington
United States | PLACE
Conference on Disarmament | ORG
Geneva | PLACE
Bruce Turner | PERSON
Moscow | PLACE
UN Security Council | ORG
Russia | PLACE
Gennady Gatilov | PERSON
Nudol | WEAPON
UN General Assembly | ORG
China | PLACE
SC-19 | WEAPON
Security Council | ORG
Space Force | ORG | US Space Force
Stephen Whiting | PERSON
Congress | ORG | US Congress

@ security_wire_0515.txt 3 Nigeria receives Turkish Akinci
Nigeria | PLACE
Akinci | WEAPON | Bayraktar Akinci
Bayraktar Akinci | WEAPON
ISWAP | ORG | Islamic State West Africa Province
ABUJA | PLACE | Abuja
Nigerian Air Force | ORG
Turkey | PLACE
Chukwuemeka Nwachukwu | PERSON
Nwachukwu | PERSON | Chukwuemeka Nwachukwu
Baykar | ORG
Maiduguri | PLACE
Borno | PLACE
Wing Loong II | WEAPON
Sambisa Forest | PLACE
Lake Chad | PLACE
Islamic State West Africa Province | ORG
Boko Haram | ORG
Olufemi Oluyede | PERSON
Marte | PLACE
Rann | PLACE
Amnesty International | ORG
Tudun Biri | PLACE
Kaduna | PLACE | Kaduna State

@ europe_blocks.txt 5 Finland completes exit
Finland | PLACE
Baltic | NOT
Baltic Defence Line | NOT
HELSINKI | PLACE | Helsinki
Ottawa Convention | TREATY
United Nations | ORG
Russia | PLACE
Antti Hakkanen | PERSON
Mine Ban Treaty | TREATY
Estonia | PLACE
Latvia | PLACE
Lithuania | PLACE
Convention on Cluster Munitions | TREATY
Tamar Gabelnick | PERSON
International Campaign to Ban Landmines | ORG
Ukraine | PLACE
Arms Trade Treaty | TREATY
Geneva Conventions | TREATY
Ottawa treaty | TREATY | Ottawa Treaty

@ security_wire_0515.txt 4 Red Cross chief says
Red Cross | ORG | International Committee of the Red Cross
International Committee of the Red Cross | ORG
ICRC | ORG | International Committee of the Red Cross
Geneva Conventions | TREATY
Geneva | PLACE
Mirjana Spoljaric | PERSON
Spoljaric | PERSON | Mirjana Spoljaric
Sudan | PLACE
Gaza | PLACE
El Fasher | PLACE
Darfur | PLACE
Kharkiv | PLACE
Zaporizhzhia | PLACE
Myanmar | PLACE
Rakhine | PLACE
Brazil | PLACE
China | PLACE
France | PLACE
Jordan | PLACE
Kazakhstan | PLACE
South Africa | PLACE
Rome Statute | TREATY
International Criminal Court | ORG
ICC | ORG | International Criminal Court
Hungary | PLACE
Karim Khan | PERSON
"""


if __name__ == "__main__":
    sys.exit(main())
