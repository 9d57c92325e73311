"""The chart panel: a dock at the bottom with the timeline and the range chart as tabs.

Both charts listen to the view state themselves; the panel only holds them and passes on what
the window tells it (another store, new articles, closing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from briefing.store import Store
from briefing.ui.chart_loader import ViewIds
from briefing.ui.range_chart import RangeChart
from briefing.ui.timeline_chart import TimelineChart
from briefing.view_state import ViewState


class ChartPanel(QDockWidget):
    """``chartPanel``: tabs ``Timeline`` and ``Ranges`` (``chartTabs``)."""

    TIMELINE_TAB, RANGES_TAB = 0, 1

    def __init__(
        self,
        store: Store,
        state: ViewState,
        parent: QWidget | None = None,
        *,
        view_ids: ViewIds | None = None,
    ) -> None:
        super().__init__("Time and Range", parent)
        self.setObjectName("chartPanel")
        self.setAccessibleName("Charts: timeline and range chart")
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea
        )
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("chartTabs")
        self.tabs.setDocumentMode(True)
        self.timeline = TimelineChart(store, state, self.tabs, view_ids=view_ids)
        self.ranges = RangeChart(store, state, self.tabs, view_ids=view_ids)
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.ranges, "Ranges")
        self.tabs.setTabToolTip(self.TIMELINE_TAB, "When things happen; drag to filter by date")
        self.tabs.setTabToolTip(self.RANGES_TAB, "Stated ranges against references and treaties")
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

    def set_store(self, store: Store) -> None:
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
