"""The range chart: how far each weapon system in view reaches, as the articles state it.

One row per system (``store.range_rows`` of the articles in view), as horizontal bars on a km
axis (pyqtgraph's ``BarGraphItem`` with ``x0``/``x1``):

- the **reference range** from the gazetteer, a faint grey bar behind the row (hover: its
  source);
- each **figure the articles state**: a min–max bar, a marker for a single figure, a bar from
  zero for "up to" / "less than", a right-pointing arrowhead for "more than" / "at least";
  coloured by the system's country of origin (legend on the right), with the number of
  articles stating it ("×3"). A figure more than 15% away from the reference
  (``StatedRange.differs``) gets a red outline and a red "!";
- **treaty bands** (``store.treaty_bands``) as labelled vertical bands (INF: 500–5,500 km);
  open-ended definitions ("ICBM: over 5,500 km") as a dashed line at their threshold;
- **treaty rows** (a treaty's own stated band, "bans missiles of 500–5,500 km") are shown too,
  hatched in the treaty colour and named "… (treaty)"; so are figures inferred from a treaty
  ("said to violate the INF Treaty").

Click a figure to list only the articles stating it (``ViewState.set_range_selection``; a chip
"Range: Topol-M 10,000 km" removes it); click it again to drop the filter. The wheel or a drag
scrolls through the rows; ``rangeLogToggle`` switches to a log axis; ``rangeExportPng`` and
``rangeExportSvg`` save the chart with every row (pyqtgraph's exporters).

The chart shows the view without its own selection (every other filter applies), so selecting
a figure does not hide the other systems; it is loaded in a worker thread and only while shown.
"""

from __future__ import annotations

import html
import logging
import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QFontMetricsF, QPainter, QShowEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing.chart_data import (
    BandGroup,
    FigureShape,
    OriginColours,
    RangeData,
    figure_shape,
    figure_text,
    figure_value,
    format_km,
    group_bands,
    km_ticks,
    load_ranges,
)
from briefing.domain import ArticleQuery, EntityType, RangeRow, StatedRange
from briefing.store import Store
from briefing.ui.chart_loader import LatestLoader, Loaded, ViewIds
from briefing.ui.chart_style import (
    FLAG,
    INK,
    REFERENCE_FILL,
    TREATY,
    TREATY_FILL,
    colour,
    style_plot,
)
from briefing.ui.entity_theme import PAPER
from briefing.view_state import FILTER_CHANGES, RangeSelection, ViewChange, ViewState

log = logging.getLogger(__name__)

ROW_PX = 26  # a row's height when exported (and the scroll unit)
HEADER_PX = 34  # the strip naming the treaty bands
AXIS_WIDTH = 150
HOVER_PX = 7
SELECTED_PEN = pg.mkPen(INK, width=2.6)
FLAG_PEN = pg.mkPen(FLAG, width=1.8)
PLAIN_PEN = pg.mkPen("#ffffff", width=0.8)
HINT = "Hover a bar for details · click a figure to list the articles stating it · wheel scrolls"
EMPTY = "No weapon ranges are stated in the articles in view."
EXPORT_TITLE = "Ranges stated in the articles, against reference ranges and treaty bands"


class RowsViewBox(pg.ViewBox):
    """Rows on y (first at the top): the wheel and a drag scroll through them; x stays."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=False, y=True)
        self.invertY(True)

    def wheelEvent(self, ev: object, axis: int | None = None) -> None:
        notches = ev.delta() / 120  # type: ignore[attr-defined]
        self.translateBy(y=-notches * 3)
        ev.accept()  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class RangeHit:
    """What is under the pointer: a stated figure, a reference bar or a treaty band."""

    kind: str  # "figure", "reference" or "band"
    row: RangeRow | None = None
    stated: StatedRange | None = None
    band: BandGroup | None = None


@dataclass(frozen=True, slots=True)
class FigureLabel:
    """ "×3" (articles stating a figure) right of where the figure ends, and "!" if flagged."""

    x: float
    y: float
    text: str
    flag: bool = False
    bold: bool = False


class FigureLabels(pg.GraphicsObject):
    """All the figures' labels, painted by one item in pixels beside their figures; a label
    that would overlap one already drawn in its row moves right."""

    GAP_PX = 9

    def __init__(self) -> None:
        super().__init__()
        self.labels: list[FigureLabel] = []
        self._font = QFont()
        self._font.setPointSizeF(8.5)
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._flag_font = QFont(self._font)
        self._flag_font.setPointSizeF(10)
        self._flag_font.setBold(True)

    def set_labels(self, labels: list[FigureLabel]) -> None:
        self.prepareGeometryChange()
        self.labels = labels
        self.update()

    def boundingRect(self) -> QRectF:
        rect = self.viewRect()  # labels are drawn in pixels: the whole view may hold them
        return QRectF(rect) if rect is not None else QRectF()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewRangeChanged()

    def paint(self, painter: QPainter, *_args: object) -> None:
        view = self.viewRect()
        if view is None or not self.labels:
            return
        transform = painter.transform()
        # Drawn in screen pixels, times the scale of an image export (2x: twice as big).
        # (Not GraphicsItem.deviceTransform(): called while painting, it crashed PySide.)
        scene = self.scene()
        views = scene.views() if scene is not None else []
        scale = 1.0
        if views:
            screen = self.sceneTransform().m11() * views[0].viewportTransform().m11()
            if screen and transform.m11():
                scale = abs(transform.m11() / screen)
        low, high = sorted((view.top(), view.bottom()))
        painter.save()
        painter.resetTransform()
        painter.scale(scale, scale)
        placed: list[QRectF] = []
        for label in self.labels:
            if not low - 1 <= label.y <= high + 1:
                continue
            mapped = transform.map(QPointF(label.x, label.y))
            point = QPointF(mapped.x() / scale, mapped.y() / scale)
            font = self._bold if label.bold else self._font
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(label.text)
            flag_width = QFontMetricsF(self._flag_font).horizontalAdvance(" !") if label.flag else 0
            rect = QRectF(point.x() + self.GAP_PX, point.y() - 8, width + flag_width, 16)
            while any(rect.intersects(other) for other in placed):
                rect.translate(width + flag_width + 6, 0)
            placed.append(rect)
            painter.setFont(font)
            painter.setPen(QColor(INK))
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, align, label.text)
            if label.flag:
                painter.setFont(self._flag_font)
                painter.setPen(QColor(FLAG))
                painter.drawText(rect.adjusted(width, 0, 0, 0), align, " !")
        painter.restore()


@dataclass(frozen=True, slots=True)
class _Shape:
    row: int
    stated: StatedRange
    x0: float
    x1: float
    y: float
    half: float  # half the height (rows)


def row_label(row: RangeRow) -> str:
    name = row.name if len(row.name) <= 22 else row.name[:21] + "…"
    return f"{name} (treaty)" if row.type is EntityType.TREATY else name


def figure_label(row: RangeRow, stated: StatedRange) -> str:
    """What the chip says: 'Topol-M 10,000 km'."""
    return f"{row.name} {figure_text(stated)}"


class RangePlot(pg.PlotWidget):
    """The drawing itself (also used offscreen, at full height, to export every row)."""

    def __init__(
        self, parent: QWidget | None = None, *, vector: bool = False, legend: bool = False
    ) -> None:
        # vector: markers drawn as paths, not cached pixmaps (for an SVG export).
        # legend: a legend beside the plot (exports; the panel shows one above the chart,
        # where it never squeezes the rows).
        self._vector = vector
        self.rows_box = RowsViewBox()
        super().__init__(parent, viewBox=self.rows_box)
        style_plot(self)
        item = self.getPlotItem()
        item.getAxis("left").setWidth(AXIS_WIDTH)
        item.getAxis("bottom").setLabel("range (km)", color=INK)
        # A strip above the rows names the treaty bands, whatever is scrolled into view: a
        # second ViewBox, x-linked, where the (hidden) top axis would be.
        self.header_box = pg.ViewBox(enableMenu=False)
        self.header_box.setMouseEnabled(x=False, y=False)
        self.header_box.setXLink(self.rows_box)
        self.header_box.setYRange(0, 2, padding=0)
        self.header_box.setMinimumHeight(HEADER_PX)
        self.header_box.setMaximumHeight(HEADER_PX)
        item.layout.removeItem(item.getAxis("top"))
        item.layout.addItem(self.header_box, 1, 1)
        item.showGrid(x=True, y=False, alpha=0.12)
        self.legend: pg.LegendItem | None = None
        if legend:
            self.legend = pg.LegendItem(labelTextColor=INK, labelTextSize="11pt")
            item.layout.addItem(self.legend, 2, 3)
        self.rows: tuple[RangeRow, ...] = ()
        self.bands: list[BandGroup] = []
        self.log = False
        self.selected: tuple[int, ...] = ()
        self.shapes: list[_Shape] = []
        self.references: list[tuple[float, float] | None] = []
        self.band_items: list[tuple[BandGroup, pg.GraphicsObject, pg.TextItem]] = []
        self._header_items: list[pg.GraphicsObject] = []
        # Every figure's "×N" and "!" in one item (280 TextItems took 140 ms to create).
        self.labels = FigureLabels()
        self.labels.setZValue(6)
        self.addItem(self.labels, ignoreBounds=True)
        self._items: list[pg.GraphicsObject] = []
        self._floor = 1.0
        self._x_range = (0.0, 1.0)
        self._fit = True
        self.rows_box.sigResized.connect(self._on_resized)

    def _on_resized(self) -> None:
        self._fit_rows()

    # -- coordinates ---------------------------------------------------------------------------

    def x_of(self, km: float) -> float:
        """Where ``km`` is drawn (log10 of it on the log axis)."""
        if not self.log:
            return float(km)
        return math.log10(max(km, self._floor))

    def km_at(self, x: float) -> float:
        return 10**x if self.log else x

    # -- drawing -------------------------------------------------------------------------------

    def draw(
        self,
        data: RangeData | None,
        *,
        log: bool,
        selected: tuple[int, ...],
        colours: OriginColours,
        fit_rows: bool = True,
    ) -> None:
        """Draw ``data``. ``fit_rows``: show as many rows as fit at ROW_PX each, keeping the
        scroll position when the rows are the same (else every row: an export)."""
        previous = [row.name for row in self.rows]
        (_, _), (top, bottom) = self.rows_box.viewRange()
        self._fit = fit_rows
        for item in self._items:
            self.removeItem(item)
        self._items = []
        for item in self._header_items:
            self.header_box.removeItem(item)
        self._header_items = []
        self.shapes, self.references, self.band_items = [], [], []
        if self.legend is not None:
            self.legend.clear()
        self.rows = data.rows if data is not None else ()
        self.bands = group_bands(list(data.bands)) if data is not None else []
        self.log = log
        self.selected = selected
        self.getAxis("bottom").setLogMode(log)
        if not self.rows:
            return
        self._set_scale()
        self._draw_bands()
        self._draw_references()
        self._draw_figures(colours)
        if self.legend is not None:
            self._draw_legend(colours)
        rows = len(self.rows)
        self.getAxis("left").setTicks([[(i, row_label(r)) for i, r in enumerate(self.rows)], []])
        self.rows_box.setLimits(yMin=-0.6, yMax=rows - 0.4)
        if fit_rows:
            same = previous == [row.name for row in self.rows]
            self._fit_rows(first=min(top, bottom) if same else -0.6)
        else:
            self.rows_box.setYRange(-0.6, rows - 0.4, padding=0)
        self.rows_box.setXRange(*self._x_range, padding=0)
        self.getAxis("bottom").setTicks(list(km_ticks(*self._x_range, log=self.log)))

    def _fit_rows(self, first: float | None = None) -> None:
        """As many rows as fit, from ``first`` (default: the row now at the top)."""
        if not self.rows or not self._fit:
            return
        if first is None:
            (_, _), (top, bottom) = self.rows_box.viewRange()
            first = min(top, bottom)
        count = min(float(len(self.rows)), max(1.0, self.rows_box.height() / ROW_PX))
        first = max(-0.6, min(first, len(self.rows) - 0.4 - count))
        self.rows_box.setYRange(first, first + count, padding=0)

    def _set_scale(self) -> None:
        values = []
        for row in self.rows:
            values += [row.reference_km, row.reference_min_km]
            for stated in row.stated:
                values += [stated.min_km, stated.max_km]
        for band in self.bands:
            values += [band.min_km, band.max_km]
        positive = [float(v) for v in values if v is not None and v > 0]
        top = max(positive, default=1.0)
        if self.log:
            self._floor = 10 ** math.floor(math.log10(min(positive, default=1.0)))
            self._x_range = (math.log10(self._floor), math.log10(top) + 0.3)
        else:
            self._floor = 0.0
            self._x_range = (0.0, top * 1.14)

    @property
    def zero(self) -> float:
        """Where a bar "from zero" starts: 0, or the log axis's first decade."""
        return self._x_range[0]

    def _add(self, item: pg.GraphicsObject, *, ignore_bounds: bool = False) -> None:
        self.addItem(item, ignoreBounds=ignore_bounds)
        self._items.append(item)

    def _band_item(self, band: BandGroup) -> pg.GraphicsObject:
        low = self.x_of(band.min_km)
        if band.max_km is not None:
            return pg.LinearRegionItem(
                values=(low, self.x_of(band.max_km)),
                movable=False,
                brush=pg.mkBrush(*TREATY_FILL),
                pen=pg.mkPen(colour(TREATY, 90)),
            )
        return pg.InfiniteLine(
            pos=low, angle=90, pen=pg.mkPen(TREATY, width=1.2, style=Qt.PenStyle.DashLine)
        )

    def _draw_bands(self) -> None:
        for line, band in enumerate(self.bands):
            item = self._band_item(band)
            item.setZValue(-20)
            self._add(item, ignore_bounds=True)
            # The same band in the header strip, with its name; neighbours take turns on the
            # strip's two lines so their names do not overlap.
            shade = self._band_item(band)
            self.header_box.addItem(shade, ignoreBounds=True)
            # Near the right edge a name runs leftwards from the band's end, not off the chart.
            low, high = self._x_range
            start = self.x_of(band.min_km)
            leftwards = start > low + (high - low) * 0.6
            anchor_x = self.x_of(band.max_km) if leftwards and band.max_km is not None else start
            label = pg.TextItem(band.title, color=TREATY, anchor=(1 if leftwards else 0, 0.5))
            label.setPos(anchor_x, 1.45 if line % 2 == 0 else 0.5)
            label.setToolTip("\n".join(band.labels))
            self.header_box.addItem(label, ignoreBounds=True)
            self._header_items += [shade, label]
            self.band_items.append((band, item, label))

    def _draw_references(self) -> None:
        x0, x1, ys = [], [], []
        for index, row in enumerate(self.rows):
            if not row.reference_km:
                self.references.append(None)
                continue
            start = self.x_of(row.reference_min_km) if row.reference_min_km else self.zero
            end = self.x_of(row.reference_km)
            self.references.append((start, end))
            x0.append(start)
            x1.append(end)
            ys.append(index)
        if x0:
            bars = pg.BarGraphItem(
                x0=x0,
                x1=x1,
                y=ys,
                height=np.full(len(ys), 0.76),
                brush=pg.mkBrush(*REFERENCE_FILL),
                pen=pg.mkPen(None),
            )
            bars.setZValue(-10)
            self._add(bars)

    def _draw_figures(self, colours: OriginColours) -> None:
        bars: dict[str, list] = {
            "x0": [],
            "x1": [],
            "y": [],
            "height": [],
            "brushes": [],
            "pens": [],
        }
        spots: list[dict] = []
        span = self._x_range[1] - self._x_range[0]
        selected = set(self.selected)
        labels: list[FigureLabel] = []
        for index, row in enumerate(self.rows):
            treaty_like = row.type is EntityType.TREATY
            tint = TREATY if treaty_like else colours.colour(row.origin)
            count = len(row.stated)
            offsets = np.linspace(-0.2, 0.2, count) if count > 1 else np.zeros(1)
            height = min(0.34, 0.62 / count)
            for stated, offset in zip(row.stated, offsets, strict=True):
                value = figure_value(stated)
                if value is None:
                    continue
                y = index + float(offset)
                hatched = treaty_like or bool(stated.via)
                is_selected = bool(selected) and set(stated.fact_ids) <= selected
                pen = SELECTED_PEN if is_selected else FLAG_PEN if stated.differs else PLAIN_PEN
                shape = figure_shape(stated)
                end = self.x_of(value)
                if shape in (FigureShape.BAR, FigureShape.FROM_ZERO):
                    start = self.x_of(stated.min_km or 0) if shape is FigureShape.BAR else self.zero
                    alpha = 120 if shape is FigureShape.FROM_ZERO else 215
                    brush = (
                        QBrush(colour(tint, 230), Qt.BrushStyle.BDiagPattern)
                        if hatched
                        else pg.mkBrush(colour(tint, alpha))
                    )
                    bars["x0"].append(start)
                    bars["x1"].append(end)
                    bars["y"].append(y)
                    bars["height"].append(height)
                    bars["brushes"].append(brush)
                    bars["pens"].append(pen if pen is not PLAIN_PEN else pg.mkPen(colour(tint)))
                    self.shapes.append(_Shape(index, stated, start, end, y, height / 2))
                else:
                    symbol = "t2" if shape is FigureShape.OPEN else "d"
                    spots.append(
                        {
                            "pos": (end, y),
                            "symbol": symbol,
                            "size": 13 if symbol == "d" else 14,
                            "brush": pg.mkBrush(colour(tint, 235)),
                            "pen": pen,
                        }
                    )
                    if shape is FigureShape.OPEN:
                        # An open end: a thin tail to the right, "and beyond".
                        tail = span * 0.05
                        bars["x0"].append(end)
                        bars["x1"].append(end + tail)
                        bars["y"].append(y)
                        bars["height"].append(0.06)
                        bars["brushes"].append(pg.mkBrush(colour(tint, 160)))
                        bars["pens"].append(pg.mkPen(None))
                        self.shapes.append(_Shape(index, stated, end, end + tail, y, 0.16))
                    else:
                        self.shapes.append(_Shape(index, stated, end, end, y, 0.16))
                right = self.shapes[-1].x1 if self.shapes else end
                labels.append(
                    FigureLabel(right, y, f"×{stated.articles}", stated.differs, is_selected)
                )
        self.labels.set_labels(labels)
        if bars["x0"]:
            item = pg.BarGraphItem(**bars)
            self._add(item)
        if spots:
            scatter = pg.ScatterPlotItem(spots=spots, hoverable=False, useCache=not self._vector)
            scatter.setZValue(5)
            self._add(scatter)

    @property
    def flagged(self) -> list[FigureLabel]:
        """The labels with a red "!" (figures more than 15% off their reference)."""
        return [label for label in self.labels.labels if label.flag]

    def _draw_legend(self, colours: OriginColours) -> None:
        origins = list(
            dict.fromkeys(r.origin for r in self.rows if r.type is not EntityType.TREATY)
        )
        for origin in origins:
            sample = pg.ScatterPlotItem(symbol="s", size=10, brush=colours.colour(origin), pen=None)
            self.legend.addItem(sample, origin or "origin unknown")
        self.legend.addItem(
            pg.ScatterPlotItem(symbol="s", size=10, brush=pg.mkBrush(*REFERENCE_FILL), pen=None),
            "reference range",
        )
        self.legend.addItem(
            pg.ScatterPlotItem(symbol="d", size=10, brush="#ffffff", pen=FLAG_PEN),
            "! >15% off reference",
        )
        if self.bands or any(r.type is EntityType.TREATY for r in self.rows):
            self.legend.addItem(
                pg.ScatterPlotItem(symbol="s", size=10, brush=pg.mkBrush(*TREATY_FILL), pen=TREATY),
                "treaty band",
            )

    # -- the pointer ---------------------------------------------------------------------------

    def hit_at(self, scene_pos: QPointF) -> RangeHit | None:
        if not self.rows or not self.rows_box.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.rows_box.mapSceneToView(scene_pos)
        x, y = point.x(), point.y()
        row = round(y)
        if not 0 <= row < len(self.rows):
            return None
        tolerance = HOVER_PX * self.rows_box.viewPixelSize()[0]
        y_tolerance = HOVER_PX * self.rows_box.viewPixelSize()[1]
        best: tuple[float, _Shape] | None = None
        for shape in self.shapes:
            if shape.row != row:
                continue
            if abs(y - shape.y) > shape.half + y_tolerance:
                continue
            if not shape.x0 - tolerance <= x <= shape.x1 + tolerance:
                continue
            distance = abs(y - shape.y) + (0 if shape.x0 <= x <= shape.x1 else 0.05)
            if best is None or distance < best[0]:
                best = (distance, shape)
        if best is not None:
            return RangeHit("figure", self.rows[row], best[1].stated)
        reference = self.references[row] if row < len(self.references) else None
        if reference is not None and reference[0] <= x <= reference[1] and abs(y - row) <= 0.38:
            return RangeHit("reference", self.rows[row])
        for band in self.bands:
            low = self.x_of(band.min_km)
            high = self.x_of(band.max_km) if band.max_km is not None else low + tolerance
            if low - tolerance <= x <= high:
                return RangeHit("band", band=band)
        return None

    def figure_scene_pos(self, row: int, stated_index: int = 0) -> QPointF:
        """The middle of a stated figure, in scene coordinates (tests click here)."""
        stated = self.rows[row].stated[stated_index]
        shape = next(s for s in self.shapes if s.row == row and s.stated is stated)
        return self.rows_box.mapViewToScene(QPointF((shape.x0 + shape.x1) / 2, shape.y))

    def reference_scene_pos(self, row: int) -> QPointF:
        reference = self.references[row]
        assert reference is not None
        start, end = reference
        # Near the bar's start: away from the figures, which sit around the reference's end.
        return self.rows_box.mapViewToScene(QPointF(start + (end - start) * 0.1, row + 0.3))


def describe(hit: RangeHit) -> str:
    """The tooltip for what is under the pointer."""
    if hit.kind == "band" and hit.band is not None:
        return "\n".join(hit.band.labels)
    row = hit.row
    assert row is not None
    if hit.kind == "reference":
        low = (
            f"{format_km(row.reference_min_km).removesuffix(' km')}–"
            if row.reference_min_km
            else ""
        )
        what = ", ".join(part for part in (row.weapon_class, row.origin) if part)
        lines = [f"{row.name}: reference range {low}{format_km(row.reference_km or 0)}"]
        if what:
            lines[0] += f" ({what})"
        lines.append(f"Source: {row.reference_source or 'the gazetteer'}")
        return "\n".join(lines)
    stated = hit.stated
    assert stated is not None
    articles = "article" if stated.articles == 1 else "articles"
    lines = [f"{row.name}: {figure_text(stated)}, stated in {stated.articles} {articles}"]
    if stated.via:
        lines.append(f"Inferred: said to fall under the {stated.via}")
    value = figure_value(stated)
    if stated.differs and row.reference_km and value:
        off = (value - row.reference_km) / row.reference_km * 100
        lines.append(f"! {off:+.0f}% from the reference range {format_km(row.reference_km)}")
    elif row.reference_km:
        lines.append(f"Reference range {format_km(row.reference_km)}")
    lines.append("Click to list the articles stating it (click again to drop the filter)")
    return "\n".join(lines)


class RangeChart(QWidget):
    """The range chart panel (``rangePanel``): bar, plot (``rangeChart``), info line."""

    drawn = Signal()

    def __init__(
        self,
        store: Store,
        state: ViewState,
        parent: QWidget | None = None,
        *,
        view_ids: ViewIds | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._state = state
        self._view_ids = view_ids
        self._data: RangeData | None = None
        self._requested: ArticleQuery | None = None
        self._applied: ArticleQuery | None = None
        self._stale = True
        self.colours = OriginColours()
        self.hover_text = ""
        self.last_draw_ms = 0.0
        self.setObjectName("rangePanel")
        self.setAccessibleName("Range chart")

        self.log_toggle = QToolButton(self)
        self.log_toggle.setObjectName("rangeLogToggle")
        self.log_toggle.setText("Log scale")
        self.log_toggle.setCheckable(True)
        self.log_toggle.setToolTip("Show the km axis on a logarithmic scale")
        self.log_toggle.setAccessibleName("Logarithmic range axis")
        self.log_toggle.toggled.connect(self._on_log_toggled)
        self.png_button = QToolButton(self)
        self.png_button.setObjectName("rangeExportPng")
        self.png_button.setText("Export PNG…")
        self.png_button.setToolTip("Save the chart, every row, as a PNG image")
        self.png_button.clicked.connect(lambda: self._ask_and_export("png"))
        self.svg_button = QToolButton(self)
        self.svg_button.setObjectName("rangeExportSvg")
        self.svg_button.setText("Export SVG…")
        self.svg_button.setToolTip("Save the chart, every row, as an SVG drawing")
        self.svg_button.clicked.connect(lambda: self._ask_and_export("svg"))
        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("rangeSelectionLabel")
        self.selection_label.setStyleSheet("color: #59636e;")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        bar.addWidget(self.log_toggle)
        bar.addSpacing(12)
        bar.addWidget(self.png_button)
        bar.addWidget(self.svg_button)
        bar.addSpacing(12)
        bar.addWidget(self.selection_label, 1)

        self.legend_label = QLabel(self)
        self.legend_label.setObjectName("rangeLegend")
        self.legend_label.setWordWrap(True)
        self.legend_label.setStyleSheet(f"color: {INK};")

        self.plot = RangePlot(self)
        self.plot.setObjectName("rangeChart")
        self.plot.setAccessibleName("Range chart: stated and reference ranges per system")
        self.empty_label = QLabel(EMPTY, self)
        self.empty_label.setObjectName("rangeEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #8a8f98;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.empty_label)
        self.info = QLabel(HINT, self)
        self.info.setObjectName("rangeInfo")
        self.info.setStyleSheet("color: #59636e;")
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.info)

        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_clicked)
        self.loader = LatestLoader("The range chart", self)
        self.loader.loaded.connect(self._on_loaded)
        self._unsubscribe = state.subscribe(self._on_state_changed, FILTER_CHANGES)
        self.destroyed.connect(self._unsubscribe)
        self._draw()

    # -- public API ---------------------------------------------------------------------------

    @property
    def up_to_date(self) -> bool:
        return not self.loader.busy and self._applied == self._query()

    @property
    def data(self) -> RangeData | None:
        return self._data

    @property
    def rows(self) -> tuple[RangeRow, ...]:
        return self._data.rows if self._data is not None else ()

    def row_index(self, name: str) -> int:
        return next(i for i, row in enumerate(self.rows) if row.name == name)

    def set_store(self, store: Store) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        self._request(force=True)

    def shutdown(self) -> None:
        self.loader.wait()

    def select_figure(self, row: RangeRow, stated: StatedRange) -> None:
        """What clicking a figure does: filter by it, or drop the filter if it is the one."""
        current = self._state.range_selection
        if current is not None and current.fact_ids == tuple(sorted(stated.fact_ids)):
            self._state.clear_range_selection()
            return
        self._state.set_range_selection(RangeSelection(stated.fact_ids, figure_label(row, stated)))

    def hover_at(self, scene_pos: QPointF) -> str:
        hit = self.plot.hit_at(scene_pos)
        text = describe(hit) if hit is not None else ""
        self.hover_text = text
        self.info.setText(text.replace("\n", " · ") if text else self._hint())
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plot)
        else:
            QToolTip.hideText()
        return text

    def _hint(self) -> str:
        count = len(self.rows)
        return f"{count} system{'s' if count != 1 else ''} in view · {HINT}"

    def export_png(self, path: Path | str) -> Path:
        return self._export(Path(path), "png")

    def export_svg(self, path: Path | str) -> Path:
        return self._export(Path(path), "svg")

    # -- loading ------------------------------------------------------------------------------

    def _query(self) -> ArticleQuery:
        return self._state.filter_query(ignore=[ViewChange.RANGES])

    def _request(self, *, force: bool = False) -> None:
        query = self._query()
        if not force and query == self._requested:
            return
        if not self.isVisible():
            self._stale = True
            self._requested = None
            return
        self._stale = False
        self._requested = query
        store = self._store
        ids = self._view_ids(query) if self._view_ids is not None else None
        self.loader.request(query, lambda: load_ranges(store, query, ids))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._request(force=True)

    def _on_loaded(self, loaded: Loaded) -> None:
        if loaded.error is not None:
            log.info("range chart not updated: %s", loaded.error)
            self._applied = loaded.key if isinstance(loaded.key, ArticleQuery) else None
            self.drawn.emit()
            return
        data = loaded.result
        assert isinstance(data, RangeData)
        self._data = data
        self._applied = data.query
        self._draw()
        self.drawn.emit()

    def _draw(self) -> None:
        started = time.perf_counter()
        selection = self._state.range_selection
        selected = selection.fact_ids if selection is not None else ()
        has_rows = bool(self._data is not None and self._data.rows)
        self.stack.setCurrentIndex(0 if has_rows else 1)
        self.plot.draw(
            self._data, log=self.log_toggle.isChecked(), selected=selected, colours=self.colours
        )
        self.selection_label.setText(
            f"Listing the articles stating {selection.label}" if selection else ""
        )
        self.legend_label.setText(legend_html(self.rows, self.colours, self.plot.bands))
        self.legend_label.setVisible(has_rows)
        if has_rows:
            self.info.setText(self._hint())
        self.last_draw_ms = (time.perf_counter() - started) * 1000

    def _on_log_toggled(self, _checked: bool) -> None:
        self._draw()

    def _on_state_changed(self, change: ViewChange) -> None:
        if change == ViewChange.RANGES:
            self._draw()  # only the highlight moves: no reload
            return
        self._request()

    # -- the pointer --------------------------------------------------------------------------

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        self.hover_at(scene_pos)

    def _on_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():  # type: ignore[attr-defined]
            return
        hit = self.plot.hit_at(event.scenePos())  # type: ignore[attr-defined]
        if hit is not None and hit.kind == "figure" and hit.row is not None and hit.stated:
            self.select_figure(hit.row, hit.stated)

    # -- export -------------------------------------------------------------------------------

    def _ask_and_export(self, kind: str) -> None:
        wanted = "PNG image (*.png)" if kind == "png" else "SVG drawing (*.svg)"
        path_text, _ = QFileDialog.getSaveFileName(
            self, "Export Range Chart", f"range-chart.{kind}", wanted
        )
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() != f".{kind}":
            path = path.with_suffix(f".{kind}")
        try:
            self._export(path, kind)
        except OSError as exc:
            self.info.setText(f"Could not export the chart: {exc}")
            return
        self.info.setText(f"Chart saved to {path}")

    def _export(self, path: Path, kind: str) -> Path:
        """Every row, not only those scrolled into sight: drawn again offscreen, full height."""
        rows = len(self.rows)
        copy = RangePlot(vector=kind == "svg", legend=True)
        copy.setTitle(EXPORT_TITLE, color=INK, size="12pt")
        copy.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        width = max(self.plot.width(), 960)
        height = max(220, 90 + rows * ROW_PX)
        copy.resize(width, height)
        copy.show()
        QApplication.processEvents()
        selection = self._state.range_selection
        try:
            copy.draw(
                self._data,
                log=self.log_toggle.isChecked(),
                selected=selection.fact_ids if selection else (),
                colours=self.colours,
                fit_rows=False,
            )
            QApplication.processEvents()
            if kind == "png":
                exporter = pg_exporters.ImageExporter(copy.getPlotItem())
                exporter.parameters()["width"] = width * 2
                exporter.export(str(path))
            else:
                _write_svg(copy, path)
        finally:
            copy.close()
            copy.deleteLater()
        if not path.is_file() or path.stat().st_size == 0:
            raise OSError(f"nothing was written to {path}")
        return path


def _write_svg(plot: RangePlot, path: Path) -> None:
    """The plot as an SVG drawing, through Qt's SVG generator.

    Not pyqtgraph's SVGExporter: with Qt 6.10+ it fails on every plot (Qt now closes paths with
    "Z", which its coordinate rewriting cannot parse: pyqtgraph issue #3495).
    """
    item = plot.getPlotItem()
    source = item.sceneBoundingRect()
    size = source.size().toSize()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("Briefing range chart")
    generator.setDescription("Stated ranges against reference ranges and treaty bands")
    painter = QPainter(generator)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor(PAPER))
        plot.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()


def legend_html(rows: tuple[RangeRow, ...], colours: OriginColours, bands: list[BandGroup]) -> str:
    """The panel's legend: a swatch per country of origin, then what the marks mean."""
    parts = []
    origins = dict.fromkeys(r.origin for r in rows if r.type is not EntityType.TREATY)
    for origin in origins:
        swatch = colours.colour(origin)
        name = html.escape(origin or "origin unknown").replace(" ", "&nbsp;")
        parts.append(f"<span style='color:{swatch}'>■</span>&nbsp;{name}")
    parts.append("<span style='color:#b3b8be'>■</span>&nbsp;reference")
    parts.append(f"<span style='color:{FLAG}'><b>!</b></span>&nbsp;over&nbsp;15%&nbsp;off&nbsp;it")
    if bands or any(r.type is EntityType.TREATY for r in rows):
        parts.append(f"<span style='color:{TREATY}'>▨</span>&nbsp;treaty&nbsp;band")
    return " &nbsp; ".join(parts)
