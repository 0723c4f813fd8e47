"""The small dialog that asks for a bookmark's optional note and tags, showing what is being
bookmarked. Ctrl+Enter saves from anywhere in it. Main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from archive.bookmarks.bookmark import clean_tags

QUOTE_SHOWN_CHARS = 400


def split_tags(text: str) -> list[str]:
    """Tags typed as a comma-separated list (semicolons too, as people type them)."""
    return list(clean_tags(text.replace(";", ",").split(",")))


def short_quote(text: str, most: int = QUOTE_SHOWN_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


class BookmarkDialog(QDialog):
    """Asks for a note and tags; `note()` and `tags()` hold the answers once accepted."""

    def __init__(
        self,
        parent: QWidget | None,
        quote: str,
        where: str,
        note: str = "",
        tags: Sequence[str] = (),
        known_tags: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookmark-dialog")
        self.setWindowTitle(self.tr("Bookmark"))
        self.quote = QLabel(f"“{short_quote(quote)}”", self)
        self.quote.setObjectName("bookmark-quote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        font = self.quote.font()
        font.setItalic(True)
        self.quote.setFont(font)
        self.where = QLabel(where, self)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        muted = self.where.palette()
        Role = QPalette.ColorRole
        muted.setColor(Role.WindowText, muted.color(Role.PlaceholderText))
        self.where.setPalette(muted)  # it describes; it is not a field
        self.note_field = QPlainTextEdit(note, self)
        self.note_field.setObjectName("bookmark-note")
        self.note_field.setPlaceholderText(self.tr("Optional: why this passage matters"))
        self.note_field.setTabChangesFocus(True)
        self.tags_field = QLineEdit(", ".join(tags), self)
        self.tags_field.setObjectName("bookmark-tags")
        self.tags_field.setPlaceholderText(self.tr("Optional, separated by commas"))
        if known_tags:
            self.tags_field.setToolTip(
                self.tr("Tags in use: %1").replace("%1", ", ".join(known_tags))
            )
        self._build_layout()
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        self.note_field.setFocus()
        self.resize(520, 340)

    def _build_layout(self) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Qt's own button texts are not shipped with PySide6-Essentials: name them ourselves.
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Note:"), self.note_field)
        form.addRow(self.tr("&Tags:"), self.tags_field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.where)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)

    def note(self) -> str:
        return self.note_field.toPlainText().strip()

    def tags(self) -> list[str]:
        return split_tags(self.tags_field.text())
