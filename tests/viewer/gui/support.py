"""Helpers the GUI tests share (no tests here): a prepared archive copied per test, a window
over it with settings in a temp INI file, and small text-post files to import.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

from viewer.gui import settings as S
from viewer.gui.export_dialog import ExportDialog
from viewer.gui.i18n import Translations
from viewer.gui.main_window import MainWindow, create_main_window
from viewer.gui.settings import Settings
from viewer.library import Library


@functools.cache
def _template_data_dir() -> Path:
    """One archive with the sample imported and indexed, built once per test run."""
    root = Path(tempfile.mkdtemp(prefix="songngu-gui-tests-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    library = Library.open(root / "data")
    library.ensure_index()
    library.close()
    return root / "data"


def open_library(tmp_path: Path) -> Library:
    """A fresh copy of the prepared archive (sample imported, index built) in tmp_path."""
    target = tmp_path / "data"
    shutil.copytree(_template_data_dir(), target)
    return Library.open(target)


def temp_settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def translations(app: QApplication) -> Translations:
    """The app's Translations, English installed (as the app does on an English system)."""
    existing = app.findChild(Translations)
    if existing is None:
        existing = Translations(app)
        existing.apply("en")
    return existing


def open_window(qtbot: object, library: Library, settings: Settings) -> MainWindow:
    app = QApplication.instance()
    window = create_main_window(library, settings, translations(app))
    qtbot.addWidget(window)
    if settings.get(S.WINDOW_GEOMETRY).isEmpty():
        window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.search_panel.index_ready, timeout=20000)
    settle(window)
    return window


def settle(window: MainWindow, timeout: float = 20.0) -> None:
    """Run the event loop until every operation and read the window started has shown its
    outcome (and those outcomes' own follow-ups: a change re-reads the bookmarks)."""
    wait_for(lambda: not window.ops.busy(), timeout)


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the window did not finish its work in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    QApplication.processEvents()


def export_and_wait(dialog: ExportDialog, path: Path, overwrite: bool = False) -> bool:
    """Export through the dialog's own API and wait for the outcome; True when written."""
    outcome: list[bool] = []
    dialog.exported.connect(lambda _path: outcome.append(True))
    dialog.export_failed.connect(lambda _message: outcome.append(False))
    dialog.export_to(path, overwrite=overwrite)
    wait_for(lambda: bool(outcome))
    return outcome[0]


def close_window(window: MainWindow) -> None:
    window.close()
    window.ops.wait()


def write_text_post(
    path: Path, number: int, vi_title: str, en_title: str, vi_body: str, en_body: str
) -> Path:
    """A small article in the blog-post text format of the bundled sample."""
    path.write_text(
        f"{number} - {vi_title}\n\nAn Author and Another Author\n\n{vi_body}\n\n"
        f"https://www.example.com/world/post-{number}\n\n***\n\n{en_title}\n\n{en_body}\n",
        encoding="utf-8",
    )
    return path
