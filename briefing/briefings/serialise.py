"""Chart snapshots and item options to and from JSON (how the store keeps them).

A briefing item's ``payload`` column holds one JSON object: ``{"version": 1, "chart": {...} or
null, "options": {...}}``. Snapshots are plain numbers and words, so they are written field by
field rather than pickled: a store must stay readable by later versions of Briefing, which may
add fields (read with defaults here) but never rename one.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

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

PAYLOAD_VERSION = 1


def _timeline_to_json(timeline: TimelineSnapshot) -> dict[str, Any]:
    return {
        "unit": timeline.unit,
        "bins": [
            {
                "start": b.start.isoformat(),
                "end": b.end.isoformat(),
                "label": b.label,
                "count": b.count,
            }
            for b in timeline.bins
        ],
        "lanes": [{"name": lane.name, "counts": list(lane.counts)} for lane in timeline.lanes],
    }


def _timeline_from_json(raw: dict[str, Any]) -> TimelineSnapshot:
    return TimelineSnapshot(
        unit=str(raw["unit"]),
        bins=tuple(
            TimelineBin(
                start=dt.date.fromisoformat(b["start"]),
                end=dt.date.fromisoformat(b["end"]),
                label=str(b["label"]),
                count=int(b["count"]),
            )
            for b in raw.get("bins", [])
        ),
        lanes=tuple(
            TimelineLane(name=str(lane["name"]), counts=tuple(int(c) for c in lane["counts"]))
            for lane in raw.get("lanes", [])
        ),
    )


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _ranges_to_json(ranges: RangeSnapshot) -> dict[str, Any]:
    return {
        "systems": [
            {
                "name": s.name,
                "origin": s.origin,
                "weapon_class": s.weapon_class,
                "reference_km": s.reference_km,
                "reference_min_km": s.reference_min_km,
                "reference_source": s.reference_source,
                "figures": [
                    {
                        "min_km": f.min_km,
                        "max_km": f.max_km,
                        "qualifier": f.qualifier,
                        "articles": f.articles,
                        "via": f.via,
                        "differs": f.differs,
                    }
                    for f in s.figures
                ],
            }
            for s in ranges.systems
        ],
        "bands": [
            {"name": b.name, "min_km": b.min_km, "max_km": b.max_km, "label": b.label}
            for b in ranges.bands
        ],
    }


def _ranges_from_json(raw: dict[str, Any]) -> RangeSnapshot:
    return RangeSnapshot(
        systems=tuple(
            RangeSystem(
                name=str(s["name"]),
                origin=str(s.get("origin", "")),
                weapon_class=str(s.get("weapon_class", "")),
                reference_km=_optional_float(s.get("reference_km")),
                reference_min_km=_optional_float(s.get("reference_min_km")),
                reference_source=str(s.get("reference_source", "")),
                figures=tuple(
                    RangeFigure(
                        min_km=_optional_float(f.get("min_km")),
                        max_km=_optional_float(f.get("max_km")),
                        qualifier=str(f["qualifier"]),
                        articles=int(f["articles"]),
                        via=str(f.get("via", "")),
                        differs=bool(f.get("differs", False)),
                    )
                    for f in s.get("figures", [])
                ),
            )
            for s in raw.get("systems", [])
        ),
        bands=tuple(
            RangeBand(
                name=str(b["name"]),
                min_km=float(b["min_km"]),
                max_km=_optional_float(b.get("max_km")),
                label=str(b.get("label", b["name"])),
            )
            for b in raw.get("bands", [])
        ),
    )


def chart_to_json(chart: ChartSnapshot) -> dict[str, Any]:
    """A snapshot as JSON-ready dicts and lists."""
    return {
        "kind": str(chart.kind),
        "title": chart.title,
        "caption": chart.caption,
        "timeline": _timeline_to_json(chart.timeline) if chart.timeline is not None else None,
        "ranges": _ranges_to_json(chart.ranges) if chart.ranges is not None else None,
    }


def chart_from_json(raw: dict[str, Any]) -> ChartSnapshot:
    timeline = raw.get("timeline")
    ranges = raw.get("ranges")
    return ChartSnapshot(
        kind=ChartKind(raw["kind"]),
        title=str(raw.get("title", "")),
        caption=str(raw.get("caption", "")),
        timeline=_timeline_from_json(timeline) if timeline is not None else None,
        ranges=_ranges_from_json(ranges) if ranges is not None else None,
    )


def payload_to_json(chart: ChartSnapshot | None, options: dict[str, Any]) -> str:
    """The text of an item's payload column; ValueError when ``options`` is not plain JSON."""
    try:
        return json.dumps(
            {
                "version": PAYLOAD_VERSION,
                "chart": chart_to_json(chart) if chart is not None else None,
                "options": options,
            },
            ensure_ascii=False,
            allow_nan=False,
        )
    except (TypeError, ValueError) as exc:
        raise ValueError(f"item options must be plain JSON values: {exc}") from exc


def payload_from_json(text: str | None) -> tuple[ChartSnapshot | None, dict[str, Any]]:
    """(chart, options) from a payload column ("" or NULL: neither)."""
    if not text:
        return None, {}
    raw = json.loads(text)
    chart = raw.get("chart")
    options = raw.get("options") or {}
    return (chart_from_json(chart) if chart is not None else None), dict(options)
