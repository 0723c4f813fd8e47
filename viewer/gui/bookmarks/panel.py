"""The Bookmarks panel: every bookmark with its text, article, note and tags; filtered by words
(case and diacritics ignored) or by tag, sorted by date or article. The note and tags of the
current bookmark are edited in place; Delete removes (Ctrl+Z brings back); Enter or a double
click opens the article at the bookmark. Orphaned bookmarks say so and keep their saved text.

Changes go through the BookmarkController; the workflow reads the bookmarks again after the
window's changed(Changes) signal and hands them over with `set_bookmarks`. Main thread only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive.bookmarks.bookmark import Bookmark
from archive.text_fold import fold
from viewer.gui import styles
from viewer.gui.bookmarks.controller import BookmarkController
from viewer.gui.bookmarks.dialog import short_quote, split_tags
from viewer.gui.fitting_row import FittingRow
from viewer.gui.rich_text import HTML_ROLE, RichTextDelegate

BOOKMARK_ROLE = Qt.ItemDataRole.UserRole + 1
SORTS = ("newest", "oldest", "article")
LIST_QUOTE_CHARS = 220

TitleLookup = Callable[[int, str], str]  # (article id, lang) -> title


class BookmarksPanel(QWidget):
    """Emits open_requested(bookmark) and export_requested() (for the selected bookmarks)."""

    open_requested = Signal(object)
    export_requested = Signal()

    def __init__(
        self, controller: BookmarkController, titles: TitleLookup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.titles = titles
        self.all: list[Bookmark] = []
        self._shown_id: int | None = None  # whose note and tags the editor holds
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.filter = QLineEdit(self)
        self.filter.setObjectName("bookmarks-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._fill())
        self.tag = QComboBox(self)
        # A long tag must not make the row stack: the tag list is as wide as the row gives.
        self.tag.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag.setMinimumContentsLength(8)
        self.tag.setObjectName("bookmarks-tag")
        self.tag.currentIndexChanged.connect(lambda _i: self._fill())
        self.sort = QComboBox(self)
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort.setObjectName("bookmarks-sort")
        self.sort.currentIndexChanged.connect(lambda _i: self._fill())
        self.list = QListWidget(self)
        self.list.setObjectName("bookmarks-list")
        self.list.setItemDelegate(RichTextDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(self._activate)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.installEventFilter(self)
        self.count = QLabel(self)
        self._build_editor()
        self._build_layout()

    def _build_editor(self) -> None:
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("bookmarks-note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.note.installEventFilter(self)  # saved when the focus leaves it
        self.tags = QLineEdit(self)
        self.tags.setObjectName("bookmarks-tags")
        self.tags.editingFinished.connect(self.commit_edits)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(lambda: self._activate(self.list.currentItem()))
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_requested)

    def _build_layout(self) -> None:
        choices = FittingRow((self.tag, 1), (self.sort, 1))  # stacked in a narrow panel
        self.editor = QFormLayout()
        self.note_label, self.tags_label = QLabel(self), QLabel(self)
        self.note_label.setBuddy(self.note)
        self.tags_label.setBuddy(self.tags)
        self.editor.addRow(self.note_label, self.note)
        self.editor.addRow(self.tags_label, self.tags)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addLayout(choices)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.editor)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter bookmarks by words, note or tag"))
        self.sort.blockSignals(True)
        current = self.sort_order()
        self.sort.clear()
        for code, label in zip(
            SORTS,
            (self.tr("Newest first"), self.tr("Oldest first"), self.tr("By article")),
            strict=True,
        ):
            self.sort.addItem(label, code)
        self.sort.setCurrentIndex(SORTS.index(current))
        self.sort.blockSignals(False)
        self.note_label.setText(self.tr("&Note:"))
        self.tags_label.setText(self.tr("&Tags:"))
        self.tags.setPlaceholderText(self.tr("separated by commas"))
        self.open_button.setText(self.tr("&Open"))
        self.delete_button.setText(self.tr("&Delete"))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Export the selected bookmarks with citations"))
        self._fill_tags()
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_edits()
        elif (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    # -- contents ------------------------------------------------------------------------

    def set_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        """Show the bookmarks as read again after a change, keeping the filter and selection."""
        self.all = list(bookmarks)
        self._fill_tags()
        self._fill()

    def titles_changed(self) -> None:
        """The article titles arrived or changed (the library list was read): show them."""
        self._fill()

    def sort_order(self) -> str:
        return self.sort.currentData() or "newest"

    def set_sort_order(self, order: str) -> None:
        if order in SORTS:
            self.sort.setCurrentIndex(SORTS.index(order))

    def tag_filter(self) -> str | None:
        return self.tag.currentData() or None

    def set_tag_filter(self, tag: str | None) -> None:
        index = self.tag.findData(tag) if tag else 0
        self.tag.setCurrentIndex(max(index, 0))

    def known_tags(self) -> list[str]:
        tags = {t.casefold(): t for b in self.all for t in b.tags}
        return sorted(tags.values(), key=fold)

    def _fill_tags(self) -> None:
        current = self.tag_filter()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), "")
        for tag in self.known_tags():
            self.tag.addItem(f"# {tag}", tag)
        self.tag.setCurrentIndex(max(self.tag.findData(current), 0) if current else 0)
        self.tag.blockSignals(False)

    def shown(self) -> list[Bookmark]:
        """The bookmarks that pass the filters, in the chosen order."""
        words = fold(self.filter.text()).split()
        tag = (self.tag_filter() or "").casefold()
        found = [
            b
            for b in self.all
            if (not tag or tag in (t.casefold() for t in b.tags))
            and all(w in self._haystack(b) for w in words)
        ]
        order = self.sort_order()
        if order == "article":
            return sorted(
                found,
                key=lambda b: (
                    fold(self.titles(b.article_id, b.lang or "vi")),
                    b.article_id,
                    b.lang is not None,
                    b.lang or "",
                    b.passage if b.passage is not None else 1 << 30,
                    b.start,
                ),
            )
        return sorted(found, key=lambda b: (b.created, b.id or 0), reverse=order == "newest")

    def _haystack(self, b: Bookmark) -> str:
        return fold(" ".join([b.quote, b.note, *b.tags, self.titles(b.article_id, b.lang or "vi")]))

    def _fill(self) -> None:
        selected = {b.id for b in self.selected()}
        current = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        for bookmark in self.shown():
            item = QListWidgetItem(self.list)
            item.setData(HTML_ROLE, self._item_html(bookmark))
            item.setData(BOOKMARK_ROLE, bookmark)
            item.setToolTip(short_quote(bookmark.quote, 600))
            if bookmark.id in selected:
                item.setSelected(True)
            if current is not None and bookmark.id == current.id:
                self.list.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.list.blockSignals(False)
        self._show_count()
        self._load_editor(self.current())

    def _show_count(self) -> None:
        shown, total = self.list.count(), len(self.all)
        if shown == total:
            self.count.setText(self.tr("%n bookmark(s)", "", total))
        else:
            self.count.setText(
                self.tr("%1 of %2 bookmarks").replace("%1", str(shown)).replace("%2", str(total))
            )

    def _item_html(self, b: Bookmark) -> str:
        e = html.escape
        title = e(self.titles(b.article_id, b.lang or "vi"))
        if b.is_article:
            first = "<b>" + e(self.tr("Whole article")) + f":</b> {title}"
            where = ""
        else:
            first = "“" + e(short_quote(b.quote, LIST_QUOTE_CHARS)) + "”"
            where = f"{title} · {(b.lang or '').upper()} · "
            if b.orphaned:
                where += (
                    f"<b style='color:{styles.error_colour(self.palette())}'>"
                    + e(self.tr("orphaned"))
                    + "</b> · "
                )
            else:
                where += e(self.tr("passage %1").replace("%1", str((b.passage or 0) + 1))) + " · "
        where += e(b.created[:10])
        parts = [first, f"<small style='color:gray'>{where}</small>"]
        if b.note:
            parts.append(f"<i>{e(short_quote(b.note, LIST_QUOTE_CHARS))}</i>")
        if b.tags:
            parts.append("<small>" + " ".join(f"#{e(t)}" for t in b.tags) + "</small>")
        return "<br>".join(parts)

    # -- the current bookmark ------------------------------------------------------------

    def current(self) -> Bookmark | None:
        item = self.list.currentItem()
        return item.data(BOOKMARK_ROLE) if item is not None else None

    def selected(self) -> list[Bookmark]:
        """The selected bookmarks in the order shown (the current one if none is selected)."""
        chosen = [
            self.list.item(r).data(BOOKMARK_ROLE)
            for r in range(self.list.count())
            if self.list.item(r).isSelected()
        ]
        current = self.current()
        return chosen or ([current] if current is not None else [])

    def select_bookmark(self, bookmark_id: int) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(BOOKMARK_ROLE).id == bookmark_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return True
        return False

    def _current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        bookmark = current.data(BOOKMARK_ROLE) if current is not None else None
        self.commit_edits()  # what was typed for the previous bookmark is kept (may refill)
        self._load_editor(bookmark)

    def _load_editor(self, bookmark: Bookmark | None) -> None:
        self._shown_id = bookmark.id if bookmark is not None else None
        for widget in (self.note, self.tags, self.open_button, self.delete_button):
            widget.setEnabled(bookmark is not None)
        self.export_button.setEnabled(self.list.count() > 0)
        note = bookmark.note if bookmark is not None else ""
        tags = ", ".join(bookmark.tags) if bookmark is not None else ""
        if self.note.toPlainText() != note:
            self.note.setPlainText(note)
        if self.tags.text() != tags:
            self.tags.setText(tags)

    def commit_edits(self) -> None:
        """Save the note and tags typed for the bookmark the editor shows (no-op if unchanged)."""
        if self._shown_id is None:
            return
        bookmark = next((b for b in self.all if b.id == self._shown_id), None)
        note, tags = self.note.toPlainText().strip(), split_tags(self.tags.text())
        if bookmark is not None and (note != bookmark.note or tuple(tags) != bookmark.tags):
            self.controller.edit(bookmark, note, tags)
            # Shown as saved until the bookmarks are read again, so leaving the field twice
            # does not make the same edit twice.
            self.all = [
                replace(b, note=note, tags=tuple(tags)) if b.id == bookmark.id else b
                for b in self.all
            ]

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            self._shown_id = None  # the editor's text belongs to what is being deleted
            self.controller.delete(chosen)

    def _activate(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(item.data(BOOKMARK_ROLE))
