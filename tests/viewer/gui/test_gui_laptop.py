"""Laptop screens (issue 14, points 1 and 2): the reader keeps most of the width, the side
panels shrink first and hide and show again (remembered), side by side never breaks inside a
word and stacks each Vietnamese paragraph above its English one when two columns cannot be
read, and no text ever widens a panel or reflows the reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.viewer.gui.support import close_window, open_window, settle, temp_settings
from tests.viewer.gui.test_gui_bookmarks import activate
from viewer.gui import search_panel as search_module
from viewer.gui import settings as S
from viewer.gui import side_panels

BREAKS_BETWEEN_WORDS = set(" \t\u00a0-‐–—/")  # a line may end after these, not inside a word
DASHES = set("–—")  # or before a dash, which stands between words


def at_size(window, width: int, height: int) -> None:
    window.resize(width, height)
    settle(window)


def broken_words(window) -> list[str]:
    return broken_words_in(window.reader.view.document())


def broken_words_in(document) -> list[str]:
    """Each place the layout broke a line inside a word, as 'before|after'."""
    document.documentLayout()  # laid out to the end
    found = []
    block = document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for n in range(1, layout.lineCount()):
            start = layout.lineAt(n).textStart()
            before, after = text[start - 1 : start], text[start : start + 1]
            if (
                before
                and after
                and not (before in BREAKS_BETWEEN_WORDS or before.isspace() or after in DASHES)
            ):
                found.append(text[max(0, start - 12) : start] + "|" + text[start : start + 12])
        block = block.next()
    return found


@pytest.mark.parametrize("size", [(1024, 600), (1024, 700), (1366, 768), (1920, 1080)])
def test_the_reader_keeps_most_of_the_width(window, size: tuple[int, int]) -> None:
    at_size(window, *size)
    assert (window.width(), window.height()) == size  # 1024×600 is not too small for it
    left, reader, right = window.main_splitter.sizes()
    assert reader > window.width() / 2
    assert left <= max(side_panels.LEFT.minimum, window.width() * side_panels.LEFT.share)
    assert right <= max(side_panels.RIGHT.minimum, window.width() * side_panels.RIGHT.share)
    assert min(left, right) > 0  # shrunk, still shown


def test_side_panels_hide_and_show_with_their_shortcuts_and_stay_so(
    qtbot, tmp_path: Path, library
) -> None:
    window = open_window(qtbot, library, temp_settings(tmp_path))
    at_size(window, 1024, 700)
    reader_before = window.main_splitter.sizes()[1]
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the library panel
    qtbot.keyClick(window, Qt.Key.Key_F10)  # search and bookmarks
    assert window.side_splitter.isHidden() and window.side_tabs.isHidden()
    assert not window.commands.show_library_panel.isChecked()
    assert window.main_splitter.sizes()[1] > reader_before
    window.reader.view.setFocus()
    window.commands.find.trigger()  # Ctrl+F with the panel hidden: the field must be reachable
    assert not window.side_tabs.isHidden() and window.search_panel.field.hasFocus()
    close_window(window)

    reopened = open_window(qtbot, library, temp_settings(tmp_path))
    assert reopened.side_splitter.isHidden() and not reopened.side_tabs.isHidden()
    assert not reopened.commands.show_library_panel.isChecked()
    assert reopened.commands.show_side_panel.isChecked()
    reopened.commands.show_library_panel.trigger()
    assert not reopened.side_splitter.isHidden()
    assert reopened.settings.get(S.LEFT_PANEL_SHOWN) is True
    close_window(reopened)


def test_a_dragged_panel_width_is_kept_but_gives_way_on_a_narrow_window(window) -> None:
    at_size(window, 1600, 1000)
    window.main_splitter.setSizes([360, 860, 380])
    window.main_splitter.splitterMoved.emit(360, 1)  # as a drag of the handle reports it
    assert window.settings.get(S.LEFT_PANEL_WIDTH) == 360
    at_size(window, 1024, 700)
    assert window.main_splitter.sizes()[0] <= 1024 * side_panels.LEFT.share
    at_size(window, 1920, 1080)
    assert window.main_splitter.sizes()[0] == 360


@pytest.mark.parametrize("size", [(1024, 600), (1024, 700), (1366, 768)])
def test_side_by_side_never_breaks_inside_a_word(window, size: tuple[int, int]) -> None:
    window.set_mode("side")
    at_size(window, *size)
    assert window.reader.view.toPlainText().count("Europe’s Next War") >= 1
    assert broken_words(window) == []
    window.panels.set_shown(False, False)  # the widest side by side of all
    settle(window)
    assert broken_words(window) == []


def test_too_narrow_for_two_columns_each_vietnamese_paragraph_stands_above_its_english(
    window,
) -> None:
    window.set_mode("side")
    window.panels.set_shown(False, False)
    at_size(window, 1024, 700)
    reader = window.reader
    assert not reader.stacked and reader.two_columns_fit()
    cursor = QTextCursor(reader._blocks["p-vi-3"])
    assert cursor.currentTable().columns() == 2
    window.panels.set_shown(True, True)
    window.zoom(+4)  # a bigger font on the same laptop: two columns no longer fit
    settle(window)
    assert reader.stacked and not reader.two_columns_fit()
    vi, en = reader._blocks["p-vi-3"], reader._blocks["p-en-3"]
    assert QTextCursor(vi).currentTable().columns() == 1
    assert vi.position() < en.position()  # the English follows its Vietnamese
    assert (
        QTextCursor(vi).currentTable().cellAt(QTextCursor(vi)).row()
        == QTextCursor(en).currentTable().cellAt(QTextCursor(en)).row()
    )  # one pair, one row
    assert broken_words(window) == []
    window.panels.set_shown(False, False)  # wide again: back to two columns, same place
    settle(window)
    assert not reader.stacked


def test_search_summary_neither_widens_the_panel_nor_reflows_the_reader(
    qtbot, window, monkeypatch
) -> None:
    monkeypatch.setattr(search_module, "RESULT_LIMIT", 3)  # "6 passages · 1 article (best 3 shown)"
    at_size(window, 1024, 700)
    sizes = window.main_splitter.sizes()
    viewport = window.reader.view.viewport().width()
    document = window.reader.view.document()
    width = document.size().width()
    # The layout grows lazily as the document is laid out in chunks; a reflow changes its width.
    reflows: list[float] = []
    document.documentLayout().documentSizeChanged.connect(
        lambda size: reflows.append(size.width()) if size.width() != width else None
    )
    for query in ("chien tranh", "Europe", "an ninh chau Au"):
        window.search_panel.field.setText(query)
        window.search_panel.run_query()
        qtbot.waitUntil(lambda: window.search_panel.count.text() not in ("", "Searching…"))
        settle(window)
        assert window.main_splitter.sizes() == sizes
        assert window.reader.view.viewport().width() == viewport
    assert "(best 3 shown)" in window.search_panel.count.text()
    assert reflows == []


def test_a_word_longer_than_the_line_is_not_cut(reader) -> None:
    """Squeezed below any supported width, a long word overflows its line rather than being
    split ("policymaker / s")."""
    reader.set_mode("side")
    reader.set_font_size(S.MAX_FONT_SIZE)
    reader.resize(260, 600)
    assert reader.stacked
    assert broken_words_in(reader.view.document()) == []


def test_panel_widths_obey_share_minimum_and_visibility() -> None:
    fit = side_panels.fit
    assert fit(1900, (300, 380), (True, True)) == (300, 1220, 380)  # the widths dragged to
    left, reader, right = fit(1000, (300, 380), (True, True))
    assert (left, right) == (200, 250) and reader == 550  # shares of a laptop's width
    assert fit(1000, (300, 380), (False, True)) == (0, 750, 250)
    assert fit(1000, (300, 380), (False, False)) == (0, 1000, 0)
    left, reader, right = fit(600, (300, 380), (True, True))  # narrower than supported
    assert reader >= side_panels.READER_MINIMUM and left + reader + right == 600


def test_a_first_launch_window_fits_on_the_screen(qtbot, tmp_path: Path, library) -> None:
    """No saved geometry: the default size must not leave the side panel off a small screen
    (seen at 1024×700 under a bare X server, which has no window manager to pull it back)."""
    from PySide6.QtWidgets import QApplication

    from tests.viewer.gui.support import translations
    from viewer.gui.main_window import create_main_window

    window = create_main_window(
        library, temp_settings(tmp_path), translations(QApplication.instance())
    )
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < 1400 or room.height() < 880  # the offscreen screen is small
    assert window.width() <= room.width() and window.height() <= room.height()
    assert room.contains(window.geometry().topLeft())
    window.close()
