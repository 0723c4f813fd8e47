"""The bookmark commands of the main window: bookmark the selection or passage (Ctrl+D) or the
article, open a bookmark at its text, copy with citation (Ctrl+Shift+C), export, undo/redo.
It wires the reader, the Bookmarks panel and the dialogs to the BookmarkController, so the
main window only places the panel and connects the actions. After the window's changed(Changes)
signal says the bookmarks (or the articles they stand in) changed, it reads them again in a
worker and gives them to the panel and the reader. Main thread only.
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
from viewer.gui.operations import Changes, Operations
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
    # Show an article, then call back (not called when it cannot be read).
    open_article: Callable[[int, Callable[[], None] | None], None]
    show_language: Callable[[str], None]  # switch the reader so it shows this language
    titles: Callable[[int, str], str]
    show_message: Callable[[str], None]
    operations: Operations


class BookmarkWorkflow(QObject):
    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self.parts = parts
        self.operations = parts.operations
        self.controller = BookmarkController(parts.library, parts.operations, self)
        self.panel = BookmarksPanel(self.controller, parts.titles, parts.window)
        self.panel.setObjectName("bookmarks-panel")
        self.panel.set_sort_order(parts.settings.get(S.BOOKMARK_SORT))
        self.panel.sort.currentIndexChanged.connect(
            lambda _i: parts.settings.set(S.BOOKMARK_SORT, self.panel.sort_order())
        )
        self.panel.open_requested.connect(self.open_bookmark)
        self.panel.export_requested.connect(lambda: self.export("selected"))
        parts.operations.changed.connect(self._changed)
        self.dialog: QWidget | None = None  # the bookmark or export dialog last opened
        self._select_next: int | None = None  # a bookmark just made: selected once read
        self._reading = 0  # the newest read asked for; older answers are dropped
        self.reload()

    def _changed(self, changes: Changes) -> None:
        # A re-import moves bookmarks with their text: bookmarks=True comes with it.
        if changes.bookmarks:
            self.reload()

    def reload(self) -> None:
        """Read every bookmark in a worker, then show them in the panel and the reader."""
        self._reading += 1
        reading, library = self._reading, self.parts.library
        self.operations.query(
            "read the bookmarks",
            lambda _report: library.bookmarks(),
            lambda found: self._show(reading, found),
        )

    def _show(self, reading: int, bookmarks: list[Bookmark]) -> None:
        if reading != self._reading:
            return  # a newer read is on its way
        self.panel.set_bookmarks(bookmarks)
        self.parts.reader.set_bookmarks(bookmarks)
        if self._select_next is not None and self.panel.select_bookmark(self._select_next):
            self._select_next = None

    # -- making bookmarks ----------------------------------------------------------------

    def bookmark_selection(self) -> None:
        """Ask for a note and tags, then bookmark the selection (or the passage at the cursor)."""
        reader = self.parts.reader
        place = reader.selection_place()
        if reader.article is None or place is None:
            self.parts.show_message(
                self.tr("Select some text in a passage, or click in one, to bookmark it.")
            )
            return
        article = reader.article
        where = self._where(article, place)
        self._ask(
            place.text,
            where,
            lambda note, tags: self.parts.library.bookmark_passage(
                article.id,
                place.lang,
                place.passage,
                0 if place.whole else place.start,
                0 if place.whole else place.end,
                note,
                tags,
            ),
        )

    def bookmark_article(self) -> None:
        article = self.parts.reader.article
        if article is None:
            return
        self._ask(
            article.display_title(),
            self.tr("The whole article"),
            lambda note, tags: self.parts.library.bookmark_article(article.id, note, tags),
        )

    def _where(self, article: Article, place: PassageSelection) -> str:
        return " · ".join(
            [
                article.display_title(place.lang),
                NATIVE_LANGUAGE_NAMES[place.lang],
                self.tr("passage %1").replace("%1", str(place.passage + 1)),
            ]
        )

    def _ask(self, quote: str, where: str, make: Callable[[str, list[str]], Bookmark]) -> None:
        dialog = BookmarkDialog(self.parts.window, quote, where, known_tags=self.panel.known_tags())
        dialog.accepted.connect(lambda: self._create(make, dialog.note(), dialog.tags()))
        self.dialog = dialog
        dialog.open()

    def _create(
        self, make: Callable[[str, list[str]], Bookmark], note: str, tags: list[str]
    ) -> None:
        # The answers are read here, on the main thread; the worker only calls the Library.
        self.controller.create(lambda: make(note, tags), self._created)

    def _created(self, bookmark: Bookmark) -> None:
        self.panel.set_tag_filter(None)
        self.panel.filter.clear()
        self._select_next = bookmark.id  # selected when the bookmarks have been read again
        self.parts.show_message(self.tr("Bookmarked. Ctrl+Z takes it back."))

    # -- using them ----------------------------------------------------------------------

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Open the bookmark's article with its text in view and tinted."""
        self.parts.open_article(bookmark.article_id, lambda: self._show_bookmark(bookmark))

    def _show_bookmark(self, bookmark: Bookmark) -> None:
        reader = self.parts.reader
        if bookmark.orphaned:
            self.parts.show_message(
                self.tr(
                    "This bookmark's text is no longer in the article; its saved text is kept in "
                    "the Bookmarks panel."
                )
            )
            return
        if bookmark.lang and bookmark.lang not in reader.shown_languages():
            self.parts.show_language(bookmark.lang)
        reader.show_bookmark(bookmark)

    def copy_with_citation(self) -> None:
        """The selected bookmarks when the panel has the focus, else the reader's selection.
        The excerpts are made in a worker (bookmarks read their articles); the clipboard is
        filled on the main thread."""
        counterpart = self.parts.settings.get(S.EXPORT_WITH_TRANSLATION)
        library = self.parts.library
        make: Callable[[], list[Excerpt]] | None = None
        if self.panel.isVisible() and self.panel.list.hasFocus() and self.panel.selected():
            chosen = self.panel.selected()
            make = lambda: library.bookmark_excerpts(chosen, counterpart)  # noqa: E731
        elif (found := self.reader_selection()) is not None:
            article, place = found
            make = lambda: [  # noqa: E731
                excerpt_from_passage(
                    article, place.lang, place.passage, place.text, with_counterpart=counterpart
                )
            ]
        if make is None:
            self.parts.show_message(self.tr("Select some text in a passage to copy it."))
            return
        work = make
        self.operations.run(
            "copy with citation", lambda _report: work(), Changes(), success=self._copy
        )

    def _copy(self, excerpts: list[Excerpt]) -> None:
        copy_with_citation(excerpts)
        self.parts.show_message(self.tr("Copied with its citation."))

    def reader_selection(self) -> tuple[Article, PassageSelection] | None:
        reader = self.parts.reader
        place = reader.selection_place()
        return (reader.article, place) if reader.article is not None and place else None

    def export(self, source: str | None = None) -> None:
        if source is None:
            has_selection = self.parts.reader.view.textCursor().hasSelection()
            source = (
                "selection"
                if has_selection
                else ("search" if self.parts.search_query()[0] else "tag")
            )
        sources = ExportSources(
            self.parts.library,
            self.panel.selected,
            self.panel.known_tags,
            self.parts.search_query,
            self.reader_selection,
            self.operations,
        )
        dialog = ExportDialog(self.parts.window, sources, self.parts.settings, source)
        dialog.accepted.connect(
            lambda: self.parts.show_message(
                self.tr("Exported to %1").replace("%1", str(dialog.written))
            )
        )
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
