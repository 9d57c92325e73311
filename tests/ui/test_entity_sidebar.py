"""The entity sidebar driven as a person would: click to filter, AND/OR, NOT, chips, keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QToolButton, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from briefing.domain import EntityMode, EntityType
from briefing.store import Store
from briefing.ui.entity_model import EntityTreeModel, Mark, MarkRole
from briefing.ui.main_window import MainWindow
from tests.ui.conftest import EntityCorpus
from tests.ui.helpers import (
    click_entity,
    entity_row,
    listed_ids,
    menu_action,
    open_window,
    right_click_entity,
    sidebar_counts,
    wait_for_counts,
)


def entity_window(qtbot: QtBot, corpus: EntityCorpus) -> MainWindow:
    window = open_window(qtbot, corpus.store)
    wait_for_counts(qtbot, window)
    return window


def articles_mentioning(corpus: EntityCorpus, *names: str) -> set[int]:
    """The fixture's own answer: articles whose hand-made mentions include every name."""
    wanted = set(names)
    return {
        article_id
        for article_id, mentions in corpus.mentions.items()
        if wanted <= {m.canonical for m in mentions}
    }


def test_the_sidebar_lists_entities_by_type_with_counts(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = entity_window(qtbot, entity_corpus)
    dock = window.findChild(QDockWidget, "entitySidebar")
    tree = window.findChild(QTreeView, "entityTree")
    assert dock is not None and dock.isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert tree is not None and tree.isVisible()
    assert window.findChild(QLineEdit, "entityFilter") is not None
    assert window.findChild(QToolButton, "entityModeToggle") is not None

    counts = sidebar_counts(window)
    assert counts["NATO"] == 3
    assert counts["Russia"] == 3
    assert counts["Poland"] == 2
    assert counts["Topol-M"] == 1  # SS-27 is one of its names, in the same article
    assert counts["CFE Treaty"] == 1

    model: EntityTreeModel = window.sidebar.model
    groups = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert groups == ["People", "Organisations", "Places", "Weapon systems", "Treaties"]
    totals = model.group_totals()
    assert totals[EntityType.PERSON] == 4  # Ivanov, de Hoop Scheffer, Yushchenko, Scheffer
    assert model.index(0, 1).data() == "4"  # the group header shows its total
    places = [row.name for row in model.shown_entities() if row.type is EntityType.PLACE]
    assert places[0] == "Russia"  # by count, most first
    assert [counts[name] for name in places] == sorted(
        (counts[name] for name in places), reverse=True
    )
    for etype in EntityType:
        assert model.group_index(etype).isValid()
        assert tree.isExpanded(model.group_index(etype))


def test_click_filters_and_a_second_click_intersects_then_or_unites(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    nato, russia = corpus.entity_id("NATO"), corpus.entity_id("Russia")

    click_entity(qtbot, window, nato)
    assert window.state.entities == (nato,)
    assert listed_ids(window) == articles_mentioning(corpus, "NATO")
    wait_for_counts(qtbot, window)
    # Faceted counts: within the NATO articles now.
    counts = sidebar_counts(window)
    assert counts["NATO"] == 3
    assert counts["Russia"] == 2
    assert "Poland" not in counts
    assert entity_row(window, nato).data(MarkRole) is Mark.SELECTED

    click_entity(qtbot, window, russia)
    both = articles_mentioning(corpus, "NATO", "Russia")
    assert listed_ids(window) == both
    assert len(both) == 2

    toggle = window.findChild(QToolButton, "entityModeToggle")
    assert toggle.text() == "AND"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert window.state.entity_mode is EntityMode.ANY
    assert toggle.text() == "OR"
    either = articles_mentioning(corpus, "NATO") | articles_mentioning(corpus, "Russia")
    assert listed_ids(window) == either
    assert len(either) == 4

    # Clicking a selected entity again drops it from the filter.
    wait_for_counts(qtbot, window)
    click_entity(qtbot, window, russia)
    assert window.state.entities == (nato,)
    assert listed_ids(window) == articles_mentioning(corpus, "NATO")


def test_ctrl_click_selects_rows_without_filtering(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    scheffer, jaap = corpus.entity_id("Scheffer"), corpus.entity_id("Jaap de Hoop Scheffer")
    click_entity(qtbot, window, scheffer, Qt.KeyboardModifier.ControlModifier)
    click_entity(qtbot, window, jaap, Qt.KeyboardModifier.ControlModifier)
    assert window.state.entities == ()
    assert set(window.sidebar.selected_entity_ids()) == {scheffer, jaap}


def test_exclude_from_the_context_menu_hides_those_articles(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    russia = corpus.entity_id("Russia")
    menu = right_click_entity(qtbot, window, russia)
    exclude = menu_action(menu, "entityExclude")
    assert "Exclude" in exclude.text()
    exclude.trigger()
    menu.close()

    assert window.state.excluded_entities == (russia,)
    assert listed_ids(window) == set(corpus.ids.values()) - articles_mentioning(corpus, "Russia")
    wait_for_counts(qtbot, window)
    # An excluded entity stays listed (at 0, struck through) so it can be clicked back.
    assert sidebar_counts(window)["Russia"] == 0
    index = entity_row(window, russia)
    assert index.data(MarkRole) is Mark.EXCLUDED
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    chips = window.chips
    assert chips.texts() == ["not Russia"]

    click_entity(qtbot, window, russia)  # clicking an excluded entity stops excluding it
    assert window.state.excluded_entities == ()
    assert listed_ids(window) == set(corpus.ids.values())


def test_chips_show_the_filters_and_remove_them(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    chips = window.findChild(QWidget, "filterChips")
    assert chips is not None and not chips.isVisible()  # nothing filters the list yet
    nato, russia, poland = (corpus.entity_id(n) for n in ("NATO", "Russia", "Poland"))

    window.search_box.line_edit.setText("missile")
    window.search_box.line_edit.returnPressed.emit()
    click_entity(qtbot, window, nato)
    wait_for_counts(qtbot, window)
    click_entity(qtbot, window, russia)
    window.state.exclude_entity(poland)
    assert chips.isVisible()
    assert window.chips.texts() == ["Search: missile", "NATO", "Russia", "not Poland"]
    joiners = [w.text() for w in chips.findChildren(QWidget, "filterJoiner") if w.isVisible()]
    assert joiners == ["and"]
    filtered = listed_ids(window)

    # Clicking the Russia chip removes that filter: the list widens again.
    russia_chip = next(c for c in window.chips.chips if c.spec.entity_id == russia)
    assert russia_chip.accessibleName().startswith("Remove filter")
    qtbot.mouseClick(russia_chip, Qt.MouseButton.LeftButton)
    assert window.state.entities == (nato,)
    assert window.chips.texts() == ["Search: missile", "NATO", "not Poland"]
    assert listed_ids(window) >= filtered

    # The search chip clears the search box too.
    search_chip = next(c for c in window.chips.chips if c.spec.kind == "search")
    qtbot.mouseClick(search_chip, Qt.MouseButton.LeftButton)
    assert window.state.search == ""
    assert window.search_box.line_edit.text() == ""

    clear = window.findChild(QToolButton, "clearFilters")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert not window.state.has_filters
    assert listed_ids(window) == set(corpus.ids.values())
    assert window.chips.texts() == []
    assert not chips.isVisible()


def test_counts_follow_a_typed_search(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    window = entity_window(qtbot, entity_corpus)
    search = window.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(search, "Poland")
    qtbot.waitUntil(lambda: window.state.search == "Poland", timeout=3_000)
    wait_for_counts(qtbot, window)
    counts = sidebar_counts(window)
    assert counts == {"Poland": 2, "United States": 2, "Warsaw": 2, "Washington": 1}
    assert window.chips.texts() == ["Search: Poland"]

    search.clear()
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window)["NATO"] == 3


def test_the_name_filter_narrows_the_tree_as_you_type(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = entity_window(qtbot, entity_corpus)
    box = window.findChild(QLineEdit, "entityFilter")
    qtbot.keyClicks(box, "sch")
    assert sorted(sidebar_counts(window)) == ["Jaap de Hoop Scheffer", "Scheffer"]
    model = window.sidebar.model
    assert model.group_totals() == {EntityType.PERSON: 2}
    box.clear()
    assert len(sidebar_counts(window)) == 15
    qtbot.keyClicks(box, "zzz")
    assert model.is_empty()
    window.sidebar.tree.grab()  # paints "No entity matches" without errors


def test_keyboard_enter_filters_and_delete_removes(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tree = window.sidebar.tree
    tree.setFocus()
    russia = corpus.entity_id("Russia")
    # Arrows move: from the Places header down to its first entity, Russia.
    tree.setCurrentIndex(window.sidebar.model.group_index(EntityType.PLACE))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.sidebar.current_entity_id() == russia
    assert window.state.entities == ()

    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.state.entities == (russia,)
    assert listed_ids(window) == articles_mentioning(corpus, "Russia")
    wait_for_counts(qtbot, window)
    assert window.sidebar.current_entity_id() == russia  # kept across the refresh

    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert window.state.entities == ()
    assert listed_ids(window) == set(corpus.ids.values())

    # Delete with the chips focused removes the last chip.
    window.state.select_entity(russia)
    window.state.exclude_entity(corpus.entity_id("NATO"))
    chips = window.chips
    chips.chips[0].setFocus()
    qtbot.keyClick(chips.chips[0], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is chips.chips[1]
    qtbot.keyClick(chips.chips[1], Qt.Key.Key_Delete)
    assert window.state.excluded_entities == ()
    assert window.state.entities == (russia,)
    chips.setFocus()
    qtbot.keyClick(chips, Qt.Key.Key_Backspace)
    assert not window.state.has_filters


def test_a_group_header_click_folds_it_and_the_fold_survives_a_refresh(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = entity_window(qtbot, entity_corpus)
    tree = window.sidebar.tree
    places = window.sidebar.model.group_index(EntityType.PLACE)
    rect = tree.visualRect(places)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not tree.isExpanded(places)
    window.state.select_entity(entity_corpus.entity_id("NATO"))
    wait_for_counts(qtbot, window)
    assert not tree.isExpanded(window.sidebar.model.group_index(EntityType.PLACE))
    assert tree.isExpanded(window.sidebar.model.group_index(EntityType.ORG))


def test_many_entities_show_the_top_of_each_group_then_more(qtbot: QtBot) -> None:
    from briefing.domain import EntityCount

    model = EntityTreeModel()
    rows = [EntityCount(i, f"Place {i}", EntityType.PLACE, 1000 - i) for i in range(1, 1201)]
    selected = EntityCount(5000, "Rare place", EntityType.PLACE, 0)
    model.set_counts(rows, selected=[5000], extra=[selected])
    group = model.group_index(EntityType.PLACE)
    assert model.rowCount(group) == EntityTreeModel.CAP + 2  # the cap, the selected, "more…"
    more = model.index(model.rowCount(group) - 1, 0, group)
    assert more.data() == f"{1200 - EntityTreeModel.CAP:,} more…"
    assert model.index_of_entity(5000).isValid()  # a filtered-on entity is always listed
    model.show_more(EntityType.PLACE)
    group = model.group_index(EntityType.PLACE)
    assert model.index(model.rowCount(group) - 1, 0, group).data() == "200 more…"
    model.set_filter("place 11")  # the filter searches past the cap
    assert {row.name for row in model.shown_entities()} >= {"Place 11", "Place 1100"}


def test_the_sidebar_shows_extracted_entities_after_an_import(
    qtbot: QtBot, empty_store: Store, three_articles_file: Path
) -> None:
    from briefing.domain import ArticleQuery

    window = open_window(qtbot, empty_store)
    assert window.sidebar.isHidden()  # an empty store shows its offer, not an empty sidebar
    with qtbot.waitSignal(window.importFinished, timeout=15_000):
        window.import_files([three_articles_file])
    window.summary_dialog.reject()
    assert window.sidebar.isVisible()
    wait_for_counts(qtbot, window)
    # Whatever extraction found at import (its quality is tested elsewhere) is listed.
    stored = {row.name: row.articles for row in empty_store.entity_counts(ArticleQuery())}
    assert stored, "the import extracted no entity from the fixture"
    assert sidebar_counts(window) == stored
    first = window.sidebar.model.shown_entities()[0]
    click_entity(qtbot, window, first.id)
    assert window.model.rowCount() == first.articles
