"""Dates and ranges the articles state; how sure an inferred publication date is.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "date_mentions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("field", sa.String(8), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("precision", sa.String(12), nullable=False),
        sa.Column("date_start", sa.Date, nullable=True),
        sa.Column("date_end", sa.Date, nullable=True),
        sa.Column("value", sa.String(32), nullable=True),
        sa.Column("year_inferred", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("relative", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("sentence_start", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sentence_end", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_date_mentions"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_date_mentions_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_date_mentions_article_id", "date_mentions", ["article_id"])
    op.create_index("ix_date_mentions_date_start", "date_mentions", ["date_start", "date_end"])
    op.create_table(
        "range_facts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("field", sa.String(8), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("min_km", sa.Float, nullable=True),
        sa.Column("max_km", sa.Float, nullable=True),
        sa.Column("qualifier", sa.String(12), nullable=False),
        sa.Column("unit", sa.String(24), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=True),
        sa.Column("subject_key", sa.Text, nullable=True),
        sa.Column("subject_name", sa.Text, nullable=True),
        sa.Column("via", sa.Text, nullable=False, server_default=""),
        sa.Column("sentence_start", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sentence_end", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_range_facts"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_range_facts_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_range_facts_article_id", "range_facts", ["article_id"])
    op.create_index("ix_range_facts_subject", "range_facts", ["subject_type", "subject_key"])
    op.execute("INSERT INTO store_meta(key, value) VALUES ('date_generation', 0)")
    op.execute(
        "CREATE TRIGGER articles_date_generation AFTER DELETE ON articles BEGIN "
        "UPDATE store_meta SET value = value + 1 WHERE key = 'date_generation'; END"
    )
    with op.batch_alter_table("articles") as batch:
        batch.add_column(
            sa.Column("date_confidence", sa.String(8), nullable=False, server_default="")
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS articles_date_generation")
    op.execute("DELETE FROM store_meta WHERE key = 'date_generation'")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("date_confidence")
    op.drop_table("range_facts")
    op.drop_table("date_mentions")
