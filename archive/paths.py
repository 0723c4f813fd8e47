"""Where the archive lives on disk."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "songngu"
DATA_DIR_ENV = "SONGNGU_DATA_DIR"
DB_FILENAME = "archive.sqlite3"
INDEX_DIRNAME = "index"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data dir: the explicit value, else $SONGNGU_DATA_DIR, else the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def index_path(data_dir: Path) -> Path:
    return data_dir / INDEX_DIRNAME
