"""SQLAlchemy models of the store (schema at the newest migration).

The migrations in ``briefing/store/migrations/versions`` are what create and change the
schema on disk; these models describe the newest revision for queries, and a test checks that
the two agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints keep Alembic's batch (copy-and-move) migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ImportRunRecord(Base):
    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    source_name: Mapped[str] = mapped_column(String(200), server_default="")
    files_json: Mapped[str] = mapped_column(Text, server_default="[]")
    options_json: Mapped[str] = mapped_column(Text, server_default="{}")
    failures_json: Mapped[str] = mapped_column(Text, server_default="[]")
    files_total: Mapped[int] = mapped_column(Integer, server_default="0")
    imported: Mapped[int] = mapped_column(Integer, server_default="0")
    duplicates: Mapped[int] = mapped_column(Integer, server_default="0")
    failed: Mapped[int] = mapped_column(Integer, server_default="0")
    cancelled: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ArticleRecord(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
    import_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_runs.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(Text)
    kicker: Mapped[str] = mapped_column(Text, server_default="")
    deck: Mapped[str] = mapped_column(Text, server_default="")
    headline: Mapped[str] = mapped_column(Text, server_default="")
    byline: Mapped[str] = mapped_column(Text, server_default="")
    subheads_json: Mapped[str] = mapped_column(Text, server_default="[]")
    body: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    date_source: Mapped[str] = mapped_column(String(16), server_default="unknown")
    origin_file: Mapped[str] = mapped_column(Text, server_default="")
    origin_position: Mapped[int] = mapped_column(Integer, server_default="0")
    origin_line: Mapped[int] = mapped_column(Integer, server_default="0")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    truncated: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Which extractor version produced the article's mentions (0: none yet).
    extraction_version: Mapped[int] = mapped_column(Integer, server_default="0")
    # For a publication date inferred from the text: "high", "medium" or "low".
    date_confidence: Mapped[str] = mapped_column(String(8), server_default="")
    url: Mapped[str] = mapped_column(Text, server_default="")

    __table_args__ = (
        Index("ix_articles_published", "published"),
        Index("ix_articles_source_id", "source_id"),
        Index("ix_articles_import_run_id", "import_run_id"),
        Index("ix_articles_title_nocase", text("title COLLATE NOCASE")),
    )


class ImportRunArticle(Base):
    """Every article a run brought in, new or duplicate, so a run can be undone exactly."""

    __tablename__ = "import_run_articles"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("import_runs.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    is_new: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (Index("ix_import_run_articles_article_id", "article_id"),)


class EntityRecord(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    canonical_key: Mapped[str] = mapped_column(Text)
    hidden: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    renamed: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    attributes_json: Mapped[str] = mapped_column(Text, server_default="{}")
    article_count: Mapped[int] = mapped_column(Integer, server_default="0")

    __table_args__ = (
        UniqueConstraint("type", "canonical_key"),
        Index("ix_entities_article_count", "article_count"),
    )


class EntityKey(Base):
    """(type, canonical, surface) → entity: the unit that corrections move between entities."""

    __tablename__ = "entity_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    canonical_key: Mapped[str] = mapped_column(Text)
    surface_key: Mapped[str] = mapped_column(Text)
    surface: Mapped[str] = mapped_column(Text)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))

    __table_args__ = (
        UniqueConstraint("type", "canonical_key", "surface_key"),
        Index("ix_entity_keys_entity_id", "entity_id"),
    )


class MentionRecord(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    key_id: Mapped[int] = mapped_column(ForeignKey("entity_keys.id"))
    field: Mapped[str] = mapped_column(String(8))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer, server_default="0")
    sentence_end: Mapped[int] = mapped_column(Integer, server_default="0")

    __table_args__ = (
        Index("ix_mentions_article_id", "article_id"),
        Index("ix_mentions_key_id", "key_id"),
    )


class ArticleEntity(Base):
    """Which entities an article mentions (after corrections): the sidebar's precomputed facet."""

    __tablename__ = "article_entities"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    mentions: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_article_entities_entity_id_article_id", "entity_id", "article_id"),)


class DateMentionRecord(Base):
    __tablename__ = "date_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(8))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column("text", Text)
    precision: Mapped[str] = mapped_column(String(12))
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    value: Mapped[str | None] = mapped_column(String(32))
    year_inferred: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    relative: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    sentence_start: Mapped[int] = mapped_column(Integer, server_default="0")
    sentence_end: Mapped[int] = mapped_column(Integer, server_default="0")

    __table_args__ = (
        Index("ix_date_mentions_article_id", "article_id"),
        Index("ix_date_mentions_date_start", "date_start", "date_end"),
    )


class RangeFactRecord(Base):
    __tablename__ = "range_facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(8))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column("text", Text)
    min_km: Mapped[float | None] = mapped_column(Float)
    max_km: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(12))
    unit: Mapped[str] = mapped_column(String(24))
    kind: Mapped[str] = mapped_column(String(10))
    subject_type: Mapped[str | None] = mapped_column(String(16))
    subject_key: Mapped[str | None] = mapped_column(Text)
    subject_name: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str] = mapped_column(Text, server_default="")
    sentence_start: Mapped[int] = mapped_column(Integer, server_default="0")
    sentence_end: Mapped[int] = mapped_column(Integer, server_default="0")

    __table_args__ = (
        Index("ix_range_facts_article_id", "article_id"),
        Index("ix_range_facts_subject", "subject_type", "subject_key"),
    )


class StoreMeta(Base):
    """Small counters, e.g. the facet generation that invalidates cached facet arrays."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class UserName(Base):
    """A name an analyst added from the reader: extraction finds it from then on."""

    __tablename__ = "user_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("type", "name"),)


class BriefingRecord(Base):
    """A briefing: a named, ordered list of items the analyst assembles for export."""

    __tablename__ = "briefings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Unique as stored; the store also refuses names that differ only in case.
    name: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text, server_default="")
    author: Mapped[str] = mapped_column(Text, server_default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    marking: Mapped[str] = mapped_column(Text, server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    modified_at: Mapped[dt.datetime] = mapped_column(DateTime)

    # AUTOINCREMENT: an id is never handed out again, so undoing a delete can always put the
    # briefing back under its old id.
    __table_args__ = ({"sqlite_autoincrement": True},)


class BriefingItemRecord(Base):
    """One item of a briefing. ``article_id`` is deliberately not a foreign key: an item keeps
    its copied provenance and survives its article being removed by undoing an import."""

    __tablename__ = "briefing_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    article_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, server_default="")
    source: Mapped[str] = mapped_column(Text, server_default="")
    published: Mapped[dt.date | None] = mapped_column(Date)
    url: Mapped[str] = mapped_column(Text, server_default="")
    text: Mapped[str] = mapped_column(Text, server_default="")
    caption: Mapped[str] = mapped_column(Text, server_default="")
    # {"version": 1, "chart": ... or null, "options": {...}} (briefing/briefings/serialise.py)
    payload: Mapped[str] = mapped_column(Text, server_default="{}")

    __table_args__ = (
        Index("ix_briefing_items_briefing_id_position", "briefing_id", "position"),
        Index("ix_briefing_items_article_id", "article_id"),
        # As for briefings: removed items' ids stay free for their undo.
        {"sqlite_autoincrement": True},
    )
