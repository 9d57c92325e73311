"""How entity types look everywhere: names, colours and icon shapes.

Colours are the Okabe–Ito palette, chosen to stay distinguishable with the common forms of
colour blindness; each type also has its own icon shape (circle, square, pin, diamond,
document), so colour is never the only cue. The reader tints a mention's background lightly
and underlines it in the full colour, which keeps dark text readable on the paper background.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from briefing.domain import EntityType

# The order types appear in: sidebar groups, the legend, menus.
TYPE_ORDER: tuple[EntityType, ...] = (
    EntityType.PERSON,
    EntityType.ORG,
    EntityType.PLACE,
    EntityType.WEAPON,
    EntityType.TREATY,
)

TYPE_COLOURS: dict[EntityType, str] = {
    EntityType.PERSON: "#0072B2",  # blue
    EntityType.ORG: "#E69F00",  # orange
    EntityType.PLACE: "#009E73",  # bluish green
    EntityType.WEAPON: "#D55E00",  # vermillion
    EntityType.TREATY: "#CC79A7",  # reddish purple
}

TYPE_LABELS: dict[EntityType, str] = {
    EntityType.PERSON: "Person",
    EntityType.ORG: "Organisation",
    EntityType.PLACE: "Place",
    EntityType.WEAPON: "Weapon system",
    EntityType.TREATY: "Treaty",
}

TYPE_PLURALS: dict[EntityType, str] = {
    EntityType.PERSON: "People",
    EntityType.ORG: "Organisations",
    EntityType.PLACE: "Places",
    EntityType.WEAPON: "Weapon systems",
    EntityType.TREATY: "Treaties",
}

PAPER = "#fdfcf9"  # the reader's background (resources/style.qss)


def _mix(colour: str, background: str, amount: float) -> str:
    """``amount`` of ``colour`` over ``background``, as #rrggbb (plain arithmetic, no Qt)."""
    fore = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    back = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(f * amount + b * (1 - amount)) for f, b in zip(fore, back, strict=True))
    return "#" + "".join(f"{value:02x}" for value in mixed)


def type_colour(etype: EntityType) -> str:
    return TYPE_COLOURS[etype]


def type_tint(etype: EntityType, *, strong: bool = False) -> str:
    """The light background a mention gets in the reader (stronger when it is filtered on)."""
    return _mix(TYPE_COLOURS[etype], PAPER, 0.34 if strong else 0.16)


def type_label(etype: EntityType) -> str:
    return TYPE_LABELS[etype]


def type_plural(etype: EntityType) -> str:
    return TYPE_PLURALS[etype]


def _shape(etype: EntityType, box: QRectF) -> QPainterPath:
    path = QPainterPath()
    x, y, w, h = box.x(), box.y(), box.width(), box.height()
    if etype is EntityType.PERSON:  # a circle
        path.addEllipse(box)
    elif etype is EntityType.ORG:  # a square
        path.addRect(box.adjusted(w * 0.06, h * 0.06, -w * 0.06, -h * 0.06))
    elif etype is EntityType.PLACE:  # a map pin: a round head over a point
        radius = w * 0.36
        centre = QPointF(x + w / 2, y + radius + h * 0.02)
        path.addEllipse(centre, radius, radius)
        tip = QPolygonF(
            [
                QPointF(x + w / 2 - radius * 0.86, centre.y() + radius * 0.5),
                QPointF(x + w / 2, y + h),
                QPointF(x + w / 2 + radius * 0.86, centre.y() + radius * 0.5),
            ]
        )
        point = QPainterPath()
        point.addPolygon(tip)
        path = path.united(point)
    elif etype is EntityType.WEAPON:  # a diamond
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x + w / 2, y),
                    QPointF(x + w, y + h / 2),
                    QPointF(x + w / 2, y + h),
                    QPointF(x, y + h / 2),
                    QPointF(x + w / 2, y),
                ]
            )
        )
    else:  # a treaty: a document with a folded corner
        fold = w * 0.3
        left, right = x + w * 0.14, x + w * 0.86
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(left, y),
                    QPointF(right - fold, y),
                    QPointF(right, y + fold),
                    QPointF(right, y + h),
                    QPointF(left, y + h),
                    QPointF(left, y),
                ]
            )
        )
    return path


def _draw(etype: EntityType, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(TYPE_COLOURS[etype])
    margin = size * 0.14
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(QPen(colour.darker(135), max(1.0, size / 16)))
    painter.setBrush(colour)
    painter.drawPath(_shape(etype, box))
    if etype is EntityType.TREATY:
        # Two text lines on the page keep the shape readable at 12 px.
        painter.setPen(QPen(QColor("#ffffff"), max(1.0, size / 14)))
        for fraction in (0.55, 0.75):
            line_y = box.y() + box.height() * fraction
            painter.drawLine(
                QPointF(box.x() + box.width() * 0.3, line_y),
                QPointF(box.x() + box.width() * 0.7, line_y),
            )
    painter.end()
    return pixmap


@cache
def type_icon(etype: EntityType) -> QIcon:
    """The type's icon: its shape filled with its colour, drawn at each size (sharp on HiDPI)."""
    result = QIcon()
    for size in (12, 16, 20, 24, 32, 48):
        result.addPixmap(_draw(etype, size))
    return result
