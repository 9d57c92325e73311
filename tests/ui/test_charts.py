"""The timeline and the range chart, driven like a person: drag, type, click, hover.

Each test opens the main window on a hand-made store (``chart_corpus``: eight short stories
with dates, ranges and reference ranges) and checks both directions: what the charts do to the
list, the sidebar and the chips, and what the filters do to the charts.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDateEdit, QDockWidget
from pytestqt.qtbot import QtBot

from briefing.chart_data import seconds_of_day
from briefing.ui.chart_panel import ChartPanel
from briefing.ui.filter_chips import Chip
from briefing.ui.main_window import MainWindow
from briefing.ui.range_chart import RangePlot
from briefing.ui.timeline_chart import TimelineChart
from briefing.view_state import ViewChange
from tests.ui.conftest import ChartCorpus
from tests.ui.helpers import click_entity, listed_ids, open_window, sidebar_counts, wait_for_counts

TOPOL_TEST = "Russia tests Topol-M"
TOPOL_REGIMENT = "Topol-M regiment deployed"
INF_EXIT = "United States leaves INF Treaty"
ISKANDER_MOVED = "Iskander-M moved to Kaliningrad"
ISKANDER_WARNING = "Lithuania warns over Iskander-M"
TOMAHAWK = "Navy orders more Tomahawk missiles"
NATO_SUMMIT = "NATO summit opens"
UNDATED = "An undated note on arms control"
EVERYTHING = {
    TOPOL_TEST,
    TOPOL_REGIMENT,
    INF_EXIT,
    ISKANDER_MOVED,
    ISKANDER_WARNING,
    TOMAHAWK,
    NATO_SUMMIT,
    UNDATED,
}


def charts_window(qtbot: QtBot, corpus: ChartCorpus) -> MainWindow:
    window = open_window(qtbot, corpus.store)
    window.resize(1200, 860)
    wait_for_charts(qtbot, window)
    return window


def wait_for_charts(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.charts.up_to_date, timeout=5_000)


def listed_titles(window: MainWindow, corpus: ChartCorpus) -> set[str]:
    return corpus.titles_of(listed_ids(window))


def show_ranges(qtbot: QtBot, window: MainWindow) -> RangePlot:
    """Click the Ranges tab, as a person would, and wait for the chart."""
    bar = window.charts.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(ChartPanel.RANGES_TAB).center()
    )
    assert window.charts.tabs.currentWidget() is window.charts.ranges
    wait_for_charts(qtbot, window)
    return window.charts.ranges.plot


def viewport_pos(plot: pg.PlotWidget, scene_pos: QPointF) -> QPoint:
    return plot.mapFromScene(scene_pos)


def day_x(day: dt.date) -> float:
    return seconds_of_day(day)


def chip_texts(window: MainWindow) -> list[str]:
    return window.chips.texts()


def chip(window: MainWindow, kind: str) -> Chip:
    return next(c for c in window.chips.chips if c.spec.kind == kind)


# -- the panel ----------------------------------------------------------------------------------


def test_the_chart_panel_shows_events_publications_and_lanes(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    panel = window.findChild(QDockWidget, "chartPanel")
    assert panel is window.charts and panel.isVisible()
    plot = window.findChild(pg.PlotWidget, "timelineChart")
    assert isinstance(plot.getAxis("bottom"), pg.DateAxisItem)
    assert window.findChild(pg.PlotWidget, "rangeChart") is not None

    timeline = window.charts.timeline
    data = timeline.data
    assert data is not None
    assert len(data.starts) == 7  # every resolved date mention, the year-only one included
    assert len(data.published) == 7  # the undated note has no publication date
    # No entity selected: a lane for every article, then the five most mentioned entities.
    lanes = timeline.lane_names
    assert lanes[0] == "All articles"
    assert {"Iskander-M", "Russia", "Topol-M", "United States"} <= set(lanes[1:])
    assert len(lanes) == 6
    histogram = timeline.histogram
    assert histogram is not None and int(histogram.events.sum()) >= 6
    assert int(histogram.published.sum()) == 7


def test_the_lanes_follow_the_entities_selected_in_the_sidebar(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    wait_for_counts(qtbot, window)
    click_entity(qtbot, window, chart_corpus.entity_id("Topol-M"))
    wait_for_charts(qtbot, window)
    timeline = window.charts.timeline
    assert timeline.lane_names == ["All articles", "Topol-M"]
    data = timeline.data
    # Both dated events of the two Topol-M stories are in its lane, and only they are.
    assert int(data.lane_mask(1).sum()) == 2
    assert set(data.starts[data.lane_mask(1)]) == {
        dt.date(2019, 1, 21).toordinal(),
        dt.date(2019, 2, 1).toordinal(),
    }


# -- the timeline's date range --------------------------------------------------------------


def test_the_region_filters_the_list_and_the_sidebar_when_the_drag_ends(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    data_before = timeline.data
    region = timeline.region

    # While its edges are dragged: the fields follow, nothing is queried yet.
    region.show()
    low_edge, high_edge = region.lines
    high_edge.setValue(day_x(dt.date(2019, 2, 5)))
    low_edge.setValue(day_x(dt.date(2019, 1, 20)))
    assert timeline.from_edit.date() == QDate(2019, 1, 20)
    assert timeline.to_edit.date() == QDate(2019, 2, 4)
    assert window.state.date_range == (None, None)
    assert listed_titles(window, chart_corpus) == EVERYTHING

    # The drag ends: one query for the list and the counts.
    region.sigRegionChangeFinished.emit(region)
    assert window.state.date_range == (dt.date(2019, 1, 20), dt.date(2019, 2, 4))
    # Published in the range, or mentioning a date in it (the year 2019 overlaps it).
    assert listed_titles(window, chart_corpus) == {TOPOL_TEST, TOPOL_REGIMENT, INF_EXIT}
    wait_for_counts(qtbot, window)
    counts = sidebar_counts(window)
    assert counts["Topol-M"] == 2
    assert counts["Russia"] == 1
    assert counts["INF Treaty"] == 1
    assert "Iskander-M" not in counts and "NATO" not in counts
    assert chip_texts(window) == ["20 Jan 2019 – 4 Feb 2019"]
    # The timeline shows the view without its own date filter: nothing to reload.
    wait_for_charts(qtbot, window)
    assert timeline.data is data_before
    assert region.isVisible()


def test_a_mouse_drag_across_the_timeline_selects_dates(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    timeline.set_visible_dates(dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    plot, box = timeline.plot, timeline.box
    y = box.sceneBoundingRect().center().y()
    start = viewport_pos(
        plot, QPointF(box.mapViewToScene(QPointF(day_x(dt.date(2018, 6, 1)), 0)).x(), y)
    )
    end = viewport_pos(
        plot, QPointF(box.mapViewToScene(QPointF(day_x(dt.date(2018, 8, 1)), 0)).x(), y)
    )
    viewport = plot.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(viewport, start + (end - start) * (step / 10))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)

    date_from, date_to = window.state.date_range
    assert date_from is not None and date_to is not None
    assert abs((date_from - dt.date(2018, 6, 1)).days) <= 2
    assert abs((date_to - dt.date(2018, 7, 31)).days) <= 2
    assert listed_titles(window, chart_corpus) == {ISKANDER_MOVED, ISKANDER_WARNING}
    assert timeline.region.isVisible()


def test_typed_dates_move_the_region_and_filter(qtbot: QtBot, chart_corpus: ChartCorpus) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    # Leaving a field unchanged filters nothing.
    timeline.from_edit.setFocus()
    qtbot.keyClick(timeline.from_edit, Qt.Key.Key_Return)
    assert window.state.date_range == (None, None)
    # Digits into the year section (the month and day sections follow), then Enter.
    for edit, digits in ((timeline.from_edit, "20170101"), (timeline.to_edit, "20171231")):
        edit.setFocus()
        edit.setSelectedSection(QDateEdit.Section.YearSection)
        qtbot.keyClicks(edit, digits)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert timeline.from_edit.property("open") is False
    assert window.state.date_range == (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    assert listed_titles(window, chart_corpus) == {TOMAHAWK, NATO_SUMMIT}
    assert timeline.region.isVisible()
    low, high = timeline.region.getRegion()
    assert (low, high) == (day_x(dt.date(2017, 1, 1)), day_x(dt.date(2018, 1, 1)))


def test_removing_the_date_chip_or_clear_brings_everything_back(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    window.state.set_date_range(dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    assert timeline.region.isVisible()
    qtbot.mouseClick(chip(window, "dates"), Qt.MouseButton.LeftButton)
    assert window.state.date_range == (None, None)
    assert listed_titles(window, chart_corpus) == EVERYTHING
    assert not timeline.region.isVisible()
    # Open ends show the first and last dates in view, in grey.
    assert timeline.from_edit.property("open") is True
    assert timeline.from_edit.date() == QDate(2017, 3, 3)
    assert timeline.to_edit.date() == QDate(2019, 12, 31)

    window.state.set_date_range(dt.date(2017, 1, 1), None)
    assert chip_texts(window) == ["from 1 Jan 2017"]
    qtbot.mouseClick(timeline.clear_button, Qt.MouseButton.LeftButton)
    assert window.state.date_range == (None, None)
    assert listed_titles(window, chart_corpus) == EVERYTHING
    assert not window.chips.isVisible()


# -- hover and click on the timeline --------------------------------------------------------


def _mark_index(timeline: TimelineChart, lane: int, day: dt.date) -> int:
    marks = timeline.marks(lane)
    assert marks is not None
    (index,) = np.flatnonzero(marks.bins == day.toordinal())
    return int(index)


def test_hovering_a_mark_shows_the_sentence_of_its_date(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    timeline.set_visible_dates(dt.date(2019, 1, 10), dt.date(2019, 2, 10))
    assert timeline.marks(0).unit == "day"
    index = _mark_index(timeline, 0, dt.date(2019, 1, 21))
    qtbot.mouseMove(
        timeline.lanes_plot.viewport(),
        viewport_pos(timeline.lanes_plot, timeline.mark_scene_pos(0, index)),
    )
    qtbot.waitUntil(lambda: "21 January 2019" in timeline.info.text(), timeout=2_000)
    assert "Russia tested a Topol-M missile on 21 January 2019" in timeline.hover_text
    assert TOPOL_TEST in timeline.hover_text
    assert timeline.hover_text.startswith("All articles · 21 Jan 2019: 1 dated event")


def test_clicking_a_mark_opens_the_article_at_its_date(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    timeline.set_visible_dates(dt.date(2018, 7, 1), dt.date(2018, 7, 31))
    lane = timeline.lane_names.index("Iskander-M")
    index = _mark_index(timeline, lane, dt.date(2018, 7, 14))
    position = viewport_pos(timeline.lanes_plot, timeline.mark_scene_pos(lane, index))
    qtbot.mouseClick(timeline.lanes_plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert window.state.selected_article_id == chart_corpus.ids[ISKANDER_WARNING]
    assert window.reader.article_id == chart_corpus.ids[ISKANDER_WARNING]
    assert window.reader.textCursor().selectedText() == "14 July 2018"
    assert window.list_view.currentIndex().row() == window.model.row_of(
        chart_corpus.ids[ISKANDER_WARNING]
    )


def test_a_year_only_date_is_a_span_covering_the_year(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    spans = timeline.spans(0)
    assert spans is not None
    year = [
        i
        for i in range(len(spans.starts))
        if (spans.starts[i], spans.ends[i])
        == (dt.date(2019, 1, 1).toordinal(), dt.date(2019, 12, 31).toordinal())
    ]
    assert len(year) == 1
    bars = timeline.span_item(0)
    x0, x1 = bars.opts["x0"][year[0]], bars.opts["x1"][year[0]]
    assert (x0, x1) == (day_x(dt.date(2019, 1, 1)), day_x(dt.date(2020, 1, 1)))
    # No point mark stands for it: a year is not a day.
    assert dt.date(2019, 1, 1).toordinal() not in set(timeline.marks(0).bins.tolist())

    text = timeline.hover_at(timeline.span_scene_pos(0, year[0]))
    assert text.startswith("All articles · 1 Jan 2019 – 31 Dec 2019: 1 dated event")
    assert "The United States left the INF Treaty in 2019." in text


# -- the range chart ------------------------------------------------------------------------


def test_clicking_a_range_figure_lists_the_articles_stating_it(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    plot = show_ranges(qtbot, window)
    chart = window.charts.ranges
    names = [row.name for row in chart.rows]
    assert {"Topol-M", "Iskander-M", "Tomahawk", "INF Treaty"} == set(names)
    row = chart.row_index("Topol-M")
    figures = [s.max_km for s in chart.rows[row].stated]
    position = viewport_pos(plot, plot.figure_scene_pos(row, figures.index(10000)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=position)

    assert window.state.range_selection is not None
    assert window.state.range_selection.label == "Topol-M 10,000 km"
    assert listed_titles(window, chart_corpus) == {TOPOL_TEST}
    assert chip_texts(window) == ["Range: Topol-M 10,000 km"]
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window)["Topol-M"] == 1
    # The chart keeps every system: it shows the view without its own selection.
    wait_for_charts(qtbot, window)
    assert [row.name for row in chart.rows] == names
    assert "Topol-M 10,000 km" in chart.selection_label.text()

    # The chip removes it.
    qtbot.mouseClick(chip(window, "range"), Qt.MouseButton.LeftButton)
    assert window.state.range_selection is None
    assert listed_titles(window, chart_corpus) == EVERYTHING


def test_clicking_the_selected_figure_again_drops_the_filter(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    plot = show_ranges(qtbot, window)
    row = window.charts.ranges.row_index("Iskander-M")
    position = viewport_pos(plot, plot.figure_scene_pos(row, 0))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert window.state.range_selection.label == "Iskander-M up to 500 km"
    assert listed_titles(window, chart_corpus) == {ISKANDER_MOVED}
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert window.state.range_selection is None


def test_a_figure_far_from_its_reference_is_flagged(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    plot = show_ranges(qtbot, window)
    chart = window.charts.ranges
    iskander = chart.rows[chart.row_index("Iskander-M")]
    flagged = [s for s in iskander.stated if s.differs]
    assert [s.max_km for s in flagged] == [700]  # 40% over its 500 km reference
    topol = chart.rows[chart.row_index("Topol-M")]
    assert not any(s.differs for s in topol.stated)  # 10,000 is 9% under 11,000
    # One "!" on the chart, beside the 700 km figure.
    ((flag,),) = [plot.flagged]
    assert flag.text == "×1"
    assert flag.x == pytest.approx(700)
    assert round(flag.y) == chart.row_index("Iskander-M")
    hover = chart.hover_at(plot.figure_scene_pos(chart.row_index("Iskander-M"), 1))
    assert "Iskander-M: 700 km, stated in 1 article" in hover
    assert "! +40% from the reference range 500 km" in hover


def test_the_reference_range_shows_its_source_on_hover(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    plot = show_ranges(qtbot, window)
    chart = window.charts.ranges
    row = chart.row_index("Tomahawk")
    text = chart.hover_at(plot.reference_scene_pos(row))
    assert text.startswith("Tomahawk: reference range 1,600 km (SLCM, United States)")
    assert 'Source: CSIS Missile Defense Project, "Tomahawk"' in text


def test_treaty_bands_are_drawn_and_named(qtbot: QtBot, chart_corpus: ChartCorpus) -> None:
    window = charts_window(qtbot, chart_corpus)
    plot = show_ranges(qtbot, window)
    ((band, region, label),) = plot.band_items
    assert (band.min_km, band.max_km) == (500, 5500)
    assert isinstance(region, pg.LinearRegionItem)
    assert tuple(region.getRegion()) == (500, 5500)
    assert label.toPlainText() == "INF Treaty 500–5,500 km"
    # The treaty's own stated band is a row of its own, marked as a treaty.
    ticks = dict(plot.getAxis("left")._tickLevels[0])
    assert "INF Treaty (treaty)" in ticks.values()


def test_the_log_toggle_switches_the_axis(qtbot: QtBot, chart_corpus: ChartCorpus) -> None:
    window = charts_window(qtbot, chart_corpus)
    plot = show_ranges(qtbot, window)
    toggle = window.charts.ranges.log_toggle
    assert toggle.objectName() == "rangeLogToggle"
    assert not plot.getAxis("bottom").logMode
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert plot.getAxis("bottom").logMode
    ((_, region, _),) = plot.band_items
    low, high = region.getRegion()
    assert (low, high) == pytest.approx((math.log10(500), math.log10(5500)))
    labels = [text for _, text in plot.getAxis("bottom")._tickLevels[0]]
    assert "1,000" in labels and "10,000" in labels
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not plot.getAxis("bottom").logMode
    assert tuple(plot.band_items[0][1].getRegion()) == (500, 5500)


def test_the_range_chart_exports_png_and_svg(
    qtbot: QtBot, chart_corpus: ChartCorpus, tmp_path: Path
) -> None:
    window = charts_window(qtbot, chart_corpus)
    show_ranges(qtbot, window)
    chart = window.charts.ranges
    png = chart.export_png(tmp_path / "ranges.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 1000
    svg = chart.export_svg(tmp_path / "ranges.svg")
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Topol-M" in text and "INF Treaty" in text


# -- everything filters together ------------------------------------------------------------


def test_search_dates_and_a_range_selection_narrow_one_view(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline = window.charts.timeline
    window.search_box.line_edit.setText("missile*")
    window.search_box.line_edit.returnPressed.emit()
    wait_for_charts(qtbot, window)
    searched = listed_titles(window, chart_corpus)
    assert NATO_SUMMIT not in searched and TOPOL_TEST in searched
    # The timeline follows the search...
    assert len(timeline.data.starts) == len(searched & EVERYTHING - {UNDATED})

    window.state.set_date_range(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert listed_titles(window, chart_corpus) == searched & {TOPOL_TEST, TOPOL_REGIMENT, INF_EXIT}

    plot = show_ranges(qtbot, window)
    chart = window.charts.ranges
    # ...and the range chart follows the search and the dates: no Iskander-M or Tomahawk.
    assert {row.name for row in chart.rows} == {"Topol-M", "INF Treaty"}
    row = chart.row_index("Topol-M")
    eleven = [s.max_km for s in chart.rows[row].stated].index(11000)
    qtbot.mouseClick(
        plot.viewport(),
        Qt.MouseButton.LeftButton,
        pos=viewport_pos(plot, plot.figure_scene_pos(row, eleven)),
    )
    assert listed_titles(window, chart_corpus) == {TOPOL_REGIMENT}
    assert len(window.chips.chips) == 3  # search, dates, range

    qtbot.mouseClick(window.chips.clear_button, Qt.MouseButton.LeftButton)
    assert not window.state.has_filters
    assert listed_titles(window, chart_corpus) == EVERYTHING
    wait_for_charts(qtbot, window)
    assert len(chart.rows) == 4


def test_each_chart_reloads_only_when_what_it_shows_changed(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    timeline, ranges = window.charts.timeline, window.charts.ranges
    requests: list[object] = []
    for chart in (timeline, ranges):
        original = chart.loader.request

        def spy(key: object, task: object, chart: object = chart, original=original) -> None:
            requests.append(chart)
            original(key, task)

        chart.loader.request = spy  # type: ignore[method-assign]

    # The timeline ignores its own date range; the hidden range chart waits until shown.
    window.state.set_date_range(dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    assert requests == []
    show_ranges(qtbot, window)
    assert requests == [ranges]
    # The range chart ignores its own selection; the timeline (hidden now) waits.
    row = ranges.row_index("Iskander-M")
    ranges.select_figure(ranges.rows[row], ranges.rows[row].stated[0])
    assert window.state.range_selection is not None
    assert requests == [ranges]
    # Sorting changes no chart.
    window.state.set_sort(window.state.sort, not window.state.descending)
    assert requests == [ranges]
    window.charts.show_tab(ChartPanel.TIMELINE_TAB)
    wait_for_charts(qtbot, window)
    assert requests == [ranges, timeline]


def test_the_snapshot_tool_renders_the_charts(qtbot: QtBot, tmp_path: Path) -> None:
    from briefing.ui import snapshot

    if not snapshot.sample_files():
        pytest.skip("the sample set is not in this checkout")
    written: list[str] = []
    out = tmp_path / "shots"
    assert snapshot.main([str(out), "--only", "timeline", "range-chart"], echo=written.append) == 0
    assert [Path(p).name for p in written] == ["timeline.png", "range-chart.png"]
    for name in ("timeline.png", "range-chart.png", "range-chart-export.png"):
        assert (out / name).stat().st_size > 5_000


def test_the_charts_reuse_the_lists_ids_when_they_show_the_same_articles(
    qtbot: QtBot, chart_corpus: ChartCorpus
) -> None:
    window = charts_window(qtbot, chart_corpus)
    window.search_box.line_edit.setText("missile*")
    window.search_box.line_edit.returnPressed.emit()
    timeline_query = window.state.filter_query(ignore=[ViewChange.DATES])
    assert window._listed_ids_for(timeline_query) is window.model.ids
    # With a date range the list shows fewer articles than the timeline: it queries itself.
    window.state.set_date_range(dt.date(2019, 1, 1), None)
    assert window._listed_ids_for(window.state.filter_query(ignore=[ViewChange.DATES])) is None
    ranges_query = window.state.filter_query(ignore=[ViewChange.RANGES])
    assert window._listed_ids_for(ranges_query) is window.model.ids
    wait_for_charts(qtbot, window)
    assert len(window.charts.timeline.data.starts) == 5  # the five dated "missile" stories


def test_another_store_brings_its_own_charts(
    qtbot: QtBot, chart_corpus: ChartCorpus, tmp_path: Path
) -> None:
    window = charts_window(qtbot, chart_corpus)
    path = chart_corpus.store.path
    assert window.open_store(tmp_path / "empty.sqlite")
    assert not window.charts.isVisible()  # an empty store offers the samples, no charts
    assert window.open_store(path)
    assert window.charts.isVisible()
    wait_for_charts(qtbot, window)
    assert len(window.charts.timeline.data.starts) == 7
