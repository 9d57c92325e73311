"""Alembic migrations of the store; applied by ``briefing.store.schema.upgrade``."""
