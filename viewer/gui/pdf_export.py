"""Exports as PDF, with Qt's own QTextDocument and QPdfWriter (no extra dependency).

Works without a display: when no Qt application exists yet (the command line), one is made on
the offscreen platform. Main thread only.
"""

from __future__ import annotations

import os

from archive.errors import SongNguError


def html_to_pdf_bytes(html: str, title: str) -> bytes:
    """The HTML export laid out on A4 pages, as PDF bytes."""
    _ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Song Ngữ")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    font = QFont()
    font.setFamilies(["Noto Serif", "DejaVu Serif", "Noto Sans", "serif"])
    font.setPointSizeF(11)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    pdf = bytes(data.data())
    if not pdf.startswith(b"%PDF"):
        raise SongNguError("Qt could not produce the PDF.")
    return pdf


def _ensure_gui_application() -> None:
    # A QApplication (not a QGuiApplication), so widgets can still be made in this process.
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept on the module so Python does not collect it while Qt still uses it.
        _APP.append(QApplication(["songngu-cli"]))


_APP: list[object] = []
