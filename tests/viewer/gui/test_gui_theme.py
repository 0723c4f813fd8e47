"""View ▸ Theme (issue 14 point 7): System, Light and Dark on Qt's Fusion style and our
palettes, remembered, with every highlight readable in each: search matches, pair tints,
bookmark marks, the selection, and the reader's own text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from tests.viewer.gui.support import close_window, open_window, settle, temp_settings
from tests.viewer.gui.test_gui_bookmarks import PASSAGE, add
from viewer.gui import settings as S
from viewer.gui import styles
from viewer.gui.bookmarks import marks as bookmark_marks
from viewer.gui.reader.alignment_view import PAIR_ALPHA
from viewer.gui.themes import themes_for

Role = QPalette.ColorRole
READABLE = 4.5  # WCAG AA contrast for body text


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(tint: QColor, base: QColor) -> QColor:
    alpha = tint.alphaF()
    return QColor.fromRgbF(
        *(tint.getRgbF()[i] * alpha + base.getRgbF()[i] * (1 - alpha) for i in range(3))
    )


@pytest.fixture
def restore_system_theme():
    yield
    themes_for(QApplication.instance()).apply("system")  # the next tests see the platform's


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_each_theme_keeps_every_highlight_readable(
    qtbot, window, theme: str, restore_system_theme
) -> None:
    getattr(window.commands, f"theme_{theme}").trigger()
    settle(window)
    app = QApplication.instance()
    palette = QGuiApplication.palette()
    assert app.style().name().lower() == "fusion"
    assert styles.is_dark(palette) is (theme == "dark")
    base, text = palette.color(Role.Base), palette.color(Role.Text)
    assert contrast(base, text) >= 7
    assert contrast(palette.color(Role.Highlight), palette.color(Role.HighlightedText)) >= READABLE
    for mark in (
        styles.MATCH,
        styles.CURRENT_MATCH,
        bookmark_marks.MARK,
        bookmark_marks.FOCUSED_MARK,
    ):
        assert contrast(mark.background_color(), mark.foreground_color()) >= READABLE, mark
    # A failure line (the export dialog's) and an orphaned bookmark's word, in red.
    assert contrast(QColor(styles.error_colour(palette)), palette.color(Role.Window)) >= READABLE
    assert contrast(QColor(styles.error_colour(palette)), base) >= READABLE
    pair = QColor(palette.color(Role.Highlight))
    pair.setAlpha(PAIR_ALPHA)
    assert contrast(over(pair, base), text) >= READABLE
    # The reader follows the palette: its text is the palette's, matches keep their colours.
    add(window, PASSAGE)
    window.search_panel.field.setText("chien tranh")
    window.search_panel.run_query()
    qtbot.waitUntil(lambda: bool(window.reader.matches), timeout=10000)
    assert window.reader.view.palette().color(Role.Base) == base
    assert text.name() in window.reader.view.document().defaultStyleSheet()
    backgrounds = {
        s.format.background().color().name() for s in window.reader.view.extraSelections()
    }
    assert {styles.MATCH.background, bookmark_marks.MARK.background} <= backgrounds


def test_the_theme_is_remembered(qtbot, tmp_path: Path, library, restore_system_theme) -> None:
    window = open_window(qtbot, library, temp_settings(tmp_path))
    window.commands.theme_dark.trigger()
    assert window.settings.get(S.THEME) == "dark"
    close_window(window)
    QApplication.instance().setPalette(QPalette())  # as a fresh start would have it
    reopened = open_window(qtbot, library, temp_settings(tmp_path))
    assert reopened.commands.theme_dark.isChecked() and styles.is_dark()
    reopened.commands.theme_system.trigger()
    assert reopened.settings.get(S.THEME) == "system" and not styles.is_dark()
    close_window(reopened)


def test_the_new_commands_speak_vietnamese(qtbot, window) -> None:
    from tests.viewer.gui.support import translations

    try:
        window.set_ui_language("vi")
        qtbot.waitUntil(lambda: window.menus.theme.title() == "&Giao diện")
        assert window.commands.theme_dark.text() == "&Tối"
        assert window.commands.show_library_panel.text() == "&Khung thư viện"
    finally:
        translations(QApplication.instance()).apply("en")
        window.set_ui_language("en")
