"""How the charts look: the reader's paper background, muted axes, the app's slate accent.

Applied per plot rather than through ``pyqtgraph.setConfigOptions``, which would change every
plot in the process (the tests' plots included).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

# The colours live in the Qt-free palette so the exported charts match the app's; they are
# re-exported here under their old names for the chart widgets.
from briefing.chart_palette import (
    FLAG,
    GRID_ALPHA,
    INK,
    PUBLISHED,
    REFERENCE_FILL,
    RULE,
    SELECTION_FILL,
    SLATE,
    TREATY,
    TREATY_FILL,
)
from briefing.ui.entity_theme import PAPER

SELECTION_EDGE = SLATE

__all__ = [
    "FLAG",
    "GRID_ALPHA",
    "INK",
    "PUBLISHED",
    "REFERENCE_FILL",
    "RULE",
    "SELECTION_EDGE",
    "SELECTION_FILL",
    "SLATE",
    "TREATY",
    "TREATY_FILL",
    "colour",
    "style_plot",
]


def style_plot(plot: pg.PlotWidget, *, axes: tuple[str, ...] = ("left", "bottom")) -> None:
    """Paper background, quiet axes, no pyqtgraph context menu or "A" button."""
    plot.setBackground(PAPER)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    font = QFont(plot.font())
    font.setPointSizeF(max(font.pointSizeF() - 1, 7.5))
    for name in ("left", "bottom", "top", "right"):
        axis = item.getAxis(name)
        if name not in axes:
            item.hideAxis(name)
            continue
        item.showAxis(name)
        axis.setPen(pg.mkPen(RULE))
        axis.setTextPen(pg.mkPen(INK))
        axis.setTickFont(font)


def colour(hex_colour: str, alpha: int = 255) -> QColor:
    result = QColor(hex_colour)
    result.setAlpha(alpha)
    return result
