"""Loading gazetteers: the shipped files, a user file, and the alias rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.domain import EntityType, ParsedArticle
from briefing.extract.extractor import Extractor
from briefing.extract.gazetteer import build_gazetteer, load_files, shipped_gazetteer


def test_shipped_gazetteer_is_complete_enough() -> None:
    g = shipped_gazetteer()
    by_alias = {(a.text, a.type): a.canonical for a in g.aliases}
    assert by_alias[("SS-27", EntityType.WEAPON)] == "Topol-M"
    assert by_alias[("SSC-8", EntityType.WEAPON)] == "9M729"
    assert by_alias[("U.S.", EntityType.PLACE)] == "United States"
    assert by_alias[("The Hague", EntityType.PLACE)]  # a capital "The" belongs to the name
    assert g.attributes[("WEAPON", "Topol-M")]["range_km"] > 5500
    assert g.attributes[("TREATY", "INF Treaty")]["band_km"] == [500, 5500]
    assert "Russian" in g.demonyms and len(g.lexicon["given_names"]) > 3000


def test_user_file_never_alone_and_case_rules(tmp_path: Path) -> None:
    user = tmp_path / "user_gazetteer.json"
    user.write_text(
        json.dumps(
            {
                "version": 1,
                "entries": [
                    {
                        "type": "WEAPON",
                        "name": "Project Zephyr",
                        "aliases": ["Zephyr"],
                        "case_sensitive_aliases": ["Zephyr"],
                    },
                    {
                        "type": "ORG",
                        "name": "Halden Institute",
                        "never_alone": [{"alias": "Halden", "reason": "a town too"}],
                        "aliases": ["Halden"],
                    },
                    {"type": "NOT_A_TYPE", "name": "ignored"},
                ],
            }
        ),
        encoding="utf-8",
    )
    extractor = Extractor(build_gazetteer([(EntityType.PERSON, "Elin Marstrand")], user))
    body = (
        "The Halden Institute said Project Zephyr flew. A zephyr blew. Zephyr failed in "
        "Halden. Elin Marstrand agreed."
    )
    found = {(m.text, m.type) for m in extractor.extract(ParsedArticle(title="", body=body))}
    assert ("Halden Institute", EntityType.ORG) in found
    assert ("Project Zephyr", EntityType.WEAPON) in found
    assert ("Zephyr", EntityType.WEAPON) in found
    assert ("zephyr", EntityType.WEAPON) not in found
    assert ("Halden", EntityType.ORG) not in found
    assert ("Elin Marstrand", EntityType.PERSON) in found


def test_a_broken_user_file_is_skipped(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert load_files([broken]).aliases == []


def test_reextract_reads_the_user_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.extract import gazetteer, make_extractor

    user = tmp_path / "user_gazetteer.json"
    monkeypatch.setattr(gazetteer, "user_gazetteer_path", lambda: user)
    article = ParsedArticle(title="", body="Officials tested the Sky Lance yesterday.")
    make_extractor(fresh=True)
    assert not any(m.text == "Sky Lance" for m in make_extractor().extract(article))
    user.write_text(
        json.dumps({"version": 1, "entries": [{"type": "WEAPON", "name": "Sky Lance"}]}),
        encoding="utf-8",
    )
    assert not any(m.text == "Sky Lance" for m in make_extractor().extract(article))  # cached
    assert any(m.text == "Sky Lance" for m in make_extractor(fresh=True).extract(article))
    user.unlink()
    make_extractor(fresh=True)
