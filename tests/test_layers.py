"""The layers stay visible: Qt only in briefing/ui, SQLAlchemy and SQLite only in briefing/store."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
QT = ("PySide6", "shiboken6", "pyqtgraph")
DATABASE = ("sqlalchemy", "alembic", "sqlite3")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_module_respects_its_layer(path: Path) -> None:
    relative = path.relative_to(PACKAGE).parts
    imported = _imports(path)
    if relative[0] != "ui":
        assert not imported & set(QT), "only briefing/ui may import Qt"
    if relative[0] != "store":
        assert not imported & set(DATABASE), "only briefing/store may touch the database"


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run(
        [str(lint_imports)],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_imports_without_qt() -> None:
    # glue's habit: the core works in a process where Qt cannot even be imported.
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):\n"
        "            raise ImportError('Qt is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import briefing.cli, briefing.ingest.pipeline, briefing.export.json_export\n"
        "import briefing.ingest.readers\n"
        "briefing.ingest.readers.readers()\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True
    )
    assert result.stdout.strip() == "ok", result.stderr


def _contract_sources() -> dict[str, set[str]]:
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return {c["name"]: set(c["source_modules"]) for c in contracts}


def _top_level_modules() -> set[str]:
    names = set()
    for path in PACKAGE.iterdir():
        if path.name.startswith("_") and path.name != "__main__.py":
            continue  # __init__, and the wheel's _resources/_data folders
        if path.suffix == ".py" or (path.is_dir() and (path / "__init__.py").exists()):
            names.add(f"briefing.{path.stem}")
    return names


def test_contracts_name_every_core_module() -> None:
    # A module added later is covered by the contracts only if it is listed: a new core module
    # missing here would escape import-linter silently.
    modules = _top_level_modules()
    assert "briefing.ui" in modules and "briefing.store" in modules
    sources = _contract_sources()
    assert sources["Only briefing.ui imports Qt"] == modules - {"briefing.ui"}
    assert sources["The core never imports the UI"] == modules - {"briefing.ui"}
    assert sources["Only briefing.store imports SQLAlchemy and SQLite"] == modules - {
        "briefing.store"
    }
