"""export_briefing: formats, page sizes, progress, cancel and failure leave nothing behind."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing.export import chart_render
from briefing.export.briefing_export import (
    ExportCancelled,
    ExportError,
    ExportFormat,
    export_briefing,
    format_for_path,
)
from tests.briefing_fixtures import articles, briefing_document

FORMATS = list(ExportFormat)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("brief.pdf", ExportFormat.PDF),
        ("BRIEF.PDF", ExportFormat.PDF),
        ("a.b.docx", ExportFormat.DOCX),
        ("x.html", ExportFormat.HTML),
        ("x.htm", ExportFormat.HTML),
        ("notes.md", ExportFormat.MD),
        ("notes.markdown", ExportFormat.MD),
        ("x.txt", None),
        ("pdf", None),
    ],
)
def test_format_for_path(name: str, expected: ExportFormat | None) -> None:
    assert format_for_path(Path(name)) is expected
    assert format_for_path(name) is expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_one_document_and_reports_progress(
    tmp_path: Path, fmt: ExportFormat
) -> None:
    document = briefing_document()
    path = tmp_path / f"brief{fmt.suffix}"
    seen: list[tuple[int, int]] = []
    written = export_briefing(
        document, path, fmt.value.upper(), progress=lambda d, t: seen.append((d, t))
    )
    assert written[0] == path and path.stat().st_size > 1000
    assert all(p.exists() for p in written)
    total = len(document.blocks) + 1
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) == total
    # Nothing else is left in the folder: no temporary or staging files.
    expected = {path.name} | ({"brief_files"} if fmt is ExportFormat.MD else set())
    assert {p.name for p in tmp_path.iterdir()} == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, fmt: ExportFormat) -> None:
    path = tmp_path / f"brief{fmt.suffix}"
    path.write_text("the previous export", encoding="utf-8")
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 5  # part-way through the blocks

    with pytest.raises(ExportCancelled):
        export_briefing(briefing_document(), path, fmt, cancel=cancel)
    assert calls > 5
    assert path.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_cancel_before_start_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ExportCancelled):
        export_briefing(briefing_document(), tmp_path / "b.pdf", "pdf", cancel=lambda: True)
    assert not list(tmp_path.iterdir())


def test_cancelled_markdown_leaves_no_images_folder(tmp_path: Path) -> None:
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 7  # after the first chart was drawn

    with pytest.raises(ExportCancelled):
        export_briefing(briefing_document(), tmp_path / "b.md", "md", cancel=cancel)
    assert not list(tmp_path.iterdir())


def test_a_failure_mid_export_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr("briefing.export.docx_export.chart_png", broken)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        export_briefing(briefing_document(), tmp_path / "b.docx", "docx")
    assert not list(tmp_path.iterdir())


def test_an_empty_chart_is_a_clear_export_error(tmp_path: Path) -> None:
    from briefing.briefings.document import ChartBlock
    from briefing.briefings.model import ChartKind, ChartSnapshot, RangeSnapshot

    empty = ChartBlock(
        ChartSnapshot(ChartKind.RANGES, "Stated ranges", "", ranges=RangeSnapshot(()))
    )
    document = dataclasses.replace(briefing_document(), blocks=(empty,))
    with pytest.raises(chart_render.ChartRenderError):
        export_briefing(document, tmp_path / "b.html", "html")
    assert not list(tmp_path.iterdir())


def test_bad_arguments_are_export_errors(tmp_path: Path) -> None:
    document = dataclasses.replace(briefing_document(), blocks=articles()[:1])
    with pytest.raises(ExportError, match="unknown export format 'odt'"):
        export_briefing(document, tmp_path / "b.odt", "odt")
    with pytest.raises(ExportError, match="unknown page size 'A5'"):
        export_briefing(document, tmp_path / "b.pdf", "pdf", page_size="A5")
    with pytest.raises(ExportError, match="does not exist"):
        export_briefing(document, tmp_path / "missing" / "b.pdf", "pdf")
    with pytest.raises(ExportError, match="is a folder"):
        export_briefing(document, tmp_path, "pdf")
    assert not list(tmp_path.iterdir())


def test_page_size_is_case_insensitive(tmp_path: Path) -> None:
    document = dataclasses.replace(briefing_document(), blocks=articles()[:1])
    for size in ("a4", "LETTER", " Letter "):
        export_briefing(document, tmp_path / "b.html", ExportFormat.HTML, page_size=size)


def test_an_empty_briefing_still_exports(tmp_path: Path) -> None:
    document = dataclasses.replace(briefing_document(), blocks=(), marking="", author="")
    for fmt in FORMATS:
        path = tmp_path / f"empty{fmt.suffix}"
        assert export_briefing(document, path, fmt) == [path]
