"""Export a briefing: format, page size and file, then the export in a worker.

``briefingExportDialog``: the format (``briefingExportFormat``: PDF, Word, one HTML file,
Markdown with its images beside it), the page size (``briefingExportPageSize``, A4 or Letter,
for PDF and Word), the file (``briefingExportPath`` and *Browse…*), then *Export*
(``briefingExportButton``). The briefing is assembled and written in a worker thread
(:class:`~briefing.ui.workers.Job`): the bar shows each block written, *Cancel* stops before
the next block and nothing is left behind (the exporter writes into a staging folder and
moves the files into place only when all are complete). A failure is said in the dialog, with
the briefing's name and the file, and the dialog stays open to try again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.briefings.assemble import assemble_document
from briefing.briefings.model import BriefingInfo
from briefing.domain import BriefingError
from briefing.export.briefing_export import (
    PAGE_SIZES,
    ExportCancelled,
    ExportError,
    ExportFormat,
    export_briefing,
    format_for_path,
)
from briefing.store import Store
from briefing.ui import settings
from briefing.ui.workers import CancelCheck, Job, ProgressCallback

FILTERS = {
    ExportFormat.PDF: "PDF documents (*.pdf)",
    ExportFormat.DOCX: "Word documents (*.docx)",
    ExportFormat.HTML: "Web pages (*.html *.htm)",
    ExportFormat.MD: "Markdown (*.md)",
}
PAGED = frozenset({ExportFormat.PDF, ExportFormat.DOCX})


def file_stem(title: str) -> str:
    """A file name from a briefing's title: letters, digits, dashes ('Baltic missiles, week 12'
    → 'Baltic-missiles-week-12')."""
    stem = re.sub(r"[^\w]+", "-", title, flags=re.UNICODE).strip("-_")
    return stem[:80] or "briefing"


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """What the worker hands back: the files written, or that it was cancelled."""

    files: tuple[Path, ...] = ()
    cancelled: bool = False


def export_task(
    store: Store, briefing_id: int, path: Path, fmt: ExportFormat, page_size: str
) -> object:
    """The worker's job: assemble the briefing from the store, then write it (no Qt here)."""

    def task(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        try:
            document = assemble_document(store, briefing_id)
            files = export_briefing(
                document,
                path,
                fmt,
                page_size=page_size,
                progress=lambda done, total: progress((done, total)),
                cancel=is_cancelled,
            )
        except ExportCancelled:
            return ExportOutcome(cancelled=True)
        except ExportError as exc:
            # A BriefingError reaches the dialog as its one line (not as "unexpected").
            raise BriefingError(str(exc)) from exc
        return ExportOutcome(files=tuple(files))

    return task


def describe_files(files: tuple[Path, ...] | list[Path]) -> str:
    """'Exported to brief.md and 2 images in brief_files/.'"""
    if not files:
        return "Nothing was written."
    first, rest = files[0], files[1:]
    if not rest:
        return f"Exported to {first}."
    folders = sorted({str(p.parent.relative_to(first.parent)) for p in rest} - {"."})
    where = f" in {', '.join(f + '/' for f in folders)}" if folders else ""
    images = "image" if len(rest) == 1 else "images"
    return f"Exported to {first} and {len(rest)} {images}{where}."


class BriefingExportDialog(QDialog):
    """Format, page size, file; Export runs in a worker with progress and Cancel."""

    # The export ended: the files written (the document first).
    exported = Signal(object)
    # The export failed: the message shown.
    failed = Signal(str)
    # The export was cancelled: nothing was written.
    cancelled = Signal()

    def __init__(self, store: Store, info: BriefingInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._info = info
        self._job: Job | None = None
        self.files: tuple[Path, ...] = ()
        self.setObjectName("briefingExportDialog")
        self.setWindowTitle(f"Export “{info.name}”")
        self.setAccessibleName("Export the briefing")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)

        heading = QLabel(f"Export the briefing “{info.display_title}”", self)
        heading.setObjectName("briefingExportHeading")
        heading.setStyleSheet("font-weight: 600;")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        items = QLabel(
            f"{info.item_count} item{'s' if info.item_count != 1 else ''}"
            + (f" · marked {info.marking}" if info.marking else ""),
            self,
        )
        items.setStyleSheet("color: #59636e;")

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("briefingExportFormat")
        self.format_combo.setAccessibleName("Export format")
        for fmt in ExportFormat:
            self.format_combo.addItem(f"{fmt.label} ({fmt.suffix})", fmt.value)
        remembered = settings.string(settings.EXPORT_FORMAT, ExportFormat.PDF.value)
        found = self.format_combo.findData(remembered)
        self.format_combo.setCurrentIndex(max(found, 0))

        self.page_combo = QComboBox(self)
        self.page_combo.setObjectName("briefingExportPageSize")
        self.page_combo.setAccessibleName("Page size")
        self.page_combo.addItems(list(PAGE_SIZES))
        page = settings.string(settings.EXPORT_PAGE_SIZE, PAGE_SIZES[0])
        self.page_combo.setCurrentIndex(max(self.page_combo.findText(page), 0))

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("briefingExportPath")
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.setText(str(self._default_folder() / (file_stem(info.display_title))))
        self.browse_button = QPushButton("Browse…", self)
        self.browse_button.setObjectName("briefingExportBrowse")
        self.browse_button.clicked.connect(self._on_browse)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.md_hint = QLabel("Charts are written as images in a folder beside the file.", self)
        self.md_hint.setStyleSheet("color: #59636e;")

        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        form.addRow("&Page size:", self.page_combo)
        file_label = QLabel("F&ile:", self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        form.addRow("", self.md_hint)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("briefingExportProgress")
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("briefingExportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.open_button = QPushButton("Open", self)
        self.open_button.setObjectName("briefingExportOpen")
        self.open_button.setToolTip("Open the exported file")
        self.open_button.clicked.connect(self._on_open)
        self.open_button.hide()
        self.export_button = QPushButton("Export", self)
        self.export_button.setObjectName("briefingExportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton("Close", self)
        self.cancel_button.setObjectName("briefingExportCancel")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(items)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self._on_format_changed()

    # -- what the panel and tests use ----------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._job is not None

    @property
    def export_format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def set_format(self, fmt: ExportFormat) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt.value))

    def path(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser()
        if format_for_path(path) is None:
            path = path.with_name(path.name + self.export_format.suffix)
        return path

    def start_export(self) -> Job | None:
        """Export (the button): checks the file, then runs the export in a worker."""
        if self._job is not None:
            return None
        if not self.path_edit.text().strip():
            self._say("Choose a file to write.", error=True)
            return None
        path = self.path()
        fmt = format_for_path(path) or self.export_format
        if fmt is not self.export_format:
            self.set_format(fmt)  # "brief.docx" typed with PDF chosen: the name wins
        if not path.parent.is_dir():
            self._say(f"The folder {path.parent} does not exist.", error=True)
            return None
        if path.exists() and not self._confirm_replace(path):
            return None
        page_size = self.page_combo.currentText()
        settings.set_value(settings.EXPORT_FORMAT, fmt.value)
        settings.set_value(settings.EXPORT_PAGE_SIZE, page_size)
        settings.set_value(settings.EXPORT_FOLDER, str(path.parent))
        job = Job(
            export_task(self._store, self._info.id, path, fmt, page_size),
            what="The export",
            name="briefing-export",
            parent=self,
        )
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.done.connect(self._on_job_done)
        self._job = job
        self._set_running(True)
        self._say(f"Exporting to {path}…")
        job.start()
        return job

    def cancel_export(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText("Cancelling…")
            self._say("Cancelling: stopping before the next part…")

    def shutdown(self) -> None:
        """Stop a running export and wait for it (the window or the dialog is closing)."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    # -- internals ---------------------------------------------------------------------------

    def _default_folder(self) -> Path:
        remembered = settings.string(settings.EXPORT_FOLDER)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        store_path = self._store.path
        if store_path is not None and store_path.parent.is_dir():
            return store_path.parent
        return Path(QDir.homePath())

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace the file?",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_format_changed(self) -> None:
        fmt = self.export_format
        self.page_combo.setEnabled(fmt in PAGED)
        self.md_hint.setVisible(fmt is ExportFormat.MD)
        text = self.path_edit.text().strip()
        if text and format_for_path(text) is not None and format_for_path(text) is not fmt:
            self.path_edit.setText(str(Path(text).with_suffix(fmt.suffix)))

    def _on_browse(self) -> None:
        fmt = self.export_format
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export Briefing", str(self.path()), FILTERS[fmt]
        )
        if chosen:
            self.path_edit.setText(chosen)
            found = format_for_path(chosen)
            if found is not None:
                self.set_format(found)

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.format_combo,
            self.path_edit,
            self.browse_button,
            self.export_button,
        ):
            widget.setEnabled(not running)
        self.page_combo.setEnabled(not running and self.export_format in PAGED)
        self.progress.setVisible(running or self.progress.isVisible())
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Cancel" if running else "Close")
        if running:
            self.open_button.hide()
            self.progress.setRange(0, 0)  # busy until the first block is written

    def _on_progress(self, progress: object) -> None:
        if isinstance(progress, tuple) and len(progress) == 2:
            done, total = int(progress[0]), int(progress[1])
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _on_finished(self, outcome: object) -> None:
        if not isinstance(outcome, ExportOutcome):
            return
        if outcome.cancelled:
            self.progress.setValue(0)
            self._say("Export cancelled: nothing was written.")
            self.cancelled.emit()
            return
        self.files = outcome.files
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._say(describe_files(outcome.files))
        self.open_button.setVisible(bool(outcome.files))
        self.exported.emit(list(outcome.files))

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        text = f"Could not export “{self._info.name}” to {self.path().name}: {message}"
        self._say(text, error=True)
        self.failed.emit(text)

    def _on_job_done(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._set_running(False)

    def _on_cancel_clicked(self) -> None:
        if self._job is not None:
            self.cancel_export()
        else:
            self.reject()

    def _on_open(self) -> None:
        if self.files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.files[0])))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #a4501f;" if error else "color: #3b434c;")

    # While exporting, closing means cancelling first (the dialog closes when it has stopped).
    def reject(self) -> None:
        if self._job is not None:
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            event.ignore()
            self.cancel_export()
            return
        super().closeEvent(event)
