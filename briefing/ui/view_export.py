"""Briefing › Export Current View…: the article list, as filtered right now, to a CSV file or
into a new briefing.

``viewExportDialog`` says which articles it takes (the filters in words and how many), then
offers a CSV file (``viewExportCsv``, written in a worker with progress and Cancel: a cancelled
export leaves no file behind) or a new briefing (``viewExportBriefing``) holding the articles in
the list's order. A briefing is something a person reads, so it takes at most
:data:`MAX_BRIEFING_ARTICLES` articles and says so when the view holds more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefing.briefings.caption import describe_filters
from briefing.domain import ArticleQuery, BriefingError
from briefing.export.csv_export import write_articles_csv
from briefing.export.export_progress import ExportCancelled, ExportError
from briefing.store import Store
from briefing.ui import settings
from briefing.ui.briefing_editor import BriefingEditor, count_words
from briefing.ui.briefing_export_dialog import file_stem
from briefing.ui.workers import CancelCheck, Job, ProgressCallback

# A briefing of more whole articles than this is not read by anyone: narrow the view instead.
MAX_BRIEFING_ARTICLES = 200


def csv_task(store: Store, article_ids: Sequence[int], path: Path) -> object:
    """The CSV written by the core (a cancel or a failure never leaves half a file); returns
    the rows written, or None when cancelled."""
    ids = list(article_ids)

    def task(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        try:
            return write_articles_csv(
                store,
                ids,
                path,
                progress=lambda done, total: progress((done, total)),
                cancel=is_cancelled,
            )
        except ExportCancelled:
            return None
        except ExportError as exc:
            raise BriefingError(str(exc)) from exc

    return task


class ViewExportDialog(QDialog):
    """CSV file or new briefing, for the articles the list shows now."""

    # The CSV was written: (path, rows).
    csvWritten = Signal(object, int)
    # A briefing was made from the view: its id.
    briefingCreated = Signal(int)

    def __init__(
        self,
        store: Store,
        editor: BriefingEditor,
        article_ids: Sequence[int],
        query: ArticleQuery,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._editor = editor
        self._ids = list(article_ids)
        self._job: Job | None = None
        self.written: Path | None = None
        self.setObjectName("viewExportDialog")
        self.setWindowTitle("Export Current View")
        self.setAccessibleName("Export the current view")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)

        count = len(self._ids)
        filters = describe_filters(store, query)
        heading = QLabel(f"Export the {count_words(count, 'article')} in view", self)
        heading.setObjectName("viewExportHeading")
        heading.setStyleSheet("font-weight: 600;")
        self.filters_label = QLabel(f"{filters}, in the list's order.", self)
        self.filters_label.setObjectName("viewExportFilters")
        self.filters_label.setWordWrap(True)
        self.filters_label.setStyleSheet("color: #59636e;")
        self.filters_label.setTextFormat(Qt.TextFormat.PlainText)

        self.csv_radio = QRadioButton("As a &CSV file (one row per article)", self)
        self.csv_radio.setObjectName("viewExportCsv")
        self.briefing_radio = QRadioButton("Into a new &briefing", self)
        self.briefing_radio.setObjectName("viewExportBriefing")
        group = QButtonGroup(self)
        group.addButton(self.csv_radio)
        group.addButton(self.briefing_radio)
        self.csv_radio.setChecked(True)

        stem = "articles" if filters == "All articles" else file_stem(filters)[:60]
        self.path_edit = QLineEdit(str(self._default_folder() / f"{stem}.csv"), self)
        self.path_edit.setObjectName("viewExportPath")
        self.path_edit.setAccessibleName("CSV file to write")
        self.browse_button = QPushButton("Browse…", self)
        self.browse_button.setObjectName("viewExportBrowse")
        self.browse_button.clicked.connect(self._on_browse)
        self.name_edit = QLineEdit(self._suggested_name(filters), self)
        self.name_edit.setObjectName("viewExportBriefingName")
        self.name_edit.setAccessibleName("Name of the new briefing")
        self.cap_label = QLabel(self)
        self.cap_label.setObjectName("viewExportCap")
        self.cap_label.setWordWrap(True)
        self.cap_label.setStyleSheet("color: #a4501f;")
        if count > MAX_BRIEFING_ARTICLES:
            self.cap_label.setText(
                f"A briefing takes at most {MAX_BRIEFING_ARTICLES} whole articles: the first "
                f"{MAX_BRIEFING_ARTICLES} of these {count:,}, in the list's order. Narrow the "
                "view (search, entities, dates) to choose which."
            )
        self.cap_label.setVisible(count > MAX_BRIEFING_ARTICLES)

        grid = QGridLayout()
        grid.setColumnMinimumWidth(0, 18)
        grid.addWidget(self.csv_radio, 0, 0, 1, 3)
        grid.addWidget(self.path_edit, 1, 1)
        grid.addWidget(self.browse_button, 1, 2)
        grid.addWidget(self.briefing_radio, 2, 0, 1, 3)
        grid.addWidget(self.name_edit, 3, 1, 1, 2)
        grid.addWidget(self.cap_label, 4, 1, 1, 2)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("viewExportProgress")
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("viewExportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("Export", self)
        self.export_button.setObjectName("viewExportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.close_button = QPushButton("Close", self)
        self.close_button.setObjectName("viewExportCancel")
        self.close_button.clicked.connect(self._on_close_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.filters_label)
        layout.addSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.csv_radio.toggled.connect(self._update_fields)
        self.briefing_radio.toggled.connect(self._update_fields)
        self._update_fields()
        if not self._ids:
            self.export_button.setEnabled(False)
            self._say("No articles are in view: change the filters first.", error=True)

    # -- what the window and tests use -------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self) -> Job | None:
        """Export (the button)."""
        if self._job is not None or not self._ids:
            return None
        if self.briefing_radio.isChecked():
            self._make_briefing()
            return None
        return self._write_csv()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.close_button.setEnabled(False)
            self.close_button.setText("Cancelling…")

    def shutdown(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    # -- internals ---------------------------------------------------------------------------

    def _make_briefing(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            self._say("The new briefing needs a name.", error=True)
            return
        if self._store.find_briefing(name) is not None:
            self._say(f"There is already a briefing called “{name}”.", error=True)
            return
        ids = self._ids[:MAX_BRIEFING_ARTICLES]
        info = self._editor.create(name, article_ids=ids)
        if info is None:
            self._say("The briefing could not be made (see the message).", error=True)
            return
        self.briefingCreated.emit(info.id)
        self.accept()

    def _write_csv(self) -> Job | None:
        text = self.path_edit.text().strip()
        if not text:
            self._say("Choose a file to write.", error=True)
            return None
        path = Path(text).expanduser()
        if not path.suffix:
            path = path.with_suffix(".csv")
        if not path.parent.is_dir():
            self._say(f"The folder {path.parent} does not exist.", error=True)
            return None
        settings.set_value(settings.EXPORT_FOLDER, str(path.parent))
        job = Job(csv_task(self._store, self._ids, path), what="The CSV export", parent=self)
        job.progress.connect(self._on_progress)
        job.finished.connect(lambda rows: self._on_finished(path, rows))
        job.failed.connect(lambda message: self._on_failed(path, message))
        job.done.connect(self._on_job_done)
        self._job = job
        self._set_running(True)
        self._say(f"Writing {path}…")
        job.start()
        return job

    def _on_progress(self, progress: object) -> None:
        if isinstance(progress, tuple) and len(progress) == 2:
            self.progress.setRange(0, max(int(progress[1]), 1))
            self.progress.setValue(int(progress[0]))

    def _on_finished(self, path: Path, rows: object) -> None:
        if rows is None:
            self.progress.setValue(0)
            self._say("Export cancelled: no file was written.")
            return
        self.written = path
        count = int(rows) if isinstance(rows, int) else 0
        self._say(f"Wrote {count_words(count, 'article')} to {path}.")
        self.csvWritten.emit(path, count)

    def _on_failed(self, path: Path, message: str) -> None:
        self.progress.setValue(0)
        self._say(f"Could not write {path.name}: {message}", error=True)

    def _on_job_done(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for widget in (self.csv_radio, self.briefing_radio, self.export_button):
            widget.setEnabled(not running)
        if running:
            self.progress.setRange(0, max(len(self._ids), 1))
            self.progress.setValue(0)
            self.progress.show()
        self.close_button.setEnabled(True)
        self.close_button.setText("Cancel" if running else "Close")
        self._update_fields()

    def _update_fields(self) -> None:
        csv = self.csv_radio.isChecked() and self._job is None
        self.path_edit.setEnabled(csv)
        self.browse_button.setEnabled(csv)
        self.name_edit.setEnabled(self.briefing_radio.isChecked() and self._job is None)

    def _suggested_name(self, filters: str) -> str:
        base = f"View {dt.date.today().isoformat()}" if filters == "All articles" else filters
        base = base[:60]
        name, number = base, 2
        while self._store.find_briefing(name) is not None:
            name = f"{base} ({number})"
            number += 1
        return name

    def _default_folder(self) -> Path:
        remembered = settings.string(settings.EXPORT_FOLDER)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        path = self._store.path
        return path.parent if path is not None else Path(QDir.homePath())

    def _on_browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export Current View", self.path_edit.text(), "CSV files (*.csv)"
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _on_close_clicked(self) -> None:
        if self._job is not None:
            self.cancel()
        else:
            self.reject()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #a4501f;" if error else "color: #3b434c;")

    def reject(self) -> None:
        if self._job is not None:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            event.ignore()
            self.cancel()
            return
        super().closeEvent(event)
