"""The note editor opened in place in the briefing list: rich text saved as Markdown.

A small bar (bold, italic, bulleted and numbered list) above a :class:`QTextEdit`. The note is
loaded with ``setMarkdown`` and saved with ``toMarkdown``, so the store and every export get
Markdown (``**bold**``, ``*italic*``, lists).

Ctrl+B is the window's "add the selected articles to the briefing"; inside the note it means
bold, as in every word processor. The editor claims Ctrl+B and Ctrl+I through the
``ShortcutOverride`` event, so the keys reach it as typing while it has the focus and the
window's shortcut is untouched everywhere else. Esc, Ctrl+Enter or clicking elsewhere finish
the note (saved: Ctrl+Z takes it back), because losing a paragraph to a stray Esc is worse
than saving one too many.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

_BOLD = QKeySequence("Ctrl+B")
_ITALIC = QKeySequence("Ctrl+I")
_FINISH_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _matches(event: QKeyEvent, sequence: QKeySequence) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return pressed.matches(sequence) == QKeySequence.SequenceMatch.ExactMatch


class NoteTextEdit(QTextEdit):
    """The text part: keeps its formatting keys and says when the person is done."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingNoteText")
        self.setAccessibleName("Note text")
        self.setAcceptRichText(False)  # pasted text arrives plain: the note's format is ours
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            ctrl_enter = event.key() in _FINISH_KEYS and bool(
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            )
            if (
                _matches(event, _BOLD)
                or _matches(event, _ITALIC)
                or ctrl_enter
                or event.key() == Qt.Key.Key_Escape
            ):
                event.accept()  # ours while typing, not the window's shortcut
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _matches(event, _BOLD):
            self.toggle_bold()
            return
        if _matches(event, _ITALIC):
            self.toggle_italic()
            return
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() == Qt.Key.Key_Escape or (event.key() in _FINISH_KEYS and ctrl):
            self.finished.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A menu or another window taking the focus for a moment is not "done".
        if event.reason() in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            return
        focus = QApplication.focusWidget()
        editor = self.parentWidget()
        if focus is not None and editor is not None and editor.isAncestorOf(focus):
            return
        self.finished.emit()

    def toggle_bold(self) -> None:
        bold = self.fontWeight() >= QFont.Weight.DemiBold
        change = QTextCharFormat()
        change.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        self._merge(change)

    def toggle_italic(self) -> None:
        change = QTextCharFormat()
        change.setFontItalic(not self.fontItalic())
        self._merge(change)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            # Off again: the paragraphs leave the list.
            for block_index in reversed(range(current.count())):
                block = current.item(block_index)
                if block.position() <= cursor.selectionEnd() and (
                    block.position() + block.length() > cursor.selectionStart()
                ):
                    current.remove(block)
                    format_ = block.blockFormat()
                    format_.setIndent(0)
                    QTextCursor(block).setBlockFormat(format_)
        else:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            cursor.createList(list_format)
        cursor.endEditBlock()

    def _merge(self, change: QTextCharFormat) -> None:
        # The selection if there is one, else what is typed next ("type, Ctrl+B, type").
        self.mergeCurrentCharFormat(change)


class NoteEditor(QFrame):
    """Bar + text; ``markdown()`` is what gets saved. ``finished`` when the person is done."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingNoteEditor")
        self.setAccessibleName("Note editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._done = False
        self.text = NoteTextEdit(self)
        self.text.setMinimumWidth(60)
        self.setFocusProxy(self.text)
        self.text.finished.connect(self._finish)

        self.bold_button = self._button("B", "briefingNoteBold", "Bold (Ctrl+B while writing)")
        bold_font = self.bold_button.font()
        bold_font.setBold(True)
        self.bold_button.setFont(bold_font)
        self.bold_button.clicked.connect(self.text.toggle_bold)
        self.italic_button = self._button("I", "briefingNoteItalic", "Italic (Ctrl+I)")
        italic_font = self.italic_button.font()
        italic_font.setItalic(True)
        self.italic_button.setFont(italic_font)
        self.italic_button.clicked.connect(self.text.toggle_italic)
        self.bullets_button = self._button("•", "briefingNoteBullets", "Bulleted list")
        self.bullets_button.clicked.connect(
            lambda: self.text.toggle_list(QTextListFormat.Style.ListDisc)
        )
        self.numbers_button = self._button("1.", "briefingNoteNumbers", "Numbered list")
        self.numbers_button.clicked.connect(
            lambda: self.text.toggle_list(QTextListFormat.Style.ListDecimal)
        )
        hint = QLabel("Esc: done", self)
        hint.setObjectName("briefingNoteHint")
        hint.setStyleSheet("color: #8a8f98;")
        hint.setToolTip("Esc, Ctrl+Enter or a click elsewhere saves the note; Ctrl+Z undoes it")
        # The dock may be narrow: the hint gives way (clipped) rather than widen the editor.
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for button in (self.bold_button, self.italic_button, self.bullets_button):
            bar.addWidget(button)
        bar.addWidget(self.numbers_button)
        bar.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        self.text.cursorPositionChanged.connect(self._update_buttons)
        self.text.currentCharFormatChanged.connect(lambda _f: self._update_buttons())

    def _button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        # Clicking the bar must not take the focus from the text (that would end the note).
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if text in ("B", "I"):
            button.setCheckable(True)
        return button

    def set_markdown(self, markdown: str) -> None:
        self.text.setMarkdown(markdown)
        cursor = self.text.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.text.setTextCursor(cursor)

    def markdown(self) -> str:
        return self.text.document().toMarkdown().strip()

    def _finish(self) -> None:
        if self._done:
            return  # closing the editor takes the focus away once more
        self._done = True
        self.finished.emit()

    def _update_buttons(self) -> None:
        self.bold_button.setChecked(self.text.fontWeight() >= QFont.Weight.DemiBold)
        self.italic_button.setChecked(self.text.fontItalic())
