"""Long imports: the status-bar progress shows the count, the current title and the time left;
the window stays usable and searchable meanwhile; cancel keeps what was fully imported;
File ▸ Import Folder… imports a tree."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.viewer.gui.support import (
    close_window,
    open_window,
    settle,
    temp_settings,
    write_text_post,
)
from viewer.gui.imports.progress import TimeLeft


@pytest.fixture
def window(qtbot, tmp_path: Path, library):
    win = open_window(qtbot, library, temp_settings(tmp_path))
    yield win
    if win.importer.report is not None:
        win.importer.report.close()
    close_window(win)


def three_posts(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_text_post(
            folder / f"{number}.txt",
            number,
            f"Bài số {number}",
            f"Post {number}",
            f"Đoạn văn về cầu Long Biên số {number}.",
            f"About the Long Bien bridge {number}.",
        )
        for number in (4101, 4102, 4103)
    ]


class PausedImport:
    """The real Library.import_paths, paused inside its progress report for file `pause_at`
    (so the import holds the Library's write lock) until `go_on` is set."""

    def __init__(self, library: object, pause_at: int) -> None:
        self.library, self.pause_at = library, pause_at
        self.reached, self.go_on = threading.Event(), threading.Event()

    def import_paths(self, paths, progress=None, cancelled=None):
        def reporting(done: int, total: int, name: str) -> None:
            progress(done, total, name)
            if done == self.pause_at and name:
                self.reached.set()
                self.go_on.wait(10)

        return self.library.import_paths(paths, progress=reporting, cancelled=cancelled)


def test_progress_shows_count_and_title_and_search_works_meanwhile(qtbot, window, tmp_path) -> None:
    paused = PausedImport(window.library, pause_at=1)
    window.importer.library = paused
    assert window.import_files(three_posts(tmp_path / "in"))
    assert paused.reached.wait(10)
    panel = window.importer.panel
    qtbot.waitUntil(lambda: "4102.txt" in panel.label.text(), timeout=5000)
    assert panel.isVisible() and "Importing 2 of 3" in panel.label.text()
    assert (panel.bar.value(), panel.bar.maximum()) == (1, 3)
    # Not modal: the window answers, and the archive is searchable, while the import runs.
    assert window.importer.busy() and QApplication.activeModalWidget() is None
    search = window.search_panel
    search.field.setText("Long Bien 4101")
    qtbot.waitUntil(lambda: search.shown_query == "Long Bien 4101", timeout=10000)
    assert search.first_hit_item() is not None  # the first file is already in
    paused.go_on.set()
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        pass
    settle(window)
    assert [o.status for o in finished.args[0]] == ["imported"] * 3
    assert not panel.isVisible()


def test_cancel_keeps_what_was_fully_imported(qtbot, window, tmp_path) -> None:
    paused = PausedImport(window.library, pause_at=1)
    window.importer.library = paused
    window.import_files(three_posts(tmp_path / "in"))
    assert paused.reached.wait(10)
    panel = window.importer.panel
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not panel.cancel_button.isEnabled() and "Stopping" in panel.label.text()
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        paused.go_on.set()
    settle(window)
    # The file being imported when Cancel was clicked is finished; the next is not started.
    assert [o.path.name for o in finished.args[0]] == ["4101.txt", "4102.txt"]
    numbers = {s.blog_post_number for s in window.library.summaries()}
    assert {4101, 4102} <= numbers and 4103 not in numbers
    assert "cancelled" in window.importer.report.text()


def test_import_folder_finds_files_recursively(qtbot, window, tmp_path) -> None:
    root = tmp_path / "blog"
    three_posts(root / "2025" / "03")
    (root / ".cache").mkdir()
    write_text_post(root / ".cache" / "9999.txt", 9999, "Ẩn", "Hidden", "x", "y")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert window.commands.import_folder in window.menus.file.actions()
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        assert window.importer.start_folder(root)
    settle(window)
    assert sorted(o.path.name for o in finished.args[0]) == ["4101.txt", "4102.txt", "4103.txt"]
    shown = {
        window.library_panel.model.index(r, 0).data()
        for r in range(window.library_panel.model.rowCount())
    }
    assert {"Bài số 4101", "Bài số 4103"} <= shown and "Ẩn" not in shown


def test_a_folder_with_nothing_to_import_says_so(qtbot, window, tmp_path) -> None:
    (tmp_path / "empty").mkdir()
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.importer.start_folder(tmp_path / "empty")
    settle(window)
    report = window.importer.report.text()
    assert "no file Song Ngữ can import" in report and "Traceback" not in report


def test_time_left_follows_the_pace_and_restarts_when_the_total_changes() -> None:
    now = [100.0]
    estimate = TimeLeft(clock=lambda: now[0])
    assert estimate.update(0, 5000) is None  # nothing measured yet
    now[0] += 1.0
    assert estimate.update(10, 5000) is None  # too early to tell
    now[0] += 9.0
    assert estimate.update(100, 5000) == pytest.approx(490.0)  # 10 per second, 4,900 to go
    assert estimate.update(0, 3) is None  # a new count (posts of a blog export): start over
    now[0] += 4.0
    assert estimate.update(2, 3) == pytest.approx(2.0)


def test_time_left_is_said_in_words(qtbot, window) -> None:
    panel = window.importer.panel
    assert panel.time_left_text(30) == "less than a minute left"
    assert panel.time_left_text(185) == "about 3 minutes left"
    assert panel.time_left_text(3 * 3600) == "about 3 hours left"
