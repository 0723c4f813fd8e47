"""An item delegate that draws an item's HTML (titles in two languages, snippets with marks),
wrapped to the view's width. Main thread only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 100
_MUTED = re.compile(r"color:\s*gray;?")


class RichTextDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self._laid_out_width = -1
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # Row heights are measured at one width; when the viewport widens (a scroll bar goes
        # away as a group folds, the panel is dragged) the rows must be measured again, or
        # they keep the height of more lines than they now wrap to: gaps between rows.
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            width = self.view.viewport().width()
            if width != self._laid_out_width:
                self._laid_out_width = width
                self.view.doItemsLayout()
        return super().eventFilter(watched, event)

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex, selected: bool = False
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(4)
        document.setDefaultFont(option.font)
        text = index.data(HTML_ROLE) or ""
        if selected:  # muted grey is unreadable on the selection colour: use its text colour
            text = _MUTED.sub("", text)
        document.setHtml(text)
        document.setTextWidth(self._width(option, index))
        return document

    def _width(self, option: QStyleOptionViewItem, index: QModelIndex) -> float:
        # sizeHint's option.rect is not set yet: derive the width from the viewport and depth.
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = getattr(self.view, "indentation", lambda: 0)() * (depth + 1)
        return max(80.0, self.view.viewport().width() - indent - 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else self.view.style()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style.drawControl(
            QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._document(option, index, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)
