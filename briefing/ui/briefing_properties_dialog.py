"""A briefing's properties (and a new briefing's): name, title, author, date, marking.

The name is what the switcher and the command line use (unique in the store); the title is
what the exported document is called (the name when left empty); the date is the briefing's
"as of" date (the export date when left unset); the marking is the handling caveat printed at
the top and bottom of every page. A name that is blank or taken is explained under the field
and OK stays off until it is fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.briefings.model import BriefingInfo

# Offered, not imposed: every organisation has its own scheme, so the field is free text.
MARKING_SUGGESTIONS = (
    "",
    "UNCLASSIFIED",
    "OFFICIAL",
    "OFFICIAL-SENSITIVE",
    "FOR OFFICIAL USE ONLY",
    "NOT FOR PUBLIC RELEASE",
    "INTERNAL — DO NOT FORWARD",
)


@dataclass(frozen=True, slots=True)
class BriefingProperties:
    name: str
    title: str
    author: str
    date: dt.date | None
    marking: str


class BriefingPropertiesDialog(QDialog):
    """``briefingPropertiesDialog``: fields ``briefingName``, ``briefingTitle``,
    ``briefingAuthor``, ``briefingDateSet`` + ``briefingDate``, ``briefingMarking``."""

    def __init__(
        self,
        info: BriefingInfo | None,
        taken_names: Collection[str],
        parent: QWidget | None = None,
        *,
        suggested_name: str = "",
        author: str = "",
    ) -> None:
        super().__init__(parent)
        self._taken = {name.casefold() for name in taken_names}
        if info is not None:
            self._taken.discard(info.name.casefold())
        self.setObjectName("briefingPropertiesDialog")
        self.setWindowTitle("Briefing Properties" if info is not None else "New Briefing")
        self.setAccessibleName(self.windowTitle())
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)

        self.name_edit = self._line("briefingName", "Name", info.name if info else suggested_name)
        self.name_edit.setPlaceholderText("e.g. Baltic missiles, week 12")
        self.title_edit = self._line("briefingTitle", "Title", info.title if info else "")
        self.title_edit.setPlaceholderText("the name, if left empty")
        self.author_edit = self._line("briefingAuthor", "Author", info.author if info else author)
        self.date_check = QCheckBox("As of", self)
        self.date_check.setObjectName("briefingDateSet")
        self.date_check.setAccessibleName("Set the briefing's date")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("briefingDate")
        self.date_edit.setAccessibleName("Briefing date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        day = info.date if info is not None and info.date is not None else dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_check.setChecked(info is not None and info.date is not None)
        self.date_edit.setEnabled(self.date_check.isChecked())
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.date_hint = QLabel("otherwise the day it is exported", self)
        self.date_hint.setStyleSheet("color: #8a8f98;")
        self.marking_combo = QComboBox(self)
        self.marking_combo.setObjectName("briefingMarking")
        self.marking_combo.setAccessibleName("Marking")
        self.marking_combo.setEditable(True)
        self.marking_combo.addItems(list(MARKING_SUGGESTIONS))
        self.marking_combo.setCurrentText(info.marking if info else "")
        line = self.marking_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText("none")
        self.marking_combo.setToolTip(
            "The handling caveat printed at the top and bottom of every page"
        )
        self.error_label = QLabel(self)
        self.error_label.setObjectName("briefingNameError")
        self.error_label.setStyleSheet("color: #a4501f;")

        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.date_check)
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.date_hint, 1)
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("", self.error_label)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Author:", self.author_edit)
        form.addRow("Date:", date_row)
        form.addRow("&Marking:", self.marking_combo)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create" if info is None else "OK")
        ok.setObjectName("briefingPropertiesOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        self._validate()
        self.name_edit.selectAll()
        self.name_edit.setFocus()

    def _line(self, name: str, label: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        return edit

    def error(self) -> str:
        name = " ".join(self.name_edit.text().split())
        if not name:
            return "A briefing needs a name."
        if name.casefold() in self._taken:
            return f"There is already a briefing called “{name}”."
        return ""

    def _validate(self) -> None:
        message = self.error()
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not message)

    def accept(self) -> None:
        if self.error():
            return
        super().accept()

    def values(self) -> BriefingProperties:
        qdate = self.date_edit.date()
        return BriefingProperties(
            name=" ".join(self.name_edit.text().split()),
            title=self.title_edit.text().strip(),
            author=self.author_edit.text().strip(),
            date=dt.date(qdate.year(), qdate.month(), qdate.day())
            if self.date_check.isChecked()
            else None,
            marking=self.marking_combo.currentText().strip(),
        )
