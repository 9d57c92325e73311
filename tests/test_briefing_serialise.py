"""Chart snapshots and item options survive the trip to JSON and back, field for field."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from briefing.briefings.model import (
    ChartKind,
    ChartSnapshot,
    RangeBand,
    RangeFigure,
    RangeSnapshot,
    RangeSystem,
    TimelineBin,
    TimelineLane,
    TimelineSnapshot,
)
from briefing.briefings.serialise import (
    chart_from_json,
    chart_to_json,
    payload_from_json,
    payload_to_json,
)

TIMELINE = ChartSnapshot(
    kind=ChartKind.TIMELINE,
    title="Timeline of dates mentioned",
    caption='Articles matching "sarmat" · 3 articles',
    timeline=TimelineSnapshot(
        unit="month",
        bins=(
            TimelineBin(dt.date(2019, 1, 1), dt.date(2019, 1, 31), "Jan 2019", 3),
            TimelineBin(dt.date(2019, 2, 1), dt.date(2019, 2, 28), "Feb 2019", 0),
        ),
        lanes=(TimelineLane("All articles", (3, 0)), TimelineLane("Русия", (1, 0))),
    ),
)
RANGES = ChartSnapshot(
    kind=ChartKind.RANGES,
    title="Stated ranges",
    caption="All 46 articles",
    ranges=RangeSnapshot(
        systems=(
            RangeSystem(
                name="9M729",
                origin="Russia",
                weapon_class="GLCM",
                reference_km=2500.0,
                reference_min_km=None,
                reference_source="US State Department",
                figures=(
                    RangeFigure(500.0, 5500.0, "between", 2, via="", differs=True),
                    RangeFigure(None, 480.0, "up to", 1, via="INF Treaty"),
                ),
            ),
            RangeSystem(name="Unknown system"),
        ),
        bands=(
            RangeBand("INF Treaty", 500.0, 5500.0, "INF 500–5,500 km"),
            RangeBand("New START", 5500.0, None, "> 5,500 km"),
        ),
    ),
)


@pytest.mark.parametrize("chart", [TIMELINE, RANGES], ids=["timeline", "ranges"])
def test_chart_round_trips_through_json_text(chart: ChartSnapshot) -> None:
    text = json.dumps(chart_to_json(chart))
    assert chart_from_json(json.loads(text)) == chart


def test_payload_round_trips_chart_and_options() -> None:
    options = {"limit": 25, "types": ["PERSON", "WEAPON"], "note": "ünïcode"}
    text = payload_to_json(TIMELINE, options)
    assert json.loads(text)["version"] == 1
    assert payload_from_json(text) == (TIMELINE, options)
    assert payload_from_json(payload_to_json(None, {})) == (None, {})
    assert payload_from_json("") == (None, {})
    assert payload_from_json(None) == (None, {})


def test_options_that_are_not_json_are_refused() -> None:
    with pytest.raises(ValueError, match="plain JSON"):
        payload_to_json(None, {"when": dt.date(2019, 1, 1)})
    with pytest.raises(ValueError, match="plain JSON"):
        payload_to_json(None, {"limit": float("nan")})


def test_fields_added_by_a_later_version_are_ignored_and_missing_ones_default() -> None:
    raw = chart_to_json(RANGES)
    raw["future_field"] = 1
    del raw["ranges"]["systems"][0]["figures"][0]["via"]
    del raw["ranges"]["systems"][0]["origin"]
    chart = chart_from_json(raw)
    assert chart.ranges is not None
    first = chart.ranges.systems[0]
    assert first.origin == "" and first.figures[0].via == ""
    assert first.figures[0].max_km == 5500.0 and first.figures[0].differs is True
