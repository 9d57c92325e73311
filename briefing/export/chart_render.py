"""A chart snapshot drawn with matplotlib, from its numbers, for the exports.

Only ``matplotlib.figure.Figure`` with the Agg, SVG and PDF canvases is used — never pyplot
(global state, and it would pick a GUI backend) — so this runs in a worker thread or without a
display. Text is DejaVu Sans, which matplotlib ships, and the SVG holds every glyph as a path,
so a chart looks the same everywhere and nothing is ever fetched.

- **Timeline**: one small panel per lane (lane 0, "All articles", first and in the app's
  slate), bars per bin on a shared calendar axis; small multiples rather than stacked bars
  because the lanes overlap (an article mentions several entities) and stacks would add them.
- **Ranges**: one row per system on a km axis: the reference range as a pale bar, each stated
  figure as a bar (min–max), a bar from the axis start ("up to"), a diamond (one figure) or an
  arrowhead ("more than"), in the colour of the system's country of origin as in the app, "×N"
  for the number of articles, a red outline and "!" where it differs from the reference by more
  than 15%; treaty bands as labelled shaded columns. The axis turns logarithmic when the
  figures span more than a decade and a half, with round thousands-separated ticks.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.textpath import TextToPath
from matplotlib.ticker import FixedFormatter, FixedLocator, MaxNLocator, NullFormatter
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from briefing.briefings.model import (
    ChartKind,
    ChartSnapshot,
    RangeFigure,
    RangeSnapshot,
    TimelineSnapshot,
)
from briefing.chart_data import (
    FigureShape,
    OriginColours,
    figure_shape,
    figure_text,
    format_km,
    group_bands,
    km_ticks,
)
from briefing.chart_palette import (
    FLAG,
    INK,
    LANE_COLOURS,
    REFERENCE_FILL,
    RULE,
    SLATE,
    TREATY,
    TREATY_FILL,
    rgba_float,
)
from briefing.domain import RangeQualifier, StatedRange, TreatyBand

WIDTH_IN = 6.5  # the text width of an A4 or Letter page with ~2 cm margins
PNG_DPI = 200
FONT = "DejaVu Sans"
TICK_PT = 7.5
LABEL_PT = 8.0
SMALL_PT = 6.8
# A log axis when the largest figure is more than this many times the smallest.
LOG_RATIO = 20.0

_STYLE = {
    "font.family": FONT,
    "font.size": LABEL_PT,
    "svg.fonttype": "path",  # glyphs as paths: no font is looked up or fetched by a viewer
    "svg.hashsalt": "briefing",  # stable ids, so the same chart gives the same SVG
    "pdf.fonttype": 42,
    "axes.edgecolor": RULE,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.labelsize": TICK_PT,
    "ytick.labelsize": TICK_PT,
    "text.color": INK,
}


class ChartRenderError(ValueError):
    """The snapshot has nothing to draw (a timeline without bins, ranges without systems)."""


@dataclass(frozen=True, slots=True)
class ChartImage:
    """A chart in the forms the exporters need."""

    svg: str  # standalone SVG document
    width_in: float
    height_in: float


def chart_figure(chart: ChartSnapshot, *, width_in: float = WIDTH_IN) -> Figure:
    """The chart as a matplotlib figure (white background, no title: the exporters print the
    title and caption as text, in the document's own type)."""
    with matplotlib.rc_context(_STYLE):
        if chart.kind is ChartKind.TIMELINE and chart.timeline is not None:
            figure = _timeline_figure(chart.timeline, width_in)
        elif chart.kind is ChartKind.RANGES and chart.ranges is not None:
            figure = _range_figure(chart.ranges, width_in)
        else:
            raise ChartRenderError(f"chart {chart.title!r} has no {chart.kind} data")
    FigureCanvasAgg(figure)
    return figure


def chart_svg(
    chart: ChartSnapshot, *, width_in: float = WIDTH_IN, text_as_paths: bool = True
) -> str:
    """The chart as a standalone SVG document. ``text_as_paths``: every glyph drawn as a path
    (the SVG needs no font); else ``<text>`` in DejaVu Sans, for a reader that has that font
    (the PDF export registers it, so chart labels stay real, searchable text)."""
    return figure_svg(chart_figure(chart, width_in=width_in), text_as_paths=text_as_paths)


def chart_png(chart: ChartSnapshot, *, width_in: float = WIDTH_IN, dpi: int = PNG_DPI) -> bytes:
    """The chart as PNG bytes (for Word and Markdown)."""
    return figure_png(chart_figure(chart, width_in=width_in), dpi=dpi)


def chart_pdf(chart: ChartSnapshot, *, width_in: float = WIDTH_IN) -> bytes:
    """The chart as a one-page vector PDF."""
    figure = chart_figure(chart, width_in=width_in)
    buffer = io.BytesIO()
    with matplotlib.rc_context(_STYLE):
        figure.savefig(buffer, format="pdf", metadata={"Creator": None, "Producer": None})
    return buffer.getvalue()


def figure_svg(figure: Figure, *, text_as_paths: bool = True) -> str:
    buffer = io.StringIO()
    style = {**_STYLE, "svg.fonttype": "path" if text_as_paths else "none"}
    with matplotlib.rc_context(style):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def figure_png(figure: Figure, *, dpi: int = PNG_DPI) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context(_STYLE):
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


_ID = re.compile(r'\bid="([^"]+)"')
_HREF = re.compile(r'\b(xlink:href|href)="#([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")


def inline_svg(svg: str, prefix: str) -> str:
    """``svg`` ready to sit inside an HTML page: no XML prologue, DOCTYPE or metadata (whose
    namespace addresses would look like references), and every id prefixed so that two charts
    on one page cannot pick up each other's glyphs or clip paths."""
    start = svg.index("<svg")
    body = svg[start:]
    body = re.sub(r"<metadata>.*?</metadata>\s*", "", body, flags=re.DOTALL)
    body = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", body)
    body = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', body)
    body = _HREF.sub(lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', body)
    return _URL.sub(lambda m: f"url(#{prefix}{m.group(1)})", body)


# -- text measurement ------------------------------------------------------------------------

_TEXT_TO_PATH = TextToPath()


def text_width_in(text: str, size_pt: float, *, bold: bool = False) -> float:
    """How wide ``text`` is set in DejaVu Sans at ``size_pt``, in inches."""
    if not text:
        return 0.0
    props = FontProperties(family=FONT, size=size_pt, weight="bold" if bold else "normal")
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(text, props, ismath=False)
    return width / 72.0


def fit_text(text: str, size_pt: float, width_in: float, *, bold: bool = False) -> str:
    """``text``, cut with an ellipsis if it is wider than ``width_in``."""
    if text_width_in(text, size_pt, bold=bold) <= width_in:
        return text
    while text and text_width_in(text + "…", size_pt, bold=bold) > width_in:
        text = text[:-1]
    return text.rstrip() + "…"


# -- the timeline ----------------------------------------------------------------------------


def _timeline_figure(snapshot: TimelineSnapshot, width_in: float) -> Figure:
    bins = snapshot.bins
    if not bins:
        raise ChartRenderError("the timeline has no bins")
    lanes = [(lane.name, lane.counts) for lane in snapshot.lanes] or [
        ("All articles", tuple(b.count for b in bins))
    ]
    panel_in = 0.95 if len(lanes) > 1 else 1.9
    top_in, bottom_in = 0.22, 0.55
    height_in = top_in + bottom_in + panel_in * len(lanes) + 0.22 * (len(lanes) - 1)
    figure = Figure(figsize=(width_in, height_in), facecolor="white")
    left_in, right_in = 0.5, 0.12
    figure.subplots_adjust(
        left=left_in / width_in,
        right=1 - right_in / width_in,
        top=1 - top_in / height_in,
        bottom=bottom_in / height_in,
        hspace=0.22 * len(lanes) / max(panel_in * len(lanes), 1e-6) + 0.3,
    )
    axes = figure.subplots(len(lanes), 1, sharex=True, squeeze=False)[:, 0]
    positions = list(range(len(bins)))
    for index, ((name, counts), ax) in enumerate(zip(lanes, axes, strict=True)):
        values = [int(c) for c in counts[: len(bins)]] + [0] * max(0, len(bins) - len(counts))
        colour = SLATE if index == 0 else LANE_COLOURS[(index - 1) % len(LANE_COLOURS)]
        ax.bar(positions, values, width=0.78, color=colour, linewidth=0, zorder=3)
        _quiet_axes(ax)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True, min_n_ticks=2))
        ax.set_ylim(0, max(max(values, default=0), 1) * 1.18)
        ax.grid(axis="y", color=RULE, linewidth=0.5, alpha=0.6, zorder=0)
        total = sum(values)
        ax.text(
            0.0,
            1.0,
            f"{name}  ",
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=LABEL_PT,
            fontweight="bold",
            color=colour if index else INK,
        )
        ax.text(
            1.0,
            1.0,
            f"{total:,} in all",
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=SMALL_PT,
            color=INK,
        )
    bottom = axes[-1]
    ticks, labels = _bin_ticks([b.label for b in bins], snapshot.unit, width_in - 0.62)
    bottom.xaxis.set_major_locator(FixedLocator(ticks))
    bottom.xaxis.set_major_formatter(FixedFormatter(labels))
    bottom.set_xlim(-0.6, len(bins) - 0.4)
    for ax in axes[:-1]:
        ax.tick_params(axis="x", length=0)
    return figure


def _bin_ticks(labels: Sequence[str], unit: str, width_in: float) -> tuple[list[int], list[str]]:
    """Which bins get a label, and what it says, so that labels never overlap: every k-th
    bin, and for months the short month name with the year under January (and the first)."""
    count = len(labels)
    months = unit == "month" and all(len(label.split()) == 2 for label in labels)
    shown = [label.split()[0] for label in labels] if months else list(labels)
    widest = max(text_width_in(text, TICK_PT) for text in shown) + 0.12
    fits = max(1, int(width_in / widest))
    steps = (1, 2, 3, 4, 6, 12) if months else (1, 2, 5, 10, 20, 25, 50, 100)
    step = next((s for s in steps if math.ceil(count / s) <= fits), math.ceil(count / fits))
    ticks: list[int] = []
    texts: list[str] = []
    last_year = ""
    for index in range(count):
        if months:
            month, year = labels[index].split()
            # Align months to the calendar (Jan, Apr, Jul, Oct for a step of 3).
            number = _MONTHS.index(month) if month in _MONTHS else index
            if number % step:
                continue
            text = f"{month}\n{year}" if year != last_year else month
            last_year = year
        else:
            if index % step:
                continue
            text = labels[index]
        ticks.append(index)
        texts.append(text)
    return ticks, texts


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _quiet_axes(ax: object) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]
    for side in ("left", "bottom"):
        ax.spines[side].set_color(RULE)  # type: ignore[attr-defined]
        ax.spines[side].set_linewidth(0.7)  # type: ignore[attr-defined]
    ax.tick_params(color=RULE, labelcolor=INK, length=3, width=0.6)  # type: ignore[attr-defined]


# -- the ranges ------------------------------------------------------------------------------


def _stated(figure: RangeFigure) -> StatedRange:
    """The snapshot's figure as the domain's, to reuse the app's wording and shapes."""
    try:
        qualifier = RangeQualifier(figure.qualifier)
    except ValueError:
        qualifier = RangeQualifier.EXACT
    return StatedRange(
        figure.min_km, figure.max_km, qualifier, figure.articles, (), figure.via, figure.differs
    )


def _figure_label(figure: RangeFigure) -> str:
    text = figure_text(_stated(figure))
    if figure.articles > 1:
        text += f"  ×{figure.articles}"
    if figure.via:
        text += f"  (via {figure.via})"
    return text


@dataclass(frozen=True, slots=True)
class _Scale:
    log: bool
    low: float  # km at the axis start
    high: float  # km at the axis end

    def fraction(self, km: float) -> float:
        """Where ``km`` sits along the axis, 0–1."""
        if self.log:
            km = max(km, self.low)
            return (math.log10(km) - math.log10(self.low)) / (
                math.log10(self.high) - math.log10(self.low)
            )
        return (km - self.low) / (self.high - self.low)

    def at(self, fraction: float) -> float:
        """The km at ``fraction`` along the axis (beyond 1 for headroom)."""
        if self.log:
            low = math.log10(self.low)
            return 10 ** (low + fraction * (math.log10(self.high) - low))
        return self.low + fraction * (self.high - self.low)

    def nudge(self, km: float, fraction: float) -> float:
        """``km`` moved right by ``fraction`` of the axis."""
        return self.at(self.fraction(km) + fraction)


def _range_values(snapshot: RangeSnapshot) -> list[float]:
    values: list[float | None] = []
    for system in snapshot.systems:
        values += [system.reference_km, system.reference_min_km]
        for figure in system.figures:
            values += [figure.min_km, figure.max_km]
    for band in snapshot.bands:
        values += [band.min_km, band.max_km]
    return [float(v) for v in values if v is not None and v > 0]


def _range_figure(snapshot: RangeSnapshot, width_in: float) -> Figure:
    systems = snapshot.systems
    if not systems:
        raise ChartRenderError("the range chart has no systems")
    values = _range_values(snapshot) or [1.0]
    smallest, largest = min(values), max(values)
    log = largest / smallest > LOG_RATIO
    bands = group_bands([TreatyBand(b.name, b.min_km, b.max_km, b.label) for b in snapshot.bands])
    colours = OriginColours()

    # Rows: one per system, taller when it has several figures (each figure its own line).
    slot_in = 0.17
    row_heights = [0.16 + slot_in * max(1, len(s.figures)) for s in systems]
    plot_h_in = sum(row_heights) + 0.1
    name_w = max(text_width_in(s.name, LABEL_PT, bold=True) for s in systems)
    sub_w = max(text_width_in(_system_note(s), SMALL_PT) for s in systems)
    left_in = min(max(name_w, sub_w) + 0.18, width_in * 0.32)
    label_room = left_in - 0.14
    right_in = 0.15
    header_in = 0.42 if bands else 0.1
    origins = list(dict.fromkeys(s.origin for s in systems))
    legend_rows = 1 + (len(origins) + 3) // 6
    bottom_in = 0.5 + 0.2 * legend_rows
    height_in = plot_h_in + header_in + bottom_in
    figure = Figure(figsize=(width_in, height_in), facecolor="white")
    ax = figure.add_axes(
        (
            left_in / width_in,
            bottom_in / height_in,
            1 - (left_in + right_in) / width_in,
            plot_h_in / height_in,
        )
    )
    axes_w_in = width_in - left_in - right_in

    # The scale, with headroom on the right for the longest label after a mark.
    if log:
        low = 10 ** math.floor(math.log10(smallest))
        high = 10 ** (math.log10(largest) + 0.12)
    else:
        low, high = 0.0, largest * 1.06
    scale = _Scale(log, low, high)
    reach = 1.0
    for system in systems:
        for figure_ in system.figures:
            end = figure_.max_km if figure_.max_km is not None else figure_.min_km
            if end is None:
                continue
            # The label ends at fraction f/R + w/W of the widened axis (R: the new end, as a
            # fraction of the old); it fits when R >= f / (1 - w/W).
            label_w = min((text_width_in(_figure_label(figure_), SMALL_PT) + 0.3) / axes_w_in, 0.6)
            reach = max(reach, scale.fraction(end) / (1 - label_w))
    scale = _Scale(log, low, scale.at(reach))
    if log:
        ax.set_xscale("log")
    ax.set_xlim(scale.low, scale.high)

    # y: row centres from the top down.
    centres: list[float] = []
    y = plot_h_in - 0.05
    for height in row_heights:
        centres.append(y - height / 2)
        y -= height
    ax.set_ylim(0, plot_h_in)

    for band in bands:
        if band.max_km is None:
            ax.axvline(band.min_km, color=TREATY, linewidth=0.9, linestyle=(0, (4, 3)), zorder=1)
        else:
            ax.axvspan(
                band.min_km,
                band.max_km,
                facecolor=rgba_float(TREATY_FILL),
                edgecolor=(*rgba_float(TREATY_FILL)[:3], 0.45),
                linewidth=0.6,
                zorder=0,
            )
    _band_labels(ax, bands, scale, axes_w_in)

    reference_h = 0.82
    for system, centre, height in zip(systems, centres, row_heights, strict=True):
        if system.reference_km:
            start = system.reference_min_km or scale.low
            ax.barh(
                centre,
                system.reference_km - start,
                left=start,
                height=height * reference_h,
                color=rgba_float(REFERENCE_FILL),
                linewidth=0,
                zorder=2,
            )
        tint = colours.colour(system.origin)
        count = max(1, len(system.figures))
        first = centre + slot_in * (count - 1) / 2
        for index, figure_ in enumerate(system.figures):
            _draw_figure(ax, figure_, first - index * slot_in, tint, scale, slot_in)
        # Rules between rows keep a reader's eye on the row.
        ax.axhline(centre - height / 2, color=RULE, linewidth=0.4, alpha=0.5, zorder=1)

    _km_axis(ax, scale)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(RULE)
    ax.grid(axis="x", which="major", color=RULE, linewidth=0.5, alpha=0.5, zorder=0)
    ax.set_xlabel("Range, km" + (" (logarithmic scale)" if log else ""), fontsize=TICK_PT)
    ax.xaxis.set_label_coords(0.5, -0.32 / plot_h_in, transform=ax.transAxes)

    labels = blended_transform_factory(figure.transFigure, ax.transData)
    for system, centre in zip(systems, centres, strict=True):
        note = _system_note(system)
        name_y = centre + (0.055 if note else 0)
        figure.text(
            (left_in - 0.1) / width_in,
            name_y,
            fit_text(system.name, LABEL_PT, label_room, bold=True),
            transform=labels,
            ha="right",
            va="center",
            fontsize=LABEL_PT,
            fontweight="bold",
        )
        if note:
            figure.text(
                (left_in - 0.1) / width_in,
                centre - 0.075,
                fit_text(note, SMALL_PT, label_room),
                transform=labels,
                ha="right",
                va="center",
                fontsize=SMALL_PT,
                color="#6b737c",
            )
    _range_legend(figure, ax, origins, colours, legend_rows, bottom_in, height_in)
    return figure


def _system_note(system: object) -> str:
    """The grey line under a system's name: its origin, and its reference range's source."""
    origin = getattr(system, "origin", "")
    reference = getattr(system, "reference_km", None)
    parts = [origin] if origin else []
    if reference:
        parts.append(f"ref. {format_km(reference)}")
    return " · ".join(parts)


def _draw_figure(
    ax: object, figure: RangeFigure, y: float, tint: str, scale: _Scale, slot_in: float
) -> None:
    stated = _stated(figure)
    shape = figure_shape(stated)
    end = figure.max_km if figure.max_km is not None else figure.min_km
    if end is None:
        return
    edge = FLAG if figure.differs else "white"
    edge_w = 1.0 if figure.differs else 0.4
    bar_h = slot_in * 0.62
    via = bool(figure.via)
    if shape in (FigureShape.BAR, FigureShape.FROM_ZERO):
        start = (figure.min_km or scale.low) if shape is FigureShape.BAR else scale.low
        # A figure inferred from a treaty band ("said to violate the INF Treaty") is drawn in
        # the treaty's colour, pale with an outline (not hatched: hatches are SVG patterns,
        # which the PDF's SVG reader does not draw).
        if via:
            face: tuple[float, ...] = (*_rgb(TREATY), 0.22)
            outline = FLAG if figure.differs else TREATY
        else:
            face = (*_rgb(tint), 0.55 if shape is FigureShape.FROM_ZERO else 0.9)
            outline = FLAG if figure.differs else "none"
        ax.barh(  # type: ignore[attr-defined]
            y,
            end - start,
            left=start,
            height=bar_h,
            color=face,
            edgecolor=outline,
            linewidth=1.0 if figure.differs else 0.8,
            zorder=4,
        )
        if shape is FigureShape.FROM_ZERO:
            # "Up to": the figure is the bar's end, so mark it.
            ax.plot(  # type: ignore[attr-defined]
                [end, end], [y - bar_h / 2, y + bar_h / 2], color=tint, linewidth=1.6, zorder=5
            )
    else:
        marker = ">" if shape is FigureShape.OPEN else "D"
        if shape is FigureShape.OPEN:
            ax.plot(  # type: ignore[attr-defined]
                [end, scale.nudge(end, 0.035)], [y, y], color=tint, linewidth=1.2, zorder=4
            )
            position = scale.nudge(end, 0.035)
        else:
            position = end
        ax.plot(  # type: ignore[attr-defined]
            [position],
            [y],
            marker=marker,
            markersize=5.8 if marker == "D" else 6.5,
            color=tint,
            markeredgecolor=edge,
            markeredgewidth=edge_w,
            linestyle="none",
            zorder=5,
        )
        end = position
    label_at = scale.nudge(end, 0.012)
    ax.text(  # type: ignore[attr-defined]
        label_at, y, _figure_label(figure), ha="left", va="center", fontsize=SMALL_PT, zorder=6
    )
    if figure.differs:
        # The "!" follows the label, in the flag colour (a second text, measured in inches).
        width = text_width_in(_figure_label(figure) + "  ", SMALL_PT)
        axes_w = ax.get_position().width * ax.figure.get_figwidth()  # type: ignore[attr-defined]
        ax.text(  # type: ignore[attr-defined]
            scale.nudge(label_at, width / axes_w),
            y,
            "!",
            ha="left",
            va="center",
            fontsize=SMALL_PT + 1,
            fontweight="bold",
            color=FLAG,
            zorder=6,
        )


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _band_labels(ax: object, bands: Sequence[object], scale: _Scale, axes_w_in: float) -> None:
    """Each band's name above the plot, on one of two lines so neighbours do not overlap; a
    name that would run off the right runs leftwards from the band's end instead."""
    figure = ax.figure  # type: ignore[attr-defined]
    line_ends = [-1.0, -1.0]  # where the last label on each line ends (axes fraction)
    for band in bands:
        title = band.title  # type: ignore[attr-defined]
        width = text_width_in(title, SMALL_PT + 0.4) / axes_w_in
        start = scale.fraction(band.min_km)  # type: ignore[attr-defined]
        leftwards = start + width > 1.0
        if leftwards:
            end_km = band.max_km or scale.high  # type: ignore[attr-defined]
            anchor = min(scale.fraction(end_km), 1.0)
            extent = (anchor - width, anchor)
        else:
            anchor = start + 0.006
            extent = (anchor, anchor + width)
        line = 0 if extent[0] > line_ends[0] + 0.01 else 1
        line_ends[line] = extent[1]
        # Offsets in inches, so the header looks the same whatever the chart's height.
        lift = ScaledTranslation(0, 0.04 + 0.17 * line, figure.dpi_scale_trans)
        ax.text(  # type: ignore[attr-defined]
            anchor,
            1.0,
            title,
            transform=ax.transAxes + lift,  # type: ignore[attr-defined]
            ha="right" if leftwards else "left",
            va="bottom",
            fontsize=SMALL_PT + 0.4,
            color=TREATY,
            clip_on=False,
        )


def _km_axis(ax: object, scale: _Scale) -> None:
    """Round, thousands-separated km ticks (the app's :func:`km_ticks`), not "10³"."""
    if scale.log:
        major, minor = km_ticks(math.log10(scale.low), math.log10(scale.high), log=True)
        major = [(10**p, text) for p, text in major]
        minor = [(10**p, text) for p, text in minor]
    else:
        major, minor = km_ticks(scale.low, scale.high, log=False)
    xaxis = ax.xaxis  # type: ignore[attr-defined]
    xaxis.set_major_locator(FixedLocator([p for p, _ in major]))
    xaxis.set_major_formatter(FixedFormatter([t for _, t in major]))
    xaxis.set_minor_locator(FixedLocator([p for p, _ in minor]))
    if any(text for _, text in minor):
        xaxis.set_minor_formatter(FixedFormatter([t for _, t in minor]))
    else:
        xaxis.set_minor_formatter(NullFormatter())
    ax.tick_params(axis="x", which="both", colors=INK, labelsize=TICK_PT)  # type: ignore[attr-defined]
    ax.tick_params(axis="x", which="minor", length=2, color=RULE, labelsize=TICK_PT - 1)  # type: ignore[attr-defined]
    ax.tick_params(axis="x", which="major", length=3.5, color=RULE)  # type: ignore[attr-defined]


def _range_legend(
    figure: Figure,
    ax: object,
    origins: list[str],
    colours: OriginColours,
    rows: int,
    bottom_in: float,
    height_in: float,
) -> None:
    handles: list[object] = [
        Patch(facecolor=colours.colour(o), edgecolor="none", label=o or "Origin unknown")
        for o in origins
    ]
    handles += [
        Patch(facecolor=rgba_float(REFERENCE_FILL), edgecolor="none", label="Reference range"),
        Patch(
            facecolor=(*_rgb(TREATY), 0.22), edgecolor=TREATY, linewidth=0.8, label="Via a treaty"
        ),
        Line2D(
            [],
            [],
            marker="D",
            linestyle="none",
            color="#8a8f98",
            markeredgecolor=FLAG,
            markeredgewidth=1.0,
            label="! more than 15% off the reference",
        ),
    ]
    figure.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.02 / height_in),
        ncol=min(len(handles), 4),
        frameon=False,
        fontsize=SMALL_PT + 0.2,
        handlelength=1.4,
        columnspacing=1.4,
        handletextpad=0.5,
    )
