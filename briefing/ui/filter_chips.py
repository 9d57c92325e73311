"""The filters in force, as removable chips above the article list.

One chip per filter — the search text, each selected entity, each excluded entity ("not …"),
the import run, the timeline's date range ("21 Jan 2019 – 2 Feb 2019") and the range chart's
selection ("Range: Topol-M 10,000 km") — in a row that wraps, then "Clear all". Clicking a
chip (or Delete/Backspace on a focused chip) removes that filter; Delete in the row with no
chip focused removes the last one. The row hides itself when nothing filters the list.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from briefing.chart_data import format_date_range
from briefing.domain import EntityMode
from briefing.store import Store
from briefing.ui.entity_theme import type_icon, type_label, type_tint
from briefing.ui.flow_layout import FlowLayout
from briefing.view_state import FILTER_CHANGES, ViewChange, ViewState

MAX_CHIP_TEXT = 40
DATES_TINT = "#dfe7ec"  # the timeline's selection colour, light
RANGE_TINT = "#e8eef4"


@dataclass(frozen=True, slots=True)
class _ChipSpec:
    kind: str  # "search", "entity", "excluded", "import_run", "dates", "range"
    text: str
    tooltip: str
    remove: Callable[[], None]
    entity_id: int | None = None
    tint: str | None = None
    icon: QIcon | None = None


class Chip(QToolButton):
    """One filter: click, Delete or Backspace removes it; arrows move to the neighbours."""

    removeRequested = Signal()
    moveRequested = Signal(int)  # -1 left, +1 right

    def __init__(self, spec: _ChipSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("filterChip")
        self.setProperty("chipKind", spec.kind)
        text = spec.text if len(spec.text) <= MAX_CHIP_TEXT else spec.text[:MAX_CHIP_TEXT] + "…"
        self.setText(f"{text}  ×")
        self.setToolTip(f"{spec.tooltip}\nClick (or Delete) to remove this filter")
        self.setAccessibleName(f"Remove filter: {spec.tooltip}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if spec.icon is not None:
            self.setIcon(spec.icon)
            self.setIconSize(QSize(12, 12))
        background = spec.tint or "#eef0f2"
        self.setStyleSheet(
            f"QToolButton#filterChip {{ background-color: {background}; "
            "border: 1px solid #c9cdd2; border-radius: 10px; padding: 2px 8px; color: #22272e; }"
            "QToolButton#filterChip:hover { border-color: #3d5a6c; }"
            "QToolButton#filterChip:focus { border: 2px solid #3d5a6c; padding: 1px 7px; }"
        )
        self.clicked.connect(self.removeRequested)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.removeRequested.emit()
            return
        if key == Qt.Key.Key_Left:
            self.moveRequested.emit(-1)
            return
        if key == Qt.Key.Key_Right:
            self.moveRequested.emit(1)
            return
        super().keyPressEvent(event)


class FilterChips(QWidget):
    """The chips row (``filterChips``) and its "Clear all" button (``clearFilters``)."""

    # Chips were rebuilt (tests wait on this after a state change).
    chipsChanged = Signal()

    def __init__(self, store: Store, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._state = state
        self._shown: tuple[object, ...] | None = None
        self.chips: list[Chip] = []
        self.setObjectName("filterChips")
        self.setAccessibleName("Filters in force")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._layout = FlowLayout(self, spacing=6)

        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText("Clear all")
        self.clear_button.setAccessibleName("Clear all filters")
        self.clear_button.setToolTip(
            "Remove the search, every entity filter, the date range and the range selection"
        )
        self.clear_button.setAutoRaise(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.setStyleSheet("QToolButton#clearFilters { color: #3d5a6c; }")
        self.clear_button.clicked.connect(self._state.clear_filters)

        self._unsubscribe = state.subscribe(self._on_state_changed, FILTER_CHANGES)
        self.destroyed.connect(self._unsubscribe)
        self.refresh()

    # -- called by the window ----------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the chips (an entity was renamed, merged, re-typed…)."""
        self._shown = None
        self._update()

    def texts(self) -> list[str]:
        """The chips' labels without the ×, in order (for tests and accessibility checks)."""
        return [chip.spec.text for chip in self.chips]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.chips:
            self.chips[-1].removeRequested.emit()
            return
        super().keyPressEvent(event)

    # -- internals ---------------------------------------------------------------------------

    def _on_state_changed(self, _change: ViewChange) -> None:
        self._update()

    def _signature(self) -> tuple[object, ...]:
        state = self._state
        return (
            state.search,
            state.entities,
            state.excluded_entities,
            state.entity_mode,
            state.import_run_id,
            state.date_range,
            state.range_selection,
        )

    def _specs(self) -> list[_ChipSpec | str]:
        state = self._state
        specs: list[_ChipSpec | str] = []
        if state.search:
            specs.append(
                _ChipSpec(
                    "search",
                    f"Search: {state.search}",
                    f"Search: {state.search}",
                    self._clear_search,
                )
            )
        joiner = "or" if state.entity_mode is EntityMode.ANY else "and"
        for position, entity_id in enumerate(state.entities):
            if position > 0:
                specs.append(joiner)
            entity = self._store.get_entity(entity_id)
            if entity is None:
                continue
            specs.append(
                _ChipSpec(
                    "entity",
                    entity.name,
                    f"{entity.name} ({type_label(entity.type)})",
                    lambda i=entity_id: self._state.remove_entity(i),
                    entity_id,
                    type_tint(entity.type, strong=True),
                    type_icon(entity.type),
                )
            )
        for entity_id in state.excluded_entities:
            entity = self._store.get_entity(entity_id)
            if entity is None:
                continue
            specs.append(
                _ChipSpec(
                    "excluded",
                    f"not {entity.name}",
                    f"Not {entity.name} ({type_label(entity.type)}): its articles are left out",
                    lambda i=entity_id: self._state.remove_entity(i),
                    entity_id,
                    None,
                    type_icon(entity.type),
                )
            )
        if state.import_run_id is not None:
            specs.append(
                _ChipSpec(
                    "import_run",
                    f"Import run {state.import_run_id}",
                    f"Only the articles of import run {state.import_run_id}",
                    self._clear_import_run,
                )
            )
        if state.date_from is not None or state.date_to is not None:
            when = format_date_range(state.date_from, state.date_to)
            specs.append(
                _ChipSpec(
                    "dates",
                    when,
                    f"Dates: {when} (articles published, or mentioning a date, in this range)",
                    self._state.clear_date_range,
                    tint=DATES_TINT,
                )
            )
        if state.range_selection is not None:
            label = state.range_selection.label
            specs.append(
                _ChipSpec(
                    "range",
                    f"Range: {label}",
                    f"Range: the articles stating {label}",
                    self._state.clear_range_selection,
                    tint=RANGE_TINT,
                )
            )
        return specs

    def _update(self) -> None:
        signature = self._signature()
        if signature == self._shown:
            return
        self._shown = signature
        focused_index = next((i for i, chip in enumerate(self.chips) if chip.hasFocus()), None)
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.clear_button:
                widget.hide()
                widget.deleteLater()
        self.chips = []
        added: list[QWidget] = []
        for spec in self._specs():
            if isinstance(spec, str):
                joiner = QLabel(spec, self)
                joiner.setObjectName("filterJoiner")
                joiner.setStyleSheet("color: #8a8f98;")
                added.append(joiner)
                continue
            chip = Chip(spec, self)
            chip.removeRequested.connect(spec.remove)
            chip.moveRequested.connect(functools.partial(self._move_focus, chip))
            added.append(chip)
            self.chips.append(chip)
        height = max((chip.sizeHint().height() for chip in self.chips), default=0)
        for widget in added:
            if isinstance(widget, QLabel):  # "and"/"or" sits level with the chips' text
                widget.setFixedHeight(height)
                widget.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.clear_button.setFixedHeight(max(height, self.clear_button.sizeHint().height()))
        for widget in [*added, self.clear_button]:
            self._layout.addWidget(widget)
        # Shown now, not on the layout's queued show, so a chip can take focus at once; then
        # laid out again with every chip in place (showing one lays out the row early).
        for widget in added:
            widget.show()
        self._layout.invalidate()
        self._layout.activate()
        self.setVisible(bool(self.chips))
        if focused_index is not None and self.chips:
            self.chips[min(focused_index, len(self.chips) - 1)].setFocus()
        self.updateGeometry()
        self.chipsChanged.emit()

    def _move_focus(self, chip: Chip, step: int) -> None:
        if chip in self.chips:
            position = (self.chips.index(chip) + step) % len(self.chips)
            self.chips[position].setFocus(Qt.FocusReason.TabFocusReason)

    def _clear_search(self) -> None:
        self._state.search = ""

    def _clear_import_run(self) -> None:
        self._state.import_run_id = None
