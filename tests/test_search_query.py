from __future__ import annotations

import pytest

from briefing.domain import QuerySyntaxError
from briefing.search_query import to_fts5


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("missile", "missile"),
        ("missile treaty", "missile treaty"),
        ('"cruise missile"', '"cruise missile"'),
        ("Topol*", "Topol*"),
        ("SS-27", '"SS-27"'),
        ("Topol-M", '"Topol-M"'),
        ("U.S. sanctions", '"U.S." sanctions'),
        ("INF AND treaty", "INF AND treaty"),
        ("NATO OR Russia", "NATO OR Russia"),
        ("missile NOT cruise", "missile NOT cruise"),
        ("missile -cruise", "missile NOT cruise"),
        ("(NATO OR Russia) AND talks", "( NATO OR Russia ) AND talks"),
        ("title:Putin", "title : Putin"),
        ("and or", "and or"),
        ('"Hoop Scheff"*', '"Hoop Scheff" *'),
        ("SS-2*", '"SS-2" *'),
        ("  ", ""),
        ("Zürich", "Zürich"),
        ('say "it"s', 'say "it" s'),
    ],
)
def test_translation(typed: str, fts: str) -> None:
    assert to_fts5(typed) == fts


@pytest.mark.parametrize(
    ("typed", "explains"),
    [
        ('"unclosed phrase', "quote is not closed"),
        ("AND missile", "AND needs a search term before it"),
        ("missile OR", "OR needs a search term after it"),
        ("missile AND OR treaty", "OR needs a search term before it"),
        ("(missile", "'(' is not closed"),
        ("missile)", "')' has no matching '('"),
        ("()", "empty parentheses"),
        ('""', "empty"),
        ("---", "no letters or digits"),
    ],
)
def test_malformed_queries_explain_themselves(typed: str, explains: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        to_fts5(typed)
    message = str(info.value)
    assert explains in message
    assert "\n" not in message
