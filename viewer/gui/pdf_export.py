"""Exports as PDF, with Qt's own QTextDocument and QPdfWriter (no extra dependency).

Works without a display: when no Qt application exists yet (the command line), one is made on
the offscreen platform. Main thread only.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from archive.errors import SongNguError

if TYPE_CHECKING:  # Qt itself is imported only when a PDF is made (the CLI starts faster)
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPainter, QTextDocument

# Millimetres. The page number sits in a strip of its own below the text, inside the margins.
PAGE_MARGINS = (18.0, 16.0, 18.0, 12.0)  # left, top, right, bottom
FOOTER_MM = 8.0
# Qt reads CSS line-height as a share of the font's own line spacing (Noto Serif's is already
# about 1.36 em), not of the font size as browsers do: the HTML export's 1.6 double-spaced the
# PDF. A PDF takes its own, from the font's spacing.
LINE_HEIGHT_PERCENT = 115


def html_to_pdf_bytes(html: str, title: str) -> bytes:
    """The HTML export laid out on A4 pages, numbered, as PDF bytes.

    The document is laid out on the page's own text area (a paginated QTextDocument) and each
    page drawn by hand: QTextDocument.print_() would add a 2 cm margin of its own inside the
    page's margins, leaving a column 13 cm wide, so a single long passage took two pages."""
    _ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextBlockFormat,
        QTextCursor,
        QTextDocument,
    )

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Song Ngữ")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(*PAGE_MARGINS),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # fonts measured at the PDF's resolution
    font = QFont()
    font.setFamilies(["Noto Serif", "DejaVu Serif", "Noto Sans", "serif"])
    font.setPointSizeF(11)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    spacing = QTextBlockFormat()
    spacing.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(spacing)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = writer.resolution() * FOOTER_MM / 25.4
    page = QSizeF(area.width(), area.height() - footer)
    document.setPageSize(page)
    painter = QPainter(writer)
    painter.setFont(font)
    for number in range(document.pageCount()):
        if number:
            writer.newPage()
        _draw_page(painter, document, number * page.height(), page)
        painter.drawText(
            QRectF(0, page.height(), page.width(), footer),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            str(number + 1),
        )
    painter.end()
    del writer  # finishes the PDF into the buffer
    buffer.close()
    pdf = bytes(data.data())
    if not pdf.startswith(b"%PDF"):
        raise SongNguError("Qt could not produce the PDF.")
    return pdf


def _draw_page(painter: QPainter, document: QTextDocument, top: float, page: QSizeF) -> None:
    """The lines the layout put on the page that starts at `top`, each drawn once.

    Not QTextDocument.drawContents(): it draws every line of each block the page touches and
    only clips the others away, so the text of a line beside a page break would be in the PDF
    twice (found twice by a search, copied twice)."""
    from PySide6.QtCore import QLineF, QPointF
    from PySide6.QtGui import QTextFormat

    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        box = layout.blockBoundingRect(block)
        if box.bottom() >= top and box.top() < top + page.height():
            lines = block.layout()
            start = lines.position()  # where the layout put the block's text, in the document
            for index in range(lines.lineCount()):
                line = lines.lineAt(index)
                # Half a line of slack: a line the layout moved to the next page starts right
                # at its top, and rounding may put it a hair before it.
                y = start.y() + line.y() + line.height() / 2
                if top <= y < top + page.height():
                    line.draw(painter, QPointF(start.x(), start.y() - top))
            ruler = QTextFormat.Property.BlockTrailingHorizontalRulerWidth
            rule = block.blockFormat().property(ruler)
            if rule is not None and top <= box.center().y() < top + page.height():
                middle = box.center().y() - top
                painter.drawLine(QLineF(box.left(), middle, box.right(), middle))
        block = block.next()


def _ensure_gui_application() -> None:
    # A QApplication (not a QGuiApplication), so widgets can still be made in this process.
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept on the module so Python does not collect it while Qt still uses it.
        _APP.append(QApplication(["songngu-cli"]))


_APP: list[object] = []
