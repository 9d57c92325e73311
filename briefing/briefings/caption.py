"""The filters a view was made under, in words, for a chart's caption in a briefing.

'Articles matching "sarmat" · mentioning Russia and Sarmat · not Ukraine · dates 1 Jan 2019 –
2 Feb 2019 · 3 range figures selected · 12 articles', or 'All 412 articles'. A reader of the
exported briefing sees what a chart covers without knowing the app.
"""

from __future__ import annotations

from typing import Protocol

from briefing.chart_data import format_date_range
from briefing.domain import ArticleQuery, Entity, EntityMode

SEPARATOR = " · "


class CaptionStore(Protocol):
    """What describing a query asks of the store (:class:`briefing.store.Store` has it)."""

    def get_entity(self, entity_id: int) -> Entity | None: ...
    def query_article_ids(self, query: ArticleQuery) -> list[int]: ...


def _names(store: CaptionStore, entity_ids: tuple[int, ...]) -> list[str]:
    names = []
    for entity_id in entity_ids:
        entity = store.get_entity(entity_id)
        names.append(entity.name if entity is not None else f"entity #{entity_id}")
    return names


def _joined(names: list[str], word: str) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def describe_filters(store: CaptionStore, query: ArticleQuery) -> str:
    """The query's filters in words ('All articles' when it has none), without a count."""
    # Each part has the form it takes first (after "Articles") and later (after " · ").
    parts: list[tuple[str, str]] = []
    search = query.search.strip()
    if search:
        quoted = search if '"' in search else f'"{search}"'
        parts.append((f"matching {quoted}", f"matching {quoted}"))
    if query.entities:
        word = "or" if query.entity_mode is EntityMode.ANY else "and"
        mentioning = f"mentioning {_joined(_names(store, query.entities), word)}"
        parts.append((mentioning, mentioning))
    if query.excluded_entities:
        names = _joined(_names(store, query.excluded_entities), "or")
        parts.append((f"not mentioning {names}", f"not {names}"))
    dates = format_date_range(query.date_from, query.date_to)
    if dates:
        parts.append((f"with dates {dates}", f"dates {dates}"))
    if query.range_facts:
        count = len(query.range_facts)
        figures = _plural(count, "range figure")
        parts.append((f"stating {figures} selected", f"{figures} selected"))
    if query.import_run_id is not None:
        run = f"from import run {query.import_run_id}"
        parts.append((run, run))
    if not parts:
        return "All articles"
    first, *later = parts
    return SEPARATOR.join([f"Articles {first[0]}", *(later_form for _, later_form in later)])


def describe_query(store: CaptionStore, query: ArticleQuery, *, count: int | None = None) -> str:
    """The filters in words and how many articles they select ('… · 12 articles'); pass
    ``count`` when it is known already to save running the query again."""
    if count is None:
        count = len(store.query_article_ids(query))
    filters = describe_filters(store, query)
    if filters == "All articles":
        if count > 1:
            return f"All {count:,} articles"
        return f"All articles{SEPARATOR}{_plural(count, 'article')}"  # not "All 1 article"
    return f"{filters}{SEPARATOR}{_plural(count, 'article')}"
