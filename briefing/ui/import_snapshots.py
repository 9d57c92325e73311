"""Pictures of the import wizard's pages and the import history, for :mod:`briefing.ui.snapshot`.

Each function builds real content (the shipped sample set plus a few problem files in a
scratch folder), drives the widget to the page and saves it with ``grab()``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from briefing.ingest.pipeline import run_import
from briefing.ingest.preview_import import PreviewImportProgress
from briefing.store import Store
from briefing.ui.import_history import ImportHistoryDialog
from briefing.ui.import_wizard import ImportWizard

WIZARD_SIZE = QSize(960, 640)
PAGES = ("sources", "options", "preview", "import", "summary")


def _settle(
    app: QApplication, until: Callable[[], bool] = lambda: True, seconds: float = 30
) -> None:
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(5):
            app.processEvents()
        if until() or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def _save(widget: QWidget, path: Path, app: QApplication) -> Path:
    _settle(app)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def problem_files(folder: Path) -> list[Path]:
    """A CSV export, a mail newsletter, and what real folders also hold: an empty file, a
    binary one named .txt and an unknown type."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "agency-export.csv").write_text(
        "headline,story,published,outlet\n"
        '"Talks resume in Geneva","Diplomats resumed arms control talks in Geneva on Monday. '
        'Both delegations called the first session useful.",2021-04-05,NordWire\n'
        '"Satellite launch delayed","The launch of a reconnaissance satellite was delayed by '
        'a week because of the weather.",2021-04-06,NordWire\n',
        encoding="utf-8",
    )
    (folder / "defence-weekly.eml").write_text(
        "From: Defence Weekly <news@example.org>\nTo: analyst@example.org\n"
        "Subject: Parliament approves defence budget\nDate: Mon, 7 Jun 2021 09:00:00 +0000\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Parliament approved the defence budget on Monday after a long debate.\n\n"
        "The budget rises by four percent.\n",
        encoding="utf-8",
    )
    (folder / "notes-empty.txt").write_text("", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (folder / "contacts.vcf").write_text("BEGIN:VCARD\nEND:VCARD\n", encoding="utf-8")
    return [folder]


def render_wizard_page(
    app: QApplication,
    page: str,
    path: Path,
    scratch: Path,
    samples: Sequence[Path],
) -> Path:
    """The wizard on ``page`` (one of PAGES) over the sample set plus the problem files.

    "import" shows the import page's body with progress as the worker reports it halfway
    (a real import of the sample set is over before a picture could be taken).
    """
    sources = [*samples, *problem_files(scratch / f"inbox-{page}")]
    with Store.open(scratch / f"wizard-{page}.sqlite") as store:
        wizard = ImportWizard(store, sources)
        wizard.resize(WIZARD_SIZE)
        wizard.show()
        _settle(app)
        target: QWidget = wizard
        if page != "sources":
            wizard.next()
            _settle(app)
        if page in ("preview", "import", "summary"):
            wizard.next()
            _settle(app, lambda: not wizard.preview_page.reading)
            preview = wizard.preview_page
            if preview.model.rowCount() > 2:
                # An unticked row, as a person checking the list would leave it.
                preview.model.set_included(2, False)
                preview.table.selectRow(1)
        if page == "import":
            body = wizard.import_page
            total = wizard.preview_page.model.included_count()
            body.heading.setText(f"Importing {total} articles…")
            body._started = time.perf_counter() - 2.0
            body._on_progress(PreviewImportProgress(total // 2, total, total // 2 - 1, 1))
            body.resize(WIZARD_SIZE.width(), 260)
            body.show()
            target = body
        if page == "summary":
            wizard.next()
            _settle(app, lambda: wizard.currentId() == ImportWizard.SUMMARY)
        _save(target, path, app)
        wizard.shutdown()
        wizard.close()
        wizard.deleteLater()
        _settle(app)
    return path


def render_import_history(
    app: QApplication, path: Path, scratch: Path, samples: Sequence[Path]
) -> Path:
    """Three runs: the sample set, the same again (all duplicates), a folder with problems."""
    with Store.open(scratch / "history.sqlite") as store:
        half = len(samples) // 2
        run_import(store, samples[:half], source="Sample set", workers=0)
        run_import(store, samples, source="Sample set", workers=0)
        run_import(store, problem_files(scratch / "inbox-history"), workers=0)
        dialog = ImportHistoryDialog(store)
        dialog.resize(QSize(860, 520))
        dialog.show()
        dialog.select_run(store.import_runs()[-1].id)
        _save(dialog, path, app)
        dialog.close()
        dialog.deleteLater()
        _settle(app)
    return path
