"""“Copy with citation”: excerpts on the clipboard as rich text (HTML, for word processors) and
plain text (for everything else), both formatted by archive.export.exporters as in an export,
without the export's heading. Main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from archive.export.citation import Excerpt
from archive.export.exporters import to_html, to_text


def clipboard_html(excerpts: Sequence[Excerpt]) -> str:
    """The HTML export as a fragment (no heading) to paste into a document."""
    return to_html(excerpts, fragment=True)


def clipboard_text(excerpts: Sequence[Excerpt]) -> str:
    """The plain-text export without its underlined heading."""
    return to_text(excerpts, heading=False)


def citation_mime(excerpts: Sequence[Excerpt]) -> QMimeData:
    mime = QMimeData()
    mime.setHtml(clipboard_html(excerpts))
    mime.setText(clipboard_text(excerpts))
    return mime


def copy_with_citation(excerpts: Sequence[Excerpt], clipboard: QClipboard | None = None) -> None:
    (clipboard or QGuiApplication.clipboard()).setMimeData(citation_mime(excerpts))
