"""Open, save and folder dialogs that speak the interface's language. Main thread only.

A native dialog (GTK, Windows, macOS) speaks the system's language, so in a Vietnamese
interface on an English system it would be English. There the app uses Qt's own dialog, whose
strings viewer/i18n/songngu_vi.ts translates (see viewer/gui/qt_strings.py); where the
interface and the system share a language the native dialog is kept. Qt's dialog is also
sized so that its columns (Size, Type, Date Modified) and its sidebar show their text whole in
either language: its default 620 px squeezes them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHeaderView, QSplitter, QTreeView, QWidget

from viewer.gui.i18n import Translations, resolve_language

DIALOG_SIZE = (880, 540)  # fits a 1024×600 screen with room for the window frame
SIDEBAR_WIDTH = 190
_NAME_COLUMN = 0


def interface_language() -> str:
    """'vi' or 'en': the language the application's Translations installed, else the system's."""
    app = QCoreApplication.instance()
    translations = app.findChild(Translations) if app is not None else None
    return translations.language if translations is not None else resolve_language("system")


def needs_qt_dialog(language: str | None = None) -> bool:
    """True when a native dialog would speak another language than the interface."""
    return (language or interface_language()) != resolve_language("system")


def file_dialog(
    parent: QWidget | None,
    caption: str,
    directory: str = "",
    filters: str = "",
    language: str | None = None,
) -> QFileDialog:
    """A QFileDialog set up as the app wants it; the caller sets its mode and runs exec()."""
    dialog = QFileDialog(parent, caption, directory, filters)
    if needs_qt_dialog(language):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        _lay_out(dialog)
    return dialog


def save_file_name(parent: QWidget | None, caption: str, path: str, filters: str) -> str:
    """The file the person chose to save to ("" when cancelled); replacing one was confirmed."""
    dialog = file_dialog(parent, caption, path, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def open_file_names(
    parent: QWidget | None, caption: str, directory: str, filters: str
) -> list[str]:
    dialog = file_dialog(parent, caption, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dialog.selectedFiles() if dialog.exec() else []


def existing_directory(parent: QWidget | None, caption: str, directory: str) -> str:
    dialog = file_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def _lay_out(dialog: QFileDialog) -> None:
    dialog.resize(*DIALOG_SIZE)
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:
        # The name takes what is left; every other column is as wide as its header and cells.
        header = details.header()
        header.setStretchLastSection(False)
        for column in range(header.count()):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == _NAME_COLUMN
                else QHeaderView.ResizeMode.ResizeToContents,
            )
    splitter = dialog.findChild(QSplitter, "splitter")
    if splitter is not None and splitter.count() == 2:
        splitter.setSizes([SIDEBAR_WIDTH, DIALOG_SIZE[0] - SIDEBAR_WIDTH])
