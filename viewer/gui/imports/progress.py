"""A long import's progress in the status bar: a bar, "12 of 5000", the title being imported,
the time left, and Cancel. It is not a modal dialog: the window stays usable (reading,
searching what is already imported) while a whole blog goes in. Main thread only.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

MIN_ESTIMATE_SECONDS = 2.0  # too early to tell before this much time and one finished item
TITLE_WIDTH = 260  # pixels for the current title, elided in the middle


class TimeLeft:
    """Estimates the time left from the pace so far; starts over when the total changes (a
    blog export reports posts after the files were counted)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.total = -1
        self.start = 0.0
        self.start_done = 0

    def update(self, done: int, total: int) -> float | None:
        """Seconds left, or None while it is too early to tell."""
        now = self.clock()
        if total != self.total or done < self.start_done:
            self.total, self.start, self.start_done = total, now, done
            return None
        elapsed, finished = now - self.start, done - self.start_done
        if elapsed < MIN_ESTIMATE_SECONDS or finished <= 0:
            return None
        return (total - done) * elapsed / finished


class ImportProgressPanel(QWidget):
    """Shows what `show_progress` reports; `cancel_button` asks the import to stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-progress")
        self.label = QLabel(self)
        self.label.setObjectName("import-progress-label")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("import-cancel")
        self.time_left = TimeLeft()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel import"))
        self.cancel_button.setToolTip(
            self.tr("Stop after the current article; what is already imported stays")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def begin(self, text: str) -> None:
        self.time_left = TimeLeft()
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.label.setText(text)
        self.cancel_button.setEnabled(True)
        self.show()

    def show_progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        parts = [
            self.tr("Importing %1 of %2")
            .replace("%1", str(min(done + 1, total)))
            .replace("%2", str(total))
        ]
        if name:
            metrics = QFontMetrics(self.label.font())
            parts.append(metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, TITLE_WIDTH))
        left = self.time_left.update(done, total)
        if left is not None:
            parts.append(self.time_left_text(left))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(name)

    def time_left_text(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("less than a minute left")
        minutes = round(seconds / 60)
        if minutes < 90:
            return self.tr("about %n minute(s) left", "", minutes)
        return self.tr("about %n hour(s) left", "", round(seconds / 3600))

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping after the current article…"))

    def finish(self) -> None:
        self.hide()
