"""One small operation per user action, run off the UI thread, ending in one `changed` signal.

After Anki's `qt/aqt/operations`: each user action (import, reindex, link/unlink, bookmark
add/edit/delete/undo, export) is a small function over the Library that `Operations.run`
hands to a TaskRunner; its success or failure callback runs on the main thread, and then one
`changed(Changes)` signal tells every panel what may have changed, so each refreshes only
what it shows (and after a re-import every panel follows the archive). Reads that would block
the UI thread (the article list, an article, the bookmarks) go through `query`, which ends in
no signal.

Two lanes: writes that must apply in the order the user made them (bookmarks and their undo,
alignment corrections, exports) run one at a time on a pool of one thread; long work (imports,
rebuilding the index) and reads run on the shared pool, so a bookmark never waits behind a
long import.

Every failure is logged (see error_log: songngu.log in the data folder, with the traceback of
an unexpected exception) and shown in one line: by the caller's `failure` callback or, without
one, through `failed(message)`, which the window puts in its status bar.
Main thread only; the work functions run in workers and touch only the thread-safe Library.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from viewer.gui.error_log import LOG_NAME
from viewer.gui.tasks import UNEXPECTED, TaskRunner

log = logging.getLogger(__name__)

Report = Callable[..., None]  # report(*progress values), from the worker
Work = Callable[[Report], Any]
Success = Callable[[Any], None]
Failure = Callable[[str], None]


@dataclass(frozen=True)
class Changes:
    """What an operation may have changed; each panel looks only at the parts it shows."""

    library: bool = False  # the list of articles: added, removed, retitled, retagged
    articles: frozenset[int] = field(default_factory=frozenset)  # the text or pairing of these
    bookmarks: bool = False  # added, edited, deleted, or moved by a re-import
    index: bool = False  # searches may answer differently

    def touches(self, article_id: int | None) -> bool:
        return article_id is not None and article_id in self.articles


NOTHING = Changes()
BOOKMARKS = Changes(bookmarks=True)
INDEX = Changes(index=True)


def imported(article_ids: list[int]) -> Changes:
    """An import: new or updated articles, their bookmarks re-anchored, the index updated."""
    return Changes(library=True, articles=frozenset(article_ids), bookmarks=True, index=True)


def realigned(article_id: int) -> Changes:
    return Changes(articles=frozenset({article_id}))


class Operations(QObject):
    """Runs the window's operations and queries. Emits changed(Changes) after every operation,
    failed or not (a failed one may have done part of its work: panels re-read what it may
    have touched), and failed(message) for a failure that has no callback of its own."""

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner  # the shared pool: long work and reads
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self.serial = TaskRunner(pool, self)  # ordered writes, one at a time
        self._pending = 0

    def run(
        self,
        name: str,
        work: Work,
        changes: Changes,
        *,
        success: Success | None = None,
        failure: Failure | None = None,
        progress: Callable[[tuple[Any, ...]], None] | None = None,
        result_changes: Callable[[Any], Changes] | None = None,
        long: bool = False,
    ) -> None:
        """Run `work(report)` in a worker; then `success(result)` or `failure(message)`, then
        changed(result_changes(result) or `changes`). `changes` is also what a failure may have
        touched. `long` work (imports, the index) does not hold up the ordered lane."""

        def done(result: Any) -> None:
            try:
                if success is not None:
                    success(result)
                outcome = result_changes(result) if result_changes is not None else changes
            except Exception as exc:  # a bug in the callback: log it, show one line
                log.exception("%s: the result could not be shown", name)
                self._report(name, failure, _unexpected(exc), logged=True)
                outcome = changes
            self._finish(outcome)

        def failed(message: str) -> None:
            self._report(name, failure, message)
            self._finish(changes)

        self._pending += 1
        (self.runner if long else self.serial).start(work, done, failed, progress)

    def query(
        self, name: str, work: Work, success: Success, failure: Failure | None = None
    ) -> None:
        """Read in a worker, then `success(result)` on the main thread; no changed signal."""

        def done(result: Any) -> None:
            try:
                success(result)
            except Exception as exc:
                log.exception("%s: the result could not be shown", name)
                self._report(name, failure, _unexpected(exc), logged=True)
            self._pending -= 1

        def failed(message: str) -> None:
            self._report(name, failure, message)
            self._pending -= 1

        self._pending += 1
        self.runner.start(work, done, failed)

    def _report(
        self, name: str, failure: Failure | None, message: str, logged: bool = False
    ) -> None:
        if not logged:  # an unexpected exception's traceback is logged by the Task already
            log.warning("%s failed: %s", name, message)
        message = self.describe(message)
        if failure is not None:
            failure(message)
        else:
            self.failed.emit(message)

    def describe(self, message: str) -> str:
        """A failure as the window shows it: one line; a bug's says where its details are."""
        message = one_line(message)
        if message.startswith(UNEXPECTED) and LOG_NAME not in message:
            message = self.tr("%1 (details in %2)").replace("%1", message).replace("%2", LOG_NAME)
        return message

    def _finish(self, changes: Changes) -> None:
        self._pending -= 1
        self.changed.emit(changes)

    def busy(self) -> bool:
        """True while an operation or query has not delivered its outcome yet."""
        return self._pending > 0

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the workers are done (closing the window); their outcomes are delivered
        by the event loop afterwards."""
        return self.serial.wait(msecs) and self.runner.wait(msecs)


def _unexpected(exc: Exception) -> str:
    return f"{UNEXPECTED}: {exc}"


def one_line(message: str) -> str:
    """The first line of a message, as the window shows failures in one line."""
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    return lines[0] if lines else ""
