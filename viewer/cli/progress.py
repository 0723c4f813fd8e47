"""Index progress on stderr, shared by every command that may have to build the index first."""

from __future__ import annotations

import sys
from collections.abc import Callable

from viewer.library import Library


def ensure_index(library: Library) -> None:
    if not library.index_ready():
        library.ensure_index(progress=progress_printer("Building the search index"))


def progress_printer(label: str) -> Callable[[int, int], None]:
    """A progress callback: one redrawn stderr line on a terminal, a line per tenth in a pipe."""
    interactive = sys.stderr.isatty()
    last_tenth = [-1]

    def report(done: int, total: int) -> None:
        if interactive:
            end = "\n" if done >= total else ""
            sys.stderr.write(f"\r{label}: {done}/{total}{end}")
        else:
            tenth = done * 10 // max(total, 1)
            if tenth == last_tenth[0]:
                return
            last_tenth[0] = tenth
            sys.stderr.write(f"{label}: {done}/{total}\n")
        sys.stderr.flush()

    return report
