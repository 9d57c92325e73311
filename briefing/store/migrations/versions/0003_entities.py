"""Entities: extracted mentions, the keys that map them to entities, analyst corrections.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

A mention points at an *entity key* (type, canonical name, surface form), and the key at an
entity. Corrections move keys between entities (merge, split) or change the entity (rename,
retype, hide); re-extraction recreates mentions on the same keys, so corrections survive it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("canonical_key", sa.Text, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("merged_into", sa.Integer, nullable=True),
        sa.Column("renamed", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("attributes_json", sa.Text, nullable=False, server_default="{}"),
        sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.ForeignKeyConstraint(
            ["merged_into"],
            ["entities.id"],
            name="fk_entities_merged_into_entities",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("type", "canonical_key", name="uq_entities_type_canonical_key"),
    )
    op.create_index("ix_entities_article_count", "entities", ["article_count"])
    op.create_table(
        "entity_keys",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("canonical_key", sa.Text, nullable=False),
        sa.Column("surface_key", sa.Text, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_keys"),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name="fk_entity_keys_entity_id_entities"
        ),
        sa.UniqueConstraint(
            "type",
            "canonical_key",
            "surface_key",
            name="uq_entity_keys_type_canonical_key_surface_key",
        ),
    )
    op.create_index("ix_entity_keys_entity_id", "entity_keys", ["entity_id"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("key_id", sa.Integer, nullable=False),
        sa.Column("field", sa.String(8), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sentence_end", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_mentions_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"], ["entity_keys.id"], name="fk_mentions_key_id_entity_keys"
        ),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_key_id", "mentions", ["key_id"])
    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "entity_id", name="pk_article_entities"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_entities_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name="fk_article_entities_entity_id_entities",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_article_entities_entity_id_article_id", "article_entities", ["entity_id", "article_id"]
    )
    op.create_table(
        "user_names",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_user_names"),
        sa.UniqueConstraint("type", "name", name="uq_user_names_type_name"),
    )
    # A counter bumped by every change to article_entities, so readers can cache facet data and
    # know, with one cheap query, when another process has changed it.
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_store_meta"),
    )
    op.execute("INSERT INTO store_meta(key, value) VALUES ('facet_generation', 0)")
    op.execute(
        "CREATE TRIGGER articles_facet_generation AFTER DELETE ON articles BEGIN "
        "UPDATE store_meta SET value = value + 1 WHERE key = 'facet_generation'; END"
    )
    with op.batch_alter_table("articles") as batch:
        batch.add_column(
            sa.Column("extraction_version", sa.Integer, nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("extraction_version")
    for table in (
        "store_meta",
        "user_names",
        "article_entities",
        "mentions",
        "entity_keys",
        "entities",
    ):
        op.drop_table(table)
