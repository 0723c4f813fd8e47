"""The bookmark commands of the main window: bookmark the selection or passage (Ctrl+D) or the
article, open a bookmark at its text, copy with citation (Ctrl+Shift+C), export, undo/redo.
It wires the reader, the Bookmarks panel and the dialogs to the BookmarkController, so the
main window only places the panel and connects the actions. Main thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from archive.bookmarks.bookmark import Bookmark
from archive.export.citation import Excerpt, excerpt_from_passage
from archive.model import NATIVE_LANGUAGE_NAMES, Article
from viewer.gui import settings as S
from viewer.gui.bookmarks.controller import BookmarkController
from viewer.gui.bookmarks.dialog import BookmarkDialog
from viewer.gui.bookmarks.panel import BookmarksPanel
from viewer.gui.clipboard import copy_with_citation
from viewer.gui.export_dialog import ExportDialog, ExportSources
from viewer.gui.reader.reader import Reader
from viewer.gui.reader.selection import PassageSelection
from viewer.library_api import LibraryAPI


@dataclass
class WindowParts:
    """What the workflow needs from the main window, passed in rather than reached for."""

    window: QWidget  # parent of the dialogs
    library: LibraryAPI
    settings: S.Settings
    reader: Reader
    search_query: Callable[[], tuple[str, str]]  # (query shown, language filter)
    open_article: Callable[[int], bool]
    show_language: Callable[[str], None]  # switch the reader so it shows this language
    titles: Callable[[int, str], str]
    show_message: Callable[[str], None]


class BookmarkWorkflow(QObject):
    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self.parts = parts
        self.controller = BookmarkController(parts.library, self)
        self.panel = BookmarksPanel(self.controller, parts.titles, parts.window)
        self.panel.setObjectName("bookmarks-panel")
        self.panel.set_sort_order(parts.settings.get(S.BOOKMARK_SORT))
        self.panel.sort.currentIndexChanged.connect(
            lambda _i: parts.settings.set(S.BOOKMARK_SORT, self.panel.sort_order()))
        self.panel.open_requested.connect(self.open_bookmark)
        self.panel.export_requested.connect(lambda: self.export("selected"))
        self.controller.changed.connect(self._changed)
        self.controller.failed.connect(parts.show_message)
        self.dialog: QWidget | None = None  # the bookmark or export dialog last opened
        self.panel.refresh()
        parts.reader.set_bookmarks(self.panel.all)

    def _changed(self) -> None:
        self.parts.reader.set_bookmarks(self.controller.bookmarks())

    # -- making bookmarks ----------------------------------------------------------------

    def bookmark_selection(self) -> None:
        """Ask for a note and tags, then bookmark the selection (or the passage at the cursor)."""
        reader = self.parts.reader
        place = reader.selection_place()
        if reader.article is None or place is None:
            self.parts.show_message(self.tr(
                "Select some text in a passage, or click in one, to bookmark it."))
            return
        article = reader.article
        where = self._where(article, place)
        self._ask(place.text, where, lambda note, tags: self.parts.library.bookmark_passage(
            article.id, place.lang, place.passage, 0 if place.whole else place.start,
            0 if place.whole else place.end, note, tags))

    def bookmark_article(self) -> None:
        article = self.parts.reader.article
        if article is None:
            return
        self._ask(article.display_title(), self.tr("The whole article"),
                  lambda note, tags: self.parts.library.bookmark_article(article.id, note, tags))

    def _where(self, article: Article, place: PassageSelection) -> str:
        return " · ".join([article.display_title(place.lang), NATIVE_LANGUAGE_NAMES[place.lang],
                           self.tr("passage %1").replace("%1", str(place.passage + 1))])

    def _ask(self, quote: str, where: str,
             make: Callable[[str, list[str]], Bookmark]) -> None:
        dialog = BookmarkDialog(self.parts.window, quote, where,
                                known_tags=self.panel.known_tags())
        dialog.accepted.connect(lambda: self._create(lambda: make(dialog.note(), dialog.tags())))
        self.dialog = dialog
        dialog.open()

    def _create(self, make: Callable[[], Bookmark]) -> None:
        bookmark = self.controller.create(make)
        if bookmark is not None:
            self.panel.set_tag_filter(None)
            self.panel.filter.clear()
            self.panel.select_bookmark(bookmark.id)
            self.parts.show_message(self.tr("Bookmarked. Ctrl+Z takes it back."))

    # -- using them ----------------------------------------------------------------------

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Open the bookmark's article with its text in view and tinted."""
        if not self.parts.open_article(bookmark.article_id):
            return
        reader = self.parts.reader
        if bookmark.orphaned:
            self.parts.show_message(self.tr(
                "This bookmark's text is no longer in the article; its saved text is kept in "
                "the Bookmarks panel."))
            return
        if bookmark.lang and bookmark.lang not in reader.shown_languages():
            self.parts.show_language(bookmark.lang)
        reader.show_bookmark(bookmark)

    def copy_with_citation(self) -> None:
        """The selected bookmarks when the panel has the focus, else the reader's selection."""
        counterpart = self.parts.settings.get(S.EXPORT_WITH_TRANSLATION)
        excerpts: list[Excerpt] = []
        if self.panel.isVisible() and self.panel.list.hasFocus():
            excerpts = self.parts.library.bookmark_excerpts(self.panel.selected(), counterpart)
        elif (found := self.reader_selection()) is not None:
            article, place = found
            excerpts = [excerpt_from_passage(article, place.lang, place.passage, place.text,
                                             with_counterpart=counterpart)]
        if not excerpts:
            self.parts.show_message(self.tr("Select some text in a passage to copy it."))
            return
        copy_with_citation(excerpts)
        self.parts.show_message(self.tr("Copied with its citation."))

    def reader_selection(self) -> tuple[Article, PassageSelection] | None:
        reader = self.parts.reader
        place = reader.selection_place()
        return (reader.article, place) if reader.article is not None and place else None

    def export(self, source: str | None = None) -> None:
        if source is None:
            has_selection = self.parts.reader.view.textCursor().hasSelection()
            source = "selection" if has_selection else (
                "search" if self.parts.search_query()[0] else "tag")
        sources = ExportSources(self.parts.library, self.panel.selected, self.panel.known_tags,
                                self.parts.search_query, self.reader_selection)
        dialog = ExportDialog(self.parts.window, sources, self.parts.settings, source)
        dialog.accepted.connect(lambda: self.parts.show_message(
            self.tr("Exported to %1").replace("%1", str(dialog.written))))
        self.dialog = dialog
        dialog.open()

    # -- undo ----------------------------------------------------------------------------

    def connect_undo(self, undo: QAction, redo: QAction) -> None:
        stack = self.controller.undo_stack
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.indexChanged.connect(lambda _i: self.retranslate_undo(undo, redo))
        self.retranslate_undo(undo, redo)

    def retranslate_undo(self, undo: QAction, redo: QAction) -> None:
        stack = self.controller.undo_stack
        if not all(shiboken6.isValid(o) for o in (stack, undo, redo)):
            return  # the stack signals its last change while the window is being destroyed
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(self.tr("&Undo %1").replace("%1", stack.undoText()).strip())
        redo.setText(self.tr("&Redo %1").replace("%1", stack.redoText()).strip())
