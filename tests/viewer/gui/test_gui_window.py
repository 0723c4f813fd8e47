"""The main window: first launch, persistence, language switch, metadata links, help dialogs,
keyboard reachability."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QTableWidget

from archive import __version__
from tests.viewer.gui.support import (
    close_window,
    open_window,
    settle,
    temp_settings,
    translations,
    write_text_post,
)
from viewer.gui import settings as S
from viewer.gui.dialogs import shortcut_rows
from viewer.gui.reader.reader import ARTICLE_SCHEME


def test_first_launch_opens_the_bundled_article(window) -> None:
    assert window.article is not None and window.article.blog_post_number == 3342
    assert "Cuộc chiến tiếp theo của châu Âu" in window.reader.view.toPlainText()
    assert window.library_panel.current_id() == window.article.id
    assert "foreignaffairs.com/russia/europes-next-war" in window.metadata_panel.view.toPlainText()


def test_settings_survive_closing_and_reopening(qtbot, tmp_path: Path, library) -> None:
    settings = temp_settings(tmp_path)
    first = open_window(qtbot, library, settings)
    first.resize(720, 530)  # within the offscreen screen (800×600)
    first.set_mode("side")
    first.zoom(+1)
    first.zoom(+1)
    first.main_splitter.setSizes([200, 700, 211])
    first.main_splitter.splitterMoved.emit(200, 1)  # as a drag of the handle reports it
    first.panels.apply()
    first.search_panel.set_language_filter("en")
    sizes = first.main_splitter.sizes()
    close_window(first)

    reopened_settings = temp_settings(tmp_path)  # a new QSettings reading the same file
    second = open_window(qtbot, library, reopened_settings)
    assert (second.width(), second.height()) == (720, 530)
    assert second.reader.mode == "side" and second.commands.mode_side.isChecked()
    assert second.reader.font_size == S.DEFAULT_FONT_SIZE + 2
    assert second.main_splitter.sizes() == sizes
    assert second.search_panel.language_filter() == "en"
    assert second.article.id == reopened_settings.get(S.LAST_ARTICLE)
    close_window(second)


def test_bad_stored_values_fall_back_to_defaults(tmp_path: Path) -> None:
    settings = temp_settings(tmp_path)
    settings.set(S.READER_MODE, "sideways")
    settings.set(S.FONT_SIZE, "huge")
    settings.set(S.UI_LANGUAGE, "fr")
    assert settings.get(S.READER_MODE) == "vi"
    assert settings.get(S.FONT_SIZE) == S.DEFAULT_FONT_SIZE
    assert settings.get(S.UI_LANGUAGE) == "system"


def test_language_switch_changes_visible_strings(qtbot, window) -> None:
    app = QApplication.instance()
    try:
        window.set_ui_language("vi")
        qtbot.waitUntil(lambda: window.menus.file.title() == "&Tệp")
        assert window.commands.import_files.text() == "&Nhập bài…"
        # The interface's language is named so, apart from the reader's Vietnamese / English.
        assert window.menus.language.title() == "Ngôn ngữ &giao diện"
        assert window.menus.language.menuAction() in window.menus.view.actions()
        assert window.search_panel.field.placeholderText().startswith("Tìm trong cả hai")
        assert window.search_panel.language.itemText(0) == "Tất cả"
        assert window.metadata_panel.copy_button.text() == "Chép địa chỉ nguồn"
        assert window.settings.get(S.UI_LANGUAGE) == "vi"
        window.set_ui_language("en")
        qtbot.waitUntil(lambda: window.menus.file.title() == "&File")
        assert window.search_panel.language.itemText(0) == "All languages"
        assert window.menus.language.title() == "&Interface language"
    finally:
        translations(app).apply("en")


def import_related_post(qtbot, window, tmp_path: Path) -> None:
    """Import post 2945, which the sample lists among its related posts, through the window."""
    post = write_text_post(
        tmp_path / "2945.txt",
        2945,
        "Chi tiết Chiến dịch Mạng nhện",
        "Operation Spiderweb",
        "Đoạn văn về máy bay.",
        "About bombers.",
    )
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.import_files([post])
    settle(window)
    window.importer.report.close()


def test_related_posts_open_when_archived_and_say_so_when_not(
    qtbot, window, tmp_path: Path
) -> None:
    text = window.metadata_panel.view.toPlainText()
    assert "2945" in text and "not archived" in text
    import_related_post(qtbot, window, tmp_path)
    settle(window)
    assert window.article.blog_post_number == 2945  # an import opens what it imported
    sample_id = next(s.id for s in window.library.summaries() if s.blog_post_number == 3342)
    window.open_article(sample_id)  # read afresh: the link now resolves
    settle(window)
    html = window.metadata_panel.view.toHtml()
    new_id = next(s.id for s in window.library.summaries() if s.blog_post_number == 2945)
    assert f"{ARTICLE_SCHEME}:{new_id}" in html
    window.metadata_panel.view.anchorClicked.emit(QUrl(f"{ARTICLE_SCHEME}:{new_id}"))
    settle(window)
    assert window.article.id == new_id
    assert "Chi tiết Chiến dịch Mạng nhện" in window.reader.view.toPlainText()


def test_source_url_is_copied_in_full(window) -> None:
    window.commands.copy_url.trigger()
    assert QGuiApplication.clipboard().text() == window.article.source.url


def test_shortcuts_dialog_lists_every_shortcut(window) -> None:
    window.commands.shortcuts.trigger()
    table = window.shortcuts_dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Search"] == "Ctrl+F"
    assert rows["Next match"] == "F3"
    assert rows["Previous match"] == "Shift+F3"
    assert rows["Import…"] == "Ctrl+O"
    assert rows["Zoom in"] == "Ctrl+="
    assert rows["Undo"] == "Ctrl+Z"
    assert rows["Side by side"] == "Ctrl+3"
    assert rows["Previous match (in the search field)"] == "Shift+Enter"
    # One shortcut a command, each one a person can press: no lists, no phantom keys.
    for command, keys in rows.items():
        assert ", " not in keys and not re.fullmatch(r"F(1[3-9]|2\d|3[0-5])", keys), command
    window.shortcuts_dialog.close()


def test_shortcuts_leave_out_keys_ordinary_keyboards_lack(qapp) -> None:
    # X11 binds Undo to Ctrl+Z and F14 (a Sun keyboard's Undo key), and Open to a dedicated key.
    action = QAction("Undo")
    action.setShortcuts([QKeySequence("F14"), QKeySequence("Ctrl+Z")])
    opener = QAction("Open")
    opener.setShortcuts([QKeySequence(Qt.Key.Key_Open), QKeySequence("Ctrl+O")])
    only_phantoms = QAction("Copy")
    only_phantoms.setShortcuts([QKeySequence("F16")])
    rows = dict(shortcut_rows([action, opener, only_phantoms]))
    assert rows["Undo"] == "Ctrl+Z" and rows["Open"] == "Ctrl+O"
    assert "Copy" not in rows


def test_about_shows_version_data_location_and_licences(window) -> None:
    window.commands.about.trigger()
    text = window.about_dialog.text()
    assert __version__ in text and str(window.library.data_dir) in text
    assert "LGPL" in text and "MIT" in text
    window.about_dialog.close()


def test_every_command_has_a_keyboard_route(window) -> None:
    """Each action has a shortcut or sits in a menu (reachable with Alt+letter)."""
    in_menus = {
        a
        for menu in (
            window.menus.file,
            window.menus.edit,
            window.menus.view,
            window.menus.language,
            window.menus.theme,
            window.menus.help,
        )
        for a in menu.actions()
    }
    for action in window.commands.all():
        assert action.shortcuts() or action in in_menus, action.objectName()
        assert "&" in action.text() or action.shortcuts(), action.objectName()


def test_zoom_shortcut_changes_and_remembers_the_size(qtbot, window) -> None:
    before = window.reader.font_size
    window.commands.zoom_in.trigger()
    assert window.reader.font_size == before + 1
    assert window.settings.get(S.FONT_SIZE) == before + 1


def test_library_filter_ignores_case_and_diacritics(qtbot, window, tmp_path: Path) -> None:
    import_related_post(qtbot, window, tmp_path)
    panel = window.library_panel

    def shown() -> list[str]:
        return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]

    assert len(shown()) == 2
    qtbot.keyClicks(panel.filter, "mang nhen")
    assert shown() == ["Chi tiết Chiến dịch Mạng nhện"]
    assert panel.count.text() == "1 of 2 articles"
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "HAUKKALA 3342")
    assert shown() == ["Cuộc chiến tiếp theo của châu Âu"]
    panel.filter.setText("no such words")
    assert shown() == []


def test_links_open_in_the_browser_only_when_clicked(window, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "viewer.gui.reader.reader.QDesktopServices.openUrl",
        lambda url: opened.append(url.toString()) or True,
    )
    window.metadata_panel.show_article(window.article)  # rendering opens nothing
    assert opened == []
    url = window.article.source.url
    window.metadata_panel.view.anchorClicked.emit(QUrl(url))
    assert opened == [url]
    window.metadata_panel.view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == [url]  # only web and mail links leave the app


def test_every_interface_string_has_a_vietnamese_translation() -> None:
    import xml.etree.ElementTree as ET

    from viewer.gui.i18n import I18N_DIR

    messages = list(ET.parse(I18N_DIR / "songngu_vi.ts").iter("message"))
    assert len(messages) > 50
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished"
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []
    assert (I18N_DIR / "songngu_vi.qm").stat().st_size > 1000
