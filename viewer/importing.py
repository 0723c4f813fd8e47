"""The importers, loaded on first use: `songngu-cli search` and `check` never import a file,
and loading Python-Markdown, defusedxml and the Blogger reader cost them start-up time."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_file(path: Path) -> Any:
    """archive.importers.read_file: the file's articles and the posts it left out."""
    from archive.importers import read_file as read

    return read(path)


def find_importable(folder: Path) -> list[Path]:
    from archive.importers.folder_scan import find_importable as find

    return find(folder)


def importable_list() -> str:
    from archive.importers.folder_scan import importable_list as names

    return names()


def is_large_feed(path: Path) -> bool:
    from archive.feed_import import is_large_feed as large

    return large(path)


def import_feed(*args: Any, **kwargs: Any) -> Any:
    from archive.feed_import import import_feed as run

    return run(*args, **kwargs)
