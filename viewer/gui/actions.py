"""Every command of the main window as a QAction with a standard shortcut where one exists,
and the menus that hold them. Texts are set in `retranslate` so a language switch updates them.
Main thread only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence.StandardKey
# lupdate finds translate("Context", "text") calls; these strings sit in MainWindow's context.
translate = QCoreApplication.translate


@dataclass
class Actions:
    import_files: QAction
    import_folder: QAction
    rebuild_index: QAction
    quit: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    clear_search: QAction
    filter_library: QAction
    copy_url: QAction
    mode_vi: QAction
    mode_en: QAction
    mode_side: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    full_screen: QAction
    language_system: QAction
    language_vi: QAction
    language_en: QAction
    shortcuts: QAction
    about: QAction
    undo: QAction
    redo: QAction
    bookmark_passage: QAction
    bookmark_article: QAction
    show_bookmarks: QAction
    export: QAction
    copy_citation: QAction
    theme_system: QAction
    theme_light: QAction
    theme_dark: QAction
    show_library_panel: QAction
    show_side_panel: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


def _action(parent: QObject, name: str, *shortcuts: QKeySequence | Key | str) -> QAction:
    action = QAction(parent)
    action.setObjectName(name)
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, Key):
            sequences.extend(QKeySequence.keyBindings(shortcut))
        else:
            sequences.append(QKeySequence(shortcut))
    unique = list(dict.fromkeys(s.toString() for s in sequences if not s.isEmpty()))
    action.setShortcuts([QKeySequence(s) for s in unique])
    return action


def create_actions(window: QMainWindow) -> Actions:
    a = Actions(
        import_files=_action(window, "import", Key.Open),
        import_folder=_action(window, "import-folder", "Ctrl+Shift+O"),
        rebuild_index=_action(window, "rebuild-index"),
        quit=_action(window, "quit", Key.Quit, "Ctrl+Q"),
        find=_action(window, "find", Key.Find, "Ctrl+K"),
        find_next=_action(window, "find-next", "F3", Key.FindNext),
        find_previous=_action(window, "find-previous", "Shift+F3", Key.FindPrevious),
        clear_search=_action(window, "clear-search"),
        filter_library=_action(window, "filter-library", "Ctrl+L"),
        copy_url=_action(window, "copy-url"),  # Ctrl+Shift+C copies with a citation
        mode_vi=_action(window, "mode-vi", "Ctrl+1"),
        mode_en=_action(window, "mode-en", "Ctrl+2"),
        mode_side=_action(window, "mode-side", "Ctrl+3"),
        zoom_in=_action(window, "zoom-in", "Ctrl+=", Key.ZoomIn),
        zoom_out=_action(window, "zoom-out", "Ctrl+-", Key.ZoomOut),
        zoom_reset=_action(window, "zoom-reset", "Ctrl+0"),
        full_screen=_action(window, "full-screen", Key.FullScreen),
        language_system=_action(window, "language-system"),
        language_vi=_action(window, "language-vi"),
        language_en=_action(window, "language-en"),
        shortcuts=_action(window, "shortcuts", "Ctrl+/"),
        about=_action(window, "about"),
        undo=_action(window, "undo", Key.Undo),
        redo=_action(window, "redo", Key.Redo),
        bookmark_passage=_action(window, "bookmark-passage", "Ctrl+D"),
        bookmark_article=_action(window, "bookmark-article", "Ctrl+Shift+D"),
        show_bookmarks=_action(window, "show-bookmarks", "Ctrl+B"),
        export=_action(window, "export", "Ctrl+E"),
        copy_citation=_action(window, "copy-citation", "Ctrl+Shift+C"),
        theme_system=_action(window, "theme-system"),
        theme_light=_action(window, "theme-light"),
        theme_dark=_action(window, "theme-dark"),
        show_library_panel=_action(window, "show-library-panel", "F9"),
        show_side_panel=_action(window, "show-side-panel", "F10"),
    )
    for group_members in (
        (a.mode_vi, a.mode_en, a.mode_side),
        (a.language_system, a.language_vi, a.language_en),
        (a.theme_system, a.theme_light, a.theme_dark),
    ):
        group = QActionGroup(window)
        for action in group_members:
            action.setCheckable(True)
            group.addAction(action)
    for action in (a.full_screen, a.show_library_panel, a.show_side_panel):
        action.setCheckable(True)
    for action in a.all():
        window.addAction(action)  # shortcuts work even while menus are hidden
    return a


def retranslate_actions(a: Actions) -> None:
    """Set every action's text in the current interface language."""
    texts = {
        a.import_files: translate("MainWindow", "&Import…"),
        a.import_folder: translate("MainWindow", "Import &Folder…"),
        a.rebuild_index: translate("MainWindow", "&Rebuild search index"),
        a.quit: translate("MainWindow", "&Quit"),
        a.find: translate("MainWindow", "&Search"),
        a.find_next: translate("MainWindow", "Next &match"),
        a.find_previous: translate("MainWindow", "&Previous match"),
        a.clear_search: translate("MainWindow", "&Clear search"),
        a.filter_library: translate("MainWindow", "&Filter library"),
        a.copy_url: translate("MainWindow", "&Copy source URL"),
        a.mode_vi: translate("MainWindow", "&Vietnamese"),
        a.mode_en: translate("MainWindow", "&English"),
        a.mode_side: translate("MainWindow", "&Side by side"),
        a.zoom_in: translate("MainWindow", "Zoom &in"),
        a.zoom_out: translate("MainWindow", "Zoom &out"),
        a.zoom_reset: translate("MainWindow", "&Reset zoom"),
        a.full_screen: translate("MainWindow", "&Full screen"),
        a.language_system: translate("MainWindow", "&System language"),
        a.language_vi: "Tiếng &Việt",
        a.language_en: "&English",
        a.shortcuts: translate("MainWindow", "&Keyboard shortcuts"),
        a.about: translate("MainWindow", "&About Song Ngữ"),
        a.bookmark_passage: translate("MainWindow", "&Bookmark passage"),
        a.bookmark_article: translate("MainWindow", "Bookmark the whole &article"),
        a.show_bookmarks: translate("MainWindow", "Show &bookmarks"),
        a.export: translate("MainWindow", "&Export with citations…"),
        a.copy_citation: translate("MainWindow", "Copy with &citation"),
        a.theme_system: translate("MainWindow", "&System"),
        a.theme_light: translate("MainWindow", "&Light"),
        a.theme_dark: translate("MainWindow", "&Dark"),
        a.show_library_panel: translate("MainWindow", "Library &panel"),
        a.show_side_panel: translate("MainWindow", "Search and bookmarks p&anel"),
    }
    for action, text in texts.items():
        action.setText(text)


@dataclass
class Menus:
    file: QMenu
    edit: QMenu
    view: QMenu
    language: QMenu
    help: QMenu
    bookmarks: QMenu
    theme: QMenu


def create_menus(window: QMainWindow, a: Actions) -> Menus:
    bar = window.menuBar()
    m = Menus(*(QMenu(window) for _ in range(7)))
    m.file.addActions([a.import_files, a.import_folder, a.rebuild_index, a.export])
    m.file.addSeparator()
    m.file.addAction(a.quit)
    m.edit.addActions([a.undo, a.redo])
    m.edit.addSeparator()
    m.edit.addActions([a.find, a.find_next, a.find_previous, a.clear_search])
    m.edit.addSeparator()
    m.edit.addActions([a.filter_library, a.copy_url, a.copy_citation])
    m.bookmarks.addActions([a.bookmark_passage, a.bookmark_article, a.show_bookmarks])
    m.bookmarks.addSeparator()
    m.bookmarks.addAction(a.export)
    m.view.addActions([a.mode_vi, a.mode_en, a.mode_side])
    m.view.addSeparator()
    m.view.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
    m.view.addSeparator()
    m.view.addActions([a.show_library_panel, a.show_side_panel])
    m.view.addSeparator()
    m.theme.addActions([a.theme_system, a.theme_light, a.theme_dark])
    m.view.addMenu(m.theme)
    m.language.addActions([a.language_system, a.language_vi, a.language_en])
    m.view.addMenu(m.language)
    m.view.addAction(a.full_screen)
    m.help.addActions([a.shortcuts, a.about])
    for menu in (m.file, m.edit, m.view, m.bookmarks, m.help):
        bar.addMenu(menu)
    return m


def retranslate_menus(m: Menus) -> None:
    m.file.setTitle(translate("MainWindow", "&File"))
    m.edit.setTitle(translate("MainWindow", "&Edit"))
    m.view.setTitle(translate("MainWindow", "&View"))
    # "Interface": View also holds the reader's Vietnamese / English, which is another thing.
    m.language.setTitle(translate("MainWindow", "&Interface language"))
    m.help.setTitle(translate("MainWindow", "&Help"))
    m.bookmarks.setTitle(translate("MainWindow", "&Bookmarks"))
    m.theme.setTitle(translate("MainWindow", "&Theme"))
