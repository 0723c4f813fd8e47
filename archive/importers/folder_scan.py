"""Find the files in a directory tree that the importers can read.

Folder import hands every path found here to `archive.importers.read_articles`; a file that
turns out not to be in a known format is reported per file there, not filtered out here.
Hidden files and directories (a leading dot: .git, .DS_Store, editor swap files) are skipped.
Symbolic links are followed, but a directory reached twice (a link loop, or two links to one
place) is walked once, and a file reached twice is listed once.

Reads the file system only; safe from any thread.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive.errors import NotFound

# The one list of what an import takes, in the order messages and file dialogs name them.
IMPORTABLE_SUFFIXES = (".txt", ".md", ".markdown", ".xml", ".atom", ".html", ".htm", ".xhtml")
# Files of a Takeout folder listed so the import can report them as skipped (takeout.py).
_COMPANION_NAMES = frozenset({"settings.csv"})
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
# A page saved "complete" keeps its images, scripts and frames in "<page>_files" (Chrome in
# some languages: "<page>-Dateien", "<page>_fichiers"…); their .html files are not articles.
_MAX_RESOURCE_SUFFIX = 12


def importable_list() -> str:
    """ ".txt, .md, … .html, .htm, .xhtml" — for a message that says what can be imported."""
    return ", ".join(IMPORTABLE_SUFFIXES)


def importable_patterns() -> str:
    """ "*.txt *.md …" — for a file dialog's filter."""
    return " ".join(f"*{suffix}" for suffix in IMPORTABLE_SUFFIXES)


_FileKey = tuple[int, int]  # (st_dev, st_ino): one identity per file, whatever path reached it


def find_importable(root: Path) -> list[Path]:
    """Every supported file under `root`, recursively, sorted by path.

    A single supported file given as `root` is returned alone. Raises NotFound when `root`
    does not exist. Unreadable subdirectories are skipped silently.
    """
    if not root.exists():
        raise NotFound(f"The folder {root} does not exist.")
    if root.is_file():
        return [root] if is_importable_name(root.name) else []
    found: list[Path] = []
    seen_files: set[_FileKey] = set()
    seen_dirs: set[_FileKey] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        if not _first_visit(Path(dirpath), seen_dirs):
            dirnames.clear()  # reached again through a link: its files are already listed
            continue
        pages = [Path(name).stem for name in filenames if name.lower().endswith(_PAGE_SUFFIXES)]
        dirnames[:] = [
            d for d in dirnames if not _is_hidden(d) and not _is_page_resources(d, pages)
        ]
        for name in filenames:
            path = Path(dirpath, name)
            if is_importable_name(name) and path.is_file() and _first_visit(path, seen_files):
                found.append(path)
    return sorted(found)


def is_importable_name(name: str) -> bool:
    """True for a visible file whose suffix one of the importers reads (or a Takeout settings
    file, which the import names as skipped)."""
    if _is_hidden(name):
        return False
    return Path(name).suffix.lower() in IMPORTABLE_SUFFIXES or name.lower() in _COMPANION_NAMES


def _is_page_resources(directory: str, page_stems: list[str]) -> bool:
    """The "<page>_files" folder of a page saved complete beside it (or any "…_files")."""
    if directory.endswith("_files"):
        return True
    for stem in page_stems:
        rest = directory[len(stem) :]
        resource_like = rest[:1] in ("-", "_", " ") and 1 < len(rest) <= _MAX_RESOURCE_SUFFIX
        if directory.startswith(stem) and resource_like:
            return True
    return False


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _first_visit(path: Path, seen: set[_FileKey]) -> bool:
    try:
        info = path.stat()
    except OSError:
        return False  # vanished or a dangling link
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
