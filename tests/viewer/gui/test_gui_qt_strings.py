"""Qt's own dialogs speak Vietnamese in the Vietnamese interface: the file dialog the export
opens, the import report's message box, the text fields' context menus. Real widgets, through
the app's own code paths; the file dialog's columns show their text whole in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTreeView,
)

from tests.viewer.gui.support import translations
from tests.viewer.gui.test_gui_bookmarks import PASSAGE, add
from tests.viewer.gui.test_gui_import import spiderweb
from viewer.gui import file_dialogs
from viewer.gui import settings as S
from viewer.gui.export_dialog import ExportDialog
from viewer.gui.i18n import locale_for
from viewer.gui.qt_strings import QT_CONTEXT_STRINGS

VIETNAMESE_DIALOG = {
    "lookInLabel": "&Tìm trong:",
    "fileNameLabel": "&Tên tệp:",
    "fileTypeLabel": "&Loại tệp:",
}
VIETNAMESE_COLUMNS = ["Tên", "Kích thước", "Loại", "Ngày sửa"]
ENGLISH_COLUMNS = ["Name", "Size", "Type", "Date Modified"]


@pytest.fixture
def in_vietnamese(qtbot, window) -> Iterator[object]:
    window.set_ui_language("vi")
    qtbot.waitUntil(lambda: window.menus.file.title() == "&Tệp")
    try:
        yield window
    finally:
        window.set_ui_language("en")
        translations(QApplication.instance()).apply("en")


def folder_with_files(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    (folder / "Bài đăng 2025").mkdir(parents=True)
    (folder / "Cuộc chiến tiếp theo của châu Âu.md").write_text("# Tiêu đề\n", encoding="utf-8")
    (folder / "Song Ngữ — bookmarks.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 300_000)
    return folder


def read_file_dialog(qtbot, dialog: QFileDialog, rows: int) -> dict[str, object]:
    """What the open dialog shows: labels, buttons, column titles, and which column cuts its
    header or a cell short (the width it has against the width its text needs)."""
    tree = dialog.findChild(QTreeView, "treeView")
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) >= rows, timeout=5000)
    qtbot.wait(50)  # let the columns take their widths from the rows just loaded
    header, model, root = tree.header(), tree.model(), tree.rootIndex()
    clipped = []
    for column in range(1, header.count()):
        title = model.headerData(column, header.orientation())
        needed = header.fontMetrics().horizontalAdvance(title)
        for row in range(model.rowCount(root)):
            text = model.index(row, column, root).data() or ""
            needed = max(needed, tree.fontMetrics().horizontalAdvance(text))
        if header.sectionSize(column) < needed:
            clipped.append((title, header.sectionSize(column), needed))
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    return {
        "labels": {name: dialog.findChild(QLabel, name).text() for name in VIETNAMESE_DIALOG},
        "buttons": sorted(b.text() for b in buttons.buttons()),
        "columns": [model.headerData(c, header.orientation()) for c in range(header.count())],
        "clipped": clipped,
        "size": (dialog.width(), dialog.height()),
    }


def answer_save_dialog(qtbot, target: Path, rows: int) -> dict[str, object]:
    """When the app's save dialog opens (on `target`'s folder): read it, then save as `target`."""
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        try:
            seen.update(read_file_dialog(qtbot, dialog, rows))
        finally:  # typed into the name field, as a person would
            dialog.findChild(QLineEdit, "fileNameEdit").setText(target.name)
            dialog.accept()

    QTimer.singleShot(0, answer)
    return seen


def test_the_export_save_dialog_speaks_vietnamese_with_whole_columns(
    qtbot, in_vietnamese, tmp_path: Path
) -> None:
    window = in_vietnamese
    folder = folder_with_files(tmp_path)
    add(window, PASSAGE)
    window.settings.set(S.EXPORT_FOLDER, str(folder))
    window.bookmarks.export("tag")
    dialog = window.bookmarks.dialog
    assert isinstance(dialog, ExportDialog)
    dialog.set_format("md")
    target = folder / "xuất.md"
    seen = answer_save_dialog(qtbot, target, rows=2)  # the folder and the .md file
    with qtbot.waitSignal(dialog.exported, timeout=20000):  # exports run in a worker
        dialog.choose_file_and_export()
    assert target.read_text(encoding="utf-8").startswith("# ")  # the choice was used
    assert seen["labels"] == VIETNAMESE_DIALOG
    assert seen["buttons"] == ["&Lưu", "Huỷ"]
    assert seen["columns"] == VIETNAMESE_COLUMNS
    assert seen["clipped"] == []
    assert seen["size"] == file_dialogs.DIALOG_SIZE


def test_the_qt_file_dialog_keeps_its_columns_whole_in_english(qtbot, tmp_path: Path) -> None:
    folder = folder_with_files(tmp_path)
    dialog = file_dialogs.file_dialog(None, "Import articles", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    seen = read_file_dialog(qtbot, dialog, rows=3)
    assert seen["labels"]["lookInLabel"] == "&Look in:"
    assert seen["columns"] == ENGLISH_COLUMNS and seen["clipped"] == []


def test_the_import_report_box_has_vietnamese_buttons(qtbot, in_vietnamese, tmp_path: Path) -> None:
    window = in_vietnamese
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        assert window.import_files([spiderweb(tmp_path)])
    box = window.importer.report
    assert [b.text() for b in box.buttons()] == ["Đồng ý"]
    box.close()


def test_text_fields_have_a_vietnamese_context_menu(qtbot, in_vietnamese) -> None:
    window = in_vietnamese
    field = window.search_panel.field
    assert isinstance(field, QLineEdit)
    menu = field.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert {"&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xoá", "Chọn tất cả"} <= set(
        texts
    )
    reader_menu = window.reader.view.createStandardContextMenu()
    reader_texts = [a.text().split("\t")[0] for a in reader_menu.actions()]
    reader_menu.deleteLater()
    assert "&Sao chép" in reader_texts and "Chọn tất cả" in reader_texts


def test_every_listed_qt_string_has_its_vietnamese(in_vietnamese) -> None:
    translate = QCoreApplication.translate
    untranslated = [
        (context, text)
        for context, texts in QT_CONTEXT_STRINGS.items()
        for text in texts
        if translate(context, text) == text
    ]
    assert untranslated == []
    # Qt asks for some with a disambiguation; the entry without one must still answer.
    assert translate("QFileSystemModel", "Type", "All other platforms") == "Loại"
    assert QLocale().language() == QLocale.Language.Vietnamese


def test_qt_dialog_only_where_the_native_one_would_speak_another_language() -> None:
    system = file_dialogs.resolve_language("system")
    other = "vi" if system == "en" else "en"
    assert file_dialogs.needs_qt_dialog(other)
    assert not file_dialogs.needs_qt_dialog(system)
    assert locale_for("vi", QLocale("en_GB")).name() == "vi_VN"
    assert locale_for("en", QLocale("en_GB")).name() == "en_GB"
    assert locale_for("en", QLocale("vi_VN")).name() == "en_US"
