"""The bug-report log: warnings and errors of the whole app, unexpected exceptions with their
traceback, in `songngu.log` in the data folder (a person reads one line in the window; the
details wait in the file). Rotated at 1 MB, one old file kept. Main thread only.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "songngu.log"
MAX_BYTES = 1_000_000
_handlers: dict[Path, logging.Handler] = {}


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_NAME


def install(data_dir: Path) -> Path:
    """Send warnings and errors to the data folder's log (once per folder); returns its path."""
    path = log_path(data_dir)
    if path not in _handlers:
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=1, encoding="utf-8", delay=True
        )
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger()
        root.addHandler(handler)
        if root.level > logging.WARNING or root.level == logging.NOTSET:
            root.setLevel(logging.WARNING)
        _handlers[path] = handler
    return path


def uninstall(data_dir: Path) -> None:
    handler = _handlers.pop(log_path(data_dir), None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def catch_unhandled(show: Callable[[str], None]) -> None:
    """An exception escaping a slot (a bug) is logged and shown in one line, not printed."""

    def hook(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, trace)
            return
        logging.getLogger("songngu").error("unhandled exception", exc_info=(kind, exc, trace))
        show(f"Unexpected error: {exc}")

    sys.excepthook = hook
