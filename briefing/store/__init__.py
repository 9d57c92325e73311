"""The store layer: the only package that imports SQLAlchemy, Alembic or sqlite3."""

from briefing.store.entity_store import MergeUndo, SplitUndo
from briefing.store.store import Store

__all__ = ["MergeUndo", "SplitUndo", "Store"]
