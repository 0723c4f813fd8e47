"""Every change to the bookmarks goes through here, as an undoable command: add, edit, delete
(Ctrl+Z puts a deleted bookmark back with its id). Each change, and each undo or redo of one,
is an operation (viewer.gui.operations): it runs on the ordered worker lane, so the UI thread
never waits for the database and changes apply in the order they were made, and it ends in
the window's one changed(Changes) signal, on which the panel and the reader read the
bookmarks again. A failure shows one line in the status bar and goes to the log.
Storage stays in the Library and the store; this only sequences their calls. Main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from archive.bookmarks.bookmark import Bookmark
from viewer.gui.operations import BOOKMARKS, Operations
from viewer.library_api import LibraryAPI


class _Command(QUndoCommand):
    """A change made by `do` and taken back by `undo`; the first redo can be skipped when the
    change has already been made (a bookmark the Library just created)."""

    def __init__(
        self,
        controller: BookmarkController,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        already_done: bool = False,
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self.do, self.undo_change = do, undo
        self.skip_redo = already_done

    def redo(self) -> None:
        if self.skip_redo:
            self.skip_redo = False
        else:
            self.controller.submit(self.text(), self.do)

    def undo(self) -> None:
        self.controller.submit(self.text(), self.undo_change)


class BookmarkController(QObject):
    """Holds the undo stack and turns each change into an operation."""

    def __init__(
        self, library: LibraryAPI, operations: Operations, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.operations = operations
        self.undo_stack = QUndoStack(self)

    def submit(
        self,
        name: str,
        change: Callable[[], object],
        success: Callable[[object], None] | None = None,
    ) -> None:
        """Make `change` (a Library call) in a worker; the bookmarks are read again after it."""
        self.operations.run(name, lambda _report: change(), BOOKMARKS, success=success)

    def create(
        self, make: Callable[[], Bookmark], created: Callable[[Bookmark], None] | None = None
    ) -> None:
        """Create a bookmark with `make` (a Library call, run in a worker: it must not touch
        widgets), remember it for undo, then `created(bookmark)`."""
        library = self.library

        def remember(bookmark: object) -> None:
            assert isinstance(bookmark, Bookmark)
            self.undo_stack.push(
                _Command(
                    self,
                    self.tr("add bookmark"),
                    lambda: library.restore_bookmark(bookmark),
                    lambda: library.delete_bookmark(bookmark.id or 0),
                    already_done=True,
                )
            )
            if created is not None:
                created(bookmark)

        self.submit(self.tr("add bookmark"), make, remember)

    def edit(self, before: Bookmark, note: str, tags: Sequence[str]) -> None:
        """Give `before` (the bookmark as shown) a new note and tags, undoably."""
        if before.id is None or (before.note == note.strip() and list(before.tags) == list(tags)):
            return
        library, bookmark_id, tags = self.library, before.id, list(tags)
        self.undo_stack.push(
            _Command(
                self,
                self.tr("edit bookmark"),
                lambda: library.update_bookmark(bookmark_id, note, tags),
                lambda: library.update_bookmark(bookmark_id, before.note, before.tags),
            )
        )

    def delete(self, bookmarks: Sequence[Bookmark]) -> None:
        if not bookmarks:
            return
        library = self.library
        removed = list(bookmarks)

        def delete_all() -> None:
            for bookmark in removed:
                library.delete_bookmark(bookmark.id or 0)

        def restore_all() -> None:
            for bookmark in removed:
                library.restore_bookmark(bookmark)  # the same id comes back

        text = self.tr("delete %n bookmark(s)", "", len(removed))
        self.undo_stack.push(_Command(self, text, delete_all, restore_all))
