"""Charts drawn from snapshot numbers with matplotlib, without pyplot or Qt."""

from __future__ import annotations

import ast
import re
import struct
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from briefing import chart_palette
from briefing.briefings.model import (
    ChartKind,
    ChartSnapshot,
    RangeFigure,
    RangeSnapshot,
    RangeSystem,
    TimelineSnapshot,
)
from briefing.export.chart_render import (
    ChartRenderError,
    chart_figure,
    chart_png,
    chart_svg,
    inline_svg,
)
from tests.briefing_fixtures import range_chart, timeline_chart

ROOT = Path(__file__).resolve().parents[1]


def _texts(figure: Figure) -> list[str]:
    found = [t.get_text() for t in figure.texts]
    for ax in figure.axes:
        found += [t.get_text() for t in ax.texts]
    for legend in figure.legends:
        found += [t.get_text() for t in legend.get_texts()]
    return found


def _extents(figure: Figure, texts: list) -> list:
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return [t.get_window_extent(renderer) for t in texts if t.get_text().strip()]


def test_timeline_has_a_panel_per_lane_with_the_counts_as_bars() -> None:
    chart = timeline_chart()
    assert chart.timeline is not None
    figure = chart_figure(chart)
    assert len(figure.axes) == len(chart.timeline.lanes) == 3
    for ax, lane in zip(figure.axes, chart.timeline.lanes, strict=True):
        heights = [p.get_height() for p in ax.patches if isinstance(p, Rectangle)]
        assert heights == list(lane.counts)
    # Lane 0 is every article, in the app's slate; the others take palette colours.
    first = figure.axes[0].patches[0].get_facecolor()
    assert _hex(first) == chart_palette.SLATE.lower()
    assert _hex(figure.axes[1].patches[0].get_facecolor()) == chart_palette.LANE_COLOURS[0].lower()
    assert {"All articles  ", "INF Treaty  ", "9M729  "} <= set(_texts(figure))


def _hex(rgba: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgba[:3])


def test_timeline_month_labels_do_not_overlap_and_show_each_year_once() -> None:
    figure = chart_figure(timeline_chart())
    figure.canvas.draw()  # type: ignore[attr-defined]
    labels = [t for t in figure.axes[-1].get_xticklabels() if t.get_text()]
    assert 4 <= len(labels) <= 12
    texts = [t.get_text() for t in labels]
    assert texts[0] == "Jan\n2017"
    assert sum("2018" in text for text in texts) == 1
    boxes = _extents(figure, labels)
    for one, other in combinations(boxes, 2):
        assert not one.overlaps(other), (one, other)


def test_timeline_without_lanes_draws_the_bin_counts() -> None:
    snapshot = timeline_chart().timeline
    assert snapshot is not None
    bare = ChartSnapshot(
        ChartKind.TIMELINE, "t", "", timeline=TimelineSnapshot("month", snapshot.bins)
    )
    figure = chart_figure(bare)
    assert len(figure.axes) == 1
    heights = [p.get_height() for p in figure.axes[0].patches]
    assert heights == [b.count for b in snapshot.bins]


def test_range_chart_rows_bands_flags_and_log_axis() -> None:
    chart = range_chart()
    figure = chart_figure(chart)
    ax = figure.axes[0]
    # 480 km to 13,000 km spans more than a decade: a log axis with plain-number ticks.
    assert ax.get_xscale() == "log"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "1,000" in ticks and "10,000" in ticks
    texts = _texts(figure)
    assert chart.ranges is not None
    for system in chart.ranges.systems:
        assert system.name in texts
    assert "INF Treaty 500–5,500 km" in texts
    assert "New START > 5,500 km" in texts
    differs = sum(f.differs for s in chart.ranges.systems for f in s.figures)
    assert texts.count("!") == differs == 2
    assert "500–5,500 km  ×3  (via INF Treaty)" in texts
    assert "up to 10,000 km  ×2" in texts


def test_range_chart_labels_stay_inside_the_figure_and_apart() -> None:
    figure = chart_figure(range_chart())
    figure.canvas.draw()  # type: ignore[attr-defined]
    bounds = figure.bbox
    texts = [*figure.texts, *figure.axes[0].texts]
    boxes = _extents(figure, texts)
    for box in boxes:
        assert box.x0 >= bounds.x0 - 1 and box.x1 <= bounds.x1 + 1, box
        assert box.y0 >= bounds.y0 - 1 and box.y1 <= bounds.y1 + 1, box
    # Figure labels and flags are on their own lines; nothing may overlap another label
    # (a figure's "!" sits just after its label, on the same line, and must not touch it).
    for one, other in combinations(boxes, 2):
        assert not one.overlaps(other), (one, other)


def test_narrow_ranges_use_a_linear_axis() -> None:
    snapshot = RangeSnapshot(
        (
            RangeSystem("A", "Russia", "", 300.0, None, "", (RangeFigure(280, 280, "exactly", 1),)),
            RangeSystem("B", "China", "", 500.0, None, "", (RangeFigure(None, 450, "up to", 2),)),
        )
    )
    figure = chart_figure(ChartSnapshot(ChartKind.RANGES, "r", "", ranges=snapshot))
    assert figure.axes[0].get_xscale() == "linear"


def test_empty_snapshots_are_refused() -> None:
    with pytest.raises(ChartRenderError):
        chart_figure(ChartSnapshot(ChartKind.RANGES, "r", "", ranges=RangeSnapshot(())))
    with pytest.raises(ChartRenderError):
        chart_figure(ChartSnapshot(ChartKind.TIMELINE, "t", "", timeline=None))


def test_png_is_about_200_dpi_at_the_page_width() -> None:
    data = chart_png(timeline_chart())
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert 1250 <= width <= 1350  # 6.5 in at 200 dpi
    assert height > 300


def test_svg_is_vector_with_glyphs_as_paths_and_references_nothing() -> None:
    svg = chart_svg(range_chart())
    assert svg.lstrip().startswith("<?xml")
    assert "<text" not in svg  # every glyph is a path: no font is looked up
    assert "<image" not in svg
    assert svg.count("<path") > 50
    assert "@import" not in svg and "@font-face" not in svg
    assert not re.search(r"url\((?!#)", svg)
    assert not re.search(r'href="(?!#)', svg)
    # The same chart gives the same SVG (stable ids), so exports are reproducible.
    assert chart_svg(range_chart()) == svg


def test_svg_with_text_keeps_labels_as_text() -> None:
    svg = chart_svg(range_chart(), text_as_paths=False)
    assert "Hwasong-15" in svg and "INF Treaty 500–5,500 km" in svg


def test_inline_svg_prefixes_ids_and_drops_namespaces_and_metadata() -> None:
    inline = inline_svg(chart_svg(timeline_chart()), "c1-")
    assert inline.startswith("<svg")
    assert "http" not in inline
    assert "<metadata" not in inline
    ids = set(re.findall(r'\bid="([^"]+)"', inline))
    assert ids and all(i.startswith("c1-") for i in ids)
    references = re.findall(r'href="#([^"]+)"', inline) + re.findall(r"url\(#([^)]+)\)", inline)
    assert references
    assert set(references) <= ids


def test_ui_chart_style_takes_its_colours_from_the_palette() -> None:
    pytest.importorskip("PySide6")
    from briefing.ui import chart_style

    assert chart_style.SLATE == chart_palette.SLATE
    assert chart_style.FLAG == chart_palette.FLAG
    assert chart_style.TREATY_FILL == chart_palette.TREATY_FILL
    assert chart_style.SELECTION_EDGE == chart_palette.SLATE
    assert chart_style.PUBLISHED == chart_palette.ORANGE


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_core_module_uses_pyplot_or_a_gui_backend() -> None:
    offenders = []
    for path in sorted((ROOT / "briefing").rglob("*.py")):
        for name in _imported_modules(path):
            if name.startswith("matplotlib.pyplot") or re.match(
                r"matplotlib\.backends\.backend_(qt|tk|gtk|wx|macosx|webagg|nbagg)", name
            ):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offenders


def test_charts_and_exports_work_where_qt_and_pyplot_cannot_be_imported(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph') or \\\n"
        "                name == 'matplotlib.pyplot':\n"
        "            raise ImportError(name + ' is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from pathlib import Path\n"
        "from briefing.export.briefing_export import export_briefing\n"
        "from tests.briefing_fixtures import briefing_document\n"
        f"out = Path({str(tmp_path)!r})\n"
        "for fmt in ('pdf', 'html', 'md', 'docx'):\n"
        "    export_briefing(briefing_document(), out / f'b.{fmt}', fmt)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "ok", result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "b.docx",
        "b.html",
        "b.md",
        "b.pdf",
        "b_files",
    ]
