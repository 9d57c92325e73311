"""The main window: entity sidebar | search, filter chips + article list | reader; menus.

The window owns the open :class:`Store` (it closes a store it switches away from), the
:class:`ViewState` and the one undo stack for the analyst's entity corrections. The list, the
search box, the chips, the sidebar and the reader each listen to the state and refresh only
what concerns them; after a correction the :class:`EntityEditor` says which entities changed
and the window tells the views that show them. Side panels (the entity sidebar, the briefing
panel below it, the charts) are docks, so the central layout stays one splitter.

The briefing panel's changes share the one undo stack: Ctrl+Z undoes the last thing the
analyst did, whether a correction or a briefing change. The window knows what is selected
(articles in the list, text in the reader, the chart shown) and hands it to the
:class:`BriefingEditor`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QDir, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing import __version__, paths
from briefing.domain import ArticleQuery, DateContext, EntityType, ImportReport, StoreError
from briefing.ingest.pipeline import ImportProgress
from briefing.store import Store
from briefing.ui import settings
from briefing.ui.article_list_model import ArticleListModel
from briefing.ui.article_list_view import ArticleListView
from briefing.ui.briefing_editor import BriefingEditor
from briefing.ui.briefing_panel import BriefingPanel
from briefing.ui.chart_panel import ChartPanel
from briefing.ui.empty_state import EmptyState
from briefing.ui.entity_dialogs import (
    HiddenEntitiesDialog,
    ReextractProgressDialog,
    UserGazetteerDialog,
)
from briefing.ui.entity_editing import EntityEditor
from briefing.ui.entity_sidebar import EntitySidebar
from briefing.ui.filter_chips import FilterChips
from briefing.ui.import_dialog import ImportProgressDialog, ImportSummaryDialog, plural
from briefing.ui.import_history import ImportHistoryDialog
from briefing.ui.import_wizard import ImportWizard, local_paths
from briefing.ui.reader_view import ReaderPanel, ReaderView
from briefing.ui.search_box import SearchBox
from briefing.ui.theme import app_icon
from briefing.ui.view_export import ViewExportDialog
from briefing.ui.workers import SAMPLE_SOURCE, ImportJob, Job, ReextractJob, sample_files
from briefing.view_state import ViewChange, ViewState

log = logging.getLogger(__name__)

IMPORT_FILTER = "Text and Markdown (*.txt *.md *.markdown *.text);;All files (*)"
STORE_FILTER = "Briefing stores (*.sqlite *.db);;All files (*)"
STORE_SUFFIX = ".sqlite"


class MainWindow(QMainWindow):
    """One store's articles: search, list and reader; imports with progress and summary."""

    # After an import (or sample load) ended and the list was refreshed: the ImportReport.
    importFinished = Signal(object)
    # After an import could not run at all: the message shown.
    importFailed = Signal(str)
    # Another store was opened: its display name.
    storeChanged = Signal(str)
    # A re-extraction ended and the views were refreshed: how many articles it re-extracted.
    reextractFinished = Signal(int)
    # A re-extraction could not run or stopped on an error: the message shown.
    reextractFailed = Signal(str)
    # A correction (or its undo/redo) was applied and the views refreshed: the entity ids.
    entitiesChanged = Signal(object)

    # A re-extraction of a few articles (after adding a name) shows its dialog only if slow.
    QUIET_DIALOG_DELAY_MS = 600

    LIST_PAGE, EMPTY_PAGE = 0, 1

    def __init__(
        self, store: Store, state: ViewState | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.state = state if state is not None else ViewState()
        self._store_count = store.count_articles()
        self._job: Job | None = None
        self._closing = False
        self._progress_dialog: ImportProgressDialog | ReextractProgressDialog | None = None
        self._sidebar_hidden_while_empty = False
        self._charts_hidden_while_empty = False
        self._briefing_hidden_while_empty = False
        self.view_export_dialog: ViewExportDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.hidden_dialog: HiddenEntitiesDialog | None = None
        self.gazetteer_dialog: UserGazetteerDialog | None = None
        self.import_wizard: ImportWizard | None = None
        self.history_dialog: ImportHistoryDialog | None = None
        # Files and folders dropped on the window open the import wizard with them.
        self.setAcceptDrops(True)

        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")

        # -- corrections: one undo stack for the window --------------------------------------
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.editor = EntityEditor(store, self.state, self.undo_stack, self)
        self.briefing_editor = BriefingEditor(store, self.undo_stack, self)

        # -- the central panels ------------------------------------------------------------
        self.model = ArticleListModel(store, self.state, self)
        self.search_box = SearchBox(self.state, self)
        self.chips = FilterChips(store, self.state, self)
        self.list_view = ArticleListView(self.model, self.state, self)
        self.reader = ReaderView(store, self.state, self)
        self.reader_panel = ReaderPanel(self.reader, self)
        self.empty_state = EmptyState(self)

        left = QWidget(self)
        left.setObjectName("listPanel")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.chips)
        left_layout.addWidget(self.list_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setAccessibleName("Article list and reader")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader_panel)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        left.setMinimumWidth(280)
        self.reader_panel.setMinimumWidth(320)

        # -- the entity sidebar (a dock on the left) -----------------------------------------
        self.sidebar = EntitySidebar(store, self.state, self.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.sidebar)

        # -- the briefing panel (below the sidebar) --------------------------------------------
        # Below rather than tabbed with the sidebar: articles are dragged onto it from the list
        # and it shows what the briefing holds while the analyst reads, so it stays in sight.
        self.briefing_panel = BriefingPanel(self.briefing_editor, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.briefing_panel)
        self.splitDockWidget(self.sidebar, self.briefing_panel, Qt.Orientation.Vertical)

        # -- the timeline and the range chart (a dock at the bottom) --------------------------
        self.charts = ChartPanel(store, self.state, self, view_ids=self._listed_ids_for)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.charts)
        # The sidebar keeps the full height: its lists are long, the charts are wide.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("centralStack")
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty_state)
        self.setCentralWidget(self.stack)

        # -- status bar --------------------------------------------------------------------
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCountLabel")
        self.count_label.setAccessibleName("Article count")
        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("importRunFilterLabel")
        self.clear_filter_button = QToolButton(self)
        self.clear_filter_button.setObjectName("clearImportRunFilter")
        self.clear_filter_button.setText("Show all")
        self.clear_filter_button.setAutoRaise(True)
        self.clear_filter_button.clicked.connect(self._on_clear_filter_clicked)
        self.store_label = QLabel(self)
        self.store_label.setObjectName("storePathLabel")
        self.store_label.setAccessibleName("Store")
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = self.statusBar()
        status.addWidget(self.count_label)
        status.addWidget(self.filter_label)
        status.addWidget(self.clear_filter_button)
        status.addPermanentWidget(self.store_label)

        self._build_menus()

        # -- wiring ------------------------------------------------------------------------
        self.model.queryApplied.connect(self._on_query_applied)
        self.model.queryFailed.connect(self.search_box.show_error)
        self.empty_state.loadSamplesRequested.connect(self.load_sample_set)
        self.empty_state.importRequested.connect(self._on_import_files_triggered)
        self.reader.entityClicked.connect(self.sidebar.reveal_entity)
        self.charts.timeline.mentionActivated.connect(self._on_date_mention_activated)
        self.reader.addNameRequested.connect(self._on_add_name_requested)
        self.editor.entitiesChanged.connect(self._on_entities_changed)
        self.editor.failed.connect(self._on_correction_failed)
        self.editor.reextractRequested.connect(self._on_reextract_requested)
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.list_view.addToBriefingRequested.connect(self.add_selected_articles)
        self.reader.excerptRequested.connect(self._on_excerpt_requested)
        self.charts.addToBriefingRequested.connect(self._on_chart_snapshot)
        self.charts.addRefused.connect(self._show_message)
        self.briefing_panel.addArticlesRequested.connect(self._on_panel_add_articles)
        self.briefing_panel.articleActivated.connect(self._on_briefing_article_activated)
        self.briefing_editor.message.connect(self._show_message)
        self.briefing_editor.failed.connect(self._on_briefing_failed)
        self._unsubscribe = self.state.subscribe(
            self._on_import_run_filter_changed, [ViewChange.IMPORT_RUN]
        )
        self.destroyed.connect(self._unsubscribe)

        self._restore_settings()
        settings.remember_store(store.path)
        self._update_store_labels()
        self._update_count_label()
        self._update_filter_label()
        self._update_page()
        self._select_first_if_none()
        # Arrow keys should move through the list straight away; Ctrl+F reaches the search.
        self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- public API (menus, tests, the snapshot tool) -----------------------------------------

    @property
    def store(self) -> Store:
        return self._store

    @property
    def import_running(self) -> bool:
        """An import or a re-extraction runs (one background job at a time)."""
        return self._job is not None

    def import_files(
        self,
        files: Sequence[Path],
        *,
        source: str | None = None,
        fallback_source: str | None = None,
    ) -> ImportJob | None:
        """Import in the background with a progress dialog; None if an import already runs.

        ``source`` names every article; ``fallback_source`` only those whose file names none.
        """
        if self._job is not None or not files:
            return None
        job = ImportJob(
            self._store, files, source=source, fallback_source=fallback_source, parent=self
        )
        dialog = ImportProgressDialog(len(files), self)
        dialog.cancelRequested.connect(job.cancel)
        job.progress.connect(self._on_import_progress)
        job.finished.connect(self._on_import_finished)
        job.failed.connect(self._on_import_failed)
        job.done.connect(self._on_job_done)
        self._job = job
        self._progress_dialog = dialog
        self._set_busy(True)
        dialog.open()
        job.start()
        return job

    def reextract(
        self, article_ids: Sequence[int] | None = None, *, quiet: bool = False
    ) -> ReextractJob | None:
        """Re-extract entities (all articles, or these) in the background; corrections stay.

        ``quiet`` (a few articles, after adding a name): the progress dialog appears only if
        it takes a while. None if another job runs or there is nothing to do.
        """
        if self._job is not None or (article_ids is not None and not article_ids):
            return None
        total = None if article_ids is None else len(article_ids)
        job = ReextractJob(self._store, article_ids, parent=self)
        dialog = ReextractProgressDialog(total, self)
        dialog.cancelRequested.connect(job.cancel)
        job.progress.connect(self._on_reextract_progress)
        job.finished.connect(self._on_reextract_finished)
        job.failed.connect(self._on_reextract_failed)
        job.done.connect(self._on_job_done)
        self._job = job
        self._progress_dialog = dialog
        self._set_busy(True)
        if quiet:
            self.statusBar().showMessage(
                f"Finding entities again in {plural(total or 0, 'article')}…"
            )
            QTimer.singleShot(self.QUIET_DIALOG_DELAY_MS, self._open_progress_if_running)
        else:
            dialog.open()
        job.start()
        return job

    def load_sample_set(self) -> ImportJob | None:
        files = sample_files()
        if not files:
            QMessageBox.warning(
                self,
                "No sample set",
                f"The sample set is not installed (looked in {paths.samples_dir()}).",
            )
            return None
        # The sample feed, mail and CSV files name their own sources; keep those.
        return self.import_files(files, fallback_source=SAMPLE_SOURCE)

    def open_store(self, location: str | Path) -> bool:
        """Switch to another store; on failure say why and keep the current one."""
        if self._job is not None:
            return False
        try:
            store = Store.open(location)
        except StoreError as exc:
            QMessageBox.warning(self, "Cannot open the store", str(exc))
            return False
        old = self._store
        # Ids are per store: drop the selection before anything looks it up in the new one.
        self.state.selected_article_id = None
        self._store = store
        self._store_count = store.count_articles()
        # The views move to the new store before the filters reset, so none of them asks the
        # old store about the new store's ids; the undo stack belonged to the old store.
        self.editor.set_store(store)
        self._close_export_dialogs()
        self.briefing_editor.set_store(store)
        self.sidebar.set_store(store)
        self.chips.set_store(store)
        self.charts.set_store(store)
        self.state.reset()
        self.model.set_store(store)
        self.reader.set_store(store)
        self.sidebar.shutdown()  # no count may still be reading the store we close
        self.charts.shutdown()
        old.close()
        self.sidebar.refresh()
        settings.remember_store(store.path)
        self._update_store_labels()
        self._update_count_label()
        self._update_page()
        self._select_first_if_none()
        self.storeChanged.emit(store.display_name)
        return True

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_store_action = self._action("&New Store…", self._on_new_store_triggered)
        self.new_store_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_store_action = self._action("&Open Store…", self._on_open_store_triggered)
        self.open_store_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action = self._action("&Import…", self._on_import_files_triggered)
        self.import_action.setObjectName("importAction")
        self.history_action = self._action("Import &History…", self.open_import_history)
        self.history_action.setObjectName("importHistoryAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.samples_action = self._action("Load &Sample Set", self.load_sample_set)
        self.quit_action = self._action("&Quit", self.close)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.new_store_action)
        file_menu.addAction(self.open_store_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.history_action)
        file_menu.addAction(self.samples_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action("&Undo", self.undo_stack.undo)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("&Redo", self.undo_stack.redo)
        self.redo_action.setObjectName("redoAction")
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [
            key
            for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
            if key not in redo_keys
        ]
        self.redo_action.setShortcuts(redo_keys)
        self.find_action = self._action("&Find…", self.search_box.focus_search)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)

        view_menu = self.menuBar().addMenu("&View")
        self.sidebar_action = self.sidebar.toggleViewAction()
        self.sidebar_action.setText("&Entity Sidebar")
        self.sidebar_action.setObjectName("toggleEntitySidebar")
        self.sidebar_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.addAction(self.sidebar_action)
        view_menu.addAction(self.sidebar_action)
        self.charts_action = self.charts.toggleViewAction()
        self.charts_action.setText("&Timeline and Range Chart")
        self.charts_action.setObjectName("toggleChartPanel")
        self.charts_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.addAction(self.charts_action)
        view_menu.addAction(self.charts_action)
        self.clear_filters_action = self._action("&Clear All Filters", self.state.clear_filters)
        self.clear_filters_action.setShortcut(QKeySequence("Ctrl+Shift+Backspace"))
        view_menu.addAction(self.clear_filters_action)

        self.briefing_panel_action = self.briefing_panel.toggleViewAction()
        self.briefing_panel_action.setText("&Briefing Panel")
        self.briefing_panel_action.setObjectName("toggleBriefingPanel")
        self.briefing_panel_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.addAction(self.briefing_panel_action)
        view_menu.insertAction(self.clear_filters_action, self.briefing_panel_action)
        self._build_briefing_menu()

        tools_menu = self.menuBar().addMenu("&Tools")
        self.reextract_action = self._action("&Re-extract Entities", self._on_reextract_triggered)
        self.reextract_action.setObjectName("reextractAction")
        self.gazetteer_action = self._action("&User Gazetteer…", self.open_user_gazetteer)
        self.gazetteer_action.setObjectName("userGazetteerAction")
        self.hidden_action = self._action("&Hidden Entities…", self.open_hidden_entities)
        self.hidden_action.setObjectName("hiddenEntitiesAction")
        tools_menu.addAction(self.reextract_action)
        tools_menu.addAction(self.gazetteer_action)
        tools_menu.addAction(self.hidden_action)
        self.sidebar.add_header_actions(
            [self.hidden_action, self.gazetteer_action, self.reextract_action]
        )
        self._update_undo_actions()

        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = self._action("&About Briefing", self._on_about_triggered)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _build_briefing_menu(self) -> None:
        menu = self.menuBar().addMenu("&Briefing")
        menu.setObjectName("briefingMenu")
        self.new_briefing_action = self._action("&New Briefing…", self._on_new_briefing)
        self.new_briefing_action.setObjectName("newBriefingAction")
        self.add_articles_action = self._action(
            "Add Selected &Articles", self.add_selected_articles
        )
        self.add_articles_action.setObjectName("addArticlesToBriefingAction")
        self.add_articles_action.setShortcut(QKeySequence("Ctrl+B"))
        self.add_excerpt_action = self._action(
            "Add Reader Selection as &Excerpt", self.add_reader_excerpt
        )
        self.add_excerpt_action.setObjectName("addExcerptToBriefingAction")
        self.add_excerpt_action.setShortcut(QKeySequence("Ctrl+Shift+X"))
        self.add_chart_action = self._action("Add Current &Chart", self.add_current_chart)
        self.add_chart_action.setObjectName("addChartToBriefingAction")
        self.add_note_action = self._action("Add &Note", self.briefing_panel.add_note)
        self.add_note_action.setObjectName("addNoteToBriefingAction")
        self.briefing_properties_action = self._action(
            "Briefing &Properties…", self.briefing_panel.open_properties
        )
        self.briefing_properties_action.setObjectName("briefingPropertiesAction")
        self.export_briefing_action = self._action("E&xport Briefing…", self.export_briefing)
        self.export_briefing_action.setObjectName("exportBriefingAction")
        self.export_briefing_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_view_action = self._action("Export Current &View…", self.export_current_view)
        self.export_view_action.setObjectName("exportViewAction")
        menu.addAction(self.new_briefing_action)
        menu.addSeparator()
        menu.addAction(self.add_articles_action)
        menu.addAction(self.add_excerpt_action)
        menu.addAction(self.add_chart_action)
        menu.addAction(self.add_note_action)
        menu.addSeparator()
        menu.addAction(self.briefing_properties_action)
        menu.addAction(self.export_briefing_action)
        menu.addAction(self.export_view_action)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        # Window-wide shortcuts: Ctrl+F works whether the list or the reader has focus.
        self.addAction(action)
        return action

    def _on_new_store_triggered(self) -> None:
        path_text, _ = QFileDialog.getSaveFileName(
            self,
            "New Store",
            str(self._dialog_folder() / f"briefing{STORE_SUFFIX}"),
            STORE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path_text:
            return
        path = Path(path_text)
        if not path.suffix:
            path = path.with_suffix(STORE_SUFFIX)
        if path.exists():
            # Never overwrite: a store is someone's corpus. Opening it is one menu away.
            QMessageBox.warning(
                self,
                "New Store",
                f"{path} already exists. Choose another name, or use Open Store… to open it.",
            )
            return
        self.open_store(path)

    def _on_open_store_triggered(self) -> None:
        path_text, _ = QFileDialog.getOpenFileName(
            self, "Open Store", str(self._dialog_folder()), STORE_FILTER
        )
        if path_text:
            self.open_store(path_text)

    def _on_import_files_triggered(self) -> None:
        self.open_import_wizard()

    # -- the import wizard and the import history ----------------------------------------------

    def open_import_wizard(self, paths: Sequence[Path] = ()) -> ImportWizard | None:
        """File › Import… (or files dropped on the window): the wizard, with ``paths`` added.
        None while another import or re-extraction runs."""
        if self._job is not None:
            return None
        if self.import_wizard is not None:
            self.import_wizard.add_paths(paths)
            self.import_wizard.raise_()
            return self.import_wizard
        wizard = ImportWizard(self._store, paths, self)
        wizard.importFinished.connect(self._on_wizard_import_finished)
        wizard.showRunRequested.connect(self._on_show_run_requested)
        wizard.finished.connect(self._on_import_wizard_finished)
        self.import_wizard = wizard
        wizard.open()
        return wizard

    def _on_wizard_import_finished(self, report: ImportReport) -> None:
        if self._closing:
            return
        self._after_store_write()
        self.importFinished.emit(report)

    def _on_import_wizard_finished(self) -> None:
        wizard, self.import_wizard = self.import_wizard, None
        if wizard is not None:
            wizard.shutdown()
            wizard.deleteLater()

    def open_import_history(self) -> ImportHistoryDialog:
        """File › Import History…: the runs, their failures, Show articles, Undo import."""
        if self.history_dialog is not None:
            self.history_dialog.reload()
            self.history_dialog.raise_()
            return self.history_dialog
        dialog = ImportHistoryDialog(self._store, self)
        dialog.showRunRequested.connect(self._on_show_run_requested)
        dialog.runUndone.connect(self._on_run_undone)
        dialog.finished.connect(self._on_history_dialog_finished)
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def _on_run_undone(self, run_id: int, _removed: int) -> None:
        if self.state.import_run_id == run_id:
            self.state.import_run_id = None
        self.state.selected_article_id = None
        self._after_store_write()

    def _on_history_dialog_finished(self) -> None:
        dialog, self.history_dialog = self.history_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _dropped_paths(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        if self._job is not None or data is None or not data.hasUrls():
            return []
        return local_paths(data.urls())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_import_wizard(paths)

    def _on_about_triggered(self) -> None:
        self.about_box().exec()

    def about_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle("About Briefing")
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>Briefing {__version__}</h3>"
            "<p>An offline reading and analysis tool for defence and current-affairs news: "
            "import articles, search them, see who, when and how far.</p>"
            "<p>Everything stays on this computer: Briefing never uses the network.</p>"
            "<p><small>Place names include data from GeoNames (geonames.org), licensed "
            "under CC BY 4.0, and ISO 3166 country data via pycountry (LGPL).</small></p>"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        return box

    def _dialog_folder(self) -> Path:
        path = self._store.path
        return path.parent if path is not None else Path(QDir.homePath())

    # -- import -------------------------------------------------------------------------------

    def _on_import_progress(self, progress: ImportProgress) -> None:
        if self._progress_dialog is not None:
            self._progress_dialog.update_progress(progress)

    def _on_import_finished(self, report: ImportReport) -> None:
        self._close_progress_dialog()
        if self._closing:
            return
        self._after_store_write()
        dialog = ImportSummaryDialog(report, self)
        dialog.showRunRequested.connect(self._on_show_run_requested)
        dialog.finished.connect(dialog.deleteLater)
        self.summary_dialog = dialog
        dialog.open()
        self.importFinished.emit(report)

    def _on_import_failed(self, message: str) -> None:
        self._close_progress_dialog()
        if self._closing:
            log.warning("import failed while closing: %s", message)
            return
        # Batches written before the error are stored and complete: show them.
        self._after_store_write()
        QMessageBox.warning(self, "Import failed", message)
        self.importFailed.emit(message)

    def _on_job_done(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._set_busy(False)

    def _close_progress_dialog(self) -> None:
        dialog, self._progress_dialog = self._progress_dialog, None
        if dialog is not None:
            dialog.finish()
            dialog.deleteLater()

    def _after_store_write(self) -> None:
        self._store_count = self._store.count_articles()
        self.model.refresh()
        self._update_page()
        self._update_count_label()
        self._select_first_if_none()
        # New articles bring new entities (extraction runs during the import).
        self.sidebar.refresh()
        self.charts.refresh()
        self.reader.refresh_entities()

    # -- re-extraction ------------------------------------------------------------------------

    def _on_reextract_triggered(self) -> None:
        self.reextract()

    def _on_reextract_requested(self, article_ids: list[int]) -> None:
        if not article_ids:
            self.statusBar().showMessage("No article contains that name yet.", 5_000)
            return
        if self.reextract(article_ids, quiet=True) is None:
            self.statusBar().showMessage(
                "Re-extraction is busy; the name applies after Tools › Re-extract Entities.",
                8_000,
            )

    def _open_progress_if_running(self) -> None:
        if self._job is not None and isinstance(self._progress_dialog, ReextractProgressDialog):
            self._progress_dialog.open()

    def _on_reextract_progress(self, progress: object) -> None:
        done, total = getattr(progress, "done", 0), getattr(progress, "total", 0)
        if isinstance(self._progress_dialog, ReextractProgressDialog):
            self._progress_dialog.update_progress(int(done), int(total))

    def _on_reextract_finished(self, count: object) -> None:
        self._close_progress_dialog()
        if self._closing:
            return
        articles = int(count) if isinstance(count, int) else 0
        self._after_entities_rewritten()
        self.statusBar().showMessage(
            f"Entities found again in {plural(articles, 'article')}.", 8_000
        )
        self.reextractFinished.emit(articles)

    def _on_reextract_failed(self, message: str) -> None:
        self._close_progress_dialog()
        if self._closing:
            log.warning("re-extraction failed while closing: %s", message)
            return
        # Batches written before the error are complete: show them.
        self._after_entities_rewritten()
        QMessageBox.warning(self, "Re-extraction failed", message)
        self.reextractFailed.emit(message)

    def _after_entities_rewritten(self) -> None:
        if self.state.entities or self.state.excluded_entities:
            self.model.refresh()
            self._update_count_label()
        self.sidebar.refresh()
        self.chips.refresh()
        self.charts.refresh()
        self.reader.refresh_entities()

    # -- corrections ----------------------------------------------------------------------------

    def _on_add_name_requested(self, etype: EntityType, name: str) -> None:
        self.editor.add_name(etype, name)

    def _on_entities_changed(self, entity_ids: frozenset[int]) -> None:
        """A correction or its undo: refresh what shows these entities."""
        involved = {*self.state.entities, *self.state.excluded_entities}
        if involved & set(entity_ids):
            self.model.refresh()
            self._update_count_label()
        self.sidebar.refresh()
        self.chips.refresh()
        # Lane names and range rows show entities: a rename, merge or hide changes them.
        self.charts.refresh()
        self.reader.refresh_entities()
        if self.hidden_dialog is not None:
            self.hidden_dialog.reload()
        self.entitiesChanged.emit(entity_ids)

    def _on_correction_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Cannot make that correction", message)

    def _update_undo_actions(self) -> None:
        busy = self._job is not None
        for action, text, can, verb in (
            (self.undo_action, self.undo_stack.undoText(), self.undo_stack.canUndo(), "Undo"),
            (self.redo_action, self.undo_stack.redoText(), self.undo_stack.canRedo(), "Redo"),
        ):
            label = f"&{verb} {text}" if text else f"&{verb}"
            # "&" in an entity name is not a mnemonic.
            action.setText(label[:1] + label[1:].replace("&", "&&"))
            action.setEnabled(can and not busy)

    # -- the briefing ----------------------------------------------------------------------------

    def add_selected_articles(self) -> int:
        """Ctrl+B (and the list's menu, the panel's button): the selected articles go into the
        briefing shown (one is started if there is none); returns how many were added."""
        self._reveal_briefing_panel()
        return self.briefing_editor.add_articles(self.list_view.selected_article_ids())

    def add_reader_excerpt(self) -> bool:
        """The text selected in the reader, as an excerpt with its article's provenance."""
        if not self.reader.request_excerpt():
            self._show_message("Select some text in the reader first.")
            return False
        return True

    def add_current_chart(self) -> None:
        """The chart shown in the chart panel, as it is now."""
        if self.charts.isHidden():
            self.charts.show()
        self.charts.add_to_briefing()

    def export_briefing(self) -> None:
        self._reveal_briefing_panel()
        self.briefing_panel.open_export_dialog()

    def export_current_view(self) -> ViewExportDialog:
        """Briefing › Export Current View…: the list as filtered now, to CSV or a briefing."""
        if self.view_export_dialog is not None:
            self.view_export_dialog.raise_()
            return self.view_export_dialog
        query = self.model.applied_query or self.state.query()
        dialog = ViewExportDialog(self._store, self.briefing_editor, self.model.ids, query, self)
        dialog.finished.connect(self._on_view_export_finished)
        dialog.briefingCreated.connect(lambda _id: self._reveal_briefing_panel())
        self.view_export_dialog = dialog
        dialog.open()
        return dialog

    def _on_view_export_finished(self) -> None:
        dialog, self.view_export_dialog = self.view_export_dialog, None
        if dialog is not None:
            dialog.shutdown()
            dialog.deleteLater()

    def _close_export_dialogs(self) -> None:
        """Exports read the store: they stop before it is closed or switched."""
        for dialog in (self.briefing_panel.export_dialog, self.view_export_dialog):
            if dialog is not None:
                dialog.shutdown()
                dialog.reject()

    def _on_new_briefing(self) -> None:
        self._reveal_briefing_panel()
        self.briefing_panel.open_new_dialog()

    def _on_panel_add_articles(self, row: int) -> None:
        ids = self.list_view.selected_article_ids()
        self.briefing_editor.add_articles(ids, None if row < 0 else row)

    def _on_excerpt_requested(self, article_id: int, text: str) -> None:
        self._reveal_briefing_panel()
        self.briefing_editor.add_excerpt(article_id, text)

    def _on_chart_snapshot(self, snapshot: object) -> None:
        self._reveal_briefing_panel()
        self.briefing_editor.add_chart(snapshot)  # type: ignore[arg-type]

    def _on_briefing_article_activated(self, article_id: int) -> None:
        """An article item opened in the panel: read it (even if the filters hide it)."""
        if self._store.get_article(article_id) is None:
            self._show_message("That article is no longer in the store (its import was undone).")
            return
        self.state.selected_article_id = article_id

    def _on_briefing_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Cannot change the briefing", message)

    def _reveal_briefing_panel(self) -> None:
        if self.briefing_panel.isHidden() and not self._briefing_hidden_while_empty:
            self.briefing_panel.show()

    def _show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8_000)

    # -- entity dialogs -------------------------------------------------------------------------

    def open_hidden_entities(self) -> HiddenEntitiesDialog:
        """Tools › Hidden Entities…: the stop list, with Unhide."""
        if self.hidden_dialog is not None:
            self.hidden_dialog.reload()
            self.hidden_dialog.raise_()
            return self.hidden_dialog
        dialog = HiddenEntitiesDialog(lambda: self._store.hidden_entities(), self)
        dialog.unhideRequested.connect(lambda ids: self.editor.set_hidden(ids, False))
        dialog.finished.connect(self._on_hidden_dialog_finished)
        self.hidden_dialog = dialog
        dialog.open()
        return dialog

    def _on_hidden_dialog_finished(self) -> None:
        dialog, self.hidden_dialog = self.hidden_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def open_user_gazetteer(self) -> UserGazetteerDialog:
        """Tools › User Gazetteer…: where the file is and the names added from the reader."""
        if self.gazetteer_dialog is not None:
            self.gazetteer_dialog.deleteLater()
        dialog = UserGazetteerDialog(user_gazetteer_path(), self._store.user_names(), self)
        dialog.finished.connect(dialog.deleteLater)
        self.gazetteer_dialog = dialog
        dialog.open()
        return dialog

    def _on_show_run_requested(self, run_id: int) -> None:
        self.state.import_run_id = run_id

    def _listed_ids_for(self, query: ArticleQuery) -> list[int] | None:
        """The list's ids when a chart asks for the same articles (its order aside): the
        charts then skip running the list's query again (~200 ms at 100k articles)."""
        applied = self.model.applied_query
        if applied is None or self.model.store is not self._store:
            return None
        if dataclasses.replace(applied, sort=query.sort, descending=query.descending) != query:
            return None
        return self.model.ids

    def _on_date_mention_activated(self, context: DateContext) -> None:
        """A timeline mark was clicked: read its article, at the sentence with the date."""
        self.state.selected_article_id = context.article_id
        self.reader.reveal_text(context.text, context.sentence)

    def _set_busy(self, busy: bool) -> None:
        for action in (
            self.new_store_action,
            self.open_store_action,
            self.import_action,
            self.samples_action,
            self.reextract_action,
        ):
            action.setEnabled(not busy)
        self.empty_state.set_busy(busy)
        # Corrections wait while a job writes entities (it could undo them under our feet).
        self.editor.set_busy(busy)
        self.reader.adding_names_enabled = not busy
        self._update_undo_actions()

    # -- state and labels ---------------------------------------------------------------------

    def _on_query_applied(self, _rows: int) -> None:
        self.search_box.clear_error()
        self._update_count_label()

    def _on_import_run_filter_changed(self, _change: ViewChange) -> None:
        self._update_filter_label()

    def _on_clear_filter_clicked(self) -> None:
        self.state.import_run_id = None

    def _update_count_label(self) -> None:
        in_view = self.model.rowCount()
        self.count_label.setText(
            f"{plural(in_view, 'article')} in view · {self._store_count:,} in store"
        )

    def _update_filter_label(self) -> None:
        run_id = self.state.import_run_id
        self.filter_label.setText(f"Only import run {run_id}" if run_id is not None else "")
        self.filter_label.setVisible(run_id is not None)
        self.clear_filter_button.setVisible(run_id is not None)

    def _update_store_labels(self) -> None:
        name = self._store.display_name
        self.store_label.setText(name)
        self.store_label.setToolTip(f"Store: {name}")
        title = self._store.path.name if self._store.path is not None else "in-memory store"
        self.setWindowTitle(f"{title} — Briefing")

    def _update_page(self) -> None:
        empty = self._store_count == 0
        self.stack.setCurrentIndex(self.EMPTY_PAGE if empty else self.LIST_PAGE)
        self.search_box.setEnabled(not empty)
        # An empty store has no entities: the sidebar makes way for the empty-store offer,
        # and comes back with the first articles (unless the person had closed it).
        if empty and not self.sidebar.isHidden():
            self._sidebar_hidden_while_empty = True
            self.sidebar.hide()
        elif not empty and self._sidebar_hidden_while_empty:
            self._sidebar_hidden_while_empty = False
            self.sidebar.show()
        if empty and not self.briefing_panel.isHidden():
            self._briefing_hidden_while_empty = True
            self.briefing_panel.hide()
        elif not empty and self._briefing_hidden_while_empty:
            self._briefing_hidden_while_empty = False
            self.briefing_panel.show()
        if empty and not self.charts.isHidden():
            self._charts_hidden_while_empty = True
            self.charts.hide()
        elif not empty and self._charts_hidden_while_empty:
            self._charts_hidden_while_empty = False
            self.charts.show()

    def _select_first_if_none(self) -> None:
        if self.state.selected_article_id is None and self.model.rowCount() > 0:
            self.list_view.select_row(0)

    # -- settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = settings.byte_array(settings.GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        splitter = settings.byte_array(settings.SPLITTER)
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([480, 620])
        docks = settings.byte_array(settings.WINDOW_STATE)
        if docks is None or not self.restoreState(docks):
            self.resizeDocks([self.sidebar], [260], Qt.Orientation.Horizontal)
            self.resizeDocks([self.charts], [320], Qt.Orientation.Vertical)
            # The sidebar's long lists get a little more than half the height.
            height = self._default_size().height()
            self.resizeDocks(
                [self.sidebar, self.briefing_panel],
                [height * 11 // 20, height * 9 // 20],
                Qt.Orientation.Vertical,
            )

    def _default_size(self) -> QSize:
        # Roomy on a desktop monitor, but never larger than a small laptop screen.
        screen = self.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else QSize(0, 0)
        if available.isEmpty():
            return QSize(1200, 760)
        return QSize(min(1200, available.width() * 9 // 10), min(760, available.height() * 9 // 10))

    def save_settings(self) -> None:
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.SPLITTER, QByteArray(self.splitter.saveState()))
        if self._sidebar_hidden_while_empty:
            # Remember the sidebar as the person left it, not as the empty store hid it.
            self.sidebar.show()
        if self._charts_hidden_while_empty:
            self.charts.show()
        if self._briefing_hidden_while_empty:
            self.briefing_panel.show()
        settings.set_value(settings.WINDOW_STATE, QByteArray(self.saveState()))
        settings.remember_store(self._store.path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        for dialog in (self.import_wizard, self.history_dialog):
            if dialog is not None:
                # An import or undo stops at a batch boundary: the store stays consistent.
                dialog.shutdown()
        self._close_export_dialogs()
        if self._job is not None:
            # Let the import stop at a batch boundary so the store stays consistent.
            self._job.cancel()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._job.wait()
            finally:
                QApplication.restoreOverrideCursor()
        self.sidebar.shutdown()
        self.charts.shutdown()
        self.save_settings()
        super().closeEvent(event)


def user_gazetteer_path() -> Path | None:
    """Where the analyst's own names file lives (None if this build has no extraction)."""
    try:
        from briefing.extract.gazetteer import user_gazetteer_path as path_of
    except ImportError:
        return None
    return path_of()
