"""Thousands of plot updates must not kill the interpreter.

Regression guard for PySide6 6.12.0 on CPython 3.11: it leaks references to ``None`` on empty
QVariants, and after a few hundred pyqtgraph updates the interpreter aborts with
``Fatal Python error: none_dealloc`` (a crash, not a failing assertion; CPython 3.12 makes None
immortal and is unaffected). pyproject.toml pins PySide6 below 6.12 on Python < 3.12; this test
fails loudly, by crashing, if that pin is lost. The charts of later issues update their curves,
scatters and range selections exactly like this.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

UPDATES = 3000


def test_thousands_of_plot_updates_do_not_crash(qtbot: QtBot) -> None:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(640, 360)
    plot.show()
    qtbot.waitExposed(plot)

    curve = plot.plot(pen=pg.mkPen("#3d5a6c", width=2))
    scatter = pg.ScatterPlotItem(size=6, brush=pg.mkBrush("#c0703a"))
    plot.addItem(scatter)
    region = pg.LinearRegionItem(values=(10, 20))
    plot.addItem(region, ignoreBounds=True)

    x = np.arange(120, dtype=float)
    rng = np.random.default_rng(1)
    for step in range(UPDATES):
        y = np.sin(x / 9 + step / 40) * 10 + rng.normal(size=x.size)
        curve.setData(x, y)
        scatter.setData(x[::6], y[::6])
        region.setRegion((step % 90, step % 90 + 15))
        if step % 50 == 0:
            # Paint now and then, as a live chart does.
            QApplication.processEvents()
    QApplication.processEvents()

    low, high = region.getRegion()
    assert (low, high) == ((UPDATES - 1) % 90, (UPDATES - 1) % 90 + 15)
    assert curve.getData()[1] is not None and len(curve.getData()[1]) == x.size
    assert not plot.grab().isNull()
