"""What every dock of the main window shares: names for tests and screen readers, where it may
go, and that it can be moved, closed and floated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

SIDE_AREAS = Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
EDGE_AREAS = Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea


def configure_dock(
    dock: QDockWidget,
    object_name: str,
    accessible_name: str,
    areas: Qt.DockWidgetArea = SIDE_AREAS,
) -> None:
    dock.setObjectName(object_name)
    dock.setAccessibleName(accessible_name)
    dock.setAllowedAreas(areas)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
