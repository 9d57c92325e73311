"""Where the app's shipped files are, from a checkout or from an installed wheel.

In a checkout ``resources/`` and ``data/`` sit beside the ``briefing`` package; a wheel carries
them inside the package as ``briefing._resources`` and ``briefing._data`` (see pyproject.toml).
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped_dir(checkout_name: str, packaged_name: str) -> Path:
    beside_package = _PACKAGE_DIR.parent / checkout_name
    if beside_package.is_dir():
        return beside_package
    spec = importlib.util.find_spec(packaged_name)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError(f"cannot find the app's {checkout_name}/ folder")


@cache
def resources_dir() -> Path:
    return _shipped_dir("resources", "briefing._resources")


@cache
def data_dir() -> Path:
    return _shipped_dir("data", "briefing._data")


def samples_dir() -> Path:
    return data_dir() / "samples"


def sample_files() -> list[Path]:
    """The sample set's article files: those its manifest lists, in that order.

    Without a manifest, the folder's text files except its README (it is not an article).
    """
    folder = samples_dir()
    manifest = folder / ".manifest.json"
    if manifest.is_file():
        entries = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        return [folder / entry["name"] for entry in entries]
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in {".txt", ".md"}
        and not path.name.upper().startswith("README")
    )
