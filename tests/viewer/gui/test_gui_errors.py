"""Errors always reach the person (issue 14 point 5): an unexpected exception in an export, an
import, a copy or a bookmark action shows one line in the window and goes, with its traceback,
to songngu.log in the data folder; the window keeps working."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.viewer.gui.support import export_and_wait, settle
from tests.viewer.gui.test_gui_bookmarks import PASSAGE, add, select_words
from viewer.gui import error_log
from viewer.gui.bookmarks import workflow as workflow_module
from viewer.gui.export_dialog import ExportDialog


def boom(what: str):
    def fail(*_args, **_kwargs):
        raise RuntimeError(f"{what} went wrong")

    return fail


def log_text(window) -> str:
    path = error_log.log_path(Path(window.library.data_dir))
    for handler in error_log._handlers.values():
        handler.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def assert_reported(window, shown: str, what: str) -> None:
    assert "\n" not in shown and f"{what} went wrong" in shown and "songngu.log" in shown
    logged = log_text(window)
    assert "Traceback" in logged and f"RuntimeError: {what} went wrong" in logged


def test_a_failing_export_says_so_in_the_dialog_and_logs(
    window, tmp_path: Path, monkeypatch
) -> None:
    add(window, PASSAGE, "ghi chú")
    monkeypatch.setattr("viewer.gui.export_dialog.render", boom("the PDF"))
    window.bookmarks.export("tag")
    dialog = window.bookmarks.dialog
    assert isinstance(dialog, ExportDialog)
    dialog.set_format("pdf")
    assert not export_and_wait(dialog, tmp_path / "out.pdf")
    assert dialog.isVisible() and not (tmp_path / "out.pdf").exists()
    assert_reported(window, dialog.message.text(), "the PDF")
    monkeypatch.undo()
    assert export_and_wait(dialog, tmp_path / "out.pdf")  # the dialog still works


def test_a_failing_import_says_so_and_logs(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(window.library, "import_paths", boom("the import"))
    post = tmp_path / "post.txt"
    post.write_text("whatever", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.import_files([post])
    settle(window)
    report = window.importer.report
    assert report.icon() == QMessageBox.Icon.Warning and report.text().count("<br>") == 1
    assert_reported(window, report.text().split("<br>")[0], "the import")
    report.close()
    assert not window.importer.busy()


def test_a_failing_copy_says_so_in_the_status_bar_and_logs(window, monkeypatch) -> None:
    select_words(window, "vi", PASSAGE, 0, 4)
    monkeypatch.setattr(workflow_module, "copy_with_citation", boom("the clipboard"))
    window.commands.copy_citation.trigger()
    settle(window)
    assert_reported(window, window.statusBar().currentMessage(), "the clipboard")


def test_a_failing_bookmark_action_says_so_in_the_status_bar_and_logs(window, monkeypatch) -> None:
    monkeypatch.setattr(window.library, "bookmark_passage", boom("the bookmark"))
    select_words(window, "vi", PASSAGE, 0, 4)
    window.commands.bookmark_passage.trigger()
    window.bookmarks.dialog.accept()
    settle(window)
    assert_reported(window, window.statusBar().currentMessage(), "the bookmark")
    assert window.bookmarks.panel.list.count() == 0 and window.commands.undo.isEnabled() is False

    monkeypatch.undo()  # bookmark_passage works again; the deletion fails below
    monkeypatch.setattr(window.library, "delete_bookmark", boom("the deletion"))
    add(window, PASSAGE)
    window.bookmarks.panel.list.setCurrentRow(0)
    window.bookmarks.panel.delete_selected()
    settle(window)
    assert_reported(window, window.statusBar().currentMessage(), "the deletion")
    assert window.bookmarks.panel.list.count() == 1  # the panel shows what the archive holds


def test_an_expected_failure_is_one_plain_line_and_logged_without_a_trace(
    window, tmp_path: Path
) -> None:
    add(window, PASSAGE)
    window.bookmarks.export("tag")
    dialog = window.bookmarks.dialog
    target = tmp_path / "missing" / "out.md"
    assert not export_and_wait(dialog, target)
    message = dialog.message.text()
    assert "\n" not in message and "songngu.log" not in message
    assert "export failed" in log_text(window)


def test_an_exception_escaping_a_slot_is_shown_and_logged(window, monkeypatch) -> None:
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    error_log.catch_unhandled(window.show_failure)
    try:
        raise RuntimeError("a slot went wrong")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    shown = window.statusBar().currentMessage()
    assert shown == "Unexpected error: a slot went wrong (details in songngu.log)"
    assert "RuntimeError: a slot went wrong" in log_text(window)
