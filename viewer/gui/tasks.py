"""Work off the UI thread: a function run on a QThreadPool, its outcome delivered as signals.

Signals are emitted from the worker thread and, because the signal object lives on the main
thread, Qt queues them: slots always run on the main thread. Workers receive plain values and
the thread-safe Library, never widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from archive.errors import SongNguError

log = logging.getLogger(__name__)

UNEXPECTED = "Unexpected error"  # how a failure that is a bug begins
Work = Callable[[Callable[..., None]], Any]  # receives report(*progress) and returns a result


class TaskSignals(QObject):
    progress = Signal(tuple)
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """Runs `work(report)` in a worker; `report(*values)` emits progress on the main thread."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # the owner keeps it until its signals are delivered

    def run(self) -> None:
        try:
            result = self.work(self._report)
        except SongNguError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the UI alive, log the trace, show one line
            log.exception("background task failed")
            self.signals.failed.emit(f"{UNEXPECTED}: {exc}")
        else:
            self.signals.finished.emit(result)

    def _report(self, *values: object) -> None:
        self.signals.progress.emit(values)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they finish."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def start(
        self,
        work: Work,
        on_finished: Callable[[Any], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[tuple], None] | None = None,
    ) -> Task:
        task = Task(work)
        self._running.add(task)
        task.signals.finished.connect(on_finished)
        task.signals.failed.connect(on_failed)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        task.signals.finished.connect(lambda _result: self._running.discard(task))
        task.signals.failed.connect(lambda _message: self._running.discard(task))
        self.pool.start(task)
        return task

    def withdraw(self, task: Task | None) -> bool:
        """Drop a task that has not started yet (a superseded query); True if it was dropped."""
        if task is None or task not in self._running or not self.pool.tryTake(task):
            return False
        self._running.discard(task)
        return True

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every task finished (closing the window, tests)."""
        return self.pool.waitForDone(msecs)
