"""Importing files without freezing the window: `Library.import_paths` runs in a worker, a
progress panel in the status bar (count, current title, time left) can cancel it between files
or posts — what was fully imported stays — and a plain-language report lists what happened.
The window stays usable meanwhile: nothing here is modal.

The import is one operation (viewer.gui.operations, on the long-work lane): it ends in the
window's changed(Changes) signal with the imported articles, so every panel follows the
archive (bookmarks the import moved with their text included). A failure shows in a message
box and goes to the log. Main thread only (the worker touches only the thread-safe Library).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from archive.importers.folder_scan import find_importable
from viewer.gui.imports.progress import ImportProgressPanel
from viewer.gui.operations import Changes, Operations, imported
from viewer.library import ImportOutcome, empty_folder_message
from viewer.library_api import LibraryAPI


class ImportController(QObject):
    """Runs one import at a time; emits progressed(done, total) as it goes and
    finished(outcomes) at the end, on the main thread."""

    progressed = Signal(int, int)
    finished = Signal(list)

    def __init__(self, library: LibraryAPI, operations: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.operations = operations
        self.window = parent
        self.report: QMessageBox | None = None
        self.panel = ImportProgressPanel(parent)  # the window puts it in its status bar
        self.panel.cancel_button.clicked.connect(self.cancel)
        self._running = False
        self._cancel = threading.Event()

    def busy(self) -> bool:
        return self._running

    def start(self, paths: Sequence[str | Path]) -> bool:
        """Start importing files; False when an import is already running or nothing was
        given."""
        paths = [Path(p) for p in paths]
        if not paths:
            return False
        library, cancelled = self.library, self._cancel.is_set
        return self._begin(
            lambda report: library.import_paths(paths, progress=report, cancelled=cancelled)
        )

    def start_folder(self, root: str | Path) -> bool:
        """Import every supported file under `root` (recursively); the folder is searched in
        the worker, as a large tree takes a while."""
        root = Path(root)
        library, cancelled = self.library, self._cancel.is_set

        def work(report: Callable[..., None]) -> list:
            files = find_importable(root)
            if not files:
                return [_empty_folder(root)]
            return library.import_paths(files, progress=report, cancelled=cancelled)

        return self._begin(work)

    def _begin(self, work: Callable) -> bool:
        if self.busy():
            return False
        self._running = True
        self._cancel.clear()
        self.panel.begin(self.tr("Looking for articles…"))
        self.operations.run(
            "import",
            work,
            imported([]),
            success=self._done,
            failure=self._failed,
            progress=self._progress,
            result_changes=_changes_of,
            long=True,
        )
        return True

    def cancel(self) -> None:
        if self._running:
            self._cancel.set()
            self.panel.cancelling()

    def _progress(self, values: tuple) -> None:
        done, total, name = values
        if not self._cancel.is_set():
            self.panel.show_progress(done, total, name)
        self.progressed.emit(done, total)

    def _close_panel(self) -> None:
        self._running = False
        self.panel.finish()

    def _done(self, outcomes: list) -> None:
        self._close_panel()
        self._show_report(outcomes)
        self.finished.emit(outcomes)

    def _failed(self, message: str) -> None:
        self._close_panel()
        text = html.escape(message) + "<br>" + self.tr("Nothing already archived was lost.")
        self._show_box(QMessageBox.Icon.Warning, self.tr("Import failed"), text)
        self.finished.emit([])

    def _show_report(self, outcomes: list) -> None:
        imported = [o for o in outcomes if o.status == "imported"]
        updated = [o for o in outcomes if o.status == "updated"]
        errors = [o for o in outcomes if o.status == "error"]
        lines = []
        if imported:
            lines.append(self.tr("%n file(s) imported.", "", len(imported)))
        if updated:
            lines.append(self.tr("%n file(s) updated (already in the archive).", "", len(updated)))
        if self._cancel.is_set():
            lines.append(self.tr("The import was cancelled; files already imported are kept."))
        lines += self._skipped_lines(outcomes)
        if errors:
            lines.append(self.tr("%n file(s) could not be imported:", "", len(errors)))
            items = "".join(
                f"<li><b>{html.escape(o.path.name)}</b>: {html.escape(o.error or '')}</li>"
                for o in errors
            )
            lines.append(f"<ul>{items}</ul>" + self.tr("Nothing already archived was changed."))
        if not lines:
            lines.append(self.tr("Nothing was imported."))
        icon = QMessageBox.Icon.Warning if errors else QMessageBox.Icon.Information
        self._show_box(icon, self.tr("Import finished"), "<br>".join(lines))

    def _skipped_lines(self, outcomes: list) -> list[str]:
        """Files that hold no articles (a theme, settings) and posts left out, each with why."""
        lines = []
        files = [o for o in outcomes if o.status == "skipped" and o.reason]
        if files:
            lines.append(self.tr("%n file(s) hold no articles and were skipped:", "", len(files)))
            items = "".join(
                f"<li><b>{html.escape(o.path.name)}</b>: {html.escape(o.reason)}</li>"
                for o in files
            )
            lines.append(f"<ul>{items}</ul>")
        posts = [(o, s) for o in outcomes for s in o.skipped]
        if posts:
            lines.append(self.tr("%n post(s) were left out:", "", len(posts)))
            items = "".join(
                f"<li><b>{html.escape(o.path.name)}</b>: ‘{html.escape(s.name)}’ — "
                f"{html.escape(s.reason)}</li>"
                for o, s in posts
            )
            lines.append(f"<ul>{items}</ul>")
        return lines

    def _show_box(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        # Non-blocking (open, not exec): the window keeps working and tests can read it.
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("import-report")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        if self.report is not None:
            self.report.close()
        self.report = box
        box.open()


def _changes_of(outcomes: list[ImportOutcome]) -> Changes:
    return imported([i for o in outcomes for i in o.article_ids])


def _empty_folder(root: Path) -> ImportOutcome:
    return ImportOutcome(root, "error", error=empty_folder_message())
