"""Fixtures the GUI tests share: a library in a temp data dir and a main window on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.viewer.gui.support import close_window, open_library, open_window, temp_settings


@pytest.fixture
def library(tmp_path: Path):
    lib = open_library(tmp_path)
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, tmp_path: Path, library):
    win = open_window(qtbot, library, temp_settings(tmp_path))
    yield win
    close_window(win)


@pytest.fixture
def reader(qtbot):
    """A Reader on the small test article, finding matches as whole words."""
    from tests.viewer.gui.test_gui_reader import WordSpans, article
    from viewer.gui.reader.reader import Reader

    widget = Reader(WordSpans())
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.show_article(article())
    return widget
