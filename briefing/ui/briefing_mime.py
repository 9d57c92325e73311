"""What is dragged between the article list and the briefing panel, as MIME data.

Two private MIME types carry ids as JSON: articles dragged out of the article list, and items
dragged within the briefing (to reorder them). A plain-text copy rides along, so a drop into
another program (an e-mail, an editor) gets the titles rather than nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData

ARTICLE_IDS_MIME = "application/x-briefing-article-ids"
ITEM_IDS_MIME = "application/x-briefing-item-ids"


def encode_ids(mime_type: str, ids: Sequence[int], text: str = "") -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, QByteArray(json.dumps([int(i) for i in ids]).encode("ascii")))
    if text:
        data.setText(text)
    return data


def decode_ids(data: QMimeData | None, mime_type: str) -> list[int]:
    """The ids carried as ``mime_type`` ([] when absent or not ours)."""
    if data is None or not data.hasFormat(mime_type):
        return []
    try:
        value = json.loads(bytes(data.data(mime_type).data()).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(value, list):
        return []
    return [int(v) for v in value if isinstance(v, int) and not isinstance(v, bool)]


def article_mime_data(article_ids: Sequence[int], titles: Sequence[str] = ()) -> QMimeData:
    return encode_ids(ARTICLE_IDS_MIME, article_ids, "\n".join(titles))


def item_mime_data(item_ids: Sequence[int], text: str = "") -> QMimeData:
    return encode_ids(ITEM_IDS_MIME, item_ids, text)
