"""Side-by-side reading: pairs start level, hovering or selecting a passage tints its
counterpart, and link/unlink corrections are stored and survive closing the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from archive.sample import sample_path
from tests.viewer.gui.support import (
    close_window,
    open_library,
    open_window,
    settle,
    temp_settings,
)
from viewer.library import Library

# In the bundled article the aligner pairs Vietnamese paragraph 8 with the English pull quote
# 8 and paragraph 9 (a 1–2 link); the quote is really untranslated.
VI_PARAGRAPH, EN_QUOTE, EN_PARAGRAPH = 8, 8, 9


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    open_library(tmp_path).close()  # the prepared archive, copied into tmp_path/data
    return tmp_path / "data"


def side_window(qtbot, data_dir: Path, tmp_path: Path):
    library = Library.open(data_dir)
    window = open_window(qtbot, library, temp_settings(tmp_path))
    window.set_mode("side")
    return window, library


def close(window, library) -> None:
    close_window(window)
    library.close()


def block_of(window, lang: str, index: int):
    return window.alignment.layout().blocks[(lang, index)]


def show(window, lang: str, index: int) -> QPoint:
    """Scroll a passage into view; a point inside its first line, in viewport coordinates."""
    view = window.reader.view
    view.setTextCursor(QTextCursor(block_of(window, lang, index)))
    view.ensureCursorVisible()
    return view.cursorRect().center() + QPoint(8, 0)


def row_of(window, lang: str, index: int) -> int:
    cursor = QTextCursor(block_of(window, lang, index))
    return cursor.currentTable().cellAt(cursor).row()


def move_mouse(window, point: QPoint) -> None:
    viewport = window.reader.view.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        viewport.mapToGlobal(QPointF(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def tinted_tops(window) -> list[int]:
    """The tops of the passage tints (the hovered sentence's own tints left out)."""
    from viewer.gui.reader.alignment_view import SENTENCE_ALPHA

    return sorted(
        int(rect.top())
        for rect, colour in window.alignment.tints()
        if colour.alpha() != SENTENCE_ALPHA
    )


def test_paired_passages_start_on_the_same_line(qtbot, data_dir, tmp_path) -> None:
    window, library = side_window(qtbot, data_dir, tmp_path)
    layout = window.reader.view.document().documentLayout()
    for vi, en in window.article.alignment[:12]:
        if vi and en:
            vi_top = layout.blockBoundingRect(block_of(window, "vi", vi[0])).top()
            en_top = layout.blockBoundingRect(block_of(window, "en", en[0])).top()
            kinds = {
                window.article.passages["vi"][vi[0]].kind,
                window.article.passages["en"][en[0]].kind,
            }
            if len(kinds) == 1:  # a heading's own top margin differs from a paragraph's
                assert abs(vi_top - en_top) < 1, (vi, en)
            assert row_of(window, "vi", vi[0]) == row_of(window, "en", en[0])
    close(window, library)


def test_hovering_a_passage_tints_its_counterpart(qtbot, data_dir, tmp_path) -> None:
    window, library = side_window(qtbot, data_dir, tmp_path)
    view = window.reader.view
    top = view.document().documentLayout().blockBoundingRect(block_of(window, "vi", 4)).top()
    view.verticalScrollBar().setValue(int(top) - 10)  # heading 4 on top, 5 below it
    view.setTextCursor(QTextCursor(block_of(window, "vi", 4)))
    assert sorted(window.alignment.focus_places()) == [("en", 4), ("vi", 4)]
    below = view.cursorRect(QTextCursor(block_of(window, "vi", 5))).center() + QPoint(8, 0)
    move_mouse(window, below)
    assert window.alignment.hovered == ("vi", 5)
    assert sorted(window.alignment.focus_places()) == [("en", 5), ("vi", 5)]
    tops = tinted_tops(window)
    assert len(tops) == 2 and abs(tops[0] - tops[1]) <= 1  # both sides, level
    assert all(0 <= top < view.viewport().height() for top in tops)  # where the mouse is
    # The tint layer covers the viewport whatever the scroll (scrolling moves its children).
    assert window.alignment.overlay.geometry() == view.viewport().geometry()
    QApplication.sendEvent(view.viewport(), QEvent(QEvent.Type.Leave))
    assert sorted(window.alignment.focus_places()) == [("en", 4), ("vi", 4)]  # the cursor's
    window.set_mode("vi")  # one language: there is no counterpart on screen to tint
    move_mouse(window, below)
    assert window.alignment.tints() == []
    close(window, library)


def test_selecting_a_passage_tints_its_counterpart(qtbot, data_dir, tmp_path) -> None:
    window, library = side_window(qtbot, data_dir, tmp_path)
    cursor = QTextCursor(block_of(window, "en", EN_PARAGRAPH))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    window.reader.view.setTextCursor(cursor)
    assert sorted(window.alignment.focus_places()) == [
        ("en", EN_QUOTE),
        ("en", EN_PARAGRAPH),
        ("vi", VI_PARAGRAPH),
    ]
    assert len(window.alignment.tints()) == 3
    close(window, library)


def pick_with_ctrl_click(qtbot, window, lang: str, index: int) -> None:
    point = show(window, lang, index)
    QTest.mouseClick(
        window.reader.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        point,
    )


def test_link_and_unlink_persist_across_reopening(qtbot, data_dir, tmp_path) -> None:
    window, library = side_window(qtbot, data_dir, tmp_path)
    assert row_of(window, "en", EN_QUOTE) == row_of(window, "vi", VI_PARAGRAPH)
    pick_with_ctrl_click(qtbot, window, "vi", VI_PARAGRAPH)
    assert not window.alignment.link_action.isEnabled()  # only one side picked yet
    pick_with_ctrl_click(qtbot, window, "en", EN_PARAGRAPH)
    assert window.alignment.picked == [("vi", VI_PARAGRAPH), ("en", EN_PARAGRAPH)]
    assert "Ctrl+Shift+L" in window.statusBar().currentMessage()
    window.alignment.link_action.trigger()
    settle(window)
    assert ([VI_PARAGRAPH], [EN_PARAGRAPH]) in window.article.alignment
    assert window.alignment.picked == []
    assert row_of(window, "en", EN_QUOTE) != row_of(window, "vi", VI_PARAGRAPH)
    close(window, library)

    window, library = side_window(qtbot, data_dir, tmp_path)  # a new window, a new Library
    assert ([VI_PARAGRAPH], [EN_PARAGRAPH]) in window.article.alignment
    assert row_of(window, "vi", VI_PARAGRAPH) == row_of(window, "en", EN_PARAGRAPH)
    assert row_of(window, "en", EN_QUOTE) != row_of(window, "vi", VI_PARAGRAPH)
    show(window, "vi", VI_PARAGRAPH)  # the text cursor in it, as a right-click puts it
    assert window.alignment.unlink_action.isEnabled()
    window.alignment.unlink_action.trigger()
    settle(window)
    assert row_of(window, "vi", VI_PARAGRAPH) != row_of(window, "en", EN_PARAGRAPH)
    close(window, library)

    window, library = side_window(qtbot, data_dir, tmp_path)
    alignment = window.article.alignment
    assert ([VI_PARAGRAPH], []) in alignment and ([], [EN_PARAGRAPH]) in alignment
    assert row_of(window, "vi", VI_PARAGRAPH) != row_of(window, "en", EN_PARAGRAPH)
    window.alignment.restore_action.trigger()
    settle(window)
    assert window.library.store.alignment_corrections(window.article.id) == []
    assert ([VI_PARAGRAPH], [EN_QUOTE, EN_PARAGRAPH]) in window.article.alignment
    close(window, library)


def test_linking_passages_that_do_not_follow_each_other_says_why(qtbot, data_dir, tmp_path) -> None:
    window, library = side_window(qtbot, data_dir, tmp_path)
    before = window.article.alignment
    for lang, index in (("vi", 3), ("en", 3), ("en", 5)):
        pick_with_ctrl_click(qtbot, window, lang, index)
    with qtbot.waitSignal(window.alignment.message, timeout=10000) as said:
        window.alignment.link_action.trigger()
    assert "follow each other" in said.args[0] and "\n" not in said.args[0]
    assert library.article(window.article.id).alignment == before
    close(window, library)


def test_corrections_are_in_the_text_context_menu(qtbot, data_dir, tmp_path) -> None:
    window, library = side_window(qtbot, data_dir, tmp_path)
    texts = [a.text() for a in window.reader.context_actions]
    assert "&Link picked passages" in texts and "&Unlink this pair" in texts
    window.set_mode("en")
    assert not window.alignment.unlink_action.isVisible()
    close(window, library)


def test_a_correction_survives_importing_the_same_article_again(qtbot, data_dir, tmp_path) -> None:
    window, library = side_window(qtbot, data_dir, tmp_path)
    window.alignment.toggle_pick(("vi", VI_PARAGRAPH))
    window.alignment.toggle_pick(("en", EN_PARAGRAPH))
    window.alignment.link_action.trigger()
    settle(window)
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        window.import_files([sample_path()])
    settle(window)
    window.importer.report.close()
    settle(window)
    assert [o.status for o in finished.args[0]] == ["updated"]
    assert ([VI_PARAGRAPH], [EN_PARAGRAPH]) in window.article.alignment
    assert row_of(window, "vi", VI_PARAGRAPH) == row_of(window, "en", EN_PARAGRAPH)
    close(window, library)


def test_hovering_a_sentence_tints_it_and_the_sentence_that_translates_it(
    qtbot, data_dir, tmp_path
) -> None:
    from viewer.gui.reader.alignment_view import SENTENCE_ALPHA

    window, library = side_window(qtbot, data_dir, tmp_path)
    view = window.reader.view
    block = block_of(window, "vi", 0)
    top = view.document().documentLayout().blockBoundingRect(block).top()
    view.verticalScrollBar().setValue(int(top) - 10)
    first_sentence = window.article.passages["vi"][0].text.index(":")  # inside sentence one
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + first_sentence)
    move_mouse(window, view.cursorRect(cursor).center())
    spans = window.alignment.hovered_sentences
    assert [(s.lang, s.passage, s.start) for s in spans] == [("vi", 0, 0), ("en", 0, 0)]
    en_text = window.article.passages["en"][0].text
    assert en_text[spans[1].start : spans[1].end].startswith("For the last four years")
    assert en_text[spans[1].end - 1] == "."  # one sentence, not the paragraph
    sentence_tints = [r for r, c in window.alignment.tints() if c.alpha() == SENTENCE_ALPHA]
    assert len(sentence_tints) >= 2  # lines of the Vietnamese sentence and of the English one
    en_block = view.document().documentLayout().blockBoundingRect(block_of(window, "en", 0))
    en_block = en_block.translated(0, -view.verticalScrollBar().value())
    assert any(en_block.contains(r.center()) for r in sentence_tints)
    close(window, library)
