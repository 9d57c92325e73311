"""What the main window currently shows, as one small Qt-free object.

The search box, the article list, the reader, the entity sidebar, the filter chips and the
charts (timeline, range chart) do not talk to each other: each one writes what the person did
into :class:`ViewState` and listens for the kinds of change it cares about. A change is announced
only when a value really changes, so a view that writes back the value it was just told about
does not start a loop, and the reader does not re-render when only the sort order changed.

Kept free of Qt on purpose (the import-linter contract in pyproject.toml enforces it) so the
rules about what resets what are tested without a GUI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from briefing.domain import ArticleQuery, EntityMode, SortKey


class ViewChange(StrEnum):
    """The kinds of change a view can subscribe to."""

    SEARCH = "search"
    SORT = "sort"  # sort key or direction
    IMPORT_RUN = "import_run"  # the "only this import run" filter
    SELECTION = "selection"  # the article shown in the reader
    ENTITIES = "entities"  # the selected or excluded entities (the sidebar's filters)
    ENTITY_MODE = "entity_mode"  # whether several selected entities combine by AND or OR
    DATES = "dates"  # the timeline's date range
    RANGES = "ranges"  # the range chart's selection (the articles stating one figure)


# Changes that alter which articles are listed (not their order): the sidebar's counts, the
# filter chips and the charts follow these.
FILTER_CHANGES: frozenset[ViewChange] = frozenset(
    {
        ViewChange.SEARCH,
        ViewChange.IMPORT_RUN,
        ViewChange.ENTITIES,
        ViewChange.ENTITY_MODE,
        ViewChange.DATES,
        ViewChange.RANGES,
    }
)
# Changes that alter which articles are listed, or their order: the list re-queries on these.
QUERY_CHANGES: frozenset[ViewChange] = FILTER_CHANGES | {ViewChange.SORT}

Listener = Callable[[ViewChange], None]
Unsubscribe = Callable[[], None]


@dataclass(frozen=True, slots=True)
class RangeSelection:
    """What the range chart selected: the range facts of one figure, and how to name it.

    ``label`` is what the filter chip says ("Topol-M 10,000 km"); the facts decide which
    articles are listed (those stating that figure).
    """

    fact_ids: tuple[int, ...]
    label: str


class ViewState:
    """Search, sort, import-run, entity, date and range filters and the selected article, with
    callbacks.

    Listeners are called synchronously, in subscription order, after the value has changed;
    they receive the :class:`ViewChange` so one callback can serve several kinds. When one
    call changes several values (:meth:`clear_filters`), every value is set before the first
    listener runs, so a listener that re-queries on each kind sees the final query each time
    and can skip the repeats by comparing with what it last applied.
    """

    def __init__(
        self,
        *,
        search: str = "",
        sort: SortKey = SortKey.DATE,
        descending: bool = True,
        import_run_id: int | None = None,
        selected_article_id: int | None = None,
        entities: Iterable[int] = (),
        entity_mode: EntityMode = EntityMode.ALL,
        excluded_entities: Iterable[int] = (),
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        range_selection: RangeSelection | None = None,
    ) -> None:
        self._search = search
        self._sort = SortKey(sort)
        self._descending = descending
        self._import_run_id = import_run_id
        self._selected_article_id = selected_article_id
        self._entity_mode = EntityMode(entity_mode)
        self._entities: tuple[int, ...] = ()
        self._excluded: tuple[int, ...] = ()
        self._entities, self._excluded = _normalised(entities, excluded_entities)
        self._date_from, self._date_to = _ordered(date_from, date_to)
        self._range_selection = _normalised_range(range_selection)
        self._listeners: dict[ViewChange, list[Listener]] = {kind: [] for kind in ViewChange}

    # -- observing ---------------------------------------------------------------------------

    def subscribe(self, listener: Listener, changes: Iterable[ViewChange]) -> Unsubscribe:
        """Call ``listener`` on each of ``changes``; returns a function that undoes this."""
        kinds = tuple(dict.fromkeys(ViewChange(change) for change in changes))
        for kind in kinds:
            self._listeners[kind].append(listener)

        def unsubscribe() -> None:
            for kind in kinds:
                if listener in self._listeners[kind]:
                    self._listeners[kind].remove(listener)

        return unsubscribe

    def _notify(self, change: ViewChange) -> None:
        # Copy: a listener may unsubscribe (or subscribe another) while we iterate.
        for listener in list(self._listeners[change]):
            listener(change)

    def _notify_all(self, changes: Iterable[ViewChange]) -> None:
        for change in ViewChange:  # a fixed order, whatever order the values were set in
            if change in changes:
                self._notify(change)

    # -- the values --------------------------------------------------------------------------

    @property
    def search(self) -> str:
        """The search as typed (FTS syntax); "" lists everything."""
        return self._search

    @search.setter
    def search(self, value: str) -> None:
        # Surrounding blanks do not change what is found; ignoring them saves a re-query when
        # someone types a trailing space.
        value = value.strip()
        if value != self._search:
            self._search = value
            self._notify(ViewChange.SEARCH)

    @property
    def sort(self) -> SortKey:
        return self._sort

    @sort.setter
    def sort(self, value: SortKey) -> None:
        self.set_sort(value, self._descending)

    @property
    def descending(self) -> bool:
        return self._descending

    @descending.setter
    def descending(self, value: bool) -> None:
        self.set_sort(self._sort, value)

    def set_sort(self, key: SortKey, descending: bool) -> None:
        """Change key and direction together, announced as one SORT change (one re-query)."""
        key = SortKey(key)
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self._notify(ViewChange.SORT)

    @property
    def import_run_id(self) -> int | None:
        """Show only the articles of this import run; None shows all."""
        return self._import_run_id

    @import_run_id.setter
    def import_run_id(self, value: int | None) -> None:
        if value != self._import_run_id:
            self._import_run_id = value
            self._notify(ViewChange.IMPORT_RUN)

    @property
    def selected_article_id(self) -> int | None:
        return self._selected_article_id

    @selected_article_id.setter
    def selected_article_id(self, value: int | None) -> None:
        if value != self._selected_article_id:
            self._selected_article_id = value
            self._notify(ViewChange.SELECTION)

    # -- entity filters (the sidebar and the chips) ------------------------------------------

    @property
    def entities(self) -> tuple[int, ...]:
        """Entities the listed articles must mention (all or any of them, per entity_mode)."""
        return self._entities

    @property
    def excluded_entities(self) -> tuple[int, ...]:
        """Entities the listed articles must not mention (NOT)."""
        return self._excluded

    @property
    def entity_mode(self) -> EntityMode:
        return self._entity_mode

    @entity_mode.setter
    def entity_mode(self, value: EntityMode) -> None:
        value = EntityMode(value)
        if value != self._entity_mode:
            self._entity_mode = value
            self._notify(ViewChange.ENTITY_MODE)

    def entity_filter(self, entity_id: int) -> str | None:
        """How ``entity_id`` takes part in the filter: "selected", "excluded" or None."""
        if entity_id in self._entities:
            return "selected"
        if entity_id in self._excluded:
            return "excluded"
        return None

    def set_entity_filter(self, entities: Iterable[int], excluded: Iterable[int] = ()) -> None:
        """Replace both lists at once (one ENTITIES change, if anything changed).

        An id in both lists counts as selected; order is kept (it is the chips' order) and
        repeats are dropped.
        """
        new = _normalised(entities, excluded)
        if new != (self._entities, self._excluded):
            self._entities, self._excluded = new
            self._notify(ViewChange.ENTITIES)

    def select_entity(self, entity_id: int) -> None:
        """Add ``entity_id`` to the selected entities (it stops being excluded)."""
        if entity_id in self._entities:
            return
        excluded = [e for e in self._excluded if e != entity_id]
        self.set_entity_filter([*self._entities, entity_id], excluded)

    def exclude_entity(self, entity_id: int) -> None:
        """Leave out the articles mentioning ``entity_id`` (it stops being selected)."""
        if entity_id in self._excluded:
            return
        selected = [e for e in self._entities if e != entity_id]
        self.set_entity_filter(selected, [*self._excluded, entity_id])

    def remove_entity(self, entity_id: int) -> None:
        """Drop ``entity_id`` from the filter, whether selected or excluded."""
        self.set_entity_filter(
            [e for e in self._entities if e != entity_id],
            [e for e in self._excluded if e != entity_id],
        )

    def toggle_entity(self, entity_id: int) -> None:
        """A click in the sidebar: filter by an entity, or drop it if it is in the filter."""
        if self.entity_filter(entity_id) is None:
            self.select_entity(entity_id)
        else:
            self.remove_entity(entity_id)

    def show_only_entity(self, entity_id: int) -> None:
        """Filter by this entity alone (the other entity filters go)."""
        self.set_entity_filter([entity_id], [])

    def replace_entity(self, old_id: int, new_id: int) -> None:
        """``old_id`` became ``new_id`` (merged into it): the filter follows."""
        self.set_entity_filter(
            [new_id if e == old_id else e for e in self._entities],
            [new_id if e == old_id else e for e in self._excluded],
        )

    def clear_entity_filters(self) -> None:
        self.set_entity_filter([], [])

    # -- the timeline's date range -----------------------------------------------------------

    @property
    def date_from(self) -> dt.date | None:
        """First day of the timeline's selection (inclusive); None: open at the start."""
        return self._date_from

    @property
    def date_to(self) -> dt.date | None:
        """Last day of the timeline's selection (inclusive); None: open at the end."""
        return self._date_to

    @property
    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        return self._date_from, self._date_to

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        """Filter to articles published, or mentioning a date, within [from, to] (one DATES
        change if it changed). The two ends may come in either order; None leaves one open."""
        new = _ordered(date_from, date_to)
        if new != (self._date_from, self._date_to):
            self._date_from, self._date_to = new
            self._notify(ViewChange.DATES)

    def clear_date_range(self) -> None:
        self.set_date_range(None, None)

    # -- the range chart's selection ---------------------------------------------------------

    @property
    def range_selection(self) -> RangeSelection | None:
        return self._range_selection

    def set_range_selection(self, selection: RangeSelection | None) -> None:
        """Filter to the articles stating one figure (None: no range filter)."""
        selection = _normalised_range(selection)
        if selection != self._range_selection:
            self._range_selection = selection
            self._notify(ViewChange.RANGES)

    def clear_range_selection(self) -> None:
        self.set_range_selection(None)

    def clear_filters(self) -> None:
        """What "Clear all" does: no search, entity, import-run, date or range filter (the
        sort is kept)."""
        changes: set[ViewChange] = set()
        if self._search:
            self._search = ""
            changes.add(ViewChange.SEARCH)
        if self._entities or self._excluded:
            self._entities, self._excluded = (), ()
            changes.add(ViewChange.ENTITIES)
        if self._import_run_id is not None:
            self._import_run_id = None
            changes.add(ViewChange.IMPORT_RUN)
        if self._date_from is not None or self._date_to is not None:
            self._date_from = self._date_to = None
            changes.add(ViewChange.DATES)
        if self._range_selection is not None:
            self._range_selection = None
            changes.add(ViewChange.RANGES)
        self._notify_all(changes)

    @property
    def has_filters(self) -> bool:
        """Whether anything narrows the list (what "Clear all" would clear)."""
        return bool(
            self._search
            or self._entities
            or self._excluded
            or self._import_run_id is not None
            or self._date_from is not None
            or self._date_to is not None
            or self._range_selection is not None
        )

    # -- derived -----------------------------------------------------------------------------

    def query(self) -> ArticleQuery:
        """The store query for the list as it should look now.

        With fewer than two selected entities AND and OR select the same articles, so the
        mode is left at its default: toggling it then changes nothing a view has to redo.
        """
        mode = self._entity_mode if len(self._entities) > 1 else EntityMode.ALL
        return ArticleQuery(
            search=self._search,
            sort=self._sort,
            descending=self._descending,
            import_run_id=self._import_run_id,
            entities=self._entities,
            entity_mode=mode,
            excluded_entities=self._excluded,
            date_from=self._date_from,
            date_to=self._date_to,
            range_facts=self._range_selection.fact_ids if self._range_selection else (),
        )

    def filter_query(self, ignore: Iterable[ViewChange] = ()) -> ArticleQuery:
        """:meth:`query` without the order: which articles are in view (the sidebar counts).

        ``ignore`` leaves filters out: a chart shows the view without its own selection
        (``ignore=[ViewChange.DATES]`` for the timeline), or its selection would hide
        everything outside it. SEARCH, IMPORT_RUN, ENTITIES, DATES and RANGES can be ignored.
        """
        query = self.query()
        ignored = frozenset(ViewChange(kind) for kind in ignore)
        keep_entities = ViewChange.ENTITIES not in ignored
        keep_dates = ViewChange.DATES not in ignored
        return ArticleQuery(
            search=query.search if ViewChange.SEARCH not in ignored else "",
            import_run_id=query.import_run_id if ViewChange.IMPORT_RUN not in ignored else None,
            entities=query.entities if keep_entities else (),
            entity_mode=query.entity_mode if keep_entities else EntityMode.ALL,
            excluded_entities=query.excluded_entities if keep_entities else (),
            date_from=query.date_from if keep_dates else None,
            date_to=query.date_to if keep_dates else None,
            range_facts=query.range_facts if ViewChange.RANGES not in ignored else (),
        )

    def reset(self) -> None:
        """Back to "everything, newest first, nothing selected" (e.g. another store opened)."""
        self.selected_article_id = None
        self.import_run_id = None
        self.search = ""
        self.clear_entity_filters()
        self.clear_date_range()
        self.clear_range_selection()
        self.entity_mode = EntityMode.ALL
        self.set_sort(SortKey.DATE, True)

    def __repr__(self) -> str:
        return (
            f"ViewState(search={self._search!r}, sort={self._sort.value!r}, "
            f"descending={self._descending!r}, import_run_id={self._import_run_id!r}, "
            f"selected_article_id={self._selected_article_id!r}, "
            f"entities={self._entities!r}, entity_mode={self._entity_mode.value!r}, "
            f"excluded_entities={self._excluded!r}, date_from={self._date_from!r}, "
            f"date_to={self._date_to!r}, range_selection={self._range_selection!r})"
        )


def _normalised(
    entities: Iterable[int], excluded: Iterable[int]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    selected = tuple(dict.fromkeys(int(e) for e in entities))
    chosen = set(selected)
    return selected, tuple(dict.fromkeys(int(e) for e in excluded if int(e) not in chosen))


def _ordered(
    first: dt.date | None, second: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    if first is not None and second is not None and second < first:
        return second, first
    return first, second


def _normalised_range(selection: RangeSelection | None) -> RangeSelection | None:
    if selection is None or not selection.fact_ids:
        return None  # selecting no facts would list nothing: it means "no range filter"
    facts = tuple(sorted({int(fact) for fact in selection.fact_ids}))
    return RangeSelection(facts, selection.label)
