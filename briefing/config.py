"""Where the store lives: ``--db``, else ``BRIEFING_DB``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Briefing"
ENV_DB = "BRIEFING_DB"
DEFAULT_STORE_NAME = "briefing.sqlite"


def default_store_path() -> Path:
    """The platform's user data folder, e.g. ~/.local/share/Briefing/briefing.sqlite."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_STORE_NAME


def resolve_store_location(cli_value: str | None = None) -> str:
    """The store the person asked for, as a path or an SQLAlchemy URL, by the documented rule."""
    if cli_value:
        return cli_value
    from_env = os.environ.get(ENV_DB, "").strip()
    if from_env:
        return from_env
    return str(default_store_path())
