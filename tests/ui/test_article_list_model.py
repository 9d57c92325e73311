"""The article list model on a 10k-article store: lazy pages, sorting in the store, dates."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from briefing.domain import ArticleRow, DateSource, ParsedArticle, SortKey
from briefing.store import Store
from briefing.ui.article_list_model import (
    DATE_COLUMN,
    SOURCE_COLUMN,
    TITLE_COLUMN,
    UNKNOWN_DATE,
    ArticleListModel,
)
from briefing.ui.article_list_view import ArticleListView
from briefing.view_state import ViewState

ARTICLES = 10_000
FIRST_TITLE = "Aardvark sighting delays NATO exercise"
LAST_TITLE = "Zulu time confusion at the summit"


def _article(n: int, title: str) -> ParsedArticle:
    undated = n % 7 == 0
    inferred = n % 7 == 1
    return ParsedArticle(
        title=title,
        body=f"Body {n}: the Topol-M missile, NATO talks and report number {n}.",
        published=None if undated else dt.date(2000, 1, 1) + dt.timedelta(days=n),
        date_source=(
            DateSource.UNKNOWN
            if undated
            else DateSource.INFERRED
            if inferred
            else DateSource.METADATA
        ),
        origin_file=f"/wire/file{n // 100}.txt",
        origin_position=n % 100,
        truncated=n % 11 == 0,
    )


@pytest.fixture(scope="module")
def big_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 10k-article store, built once for this module (read-only in the tests)."""
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    numbers = list(range(ARTICLES - 2))
    random.Random(7).shuffle(numbers)
    articles = [
        _article(n, f"Report {number:05d} on arms control") for n, number in enumerate(numbers)
    ]
    articles.append(_article(ARTICLES - 2, LAST_TITLE))
    articles.append(_article(ARTICLES - 1, FIRST_TITLE))
    with Store.open(path) as store:
        run = store.begin_import_run(source="Wire", files=[], options={})
        store.add_articles(run, [("Wire", article) for article in articles])
        store.finish_import_run(run, failures=[], cancelled=False)
    return path


class CountingStore:
    """The store, with a count of the rows the list asks for (a spy, not a fake)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.row_requests: list[int] = []

    def article_rows(self, ids: Sequence[int]) -> list[ArticleRow]:
        self.row_requests.append(len(ids))
        return self._store.article_rows(ids)

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


@pytest.fixture
def counting_store(big_store_path: Path) -> Iterator[CountingStore]:
    with Store.open(big_store_path) as store:
        yield CountingStore(store)


def show_list(qtbot: QtBot, store: CountingStore, state: ViewState) -> ArticleListView:
    model = ArticleListModel(store, state)  # type: ignore[arg-type]
    view = ArticleListView(model, state)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def click_header(qtbot: QtBot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_big_store_opens_with_a_page_or_two_fetched(
    qtbot: QtBot, counting_store: CountingStore
) -> None:
    view = show_list(qtbot, counting_store, ViewState())
    model = view.model()
    assert model.rowCount() == ARTICLES
    # Rows are fetched when painted; wait for the first paint, then let it settle.
    qtbot.waitUntil(lambda: counting_store.row_requests != [])
    qtbot.wait(50)
    assert 1 <= len(counting_store.row_requests) <= 2
    assert sum(counting_store.row_requests) <= 2 * ArticleListModel.PAGE_SIZE

    # Scrolling to the end fetches the last page only, not everything in between.
    before = len(counting_store.row_requests)
    view.scrollToBottom()
    qtbot.wait(10)
    assert model.index(ARTICLES - 1, TITLE_COLUMN).data()
    assert 1 <= len(counting_store.row_requests) - before <= 2


def test_sorting_by_title_header_happens_in_the_store(
    qtbot: QtBot, counting_store: CountingStore
) -> None:
    state = ViewState()
    view = show_list(qtbot, counting_store, state)
    model = view.model()

    click_header(qtbot, view, TITLE_COLUMN)
    assert (state.sort, state.descending) == (SortKey.TITLE, False)
    assert view.horizontalHeader().sortIndicatorSection() == TITLE_COLUMN
    assert model.index(0, TITLE_COLUMN).data() == FIRST_TITLE
    assert model.rowCount() == ARTICLES

    click_header(qtbot, view, TITLE_COLUMN)
    assert state.descending
    assert model.index(0, TITLE_COLUMN).data() == LAST_TITLE

    click_header(qtbot, view, SOURCE_COLUMN)
    assert state.sort == SortKey.SOURCE


def test_sorting_from_the_state_moves_the_header_indicator(
    qtbot: QtBot, counting_store: CountingStore
) -> None:
    state = ViewState()
    view = show_list(qtbot, counting_store, state)
    state.set_sort(SortKey.TITLE, False)
    header = view.horizontalHeader()
    assert header.sortIndicatorSection() == TITLE_COLUMN
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert view.model().index(0, TITLE_COLUMN).data() == FIRST_TITLE


def test_unknown_dates_render_as_unknown_and_sort_last(
    qtbot: QtBot, counting_store: CountingStore
) -> None:
    view = show_list(qtbot, counting_store, ViewState())
    model = view.model()
    today = dt.date.today().isoformat()
    last = model.index(ARTICLES - 1, DATE_COLUMN)
    assert last.data() == UNKNOWN_DATE
    assert "unknown" in last.data(Qt.ItemDataRole.ToolTipRole).lower()
    first = model.index(0, DATE_COLUMN)
    assert first.data() not in (UNKNOWN_DATE, today)
    dates = [model.index(row, DATE_COLUMN).data() for row in range(ARTICLES - 50, ARTICLES)]
    assert today not in dates


def test_inferred_dates_are_italic_and_truncated_titles_are_marked(
    qtbot: QtBot, counting_store: CountingStore
) -> None:
    view = show_list(qtbot, counting_store, ViewState())
    model = view.model()
    seen_inferred = seen_truncated = False
    for row in range(ArticleListModel.PAGE_SIZE):
        data = model.row_data(row)
        assert data is not None
        date_font = model.index(row, DATE_COLUMN).data(Qt.ItemDataRole.FontRole)
        if data.date_source == DateSource.INFERRED:
            seen_inferred = True
            assert date_font is not None and date_font.italic()
        else:
            assert date_font is None
        title = model.index(row, TITLE_COLUMN)
        if data.truncated:
            seen_truncated = True
            assert "truncated" in title.data(Qt.ItemDataRole.ToolTipRole).lower()
            assert title.data(Qt.ItemDataRole.DecorationRole) is not None
        else:
            assert title.data(Qt.ItemDataRole.DecorationRole) is None
    assert seen_inferred and seen_truncated


def test_search_filters_in_the_store_and_a_bad_one_keeps_rows(
    qtbot: QtBot, counting_store: CountingStore
) -> None:
    state = ViewState()
    view = show_list(qtbot, counting_store, state)
    model: ArticleListModel = view.model()
    failures: list[str] = []
    model.queryFailed.connect(failures.append)

    state.search = "aardvark"
    assert model.rowCount() == 1
    assert model.index(0, TITLE_COLUMN).data() == FIRST_TITLE

    state.search = 'NATO AND "unclosed'
    assert model.rowCount() == 1
    assert failures and "quote" in failures[-1]

    state.search = ""
    assert model.rowCount() == ARTICLES


def test_selection_survives_a_resort_and_follows_the_state(
    qtbot: QtBot, counting_store: CountingStore
) -> None:
    state = ViewState()
    view = show_list(qtbot, counting_store, state)
    model: ArticleListModel = view.model()
    view.select_row(3)
    chosen = state.selected_article_id
    assert chosen == model.article_id(3)

    state.set_sort(SortKey.TITLE, False)
    assert state.selected_article_id == chosen
    assert model.article_id(view.currentIndex().row()) == chosen

    # Filtering the article out lets the selection go; nothing stale stays selected.
    state.search = "aardvark"
    if chosen != model.article_id(0):
        assert state.selected_article_id is None
        assert not view.currentIndex().isValid()
