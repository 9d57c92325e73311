"""The timeline: when the articles in view happen, and a date range that filters everything.

Two x-linked pyqtgraph plots share one time axis (pyqtgraph's ``DateAxisItem``; a day is drawn
from its midnight, UTC):

- **lanes** (``timelineLanes``, on top): a row of marks per entity — the entities selected in
  the sidebar, else the five most mentioned in view — below a first row for every article in
  view. A mark stands for the events dated to a day within one calendar bin (bigger for more);
  a month or a year mentioned without a day is a *span*, a short bar from its first to its last
  day. Hovering a mark shows the sentence the date is in; clicking it opens the article there.
- **histogram** (``timelineChart``, below): dated events and publications per bin, and the
  date range selection (a ``LinearRegionItem``).

Drag across either plot to select dates (or drag the selection's edges, or type the dates into
``timelineFrom`` / ``timelineTo``); the filter applies when the drag *ends*
(``sigRegionChangeFinished``), so dragging stays smooth. The wheel zooms, Shift+drag (or the
middle button) pans, a double click shows everything. Bins follow the zoom (day, week, month,
quarter or year) and only what is visible is computed and drawn.

The timeline shows the view *without* its own date filter (with every other filter), so the
selection never hides what lies outside it. Its data is loaded in a worker thread
(:class:`briefing.ui.chart_loader.LatestLoader`); while the chart is hidden it only notes that
it is out of date, and loads when shown.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
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
    BinUnit,
    Histogram,
    LaneMarks,
    TimelineData,
    TimelineLoader,
    VisibleSpans,
    bin_end,
    bin_index,
    bin_label,
    bin_start,
    choose_unit,
    format_date_range,
    histogram,
    lane_marks,
    ordinal_at_seconds,
    seconds_of_day,
    seconds_of_ordinals,
    spans_in,
)
from briefing.domain import ArticleQuery, DateContext
from briefing.store import Store
from briefing.ui.chart_loader import LatestLoader, Loaded, ViewIds
from briefing.ui.chart_style import (
    INK,
    PUBLISHED,
    SELECTION_EDGE,
    SELECTION_FILL,
    SLATE,
    colour,
    style_plot,
)
from briefing.ui.entity_theme import type_colour
from briefing.view_state import FILTER_CHANGES, ViewChange, ViewState

log = logging.getLogger(__name__)

DAY = 86_400.0
AXIS_WIDTH = 128  # both plots' left axes: the same width keeps their x axes aligned
LANE_PX = 19
SPAN_HEIGHT = 0.34  # a span's bar, in rows
HOVER_PX = 9  # how near a mark the pointer must be
MAX_SENTENCE = 240
FIRST_DATE, LAST_DATE = QDate(1800, 1, 1), QDate(2200, 12, 31)
# A QDateEdit cannot be empty: an open end shows the first (or last) date in view, in grey.
OPEN_STYLE = 'QDateEdit[open="true"] { color: #8a8f98; }'
HINT = (
    "Drag to select dates · wheel to zoom · Shift+drag to pan · double-click to see all · "
    "hover a mark for its sentence, click to read it"
)
EMPTY = "No dated events or publication dates in the articles in view."
LANE_ALL_COLOUR = SLATE


class BrushViewBox(pg.ViewBox):
    """A time ViewBox: left-drag selects dates (a brush), Shift+drag or the middle button pan,
    the wheel zooms the time axis only, a double click asks to show everything."""

    brushed = Signal(float, float, bool)  # (from, to) in seconds, whether the drag ended
    doubleClicked = Signal()

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=True, y=False)

    def mouseDragEvent(self, ev: object, axis: int | None = None) -> None:
        button = ev.button()  # type: ignore[attr-defined]
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
        if axis is None and button == Qt.MouseButton.LeftButton and not shift:
            ev.accept()  # type: ignore[attr-defined]
            start = self.mapSceneToView(ev.buttonDownScenePos()).x()  # type: ignore[attr-defined]
            end = self.mapSceneToView(ev.scenePos()).x()  # type: ignore[attr-defined]
            self.brushed.emit(start, end, ev.isFinish())  # type: ignore[attr-defined]
            return
        super().mouseDragEvent(ev, axis)  # Shift+left or middle: pan (x only)

    def mouseClickEvent(self, ev: object) -> None:
        if ev.double() and ev.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            ev.accept()  # type: ignore[attr-defined]
            self.doubleClicked.emit()
            return
        super().mouseClickEvent(ev)


@dataclass(frozen=True, slots=True)
class TimelineHit:
    """What is under the pointer in the lanes: a mark (day events of a bin) or a span."""

    lane: int
    mention_id: int
    when: str  # "Dec 2006", "12 Dec 2006", "2019" (a span's own extent)
    count: int
    span: bool


class TimelineChart(QWidget):
    """Lanes + histogram + date range selection (``timelinePanel``), fed by the view state."""

    # A mark was clicked: the DateContext of its mention (the window opens the article there).
    mentionActivated = Signal(object)
    # New data was drawn (tests wait for ``up_to_date``).
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
        self._source = TimelineLoader()
        self._data: TimelineData | None = None
        self._requested: ArticleQuery | None = None
        self._applied: ArticleQuery | None = None
        self._stale = True
        self._extent: tuple[int, int] | None = None
        self._histogram: Histogram | None = None
        # The days (first, last, as ordinals) and the bin unit last drawn: what a briefing's
        # snapshot of "the chart as shown" covers.
        self._visible: tuple[int, int, BinUnit] | None = None
        self._marks: list[LaneMarks] = []
        self._spans: list[VisibleSpans] = []
        self._scatters: list[pg.ScatterPlotItem] = []
        self._span_bars: list[pg.BarGraphItem] = []
        self._syncing = False
        self._shown: dict[str, QDate] = {}  # what each date field was last set to
        self._contexts: dict[int, DateContext | None] = {}
        self.hover_text = ""
        self.last_redraw_ms = 0.0
        self.setObjectName("timelinePanel")
        self.setAccessibleName("Timeline")

        # -- the bar: date range fields, clear, show all, legend -----------------------------
        self.from_edit = self._date_edit("timelineFrom", "First day of the date filter")
        self.to_edit = self._date_edit("timelineTo", "Last day of the date filter")
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("timelineClear")
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Remove the date filter")
        self.clear_button.setAccessibleName("Clear the date filter")
        self.clear_button.clicked.connect(self._state.clear_date_range)
        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("timelineFit")
        self.fit_button.setText("Show all")
        self.fit_button.setToolTip("Zoom out to every date in view (or double-click the chart)")
        self.fit_button.clicked.connect(self.show_all)
        legend = QLabel(
            f"<span style='color:{SLATE}'>■</span> dated events &nbsp; "
            f"<span style='color:{PUBLISHED}'>■</span> publications &nbsp; "
            f"<span style='color:{SLATE}'>▬</span> month or year (span)",
            self,
        )
        legend.setObjectName("timelineLegend")
        legend.setStyleSheet(f"color: {INK};")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        bar.addWidget(QLabel("Dates", self))
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel("to", self))
        bar.addWidget(self.to_edit)
        bar.addWidget(self.clear_button)
        bar.addSpacing(12)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(legend)

        # -- the plots -------------------------------------------------------------------------
        self.lanes_box = BrushViewBox()
        self.lanes_box.invertY(True)
        self.lanes_plot = pg.PlotWidget(
            viewBox=self.lanes_box, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)}
        )
        self.lanes_plot.setObjectName("timelineLanes")
        self.lanes_plot.setAccessibleName("Timeline lanes: who appears when")
        style_plot(self.lanes_plot, axes=("left",))
        self.box = BrushViewBox()
        self.plot = pg.PlotWidget(
            viewBox=self.box,
            axisItems={"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)},
        )
        self.plot.setObjectName("timelineChart")
        self.plot.setAccessibleName("Timeline: dated events and publications over time")
        style_plot(self.plot)
        self.lanes_plot.setXLink(self.plot)
        for plot in (self.plot, self.lanes_plot):
            plot.getAxis("left").setWidth(AXIS_WIDTH)
            plot.setMinimumHeight(70)
        self._unit_label = ""
        self.box.enableAutoRange(axis=pg.ViewBox.YAxis)
        self.box.setAutoVisible(y=True)
        self.box.disableAutoRange(axis=pg.ViewBox.XAxis)
        self.lanes_box.disableAutoRange()

        self.event_bars = pg.BarGraphItem(
            x0=[], x1=[], y0=[], height=[], brush=colour(SLATE, 210), pen=pg.mkPen(None)
        )
        self.published_bars = pg.BarGraphItem(
            x0=[], x1=[], y0=[], height=[], brush=colour(PUBLISHED, 210), pen=pg.mkPen(None)
        )
        self.plot.addItem(self.event_bars)
        self.plot.addItem(self.published_bars)
        self.region = pg.LinearRegionItem(
            values=(0, DAY),
            brush=pg.mkBrush(*SELECTION_FILL),
            hoverBrush=pg.mkBrush(61, 90, 108, 70),
            pen=pg.mkPen(SELECTION_EDGE, width=2),
        )
        self.region.setObjectName("timelineRegion")
        self.region.setZValue(10)
        self.region.setToolTip("The date filter: drag its edges or move it; Clear removes it")
        # ignoreBounds: the selection must not stretch the view (pyqtgraph's crosshair example).
        self.plot.addItem(self.region, ignoreBounds=True)
        self.region.hide()
        self.lanes_region = pg.LinearRegionItem(
            values=(0, DAY), movable=False, brush=pg.mkBrush(*SELECTION_FILL), pen=pg.mkPen(None)
        )
        self.lanes_plot.addItem(self.lanes_region, ignoreBounds=True)
        self.lanes_region.hide()

        self.empty_label = QLabel(EMPTY, self)
        self.empty_label.setObjectName("timelineEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #8a8f98;")
        plots = QWidget(self)
        plots_layout = QVBoxLayout(plots)
        plots_layout.setContentsMargins(0, 0, 0, 0)
        plots_layout.setSpacing(0)
        plots_layout.addWidget(self.lanes_plot, 3)
        plots_layout.addWidget(self.plot, 2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(plots)
        self.stack.addWidget(self.empty_label)

        self.info = QLabel(HINT, self)
        self.info.setObjectName("timelineInfo")
        self.info.setStyleSheet("color: #59636e;")
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.info)

        # -- wiring ---------------------------------------------------------------------------
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(15)
        self._redraw_timer.timeout.connect(self._redraw)
        self.box.sigXRangeChanged.connect(self._redraw_timer.start)
        self.box.brushed.connect(self._on_brushed)
        self.lanes_box.brushed.connect(self._on_brushed)
        self.box.doubleClicked.connect(self.show_all)
        self.lanes_box.doubleClicked.connect(self.show_all)
        self.region.sigRegionChanged.connect(self._on_region_moving)
        self.region.sigRegionChangeFinished.connect(self._on_region_finished)
        self.from_edit.editingFinished.connect(self._on_from_typed)
        self.to_edit.editingFinished.connect(self._on_to_typed)
        self.lanes_plot.scene().sigMouseMoved.connect(self._on_lanes_mouse_moved)
        self.lanes_plot.scene().sigMouseClicked.connect(self._on_lanes_clicked)
        self.plot.scene().sigMouseMoved.connect(self._on_histogram_mouse_moved)

        self.loader = LatestLoader("The timeline", self)
        self.loader.loaded.connect(self._on_loaded)
        self._unsubscribe = state.subscribe(self._on_state_changed, FILTER_CHANGES)
        self.destroyed.connect(self._unsubscribe)
        self._show_date_range()
        self._apply_data(None)

    # -- public API (the window, tests, the snapshot tool) ------------------------------------

    @property
    def up_to_date(self) -> bool:
        """The chart shows the data for the filters in force (tests wait for this)."""
        return not self.loader.busy and self._applied == self._query()

    @property
    def data(self) -> TimelineData | None:
        return self._data

    @property
    def histogram(self) -> Histogram | None:
        """The bins drawn in the histogram (for tests)."""
        return self._histogram

    @property
    def visible_span(self) -> tuple[int, int, BinUnit] | None:
        """(first day, last day, bin unit) of what is drawn now; None when nothing is."""
        return self._visible if self._data is not None and not self._data.empty else None

    @property
    def lane_names(self) -> list[str]:
        return [lane.name for lane in self._data.lanes] if self._data else []

    def set_store(self, store: Store) -> None:
        self._store = store
        self._source = TimelineLoader()
        self._contexts.clear()
        self._extent = None
        self.refresh()

    def refresh(self) -> None:
        """Load again (the articles or the entities changed)."""
        self._contexts.clear()
        self._source.forget_articles()
        self._request(force=True)

    def shutdown(self) -> None:
        """Wait for a running load: the store may be closed next."""
        self.loader.wait()

    def show_all(self) -> None:
        """Zoom out to every date in view."""
        if self._extent is None:
            return
        low, high = self._extent
        start, end = (
            seconds_of_day(dt.date.fromordinal(low)),
            seconds_of_day(dt.date.fromordinal(high)),
        )
        pad = max((end - start) * 0.03, 2 * DAY)
        self.box.setXRange(start - pad, end + DAY + pad, padding=0)

    def set_visible_dates(self, first: dt.date, last: dt.date) -> None:
        """Zoom to [first, last] (tests and the snapshot tool)."""
        self.box.setXRange(seconds_of_day(first), seconds_of_day(last) + DAY, padding=0)
        self._redraw()

    def marks(self, lane: int) -> LaneMarks | None:
        """The marks drawn in a lane (for tests)."""
        return self._marks[lane] if 0 <= lane < len(self._marks) else None

    def spans(self, lane: int) -> VisibleSpans | None:
        return self._spans[lane] if 0 <= lane < len(self._spans) else None

    def span_item(self, lane: int) -> pg.BarGraphItem | None:
        return self._span_bars[lane] if 0 <= lane < len(self._span_bars) else None

    def mark_scene_pos(self, lane: int, index: int = 0) -> QPointF:
        """Where a lane's ``index``-th mark is drawn, in scene coordinates."""
        marks = self._marks[lane]
        x = float(seconds_of_ordinals(marks.centres[index : index + 1])[0])
        return self.lanes_box.mapViewToScene(QPointF(x, float(lane)))

    def span_scene_pos(self, lane: int, index: int = 0) -> QPointF:
        spans = self._spans[lane]
        middle = (float(spans.starts[index]) + float(spans.ends[index]) + 1) / 2
        x = float(seconds_of_ordinals([middle])[0])
        return self.lanes_box.mapViewToScene(QPointF(x, float(lane)))

    def hit_at(self, scene_pos: QPointF) -> TimelineHit | None:
        """The mark or span under a scene position in the lanes, if any."""
        if self._data is None or not self.lanes_box.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.lanes_box.mapSceneToView(scene_pos)
        lane = round(point.y())
        if not 0 <= lane < len(self._marks) or abs(point.y() - lane) > 0.45:
            return None
        pixel = self.lanes_box.viewPixelSize()[0]
        tolerance = HOVER_PX * pixel
        x = point.x()
        best: TimelineHit | None = None
        best_distance = tolerance
        marks = self._marks[lane]
        if len(marks.centres):
            distances = np.abs(seconds_of_ordinals(marks.centres) - x)
            k = int(np.argmin(distances))
            if distances[k] <= best_distance:
                best_distance = float(distances[k])
                best = TimelineHit(
                    lane,
                    int(marks.mention_ids[k]),
                    bin_label(int(marks.bins[k]), marks.unit),
                    int(marks.counts[k]),
                    span=False,
                )
        spans = self._spans[lane]
        if best is None and len(spans.starts) and abs(point.y() - lane) <= 0.3:
            starts = seconds_of_ordinals(spans.starts)
            ends = seconds_of_ordinals(spans.ends + 1)
            inside = np.flatnonzero((starts - tolerance <= x) & (x <= ends + tolerance))
            if len(inside):
                k = int(inside[np.argmax(spans.counts[inside])])
                first = dt.date.fromordinal(int(spans.starts[k]))
                last = dt.date.fromordinal(int(spans.ends[k]))
                best = TimelineHit(
                    lane,
                    int(spans.mention_ids[k]),
                    format_date_range(first, last),
                    int(spans.counts[k]),
                    span=True,
                )
        return best

    def hover_at(self, scene_pos: QPointF) -> str:
        """Show what is under a scene position in the lanes (tooltip and info line)."""
        hit = self.hit_at(scene_pos)
        if hit is None:
            self._set_info("")
            QToolTip.hideText()
            return ""
        text = self.describe(hit)
        self._set_info(text.replace("\n", "  "))
        QToolTip.showText(QCursor.pos(), text, self.lanes_plot)
        return text

    def describe(self, hit: TimelineHit) -> str:
        lane = self._data.lanes[hit.lane].name if self._data else ""
        events = "dated event" if hit.count == 1 else "dated events"
        head = f"{lane} · {hit.when}: {hit.count} {events}"
        context = self._context(hit.mention_id)
        if context is None:
            return head
        sentence = " ".join(context.sentence.split())
        if len(sentence) > MAX_SENTENCE:
            sentence = sentence[: MAX_SENTENCE - 1] + "…"
        more = " (one of them)" if hit.count > 1 else ""
        return f"{head}\n“{sentence}”{more}\n{context.title} — click to read it"

    def activate(self, hit: TimelineHit) -> None:
        """Open the hit's article at its date (what a click does)."""
        context = self._context(hit.mention_id)
        if context is not None:
            self.mentionActivated.emit(context)

    # -- loading ------------------------------------------------------------------------------

    def _query(self) -> ArticleQuery:
        return self._state.filter_query(ignore=[ViewChange.DATES])

    def _request(self, *, force: bool = False) -> None:
        query = self._query()
        if not force and query == self._requested:
            return
        if not self.isVisible():
            self._stale = True  # loaded when shown
            self._requested = None
            return
        self._stale = False
        self._requested = query
        store, source = self._store, self._source
        ids = self._view_ids(query) if self._view_ids is not None else None
        self.loader.request(query, lambda: source.load(store, query, ids))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._request(force=True)

    def _on_loaded(self, loaded: Loaded) -> None:
        if loaded.error is not None:
            # A search that cannot be understood: the list explains it; the chart stays.
            log.info("timeline not updated: %s", loaded.error)
            self._applied = loaded.key if isinstance(loaded.key, ArticleQuery) else None
            self.drawn.emit()
            return
        data = loaded.result
        assert isinstance(data, TimelineData)
        self._applied = data.query
        self._apply_data(data)
        self.drawn.emit()

    def _apply_data(self, data: TimelineData | None) -> None:
        self._data = data
        for item in [*self._scatters, *self._span_bars]:
            self.lanes_plot.removeItem(item)
        self._scatters, self._span_bars = [], []
        if data is None or data.empty:
            self._marks, self._spans, self._histogram = [], [], None
            self.stack.setCurrentIndex(1)
            self._extent = None
            return
        self.stack.setCurrentIndex(0)
        for lane in data.lanes:
            tint = LANE_ALL_COLOUR if lane.type is None else type_colour(lane.type)
            bars = pg.BarGraphItem(
                x0=[], x1=[], y0=[], height=[], brush=colour(tint, 90), pen=pg.mkPen(None)
            )
            scatter = pg.ScatterPlotItem(
                pen=pg.mkPen("#ffffff", width=0.8), brush=colour(tint, 215), hoverable=False
            )
            scatter.setZValue(5)
            self.lanes_plot.addItem(bars)
            self.lanes_plot.addItem(scatter)
            self._span_bars.append(bars)
            self._scatters.append(scatter)
        axis = self.lanes_plot.getAxis("left")
        axis.setTicks([[(i, _elide(lane.name)) for i, lane in enumerate(data.lanes)], []])
        rows = len(data.lanes)
        self.lanes_box.setYRange(-0.6, rows - 0.4, padding=0)
        self.lanes_plot.setFixedHeight(rows * LANE_PX + 14)
        extent = data.extent()
        if extent is not None:
            low, high = extent
            span = max((high - low) * DAY, 30 * DAY)
            self.box.setLimits(
                xMin=seconds_of_day(dt.date.fromordinal(low)) - span * 0.5,
                xMax=seconds_of_day(dt.date.fromordinal(high)) + span * 0.5,
                minXRange=3 * DAY,
            )
            if extent != self._extent:
                self._extent = extent
                self.show_all()
                self._show_date_range()  # open ends show the new first and last dates
        self._redraw()

    # -- drawing ------------------------------------------------------------------------------

    def _redraw(self) -> None:
        data = self._data
        if data is None or data.empty:
            return
        started = time.perf_counter()
        (x0, x1), _ = self.box.viewRange()
        low, high = ordinal_at_seconds(x0) - 1, ordinal_at_seconds(x1) + 1
        width = max(self.box.width(), 100.0)
        unit = choose_unit(high - low, width)
        # Whole bins at both ends, so the edge bins count everything they hold.
        low = int(bin_start(bin_index([low], unit), unit)[0])
        high = int(bin_end(bin_index([high], unit), unit)[0]) - 1

        counts = histogram(data, low, high, unit)
        self._histogram = counts
        self._visible = (low, high, unit)
        if unit != self._unit_label:
            self._unit_label = unit
            self.plot.getAxis("left").setLabel(f"per {unit}", color=INK)
        starts = seconds_of_ordinals(counts.starts)
        ends = seconds_of_ordinals(counts.ends)
        gap = (ends - starts) * 0.08
        middles = (starts + ends) / 2
        zeros = np.zeros(len(starts))
        self.event_bars.setOpts(x0=starts + gap, x1=middles, y0=zeros, height=counts.events)
        self.published_bars.setOpts(x0=middles, x1=ends - gap, y0=zeros, height=counts.published)

        self._marks, self._spans = [], []
        for lane in range(len(data.lanes)):
            marks = lane_marks(data, lane, low, high, unit)
            self._marks.append(marks)
            sizes = np.clip(6 + 2.2 * np.log2(np.maximum(marks.counts, 1)), 6, 16).round()
            self._scatters[lane].setData(
                x=seconds_of_ordinals(marks.centres),
                y=np.full(len(marks.centres), float(lane)),
                size=sizes,
            )
            spans = spans_in(data, lane, low, high)
            self._spans.append(spans)
            self._span_bars[lane].setOpts(
                x0=seconds_of_ordinals(spans.starts),
                x1=seconds_of_ordinals(spans.ends + 1),
                y0=np.full(len(spans.starts), lane - SPAN_HEIGHT / 2),
                height=np.full(len(spans.starts), SPAN_HEIGHT),
            )
        self.last_redraw_ms = (time.perf_counter() - started) * 1000

    # -- the date range: region, fields and the view state ------------------------------------

    def _show_date_range(self) -> None:
        """Region and fields show the state's date range (without announcing anything)."""
        date_from, date_to = self._state.date_range
        self._syncing = True
        try:
            self._set_edit(self.from_edit, date_from, low=True)
            self._set_edit(self.to_edit, date_to, low=False)
            active = date_from is not None or date_to is not None
            self.clear_button.setEnabled(active)
            if active:
                start = seconds_of_day(date_from) if date_from else self._edge(low=True)
                end = seconds_of_day(date_to) + DAY if date_to else self._edge(low=False)
                self.region.setRegion((start, end))
                self.lanes_region.setRegion((start, end))
            self.region.setVisible(active)
            self.lanes_region.setVisible(active)
        finally:
            self._syncing = False

    def _edge(self, *, low: bool) -> float:
        """An open end of the range: the edge of the data (or of the view without data)."""
        if self._extent is not None:
            day = self._extent[0] if low else self._extent[1] + 1
            return seconds_of_day(dt.date.fromordinal(day))
        (x0, x1), _ = self.box.viewRange()
        return x0 if low else x1

    def _on_brushed(self, start: float, end: float, finished: bool) -> None:
        low, high = sorted((start, end))
        self._syncing = True
        try:
            self.region.setRegion((low, high))
            self.lanes_region.setRegion((low, high))
            self.region.show()
            self.lanes_region.show()
        finally:
            self._syncing = False
        self._show_region_in_fields()
        if finished:
            self._on_region_finished()

    def _on_region_moving(self) -> None:
        if self._syncing:
            return
        self.lanes_region.setRegion(self.region.getRegion())
        self._show_region_in_fields()

    def _region_days(self) -> tuple[dt.date, dt.date]:
        """The whole days the region covers: edges snap to the nearest midnight."""
        low, high = sorted(self.region.getRegion())
        first = round(low / DAY)
        last = max(round(high / DAY) - 1, first)
        origin = dt.date(1970, 1, 1).toordinal()
        return dt.date.fromordinal(first + origin), dt.date.fromordinal(last + origin)

    def _show_region_in_fields(self) -> None:
        first, last = self._region_days()
        self._syncing = True
        try:
            self._set_edit(self.from_edit, first, low=True)
            self._set_edit(self.to_edit, last, low=False)
        finally:
            self._syncing = False

    def _on_region_finished(self) -> None:
        """The drag ended: now filter (one query, not one per mouse move)."""
        if self._syncing:
            return
        first, last = self._region_days()
        self._state.set_date_range(first, last)
        self._show_date_range()  # snap the region to whole days

    def _on_from_typed(self) -> None:
        typed = self._typed(self.from_edit)
        if typed is not None:
            self._state.set_date_range(typed, self._state.date_to)
            self._show_date_range()

    def _on_to_typed(self) -> None:
        typed = self._typed(self.to_edit)
        if typed is not None:
            self._state.set_date_range(self._state.date_from, typed)
            self._show_date_range()

    def _typed(self, edit: QDateEdit) -> dt.date | None:
        """The field's date if the person changed it (leaving a field changes nothing)."""
        if self._syncing:
            return None
        value = edit.date()
        if not value.isValid() or value == self._shown.get(edit.objectName()):
            return None
        return dt.date(value.year(), value.month(), value.day())

    def _date_edit(self, name: str, tip: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(tip)
        edit.setToolTip(f"{tip}; grey: no limit (the first or last date in view)")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(FIRST_DATE, LAST_DATE)
        edit.setStyleSheet(OPEN_STYLE)
        return edit

    def _set_edit(self, edit: QDateEdit, day: dt.date | None, *, low: bool) -> None:
        """Show ``day``, or for an open end the edge of the dates in view, in grey."""
        open_end = day is None
        if day is None:
            if self._extent is not None:
                day = dt.date.fromordinal(self._extent[0] if low else self._extent[1])
            else:
                day = dt.date.today()
        shown = QDate(day.year, day.month, day.day)
        self._shown[edit.objectName()] = shown
        edit.setDate(shown)
        if edit.property("open") != open_end:
            edit.setProperty("open", open_end)
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    # -- the pointer --------------------------------------------------------------------------

    def _on_lanes_mouse_moved(self, scene_pos: QPointF) -> None:
        self.hover_at(scene_pos)

    def _on_lanes_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():  # type: ignore[attr-defined]
            return
        hit = self.hit_at(event.scenePos())  # type: ignore[attr-defined]
        if hit is not None:
            self.activate(hit)

    def _on_histogram_mouse_moved(self, scene_pos: QPointF) -> None:
        counts = self._histogram
        if counts is None or not self.box.sceneBoundingRect().contains(scene_pos):
            self._set_info("")
            return
        ordinal = ordinal_at_seconds(self.box.mapSceneToView(scene_pos).x())
        index = counts.at(ordinal)
        if index is None:
            self._set_info("")
            return
        events, published = int(counts.events[index]), int(counts.published[index])
        text = (
            f"{bin_label(int(counts.bins[index]), counts.unit)}: "
            f"{events} dated event{'s' if events != 1 else ''}, "
            f"{published} article{'s' if published != 1 else ''} published"
        )
        self._set_info(text)

    def _set_info(self, text: str) -> None:
        self.hover_text = text
        self.info.setText(text or self._status())

    def _status(self) -> str:
        date_from, date_to = self._state.date_range
        if date_from is None and date_to is None:
            return HINT
        return f"Showing articles from {format_date_range(date_from, date_to)} · {HINT}"

    def _context(self, mention_id: int) -> DateContext | None:
        if mention_id not in self._contexts:
            self._contexts[mention_id] = self._store.date_context(mention_id)
        return self._contexts[mention_id]

    # -- the view state ------------------------------------------------------------------------

    def _on_state_changed(self, change: ViewChange) -> None:
        if change == ViewChange.DATES:
            self._show_date_range()
            self._set_info("")
            return  # the timeline shows the view without its own date filter: no reload
        self._request()


def _elide(name: str, most: int = 18) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"
