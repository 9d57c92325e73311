"""How a briefing item looks in the panel, and the editors it opens in place.

Each row: a small drawn icon for its kind (a page, a quote bar, a note, bars, a grid, a
calendar: a shape each, so colour is never the only cue), the item's first line (title or
first words) and, muted underneath, where it came from ("Reuters · 21 Jan 2019") or what it is.
An excerpt with a comment shows the comment on a third line, in italics.

Editing: a note opens the rich :class:`~briefing.ui.briefing_note_editor.NoteEditor` (the row
grows while it is open); an excerpt's comment and a chart's or a table's caption open a line
edit.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from briefing.briefings.model import ItemKind
from briefing.ui.briefing_item_model import CaptionRole, KindRole, ProvenanceRole, kind_of
from briefing.ui.briefing_note_editor import NoteEditor

_Index = QModelIndex | QPersistentModelIndex

KIND_COLOURS = {
    ItemKind.ARTICLE: "#3d5a6c",
    ItemKind.EXCERPT: "#6f5a8f",
    ItemKind.NOTE: "#9a7420",
    ItemKind.CHART: "#2f7d6d",
    ItemKind.ENTITY_TABLE: "#4b6584",
    ItemKind.KEY_DATES: "#a4501f",
}
MUTED = QColor("#66707a")
ICON = 22
PAD = 6
NOTE_EDITOR_HEIGHT = 150

CAPTION_PLACEHOLDERS = {
    ItemKind.EXCERPT: "Your comment on this excerpt",
    ItemKind.CHART: "Caption",
    ItemKind.ENTITY_TABLE: "Caption",
    ItemKind.KEY_DATES: "Caption",
}


def _draw_kind(painter: QPainter, kind: ItemKind, size: float, ink: QColor) -> None:
    pen = QPen(ink, size / 14)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    s = size
    if kind is ItemKind.ARTICLE:  # a page with lines of text
        painter.drawRoundedRect(QRectF(s * 0.2, s * 0.1, s * 0.6, s * 0.8), s * 0.06, s * 0.06)
        for y in (0.3, 0.45, 0.6, 0.75):
            painter.drawLine(QPointF(s * 0.32, s * y), QPointF(s * 0.68, s * y))
    elif kind is ItemKind.EXCERPT:  # a quotation: a bar beside lines
        painter.fillRect(QRectF(s * 0.14, s * 0.16, s * 0.1, s * 0.68), ink)
        for y, end in ((0.28, 0.86), (0.44, 0.8), (0.6, 0.86), (0.76, 0.62)):
            painter.drawLine(QPointF(s * 0.36, s * y), QPointF(s * end, s * y))
    elif kind is ItemKind.NOTE:  # a note with a folded corner
        path = QPainterPath()
        path.moveTo(s * 0.16, s * 0.14)
        path.lineTo(s * 0.84, s * 0.14)
        path.lineTo(s * 0.84, s * 0.64)
        path.lineTo(s * 0.62, s * 0.86)
        path.lineTo(s * 0.16, s * 0.86)
        path.closeSubpath()
        fill = QColor(ink)
        fill.setAlpha(45)
        painter.fillPath(path, fill)
        painter.drawPath(path)
        painter.drawLine(QPointF(s * 0.3, s * 0.36), QPointF(s * 0.7, s * 0.36))
        painter.drawLine(QPointF(s * 0.3, s * 0.52), QPointF(s * 0.6, s * 0.52))
    elif kind is ItemKind.CHART:  # bars on an axis
        painter.drawLine(QPointF(s * 0.14, s * 0.86), QPointF(s * 0.88, s * 0.86))
        for x, top in ((0.2, 0.52), (0.42, 0.22), (0.64, 0.4)):
            painter.fillRect(QRectF(s * x, s * top, s * 0.16, s * (0.82 - top)), ink)
    elif kind is ItemKind.ENTITY_TABLE:  # a grid
        rect = QRectF(s * 0.14, s * 0.18, s * 0.72, s * 0.64)
        painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), s * 0.16), ink)
        painter.drawRect(rect)
        painter.drawLine(QPointF(s * 0.42, s * 0.18), QPointF(s * 0.42, s * 0.82))
        for y in (0.5, 0.66):
            painter.drawLine(QPointF(s * 0.14, s * y), QPointF(s * 0.86, s * y))
    else:  # key dates: a calendar page
        rect = QRectF(s * 0.14, s * 0.2, s * 0.72, s * 0.66)
        painter.drawRoundedRect(rect, s * 0.06, s * 0.06)
        painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), s * 0.18), ink)
        for x in (0.32, 0.68):
            painter.drawLine(QPointF(s * x, s * 0.1), QPointF(s * x, s * 0.28))
        for x in (0.3, 0.5, 0.7):
            painter.fillRect(QRectF(s * (x - 0.05), s * 0.56, s * 0.1, s * 0.1), ink)


@cache
def kind_icon(kind: ItemKind) -> QIcon:
    """A small drawn icon for an item kind (sharp at 1× and 2×); white when selected, so it
    stays visible on the selection's dark background."""
    icon = QIcon()
    for mode, ink in (
        (QIcon.Mode.Normal, QColor(KIND_COLOURS[kind])),
        (QIcon.Mode.Selected, QColor("#ffffff")),
    ):
        for scale in (1, 2):
            pixmap = QPixmap(ICON * scale, ICON * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _draw_kind(painter, kind, ICON * scale, ink)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap, mode)
    return icon


class BriefingItemDelegate(QStyledItemDelegate):
    """Paints the two (or three) lines of an item; opens the note editor or a caption edit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editing: QPersistentModelIndex | None = None

    # -- painting ----------------------------------------------------------------------------

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        detail = QFont(option.font)
        detail.setPointSizeF(max(option.font.pointSizeF() * 0.9, 7.0))
        return title, detail

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        if self._editing is not None and self._editing == index:
            kind = kind_of(index.data(KindRole))
            if kind is ItemKind.NOTE:
                return QSize(0, NOTE_EDITOR_HEIGHT)
        title, detail = self._fonts(option)
        lines = QFontMetrics(title).height() + QFontMetrics(detail).height()
        if index.data(CaptionRole):
            lines += QFontMetrics(detail).height()
        if self._editing is not None and self._editing == index:
            lines += 8  # room for the line edit's frame
        return QSize(0, lines + 2 * PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background and focus/selection as the platform draws them, without the text.
        text_free = QStyleOptionViewItem(option)
        text_free.text = ""
        text_free.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_free, painter, widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        kind = kind_of(index.data(KindRole))
        painter.save()
        if kind is not None:
            icon_rect = QRect(rect.left(), rect.top() + 1, ICON, ICON)
            mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
            kind_icon(kind).paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter, mode)
        text_left = rect.left() + ICON + PAD + 2
        title_font, detail_font = self._fonts(option)
        text_colour = (
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        muted = option.palette.highlightedText().color() if selected else MUTED

        width = rect.right() - text_left
        y = rect.top()
        for font, text, colour, italic in (
            (title_font, str(index.data(Qt.ItemDataRole.DisplayRole) or ""), text_colour, False),
            (detail_font, str(index.data(ProvenanceRole) or ""), muted, False),
            (detail_font, str(index.data(CaptionRole) or ""), text_colour, True),
        ):
            if not text:
                continue
            font = QFont(font)
            font.setItalic(italic)
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(colour)
            line = QRect(text_left, y, width, metrics.height())
            painter.drawText(
                line,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, width),
            )
            y += metrics.height()
        painter.restore()

    # -- editing -----------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        kind = kind_of(index.data(KindRole))
        self._editing = QPersistentModelIndex(index)
        self.sizeHintChanged.emit(QModelIndex(index))
        if kind is ItemKind.NOTE:
            editor = NoteEditor(parent)
            editor.finished.connect(lambda: self._finish(editor))
            return editor
        line = QLineEdit(parent)
        line.setObjectName("briefingCaptionEdit")
        line.setAccessibleName(CAPTION_PLACEHOLDERS.get(kind, "Caption"))
        line.setPlaceholderText(CAPTION_PLACEHOLDERS.get(kind, "Caption"))
        return line

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, NoteEditor):
            editor.set_markdown(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, NoteEditor):
            model.setData(index, editor.markdown(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> None:
        rect = option.rect
        if isinstance(editor, NoteEditor):
            editor.setGeometry(rect.adjusted(ICON + 2 * PAD, 2, -2, -2))
            return
        height = editor.sizeHint().height()
        left = rect.left() + ICON + 2 * PAD
        editor.setGeometry(QRect(left, rect.bottom() - height - 1, rect.right() - left - 2, height))

    def destroyEditor(self, editor: QWidget, index: _Index) -> None:
        self._editing = None
        super().destroyEditor(editor, index)
        if index.isValid():
            self.sizeHintChanged.emit(QModelIndex(index))

    def _finish(self, editor: NoteEditor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
