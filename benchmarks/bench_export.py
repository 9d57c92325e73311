"""Briefing export speed and size: a generated briefing of 200 articles, 2 charts and 2 tables
written as PDF, Word, HTML and Markdown.

    python benchmarks/bench_export.py [--articles 200] [--out DIR]

Prints, per format, the seconds the export took, the number of pages (PDF) and the size of the
files written (Markdown: the .md and its images).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.briefings.document import ArticleBlock, BriefingDocument, ChartBlock, TableBlock
from briefing.export.briefing_export import ExportFormat, export_briefing
from tests.briefing_fixtures import (
    articles,
    briefing_document,
    entity_table,
    key_dates_table,
    range_chart,
    timeline_chart,
)


def generated_document(count: int) -> BriefingDocument:
    """``count`` articles (the fixture's three, varied), the two charts and the two tables."""
    base = articles()
    blocks: list[ArticleBlock | ChartBlock | TableBlock] = []
    for index in range(count):
        article = base[index % len(base)]
        provenance = dataclasses.replace(
            article.provenance,
            article_id=index + 1,
            title=f"{article.provenance.title} ({index + 1})",
        )
        blocks.append(dataclasses.replace(article, provenance=provenance))
        if index == count // 3:
            blocks.append(ChartBlock(timeline_chart()))
        if index == 2 * count // 3:
            blocks.append(ChartBlock(range_chart()))
    blocks += [entity_table(), key_dates_table()]
    return dataclasses.replace(briefing_document(), blocks=tuple(blocks))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--out", type=Path, default=None, help="keep the files in this folder")
    args = parser.parse_args()
    document = generated_document(args.articles)
    print(f"{len(document.blocks)} blocks ({args.articles} articles, 2 charts, 2 tables)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.out or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for fmt in ExportFormat:
            path = folder / f"briefing{fmt.suffix}"
            started = time.perf_counter()
            written = export_briefing(document, path, fmt)
            seconds = time.perf_counter() - started
            size = sum(p.stat().st_size for p in written)
            extra = ""
            if fmt is ExportFormat.PDF:
                from pypdf import PdfReader

                extra = f", {len(PdfReader(path).pages)} pages"
            print(
                f"{fmt.label:<22} {seconds:6.2f} s  {size / 1024:8.0f} KiB"
                f" in {len(written)} file{'s' if len(written) > 1 else ''}{extra}"
            )


if __name__ == "__main__":
    main()
