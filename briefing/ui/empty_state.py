"""What an empty store shows instead of the list: an offer, not a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefing.ui.theme import app_icon


class EmptyState(QWidget):
    """ "This store is empty" with buttons to load the sample set or import files."""

    loadSamplesRequested = Signal()
    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAccessibleName("Empty store")
        # A plain QWidget subclass paints a style-sheet background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        picture = QLabel(self)
        picture.setPixmap(app_icon().pixmap(QSize(72, 72)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setMinimumSize(80, 80)

        heading = QLabel("This store is empty", self)
        heading.setObjectName("emptyStateHeading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.explanation = QLabel(self)
        self.explanation.setObjectName("emptyStateText")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation.setWordWrap(True)
        self.explanation.setText(
            "Load the sample set (short, fictionalised defence and diplomacy stories) to try "
            "Briefing, or import your own plain-text or Markdown files."
        )

        self.load_samples_button = QPushButton("Load the sample set", self)
        self.load_samples_button.setObjectName("loadSamplesButton")
        self.load_samples_button.setDefault(True)
        self.load_samples_button.clicked.connect(self.loadSamplesRequested)
        self.import_button = QPushButton("Import files…", self)
        self.import_button.setObjectName("importFilesButton")
        self.import_button.clicked.connect(self.importRequested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.load_samples_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)

        column = QWidget(self)
        # A fixed width: word-wrapped labels otherwise get squeezed to a narrow guess.
        column.setFixedWidth(480)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        inner.addWidget(picture)
        inner.addSpacing(4)
        inner.addWidget(heading)
        inner.addWidget(self.explanation)
        inner.addSpacing(6)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def set_busy(self, busy: bool) -> None:
        """Disable the offers while an import runs."""
        self.load_samples_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
