"""Quick checks of the synthetic corpus generator (benchmarks/gen_corpus.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

GEN_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "gen_corpus.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_corpus", GEN_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_corpus"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


gen = _load()


def _run(out: Path, articles: int, seed: int = 7) -> dict:
    assert gen.main(["--articles", str(articles), "--out", str(out), "--seed", str(seed)]) == 0
    return json.loads((out / gen.MANIFEST_NAME).read_text(encoding="utf-8"))


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    _run(tmp_path / "a", 500)
    _run(tmp_path / "b", 500)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first.keys() == second.keys()
    assert first == second


def test_other_seed_gives_other_text(tmp_path: Path) -> None:
    _run(tmp_path / "a", 500, seed=1)
    _run(tmp_path / "b", 500, seed=2)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_manifest_counts_match_request(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    manifest = _run(tmp_path, 500)
    totals = manifest["totals"]
    assert manifest["requested_articles"] == 500
    assert totals["articles"] == 500
    assert sum(f["articles"] for f in manifest["files"]) == 500
    assert totals["unique_articles"] + totals["duplicates"] == 500
    assert len(manifest["duplicates"]) == totals["duplicates"]
    assert sum(totals["kinds"].values()) == 500
    assert totals["files"] == len(manifest["files"])
    assert totals["bytes"] == sum((tmp_path / f["name"]).stat().st_size for f in manifest["files"])
    for f in manifest["files"]:
        assert len(f["start_lines"]) == f["articles"] == sum(f["kinds"].values())
        assert f["start_lines"] == sorted(set(f["start_lines"]))
    summary = capsys.readouterr().out
    assert "500 articles" in summary and "files" in summary and "bytes" in summary


def test_files_exist_with_advertised_encoding_and_newlines(tmp_path: Path) -> None:
    manifest = _run(tmp_path, 5_000)
    names = {f["name"] for f in manifest["files"]}
    assert names == {p.name for p in tmp_path.glob("*.txt")}
    encodings = {f["encoding"] for f in manifest["files"]}
    assert encodings == {"utf-8", "cp1252"}
    assert {f["newline"] for f in manifest["files"]} == {"LF", "CRLF"}
    assert {f["layout"] for f in manifest["files"]} == {"lines", "blocks", "separator", "single"}
    cp1252_special = False
    for f in manifest["files"]:
        raw = (tmp_path / f["name"]).read_bytes()
        text = raw.decode(f["encoding"])  # strict: raises if the bytes do not match
        if f["newline"] == "CRLF":
            assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
        else:
            assert "\r" not in text
        if f["encoding"] == "cp1252":
            cp1252_special |= any(b in raw for b in (b"\x93", b"\x94", b"\x97", b"\x91"))
    assert cp1252_special, "no cp1252 file holds curly quotes or dashes"


def test_shapes_are_present(tmp_path: Path) -> None:
    manifest = _run(tmp_path, 5_000)
    totals = manifest["totals"]
    assert all(totals["kinds"][k] > 0 for k in ("headline", "untitled", "kicker", "plain"))
    assert totals["truncated"] > 0
    assert any(f["more_from_block"] for f in manifest["files"])
    sizes = [f["articles"] for f in manifest["files"] if f["layout"] != "single"]
    assert max(sizes) <= 500
    text = "\n".join(
        (tmp_path / f["name"]).read_bytes().decode(f["encoding"]) for f in manifest["files"]
    )
    assert "\nMore from " in text
    assert "known to NATO as the" in text
    assert "‘" in text and "—" in text
    assert " km" in text and "miles" in text


def test_articles_unique_except_documented_duplicates() -> None:
    files = gen.build_corpus(5_000, seed=3)
    seen: dict[str, tuple[str, int]] = {}
    duplicates = 0
    for f in files:
        for pos, art in enumerate(f.articles):
            key = "\n".join(art.lines)
            if art.duplicate_of is None:
                assert key not in seen, f"accidental duplicate at {f.name}:{pos}"
                seen[key] = (f.name, pos)
            else:
                duplicates += 1
                assert seen[key] == art.duplicate_of
                assert art.duplicate_of[0] != f.name
    assert sum(len(f.articles) for f in files) == 5_000
    assert 0 < duplicates < 5_000 * 0.03  # about 1%


def test_rejects_zero_articles(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        gen.main(["--articles", "0", "--out", str(tmp_path)])
