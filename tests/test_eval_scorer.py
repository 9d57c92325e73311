"""The entity evaluation: the scorer's matching rules (benchmarks/eval_extract.py) on small
hand-made cases with known numbers, and the integrity of the gold set (benchmarks/eval/)."""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from briefing.domain import ParsedArticle

ROOT = Path(__file__).resolve().parents[1]
SCORER_PATH = ROOT / "benchmarks" / "eval_extract.py"
BUILD_PATH = ROOT / "benchmarks" / "eval" / "build_gold.py"
GOLD_PATH = ROOT / "benchmarks" / "eval" / "gold.jsonl"
TYPES = ("PERSON", "ORG", "PLACE", "WEAPON", "TREATY")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


scorer = _load("eval_extract", SCORER_PATH)
GOLD: list[dict[str, Any]] = scorer.load_gold(GOLD_PATH)


# ---- small hand-made cases ----------------------------------------------------------------

BODY = "Sergey Lavrov met NATO officials in Brussels about the INF treaty and Patriot missiles."
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234


def _m(start: int, end: int, type_: str, canonical: str = "", field: str = "body") -> dict:
    text = {"body": BODY, "title": "Lavrov in Brussels"}[field][start:end]
    return {
        "field": field,
        "start": start,
        "end": end,
        "text": text,
        "type": type_,
        "canonical": canonical or text,
    }


GOLD_MENTIONS = [
    _m(0, 13, "PERSON", "Sergey Lavrov"),  # Sergey Lavrov
    _m(18, 22, "ORG"),  # NATO
    _m(36, 44, "PLACE"),  # Brussels
    _m(55, 65, "TREATY", "INF Treaty"),  # INF treaty
    _m(70, 77, "WEAPON"),  # Patriot
]


def _record(entities: list[dict], file: str = "a.txt", position: int = 0) -> dict:
    return {
        "file": file,
        "position": position,
        "title": "Lavrov in Brussels",
        "fields": {"title": "Lavrov in Brussels", "deck": "", "body": BODY},
        "entities": entities,
    }


def _fixed(predictions: list[Any]):
    def predict(article: ParsedArticle) -> list[Any]:
        return predictions

    return predict


def _row(result: dict, level: str, type_: str = "ALL") -> tuple:
    row = result[level][type_]
    return (
        row["gold"],
        row["predicted"],
        row["tp"],
        round(row["precision"], 4),
        round(row["recall"], 4),
        round(row["f1"], 4),
    )


def test_exact_predictions_score_one_everywhere() -> None:
    result = scorer.score([_record(GOLD_MENTIONS)], _fixed(list(GOLD_MENTIONS)))
    for level in ("overlap", "strict", "entity"):
        assert _row(result, level) == (5, 5, 5, 1.0, 1.0, 1.0)
    assert result["errors"] == {"false_positives": [], "false_negatives": []}
    assert result["text_mismatches"] == []


def test_overlap_counts_partial_spans_strict_does_not() -> None:
    predictions = [
        _m(7, 13, "PERSON", "Lavrov"),  # "Lavrov" inside "Sergey Lavrov"
        _m(18, 22, "ORG"),  # exact
        _m(36, 45, "PLACE", "Brussels"),  # "Brussels " one char too long
    ]
    result = scorer.score([_record(GOLD_MENTIONS)], _fixed(predictions))
    assert _row(result, "overlap") == (5, 3, 3, 1.0, 0.6, 0.75)
    assert _row(result, "strict") == (5, 3, 1, 0.3333, 0.2, 0.25)
    assert _row(result, "overlap", "PERSON") == (1, 1, 1, 1.0, 1.0, 1.0)
    assert _row(result, "strict", "PERSON") == (1, 1, 0, 0.0, 0.0, 0.0)
    # Entity level: "Lavrov" is not the canonical "Sergey Lavrov"; the others match.
    assert _row(result, "entity") == (5, 3, 2, 0.6667, 0.4, 0.5)


def test_a_type_mismatch_is_a_false_positive_and_a_false_negative() -> None:
    predictions = [_m(36, 44, "ORG", "Brussels")]  # the right span, the wrong type
    result = scorer.score([_record([_m(36, 44, "PLACE")])], _fixed(predictions))
    assert _row(result, "overlap") == (1, 1, 0, 0.0, 0.0, 0.0)
    assert _row(result, "overlap", "ORG") == (0, 1, 0, 0.0, 0.0, 0.0)
    assert _row(result, "overlap", "PLACE") == (1, 0, 0, 0.0, 0.0, 0.0)
    (fp,) = result["errors"]["false_positives"]
    (fn,) = result["errors"]["false_negatives"]
    assert (fp["type"], fp["other_types"]) == ("ORG", ["PLACE"])
    assert (fn["type"], fn["other_types"]) == ("PLACE", ["ORG"])
    assert fn["context"] == (
        "Sergey Lavrov met NATO officials in [[Brussels]] about the INF treaty and Patriot missil"
    )


def test_matching_is_one_to_one_and_greedy_by_largest_overlap() -> None:
    gold = [_m(55, 65, "TREATY", "INF Treaty")]
    predictions = [
        _m(59, 65, "TREATY", "treaty"),  # "treaty": overlap 6
        _m(55, 65, "TREATY", "INF Treaty"),  # exact: overlap 10, wins the gold mention
        _m(55, 58, "TREATY", "INF"),  # overlap 3
    ]
    result = scorer.score([_record(gold)], _fixed(predictions))
    assert _row(result, "overlap") == (1, 3, 1, 0.3333, 1.0, 0.5)
    assert _row(result, "strict") == (1, 3, 1, 0.3333, 1.0, 0.5)
    unmatched = sorted(fp["text"] for fp in result["errors"]["false_positives"])
    assert unmatched == ["INF", "treaty"]


def test_greedy_assignment_keeps_both_matches_when_possible() -> None:
    # Two gold mentions side by side, two predictions each overlapping both: the largest
    # overlaps are taken first ("Sergey L" takes "Sergey", "ey Lavrov met" takes "Lavrov").
    gold = [_m(0, 6, "PERSON", "Sergey"), _m(7, 13, "PERSON", "Lavrov")]
    predictions = [_m(4, 17, "PERSON", "x"), _m(0, 8, "PERSON", "y")]
    result = scorer.score([_record(gold)], _fixed(predictions))
    assert _row(result, "overlap") == (2, 2, 2, 1.0, 1.0, 1.0)
    assert _row(result, "strict") == (2, 2, 0, 0.0, 0.0, 0.0)


def test_fields_do_not_match_each_other() -> None:
    gold = [_m(10, 18, "PLACE", "Brussels", field="title")]
    predictions = [_m(36, 44, "PLACE")]  # Brussels in the body, not the title
    result = scorer.score([_record(gold)], _fixed(predictions))
    assert _row(result, "overlap") == (1, 1, 0, 0.0, 0.0, 0.0)
    # Entity level ignores where the mention is: the article does name Brussels.
    assert _row(result, "entity") == (1, 1, 1, 1.0, 1.0, 1.0)


def test_entity_level_is_a_set_per_article_compared_case_insensitively() -> None:
    gold_a = [_m(0, 13, "PERSON", "Sergey Lavrov"), _m(36, 44, "PLACE")]
    gold_b = [_m(36, 44, "PLACE")]
    records = [_record(gold_a, "a.txt", 0), _record(gold_b, "a.txt", 1)]

    def predict(article: ParsedArticle) -> list[dict]:
        if article.origin_position == 0:
            # The same entity twice, in another case: one entity, found.
            return [_m(0, 13, "PERSON", "SERGEY LAVROV"), _m(7, 13, "PERSON", "sergey lavrov")]
        return [_m(36, 44, "PLACE", "brussels"), _m(18, 22, "ORG", "NATO")]

    result = scorer.score(records, predict)
    assert _row(result, "entity") == (3, 3, 2, 0.6667, 0.6667, 0.6667)
    assert _row(result, "entity", "PERSON") == (1, 1, 1, 1.0, 1.0, 1.0)
    assert _row(result, "entity", "ORG") == (0, 1, 0, 0.0, 0.0, 0.0)
    # Mention level: the second PERSON prediction overlaps a gold mention already taken.
    assert _row(result, "overlap", "PERSON") == (1, 2, 1, 0.5, 1.0, 0.6667)


def test_no_predictions_gives_zero_not_an_error() -> None:
    result = scorer.score([_record(GOLD_MENTIONS)], _fixed([]))
    assert _row(result, "overlap") == (5, 0, 0, 0.0, 0.0, 0.0)
    assert len(result["errors"]["false_negatives"]) == 5


class _Type(StrEnum):
    PERSON = "PERSON"
    PLACE = "PLACE"


@dataclass(frozen=True)
class _Mention:
    field: str
    start: int
    end: int
    text: str
    type: _Type
    canonical: str


def test_mention_objects_with_an_enum_type_are_accepted() -> None:
    predictions = [
        _Mention("body", 0, 13, "Sergey Lavrov", _Type.PERSON, "Sergey Lavrov"),
        _Mention("body", 36, 44, "Brussel", _Type.PLACE, "Brussels"),  # text off: warned
    ]
    result = scorer.score([_record(GOLD_MENTIONS)], _fixed(predictions))
    assert _row(result, "strict") == (5, 2, 2, 1.0, 0.4, 0.5714)
    assert [m["text"] for m in result["text_mismatches"]] == ["Brussel"]


def test_report_prints_every_table_and_the_errors() -> None:
    result = scorer.score([_record(GOLD_MENTIONS)], _fixed(GOLD_MENTIONS[:2]))
    report = scorer.format_report(result, show_errors=True)
    for heading in ("overlap match", "strict", "Entity level", "MISSED (3)", "Patriot"):
        assert heading in report


# ---- fake predictors on the real gold set -------------------------------------------------


def _gold_predictor(transform):
    by_key = {(r["file"], r["position"]): r for r in GOLD}

    def predict(article: ParsedArticle) -> list[dict]:
        record = by_key[(article.origin_file, article.origin_position)]
        assert article.body == record["fields"]["body"]
        assert article.title == record["fields"]["title"]
        assert article.kicker == ""
        return [p for m in record["entities"] if (p := transform(dict(m))) is not None]

    return predict


def test_the_gold_itself_scores_one() -> None:
    result = scorer.score(GOLD, _gold_predictor(lambda m: m))
    for level in ("overlap", "strict", "entity"):
        for type_ in (*TYPES, "ALL"):
            assert result[level][type_]["f1"] == 1.0, (level, type_)


def test_dropping_one_type_and_shrinking_spans_give_known_scores() -> None:
    counts = Counter(m["type"] for r in GOLD for m in r["entities"])
    total = sum(counts.values())

    dropped = scorer.score(GOLD, _gold_predictor(lambda m: None if m["type"] == "TREATY" else m))
    assert dropped["overlap"]["TREATY"]["recall"] == 0.0
    assert dropped["overlap"]["PERSON"]["f1"] == 1.0
    assert dropped["overlap"]["ALL"]["precision"] == 1.0
    assert dropped["overlap"]["ALL"]["recall"] == pytest.approx((total - counts["TREATY"]) / total)

    def shrink(m: dict) -> dict:
        m["end"] -= 1  # every span one character short: still overlapping, never exact
        m["text"] = m["text"][:-1]
        return m

    shrunk = scorer.score(GOLD, _gold_predictor(shrink))
    assert shrunk["overlap"]["ALL"]["f1"] == 1.0
    assert shrunk["strict"]["ALL"]["tp"] == 0
    assert shrunk["entity"]["ALL"]["f1"] == 1.0  # canonical names untouched
    assert shrunk["text_mismatches"] == []

    def shout(m: dict) -> dict:
        m["canonical"] = m["canonical"].upper()
        return m

    assert scorer.score(GOLD, _gold_predictor(shout))["entity"]["ALL"]["f1"] == 1.0


# ---- the gold set -------------------------------------------------------------------------


def test_gold_mentions_are_slices_of_their_fields() -> None:
    for record in GOLD:
        fields = record["fields"]
        for mention in record["entities"]:
            text = fields[mention["field"]]
            assert text[mention["start"] : mention["end"]] == mention["text"], (
                record["file"],
                record["position"],
                mention,
            )
            assert mention["type"] in TYPES
            assert mention["canonical"].strip()


def test_gold_mentions_do_not_overlap_and_skip_the_kicker() -> None:
    for record in GOLD:
        spans = sorted((m["field"], m["start"], m["end"]) for m in record["entities"])
        for (field_a, _, end_a), (field_b, start_b, _) in itertools.pairwise(spans):
            assert field_a != field_b or end_a <= start_b, (record["file"], record["position"])
        kicker = record.get("kicker", "")
        if kicker:
            for mention in record["entities"]:
                assert mention["field"] != "title" or mention["start"] > len(kicker)


def test_gold_set_is_big_enough() -> None:
    assert len(GOLD) >= 40
    counts = Counter(m["type"] for r in GOLD for m in r["entities"])
    assert sum(counts.values()) >= 1200
    for type_ in TYPES:
        assert counts[type_] >= 80, (type_, counts[type_])


def test_gold_matches_what_the_segmenter_makes_of_the_articles_today() -> None:
    build = _load("build_gold", BUILD_PATH)
    fresh = [json.loads(json.dumps(r, ensure_ascii=False)) for r in build.build()]
    assert fresh == GOLD, "the segmenter or the annotations changed: run build_gold.py"
