"""The chart panel: a dock at the bottom with the timeline and the range chart as tabs.

Both charts listen to the view state themselves; the panel only holds them and passes on what
the window tells it (another store, new articles, closing). Its *Add to Briefing* button
(``chartAddToBriefing``, beside the tabs) freezes the chart shown — the numbers it has loaded,
over the span it shows — into a :class:`ChartSnapshot` captioned with the filters in words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTabWidget, QToolButton, QWidget

from briefing.briefings.caption import describe_query
from briefing.briefings.chart_snapshot import range_snapshot_from_data, timeline_snapshot_from_data
from briefing.briefings.model import ChartSnapshot
from briefing.domain import ArticleQuery
from briefing.store import Store
from briefing.ui.chart_loader import ViewIds
from briefing.ui.docks import EDGE_AREAS, configure_dock
from briefing.ui.range_chart import RangeChart
from briefing.ui.timeline_chart import TimelineChart
from briefing.view_state import ViewState


class ChartPanel(QDockWidget):
    """``chartPanel``: tabs ``Timeline`` and ``Ranges`` (``chartTabs``)."""

    TIMELINE_TAB, RANGES_TAB = 0, 1

    # "Add to Briefing" was clicked: the snapshot of the chart shown (a ChartSnapshot).
    addToBriefingRequested = Signal(object)
    # The chart shown has nothing to add (still loading, or nothing in view): why, in words.
    addRefused = Signal(str)

    def __init__(
        self,
        store: Store,
        state: ViewState,
        parent: QWidget | None = None,
        *,
        view_ids: ViewIds | None = None,
    ) -> None:
        super().__init__("Time and Range", parent)
        configure_dock(self, "chartPanel", "Charts: timeline and range chart", EDGE_AREAS)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("chartTabs")
        self.tabs.setDocumentMode(True)
        self.timeline = TimelineChart(store, state, self.tabs, view_ids=view_ids)
        self.ranges = RangeChart(store, state, self.tabs, view_ids=view_ids)
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.ranges, "Ranges")
        self.tabs.setTabToolTip(self.TIMELINE_TAB, "When things happen; drag to filter by date")
        self.tabs.setTabToolTip(self.RANGES_TAB, "Stated ranges against references and treaties")
        self._store = store
        self._view_ids = view_ids
        self.add_button = QToolButton(self.tabs)
        self.add_button.setObjectName("chartAddToBriefing")
        self.add_button.setText("Add to Briefing")
        self.add_button.setAccessibleName("Add this chart to the briefing")
        self.add_button.setToolTip(
            "Add the chart shown, as it is now (its filters and visible span), to the briefing"
        )
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(self.add_to_briefing)
        self.tabs.setCornerWidget(self.add_button, Qt.Corner.TopRightCorner)
        self.setWidget(self.tabs)
        self.setMinimumHeight(200)

    @property
    def up_to_date(self) -> bool:
        """Each chart shown is drawn for the filters in force (a hidden one loads when shown)."""
        charts = (self.timeline, self.ranges)
        return all(chart.up_to_date for chart in charts if chart.isVisible())

    def show_tab(self, index: int) -> None:
        self.show()
        self.tabs.setCurrentIndex(index)

    def snapshot(self) -> ChartSnapshot | None:
        """The chart shown, frozen: what it has loaded over what it shows (None before it has
        drawn anything, or when it has nothing to show)."""
        if self.tabs.currentIndex() == self.TIMELINE_TAB:
            data, span = self.timeline.data, self.timeline.visible_span
            if data is None or span is None:
                return None
            count = data.articles_in_view
            if count is None:
                count = self._store.count_articles()
            low, high, unit = span
            caption = describe_query(self._store, data.query, count=count)
            return timeline_snapshot_from_data(data, low, high, unit, caption=caption)
        ranges = self.ranges.data
        if ranges is None or not ranges.rows:
            return None
        caption = describe_query(self._store, ranges.query, count=self._count(ranges.query))
        return range_snapshot_from_data(ranges, caption=caption)

    def _count(self, query: ArticleQuery) -> int | None:
        ids = self._view_ids(query) if self._view_ids is not None else None
        return len(ids) if ids is not None else None

    def add_to_briefing(self) -> None:
        """What the button does (and Briefing › Add Current Chart)."""
        snapshot = self.snapshot()
        if snapshot is not None:
            self.addToBriefingRequested.emit(snapshot)
            return
        what = "dated events" if self.tabs.currentIndex() == self.TIMELINE_TAB else "ranges"
        self.addRefused.emit(f"The chart shows no {what} yet: nothing to add to the briefing.")

    def set_store(self, store: Store) -> None:
        self._store = store
        self.timeline.set_store(store)
        self.ranges.set_store(store)

    def refresh(self) -> None:
        """The articles or the entities changed: load again (the shown chart now, the other
        when it is shown)."""
        self.timeline.refresh()
        self.ranges.refresh()

    def shutdown(self) -> None:
        """Wait for running loads: the store may be closed next."""
        self.timeline.shutdown()
        self.ranges.shutdown()
