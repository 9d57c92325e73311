"""How the charts look: the reader's paper background, muted axes, the app's slate accent.

Applied per plot rather than through ``pyqtgraph.setConfigOptions``, which would change every
plot in the process (the tests' plots included).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from briefing.ui.entity_theme import PAPER

INK = "#3b434c"  # axis text
RULE = "#b9bec4"  # axis lines
GRID_ALPHA = 0.12
SLATE = "#3d5a6c"  # the app's accent: selection, events
PUBLISHED = "#E69F00"  # publication dates (Okabe–Ito orange)
SELECTION_FILL = (61, 90, 108, 40)  # the timeline's region: the slate, see-through
SELECTION_EDGE = SLATE
FLAG = "#C0392B"  # a figure far from its reference
REFERENCE_FILL = (120, 128, 138, 55)
TREATY = "#9B4F96"  # treaty bands and treaty rows (a darker reddish purple than the reader's)
TREATY_FILL = (155, 79, 150, 26)


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
