"""Exports and "Copy with citation" from the window: every format through the dialog's own API
(no native file dialog), counterparts, search results, refused paths and existing files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from archive.export.citation import citation_text
from tests.viewer.gui.support import export_and_wait, settle
from tests.viewer.gui.test_gui_bookmarks import PASSAGE, activate, add, select_words
from viewer.gui.export_dialog import ExportDialog


def export_dialog(window, source: str | None = None) -> ExportDialog:
    window.bookmarks.export(source)
    dialog = window.bookmarks.dialog
    assert isinstance(dialog, ExportDialog)
    return dialog


def test_copy_with_citation_puts_html_and_text_on_the_clipboard(qtbot, window) -> None:
    phrase = select_words(window, "vi", PASSAGE, 2, 6)
    activate(qtbot, window)
    qtbot.keyClick(
        window.reader.view,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settle(window)
    mime = QGuiApplication.clipboard().mimeData()
    citation = citation_text(window.article)
    assert mime.hasHtml() and mime.hasText()
    assert phrase in mime.text() and citation in mime.text()
    assert "<blockquote" in mime.html() and "<h1>" not in mime.html()
    assert window.article.source.url in mime.html() and "Song Ngữ\n===" not in mime.text()


def test_copy_with_citation_from_the_panel_copies_the_selected_bookmarks(window) -> None:
    add(window, 1, "ghi chú một")
    add(window, 2, "ghi chú hai")
    panel = window.bookmarks.panel
    window.show_bookmarks()
    panel.list.selectAll()
    panel.list.setFocus()
    window.commands.copy_citation.trigger()
    settle(window)
    text = QGuiApplication.clipboard().text()
    assert "Note: ghi chú một" in text and "Note: ghi chú hai" in text


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json", "pdf"])
def test_every_format_is_written_with_its_citation(window, tmp_path: Path, fmt: str) -> None:
    add(window, PASSAGE, "vì sao", ("an ninh",))
    dialog = export_dialog(window, "tag")
    dialog.set_format(fmt)
    target = tmp_path / f"out.{fmt}"
    assert export_and_wait(dialog, target) and not dialog.isVisible()
    data = target.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF") and len(data) > 1000
        return
    text = data.decode("utf-8")
    if fmt == "json":
        [annotation] = json.loads(text)["first"]["items"]
        assert annotation["body"][0]["value"] == citation_text(window.article)
        assert (
            annotation["target"]["selector"]["exact"] == window.article.passages["vi"][PASSAGE].text
        )
        return
    assert "vì sao" in text and window.article.source.url in text


def test_counterpart_option_adds_the_other_language(window, tmp_path: Path) -> None:
    add(window, PASSAGE)
    dialog = export_dialog(window, "tag")
    dialog.set_format("txt")
    dialog.with_translation.setChecked(True)
    assert export_and_wait(dialog, tmp_path / "both.txt")
    assert "[English]" in (tmp_path / "both.txt").read_text(encoding="utf-8")


def test_tag_choice_exports_only_that_tag(window, tmp_path: Path) -> None:
    add(window, 1, "một", ("a",))
    add(window, 2, "hai", ("b",))
    dialog = export_dialog(window)
    dialog.set_tag("b")
    dialog.set_format("txt")
    assert dialog.suggested_path().name == "Song Ngữ — b.txt"
    assert export_and_wait(dialog, tmp_path / "b.txt")
    text = (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert "Note: hai" in text and "Note: một" not in text


def test_search_results_export(qtbot, window, tmp_path: Path) -> None:
    with qtbot.waitSignal(window.search_panel.query_changed, timeout=20000):
        window.search_panel.field.setText("chiến tranh")
        window.search_panel.run_query()
    dialog = export_dialog(window)
    assert dialog.source() == "search"
    dialog.set_format("md")
    assert dialog.suggested_path().name == "Song Ngữ — “chiến tranh”.md"
    assert export_and_wait(dialog, tmp_path / "hits.md")
    text = (tmp_path / "hits.md").read_text(encoding="utf-8")
    assert text.count("— ") >= 2 and "Accessed" in text


def test_selection_export_is_offered_when_text_is_selected(window, tmp_path: Path) -> None:
    phrase = select_words(window, "vi", PASSAGE, 0, 5)
    dialog = export_dialog(window)
    assert dialog.source() == "selection"
    dialog.set_format("txt")
    assert export_and_wait(dialog, tmp_path / "sel.txt")
    assert f"“{phrase}”" in (tmp_path / "sel.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_folder_gives_one_line_and_writes_nothing(window, tmp_path: Path) -> None:
    add(window, PASSAGE)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        dialog = export_dialog(window, "tag")
        assert not export_and_wait(dialog, locked / "out.md")
        assert "Cannot write" in dialog.message.text() and "\n" not in dialog.message.text()
        assert list(locked.iterdir()) == [] and dialog.isVisible()
    finally:
        locked.chmod(0o700)


def test_missing_folder_gives_one_line_and_writes_nothing(window, tmp_path: Path) -> None:
    add(window, PASSAGE)
    dialog = export_dialog(window, "tag")
    target = tmp_path / "no such folder" / "out.md"
    assert not export_and_wait(dialog, target)
    assert "Cannot write" in dialog.message.text() and "\n" not in dialog.message.text()
    assert not target.parent.exists() and dialog.isVisible()


def test_existing_file_is_replaced_only_when_the_user_agreed(window, tmp_path: Path) -> None:
    add(window, PASSAGE)
    target = tmp_path / "kept.md"
    target.write_text("mine", encoding="utf-8")
    dialog = export_dialog(window, "tag")
    assert not export_and_wait(dialog, target)
    assert "already exists" in dialog.message.text()
    assert target.read_text(encoding="utf-8") == "mine"
    assert export_and_wait(dialog, target, overwrite=True)
    assert "Accessed" in target.read_text(encoding="utf-8")


def test_nothing_to_export_says_so(window, tmp_path: Path) -> None:
    dialog = export_dialog(window, "tag")
    assert not export_and_wait(dialog, tmp_path / "empty.md")
    assert "nothing to export" in dialog.message.text()
    assert not (tmp_path / "empty.md").exists()


def test_suggested_names_are_safe(window) -> None:
    add(window, PASSAGE, tags=('a/b: "c"?',))
    dialog = export_dialog(window)
    dialog.set_tag('a/b: "c"?')
    name = dialog.suggested_path().name
    assert not set('/\\:"?*<>|') & set(name) and name.endswith(".md")


def test_save_dialog_choice_is_written_with_the_format_extension(window, tmp_path: Path) -> None:
    add(window, PASSAGE)
    dialog = export_dialog(window, "tag")
    dialog.set_format("html")

    def type_a_name() -> None:  # into the real save dialog, once it is open
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog):
            QTimer.singleShot(20, type_a_name)
            return
        chooser.findChild(QLineEdit, "fileNameEdit").setText(str(tmp_path / "chosen"))
        chooser.accept()

    QTimer.singleShot(0, type_a_name)
    dialog.choose_file_and_export()
    settle(window)
    assert (tmp_path / "chosen.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_nothing_selected_and_no_passage_copies_nothing(window) -> None:
    QGuiApplication.clipboard().setText("before")
    window.reader.view.setTextCursor(QTextCursor(window.reader._blocks["t-vi"]))
    window.commands.copy_citation.trigger()
    settle(window)
    assert QGuiApplication.clipboard().text() == "before"
    assert "Select some text" in window.statusBar().currentMessage()
