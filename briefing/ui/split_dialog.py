"""Split one previewed article in two: the body's paragraphs, and where the second begins."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import ParsedArticle
from briefing.ingest.preview_edits import paragraphs
from briefing.ingest.sentences import shorten

PARAGRAPH_PREVIEW_CHARS = 220


class SplitArticleDialog(QDialog):
    """Lists the paragraphs; the selected one starts the new article (never the first)."""

    def __init__(self, article: ParsedArticle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitArticleDialog")
        self.setAccessibleName("Split article")
        self.setWindowTitle("Split Article")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(560, 420)

        intro = QLabel(
            f"<b>{_escape(article.title)}</b><br>Select the paragraph the second article "
            "starts with.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("splitParagraphs")
        self.list.setAccessibleName("Paragraphs")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for number, text in enumerate(paragraphs(article), start=1):
            item = QListWidgetItem(f"{number}. {shorten(text, PARAGRAPH_PREVIEW_CHARS)}")
            item.setToolTip(text[:1000])
            if number == 1:
                # Splitting before the first paragraph would leave an empty article.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Split Here")
        self.ok_button.setObjectName("splitHereButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_ok)
        if self.list.count() > 1:
            self.list.setCurrentRow(1)
        self._update_ok()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)

    def split_at(self) -> int:
        """The index of the paragraph the second article starts with (0: none chosen)."""
        row = self.list.currentRow()
        return row if row >= 1 and self.list.item(row).isSelected() else 0

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.split_at() >= 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
