"""``briefing export-json``: a documented, stable dump of the whole store.

Format (``"format": "briefing-export"``, ``"version": 1``; see README, "JSON export"): one
object with ``exported_at``, ``schema``, ``import_runs`` and ``articles``; each article
carries its ``entities`` (canonical name after corrections, type, surface forms with
offsets). Keys are only ever added in later versions, never renamed or removed, so scripts
written against version 1 keep working. The file is written as a stream, so a 100k-article
store needs little memory.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TextIO

from briefing.domain import Article, DateMention, Entity, ImportRun, Mention, RangeMention
from briefing.store import Store

FORMAT_NAME = "briefing-export"
FORMAT_VERSION = 1


def entities_to_json(entities: list[tuple[Entity, list[Mention]]]) -> list[dict[str, Any]]:
    return [
        {
            "id": entity.id,
            "name": entity.name,
            "type": str(entity.type),
            "hidden": entity.hidden,
            "mentions": [
                {"field": m.field, "start": m.start, "end": m.end, "text": m.text} for m in mentions
            ],
        }
        for entity, mentions in entities
    ]


def dates_to_json(dates: list[DateMention]) -> list[dict[str, Any]]:
    return [
        {
            "text": d.text,
            "field": d.field,
            "start": d.start,
            "end": d.end,
            "value": d.value,
            "precision": str(d.precision),
            "year_inferred": d.year_inferred,
            "relative": d.relative,
        }
        for d in dates
    ]


def ranges_to_json(ranges: list[tuple[int, RangeMention]]) -> list[dict[str, Any]]:
    return [
        {
            "id": fact_id,
            "subject": r.subject,
            "subject_type": str(r.subject_type) if r.subject_type else None,
            "min_km": r.min_km,
            "max_km": r.max_km,
            "qualifier": str(r.qualifier),
            "unit": r.unit,
            "text": r.text,
            "kind": str(r.kind),
            "via": r.via or None,
            "field": r.field,
            "start": r.start,
            "end": r.end,
        }
        for fact_id, r in ranges
    ]


def article_to_json(
    article: Article,
    entities: list[tuple[Entity, list[Mention]]] | None = None,
    dates: list[DateMention] | None = None,
    ranges: list[tuple[int, RangeMention]] | None = None,
) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "origin": {
            "file": article.origin_file,
            "position": article.origin_position,
            "line": article.origin_line,
        },
        "title": article.title,
        "headline": article.headline,
        "kicker": article.kicker,
        "deck": article.deck,
        "byline": article.byline,
        "subheads": [{"text": s.text, "offset": s.offset} for s in article.subheads],
        "body": article.body,
        "published": article.published.isoformat() if article.published else None,
        "published_known_by": str(article.date_source),
        "published_confidence": article.date_confidence or None,
        "url": article.url or None,
        "truncated": article.truncated,
        "content_hash": article.content_hash,
        "import_run_id": article.import_run_id,
        "entities": entities_to_json(entities or []),
        "dates": dates_to_json(dates or []),
        "ranges": ranges_to_json(ranges or []),
    }


def run_to_json(run: ImportRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "source": run.source,
        "files": list(run.files),
        "options": run.options,
        "imported": run.imported,
        "duplicates": run.duplicates,
        "failed": run.failed,
        "cancelled": run.cancelled,
    }


def write_json_export(store: Store, out: TextIO) -> int:
    """Write the dump to ``out``; returns the number of articles written."""
    header = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "schema": store.schema_revision(),
        "import_runs": [run_to_json(run) for run in store.import_runs()],
    }
    head = json.dumps(header, ensure_ascii=False, indent=1)
    out.write(head[:-1].rstrip() + ',\n "articles": [')
    count = 0
    for article in store.iter_articles():
        out.write("\n  " if count == 0 else ",\n  ")
        record = article_to_json(
            article,
            store.article_entity_mentions(article.id),
            store.article_dates(article.id),
            store.article_ranges(article.id),
        )
        out.write(json.dumps(record, ensure_ascii=False))
        count += 1
    out.write("\n ]\n}\n" if count else "]\n}\n")
    return count
