"""A stored briefing turned into a :class:`BriefingDocument` the exporters can write.

Article items get their text from the store now (an article removed by undoing an import
keeps its copied provenance and says it was removed); the entity and key-date tables are
computed from the briefing's articles at this moment, so they follow the items as the briefing
grows. Nothing here knows about any output format.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from briefing.briefings.document import (
    ArticleBlock,
    Block,
    BriefingDocument,
    ChartBlock,
    ExcerptBlock,
    NoteBlock,
    Paragraph,
    TableBlock,
)
from briefing.briefings.model import BriefingItem, ItemKind, Provenance
from briefing.chart_data import format_day
from briefing.domain import Article, DateMention, DatePrecision, EntityType

REMOVED_TEXT = (
    "This article is no longer in the store (it was removed after being added to the "
    "briefing); only where it came from is kept."
)
ENTITY_COLUMNS = ("Entity", "Type", "Articles", "Mentions")
KEY_DATE_COLUMNS = ("Date", "What", "Article")
DEFAULT_ENTITY_LIMIT = 25
DEFAULT_DATE_LIMIT = 40
# The sentence around a key date is cut to about this many characters, around the date.
SENTENCE_CHARS = 160
TYPE_NAMES = {
    EntityType.PERSON: "Person",
    EntityType.ORG: "Organisation",
    EntityType.PLACE: "Place",
    EntityType.WEAPON: "Weapon",
    EntityType.TREATY: "Treaty",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# When a briefing's articles mention more dates than the table holds, the precise ones win:
# "21 January 2019" says more than "2019".
_PRECISION_RANK = {
    DatePrecision.DAY: 0,
    DatePrecision.INTERVAL: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3,
}
_BLANKS = re.compile(r"\s+")


# -- articles ---------------------------------------------------------------------------------


def article_paragraphs(article: Article) -> tuple[Paragraph, ...]:
    """The body as paragraphs, each subhead placed before the paragraph its offset starts
    (or the first paragraph after it, if an offset falls inside one)."""
    subheads = sorted(article.subheads, key=lambda s: s.offset)
    paragraphs: list[Paragraph] = []
    waiting = 0
    offset = 0
    for text in article.body.split("\n\n"):
        while waiting < len(subheads) and subheads[waiting].offset <= offset:
            paragraphs.append(Paragraph(subheads[waiting].text, subhead=True))
            waiting += 1
        if text.strip():
            paragraphs.append(Paragraph(text.strip()))
        offset += len(text) + 2
    return tuple(paragraphs)


def _article_block(provenance: Provenance, article: Article | None) -> ArticleBlock:
    if article is None:
        return ArticleBlock(
            provenance=provenance, kicker="", deck="", paragraphs=(Paragraph(REMOVED_TEXT),)
        )
    return ArticleBlock(
        provenance=provenance,
        kicker=article.kicker,
        deck=article.deck,
        paragraphs=article_paragraphs(article),
        byline=article.byline,
        truncated=article.truncated,
    )


# -- the entity table -------------------------------------------------------------------------


def _types_option(options: dict[str, Any]) -> list[EntityType] | None:
    wanted = options.get("types")
    if not wanted:
        return None
    known = {t.value for t in EntityType}
    return [EntityType(str(t).upper()) for t in wanted if str(t).upper() in known]


def _articles_phrase(count: int) -> str:
    return "the briefing's article" if count == 1 else f"the briefing's {count} articles"


def entity_table(
    store: Any, article_ids: Sequence[int], item: BriefingItem | None = None
) -> TableBlock:
    options = item.options if item is not None else {}
    limit = int(options.get("limit", DEFAULT_ENTITY_LIMIT) or 0) or None
    types = _types_option(options)
    counted = store.entity_mention_counts(article_ids, types=types) if article_ids else []
    shown = counted[:limit] if limit else counted
    rows = tuple(
        (count.name, TYPE_NAMES.get(count.type, str(count.type)), f"{count.articles:,}", f"{m:,}")
        for count, m in shown
    )
    if item is not None and item.caption:
        caption = item.caption
    elif not article_ids:
        caption = "The briefing has no articles yet."
    else:
        caption = f"Entities {_articles_phrase(len(article_ids))} mention, by articles"
        if types:
            caption += " (" + ", ".join(TYPE_NAMES[t].lower() for t in types) + " only)"
        if len(shown) < len(counted):
            caption += f"; the top {len(shown)} of {len(counted)}"
        caption += "."
    return TableBlock(
        title="Entities", caption=caption, columns=ENTITY_COLUMNS, rows=rows, numeric=(2, 3)
    )


# -- the key-dates table ----------------------------------------------------------------------


def _format_part(part: str) -> str:
    """One end of a date value: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' in words."""
    if len(part) == 4:
        return part
    if len(part) == 7:
        return f"{_MONTHS[int(part[5:7]) - 1]} {part[:4]}"
    return format_day(dt.date.fromisoformat(part[:10]))


def format_date_mention(mention: DateMention) -> str:
    """'21 Jan 2019', 'Jan 2019', '2019', '4–16 Jun 2019', '28 Mar 2019 – 31 May 2019'."""
    value = mention.value or ""
    try:
        if "/" in value:
            first, last = value.split("/", 1)
            if len(first) == len(last) == 10 and first[:7] == last[:7]:
                start = dt.date.fromisoformat(first)
                return f"{start.day}–{format_day(dt.date.fromisoformat(last))}"
            return f"{_format_part(first)} – {_format_part(last)}"
        if value and not value.startswith("--"):
            return _format_part(value)
    except (ValueError, IndexError):
        pass  # an unexpected value form: fall back to the resolved days
    assert mention.date_start is not None
    if mention.precision is DatePrecision.YEAR:
        return str(mention.date_start.year)
    if mention.precision is DatePrecision.MONTH:
        return f"{_MONTHS[mention.date_start.month - 1]} {mention.date_start.year}"
    return format_day(mention.date_start)


def trim_sentence(sentence: str, start: int, end: int, limit: int = SENTENCE_CHARS) -> str:
    """The sentence on one line, cut at word boundaries to about ``limit`` characters around
    [start, end) (the date, as offsets within the sentence), with "…" where it was cut."""
    if len(sentence.strip()) <= limit:
        return _BLANKS.sub(" ", sentence.strip())
    start, end = max(0, min(start, len(sentence))), max(0, min(end, len(sentence)))
    first = max(0, start - max(limit - (end - start), 0) // 2)
    last = min(len(sentence), first + limit)
    first = max(0, last - limit)
    prefix = suffix = ""
    if first > 0:
        space = sentence.find(" ", first, start)
        first = space + 1 if space >= 0 else first
        prefix = "…"
    if last < len(sentence):
        space = sentence.rfind(" ", end, last)
        last = space if space >= 0 else last
        suffix = "…"
    return prefix + _BLANKS.sub(" ", sentence[first:last].strip()) + suffix


@dataclasses.dataclass(frozen=True, slots=True)
class _KeyDate:
    start: dt.date
    end: dt.date
    label: str
    precision: DatePrecision
    what: str
    article_id: int


def key_dates_table(
    store: Any, article_ids: Sequence[int], item: BriefingItem | None = None
) -> TableBlock:
    options = item.options if item is not None else {}
    limit = int(options.get("limit", DEFAULT_DATE_LIMIT) or 0) or None
    found = store.article_date_sentences(article_ids) if article_ids else []
    titles = {p.article_id: p.title for p in store.provenance_for(article_ids)}
    dates: list[_KeyDate] = []
    seen: set[tuple[str, Any]] = set()
    for article_id, mention, sentence in found:
        label = format_date_mention(mention)
        offset = mention.start - mention.sentence_start
        what = trim_sentence(sentence, offset, offset + (mention.end - mention.start))
        # Once per date and article, and once per date and sentence (the same wire story in
        # two articles is one key date).
        keys = [(label, article_id), (label, what.casefold())]
        if any(key in seen for key in keys):
            continue
        seen.update(keys)
        dates.append(
            _KeyDate(
                start=mention.date_start or dt.date.min,
                end=mention.date_end or mention.date_start or dt.date.min,
                label=label,
                precision=mention.precision,
                what=what,
                article_id=article_id,
            )
        )
    total = len(dates)
    if limit and total > limit:
        articles_per_date: dict[str, int] = {}
        for entry in dates:
            articles_per_date[entry.label] = articles_per_date.get(entry.label, 0) + 1
        dates.sort(
            key=lambda d: (
                _PRECISION_RANK.get(d.precision, 4),
                -articles_per_date[d.label],
                d.start,
            )
        )
        dates = dates[:limit]
    dates.sort(key=lambda d: (d.start, d.end, d.label))
    rows = tuple((d.label, d.what, titles.get(d.article_id, "")) for d in dates)
    if item is not None and item.caption:
        caption = item.caption
    elif not article_ids:
        caption = "The briefing has no articles yet."
    else:
        caption = f"Dates {_articles_phrase(len(article_ids))} mention, in order"
        if len(dates) < total:
            caption += f"; {len(dates)} of {total}, the most precise and most often mentioned first"
        caption += "."
    return TableBlock(title="Key dates", caption=caption, columns=KEY_DATE_COLUMNS, rows=rows)


# -- the document -----------------------------------------------------------------------------


def assemble_document(
    store: Any, briefing_id: int, *, today: dt.date | None = None
) -> BriefingDocument:
    """The briefing as blocks in item order (StoreError when there is no such briefing)."""
    briefing = store.get_briefing(briefing_id)
    article_ids = store.briefing_article_ids(briefing_id)
    wanted = [
        item.article_id
        for item in briefing.items
        if item.kind is ItemKind.ARTICLE and item.article_id is not None
    ]
    articles = {article.id: article for article in store.get_articles(wanted)}
    blocks: list[Block] = []
    for item in briefing.items:
        block = _block(store, item, articles, article_ids)
        if block is not None:
            blocks.append(block)
    info = briefing.info
    return BriefingDocument(
        title=info.display_title,
        author=info.author,
        date=info.date or today or dt.date.today(),
        marking=info.marking,
        blocks=tuple(blocks),
        generated_at=dt.datetime.now().replace(microsecond=0),
    )


def _block(
    store: Any, item: BriefingItem, articles: dict[int, Article], article_ids: Sequence[int]
) -> Block | None:
    provenance = item.provenance or Provenance(article_id=None, title="")
    if item.kind is ItemKind.ARTICLE:
        article = articles.get(item.article_id) if item.article_id is not None else None
        return _article_block(provenance, article)
    if item.kind is ItemKind.EXCERPT:
        return ExcerptBlock(provenance=provenance, text=item.text, comment=item.caption)
    if item.kind is ItemKind.NOTE:
        return NoteBlock(markdown=item.text)
    if item.kind is ItemKind.CHART:
        if item.chart is None:
            return None
        chart = item.chart
        if item.caption and item.caption != chart.caption:
            chart = dataclasses.replace(chart, caption=item.caption)
        return ChartBlock(chart=chart)
    if item.kind is ItemKind.ENTITY_TABLE:
        return entity_table(store, article_ids, item)
    if item.kind is ItemKind.KEY_DATES:
        return key_dates_table(store, article_ids, item)
    return None
