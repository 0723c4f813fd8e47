"""The reader keeps most of the width: the side panels (library and article on the left,
search and bookmarks on the right) shrink first, and each can be hidden and shown again
(View menu, F9 and F10), remembered across launches.

Each panel has a width the user chose (by dragging its splitter handle) and gives up part of
it when the window is narrow: it never takes more than its share of the window, nor less than
its minimum, and the reader gets the rest. Widths never follow the panels' text.
Main thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSplitter, QWidget

from viewer.gui import settings as S


@dataclass(frozen=True)
class PanelRule:
    minimum: int  # pixels it never goes below while shown
    share: float  # the most of the window's width it takes


LEFT = PanelRule(minimum=170, share=0.20)
RIGHT = PanelRule(minimum=210, share=0.25)
READER_MINIMUM = 320


def fit(total: int, wanted: tuple[int, int], shown: tuple[bool, bool]) -> tuple[int, int, int]:
    """(left, reader, right) widths for a splitter `total` pixels wide (handles excluded)."""
    widths = []
    for rule, width, visible in zip((LEFT, RIGHT), wanted, shown, strict=True):
        widths.append(max(rule.minimum, min(width, int(total * rule.share))) if visible else 0)
    left, right = widths
    spare = total - left - right - READER_MINIMUM
    if spare < 0:  # a very narrow window: the panels give up what they must, evenly
        left, right = (max(0, w + spare // 2) if w else 0 for w in (left, right))
    return left, total - left - right, right


class SidePanels(QObject):
    """Sizes the main splitter's three parts (left panel, reader, right panel)."""

    def __init__(self, splitter: QSplitter, settings: S.Settings) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.settings = settings
        self.wanted = (settings.get(S.LEFT_PANEL_WIDTH), settings.get(S.RIGHT_PANEL_WIDTH))
        for index in range(3):
            splitter.setCollapsible(index, False)
        splitter.splitterMoved.connect(self._dragged)
        splitter.installEventFilter(self)

    def left(self) -> QWidget:
        return self.splitter.widget(0)

    def right(self) -> QWidget:
        return self.splitter.widget(2)

    def shown(self) -> tuple[bool, bool]:
        return not self.left().isHidden(), not self.right().isHidden()

    def set_shown(self, left: bool | None = None, right: bool | None = None) -> None:
        for widget, visible, setting in (
            (self.left(), left, S.LEFT_PANEL_SHOWN),
            (self.right(), right, S.RIGHT_PANEL_SHOWN),
        ):
            if visible is not None:
                widget.setVisible(visible)
                self.settings.set(setting, visible)
        self.apply()

    def apply(self) -> None:
        total = self.splitter.width() - self._handles()
        if total <= 0:
            return
        left, reader, right = fit(total, self.wanted, self.shown())
        self.splitter.setSizes([left, reader, right])

    def _handles(self) -> int:
        visible = sum(1 for i in range(3) if not self.splitter.widget(i).isHidden())
        return self.splitter.handleWidth() * max(visible - 1, 0)

    def _dragged(self, _position: int, _index: int) -> None:
        left, _reader, right = self.splitter.sizes()
        shown = self.shown()
        self.wanted = (left if shown[0] else self.wanted[0], right if shown[1] else self.wanted[1])
        self.settings.set(S.LEFT_PANEL_WIDTH, self.wanted[0])
        self.settings.set(S.RIGHT_PANEL_WIDTH, self.wanted[1])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self.apply()
        return super().eventFilter(watched, event)
