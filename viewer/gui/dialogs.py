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


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(command, shortcuts) for every action that has a shortcut, plus the search field keys."""
    rows = []
    for action in actions:
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        # Dedicated hardware keys ("Open", "Find", "ZoomIn") exist on few keyboards: omit them.
        keys = [k for k in keys if not _HARDWARE_KEY.fullmatch(k)]
        if keys:
            rows.append((action.text().replace("&", ""), ", ".join(keys)))
    rows.append((translate("Dialogs", "Clear the search (in the search field)"), "Esc"))
    rows.append((translate("Dialogs", "Next / previous match (in the search field)"),
                 "Enter, Shift+Enter"))
    rows.append((translate("Dialogs", "From the search field to the results"), "↓"))
    return rows


def shortcuts_dialog(parent: QWidget, actions: list[QAction]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName("shortcuts-dialog")
    dialog.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
    rows = shortcut_rows(actions)
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([translate("Dialogs", "Command"),
                                     translate("Dialogs", "Shortcut")])
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
        "<p>" + translate("Dialogs", "An offline archive of bilingual articles: "
                                     "Vietnamese translations beside their English originals.")
        + "</p>",
        "<p><b>" + translate("Dialogs", "Data location:") + "</b><br>"
        + html.escape(str(data_dir)) + "</p>",
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
