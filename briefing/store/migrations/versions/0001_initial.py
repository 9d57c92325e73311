"""Initial schema: sources, import runs, articles and which run brought which article.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("name", name="uq_sources_name"),
    )
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime, nullable=True),
        sa.Column("source_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("files_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("options_json", sa.Text, nullable=False, server_default="{}"),
        sa.Column("failures_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("files_total", sa.Integer, nullable=False, server_default="0"),
        sa.Column("imported", sa.Integer, nullable=False, server_default="0"),
        sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.PrimaryKeyConstraint("id", name="pk_import_runs"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("import_run_id", sa.Integer, nullable=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("kicker", sa.Text, nullable=False, server_default=""),
        sa.Column("deck", sa.Text, nullable=False, server_default=""),
        sa.Column("headline", sa.Text, nullable=False, server_default=""),
        sa.Column("byline", sa.Text, nullable=False, server_default=""),
        sa.Column("subheads_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("date_source", sa.String(16), nullable=False, server_default="unknown"),
        sa.Column("origin_file", sa.Text, nullable=False, server_default=""),
        sa.Column("origin_position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("origin_line", sa.Integer, nullable=False, server_default="0"),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("truncated", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name="fk_articles_source_id_sources",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["import_run_id"],
            ["import_runs.id"],
            name="fk_articles_import_run_id_import_runs",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_index("ix_articles_import_run_id", "articles", ["import_run_id"])
    op.create_index("ix_articles_title_nocase", "articles", [sa.text("title COLLATE NOCASE")])
    op.create_table(
        "import_run_articles",
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("is_new", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "article_id", name="pk_import_run_articles"),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["import_runs.id"],
            name="fk_import_run_articles_run_id_import_runs",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_import_run_articles_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_import_run_articles_article_id", "import_run_articles", ["article_id"])


def downgrade() -> None:
    op.drop_table("import_run_articles")
    op.drop_table("articles")
    op.drop_table("import_runs")
    op.drop_table("sources")
