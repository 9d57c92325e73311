"""The shipped WEAPON and TREATY gazetteers are well formed and hold the systems analysts need.

Only reads data/gazetteers/*.json; fast and offline. See data/gazetteers/SOURCES.md for the schema.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from briefing.paths import data_dir

WEAPON_KEYS = [
    "id",
    "name",
    "aliases",
    "case_sensitive_aliases",
    "never_alone",
    "nato_name",
    "designators",
    "origin",
    "class",
    "launch",
    "range_km",
    "range_min_km",
    "source",
    "note",
]
TREATY_KEYS = [
    "id",
    "name",
    "full_name",
    "aliases",
    "acronyms",
    "case_sensitive_aliases",
    "never_alone",
    "signed",
    "in_force",
    "ended",
    "parties",
    "band_km",
    "band_label",
    "source",
    "note",
]
CLASSES = {
    "ICBM",
    "IRBM",
    "MRBM",
    "SRBM",
    "SLBM",
    "GLCM",
    "ALCM",
    "SLCM",
    "hypersonic missile",
    "hypersonic glide vehicle",
    "anti-ship missile",
    "MLRS",
    "rocket",
    "artillery",
    "SAM",
    "ABM",
    "loitering munition",
    "UCAV",
    "launcher",
}
ORIGINS = {
    "United States",
    "Russia",
    "Soviet Union",
    "China",
    "North Korea",
    "Iran",
    "India",
    "Pakistan",
    "Israel",
    "France",
    "United Kingdom",
    "Germany",
    "Turkey",
    "South Korea",
    "Taiwan",
    "Ukraine",
    "Japan",
    "Norway",
    "Sweden",
    "Poland",
    "Europe (MBDA)",
}
# Plausible range (km) per class, inclusive; the ballistic bands are the usual US/NASIC definitions.
CLASS_RANGE_KM = {
    "ICBM": (5500, 20000),
    "IRBM": (3000, 5500),
    "MRBM": (1000, 3000),
    "SRBM": (1, 1000),
    "SLBM": (500, 15000),
    "GLCM": (50, 20000),
    "ALCM": (50, 5500),
    "SLCM": (50, 5500),
    "hypersonic missile": (300, 3000),
    "hypersonic glide vehicle": (1000, 20000),
    "anti-ship missile": (20, 1500),
    "MLRS": (1, 600),
    "rocket": (1, 600),
    "artillery": (1, 100),
    "SAM": (1, 700),
    "ABM": (20, 3000),
    "loitering munition": (1, 3000),
    "UCAV": (50, 3000),
    "launcher": (1, 5500),
}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z0-9/+]*$")


@cache
def _load(name: str) -> dict[str, Any]:
    path: Path = data_dir() / "gazetteers" / name
    return json.loads(path.read_text(encoding="utf-8"))


def weapons() -> list[dict[str, Any]]:
    return _load("weapons.json")["entries"]


def treaties() -> list[dict[str, Any]]:
    return _load("treaties.json")["entries"]


def _forms(entry: dict[str, Any]) -> list[str]:
    """Every surface form matched case-insensitively or with exact case: name and aliases."""
    return [entry["name"], *entry["aliases"]]


def _weapon_index() -> dict[str, str]:
    return {form.casefold(): e["id"] for e in weapons() for form in _forms(e)}


def _treaty_index() -> dict[str, str]:
    index = {form.casefold(): e["id"] for e in treaties() for form in _forms(e)}
    index.update({acr: e["id"] for e in treaties() for acr in e["acronyms"]})
    return index


def _by_id(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in entries}


def _is_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


# ------------------------------------------------------------------------------ both files


@pytest.mark.parametrize(
    ("name", "kind"), [("weapons.json", "WEAPON"), ("treaties.json", "TREATY")]
)
def test_file_header_and_layout(name: str, kind: str) -> None:
    text = (data_dir() / "gazetteers" / name).read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data) == ["version", "type", "updated", "entries"]
    assert isinstance(data["version"], int) and data["version"] >= 1
    assert data["type"] == kind
    assert _is_date(data["updated"])
    assert text.endswith("}\n") and "\t" not in text
    assert all((len(line) - len(line.lstrip(" "))) % 2 == 0 for line in text.splitlines())


@pytest.mark.parametrize("loader", [weapons, treaties], ids=["weapons", "treaties"])
def test_aliases_are_clean_and_unique_within_entries(loader: Any) -> None:
    for e in loader():
        forms = _forms(e) + e.get("acronyms", [])
        for form in forms:
            assert isinstance(form, str) and form == form.strip() and form, (e["id"], form)
            assert "  " not in form, (e["id"], form)
        folded = [f.casefold() for f in _forms(e)]
        assert len(folded) == len(set(folded)), e["id"]
        for form in e["case_sensitive_aliases"]:
            assert form in _forms(e), (e["id"], form)
        lone = {f.casefold() for f in e["aliases"] + e.get("acronyms", [])}
        for item in e["never_alone"]:
            assert set(item) == {"alias", "reason"}, e["id"]
            assert item["alias"] and item["reason"], e["id"]
            assert item["alias"].casefold() not in lone, (e["id"], item["alias"])


def test_never_alone_words_are_no_other_entrys_alias() -> None:
    index = _weapon_index() | {k.casefold(): v for k, v in _treaty_index().items()}
    for e in weapons() + treaties():
        for item in e["never_alone"]:
            owner = index.get(item["alias"].casefold())
            assert owner in (None, e["id"]), (e["id"], item["alias"], owner)


def test_no_surface_form_is_both_a_weapon_and_a_treaty() -> None:
    weapon_forms = set(_weapon_index())
    treaty_forms = {k.casefold() for k in _treaty_index()}
    assert weapon_forms.isdisjoint(treaty_forms), weapon_forms & treaty_forms


# ------------------------------------------------------------------------------ weapons


def test_weapon_count_and_unique_ids() -> None:
    entries = weapons()
    assert len(entries) >= 150
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))


def test_weapon_entries_follow_the_schema() -> None:
    for e in weapons():
        assert list(e) == WEAPON_KEYS, e.get("id")
        assert ID_RE.match(e["id"]), e["id"]
        assert isinstance(e["name"], str) and e["name"].strip(), e["id"]
        for key in ("aliases", "case_sensitive_aliases", "designators", "never_alone"):
            assert isinstance(e[key], list), (e["id"], key)
        assert e["nato_name"] is None or (isinstance(e["nato_name"], str) and e["nato_name"])
        assert e["origin"] in ORIGINS, (e["id"], e["origin"])
        assert e["class"] in CLASSES, (e["id"], e["class"])
        assert isinstance(e["launch"], str) and e["launch"], e["id"]
        assert isinstance(e["source"], str) and len(e["source"]) > 10, e["id"]
        assert isinstance(e["note"], str), e["id"]


def test_weapon_designators_and_nato_names_resolve_to_their_entry() -> None:
    for e in weapons():
        forms = {f.casefold() for f in _forms(e)}
        for designator in e["designators"]:
            assert designator.casefold() in forms, (e["id"], designator)
        for part in (e["nato_name"] or "").split(" / "):
            assert not part or part.casefold() in forms, (e["id"], part)


def test_weapon_aliases_are_unique_across_entries() -> None:
    seen: dict[str, str] = {}
    for e in weapons():
        for form in _forms(e):
            key = form.casefold()
            assert seen.get(key, e["id"]) == e["id"], (form, seen[key], e["id"])
            seen[key] = e["id"]


def test_weapon_ranges_are_plausible_for_their_class() -> None:
    for e in weapons():
        rng, low = e["range_km"], e["range_min_km"]
        if rng is None:
            # Only where no figure is published, and the note must say so.
            assert "not published" in e["note"] or "no official" in e["note"].lower(), e["id"]
            assert low is None, e["id"]
            continue
        assert isinstance(rng, (int, float)) and not isinstance(rng, bool), e["id"]
        lo, hi = CLASS_RANGE_KM[e["class"]]
        assert lo <= rng <= hi, (e["id"], e["class"], rng)
        if low is not None:
            assert isinstance(low, (int, float)) and 0 < low < rng, (e["id"], low)
    assert sum(e["range_km"] is None for e in weapons()) <= 5


_REQUIRED_WEAPONS_TEXT = """
Topol-M; Yars; Sarmat; Avangard; Bulava; Iskander-M; 9M729; Kalibr; Kh-101; Kh-55; Kinzhal;
Zircon; Oreshnik; Tochka-U; Scud; SS-20; Pershing II; BGM-109G; Minuteman III; Trident II
D5; Sentinel; Tomahawk; ATACMS; PrSM; HIMARS; M270; GMLRS; Dark Eagle; Typhon; SM-6; SM-3;
JASSM; Storm Shadow; SCALP EG; Taurus KEPD 350; Neptune; Hrim-2; DF-5; DF-17; DF-21; DF-21D;
DF-26; DF-31; DF-41; JL-2; JL-3; CJ-10; YJ-12; Hwasong-12; Hwasong-14; Hwasong-15;
Hwasong-17; Hwasong-18; Hwasong-19; KN-23; KN-24; Pukguksong; Shahab-3; Emad; Ghadr; Sejjil;
Khorramshahr; Fateh-110; Fateh-313; Zolfaghar; Kheibar Shekan; Fattah; Soumar; Agni-I;
Agni-II; Agni-III; Agni-IV; Agni-V; Prithvi; BrahMos; Nirbhay; K-4; Shaheen-I; Shaheen-II;
Shaheen-III; Ghauri; Babur; Ababeel; Jericho II; Jericho III; Hyunmoo-2; Hyunmoo-4;
Hyunmoo-5; Hsiung Feng II; Hsiung Feng IIE; Tien Kung; M51; ASMP-A; Exocet; NSM; Harpoon;
Bora; Tayfun; M777; Caesar; PzH 2000; Krab; Archer; 2S19 Msta-S; K9 Thunder; S-300; S-400;
S-500; Patriot; THAAD; Aegis; Arrow 2; Arrow 3; David's Sling; Iron Dome; IRIS-T SLM;
NASAMS; SAMP/T; Pantsir; Tor; Buk; HQ-9; Sky Sabre; Shahed-136; Geran-2; Lancet;
Switchblade; Bayraktar TB2
"""
REQUIRED_WEAPONS = [
    form.strip() for form in _REQUIRED_WEAPONS_TEXT.replace("\n", " ").split(";") if form.strip()
]


@pytest.mark.parametrize("form", REQUIRED_WEAPONS)
def test_required_weapon_is_present(form: str) -> None:
    assert form.casefold() in _weapon_index(), form


@pytest.mark.parametrize(
    ("form", "entry_id"),
    [
        ("SS-27", "topol-m"),
        ("SS-27 Sickle B", "topol-m"),
        ("RT-2PM2", "topol-m"),
        ("RS-24", "yars"),
        ("SS-29", "yars"),
        ("RS-28", "sarmat"),
        ("SS-X-30 Satan II", "sarmat"),
        ("SSC-8", "9m729"),
        ("SSC-8 Screwdriver", "9m729"),
        ("Novator 9M729", "9m729"),
        ("SS-26", "iskander-m"),
        ("9K720", "iskander-m"),
        ("9M723", "iskander-m"),
        ("3M-14", "kalibr"),
        ("SS-N-30A", "kalibr"),
        ("Kh-47M2", "kinzhal"),
        ("Tsirkon", "zircon"),
        ("3M22", "zircon"),
        ("SS-N-33", "zircon"),
        ("SS-21 Scarab", "tochka-u"),
        ("R-17", "scud"),
        ("RSD-10", "ss-20"),
        ("LGM-30G", "minuteman-iii"),
        ("UGM-133", "trident-ii"),
        ("LGM-35A", "sentinel"),
        ("BGM-109", "tomahawk"),
        ("MGM-140", "atacms"),
        ("M142", "himars"),
        ("LRHW", "dark-eagle"),
        ("SCALP", "storm-shadow"),
        ("R-360", "neptune"),
        ("CSS-5 Mod 5", "df-21d"),
        ("Geran-2", "shahed-136"),
        ("SA-21 Growler", "s-400"),
        ("MIM-104", "patriot"),
        ("SS-18", "r-36m2"),
        ("SS-19", "ur-100n"),
    ],
)
def test_surface_form_resolves_to_the_right_entry(form: str, entry_id: str) -> None:
    assert _weapon_index().get(form.casefold()) == entry_id


def test_reference_figures_of_key_systems() -> None:
    by_id = _by_id(weapons())
    assert by_id["iskander-m"]["range_km"] == 500
    assert by_id["topol-m"]["range_km"] >= 10000 and by_id["topol-m"]["class"] == "ICBM"
    assert by_id["atacms"]["range_km"] == 300
    # The INF-era systems sit inside the treaty's 500-5,500 km band.
    for entry_id in ("9m729", "ss-20", "pershing-ii", "gryphon", "ss-4", "ss-5"):
        assert 500 <= by_id[entry_id]["range_km"] <= 5500, entry_id


def test_risky_words_are_never_plain_aliases() -> None:
    """Ordinary words may only be matched with exact capitals, or not alone at all."""
    risky = {"satan", "stone", "sickle", "scarab", "screwdriver", "pioneer", "peacekeeper", "hawk"}
    cased = {"patriot", "tomahawk", "harpoon", "trident", "neptune", "caesar", "archer", "lancet"}
    cased |= {"switchblade", "arrow", "typhon", "sentinel", "bora", "tayfun", "exocet"}
    cased |= {"dark eagle", "iron dome"}
    risky |= {"mlrs"}
    for e in weapons():
        exact = {f.casefold() for f in e["case_sensitive_aliases"]}
        for form in _forms(e):
            key = form.casefold()
            assert key not in risky, (e["id"], form)
            if key in cased:
                assert key in exact, (e["id"], form)


# ------------------------------------------------------------------------------ treaties


def test_treaty_count_and_unique_ids() -> None:
    entries = treaties()
    assert len(entries) >= 35
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))


def test_treaty_entries_follow_the_schema() -> None:
    for e in treaties():
        assert list(e) == TREATY_KEYS, e.get("id")
        assert ID_RE.match(e["id"]), e["id"]
        assert isinstance(e["name"], str) and e["name"], e["id"]
        assert isinstance(e["full_name"], str) and e["full_name"], e["id"]
        for acronym in e["acronyms"]:
            assert ACRONYM_RE.match(acronym), (e["id"], acronym)
            assert sum(c.isupper() for c in acronym) >= 2, (e["id"], acronym)
        dates = [e[k] for k in ("signed", "in_force", "ended")]
        for value in dates:
            assert value is None or _is_date(value), (e["id"], value)
        present = [d for d in dates if d is not None]
        assert present == sorted(present), e["id"]
        assert e["parties"] and all(isinstance(p, str) and p for p in e["parties"]), e["id"]
        assert isinstance(e["source"], str) and len(e["source"]) > 10, e["id"]
        assert isinstance(e["note"], str), e["id"]


def test_treaty_bands_are_well_formed() -> None:
    for e in treaties():
        band = e["band_km"]
        if band is None:
            assert e["band_label"] is None, e["id"]
            continue
        assert isinstance(band, list) and len(band) == 2, e["id"]
        low, high = band
        assert isinstance(low, int) and low > 0, e["id"]
        assert high is None or (isinstance(high, int) and high > low), e["id"]
        assert isinstance(e["band_label"], str) and e["band_label"], e["id"]
    by_id = _by_id(treaties())
    assert by_id["inf"]["band_km"] == [500, 5500]
    assert by_id["mtcr"]["band_km"] == [300, None]
    assert by_id["new-start"]["band_km"] == [5500, None]


def test_treaty_forms_are_unique_across_entries() -> None:
    seen: dict[str, str] = {}
    for e in treaties():
        for form in _forms(e) + e["acronyms"]:
            key = form.casefold()
            assert seen.get(key, e["id"]) == e["id"], (form, seen[key], e["id"])
            seen[key] = e["id"]


REQUIRED_TREATIES = [
    ("INF treaty", "inf"),
    ("Intermediate Nuclear Forces (INF) treaty", "inf"),
    ("Intermediate-Range Nuclear Forces Treaty", "inf"),
    ("INF", "inf"),
    ("CFE", "cfe"),
    ("Conventional Forces in Europe (CFE) Treaty", "cfe"),
    ("Conventional Armed Forces in Europe Treaty", "cfe"),
    ("Adapted CFE Treaty", "adapted-cfe"),
    ("New START", "new-start"),
    ("START", "start-i"),
    ("START I", "start-i"),
    ("START II", "start-ii"),
    ("Moscow Treaty", "sort"),
    ("SALT", "salt-i"),
    ("SALT I", "salt-i"),
    ("SALT II", "salt-ii"),
    ("ABM Treaty", "abm"),
    ("Open Skies", "open-skies"),
    ("Open Skies Treaty", "open-skies"),
    ("CTBT", "ctbt"),
    ("Comprehensive Nuclear-Test-Ban Treaty", "ctbt"),
    ("NPT", "npt"),
    ("Nuclear Non-Proliferation Treaty", "npt"),
    ("Limited Test Ban Treaty", "ptbt"),
    ("PTBT", "ptbt"),
    ("TPNW", "tpnw"),
    ("Outer Space Treaty", "ost"),
    ("BWC", "bwc"),
    ("CWC", "cwc"),
    ("Ottawa Treaty", "ottawa"),
    ("Mine Ban Treaty", "ottawa"),
    ("Convention on Cluster Munitions", "ccm"),
    ("Arms Trade Treaty", "att"),
    ("Vienna Document", "vienna-document"),
    ("Helsinki Final Act", "helsinki"),
    ("Budapest Memorandum", "budapest-memorandum"),
    ("Minsk agreements", "minsk-agreements"),
    ("Minsk II", "minsk-ii"),
    ("Minsk I", "minsk-i"),
    ("JCPOA", "jcpoa"),
    ("Iran nuclear deal", "jcpoa"),
    ("Treaty of Tlatelolco", "tlatelolco"),
    ("Treaty of Rarotonga", "rarotonga"),
    ("Treaty of Pelindaba", "pelindaba"),
    ("Bangkok Treaty", "bangkok"),
    ("Semipalatinsk Treaty", "semipalatinsk"),
    ("Washington Treaty", "north-atlantic-treaty"),
    ("North Atlantic Treaty", "north-atlantic-treaty"),
    ("Dayton Agreement", "dayton"),
    ("Good Friday Agreement", "good-friday"),
    ("Lisbon Treaty", "lisbon"),
    ("Hague Code of Conduct", "hcoc"),
    ("MTCR", "mtcr"),
    ("Wassenaar Arrangement", "wassenaar"),
    ("Lancaster House Treaties", "lancaster-house"),
    ("AUKUS", "aukus"),
    ("Treaty on the Final Settlement with Respect to Germany", "two-plus-four"),
]


@pytest.mark.parametrize(("form", "entry_id"), REQUIRED_TREATIES)
def test_required_treaty_is_present(form: str, entry_id: str) -> None:
    index = _treaty_index()
    found = index.get(form) or index.get(form.casefold())
    assert found == entry_id, form


def test_ended_and_unratified_treaties_say_so() -> None:
    by_id = _by_id(treaties())
    assert by_id["inf"]["ended"] == "2019-08-02"
    assert by_id["abm"]["ended"] == "2002-06-13"
    for never_in_force in ("ctbt", "salt-ii", "start-ii", "adapted-cfe"):
        assert by_id[never_in_force]["in_force"] is None, never_in_force
