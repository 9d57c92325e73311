"""The import's two dialogs: progress with Cancel while it runs, then a summary.

Both are window-modal and opened with ``open()``, never ``exec()``: the event loop keeps
running (the list stays painted, tests keep driving the app) and the worker's signals arrive.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import ImportReport
from briefing.ingest.pipeline import ImportProgress


def format_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{max(seconds * 1000, 1):.0f} ms"
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


class ImportProgressDialog(QDialog):
    """Which file is being read, how far along, what was imported so far; Cancel."""

    cancelRequested = Signal()

    def __init__(self, files_total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgressDialog")
        self.setAccessibleName("Import progress")
        self.setWindowTitle("Importing")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)

        self.heading = QLabel(f"Importing {plural(files_total, 'file')}…", self)
        self.heading.setObjectName("importProgressHeading")
        self.file_label = QLabel(" ", self)
        self.file_label.setObjectName("importCurrentFile")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(files_total, 1))
        self.bar.setValue(0)
        self.bar.setAccessibleName("Files read")
        self.counts_label = QLabel("No articles imported yet", self)
        self.counts_label.setObjectName("importRunningCounts")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("importCancelButton")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)

        buttons = QDialogButtonBox(self)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.file_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts_label)
        layout.addSpacing(4)
        layout.addWidget(buttons)

    @property
    def cancel_requested(self) -> bool:
        return not self.cancel_button.isEnabled()

    def update_progress(self, progress: ImportProgress) -> None:
        self.bar.setRange(0, max(progress.files_total, 1))
        self.bar.setValue(progress.files_done)
        name = Path(progress.current_file).name
        self.file_label.setText(f"Read {progress.files_done:,} of {progress.files_total:,}: {name}")
        self.file_label.setToolTip(progress.current_file)
        counts = f"{plural(progress.articles_imported, 'article')} imported"
        if progress.duplicates:
            counts += f" · {plural(progress.duplicates, 'duplicate')} skipped"
        self.counts_label.setText(counts)

    def _on_cancel_clicked(self) -> None:
        if self.cancel_requested:
            return
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText("Cancelling…")
        self.heading.setText("Cancelling: stopping after the current file…")
        self.cancelRequested.emit()

    # The dialog closes when the import ends, not before: Esc and the close box mean Cancel.
    def reject(self) -> None:
        self._on_cancel_clicked()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self._on_cancel_clicked()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._on_cancel_clicked()
            return
        super().keyPressEvent(event)

    def finish(self) -> None:
        """Close for good (the import is over)."""
        super().accept()


class ImportSummaryDialog(QDialog):
    """Imported / duplicates / failed files with reasons / time; says so when cancelled."""

    showRunRequested = Signal(int)  # the import run's id: list only its articles

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("importSummaryDialog")
        self.setAccessibleName("Import summary")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(480)

        if report.cancelled:
            title = "Import cancelled"
            if report.imported:
                kept = (
                    f"The {plural(report.imported, 'article')} imported before that "
                    f"{'is' if report.imported == 1 else 'are'} stored; the rest were not read."
                )
            else:
                kept = "Nothing had been imported yet; the store is unchanged."
            heading = f"The import was cancelled after {plural(report.files_read, 'file')}. {kept}"
        elif report.failures:
            title = "Import finished with problems"
            heading = (
                f"{plural(report.imported, 'article')} imported; "
                f"{plural(len(report.failures), 'file')} could not be imported."
            )
        else:
            title = "Import finished"
            heading = (
                f"{plural(report.imported, 'article')} imported from "
                f"{plural(report.files_read, 'file')}."
            )
        self.setWindowTitle(title)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("importSummaryHeading")
        self.heading.setWordWrap(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(18)
        self.imported_label = self._count_label("importedCount", f"{report.imported:,}")
        self.duplicates_label = self._count_label("duplicateCount", f"{report.duplicates:,}")
        self.failed_label = self._count_label("failedCount", f"{len(report.failures):,}")
        self.time_label = self._count_label("importTime", format_seconds(report.seconds))
        form.addRow("Imported articles:", self.imported_label)
        form.addRow("Duplicates skipped:", self.duplicates_label)
        form.addRow("Failed files:", self.failed_label)
        if report.skipped:
            skipped = self._count_label("skippedCount", f"{len(report.skipped):,}")
            form.addRow("Skipped (not news, or no text):", skipped)
        if report.truncated:
            form.addRow(
                "Truncated articles:", self._count_label("truncatedCount", f"{report.truncated:,}")
            )
        form.addRow("Time:", self.time_label)
        if report.cancelled:
            form.addRow("Status:", self._count_label("importStatus", "cancelled"))

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(form)

        self.failures_view: QTreeWidget | None = None
        problems = [*report.failures, *report.skipped]
        if problems:
            layout.addWidget(QLabel("Not imported, and why:", self))
            view = QTreeWidget(self)
            view.setObjectName("importFailures")
            view.setAccessibleName("Files not imported")
            view.setHeaderLabels(["File", "Reason"])
            view.setRootIsDecorated(False)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.setUniformRowHeights(True)
            for failure in problems:
                item = QTreeWidgetItem([Path(failure.path).name, failure.reason])
                item.setToolTip(0, failure.path)
                item.setToolTip(1, failure.reason)
                view.addTopLevelItem(item)
            header = view.header()
            header.setStretchLastSection(True)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            # Tall enough for the rows (up to a point), not the tree's generous default.
            rows_height = view.sizeHintForRow(0) * len(problems)
            height = header.sizeHint().height() + rows_height + 2 * view.frameWidth() + 4
            view.setFixedHeight(max(60, min(height, 240)))
            layout.addWidget(view)
            self.failures_view = view

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.show_run_button: QPushButton | None = None
        if report.run_id is not None and report.imported > 0:
            self.show_run_button = buttons.addButton(
                "Show only these articles", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.show_run_button.setObjectName("showRunButton")
            self.show_run_button.clicked.connect(self._on_show_run_clicked)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        layout.addWidget(buttons)

    def failure_rows(self) -> list[tuple[str, str]]:
        """(file name, reason) as listed, for tests and accessibility checks."""
        if self.failures_view is None:
            return []
        return [
            (item.text(0), item.text(1))
            for item in (
                self.failures_view.topLevelItem(i)
                for i in range(self.failures_view.topLevelItemCount())
            )
        ]

    def _count_label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _on_show_run_clicked(self) -> None:
        if self.report.run_id is not None:
            self.showRunRequested.emit(self.report.run_id)
        self.accept()
