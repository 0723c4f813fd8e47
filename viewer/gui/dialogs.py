"""Help dialogs: the keyboard shortcuts (read from the actions themselves, so the list is never
out of date) and About (version, data location, licences). Main thread only.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive import __version__

translate = QCoreApplication.translate
_HARDWARE_KEY = re.compile(r"[A-Za-z][A-Za-z ]+")  # "Open", "Zoom In": words, no modifier
# F13–F35 stand for the extra keys of old Sun and some Apple keyboards (X11 binds Undo to F14,
# Copy to F16, Paste to F18); a person with an ordinary keyboard has none of them.
_EXTRA_FUNCTION_KEY = re.compile(r"F(1[3-9]|2[0-9]|3[0-5])")


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(command, shortcut) for every action that has one, plus the search field's keys.

    One shortcut per command, written as the platform writes it (Ctrl+Z, ⌘Z): the first the
    action answers to that is on an ordinary keyboard. The others still work; listing them
    all ("Ctrl+Z, F14") only made people look for keys they do not have."""
    rows = []
    for action in actions:
        key = readable_shortcut(action)
        if key:
            rows.append((action.text().replace("&", ""), key))
    rows.append((translate("Dialogs", "Clear the search (in the search field)"), "Esc"))
    rows.append((translate("Dialogs", "Next match (in the search field)"), "Enter"))
    rows.append((translate("Dialogs", "Previous match (in the search field)"), "Shift+Enter"))
    rows.append((translate("Dialogs", "From the search field to the results"), "↓"))
    return rows


def readable_shortcut(action: QAction) -> str:
    """The action's first shortcut found on an ordinary keyboard, as text; "" when none."""
    for sequence in action.shortcuts():
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and not (_HARDWARE_KEY.fullmatch(text) or _EXTRA_FUNCTION_KEY.fullmatch(text)):
            return text
    return ""


def shortcuts_dialog(parent: QWidget, actions: list[QAction]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName("shortcuts-dialog")
    dialog.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
    rows = shortcut_rows(actions)
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels(
        [translate("Dialogs", "Command"), translate("Dialogs", "Shortcut")]
    )
    table.verticalHeader().hide()
    table.setCurrentCell(-1, -1)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (command, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(command))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnToContents(1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    # Qt's own button texts ship only in the full PySide6 wheel: name the button ourselves.
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("Dialogs", "Close"))
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(600, 700)
    return dialog


def about_text(data_dir: Path) -> str:
    rows = [
        f"<h3>Song Ngữ {html.escape(__version__)}</h3>",
        "<p>"
        + translate(
            "Dialogs",
            "An offline archive of bilingual articles: "
            "Vietnamese translations beside their English originals.",
        )
        + "</p>",
        "<p><b>"
        + translate("Dialogs", "Data location:")
        + "</b><br>"
        + html.escape(str(data_dir))
        + "</p>",
        "<p><b>" + translate("Dialogs", "Licences:") + "</b><br>"
        f"Song Ngữ — MIT<br>Qt / PySide6 {html.escape(pyside_version)} — LGPL v3<br>"
        "Whoosh — BSD 2-Clause<br>Python-Markdown — BSD 3-Clause<br>"
        "platformdirs — MIT · defusedxml — PSF<br>"
        "Noto fonts — SIL Open Font License 1.1 · DejaVu fonts — Bitstream Vera licence</p>",
        "<p>" + translate("Dialogs", "Articles belong to their authors and publishers.") + "</p>",
    ]
    return "".join(rows)


def about_box(parent: QWidget, data_dir: Path) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("about-dialog")
    box.setWindowTitle(translate("Dialogs", "About Song Ngữ"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setText(about_text(data_dir))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
