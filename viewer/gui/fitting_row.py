"""A row of controls that goes one above another when the panel is too narrow to show them all
at their natural width, so a narrow side panel clips no text and no text widens the panel.
Main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QBoxLayout, QWidget

Direction = QBoxLayout.Direction


class FittingRow(QBoxLayout):
    """Left to right when every widget fits at its size hint, else top to bottom."""

    def __init__(self, *widgets: tuple[QWidget, int]) -> None:
        super().__init__(Direction.LeftToRight)
        self.setContentsMargins(0, 0, 0, 0)
        self._widgets = [widget for widget, _stretch in widgets]
        for widget, stretch in widgets:
            self.addWidget(widget, stretch)

    def needed_width(self) -> int:
        shown = [w for w in self._widgets if not w.isHidden()]
        return sum(w.sizeHint().width() for w in shown) + self.spacing() * max(len(shown) - 1, 0)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        wanted = (
            Direction.LeftToRight if self.needed_width() <= rect.width() else Direction.TopToBottom
        )
        if wanted != self.direction():
            self.setDirection(wanted)  # the parent lays out again with the new height
        super().setGeometry(rect)

    def stacked(self) -> bool:
        return self.direction() == Direction.TopToBottom
