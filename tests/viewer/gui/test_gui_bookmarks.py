"""Bookmarks in the main window, driven as a user would: select → Ctrl+D → note → the panel lists
it → close and reopen → open it at its text → export → delete → Ctrl+Z; and the panel's filters,
in-place edits, whole-article and orphaned bookmarks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from archive.export.citation import citation_text
from archive.model import Passage
from tests.viewer.gui.support import (
    close_window,
    export_and_wait,
    open_window,
    settle,
    temp_settings,
)
from viewer.gui import settings as S
from viewer.gui.bookmarks import marks as bookmark_marks
from viewer.gui.bookmarks.dialog import BookmarkDialog
from viewer.gui.export_dialog import ExportDialog
from viewer.library import Library

CTRL = Qt.KeyboardModifier.ControlModifier
PASSAGE = 3  # a paragraph of the sample's Vietnamese text


def select_words(window, lang: str, passage: int, first: int, count: int) -> str:
    """Select words first..first+count of a passage as shown; returns the selected text."""
    block = window.reader._blocks[f"p-{lang}-{passage}"]
    words = block.text().split(" ")
    phrase = " ".join(words[first : first + count])
    offset = block.text().index(phrase)
    cursor = QTextCursor(window.reader.view.document())
    cursor.setPosition(block.position() + offset)
    cursor.setPosition(block.position() + offset + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    window.reader.view.setTextCursor(cursor)
    return phrase


def activate(qtbot, window) -> None:
    """Window shortcuts need the window active (the first window of a run may not be yet)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def bookmark_with_keyboard(qtbot, window, note: str, tags: str) -> BookmarkDialog:
    activate(qtbot, window)
    window.reader.view.setFocus()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_D, CTRL)
    dialog = window.bookmarks.dialog
    assert isinstance(dialog, BookmarkDialog) and dialog.isVisible()
    activate(qtbot, dialog)
    ascii_part = note[: len(note) - len(note.lstrip("abcdefghijklmnopqrstuvwxyzK :"))]
    qtbot.keyClicks(dialog.note_field, ascii_part)  # QTest types ASCII only
    dialog.note_field.insertPlainText(note[len(ascii_part) :])
    dialog.tags_field.setText(tags)
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter saves
    assert not dialog.isVisible()
    settle(window)
    return dialog


def tinted(window, colour: str) -> list[str]:
    return [
        s.cursor.selectedText()
        for s in window.reader.view.extraSelections()
        if s.format.background().color().name() == colour
    ]


def test_select_bookmark_reopen_jump_export_delete_undo(qtbot, tmp_path: Path, library) -> None:
    settings = temp_settings(tmp_path)
    window = open_window(qtbot, library, settings)
    phrase = select_words(window, "vi", PASSAGE, 3, 7)
    bookmark_with_keyboard(qtbot, window, "Key point: luận điểm chính", "an ninh; châu Âu")

    [saved] = library.bookmarks()
    text = window.article.passages["vi"][PASSAGE].text
    assert (saved.lang, saved.passage, text[saved.start : saved.end]) == ("vi", PASSAGE, phrase)
    assert (saved.note, saved.tags) == ("Key point: luận điểm chính", ("an ninh", "châu Âu"))
    assert [b.id for b in window.bookmarks.panel.shown()] == [saved.id]
    assert tinted(window, bookmark_marks.MARK.background) == [phrase]
    close_window(window)
    library.close()

    reopened = Library.open(tmp_path / "data")  # the same data dir and settings file
    try:
        window = open_window(qtbot, reopened, temp_settings(tmp_path))
        window.set_mode("en")  # opening the bookmark must bring its language back
        window.reader.view.verticalScrollBar().setValue(0)
        panel = window.bookmarks.panel
        assert panel.list.count() == 1
        panel.list.setCurrentRow(0)
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
        settle(window)
        assert window.reader.mode == "vi"
        assert tinted(window, bookmark_marks.FOCUSED_MARK.background) == [phrase]
        assert window.reader.view.verticalScrollBar().value() > 0  # scrolled to it

        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
        export = window.bookmarks.dialog
        assert isinstance(export, ExportDialog) and export.source() == "selected"
        export.set_format("txt")
        export.with_translation.setChecked(True)
        target = tmp_path / export.suggested_path().name
        assert target.name == "Song Ngữ — bookmarks.txt"
        assert export_and_wait(export, target)
        written = target.read_text(encoding="utf-8")
        assert phrase in written and "Note: Key point: luận điểm chính" in written
        assert citation_text(window.article) in written and "[English]" in written
        assert window.settings.get(S.EXPORT_FORMAT) == "txt"  # offered first next time
        assert window.settings.get(S.EXPORT_WITH_TRANSLATION) is True

        panel.list.setFocus()
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
        settle(window)
        assert reopened.bookmarks() == [] and panel.list.count() == 0
        assert tinted(window, bookmark_marks.FOCUSED_MARK.background) == []
        activate(qtbot, window)
        qtbot.keyClick(window.reader.view, Qt.Key.Key_Z, CTRL)
        settle(window)
        assert [b.id for b in reopened.bookmarks()] == [saved.id]
        assert panel.list.count() == 1 and tinted(window, bookmark_marks.FOCUSED_MARK.background)
        close_window(window)
    finally:
        reopened.close()


def test_without_a_selection_the_passage_under_the_cursor_is_bookmarked(qtbot, window) -> None:
    block = window.reader._blocks[f"p-vi-{PASSAGE}"]
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord)  # clicked inside, nothing selected
    window.reader.view.setTextCursor(cursor)
    bookmark_with_keyboard(qtbot, window, "", "")
    [saved] = window.library.bookmarks()
    assert saved.quote == window.article.passages["vi"][PASSAGE].text and saved.note == ""


def test_cancelling_the_dialog_bookmarks_nothing(qtbot, window) -> None:
    select_words(window, "vi", PASSAGE, 0, 3)
    window.commands.bookmark_passage.trigger()
    window.bookmarks.dialog.reject()
    assert window.library.bookmarks() == []


def test_no_passage_under_the_cursor_says_what_to_do(window) -> None:
    window.reader.view.setTextCursor(QTextCursor(window.reader._blocks["t-vi"]))
    window.commands.bookmark_passage.trigger()
    assert window.bookmarks.dialog is None
    assert "Select some text" in window.statusBar().currentMessage()


def test_context_menu_offers_bookmark_passage(window) -> None:
    block = window.reader._blocks[f"p-vi-{PASSAGE}"]
    point = window.reader.view.cursorRect(QTextCursor(block)).center()
    window.reader._context_menu(point)
    menu = window.reader.context_menu
    assert window.commands.bookmark_passage in menu.actions()
    assert window.commands.copy_citation in menu.actions()
    menu.close()
    assert window.reader.selection_place().passage == PASSAGE  # the passage under the mouse


def test_whole_article_bookmark(qtbot, window) -> None:
    window.commands.bookmark_article.trigger()
    window.bookmarks.dialog.note_field.setPlainText("Đọc lại")
    window.bookmarks.dialog.accept()
    settle(window)
    [saved] = window.library.bookmarks()
    assert saved.is_article and saved.note == "Đọc lại"
    html = window.bookmarks.panel.list.item(0).data(Qt.ItemDataRole.UserRole + 100)
    assert "Whole article" in html


def add(window, passage: int, note: str = "", tags: tuple[str, ...] = ()) -> None:
    window.bookmarks.controller.create(
        lambda: window.library.bookmark_passage(
            window.article.id, "vi", passage, note=note, tags=tags
        )
    )
    settle(window)


def test_panel_filters_by_words_and_tag_and_sorts(window) -> None:
    add(window, 1, "đầu tiên", ("alpha",))
    add(window, 5, "thứ hai", ("beta",))
    add(window, 3, "", ("alpha", "beta"))
    panel = window.bookmarks.panel
    by_passage = {b.passage: b.id for b in window.library.bookmarks()}
    panel.filter.setText("DAU TIEN")  # no diacritics, any case
    assert [b.passage for b in panel.shown()] == [1]
    assert panel.count.text() == "1 of 3 bookmarks"
    panel.filter.clear()
    panel.set_tag_filter("beta")
    assert sorted(b.passage for b in panel.shown()) == [3, 5]
    panel.set_tag_filter(None)
    panel.set_sort_order("article")
    assert [b.passage for b in panel.shown()] == [1, 3, 5]
    panel.set_sort_order("oldest")
    assert [b.id for b in panel.shown()] == sorted(by_passage.values())
    assert window.settings.get(S.BOOKMARK_SORT) == "oldest"


def test_note_and_tags_are_edited_in_place_and_undone(qtbot, window) -> None:
    add(window, 2, "cũ", ("a",))
    panel = window.bookmarks.panel
    panel.list.setCurrentRow(0)
    panel.note.setPlainText("mới")
    panel.tags.setText("x, y")
    panel.commit_edits()
    settle(window)
    [saved] = window.library.bookmarks()
    assert (saved.note, saved.tags) == ("mới", ("x", "y"))
    assert "mới" in panel.list.item(0).data(Qt.ItemDataRole.UserRole + 100)
    assert window.commands.undo.text() == "&Undo edit bookmark"
    window.commands.undo.trigger()
    settle(window)
    assert window.library.bookmarks()[0].note == "cũ" and panel.note.toPlainText() == "cũ"
    window.commands.redo.trigger()
    settle(window)
    assert window.library.bookmarks()[0].note == "mới"


def test_orphaned_bookmark_is_listed_with_its_saved_text(qtbot, window) -> None:
    add(window, PASSAGE)
    article = window.article
    quote = article.passages["vi"][PASSAGE].text
    changed = list(article.passages["vi"])
    changed[PASSAGE] = Passage(PASSAGE, changed[PASSAGE].kind, "Một đoạn văn đã viết lại hẳn.")
    window.library.store.save_articles(
        [replace(article, passages={**article.passages, "vi": changed})]
    )
    window.bookmarks.reload()
    settle(window)
    html = window.bookmarks.panel.list.item(0).data(Qt.ItemDataRole.UserRole + 100)
    assert "orphaned" in html and quote[:40] in html
    window.bookmarks.open_bookmark(window.library.bookmarks()[0])
    settle(window)
    assert "no longer in the article" in window.statusBar().currentMessage()


def test_a_note_being_typed_is_kept_when_the_window_closes(qtbot, tmp_path: Path, library) -> None:
    window = open_window(qtbot, library, temp_settings(tmp_path))
    add(window, 2)
    panel = window.bookmarks.panel
    panel.list.setCurrentRow(0)
    panel.note.setPlainText("chưa lưu")
    close_window(window)
    assert library.bookmarks()[0].note == "chưa lưu"
