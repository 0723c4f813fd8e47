"""The strings of Qt's own widgets that Song Ngữ shows, so that our .ts can translate them.

Qt ships no Vietnamese for its dialogs (there is no qtbase_vi.qm), so file dialogs, message
boxes, button boxes and the text fields' context menus stayed English in the Vietnamese
interface. Each string is exactly the source text Qt 6 passes to QCoreApplication.translate()
in that context: recorded from the calls Qt 6.11's widgets make when they are shown, and
checked against the catalogue Qt ships for other languages (qtbase_de.qm). QMimeType holds the
English comments of freedesktop.org's MIME types for the files the app handles; Qt translates
them when the system's MIME database has no Vietnamese. pyside6-lupdate finds the
QT_TRANSLATE_NOOP calls, so the entries stay in viewer/i18n/songngu_vi.ts instead of being
dropped as vanished.

Strings Qt gives a disambiguation ("Type", "All other platforms") are listed without it: a
QTranslator that finds no entry with the disambiguation falls back to the one without.
Keyboard shortcuts Qt passes through tr() ("Alt+Left") are left out: they must stay keys.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_CONTEXT_STRINGS: dict[str, tuple[str, ...]] = {
    "QFileDialog": (
        QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
        QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
        QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
        QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
        QT_TRANSLATE_NOOP("QFileDialog", "Open"),
        QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
        QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
        QT_TRANSLATE_NOOP("QFileDialog", "All files (*)"),
        QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
        QT_TRANSLATE_NOOP("QFileDialog", "Files"),
        QT_TRANSLATE_NOOP("QFileDialog", "Back"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
        QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
        QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "List View"),
        QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
        QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
        QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
        QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
        QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
        QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"),
        QT_TRANSLATE_NOOP("QFileDialog", "New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
        QT_TRANSLATE_NOOP("QFileDialog", "Delete"),
        QT_TRANSLATE_NOOP("QFileDialog", "Remove"),
        QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
        QT_TRANSLATE_NOOP("QFileDialog", "Show "),
        QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
        QT_TRANSLATE_NOOP(
            "QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."
        ),
        QT_TRANSLATE_NOOP(
            "QFileDialog",
            "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
        ),
        QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
        QT_TRANSLATE_NOOP(
            "QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"
        ),
        QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    ),
    "QFileSystemModel": (
        QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Kind"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer"),
    ),
    "QAbstractFileIconProvider": (
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    ),
    # Type names of the files the app opens and writes, for systems whose MIME database has
    # no Vietnamese for them (Qt then asks its translators, in this context).
    "QMimeType": (
        QT_TRANSLATE_NOOP("QMimeType", "plain text document"),
        QT_TRANSLATE_NOOP("QMimeType", "Markdown document"),
        QT_TRANSLATE_NOOP("QMimeType", "PDF document"),
        QT_TRANSLATE_NOOP("QMimeType", "HTML document"),
        QT_TRANSLATE_NOOP("QMimeType", "XML document"),
        QT_TRANSLATE_NOOP("QMimeType", "Atom syndication feed"),
        QT_TRANSLATE_NOOP("QMimeType", "JSON document"),
        QT_TRANSLATE_NOOP("QMimeType", "SQLite3 database"),
    ),
    # The standard buttons of QMessageBox and QDialogButtonBox take their texts from here.
    "QPlatformTheme": (
        QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    ),
    "QDialogButtonBox": (QT_TRANSLATE_NOOP("QDialogButtonBox", "OK"),),
    "QMessageBox": (
        QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
        QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    ),
    # The context menus of one-line fields (QLineEdit) and of text views (QTextEdit, QTextBrowser).
    "QLineEdit": (
        QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
        QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
        QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
        QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    ),
    "QWidgetTextControl": (
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    ),
}
