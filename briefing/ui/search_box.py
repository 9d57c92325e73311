"""The search field above the article list, with its inline error line.

Typing is debounced: the view state (and so the store query) changes once the person pauses,
not on every key. A search the store cannot understand shows its one-line explanation under
the field while the list keeps the previous results.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from briefing.view_state import ViewChange, ViewState

PLACEHOLDER = 'Search: words, "exact phrase", prefix*, AND / OR / NOT, title:word'
SYNTAX_HELP = (
    "Words must all appear (missile treaty).\n"
    '"Quotes" find an exact phrase ("arms control").\n'
    "A trailing * matches any ending (negotiat*).\n"
    "AND, OR, NOT (in capitals) and ( ) combine terms.\n"
    "title:word searches titles only."
)


class SearchBox(QWidget):
    """A QLineEdit (``searchBox``) and an error label (``searchError``) under it."""

    DEBOUNCE_MS = 250

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state

        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("searchBox")
        self.line_edit.setAccessibleName("Search articles")
        self.line_edit.setPlaceholderText(PLACEHOLDER)
        self.line_edit.setToolTip(SYNTAX_HELP)
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.setText(state.search)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("searchError")
        self.error_label.setAccessibleName("Search error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.error_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_debounce_timeout)
        self.line_edit.textEdited.connect(self._on_text_edited)
        # The clear button and Esc change the text without textEdited in some styles.
        self.line_edit.textChanged.connect(self._on_text_changed)
        self.line_edit.returnPressed.connect(self._apply)

        self._unsubscribe = state.subscribe(self._on_search_changed, [ViewChange.SEARCH])
        self.destroyed.connect(self._unsubscribe)

    # -- called by the window ----------------------------------------------------------------

    def focus_search(self) -> None:
        self.line_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line_edit.selectAll()

    def show_error(self, message: str) -> None:
        """The store rejected the search: say why, in one line, under the field."""
        self.error_label.setText(message[:1].upper() + message[1:])
        self.error_label.show()
        self.line_edit.setProperty("invalid", True)
        self._repolish()

    def clear_error(self) -> None:
        if self.error_label.isHidden() and not self.line_edit.property("invalid"):
            return
        self.error_label.clear()
        self.error_label.hide()
        self.line_edit.setProperty("invalid", False)
        self._repolish()

    # -- internals ---------------------------------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        self._timer.start()  # restarts: only a pause in typing runs the query

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            # Clearing restores everything at once; there is nothing to debounce.
            self._apply()

    def _on_debounce_timeout(self) -> None:
        self._apply()

    def _apply(self) -> None:
        self._timer.stop()
        text = self.line_edit.text()
        # The state ignores a search equal to the current one, so Enter twice is one query.
        self._state.search = text

    def _on_search_changed(self, _change: ViewChange) -> None:
        # Someone else (e.g. opening another store) changed the search: show it.
        if self.line_edit.text().strip() != self._state.search:
            self._timer.stop()
            self.line_edit.setText(self._state.search)

    def _repolish(self) -> None:
        style = self.line_edit.style()
        style.unpolish(self.line_edit)
        style.polish(self.line_edit)
