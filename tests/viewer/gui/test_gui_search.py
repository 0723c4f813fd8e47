"""Search in the window: typed queries give grouped, highlighted results; opening one shows the
passage with every match lit; F3 / Enter step through matches; stale results are dropped."""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.viewer.gui.support import close_window, open_library, open_window, temp_settings
from viewer.gui import styles
from viewer.gui.rich_text import HTML_ROLE
from viewer.gui.search_panel import HIT_ROLE


@pytest.fixture
def window(qtbot, tmp_path: Path):
    library = open_library(tmp_path)
    win = open_window(qtbot, library, temp_settings(tmp_path))
    yield win
    close_window(win)
    library.close()


def wrapped(library, search_function):
    """The library with its search replaced (to slow it down or count calls)."""
    return type(
        "Wrapped",
        (),
        {
            "search": staticmethod(search_function),
            "match_spans": staticmethod(library.match_spans),
            "article_spans": staticmethod(library.article_spans),
        },
    )()


def search(qtbot, window, text: str) -> None:
    panel = window.search_panel
    panel.field.clear()
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(lambda: panel.shown_query == text, timeout=10000)
    qtbot.waitUntil(lambda: window.reader.query == text, timeout=10000)  # highlights found


def fold(text: str) -> str:
    stripped = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in stripped if not unicodedata.combining(c)).casefold()


def selected_text(window, start: int, end: int) -> str:
    cursor = QTextCursor(window.reader.view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_typing_shows_grouped_highlighted_results(qtbot, window) -> None:
    search(qtbot, window, "chien tranh")
    tree = window.search_panel.tree
    assert window.search_panel.stack.currentWidget() is tree
    assert tree.topLevelItemCount() == 1  # one archived article: one group
    group = tree.topLevelItem(0)
    assert "Cuộc chiến tiếp theo của châu Âu" in group.data(0, HTML_ROLE)
    assert group.childCount() >= 5
    for row in range(group.childCount()):
        html = group.child(row).data(0, HTML_ROLE)
        assert f"background-color:{styles.MATCH.background}" in html
        assert "<mark>" not in html  # converted to a style Qt renders
    first = group.child(0).data(0, HIT_ROLE)
    assert first.lang == "vi" and "chiến tranh" in first.text.lower()
    assert str(group.childCount()) in window.search_panel.count.text()


def test_opening_a_result_shows_the_passage_with_matches_lit(qtbot, window) -> None:
    search(qtbot, window, "chien tranh")
    item = window.search_panel.tree.topLevelItem(0).child(2)
    hit = item.data(0, HIT_ROLE)
    window.search_panel.tree.setCurrentItem(item)
    window.search_panel.tree.itemActivated.emit(item, 0)
    reader = window.reader
    assert reader.mode == hit.lang
    current = reader.matches[reader.current]
    assert (current.lang, current.passage) == (hit.lang, hit.passage)
    assert fold(selected_text(window, current.start, current.end)) in {"chien", "chien tranh"}
    assert len(reader.view.extraSelections()) == len(reader.matches) > 1
    view = reader.view
    assert view.viewport().rect().contains(view.cursorRect().center())
    assert window.match_label.text() == f"match {reader.current + 1} of {len(reader.matches)}"


def test_f3_and_enter_step_through_matches(qtbot, window) -> None:
    search(qtbot, window, "NATO")
    window.search_panel.tree.itemActivated.emit(window.search_panel.first_hit_item(), 0)
    reader = window.reader
    start = reader.current
    total = len(reader.matches)
    window.reader.view.setFocus()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_F3)
    assert reader.current == (start + 1) % total
    assert window.match_label.text() == f"match {reader.current + 1} of {total}"
    qtbot.keyClick(window.reader.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current == start
    field = window.search_panel.field
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert reader.current == (start + 1) % total
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current == start
    for match in reader.matches:
        assert selected_text(window, match.start, match.end).casefold() == "nato"


def test_enter_opens_the_best_result_when_the_article_has_no_match_yet(qtbot, window) -> None:
    search(qtbot, window, "Belarus")
    window.reader.set_query("")  # as if the open article had nothing to show
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    first = window.search_panel.first_hit_item().data(0, HIT_ROLE)
    assert window.reader.matches[window.reader.current].passage == first.passage


def test_ctrl_f_focuses_and_escape_clears(qtbot, window) -> None:
    window.reader.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_panel.field.hasFocus())
    search(qtbot, window, "Kremlin")
    assert window.reader.matches
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Escape)
    assert window.search_panel.field.text() == ""
    assert window.search_panel.tree.topLevelItemCount() == 0
    assert window.reader.matches == [] and window.reader.view.extraSelections() == []


def test_language_filter_keeps_only_that_language(qtbot, window) -> None:
    window.search_panel.set_language_filter("en")
    search(qtbot, window, "Ukraine")
    hits = [
        window.search_panel.tree.topLevelItem(0).child(i).data(0, HIT_ROLE)
        for i in range(window.search_panel.tree.topLevelItem(0).childCount())
    ]
    assert hits and {hit.lang for hit in hits} == {"en"}


def test_no_results_suggests_what_to_change(qtbot, window) -> None:
    window.search_panel.set_language_filter("vi")
    search(qtbot, window, "zyxwvq")
    panel = window.search_panel
    assert panel.stack.currentWidget() is panel.message
    text = panel.message.text()
    assert "zyxwvq" in text and "Remove a word" in text and "All languages" in text
    assert panel.count.text() == "No results"


def test_stale_results_never_replace_newer_ones(qtbot, window) -> None:
    """A slow first query that finishes after a later one must not be shown."""
    library = window.library
    release = threading.Event()
    real_search = library.search

    def slow_first(query, **kwargs):
        if query == "Moscow":
            release.wait(10)
        return real_search(query, **kwargs)

    window.search_panel.library = wrapped(library, slow_first)
    panel = window.search_panel
    panel.field.setText("Moscow")
    panel.run_query()
    panel.field.setText("Belarus")
    panel.run_query()
    qtbot.waitUntil(lambda: panel.shown_query == "Belarus", timeout=10000)
    release.set()
    window.runner.wait()
    qtbot.wait(50)  # let the late delivery arrive: it must be ignored
    assert panel.shown_query == "Belarus"
    assert "Belarus" in panel.first_hit_item().data(0, HIT_ROLE).text


def test_typing_quickly_runs_one_search(qtbot, window) -> None:
    calls: list[str] = []
    real_search = window.library.search

    def counting(query, **kwargs):
        calls.append(query)
        return real_search(query, **kwargs)

    window.search_panel.library = wrapped(window.library, counting)
    search(qtbot, window, "Kaliningrad")
    assert calls == ["Kaliningrad"]


def test_open_article_matches_are_found_off_the_ui_thread(qtbot, window) -> None:
    ui_thread = threading.get_ident()
    threads: list[int] = []
    real_spans = window.library.article_spans

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return real_spans(*args, **kwargs)

    window.search_panel.library = type(
        "Recording",
        (),
        {
            "search": staticmethod(window.library.search),
            "match_spans": staticmethod(window.library.match_spans),
            "article_spans": staticmethod(recording),
        },
    )()
    window.reader.library = window.search_panel.library
    search(qtbot, window, "Kremlin")
    assert window.reader.matches
    assert threads and ui_thread not in threads


def test_a_query_still_waiting_for_a_thread_is_dropped(qtbot, window) -> None:
    pool = window.runner.pool
    gate = threading.Event()
    blockers = [
        window.runner.start(lambda _r: gate.wait(10), lambda _x: None, lambda _m: None)
        for _ in range(pool.maxThreadCount())
    ]
    calls: list[str] = []
    real_search = window.library.search

    def counting(query, **kwargs):
        calls.append(query)
        return real_search(query, **kwargs)

    panel = window.search_panel
    panel.library = wrapped(window.library, counting)
    for query in ("Mos", "Moscow"):
        panel.field.setText(query)
        panel.run_query()
    gate.set()
    qtbot.waitUntil(lambda: panel.shown_query == "Moscow", timeout=10000)
    assert calls == ["Moscow"] and blockers


def test_words_typed_together_light_up_only_together_where_they_stand_together(
    qtbot, window
) -> None:
    search(qtbot, window, "hoa binh")
    document = window.reader.view.document()
    by_passage: dict[int | None, set[str]] = {}
    for match in window.reader.matches:
        cursor = QTextCursor(document)
        cursor.setPosition(match.start)
        cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
        by_passage.setdefault(match.passage, set()).add(cursor.selectedText().casefold())
    article = window.reader.article
    for passage, marked in by_passage.items():
        if passage is not None and "hòa bình" in article.passages["vi"][passage].text.lower():
            assert marked == {"hòa bình"}, "no stray “Hoa” of “Hoa Kỳ” beside it"
