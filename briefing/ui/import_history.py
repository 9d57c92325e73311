"""File › Import History…: every import run, its failures, Show articles and Undo import.

Undo runs in a worker (:class:`briefing.ui.workers.Job`), after a confirmation; the dialog
then reloads and announces ``runUndone`` so the window refreshes its list, sidebar and charts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import ImportRun
from briefing.ingest.segmentation import Segmentation
from briefing.store import Store
from briefing.ui.import_dialog import plural
from briefing.ui.workers import CancelCheck, Job, ProgressCallback

COLUMNS = ("When", "Source", "Files", "Imported", "Duplicates", "Failed", "Status")
WHEN, SOURCE, FILES, IMPORTED, DUPLICATES, FAILED, STATUS = range(len(COLUMNS))
RunIdRole = Qt.ItemDataRole.UserRole + 1


def describe_options(run: ImportRun) -> str:
    """The choices a run was made with, in words ("" for runs that recorded none)."""
    options = run.options
    parts: list[str] = []
    if options.get("source"):
        parts.append(f"source “{options['source']}”")
    mode = options.get("date_mode", "")
    if options.get("date"):
        parts.append(f"date {options['date']} where the file gives none")
    elif mode == "none":
        parts.append("no date unless the file gives one")
    if options.get("segmentation") in {m.value for m in Segmentation}:
        parts.append(f"plain text: {Segmentation(options['segmentation']).label.lower()}")
    if options.get("from"):
        parts.append(f"from the {options['from']}")
    return "Options: " + "; ".join(parts) + "." if parts else ""


def run_status(run: ImportRun) -> str:
    if run.undone_at is not None:
        return f"undone {run.undone_at:%Y-%m-%d %H:%M}"
    if run.finished_at is None:
        return "did not finish"
    return "cancelled" if run.cancelled else "complete"


class ImportHistoryDialog(QDialog):
    """The store's import runs, newest first; the selected run's failures below."""

    showRunRequested = Signal(int)  # list only this run's articles
    runUndone = Signal(int, int)  # run id, articles removed
    undoFailed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._job: Job | None = None
        self._runs: list[ImportRun] = []
        self.confirm_box: QMessageBox | None = None
        self.setObjectName("importHistoryDialog")
        self.setAccessibleName("Import history")
        self.setWindowTitle("Import History")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(820, 500)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("importRuns")
        self.table.setAccessibleName("Import runs")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)

        self.failures_label = QLabel("Files not imported in this run:", self)
        self.failures = QTreeWidget(self)
        self.failures.setObjectName("importRunFailures")
        self.failures.setAccessibleName("Files not imported in this run")
        self.failures.setHeaderLabels(["File", "Reason"])
        self.failures.setRootIsDecorated(False)
        self.failures.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.failures.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.options_label = QLabel(self)
        self.options_label.setObjectName("importRunOptions")
        self.options_label.setWordWrap(True)
        self.options_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lower_layout.addWidget(self.options_label)
        lower_layout.addWidget(self.failures_label)
        lower_layout.addWidget(self.failures)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.status = QLabel(self)
        self.status.setObjectName("importHistoryStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = QPushButton("Show Articles", self)
        self.show_button.setObjectName("showRunArticlesButton")
        self.undo_button = QPushButton("Undo Import…", self)
        self.undo_button.setObjectName("undoImportButton")
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.show_button.clicked.connect(self._on_show)
        self.undo_button.clicked.connect(self.confirm_undo)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    @property
    def runs(self) -> list[ImportRun]:
        return list(self._runs)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def reload(self) -> None:
        selected = self.selected_run()
        self._runs = list(reversed(self._store.import_runs()))
        self.table.setRowCount(len(self._runs))
        for row, run in enumerate(self._runs):
            values = (
                f"{run.started_at:%Y-%m-%d %H:%M}",
                run.source or "(as the files name it)",
                f"{len(run.files):,}",
                f"{run.imported:,}",
                f"{run.duplicates:,}",
                f"{run.failed:,}",
                run_status(run),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(RunIdRole, run.id)
                if column in (FILES, IMPORTED, DUPLICATES, FAILED):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == SOURCE:
                    item.setToolTip("\n".join(run.files[:20]))
                self.table.setItem(row, column, item)
        self.status.setText(plural(len(self._runs), "import run") if self._runs else "")
        if not self._runs:
            self.status.setText("Nothing has been imported into this store yet.")
        ids = [run.id for run in self._runs]
        if selected is not None and selected.id in ids:
            self.select_run(selected.id)
        elif self._runs:
            self.table.selectRow(0)
        self._on_selection_changed()

    def selected_run(self) -> ImportRun | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._runs):
            return None
        return self._runs[rows[0].row()]

    def select_run(self, run_id: int) -> None:
        for row, run in enumerate(self._runs):
            if run.id == run_id:
                self.table.selectRow(row)
                return

    def failure_rows(self) -> list[tuple[str, str]]:
        return [
            (item.text(0), item.text(1))
            for item in (
                self.failures.topLevelItem(i) for i in range(self.failures.topLevelItemCount())
            )
        ]

    def _on_selection_changed(self) -> None:
        run = self.selected_run()
        self.failures.clear()
        failures = self._store.import_run_failures(run.id) if run is not None else []
        for failure in failures:
            item = QTreeWidgetItem([failure.path.rsplit("/", 1)[-1], failure.reason])
            item.setToolTip(0, failure.path)
            item.setToolTip(1, failure.reason)
            self.failures.addTopLevelItem(item)
        self.failures_label.setText(
            "Files not imported in this run:" if failures else "Every file of this run was read."
        )
        options = describe_options(run) if run is not None else ""
        self.options_label.setText(options)
        self.options_label.setVisible(bool(options))
        self._update_buttons()

    def _update_buttons(self) -> None:
        run = self.selected_run()
        live = run is not None and run.undone_at is None
        self.show_button.setEnabled(live and not self.busy)
        self.undo_button.setEnabled(live and not self.busy and run is not None and run.imported > 0)

    # -- actions ------------------------------------------------------------------------------

    def _on_show(self) -> None:
        run = self.selected_run()
        if run is not None:
            self.showRunRequested.emit(run.id)
            self.accept()

    def confirm_undo(self) -> QMessageBox | None:
        """Ask first: undoing removes the run's articles (and corrections on them)."""
        run = self.selected_run()
        if run is None or self.busy:
            return None
        box = QMessageBox(self)
        box.setObjectName("confirmUndoImport")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Undo Import")
        box.setText(
            f"Remove the {plural(run.imported, 'article')} import run {run.id} added "
            f"({run.started_at:%Y-%m-%d %H:%M})?"
        )
        box.setInformativeText(
            "Articles another import also brought in are kept. This cannot be undone."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("Undo Import")
        run_id = run.id
        box.accepted.connect(lambda: self.undo(run_id))
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()
        return box

    def undo(self, run_id: int) -> Job | None:
        """Undo the run in the background (no confirmation)."""
        if self.busy:
            return None
        store = self._store

        def task(_progress: ProgressCallback, _is_cancelled: CancelCheck) -> object:
            return store.undo_import(run_id)

        job = Job(task, what="Undoing the import", name="undo-import", parent=self)
        job.finished.connect(lambda removed: self._on_undone(run_id, removed))
        job.failed.connect(self._on_undo_failed)
        job.done.connect(self._on_done)
        self._job = job
        self.status.setText(f"Undoing import run {run_id}…")
        self._update_buttons()
        job.start()
        return job

    def _on_undone(self, run_id: int, removed: object) -> None:
        count = removed if isinstance(removed, int) else 0
        self.reload()
        self.status.setText(f"Import run {run_id} undone: {plural(count, 'article')} removed.")
        self.runUndone.emit(run_id, count)

    def _on_undo_failed(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, "Cannot undo the import", message)
        self.undoFailed.emit(message)

    def _on_done(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._update_buttons()

    def shutdown(self) -> None:
        if self._job is not None:
            self._job.wait()

    def done(self, result: int) -> None:
        # An undo is one transaction: let it end before the dialog goes.
        self.shutdown()
        super().done(result)
