"""“Copy with citation”: excerpts on the clipboard as rich text (HTML, for word processors) and
plain text (for everything else), both formatted by archive.exporters as in an export, without
the export's heading. Main thread only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from archive.citation import Excerpt
from archive.exporters import to_html, to_text

_BODY = re.compile(r"<body>\n(.*)\n</body>", re.DOTALL)
_HEADING = re.compile(r"\A<h1>.*?</h1>\n?", re.DOTALL)


def clipboard_html(excerpts: Sequence[Excerpt]) -> str:
    """The HTML export's body without its <h1>: a fragment to paste into a document."""
    found = _BODY.search(to_html(excerpts))
    body = found.group(1) if found else ""
    return f'<meta charset="utf-8">{_HEADING.sub("", body, count=1)}'


def clipboard_text(excerpts: Sequence[Excerpt]) -> str:
    """The plain-text export without its underlined heading."""
    heading, _blank, rest = to_text(excerpts).partition("\n\n")
    return rest if rest else heading


def citation_mime(excerpts: Sequence[Excerpt]) -> QMimeData:
    mime = QMimeData()
    mime.setHtml(clipboard_html(excerpts))
    mime.setText(clipboard_text(excerpts))
    return mime


def copy_with_citation(excerpts: Sequence[Excerpt], clipboard: QClipboard | None = None) -> None:
    (clipboard or QGuiApplication.clipboard()).setMimeData(citation_mime(excerpts))
