"""Briefings: named, ordered lists of articles, excerpts, notes, charts and tables.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "briefings",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.Text, nullable=False, server_default=""),
        sa.Column("date", sa.Date, nullable=True),
        sa.Column("marking", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("modified_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_briefings"),
        sa.UniqueConstraint("name", name="uq_briefings_name"),
        # Ids are never reused, so undoing a delete can restore the old ids.
        sqlite_autoincrement=True,
    )
    op.create_table(
        "briefing_items",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("briefing_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        # No foreign key to articles: an item outlives its article (undo-import).
        sa.Column("article_id", sa.Integer, nullable=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("url", sa.Text, nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("caption", sa.Text, nullable=False, server_default=""),
        sa.Column("payload", sa.Text, nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("id", name="pk_briefing_items"),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name="fk_briefing_items_briefing_id_briefings",
            ondelete="CASCADE",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_briefing_items_briefing_id_position", "briefing_items", ["briefing_id", "position"]
    )
    op.create_index("ix_briefing_items_article_id", "briefing_items", ["article_id"])


def downgrade() -> None:
    op.drop_table("briefing_items")
    op.drop_table("briefings")
