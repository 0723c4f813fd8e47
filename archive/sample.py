"""The bundled seed article, imported into an empty archive so a new user sees something."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_FILENAME = "3342-europes-next-war.txt"


def sample_path() -> Path:
    """The path of the bundled sample article (a file inside the archive.data package)."""
    # Installed and frozen (PyInstaller) builds keep package data as real files, so the
    # resource is a filesystem path; str() turns the Traversable into one.
    return Path(str(files("archive.data").joinpath(SAMPLE_FILENAME)))
