"""Smaller things seen on real screens (issue 14 point 8, the window's part): a Vietnamese-only
article side by side says so over its empty English column; the pair tint follows the text
under a still mouse when the wheel scrolls; the results list has no gaps between its rows
after the panel is widened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from tests.viewer.gui.support import settle, write_text_post
from tests.viewer.gui.test_gui_align import block_of, move_mouse

VI_ONLY = (
    "4200 - Chỉ có tiếng Việt\n\nMột Tác Giả\n\nĐoạn văn duy nhất bằng tiếng Việt.\n\n"
    "https://www.example.com/world/post-4200\n"
)


def test_a_vietnamese_only_article_says_it_has_no_english_text(
    qtbot, window, tmp_path: Path
) -> None:
    post = tmp_path / "4200.txt"
    post.write_text(VI_ONLY, encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.import_files([post])
    settle(window)
    window.importer.report.close()
    assert window.article.blog_post_number == 4200
    window.set_mode("side")
    text = window.reader.view.toPlainText()
    assert text.count("Chỉ có tiếng Việt") == 1 and "No English text" in text
    window.panels.set_shown(True, True)
    window.zoom(+6)  # stacked: still said once, under the Vietnamese title
    settle(window)
    assert window.reader.stacked
    text = window.reader.view.toPlainText()
    assert text.count("Chỉ có tiếng Việt") == 1 and "No English text" in text


def wheel(window, point: QPoint, notches: int) -> None:
    viewport = window.reader.view.viewport()
    event = QWheelEvent(
        QPointF(point),
        viewport.mapToGlobal(QPointF(point)),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_the_pair_tint_follows_a_wheel_scroll_under_a_still_mouse(window) -> None:
    window.set_mode("side")
    window.panels.set_shown(False, False)
    settle(window)
    view, alignment = window.reader.view, window.alignment
    top = view.document().documentLayout().blockBoundingRect(block_of(window, "vi", 5)).top()
    view.verticalScrollBar().setValue(int(top) - 10)
    point = view.cursorRect(QTextCursor(block_of(window, "vi", 5))).center() + QPoint(8, 0)
    move_mouse(window, point)
    assert alignment.hovered == ("vi", 5)
    before = view.verticalScrollBar().value()
    wheel(window, point, 12)
    assert view.verticalScrollBar().value() > before  # the text moved; the mouse did not
    assert alignment.hovered == alignment.place_at(point) != ("vi", 5)
    tinted = {place for place in alignment.focus_places()}
    assert alignment.hovered in tinted


def row_gaps(tree) -> list[int]:
    """For each shown row, how much taller it is than its text needs."""
    delegate, gaps = tree.itemDelegate(), []
    item = tree.topLevelItem(0)
    while item is not None:
        index = tree.indexFromItem(item)
        option = QStyleOptionViewItem()
        option.initFrom(tree)
        needed = int(delegate._document(option, index).size().height()) + 2
        gaps.append(tree.visualRect(index).height() - needed)
        item = tree.itemBelow(item)
    return gaps


def test_result_rows_fit_their_text_after_the_panel_widens(qtbot, window, tmp_path: Path) -> None:
    for number in (4101, 4102):
        post = write_text_post(
            tmp_path / f"{number}.txt",
            number,
            f"Bài {number} về chiến tranh",
            f"Post {number} on war",
            "Chiến tranh và hoà bình.",
            "War.",
        )
        with qtbot.waitSignal(window.importer.finished, timeout=20000):
            window.import_files([post])
        settle(window)
        window.importer.report.close()
    window.resize(1024, 700)
    settle(window)
    panel = window.search_panel
    panel.field.setText("chien tranh")
    panel.run_query()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 3, timeout=10000)
    settle(window)
    assert max(row_gaps(panel.tree)) <= 1
    window.main_splitter.setSizes([0, 400, 600])  # the panel dragged wider: rows wrap less
    window.main_splitter.splitterMoved.emit(400, 2)
    settle(window)
    qtbot.waitUntil(lambda: max(row_gaps(panel.tree)) <= 1, timeout=2000)
