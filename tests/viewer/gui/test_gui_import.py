"""Importing through the window: the worker, the report, drag-and-drop, cancelling, and a bad
file that leaves the library unchanged; the index is built off the UI thread at start."""

from __future__ import annotations

import html
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.viewer.gui.support import (
    close_window,
    settle,
    temp_settings,
    write_text_post,
)
from viewer.library import Library


def spiderweb(tmp_path: Path) -> Path:
    return write_text_post(
        tmp_path / "2945.txt",
        2945,
        "Chi tiết Chiến dịch Mạng nhện",
        "Operation Spiderweb",
        "Máy bay không người lái tấn công sân bay.",
        "Drones struck the airfields.",
    )


def library_rows(window) -> list[str]:
    model = window.library_panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_import_through_the_worker_adds_indexes_and_opens_it(qtbot, window, tmp_path) -> None:
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        assert window.import_files([spiderweb(tmp_path)])
    settle(window)
    [outcome] = finished.args[0]
    assert outcome.status == "imported"
    assert "Chi tiết Chiến dịch Mạng nhện" in library_rows(window)
    assert "1 file imported." in window.importer.report.text()
    assert window.article.blog_post_number == 2945
    window.importer.report.close()
    panel = window.search_panel
    panel.field.setText("khong nguoi lai")
    qtbot.waitUntil(lambda: panel.shown_query == "khong nguoi lai", timeout=10000)
    assert panel.first_hit_item() is not None  # the new article is searchable


def test_bad_file_is_reported_in_plain_words_and_changes_nothing(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    before = [(s.id, s.title) for s in window.library.summaries()]
    rows_before = library_rows(window)
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        window.import_files([bad])
    settle(window)
    [outcome] = finished.args[0]
    assert outcome.status == "error"
    report = window.importer.report.text()
    assert "photo.txt" in report and "could not be imported" in report
    assert "Traceback" not in report and outcome.error in report
    assert [(s.id, s.title) for s in window.library.summaries()] == before
    assert library_rows(window) == rows_before


def test_a_mix_of_good_and_bad_files_keeps_the_good_ones(qtbot, window, tmp_path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        window.import_files([empty, spiderweb(tmp_path)])
    settle(window)
    assert [o.status for o in finished.args[0]] == ["error", "imported"]
    report = window.importer.report.text()
    assert "1 file imported." in report and "empty.md" in report
    assert len(window.library.summaries()) == 2


def test_dropping_files_on_the_window_imports_them(qtbot, window, tmp_path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(spiderweb(tmp_path)))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.dropEvent(event)
    settle(window)
    assert event.isAccepted()
    assert len(window.library.summaries()) == 2


def test_cancel_stops_between_files(qtbot, window, tmp_path) -> None:
    """The progress panel's Cancel reaches import_paths' `cancelled` callback."""
    started, go_on = threading.Event(), threading.Event()
    real_import = window.library.import_paths

    def gated(paths, progress=None, cancelled=None):
        started.set()
        go_on.wait(10)
        return real_import(paths, progress=progress, cancelled=cancelled)

    window.importer.library = type("Gated", (), {"import_paths": staticmethod(gated)})()
    files = [spiderweb(tmp_path)]
    window.import_files(files)
    assert started.wait(10)
    assert window.importer.busy() and not window.import_files(files)  # one import at a time
    qtbot.mouseClick(window.importer.panel.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        go_on.set()
    settle(window)
    assert finished.args[0] == []
    assert "cancelled" in window.importer.report.text()
    assert len(window.library.summaries()) == 1


def test_index_is_built_off_the_ui_thread_with_a_notice(qtbot, tmp_path) -> None:
    library = Library.open(tmp_path / "fresh")  # sample imported, index not built yet
    assert not library.index_ready()
    ui_thread = threading.get_ident()
    threads: list[int] = []
    real_ensure = library.ensure_index

    def recording(progress=None):
        threads.append(threading.get_ident())
        return real_ensure(progress=progress)

    library.ensure_index = recording
    settings = temp_settings(tmp_path)
    from viewer.gui.main_window import create_main_window

    window = create_main_window(library, settings)
    qtbot.addWidget(window)
    assert not window.search_panel.index_ready
    assert "being built" in window.search_panel.message.text()
    qtbot.waitUntil(lambda: window.search_panel.index_ready, timeout=30000)
    assert threads and threads[0] != ui_thread
    assert library.index_ready()
    close_window(window)
    library.close()


def test_rebuild_index_from_the_menu_keeps_search_working(qtbot, window) -> None:
    window.commands.rebuild_index.trigger()
    assert not window.search_panel.index_ready
    assert not window.index_progress.isHidden()
    qtbot.waitUntil(lambda: window.search_panel.index_ready, timeout=30000)
    assert window.index_progress.isHidden()
    window.search_panel.field.setText("Kaliningrad")
    qtbot.waitUntil(lambda: window.search_panel.shown_query == "Kaliningrad", timeout=10000)
    assert window.search_panel.first_hit_item() is not None


REAL = Path(__file__).parents[2] / "fixtures" / "real"


def test_a_takeout_folder_reports_what_it_skipped(qtbot, window, tmp_path) -> None:
    pelican = REAL / "blogger" / "pelican-bloggerexport.xml"
    theme = REAL / "takeout" / "Takeout" / "Blogger" / "Blogs" / "Brion's Cool Test Blog"
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        window.import_files([pelican, theme / "theme-layouts.xml"])
    settle(window)
    assert [o.status for o in finished.args[0]] == ["imported", "skipped"]
    report = window.importer.report.text()
    assert "1 file imported." in report
    assert "1 file holds no articles and was skipped:" in report
    assert "theme-layouts.xml" in report and "a Blogger theme, not posts" in report
    assert "1 post was left out:" in report and "Black as Egypt" in report
    assert "could not be imported" not in report


def test_a_markdown_draft_is_named_as_a_left_out_post(qtbot, window) -> None:
    draft = Path(__file__).parents[2] / "fixtures" / "real" / "hugo" / "setup-general.md"
    before = [(s.id, s.title) for s in window.library.summaries()]
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        window.import_files([draft])
    [outcome] = finished.args[0]
    assert outcome.status == "skipped"
    report = html.unescape(window.importer.report.text())
    assert "setup-general.md" in report and "‘Setup: General’ — draft" in report
    assert "could not be imported" not in report
    assert [(s.id, s.title) for s in window.library.summaries()] == before
