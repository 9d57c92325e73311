"""Correcting entities from the sidebar and the reader, with undo: as an analyst would."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QListView, QPushButton
from pytestqt.qtbot import QtBot

from briefing.domain import EntityType
from briefing.ui.entity_dialogs import HiddenEntitiesDialog, MergeDialog, UserGazetteerDialog
from briefing.ui.main_window import MainWindow
from tests.ui.conftest import EntityCorpus
from tests.ui.helpers import (
    click_entity,
    listed_ids,
    menu_action,
    open_window,
    right_click,
    right_click_entity,
    sidebar_counts,
    wait_for_counts,
)


def entity_window(qtbot: QtBot, corpus: EntityCorpus) -> MainWindow:
    window = open_window(qtbot, corpus.store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wait_for_counts(qtbot, window)
    return window


def focus_tree(qtbot: QtBot, window: MainWindow) -> None:
    # Shortcuts need the window active again after a menu or dialog had the focus.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sidebar.tree.setFocus()


def press_undo(qtbot: QtBot, window: MainWindow) -> None:
    focus_tree(qtbot, window)
    qtbot.keyClick(window.sidebar.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_counts(qtbot, window)


def press_redo(qtbot: QtBot, window: MainWindow) -> None:
    focus_tree(qtbot, window)
    qtbot.keyClick(
        window.sidebar.tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait_for_counts(qtbot, window)


def test_merge_through_the_dialog_then_undo_and_redo(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    scheffer, jaap = corpus.entity_id("Scheffer"), corpus.entity_id("Jaap de Hoop Scheffer")
    assert sidebar_counts(window)["Jaap de Hoop Scheffer"] == 1
    window.state.select_entity(scheffer)  # the filter follows a merge
    wait_for_counts(qtbot, window)

    menu = right_click_entity(qtbot, window, scheffer)
    menu_action(menu, "entityMergeInto").trigger()
    menu.close()
    dialog = window.findChild(QDialog, "mergeDialog")
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    # The full name shares a word with "Scheffer": it is suggested first.
    assert dialog.chosen() is not None and dialog.chosen().id == jaap
    qtbot.keyClicks(dialog.findChild(QLineEdit, "mergeFilter"), "hoop")
    targets = dialog.findChild(QListView, "mergeTargets")
    assert targets.model().rowCount() == 1
    qtbot.mouseClick(dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    wait_for_counts(qtbot, window)
    counts = sidebar_counts(window)
    assert "Scheffer" not in counts
    assert counts["Jaap de Hoop Scheffer"] == 2  # articles mentioning either
    assert window.state.entities == (jaap,)
    assert listed_ids(window) == {
        corpus.ids["NATO chief visits Kyiv"],
        corpus.ids["Scheffer warns Russia over missile plans"],
    }
    assert corpus.store.get_entity(jaap).aliases == ("Jaap de Hoop Scheffer", "Scheffer")
    assert window.undo_action.text() == "&Undo Merge “Scheffer” into “Jaap de Hoop Scheffer”"
    assert window.undo_action.isEnabled()

    press_undo(qtbot, window)
    assert sidebar_counts(window)["Jaap de Hoop Scheffer"] == 1
    assert window.redo_action.text().startswith("&Redo Merge")
    window.state.clear_filters()
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window)["Scheffer"] == 1

    press_redo(qtbot, window)
    assert "Scheffer" not in sidebar_counts(window)


def test_merge_selected_rows_into_the_one_right_clicked(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    washington, warsaw = corpus.entity_id("Washington"), corpus.entity_id("Warsaw")
    click_entity(qtbot, window, washington, Qt.KeyboardModifier.ControlModifier)
    click_entity(qtbot, window, warsaw, Qt.KeyboardModifier.ControlModifier)
    menu = right_click_entity(qtbot, window, warsaw)
    action = menu_action(menu, "entityMergeSelectedHere")
    assert action.text() == "Merge 1 Selected Into “Warsaw”"
    action.trigger()
    menu.close()
    wait_for_counts(qtbot, window)
    counts = sidebar_counts(window)
    assert "Washington" not in counts
    assert counts["Warsaw"] == 2


def test_rename_in_place_survives_re_extraction(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    nato = corpus.entity_id("NATO")
    window.state.select_entity(nato)
    wait_for_counts(qtbot, window)
    menu = right_click_entity(qtbot, window, nato)
    menu_action(menu, "entityRename").trigger()
    menu.close()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "NATO"
    editor.selectAll()
    qtbot.keyClicks(editor, "North Atlantic Treaty Organization")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)  # the editor commits queued
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window)["North Atlantic Treaty Organization"] == 3
    assert "NATO" not in sidebar_counts(window)
    assert window.chips.texts() == ["North Atlantic Treaty Organization"]
    assert "Rename “NATO” to “North Atlantic Treaty Organization”" in window.undo_action.text()

    # Re-extraction finds the same mentions again: the name the analyst gave stays.
    corpus.store.replace_mentions(list(corpus.mentions.items()), 2)
    window.sidebar.refresh()
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window)["North Atlantic Treaty Organization"] == 3
    assert corpus.store.get_entity(nato).name == "North Atlantic Treaty Organization"

    press_undo(qtbot, window)
    assert sidebar_counts(window)["NATO"] == 3
    assert window.chips.texts() == ["NATO"]


def test_split_a_name_off_then_undo(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    topol = corpus.entity_id("Topol-M")
    menu = right_click_entity(qtbot, window, topol)
    split_menu = menu_action(menu, "entitySplitAlias").parent()
    aliases = [a.data() for a in split_menu.actions()]
    assert aliases == ["SS-27", "Topol-M"]
    assert split_menu.isEnabled()
    next(a for a in split_menu.actions() if a.data() == "SS-27").trigger()
    menu.close()
    wait_for_counts(qtbot, window)
    counts = sidebar_counts(window)
    assert counts["SS-27"] == 1
    assert counts["Topol-M"] == 1
    ss27 = next(r for r in window.sidebar.model.shown_entities() if r.name == "SS-27")
    assert ss27.type is EntityType.WEAPON
    assert window.undo_action.text() == "&Undo Split “SS-27” off “Topol-M”"

    press_undo(qtbot, window)
    assert "SS-27" not in sidebar_counts(window)
    assert corpus.store.get_entity(topol).aliases == ("SS-27", "Topol-M")


def test_an_entity_with_one_name_cannot_be_split(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    window = entity_window(qtbot, entity_corpus)
    menu = right_click_entity(qtbot, window, entity_corpus.entity_id("Kyiv"))
    split_menu = next(a.menu() for a in menu.actions() if a.text() == "Split Off a Name")
    assert not split_menu.isEnabled()
    menu.close()


def test_change_type_moves_it_to_another_group(qtbot: QtBot, entity_corpus: EntityCorpus) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    cfe = corpus.entity_id("CFE Treaty")
    menu = right_click_entity(qtbot, window, cfe)
    assert menu_action(menu, "entityTypeTreaty").isChecked()
    menu_action(menu, "entityTypeOrg").trigger()
    menu.close()
    wait_for_counts(qtbot, window)
    model = window.sidebar.model
    assert model.entity(model.index_of_entity(cfe)).type is EntityType.ORG
    assert EntityType.TREATY not in model.group_totals()
    assert window.undo_action.text() == "&Undo Change “CFE Treaty” to Organisation"
    press_undo(qtbot, window)
    assert model.entity(model.index_of_entity(cfe)).type is EntityType.TREATY


def test_hide_removes_it_everywhere_and_the_dialog_unhides(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    nato = corpus.entity_id("NATO")
    article = corpus.ids["Scheffer warns Russia over missile plans"]
    window.state.selected_article_id = article
    assert nato in {m.entity_id for m in window.reader.mentions}
    window.state.select_entity(nato)
    wait_for_counts(qtbot, window)

    menu = right_click_entity(qtbot, window, nato)
    menu_action(menu, "entityHide").trigger()
    menu.close()
    wait_for_counts(qtbot, window)
    assert "NATO" not in sidebar_counts(window)
    assert nato not in {m.entity_id for m in window.reader.mentions}
    assert f"entity:{nato}" not in window.reader.mention_html()
    assert window.state.entities == ()  # a hidden entity does not stay in the filter
    assert window.chips.texts() == []

    window.hidden_action.trigger()
    dialog = window.findChild(QDialog, "hiddenEntitiesDialog")
    assert isinstance(dialog, HiddenEntitiesDialog) and dialog.isVisible()
    assert dialog.names() == ["NATO   (Organisation, 3 articles)"]
    dialog.list_widget.setCurrentRow(0)
    qtbot.mouseClick(dialog.findChild(QPushButton, "unhideButton"), Qt.MouseButton.LeftButton)
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window)["NATO"] == 3
    assert nato in {m.entity_id for m in window.reader.mentions}
    assert dialog.names() == []
    assert dialog.findChild(QPushButton, "unhideButton").isEnabled() is False
    assert window.undo_action.text() == "&Undo Unhide “NATO”"
    dialog.reject()

    press_undo(qtbot, window)  # hidden again
    assert "NATO" not in sidebar_counts(window)


def test_add_a_missed_name_from_the_reader_re_extracts_and_undoes(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    article = corpus.ids["Poland signs missile defence deal"]
    window.state.selected_article_id = article
    reader = window.reader
    assert reader.select_text("Project Zephyr")
    rect = reader.cursorRect(reader.textCursor())
    right_click(qtbot, reader.viewport(), rect.center())
    menu = reader.context_menu
    assert menu is not None and menu.isVisible()
    add = menu_action(menu, "readerAddAsWeapon")
    assert add.parent().title() == "Add “Project Zephyr” as"
    with qtbot.waitSignal(window.reextractFinished, timeout=15_000) as finished:
        add.trigger()
        menu.close()
    assert finished.args == [1]
    assert (EntityType.WEAPON, "Project Zephyr") in corpus.store.user_names()
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window).get("Project Zephyr") == 1
    assert any(m.name == "Project Zephyr" for m in reader.mentions)
    assert window.undo_action.text() == "&Undo Add “Project Zephyr” as Weapon system"

    # The gazetteer dialog shows where names live and the one just added.
    window.gazetteer_action.trigger()
    dialog = window.findChild(QDialog, "userGazetteerDialog")
    assert isinstance(dialog, UserGazetteerDialog) and dialog.isVisible()
    from briefing.extract.gazetteer import user_gazetteer_path

    path_box = dialog.findChild(QLineEdit, "userGazetteerPath")
    assert path_box.text() == str(user_gazetteer_path())
    qtbot.mouseClick(dialog.findChild(QPushButton, "copyGazetteerPath"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(user_gazetteer_path())
    names = [dialog.names_list.item(i).text() for i in range(dialog.names_list.count())]
    assert names == ["Project Zephyr   (Weapon system)"]
    dialog.reject()

    with qtbot.waitSignal(window.reextractFinished, timeout=15_000):
        press_undo(qtbot, window)
    wait_for_counts(qtbot, window)
    assert corpus.store.user_names() == []
    assert "Project Zephyr" not in sidebar_counts(window)


def test_re_extract_all_runs_in_the_background_with_progress(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    window = entity_window(qtbot, entity_corpus)
    with qtbot.waitSignal(window.reextractFinished, timeout=30_000) as finished:
        window.reextract_action.trigger()
        dialog = window.findChild(QDialog, "reextractProgressDialog")
        assert dialog is not None and dialog.isVisible()
        assert not window.reextract_action.isEnabled()
        assert not window.import_action.isEnabled()
    assert finished.args == [len(entity_corpus.ids)]
    # Closed, or already deleted (deleteLater runs whenever the event loop next turns: the
    # charts' own queued loads can make that happen before the wait returns).
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    qtbot.waitUntil(lambda: not window.import_running)
    assert window.reextract_action.isEnabled()
    wait_for_counts(qtbot, window)
    from briefing.domain import ArticleQuery

    stored = {r.name: r.articles for r in entity_corpus.store.entity_counts(ArticleQuery())}
    assert sidebar_counts(window) == stored


def test_cancelling_re_extraction_keeps_the_store_consistent(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    from briefing.ui.entity_dialogs import ReextractProgressDialog

    window = entity_window(qtbot, entity_corpus)
    with qtbot.waitSignal(window.reextractFinished, timeout=30_000) as finished:
        job = window.reextract()
        assert job is not None
        dialog = window.findChild(ReextractProgressDialog, "reextractProgressDialog")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc means Cancel
        assert dialog.cancel_requested
    assert 0 <= finished.args[0] <= len(entity_corpus.ids)
    assert entity_corpus.store.integrity_ok()


def test_a_correction_that_fails_is_explained(
    qtbot: QtBot, entity_corpus: EntityCorpus, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = entity_window(qtbot, entity_corpus)
    nato = entity_corpus.entity_id("NATO")
    assert not window.editor.merge([nato], nato)  # nothing to merge: no command
    assert not window.editor.split(nato, "Not a name of it")
    assert shown and "is not a name of" in shown[-1]
    assert not window.undo_action.isEnabled()


def test_merge_selected_from_the_header_menu_asks_which_one_to_keep(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    moscow, russia = corpus.entity_id("Moscow"), corpus.entity_id("Russia")
    click_entity(qtbot, window, moscow, Qt.KeyboardModifier.ControlModifier)
    click_entity(qtbot, window, russia, Qt.KeyboardModifier.ControlModifier)
    window.sidebar.header_menu.aboutToShow.emit()
    assert window.sidebar.merge_selected_action.isEnabled()
    window.sidebar.merge_selected_action.trigger()
    dialog = window.findChild(QDialog, "mergeDialog")
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    assert dialog.model.rowCount() == 2  # only the selected ones are candidates
    assert dialog.chosen() is None  # no suggestion: nothing is merged by a stray Enter
    assert not dialog.merge_button.isEnabled()
    assert dialog.choose(russia)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    wait_for_counts(qtbot, window)
    counts = sidebar_counts(window)
    assert "Moscow" not in counts
    assert counts["Russia"] == 3
    assert window.undo_action.text() == "&Undo Merge “Moscow” into “Russia”"


def test_show_only_and_copy_name_from_the_context_menu(
    qtbot: QtBot, entity_corpus: EntityCorpus
) -> None:
    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    window.state.select_entity(corpus.entity_id("Russia"))
    wait_for_counts(qtbot, window)
    nato = corpus.entity_id("NATO")
    menu = right_click_entity(qtbot, window, nato)
    menu_action(menu, "entityCopyName").trigger()
    assert QGuiApplication.clipboard().text() == "NATO"
    menu_action(menu, "entityShowOnly").trigger()
    menu.close()
    assert window.state.entities == (nato,)
    assert window.chips.texts() == ["NATO"]


def test_another_store_starts_with_no_filters_and_an_empty_undo_stack(
    qtbot: QtBot, entity_corpus: EntityCorpus, tmp_path
) -> None:
    from briefing.store import Store

    corpus = entity_corpus
    window = entity_window(qtbot, corpus)
    nato = corpus.entity_id("NATO")
    window.state.select_entity(nato)
    window.editor.rename(nato, "Alliance")
    assert window.undo_stack.count() == 1
    other = tmp_path / "other.sqlite"
    Store.open(other).close()
    assert window.open_store(other)
    assert window.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
    assert not window.state.has_filters
    assert window.chips.texts() == []
    wait_for_counts(qtbot, window)
    assert sidebar_counts(window) == {}
    window.store.close()


def test_the_snapshot_tool_renders_the_entity_pictures(qtbot: QtBot, tmp_path) -> None:
    from pathlib import Path

    from briefing.ui import snapshot

    if not snapshot.sample_files():
        import pytest

        pytest.skip("the sample set is not in this checkout")
    names = ["entity-filters", "merge-dialog", "hidden-entities", "user-gazetteer"]
    written: list[str] = []
    assert snapshot.main([str(tmp_path), "--only", *names], echo=written.append) == 0
    assert [Path(p).stem for p in written] == names
    for path in written:
        assert Path(path).stat().st_size > 5_000
