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
glued to letters or digits, nor followed by a hyphen and a lower-case letter: "US" does not
match in "US-led" (a compound adjective, not annotated), but "Russia" does in "Russia-Ukraine".
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
    pattern = re.compile(r"(?<![\w])" + re.escape(surface) + r"(?![\w])(?!-[a-z])")
    return [match.start() for match in pattern.finditer(text)]


def article_fields(article: ParsedArticle) -> dict[str, str]:
    return {"title": article.title, "deck": article.deck, "body": article.body}


def kicker_zone(article: ParsedArticle) -> int:
    """Length of the title prefix that is the kicker ("REVENGE: "), never annotated."""
    if article.kicker and article.title.startswith(article.kicker + ":"):
        return len(article.kicker) + 1
    return 0


def annotate(article: ParsedArticle, spec: Spec) -> list[dict[str, object]]:
    fields = article_fields(article)
    zone = kicker_zone(article)
    claimed: dict[str, list[tuple[int, int]]] = {name: [] for name in FIELDS}
    mentions: list[dict[str, object]] = []
    where = f"{spec.file} #{spec.position}"

    meanings: dict[tuple[str | None, str], set[tuple[str, str]]] = {}
    for entry in spec.entries:
        if entry.indexes is None:
            meanings.setdefault((entry.field, entry.surface), set()).add(
                (entry.type, entry.canonical)
            )
    for (field_name, surface), seen in meanings.items():
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
    return mentions


_CANDIDATE = re.compile(r"[A-Z0-9][\w'’.-]*[\w]|[A-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\n|[\"“‘(]\s*)$")


def report_uncovered(article: ParsedArticle, mentions: list[dict[str, object]]) -> list[str]:
    """Capitalised words and designators (digits) not inside any annotation, with the field
    and whether they open a sentence, for a reviewer to confirm none is a missed entity."""
    fields = article_fields(article)
    zone = kicker_zone(article)
    lines: list[str] = []
    for name in FIELDS:
        text = fields[name]
        spans = [(m["start"], m["end"]) for m in mentions if m["field"] == name]
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
            mentions = annotate(article, spec)
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
                for line in report_uncovered(article, mentions):
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
"""


if __name__ == "__main__":
    sys.exit(main())
