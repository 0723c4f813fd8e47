"""The Translations tab on a real window: look up from the field, from a reader selection and
from the search box; open an example; export the translation memory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from viewer.gui.translations.panel import RENDERING_ROLE, marked


def renderings(panel) -> list[str]:
    return [
        panel.renderings.item(k).data(RENDERING_ROLE).text for k in range(panel.renderings.count())
    ]


def test_typing_a_word_shows_its_renderings_and_examples(qtbot, window) -> None:
    panel = window.workbench.panel
    window.workbench.show_panel()
    assert window.side_tabs.currentWidget() is panel
    qtbot.keyClicks(panel.field, "deterrence")
    qtbot.waitUntil(lambda: panel.renderings.count() > 0, timeout=10000)
    assert "răn đe" in renderings(panel)[:3]
    assert "6 sentence pair" in panel.summary.text()
    shown = panel.examples.toPlainText()
    assert "deterrence" in shown and "răn đe" in shown
    assert "background-color" in panel.examples.toHtml()  # the query and rendering are lit


def test_the_reverse_direction_and_the_language_choice(qtbot, window) -> None:
    panel = window.workbench.panel
    panel.look_up("ngừng bắn")
    qtbot.waitUntil(lambda: panel.renderings.count() > 0, timeout=10000)
    assert renderings(panel)[0] == "cease-fire"
    assert panel.found.lang == "vi"
    panel.look_up("NATO", "vi")
    qtbot.waitUntil(lambda: panel.found is not None and panel.found.query == "NATO", timeout=10000)
    assert panel.found.lang == "vi"
    assert panel.language.currentText() == "Tiếng Việt"


def test_a_word_the_archive_lacks_says_so(qtbot, window) -> None:
    panel = window.workbench.panel
    panel.look_up("zyxwvut")
    qtbot.waitUntil(lambda: panel.found is not None, timeout=10000)
    assert panel.renderings.count() == 0
    assert "no sentence pair" in panel.summary.text()


def test_how_was_this_translated_uses_the_reader_selection(qtbot, window) -> None:
    view = window.reader.view
    text = view.toPlainText()
    start = text.index("liên minh")
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("liên minh"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert window.workbench.look_up in window.reader.context_actions
    window.workbench.look_up.trigger()
    panel = window.workbench.panel
    assert window.side_tabs.currentWidget() is panel
    assert panel.field.text() == "liên minh"
    qtbot.waitUntil(lambda: panel.renderings.count() > 0, timeout=10000)
    assert renderings(panel)[0] == "alliance"


def test_without_a_selection_the_search_box_is_looked_up(qtbot, window) -> None:
    window.search_panel.field.setText("cease-fire")
    window.reader.view.moveCursor(QTextCursor.MoveOperation.Start)
    window.workbench.look_up.trigger()
    panel = window.workbench.panel
    qtbot.waitUntil(lambda: panel.renderings.count() > 0, timeout=10000)
    assert renderings(panel)[0] == "ngừng bắn"


def test_opening_an_example_scrolls_the_reader_to_its_passage(qtbot, window) -> None:
    panel = window.workbench.panel
    panel.look_up("Kaliningrad")
    qtbot.waitUntil(lambda: panel.renderings.count() > 0, timeout=10000)
    example = panel.renderings.item(0).data(RENDERING_ROLE).examples[0]
    with qtbot.waitSignal(panel.example_activated) as signal:
        panel.examples.anchorClicked.emit(QUrl("example:0"))
    assert signal.args == [example.article_id, "en", example.passage]
    qtbot.waitUntil(
        lambda: window.reader.view.verticalScrollBar().value() > 0, timeout=10000
    )  # the passage is far down
    assert window.article.id == example.article_id


def test_file_menu_exports_the_translation_memory(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "memory.tmx"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "TMX translation memory (*.tmx)"),
    )
    action = window.workbench.export_memory
    assert action in window.menus.file.actions()
    action.trigger()
    qtbot.waitUntil(lambda: window.workbench.written == target, timeout=20000)
    text = target.read_text(encoding="utf-8")
    assert text.count("<tu ") == 205
    assert "Exported 205 sentence pair(s)" in window.statusBar().currentMessage()
    tsv = tmp_path / "memory.tsv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tsv), "Tab-separated (*.tsv)")
    )
    action.trigger()
    qtbot.waitUntil(lambda: window.workbench.written == tsv, timeout=20000)
    assert tsv.read_text(encoding="utf-8").splitlines()[0].startswith("vi\ten\t")


def test_marked_escapes_text_and_marks_spans() -> None:
    assert marked("a <b> c", [(2, 5)]) == "a <mark>&lt;b&gt;</mark> c"


def test_the_workbench_speaks_vietnamese_when_the_interface_does(qtbot, window) -> None:
    window.set_ui_language("vi")
    try:
        qtbot.waitUntil(
            lambda: window.workbench.look_up.text() == "Đã &dịch thế nào?", timeout=5000
        )  # Qt delivers the language change as an event
        index = window.side_tabs.indexOf(window.workbench.panel)
        assert window.side_tabs.tabText(index) == "Bản dịch"
        assert window.workbench.panel.language.itemText(0) == "Tự nhận"
    finally:
        window.set_ui_language("en")
    qtbot.waitUntil(
        lambda: window.workbench.export_memory.text() == "Export &translation memory…", timeout=5000
    )


def test_once_the_index_is_ready_the_memory_catches_up_in_a_worker(qtbot, window) -> None:
    library = window.library
    library.translation_memory.remove_articles([1])  # as after an upgrade: no pairs yet
    assert library.translation_memory.pair_count() == 0
    window.workbench.catch_up()
    qtbot.waitUntil(lambda: not window.workbench.catching_up, timeout=20000)
    assert library.translation_memory.pair_count() == 205


def test_an_import_is_paired_into_the_memory_in_the_background(
    qtbot, window, tmp_path: Path
) -> None:
    """Imports do not wait for sentence pairing; the window catches up right after, off the
    UI thread, so the new article is in the memory before anyone looks a word up."""
    from tests.viewer.gui.support import settle, write_text_post

    settle(window)
    qtbot.waitUntil(lambda: not window.workbench.catching_up, timeout=20000)
    memory = window.library.translation_memory
    before = memory.pair_count()
    post = write_text_post(
        tmp_path / "4001.txt",
        4001,
        "Bài mới",
        "New post",
        "Hiệp ước hòa bình đã được ký. Hiệp ước hòa bình có hiệu lực ngay.",
        "The peace treaty was signed. The peace treaty took effect at once.",
    )
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        assert window.import_files([post])
    qtbot.waitUntil(lambda: memory.pair_count() == before + 2, timeout=20000)
    qtbot.waitUntil(lambda: not window.workbench.catching_up, timeout=20000)
    assert window.library._translations_ok  # a lookup now answers without pairing first
