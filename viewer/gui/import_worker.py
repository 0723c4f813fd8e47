"""Importing files without freezing the window: `Library.import_paths` runs in a worker, a
progress dialog can cancel it between files, and a plain-language report lists what happened.

Main thread only (the worker itself touches only the thread-safe Library).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from viewer.gui.tasks import TaskRunner

IMPORTABLE_SUFFIXES = (".txt", ".md", ".markdown", ".xml", ".atom")


class ImportController(QObject):
    """Runs one import at a time; emits finished(outcomes) on the main thread."""

    finished = Signal(list)

    def __init__(self, library: object, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.window = parent
        self.dialog: QProgressDialog | None = None
        self.report: QMessageBox | None = None
        self._cancel = threading.Event()

    def busy(self) -> bool:
        return self.dialog is not None

    def start(self, paths: Sequence[str | Path]) -> bool:
        """Start importing; False when an import is already running or nothing was given."""
        paths = [Path(p) for p in paths]
        if self.busy() or not paths:
            return False
        self._cancel.clear()
        self.dialog = self._progress_dialog(len(paths))
        cancelled = self._cancel.is_set
        self.runner.start(
            lambda report: self.library.import_paths(paths, progress=report, cancelled=cancelled),
            self._done,
            self._failed,
            self._progress,
        )
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def _progress_dialog(self, total: int) -> QProgressDialog:
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, total, self.window)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # a quick import never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        return dialog

    def _progress(self, values: tuple) -> None:
        done, total, name = values
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(done)
            if name:
                self.dialog.setLabelText(self.tr("Importing %1…").replace("%1", name))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, outcomes: list) -> None:
        self._close_dialog()
        self._show_report(outcomes)
        self.finished.emit(outcomes)

    def _failed(self, message: str) -> None:
        self._close_dialog()
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
        if errors:
            lines.append(self.tr("%n file(s) could not be imported:", "", len(errors)))
            items = "".join(f"<li><b>{html.escape(o.path.name)}</b>: {html.escape(o.error or '')}"
                            "</li>" for o in errors)
            lines.append(f"<ul>{items}</ul>" + self.tr("Nothing already archived was changed."))
        if not lines:
            lines.append(self.tr("Nothing was imported."))
        icon = QMessageBox.Icon.Warning if errors else QMessageBox.Icon.Information
        self._show_box(icon, self.tr("Import finished"), "<br>".join(lines))

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
