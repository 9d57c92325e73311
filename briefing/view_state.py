"""What the main window currently shows, as one small Qt-free object.

The search box, the article list, the reader (and later the sidebar and charts) do not talk to
each other: each one writes what the person did into :class:`ViewState` and listens for the
kinds of change it cares about. A change is announced only when a value really changes, so a
view that writes back the value it was just told about does not start a loop, and the reader
does not re-render when only the sort order changed.

Kept free of Qt on purpose (the import-linter contract in pyproject.toml enforces it) so the
rules about what resets what are tested without a GUI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from briefing.domain import ArticleQuery, SortKey


class ViewChange(StrEnum):
    """The kinds of change a view can subscribe to."""

    SEARCH = "search"
    SORT = "sort"  # sort key or direction
    IMPORT_RUN = "import_run"  # the "only this import run" filter
    SELECTION = "selection"  # the article shown in the reader


# Changes that alter which articles are listed, or their order: the list re-queries on these.
QUERY_CHANGES: frozenset[ViewChange] = frozenset(
    {ViewChange.SEARCH, ViewChange.SORT, ViewChange.IMPORT_RUN}
)

Listener = Callable[[ViewChange], None]
Unsubscribe = Callable[[], None]


class ViewState:
    """Search text, sort, import-run filter and selected article, with change callbacks.

    Listeners are called synchronously, in subscription order, after the value has changed;
    they receive the :class:`ViewChange` so one callback can serve several kinds.
    """

    def __init__(
        self,
        *,
        search: str = "",
        sort: SortKey = SortKey.DATE,
        descending: bool = True,
        import_run_id: int | None = None,
        selected_article_id: int | None = None,
    ) -> None:
        self._search = search
        self._sort = SortKey(sort)
        self._descending = descending
        self._import_run_id = import_run_id
        self._selected_article_id = selected_article_id
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

    # -- derived -----------------------------------------------------------------------------

    def query(self) -> ArticleQuery:
        """The store query for the list as it should look now."""
        return ArticleQuery(
            search=self._search,
            sort=self._sort,
            descending=self._descending,
            import_run_id=self._import_run_id,
        )

    def reset(self) -> None:
        """Back to "everything, newest first, nothing selected" (e.g. another store opened)."""
        self.selected_article_id = None
        self.import_run_id = None
        self.search = ""
        self.set_sort(SortKey.DATE, True)

    def __repr__(self) -> str:
        return (
            f"ViewState(search={self._search!r}, sort={self._sort.value!r}, "
            f"descending={self._descending!r}, import_run_id={self._import_run_id!r}, "
            f"selected_article_id={self._selected_article_id!r})"
        )
