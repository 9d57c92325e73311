"""File › Import…: choose files and folders, set options, check a preview, import, see a summary.

Five pages. *Sources* walks what was added (buttons or drag and drop) as the core's import
would and groups the files by the reader each one will get. *Options* names the source, the
date default, how plain text is split into articles and, for CSV and JSON, which field holds
what. *Preview* reads the files in a worker (rows appear as files are read) and lets the person
untick, merge and split articles; going back keeps those edits unless an option that changes
the reading changed. *Import* stores exactly the previewed articles in a worker (the core's
:func:`import_parsed_articles`), with progress, time left and Cancel (which stops after the
current batch). *Summary* gives the account and can narrow the main list to the run.

Only widgets live here: what the files hold and how they are stored is decided in
:mod:`briefing.ingest` (sources, preview_edits, preview_import).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, QDir, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from briefing.domain import FileFailure, ImportReport, ParsedArticle
from briefing.ingest.preview_import import (
    BATCH_SIZE,
    PreviewImportProgress,
    import_parsed_articles,
)
from briefing.ingest.readers import FieldMapping, ReadError, ReadOptions
from briefing.ingest.segmentation import Segmentation
from briefing.ingest.sources import (
    NO_READER,
    NO_READER_REASON,
    DateMode,
    FileRead,
    SourceScan,
    read_files,
    scan_sources,
)
from briefing.ingest.tabular_reader import field_names, suggest_mapping
from briefing.store import Store
from briefing.ui import settings
from briefing.ui.import_dialog import format_seconds, plural
from briefing.ui.import_preview_model import (
    DATE_COLUMN,
    FILE_COLUMN,
    FIRST_WORDS_COLUMN,
    INCLUDE_COLUMN,
    KICKER_COLUMN,
    LENGTH_COLUMN,
    TITLE_COLUMN,
    ImportPreviewModel,
)
from briefing.ui.split_dialog import SplitArticleDialog
from briefing.ui.workers import CancelCheck, Job, ProgressCallback

MAPPING_ROLES = ("title", "body", "date", "source", "url")
NO_FIELD = "(none)"
SEGMENTATION_HINTS = {
    Segmentation.AUTOMATIC: "Reads headlines, kickers, datelines, separators and the way "
    "blank lines are used in each file.",
    Segmentation.ONE_PER_FILE: "Each file is one article; a headline on its first line "
    "becomes the title.",
    Segmentation.BLANK_LINES: "Every block of lines between blank lines is an article "
    "(a block holding only a headline heads the block below it).",
    Segmentation.HEADLINES: "A new article starts only at a headline line or a "
    "“KICKER: deck” line; blank lines and datelines alone never split.",
}
RESET_NOTE = (
    "The options changed, so the files were read again: your earlier edits (unticked, "
    "merged or split articles) were reset."
)


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024**2:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024**2:.1f} MB"


def local_paths(urls: Sequence[QUrl]) -> list[Path]:
    """The local files and folders among dropped URLs."""
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and url.toLocalFile()]


def _failure_tree(parent: QWidget, name: str, accessible: str) -> QTreeWidget:
    view = QTreeWidget(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setHeaderLabels(["File", "Reason"])
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    view.header().setStretchLastSection(True)
    return view


def _fill_failures(view: QTreeWidget, failures: Sequence[FileFailure]) -> None:
    view.clear()
    for failure in failures:
        item = QTreeWidgetItem([Path(failure.path.split("!")[0]).name + _member(failure), ""])
        item.setText(1, failure.reason)
        item.setToolTip(0, failure.path)
        item.setToolTip(1, failure.reason)
        view.addTopLevelItem(item)


def _member(failure: FileFailure) -> str:
    # An archive's member is named "archive.zip!member": keep the member visible.
    _, bang, member = failure.path.partition("!")
    return f"!{member}" if bang else ""


# -- Sources -------------------------------------------------------------------------------------


class SourcesPage(QWizardPage):
    """Files and folders to import; what was found in them, by format; what is skipped."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("importSourcesPage")
        self.setAccessibleName("Sources")
        self.setTitle("Choose what to import")
        self.setSubTitle(
            "Add files and folders, or drop them here. Folders are read with their sub-folders."
        )
        self.paths: list[Path] = []

        self.add_files_button = QPushButton("Add Files…", self)
        self.add_files_button.setObjectName("addFilesButton")
        self.add_folder_button = QPushButton("Add Folder…", self)
        self.add_folder_button.setObjectName("addFolderButton")
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName("removeSourceButton")
        self.add_files_button.clicked.connect(self._on_add_files)
        self.add_folder_button.clicked.connect(self._on_add_folder)
        self.remove_button.clicked.connect(self._on_remove)

        self.chosen = QListWidget(self)
        self.chosen.setObjectName("importChosenPaths")
        self.chosen.setAccessibleName("Chosen files and folders")
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.itemSelectionChanged.connect(self._update_buttons)

        self.formats = QTreeWidget(self)
        self.formats.setObjectName("importFormats")
        self.formats.setAccessibleName("Formats found")
        self.formats.setHeaderLabels(["Format", "Files", "Size"])
        self.formats.setRootIsDecorated(False)
        self.formats.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.formats.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.totals = QLabel("Nothing chosen yet.", self)
        self.totals.setObjectName("importTotals")
        self.totals.setWordWrap(True)
        self.skipped_label = QLabel("Skipped:", self)
        self.skipped = _failure_tree(self, "importSkipped", "Skipped files")

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.add_folder_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.chosen, 1)
        top.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 2)
        layout.addWidget(QLabel("Found:", self))
        layout.addWidget(self.formats, 2)
        layout.addWidget(self.totals)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.skipped, 2)
        self._update_view()

    @property
    def scan(self) -> SourceScan:
        return self._wizard.scan

    def add_paths(self, paths: Sequence[Path]) -> None:
        known = set(self.paths)
        added = [Path(p) for p in paths if Path(p) not in known]
        if not added:
            return
        self.paths.extend(added)
        self._rescan()

    def isComplete(self) -> bool:
        return bool(self.scan.files)

    def _rescan(self) -> None:
        self._wizard.scan = scan_sources(self.paths) if self.paths else SourceScan()
        self._update_view()
        self.completeChanged.emit()

    def _update_view(self) -> None:
        self.chosen.clear()
        for path in self.paths:
            self.chosen.addItem(str(path))
        scan = self.scan
        self.formats.clear()
        for name, files, size in scan.groups():
            label = name if name != NO_READER else f"{NO_READER} (will fail: {NO_READER_REASON})"
            item = QTreeWidgetItem([label, f"{files:,}", format_size(size)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.formats.addTopLevelItem(item)
        if not self.paths:
            self.totals.setText("Nothing chosen yet.")
        else:
            text = f"{plural(len(scan.files), 'file')} to read, {format_size(scan.total_size)}"
            if scan.skipped:
                text += f"; {plural(len(scan.skipped), 'file')} skipped"
            self.totals.setText(text + ".")
        _fill_failures(self.skipped, scan.skipped)
        self.skipped_label.setVisible(bool(scan.skipped))
        self.skipped.setVisible(bool(scan.skipped))
        self._update_buttons()

    def format_rows(self) -> list[tuple[str, int]]:
        """(format, files) as listed, for tests."""
        return [
            (item.text(0), int(item.text(1).replace(",", "")))
            for item in (
                self.formats.topLevelItem(i) for i in range(self.formats.topLevelItemCount())
            )
        ]

    def skipped_rows(self) -> list[tuple[str, str]]:
        return [
            (item.text(0), item.text(1))
            for item in (
                self.skipped.topLevelItem(i) for i in range(self.skipped.topLevelItemCount())
            )
        ]

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.chosen.selectedItems()))

    def _start_folder(self) -> str:
        folder = settings.settings().value(settings.IMPORT_FOLDER)
        return folder if isinstance(folder, str) and Path(folder).is_dir() else QDir.homePath()

    def _on_add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Add Files", self._start_folder())
        if files:
            settings.set_value(settings.IMPORT_FOLDER, str(Path(files[0]).parent))
            self.add_paths([Path(f) for f in files])

    def _on_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add Folder", self._start_folder())
        if folder:
            settings.set_value(settings.IMPORT_FOLDER, folder)
            self.add_paths([Path(folder)])

    def _on_remove(self) -> None:
        rows = sorted((self.chosen.row(item) for item in self.chosen.selectedItems()), reverse=True)
        for row in rows:
            del self.paths[row]
        self._rescan()


# -- Options -------------------------------------------------------------------------------------


class OptionsPage(QWizardPage):
    """Source name, the date default and, for CSV and JSON files, the field mapping."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("importOptionsPage")
        self.setAccessibleName("Options")
        self.setTitle("Import options")
        self.setSubTitle("How the files are read; the next page shows the articles this gives.")
        # Per CSV/JSON file: its field names and the mapping chosen (or why it has none).
        self._fields: dict[Path, list[str] | str] = {}
        self.mappings: dict[Path, FieldMapping] = {}
        self._filling = False

        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("importSourceName")
        self.source_edit.setAccessibleName("Source name")
        self.source_edit.setPlaceholderText("as each file names it, else the file's name")
        self.source_edit.setToolTip(
            "A name given here is used for every article, over the one a file names "
            "(a feed's title, a page's site, a CSV column, a mail's sender)."
        )

        self.date_from_files = QRadioButton("From each file (or inferred from the text)", self)
        self.date_from_files.setObjectName("dateFromFiles")
        self.date_fixed = QRadioButton("This date, for articles whose file gives none:", self)
        self.date_fixed.setObjectName("dateFixed")
        self.date_none = QRadioButton("None: articles whose file gives no date stay undated", self)
        self.date_none.setObjectName("dateNone")
        self.date_from_files.setChecked(True)
        self.date_group = QButtonGroup(self)
        for button in (self.date_from_files, self.date_fixed, self.date_none):
            self.date_group.addButton(button)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("importFixedDate")
        self.date_edit.setAccessibleName("Fixed publication date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setEnabled(False)
        self.date_fixed.toggled.connect(self.date_edit.setEnabled)

        fixed_row = QHBoxLayout()
        fixed_row.addWidget(self.date_fixed)
        fixed_row.addWidget(self.date_edit)
        fixed_row.addStretch(1)
        dates = QVBoxLayout()
        dates.addWidget(self.date_from_files)
        dates.addLayout(fixed_row)
        dates.addWidget(self.date_none)

        self.segmentation_combo = QComboBox(self)
        self.segmentation_combo.setObjectName("segmentationCombo")
        self.segmentation_combo.setAccessibleName("Plain text: split articles")
        for mode in Segmentation:
            self.segmentation_combo.addItem(mode.label, mode.value)
        self.segmentation_hint = QLabel(self)
        self.segmentation_hint.setObjectName("segmentationHint")
        self.segmentation_hint.setWordWrap(True)
        self.segmentation_hint.setEnabled(False)  # greyed: an explanation, not a control
        self.segmentation_combo.currentIndexChanged.connect(self._show_segmentation_hint)
        self._show_segmentation_hint()
        segmentation = QVBoxLayout()
        segmentation.setSpacing(2)
        combo_row = QHBoxLayout()
        combo_row.addWidget(self.segmentation_combo)
        combo_row.addStretch(1)
        segmentation.addLayout(combo_row)
        segmentation.addWidget(self.segmentation_hint)

        self.form = QFormLayout()
        form = self.form
        form.addRow("Source name:", self.source_edit)
        form.addRow("Publication date:", dates)
        form.addRow("Plain text: split articles:", segmentation)

        self.mapping_group = QGroupBox("CSV and JSON fields", self)
        self.mapping_group.setObjectName("importMappingGroup")
        self.mapping_file = QComboBox(self.mapping_group)
        self.mapping_file.setObjectName("mappingFileCombo")
        self.mapping_file.setAccessibleName("CSV or JSON file")
        self.mapping_file.currentIndexChanged.connect(self._show_mapping)
        self.mapping_note = QLabel(self.mapping_group)
        self.mapping_note.setObjectName("mappingNote")
        self.mapping_note.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        mapping_form = QFormLayout(self.mapping_group)
        mapping_form.addRow("File:", self.mapping_file)
        for role in MAPPING_ROLES:
            combo = QComboBox(self.mapping_group)
            combo.setObjectName(f"mapping{role.capitalize()}")
            combo.setAccessibleName(f"Field holding the {role}")
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.combos[role] = combo
            mapping_form.addRow(f"{'URL' if role == 'url' else role.capitalize()}:", combo)
        mapping_form.addRow(self.mapping_note)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.mapping_group)
        layout.addStretch(1)

    # -- what the import uses -------------------------------------------------------------

    @property
    def source(self) -> str:
        return self.source_edit.text().strip()

    @property
    def date_mode(self) -> DateMode:
        if self.date_fixed.isChecked():
            return DateMode.FIXED
        if self.date_none.isChecked():
            return DateMode.NONE
        return DateMode.FROM_FILES

    @property
    def fixed_date(self) -> dt.date | None:
        if self.date_mode != DateMode.FIXED:
            return None
        value = self.date_edit.date()
        return dt.date(value.year(), value.month(), value.day())

    @property
    def segmentation(self) -> Segmentation:
        return Segmentation(self.segmentation_combo.currentData())

    def set_segmentation(self, mode: Segmentation) -> None:
        self.segmentation_combo.setCurrentIndex(self.segmentation_combo.findData(mode.value))

    def default_read_options(self) -> ReadOptions:
        """For every file without options of its own (all but CSV and JSON)."""
        return ReadOptions(segmentation=self.segmentation)

    def read_options(self) -> dict[Path, ReadOptions]:
        return {
            path: ReadOptions(mapping=mapping, segmentation=self.segmentation)
            for path, mapping in self.mappings.items()
        }

    def parse_key(self) -> tuple[object, ...]:
        """Everything that changes what the preview reads: when it is the same as at the last
        reading, the person's edits in the preview can stay. (The source name is not in it:
        the preview renames its rows in place.)"""
        return (
            tuple(f.path for f in self._wizard.scan.files),
            tuple(sorted((str(path), mapping) for path, mapping in self.mappings.items())),
            self.segmentation,
            self.date_mode,
            self.fixed_date,
        )

    def run_options(self) -> dict[str, str]:
        """The choices the import run records (the history shows them)."""
        return {
            "source": self.source,
            "date": self.fixed_date.isoformat() if self.fixed_date else "",
            "date_mode": str(self.date_mode),
            "segmentation": self.segmentation.value,
            "from": "import wizard",
        }

    # -- the page -------------------------------------------------------------------------

    def initializePage(self) -> None:
        tabular = [f.path for f in self._wizard.scan.tabular()]
        for path in list(self.mappings):
            if path not in tabular:
                del self.mappings[path]
        self._filling = True
        self.mapping_file.clear()
        for path in tabular:
            if path not in self._fields:
                self._load_fields(path)
            self.mapping_file.addItem(path.name, str(path))
            self.mapping_file.setItemData(
                self.mapping_file.count() - 1, str(path), Qt.ItemDataRole.ToolTipRole
            )
        self._filling = False
        self.mapping_group.setVisible(bool(tabular))
        self.mapping_file.setEnabled(len(tabular) > 1)
        self._show_mapping()
        # The split choice only means something for plain text and Markdown (or archives).
        self.form.setRowVisible(2, self._wizard.scan.has_plain_text())

    def _show_segmentation_hint(self) -> None:
        self.segmentation_hint.setText(SEGMENTATION_HINTS[self.segmentation])

    def _load_fields(self, path: Path) -> None:
        try:
            data = path.read_bytes()
            names = field_names(data, path)
            suggestion = suggest_mapping(data, path)
        except (OSError, ReadError, ValueError) as exc:
            self._fields[path] = f"Its fields cannot be read: {exc}"
            return
        self._fields[path] = names
        self.mappings[path] = suggestion

    def current_mapping_path(self) -> Path | None:
        data = self.mapping_file.currentData()
        return Path(data) if isinstance(data, str) else None

    def _show_mapping(self) -> None:
        if self._filling:
            return
        path = self.current_mapping_path()
        fields = self._fields.get(path) if path is not None else None
        self._filling = True
        for role, combo in self.combos.items():
            combo.clear()
            combo.addItem(NO_FIELD, None)
            if isinstance(fields, list):
                for name in fields:
                    combo.addItem(name, name)
                chosen = getattr(self.mappings.get(path, FieldMapping()), role) if path else None
                at = combo.findData(chosen) if chosen is not None else 0
                combo.setCurrentIndex(max(at, 0))
            combo.setEnabled(isinstance(fields, list))
        self._filling = False
        if isinstance(fields, str):
            self.mapping_note.setText(fields)
        else:
            self.mapping_note.setText("Pre-filled from the field names; change any that is wrong.")

    def _on_mapping_changed(self) -> None:
        if self._filling:
            return
        path = self.current_mapping_path()
        if path is None or not isinstance(self._fields.get(path), list):
            return
        self.mappings[path] = FieldMapping(
            **{role: combo.currentData() for role, combo in self.combos.items()}
        )


# -- Preview -------------------------------------------------------------------------------------


class PreviewPage(QWizardPage):
    """The articles the import would create; untick, merge and split before importing."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("importPreviewPage")
        self.setAccessibleName("Preview")
        self.setTitle("Check what will be imported")
        self.setSubTitle(
            "Untick what you do not want; merge a story cut in two, or split one that holds two."
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Import")
        self._job: Job | None = None
        self.reading = False
        self.files_done = 0
        self.files_total = 0
        self.failures: list[FileFailure] = []
        self.skipped: list[FileFailure] = []
        self.files_read = 0
        self.split_dialog: SplitArticleDialog | None = None
        # The options the rows were read with (None: nothing read yet).
        self._read_key: tuple[object, ...] | None = None

        # Rows whose text the store already holds are marked "duplicate of a stored article".
        self.model = ImportPreviewModel(self, known_hashes=wizard.store.existing_hashes)
        self.table = QTableView(self)
        self.table.setObjectName("importPreview")
        self.table.setAccessibleName("Articles to import")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(INCLUDE_COLUMN, QHeaderView.ResizeMode.Fixed)
        # Sized so the warnings stay in view in the wizard's default width.
        self.table.setColumnWidth(INCLUDE_COLUMN, 28)
        self.table.setColumnWidth(TITLE_COLUMN, 230)
        self.table.setColumnWidth(KICKER_COLUMN, 80)
        self.table.setColumnWidth(FIRST_WORDS_COLUMN, 190)
        self.table.setColumnWidth(LENGTH_COLUMN, 52)
        self.table.setColumnWidth(DATE_COLUMN, 84)
        self.table.setColumnWidth(FILE_COLUMN, 100)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.context_menu: QMenu | None = None

        self.progress = QProgressBar(self)
        self.progress.setObjectName("importPreviewProgress")
        self.progress.setAccessibleName("Files read for the preview")
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("importPreviewStatus")
        self.reset_note = QLabel(RESET_NOTE, self)
        self.reset_note.setObjectName("previewResetNote")
        self.reset_note.setAccessibleName("Edits reset")
        self.reset_note.setWordWrap(True)
        self.reset_note.setStyleSheet(
            "QLabel { background: #fff4d6; color: #5c3d00; border: 1px solid #e6c36a;"
            " border-radius: 3px; padding: 4px 8px; }"
        )
        self.reset_note.setVisible(False)

        self.merge_action = QAction("Merge with Next", self)
        self.merge_action.setObjectName("mergeWithNextAction")
        self.merge_action.triggered.connect(self.merge_selected)
        self.split_action = QAction("Split…", self)
        self.split_action.setObjectName("splitArticleAction")
        self.split_action.triggered.connect(self.split_selected)
        self.merge_button = QPushButton("Merge with Next", self)
        self.merge_button.setObjectName("mergeWithNextButton")
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button = QPushButton("Split…", self)
        self.split_button.setObjectName("splitArticleButton")
        self.split_button.clicked.connect(self.split_selected)
        self.tick_all_button = QPushButton("Tick All", self)
        self.tick_all_button.setObjectName("tickAllButton")
        self.tick_all_button.clicked.connect(lambda: self.model.set_all_included(True))
        self.untick_all_button = QPushButton("Untick All", self)
        self.untick_all_button.setObjectName("untickAllButton")
        self.untick_all_button.clicked.connect(lambda: self.model.set_all_included(False))

        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.rowsRemoved.connect(self._on_rows_changed)
        self.model.dataChanged.connect(self._on_rows_changed)
        self.model.modelReset.connect(self._on_rows_changed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.tick_all_button)
        buttons.addWidget(self.untick_all_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.split_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reset_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- reading ------------------------------------------------------------------------------

    def initializePage(self) -> None:
        options = self._wizard.options_page
        key = options.parse_key()
        if key == self._read_key:
            # Back to the options and on again with nothing that changes the reading: the
            # person's edits stay, a reading cut short goes on where it stopped.
            self.reset_note.setVisible(False)
            self.model.set_given_source(options.source)
            if self.files_done < self.files_total:
                self.start_reading(resume=True)
            else:
                self._update_status()
                self.completeChanged.emit()
            return
        # Read afresh with the new options; say so when that throws edits away.
        self.reset_note.setVisible(self._read_key is not None and self.model.edited)
        self.start_reading()

    def cleanupPage(self) -> None:
        # Back to the options: stop reading, keep the rows and edits (see initializePage).
        self.stop_reading()

    def start_reading(self, *, resume: bool = False) -> None:
        """Read the files for the preview (``resume``: only those not read yet, keeping the
        rows and edits so far)."""
        self.stop_reading()
        options = self._wizard.options_page
        files = [f.path for f in self._wizard.scan.files]
        if not resume:
            self.model.clear()
            self.failures, self.skipped, self.files_read = [], [], 0
            self.files_done = 0
            self._read_key = options.parse_key()
        self.files_total = len(files)
        self.progress.setRange(0, max(len(files), 1))
        self.progress.setValue(self.files_done)
        self.progress.setVisible(True)
        to_read = files[self.files_done :]
        read_options, default = options.read_options(), options.default_read_options()
        source, mode, fixed = options.source, options.date_mode, options.fixed_date

        def task(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
            for group in read_files(
                to_read,
                read_options,
                default=default,
                source=source,
                date_mode=mode,
                fixed_date=fixed,
                is_cancelled=is_cancelled,
            ):
                progress(group)
            return None

        job = Job(task, what="Reading the files", name="import-preview", parent=self)
        job.progress.connect(lambda group, job=job: self._on_read(job, group))
        job.finished.connect(lambda _result, job=job: self._on_read_done(job))
        job.failed.connect(lambda message, job=job: self._on_read_failed(job, message))
        job.done.connect(job.deleteLater)
        self._job = job
        self.reading = True
        self._update_status()
        job.start()

    def stop_reading(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            job.wait()
        self.reading = False

    def _on_read(self, job: Job, group: object) -> None:
        if job is not self._job or not isinstance(group, list):
            return  # a reading that was stopped: its last files do not belong here
        read: list[tuple[Path, str, Sequence[ParsedArticle]]] = []
        for result in group:
            assert isinstance(result, FileRead)
            self.files_done += 1
            self.failures.extend(result.part_failures)
            self.skipped.extend(result.part_skipped)
            if result.error is not None:
                self.failures.append(FileFailure(str(result.path), result.error))
            else:
                self.files_read += 1
                read.append((result.path, result.given_source, result.articles))
        self.model.append_files(read)
        self.progress.setValue(self.files_done)
        self._update_status()

    def _on_read_done(self, job: Job) -> None:
        if job is not self._job:
            return
        self._job = None
        self.reading = False
        self.progress.setVisible(False)
        self._update_status()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.completeChanged.emit()

    def _on_read_failed(self, job: Job, message: str) -> None:
        if job is not self._job:
            return
        self._on_read_done(job)
        self.status.setText(message)

    def isComplete(self) -> bool:
        return not self.reading and self.model.included_count() > 0

    # -- editing ------------------------------------------------------------------------------

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def merge_selected(self) -> None:
        row = self.selected_row()
        if self.model.can_merge(row):
            self.model.merge_with_next(row)
            self.table.selectRow(row)

    def split_selected(self) -> SplitArticleDialog | None:
        row = self.selected_row()
        if row < 0 or len(self.model.rows[row].article.body.split("\n\n")) < 2:
            return None
        dialog = SplitArticleDialog(self.model.rows[row].article, self)
        dialog.accepted.connect(lambda: self._on_split_accepted(row, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.split_dialog = dialog
        dialog.open()
        return dialog

    def _on_split_accepted(self, row: int, dialog: SplitArticleDialog) -> None:
        at = dialog.split_at()
        if at >= 1 and row < self.model.rowCount():
            self.model.split(row, at)
            self.table.selectRow(row)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.setObjectName("importPreviewMenu")
        menu.addAction(self.merge_action)
        menu.addAction(self.split_action)
        menu.aboutToHide.connect(menu.deleteLater)
        self.context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_rows_changed(self, *_args: object) -> None:
        self._update_status()
        self._update_buttons()
        self.completeChanged.emit()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        can_merge = self.model.can_merge(row)
        can_split = row >= 0 and len(self.model.rows[row].article.body.split("\n\n")) > 1
        for widget in (self.merge_button, self.merge_action):
            widget.setEnabled(can_merge)
        for widget in (self.split_button, self.split_action):
            widget.setEnabled(can_split)

    def _update_status(self) -> None:
        total = self.model.rowCount()
        chosen = self.model.included_count()
        text = f"{plural(chosen, 'article')} of {total:,} will be imported"
        warnings = self.model.warning_count()
        if warnings:
            text += f" · {plural(warnings, 'article')} with warnings"
        if self.failures:
            text += f" · {plural(len(self.failures), 'file')} cannot be read"
        if self.reading:
            text = f"Reading {self.files_done:,} of {self.files_total:,} files… " + text
        self.status.setText(text)


# -- Import --------------------------------------------------------------------------------------


class ImportPage(QWizardPage):
    """The import running: a progress bar, counts, time left; the wizard's Cancel stops it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("importRunPage")
        self.setAccessibleName("Import")
        self.setTitle("Importing")
        self.setSubTitle("Cancel stops after the current batch; what was imported stays.")
        self._job: Job | None = None
        self._started = 0.0
        self.report: ImportReport | None = None
        self.error: str | None = None
        self.cancel_requested = False

        self.heading = QLabel(self)
        self.heading.setObjectName("importRunHeading")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgressBar")
        self.bar.setAccessibleName("Articles imported")
        self.bar.setFormat("%v of %m articles")
        self.counts = QLabel("Starting…", self)
        self.counts.setObjectName("importRunCounts")
        self.time_left = QLabel(" ", self)
        self.time_left.setObjectName("importTimeLeft")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.time_left)
        layout.addStretch(1)

    @property
    def running(self) -> bool:
        return self._job is not None

    def initializePage(self) -> None:
        wizard = self._wizard
        preview = wizard.preview_page
        options = wizard.options_page
        articles = preview.model.included()
        files = [str(f.path) for f in wizard.scan.files]
        failures = list(preview.failures)
        skipped = [*wizard.scan.skipped, *preview.skipped]
        files_read = preview.files_read
        store = wizard.store
        batch_size = wizard.batch_size
        source = options.source
        run_options = options.run_options()
        self.report, self.error, self.cancel_requested = None, None, False
        self.heading.setText(f"Importing {plural(len(articles), 'article')}…")
        self.bar.setRange(0, max(len(articles), 1))
        self.bar.setValue(0)

        def task(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
            return import_parsed_articles(
                store,
                articles,
                files=files,
                source=source,
                options=run_options,
                failures=failures,
                skipped=skipped,
                files_read=files_read,
                infer_dates=False,  # the preview applied the date option already
                progress=progress,
                is_cancelled=is_cancelled,
                batch_size=batch_size,
            )

        job = Job(task, what="The import", name="import-wizard", parent=self)
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.done.connect(self._on_done)
        self._job = job
        self._started = time.perf_counter()
        job.start()

    def cancel(self) -> None:
        if self._job is None or self.cancel_requested:
            return
        self.cancel_requested = True
        self._job.cancel()
        self.heading.setText("Cancelling: stopping after the current batch…")

    def wait(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    def isComplete(self) -> bool:
        return self._job is None and (self.report is not None or self.error is not None)

    def _on_progress(self, progress: object) -> None:
        if not isinstance(progress, PreviewImportProgress):
            return
        self.bar.setRange(0, max(progress.articles_total, 1))
        self.bar.setValue(progress.articles_done)
        counts = f"{plural(progress.imported, 'article')} imported"
        if progress.duplicates:
            counts += f" · {plural(progress.duplicates, 'duplicate')} skipped"
        self.counts.setText(counts)
        elapsed = time.perf_counter() - self._started
        if progress.articles_done and elapsed > 0:
            rate = progress.articles_done / elapsed
            left = (progress.articles_total - progress.articles_done) / rate
            self.time_left.setText(f"About {format_seconds(left)} left")

    def _on_finished(self, report: object) -> None:
        if isinstance(report, ImportReport):
            self.report = report

    def _on_failed(self, message: str) -> None:
        self.error = message

    def _on_done(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self.completeChanged.emit()
        self._wizard.on_import_done(self.report, self.error)


# -- Summary -------------------------------------------------------------------------------------


class SummaryPage(QWizardPage):
    """What was imported, what was a duplicate, what failed and why, how long it took."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("importSummaryPage")
        self.setAccessibleName("Summary")
        self.setTitle("Import finished")
        self.heading = QLabel(self)
        self.heading.setObjectName("importSummaryHeading")
        self.heading.setWordWrap(True)
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        for name, text in (
            ("importedCount", "Imported articles:"),
            ("duplicateCount", "Duplicates skipped:"),
            ("failedCount", "Failed files:"),
            ("skippedCount", "Skipped (not news, or no text):"),
            ("importTime", "Time:"),
        ):
            label = QLabel(self)
            label.setObjectName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[name] = label
            form.addRow(text, label)
        self.failures_label = QLabel("Not imported, and why:", self)
        self.failures = _failure_tree(self, "importFailures", "Files not imported")
        self.show_run_button = QPushButton("Show These Articles", self)
        self.show_run_button.setObjectName("showRunButton")
        self.show_run_button.clicked.connect(self._on_show_run)
        row = QHBoxLayout()
        row.addWidget(self.show_run_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failures)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        report = self._wizard.report
        error = self._wizard.import_page.error
        if report is None:
            self.setTitle("Import failed")
            self.heading.setText(error or "The import did not run.")
            report = ImportReport()
        elif report.cancelled:
            self.setTitle("Import cancelled")
            self.heading.setText(
                f"The import was cancelled; {plural(report.imported, 'article')} imported "
                f"before that {'is' if report.imported == 1 else 'are'} stored."
            )
        elif report.failures:
            self.setTitle("Import finished with problems")
            self.heading.setText(
                f"{plural(report.imported, 'article')} imported; "
                f"{plural(len(report.failures), 'file')} could not be imported."
            )
        else:
            self.setTitle("Import finished")
            self.heading.setText(f"{plural(report.imported, 'article')} imported.")
        self.labels["importedCount"].setText(f"{report.imported:,}")
        self.labels["duplicateCount"].setText(f"{report.duplicates:,}")
        self.labels["failedCount"].setText(f"{len(report.failures):,}")
        self.labels["skippedCount"].setText(f"{len(report.skipped):,}")
        self.labels["importTime"].setText(format_seconds(report.seconds))
        problems = [*report.failures, *report.skipped]
        _fill_failures(self.failures, problems)
        # Tall enough for the rows (up to a point), not the tree's generous default.
        rows_height = max(self.failures.sizeHintForRow(0), 16) * len(problems)
        header_height = self.failures.header().sizeHint().height()
        height = header_height + rows_height + 2 * self.failures.frameWidth() + 6
        self.failures.setFixedHeight(max(60, min(height, 260)))
        self.failures.setVisible(bool(problems))
        self.failures_label.setVisible(bool(problems))
        self.show_run_button.setEnabled(report.run_id is not None and report.imported > 0)

    def failure_rows(self) -> list[tuple[str, str]]:
        return [
            (item.text(0), item.text(1))
            for item in (
                self.failures.topLevelItem(i) for i in range(self.failures.topLevelItemCount())
            )
        ]

    def _on_show_run(self) -> None:
        report = self._wizard.report
        if report is not None and report.run_id is not None:
            self._wizard.showRunRequested.emit(report.run_id)
        self._wizard.accept()


# -- the wizard ----------------------------------------------------------------------------------


class ImportWizard(QWizard):
    """Sources → options → preview → import → summary (see the module's docstring)."""

    SOURCES, OPTIONS, PREVIEW, IMPORT, SUMMARY = range(5)

    # The import ended (finished or cancelled) and the store changed: the ImportReport.
    importFinished = Signal(object)
    # "Show these articles": the run's id.
    showRunRequested = Signal(int)

    def __init__(
        self,
        store: Store,
        paths: Sequence[Path] = (),
        parent: QWidget | None = None,
        *,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.batch_size = batch_size
        self.scan = SourceScan()
        self.report: ImportReport | None = None
        self.setObjectName("importWizard")
        self.setAccessibleName("Import wizard")
        self.setWindowTitle("Import")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setAcceptDrops(True)
        self.resize(900, 620)

        self.sources_page = SourcesPage(self)
        self.options_page = OptionsPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        self.summary_page = SummaryPage(self)
        self.setPage(self.SOURCES, self.sources_page)
        self.setPage(self.OPTIONS, self.options_page)
        self.setPage(self.PREVIEW, self.preview_page)
        self.setPage(self.IMPORT, self.import_page)
        self.setPage(self.SUMMARY, self.summary_page)
        for which, name in (
            (QWizard.WizardButton.NextButton, "wizardNextButton"),
            (QWizard.WizardButton.BackButton, "wizardBackButton"),
            (QWizard.WizardButton.CommitButton, "wizardImportButton"),
            (QWizard.WizardButton.FinishButton, "wizardFinishButton"),
            (QWizard.WizardButton.CancelButton, "wizardCancelButton"),
        ):
            self.button(which).setObjectName(name)
        if paths:
            self.sources_page.add_paths(paths)

    def add_paths(self, paths: Sequence[Path]) -> None:
        """More files or folders (dropped on the main window while the wizard is open)."""
        if self.currentId() in (self.SOURCES, -1):
            self.sources_page.add_paths(paths)

    @property
    def busy(self) -> bool:
        return self.import_page.running

    def on_import_done(self, report: ImportReport | None, error: str | None) -> None:
        self.report = report
        if report is not None or error is not None:
            if report is not None:
                self.importFinished.emit(report)
            if self.currentId() == self.IMPORT:
                # Straight on to the account of what happened.
                QTimer.singleShot(0, self.next)

    def shutdown(self) -> None:
        """Stop any reading or import and wait for it (the store stays consistent)."""
        self.preview_page.stop_reading()
        self.import_page.wait()

    def reject(self) -> None:
        if self.import_page.running:
            # Cancel means "stop after the current batch", then the summary says what is kept.
            self.import_page.cancel()
            return
        self.preview_page.stop_reading()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_page.running:
            event.ignore()
            self.import_page.cancel()
            return
        super().closeEvent(event)

    # -- drag and drop onto the wizard (sources page) -----------------------------------------

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return (
            self.currentId() == self.SOURCES
            and data is not None
            and data.hasUrls()
            and bool(local_paths(data.urls()))
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        self.sources_page.add_paths(local_paths(event.mimeData().urls()))
        event.acceptProposedAction()
