"""How long the import wizard takes to preview a folder of many files.

    python benchmarks/bench_preview.py                  # 1,000 files of 5 stories each
    python benchmarks/bench_preview.py --files 2000 --stories 3

Prints, for each segmentation mode, the time the core takes to read every file for the
preview (:func:`briefing.ingest.sources.read_files`, what the wizard's worker runs), then the
time from clicking Next on the Options page to a preview with every row shown (offscreen Qt,
the rows arriving from the worker as the files are read). The target is under 3 s for 1,000
files on two cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefing.ingest.readers import ReadOptions  # noqa: E402
from briefing.ingest.segmentation import Segmentation  # noqa: E402
from briefing.ingest.sources import read_files, scan_sources  # noqa: E402


def write_folder(folder: Path, files: int, stories: int) -> None:
    """``files`` text files of ``stories`` stories each: a headline, a date line, two or three
    paragraphs with a blank line between them, as pasted wire copy often is."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        parts = []
        for story in range(stories):
            n = number * stories + story
            parts.append(
                f"Brigade {n} holds exercise near the northern border\n"
                f"{1 + n % 28} March 2021\n\n"
                f"Troops of brigade {n} held exercise {n} near the border on Tuesday, "
                f"officials said, in the {n}th drill this year.\n\n"
                f"The exercise involved {n % 40 + 2} armoured vehicles and a battery of "
                "short-range air defence systems.\n\n"
                f"Observers from {n % 7 + 2} countries watched the drill, the ministry said.\n"
            )
        (folder / f"wire-{number:05d}.txt").write_text("\n".join(parts), encoding="utf-8")


def time_core(folder: Path, mode: Segmentation) -> tuple[float, int]:
    started = time.perf_counter()
    files = [f.path for f in scan_sources([folder]).files]
    articles = 0
    for group in read_files(files, {}, default=ReadOptions(segmentation=mode)):
        articles += sum(len(read.articles) for read in group)
    return time.perf_counter() - started, articles


def time_wizard(folder: Path, scratch: Path) -> tuple[float, int]:
    from PySide6.QtWidgets import QApplication

    from briefing.store import Store
    from briefing.ui.import_wizard import ImportWizard

    app = QApplication.instance() or QApplication([sys.argv[0]])
    with Store.open(scratch / "bench.sqlite") as store:
        wizard = ImportWizard(store, [folder])
        wizard.show()
        wizard.next()  # Sources → Options (the folder was scanned when the wizard opened)
        app.processEvents()
        started = time.perf_counter()
        wizard.next()  # Options → Preview: the reading starts
        preview = wizard.preview_page
        while preview.reading:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()
        seconds = time.perf_counter() - started
        rows = preview.model.rowCount()
        wizard.shutdown()
        wizard.close()
        wizard.deleteLater()
        app.processEvents()
    return seconds, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=5, help="stories per file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-preview-") as name:
        scratch = Path(name)
        folder = scratch / "inbox"
        write_folder(folder, args.files, args.stories)
        print(
            f"{args.files:,} files, {args.files * args.stories:,} stories, {os.cpu_count()} cores"
        )
        for mode in Segmentation:
            seconds, articles = time_core(folder, mode)
            print(f"core read_files, {mode.label:<34} {seconds:5.2f} s  {articles:>6,} articles")
        seconds, rows = time_wizard(folder, scratch)
        print(f"wizard: Next on Options to a full preview        {seconds:5.2f} s  {rows:>6,} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
