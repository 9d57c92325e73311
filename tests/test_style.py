"""ruff is part of the test suite, so style and import rules cannot silently rot."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> str:
    beside = Path(sys.executable).with_name("ruff")
    found = str(beside) if beside.exists() else shutil.which("ruff")
    if found is None:
        pytest.skip("ruff is not installed in this environment")
    return found


def test_ruff_check_is_clean() -> None:
    result = subprocess.run(
        [_ruff(), "check", "--no-cache", "briefing", "tests", "benchmarks", "main.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
