"""The reader pane: the selected article, laid out for reading, its entities highlighted.

Mentions are ``entity:ID`` anchors (see :mod:`briefing.ui.article_html`) on a light tint of
their type's colour; after each render the reader underlines them in the full colour (Qt's
rich-text CSS cannot colour an underline). Hovering one shows its canonical name and type,
clicking one asks the sidebar to show that entity (``entityClicked``; the list is not
filtered). Selecting text and right-clicking offers "Add “…” as ▸ type" for a name the
extraction missed (``addNameRequested``), and "Add Selection to Briefing as Excerpt"
(``excerptRequested``: the excerpt keeps the provenance of the article shown).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import ArticleMention, EntityType
from briefing.store import Store
from briefing.ui.article_html import (
    READER_CSS,
    article_html,
    entity_id_of_href,
    placeholder_html,
)
from briefing.ui.entity_theme import TYPE_ORDER, type_colour, type_icon, type_label
from briefing.ui.flow_layout import FlowLayout
from briefing.view_state import ViewChange, ViewState

NO_SELECTION = "Select an article in the list to read it here."
# A name longer than this is not a name: the menu offers nothing for it.
MAX_NAME_LENGTH = 80


class ReaderView(QTextBrowser):
    """Shows the article the view state selects; re-renders only when what it shows changed."""

    # Lines longer than ~75 characters are hard to follow; wider windows get wider margins.
    MAX_TEXT_WIDTH = 700
    MIN_MARGIN = 28

    entityClicked = Signal(int)  # a highlighted mention was clicked: the entity's id
    addNameRequested = Signal(object, str)  # (EntityType, the selected text)
    excerptRequested = Signal(int, str)  # (the article shown, the selected text)

    def __init__(self, store: Store, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._state = state
        self._article_id: int | None = None
        self._mentions: list[ArticleMention] = []
        self._by_entity: dict[int, ArticleMention] = {}
        self._highlighting = True
        self._strong: frozenset[int] = frozenset()
        self.adding_names_enabled = True
        self.context_menu: QMenu | None = None
        self._html = ""
        self.setObjectName("readerView")
        self.setAccessibleName("Article reader")
        # Article text is untrusted: nothing in it may open a link or fetch a resource.
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDefaultStyleSheet(READER_CSS)
        self.document().setDocumentMargin(0)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._unsubscribe = state.subscribe(
            self._on_state_changed, [ViewChange.SELECTION, ViewChange.ENTITIES]
        )
        self.destroyed.connect(self._unsubscribe)
        self._update_article()

    @property
    def article_id(self) -> int | None:
        """The id of the article shown, None for the placeholder."""
        return self._article_id

    @property
    def mentions(self) -> list[ArticleMention]:
        """The highlighted mentions of the article shown."""
        return list(self._mentions) if self._highlighting else []

    @property
    def highlighting(self) -> bool:
        return self._highlighting

    def set_highlighting(self, on: bool) -> None:
        if on != self._highlighting:
            self._highlighting = on
            self._render(keep_scroll=True)

    def set_store(self, store: Store) -> None:
        self._store = store
        self._update_article()

    def refresh(self) -> None:
        self._update_article()

    def refresh_entities(self) -> None:
        """Entities changed (a correction, a re-extraction): redraw the highlights in place."""
        self._render(keep_scroll=True)

    def mention_html(self) -> str:
        """The HTML last rendered (for tests: anchors and colours)."""
        return self._html

    def loadResource(self, type: int, name: QUrl) -> Any:
        # Defence in depth: our HTML escapes all article text, but even so the reader never
        # reads a file or URL an article names.
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mention = self._mention_at(event.pos())
            if mention is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(mention), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    @staticmethod
    def tooltip_for(mention: ArticleMention) -> str:
        return f"{mention.name} — {type_label(mention.type)}\nClick to show it in the sidebar"

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        # popup(), not exec(): the event loop (and tests) keep running while it is open.
        menu.popup(event.globalPos())

    def build_context_menu(self, viewport_pos: QPoint | None = None) -> QMenu:
        """The standard menu (Copy, Select All), plus entity and add-a-name entries."""
        # Without a position: no "Copy Link Location" for the entity anchors.
        menu = self.createStandardContextMenu()
        menu.setObjectName("readerContextMenu")
        mention = self._mention_at(viewport_pos) if viewport_pos is not None else None
        if mention is not None:
            menu.addSeparator()
            show = menu.addAction(f"Show “{mention.name}” in the Sidebar")
            show.setObjectName("readerShowEntity")
            show.triggered.connect(lambda: self.entityClicked.emit(mention.entity_id))
            only = menu.addAction(f"Filter the List by “{mention.name}”")
            only.setObjectName("readerFilterEntity")
            only.triggered.connect(lambda: self._state.select_entity(mention.entity_id))
        excerpt = self.selected_excerpt()
        if excerpt and self._article_id is not None:
            menu.addSeparator()
            add_excerpt = menu.addAction("Add Selection to Briefing as Excerpt")
            add_excerpt.setObjectName("readerAddExcerpt")
            add_excerpt.setShortcut("Ctrl+Shift+X")
            add_excerpt.triggered.connect(self.request_excerpt)
        name = self.selected_name()
        if name:
            menu.addSeparator()
            shown = name if len(name) <= 40 else name[:40] + "…"
            add_menu = menu.addMenu(f"Add “{shown}” as")
            add_menu.setObjectName("readerAddNameMenu")
            add_menu.setEnabled(self.adding_names_enabled)
            for etype in TYPE_ORDER:
                action = add_menu.addAction(type_icon(etype), type_label(etype))
                action.setObjectName(f"readerAddAs{etype.value.title()}")
                action.triggered.connect(
                    lambda _checked=False, t=etype, n=name: self.addNameRequested.emit(t, n)
                )
        return menu

    def selected_name(self) -> str:
        """The selection as a one-line name, or "" if it is not one."""
        text = self.textCursor().selectedText()
        # Paragraph and line separators in a selection mean it spans more than a name.
        if "\u2029" in text or "\u2028" in text:
            return ""
        name = " ".join(text.split())
        return name if 0 < len(name) <= MAX_NAME_LENGTH else ""

    def selected_excerpt(self) -> str:
        """The selection as plain text, its paragraphs kept (one blank line between them)."""
        if self._article_id is None or not self.textCursor().hasSelection():
            return ""
        text = self.textCursor().selection().toPlainText()
        paragraphs = [" ".join(p.split()) for p in text.replace("\u2029", "\n").split("\n")]
        return "\n\n".join(p for p in paragraphs if p)

    def request_excerpt(self) -> bool:
        """Ask for the selection to go into the briefing (False when nothing is selected)."""
        excerpt = self.selected_excerpt()
        if not excerpt or self._article_id is None:
            return False
        self.excerptRequested.emit(self._article_id, excerpt)
        return True

    def select_text(self, text: str) -> bool:
        """Select the first occurrence of ``text`` (for tests and the snapshot tool)."""
        found = self.document().find(text)
        if found.isNull():
            return False
        self.setTextCursor(found)
        return True

    def reveal_text(self, text: str, context: str = "") -> bool:
        """Select ``text`` — inside the sentence ``context`` when that is found — and scroll
        to it (the timeline opens an article at a date this way). False if it is not shown."""
        document = self.document()
        found = QTextCursor()
        sentence = " ".join(context.split())
        if sentence:
            around = document.find(sentence)
            if around.isNull() and len(sentence) > 60:
                around = document.find(sentence[:60])  # the sentence is cut in the rendering
            if not around.isNull():
                inner = document.find(text, around.selectionStart()) if text else QTextCursor()
                inside = not inner.isNull() and inner.selectionEnd() <= around.selectionEnd()
                found = inner if inside else around
        if found.isNull() and text:
            found = document.find(text)
        if found.isNull():
            return False
        self.setTextCursor(found)
        self.ensureCursorVisible()
        return True

    def mention_cursor(self, mention: ArticleMention) -> QTextCursor:
        """A cursor over the rendered text of ``mention`` (null if it is not shown)."""
        href = f"entity:{mention.entity_id}"
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().anchorHref() == href:
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    return cursor
                iterator += 1
            block = block.next()
        return QTextCursor()

    # -- internals ---------------------------------------------------------------------------

    def _mention_at(self, viewport_pos: QPoint) -> ArticleMention | None:
        entity_id = entity_id_of_href(self.anchorAt(viewport_pos))
        return self._by_entity.get(entity_id) if entity_id is not None else None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        entity_id = entity_id_of_href(url.toString())
        if entity_id is not None:
            self.entityClicked.emit(entity_id)

    def _on_state_changed(self, change: ViewChange) -> None:
        if change == ViewChange.SELECTION:
            self._update_article()
            return
        # The entity filter changed: only a redraw if the stronger tint moves in this article.
        strong = frozenset(self._state.entities) & set(self._by_entity)
        if strong != self._strong:
            self._render(keep_scroll=True)

    def _update_article(self) -> None:
        article_id = self._state.selected_article_id
        self._article_id = article_id
        self._render(keep_scroll=False)

    def _render(self, *, keep_scroll: bool) -> None:
        article_id = self._article_id
        article = self._store.get_article(article_id) if article_id is not None else None
        self._article_id = article.id if article is not None else None
        self._mentions = self._store.article_mentions(article.id) if article is not None else []
        self._by_entity = {m.entity_id: m for m in self._mentions}
        self._strong = frozenset(self._state.entities) & set(self._by_entity)
        shown = self._mentions if self._highlighting else []
        if article is not None:
            self._html = article_html(article, shown, strong=self._strong)
        else:
            self._html = placeholder_html(NO_SELECTION)
        scroll = self.verticalScrollBar().value()
        self.setHtml(self._html)
        self._underline_mentions()
        self._update_margins()
        self.verticalScrollBar().setValue(scroll if keep_scroll else 0)

    def _underline_mentions(self) -> None:
        """Underline each mention in its type's full colour (the HTML only tints it)."""
        if not self._by_entity:
            return
        document = self.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                entity_id = entity_id_of_href(fragment.charFormat().anchorHref())
                mention = self._by_entity.get(entity_id) if entity_id is not None else None
                if mention is not None:
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    underline = QTextCharFormat()
                    underline.setFontUnderline(True)
                    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    underline.setUnderlineColor(QColor(type_colour(mention.type)))
                    cursor.mergeCharFormat(underline)
                iterator += 1
            block = block.next()
        document.setModified(False)

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


class EntityLegend(QWidget):
    """A slim row under the reader: one swatch per type, and a switch for the highlights."""

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self.setObjectName("entityLegend")
        self.setAccessibleName("Entity colours")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "QWidget#entityLegend { background-color: #f4f3ef; border-top: 1px solid #e2e0da; }"
            "QLabel#entityLegendLabel { color: #59636e; }"
        )
        # A flow, not a row: in a narrow reader the swatches wrap instead of being clipped.
        layout = FlowLayout(self, spacing=14)
        layout.setContentsMargins(12, 4, 8, 4)
        self.swatches: dict[EntityType, QLabel] = {}
        for etype in TYPE_ORDER:
            swatch = QWidget(self)
            row = QHBoxLayout(swatch)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            icon = QLabel(swatch)
            icon.setPixmap(type_icon(etype).pixmap(QSize(12, 12)))
            label = QLabel(type_label(etype), swatch)
            label.setObjectName("entityLegendLabel")
            row.addWidget(icon)
            row.addWidget(label)
            swatch.setToolTip(f"{type_label(etype)}: highlighted in this colour, with this mark")
            swatch.setAccessibleName(f"{type_label(etype)} colour")
            layout.addWidget(swatch)
            self.swatches[etype] = label
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("highlightToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(reader.highlighting)
        self.toggle.setText("Highlight")
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName("Highlight entities in the reader")
        self.toggle.setToolTip("Show or hide the entity highlights in the article")
        self.toggle.toggled.connect(self._on_toggled)
        layout.addWidget(self.toggle)

    def _on_toggled(self, on: bool) -> None:
        self._reader.set_highlighting(on)


class ReaderPanel(QWidget):
    """The reader with its legend underneath (the splitter's right-hand side)."""

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPanel")
        self.reader = reader
        self.legend = EntityLegend(reader, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(reader, 1)
        layout.addWidget(self.legend)
