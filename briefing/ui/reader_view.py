"""The reader pane: the selected article, laid out for reading."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QResizeEvent, QTextFrameFormat
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from briefing.store import Store
from briefing.ui.article_html import READER_CSS, article_html, placeholder_html
from briefing.view_state import ViewChange, ViewState

NO_SELECTION = "Select an article in the list to read it here."


class ReaderView(QTextBrowser):
    """Shows the article the view state selects; re-renders only on selection changes."""

    # Lines longer than ~75 characters are hard to follow; wider windows get wider margins.
    MAX_TEXT_WIDTH = 700
    MIN_MARGIN = 28

    def __init__(self, store: Store, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._state = state
        self._article_id: int | None = None
        self.setObjectName("readerView")
        self.setAccessibleName("Article reader")
        # Article text is untrusted: nothing in it may open a link or fetch a resource.
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDefaultStyleSheet(READER_CSS)
        self.document().setDocumentMargin(0)
        self._unsubscribe = state.subscribe(self._on_selection_changed, [ViewChange.SELECTION])
        self.destroyed.connect(self._unsubscribe)
        self._update_article()

    @property
    def article_id(self) -> int | None:
        """The id of the article shown, None for the placeholder."""
        return self._article_id

    def set_store(self, store: Store) -> None:
        self._store = store
        self._update_article()

    def refresh(self) -> None:
        self._update_article()

    def loadResource(self, type: int, name: QUrl) -> Any:
        # Defence in depth: our HTML escapes all article text, but even so the reader never
        # reads a file or URL an article names.
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()

    def _on_selection_changed(self, _change: ViewChange) -> None:
        self._update_article()

    def _update_article(self) -> None:
        article_id = self._state.selected_article_id
        article = self._store.get_article(article_id) if article_id is not None else None
        self._article_id = article.id if article is not None else None
        self.setHtml(
            article_html(article) if article is not None else placeholder_html(NO_SELECTION)
        )
        self._update_margins()
        self.verticalScrollBar().setValue(0)

    def _update_margins(self) -> None:
        width = self.viewport().width()
        side = max(self.MIN_MARGIN, (width - self.MAX_TEXT_WIDTH) // 2)
        root = self.document().rootFrame()
        frame_format: QTextFrameFormat = root.frameFormat()
        if frame_format.leftMargin() == side and frame_format.topMargin() == 24:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(24)
        frame_format.setBottomMargin(32)
        root.setFrameFormat(frame_format)
