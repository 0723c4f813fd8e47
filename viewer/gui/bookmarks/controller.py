"""Every change to the bookmarks goes through here, as an undoable command: add, edit, delete
(Ctrl+Z puts a deleted bookmark back with its id). After each change one `changed` signal lets
the panel and the reader refresh what they show. Storage stays in the Library and the store;
this only sequences their calls. Main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from archive.bookmarks.bookmark import Bookmark
from archive.errors import SongNguError
from viewer.library_api import LibraryAPI


class _Command(QUndoCommand):
    """A change made by `do` and taken back by `undo`; the first redo can be skipped when the
    change has already been made (a bookmark the Library just created)."""

    def __init__(self, controller: BookmarkController, text: str, do: Callable[[], object],
                 undo: Callable[[], object], already_done: bool = False) -> None:
        super().__init__(text)
        self.controller = controller
        self.do, self.undo_change = do, undo
        self.skip_redo = already_done

    def redo(self) -> None:
        if self.skip_redo:
            self.skip_redo = False
        else:
            self.controller.run(self.do)
        self.controller.changed.emit()

    def undo(self) -> None:
        self.controller.run(self.undo_change)
        self.controller.changed.emit()


class BookmarkController(QObject):
    """Holds the undo stack; emits changed() after every change and failed(message) when the
    archive refuses one (a full disk, a bookmark deleted meanwhile)."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, library: LibraryAPI, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)

    def bookmarks(self) -> list[Bookmark]:
        return self.library.bookmarks()

    def run(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except SongNguError as exc:
            self.failed.emit(str(exc))
            return False
        return True

    def create(self, make: Callable[[], Bookmark]) -> Bookmark | None:
        """Create a bookmark with `make` (a Library call) and remember it for undo."""
        made: list[Bookmark] = []
        if not self.run(lambda: made.append(make())):
            return None
        bookmark = made[0]
        library = self.library
        self.undo_stack.push(_Command(
            self, self.tr("add bookmark"), lambda: library.restore_bookmark(bookmark),
            lambda: library.delete_bookmark(bookmark.id), already_done=True))
        return bookmark

    def edit(self, bookmark_id: int, note: str, tags: Sequence[str]) -> None:
        library = self.library
        try:
            before = library.bookmark(bookmark_id)
        except SongNguError as exc:
            self.failed.emit(str(exc))
            return
        if before.note == note.strip() and list(before.tags) == list(tags):
            return
        self.undo_stack.push(_Command(
            self, self.tr("edit bookmark"),
            lambda: library.update_bookmark(bookmark_id, note, tags),
            lambda: library.update_bookmark(bookmark_id, before.note, before.tags)))

    def delete(self, bookmarks: Sequence[Bookmark]) -> None:
        if not bookmarks:
            return
        library = self.library
        removed = list(bookmarks)

        def delete_all() -> None:
            for bookmark in removed:
                library.delete_bookmark(bookmark.id)

        def restore_all() -> None:
            for bookmark in removed:
                library.restore_bookmark(bookmark)  # the same id comes back

        text = self.tr("delete %n bookmark(s)", "", len(removed))
        self.undo_stack.push(_Command(self, text, delete_all, restore_all))
