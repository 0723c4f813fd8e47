"""Search the way people type, in the real window, keystroke by keystroke: the last word is a
prefix while typing, "did you mean" links under the empty state, counts of every match, and a
reader whose matches visit exactly the passages the result list shows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from viewer.gui import search_panel as search_panel_module
from viewer.gui.search_panel import HIT_ROLE

SCREENSHOTS = os.environ.get("SONGNGU_SCREENSHOTS")  # a folder: save the empty state there


def settle(qtbot, window) -> None:
    """Wait until the field's text is the query shown (debounce, worker and highlights)."""
    panel = window.search_panel
    qtbot.waitUntil(
        lambda: panel.shown_query == panel.field.text() and not panel.debounce.isActive(),
        timeout=10000,
    )
    qtbot.waitUntil(lambda: window.reader.query == panel.shown_query, timeout=10000)


def type_slowly(qtbot, window, text: str) -> list[tuple[str, object]]:
    """Type `text` one key at a time, waiting for each keystroke's results; returns them."""
    panel = window.search_panel
    panel.field.clear()
    panel.field.setFocus()
    seen = []
    for char in text:
        qtbot.keyClicks(panel.field, char)
        settle(qtbot, window)
        seen.append((panel.field.text(), panel.results))
    return seen


def listed_hits(window) -> list:
    tree = window.search_panel.tree
    return [
        tree.topLevelItem(g).child(c).data(0, HIT_ROLE)
        for g in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(g).childCount())
    ]


def marked_text(window, match) -> str:
    cursor = QTextCursor(window.reader.view.document())
    cursor.setPosition(match.start)
    cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_typing_a_name_shows_it_from_the_first_letters(qtbot, window) -> None:
    seen = type_slowly(qtbot, window, "Lukashenko")
    for typed, results in seen[2:]:  # "Luk" onwards: the name completes every prefix
        assert any("Lukashenko" in hit.text for hit in results.hits), typed
        assert results.total == 2, typed
    assert all(results.hits for typed, results in seen), "L… already finds words"
    first = listed_hits(window)[0]
    assert "<mark>Lukashenko" in first.snippet


def test_a_space_ends_the_prefix(qtbot, window) -> None:
    type_slowly(qtbot, window, "Lukash")
    assert window.search_panel.results.total == 2
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Space)
    settle(qtbot, window)
    assert window.search_panel.results.total == 0  # "Lukash" as a whole word
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(window.search_panel.field, "*")
    settle(qtbot, window)
    assert window.search_panel.results.total == 2


def test_the_count_is_every_matching_passage_not_the_shown_ones(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_panel_module, "RESULT_LIMIT", 5)
    type_slowly(qtbot, window, "NATO -Belarus")
    panel = window.search_panel
    assert len(listed_hits(window)) == 5
    assert panel.results.total == window.library.search("NATO -Belarus").total == 51
    assert panel.count.text() == "51 passages · 1 article (best 5 shown)"


def test_did_you_mean_links_search_the_suggestion(qtbot, window, tmp_path: Path) -> None:
    type_slowly(qtbot, window, "Kremlim")  # no space after it: still a prefix, no hit
    panel = window.search_panel
    assert panel.stack.currentWidget() is panel.message
    assert "Did you mean" in panel.message.text() and ">Kremlin</a>" in panel.message.text()
    shot = panel.grab()
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    assert shot.save(str(folder / "search-did-you-mean.png"))
    panel.message.setFocus()
    qtbot.keyClick(panel.message, Qt.Key.Key_Tab)  # the first link takes the focus
    qtbot.keyClick(panel.message, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.field.text() == "Kremlin ", timeout=5000)
    settle(qtbot, window)
    assert panel.results.total > 0 and panel.stack.currentWidget() is panel.tree


def _visit_every_match(qtbot, window) -> list:
    """F3 through all the reader's matches from the first; returns them in visiting order."""
    reader = window.reader
    reader.view.setFocus()
    visited = []
    for _ in range(len(reader.matches)):
        qtbot.keyClick(reader.view, Qt.Key.Key_F3)
        visited.append(reader.matches[reader.current])
    return visited


@pytest.mark.parametrize("query", ["NATO -Belarus", "hoa binh", "chien tranh", "Kremlin"])
def test_f3_visits_exactly_the_listed_passages(qtbot, window, query: str) -> None:
    type_slowly(qtbot, window, query)
    window.search_panel.activate_first_hit()
    reader = window.reader
    lang = reader.shown_languages()[0]
    listed = {
        hit.passage for hit in listed_hits(window) if hit.lang == lang and hit.passage is not None
    }
    visited = _visit_every_match(qtbot, window)
    assert {m.passage for m in visited if m.passage is not None} == listed
    assert window.match_label.text() == f"match {reader.current + 1} of {len(reader.matches)}"
    qtbot.keyClick(reader.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert reader.matches[reader.current] == visited[-2] if len(visited) > 1 else True
    article = reader.article
    for match in visited:
        if match.passage is None:
            continue
        text = article.passages[lang][match.passage].text
        if query == "NATO -Belarus":
            assert "belarus" not in text.lower(), "an excluded passage is never visited"
            assert marked_text(window, match).casefold() == "nato"
        if query == "hoa binh" and "hòa bình" in text.lower():
            assert marked_text(window, match).casefold() == "hòa bình"


def test_hoa_binh_lists_six_passages_and_the_reader_visits_six(qtbot, window) -> None:
    type_slowly(qtbot, window, "hoa binh ")
    assert len(listed_hits(window)) == 6
    window.search_panel.activate_first_hit()
    visited = _visit_every_match(qtbot, window)
    assert len({m.passage for m in visited if m.passage is not None}) == 6
