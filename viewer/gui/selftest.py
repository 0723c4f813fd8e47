"""`songngu --self-test`: prove that this build works end to end, with no display and no network.

In a temporary data dir it imports the bundled sample, builds the index, runs a Vietnamese and
an English search and checks the hits are real, renders the main window offscreen and checks
the picture is not blank. It prints one line per step and returns 0, or stops at the first
failing step, names it with a one-line reason and returns 1. Every build (wheel, pipx, the
PyInstaller bundle) runs it to show that its code, data files and Qt plugins all made it in.

Main thread only (it creates or uses the QApplication).
"""

from __future__ import annotations

import os
import platform
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QThreadPool,
    QTimer,
    QtMsgType,
    QTranslator,
    qFormatLogMessage,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget

from archive import __version__
from archive.errors import SongNguError
from archive.sample import sample_path
from viewer.desktop_integration import png_icon_path, svg_icon_path
from viewer.gui.main_window import create_main_window
from viewer.gui.settings import Settings
from viewer.library import Library

VI_QUERY, VI_MARKED_WORDS = "chien tranh", ("chiến", "tranh")
EN_QUERY, EN_MARKED_WORDS = "cease-fire", ("cease", "fire")
WINDOW_SIZE = (1100, 720)
# A blank or failed render has one or two colours; any real widget tree has far more.
MIN_DISTINCT_COLOURS = 16
# The offscreen platform says this for every window it shows; it is about the platform, not the
# build, so the self-test's report would only be noise with it.
OFFSCREEN_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})
SETTLE_MS = 300
_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


class SelfTestFailure(Exception):
    """A step found the build broken; the message is the one-line reason."""


@dataclass
class _Run:
    """What the steps share: the temp dir, the open library, and the Qt objects to clean up."""

    work_dir: Path
    library: Library | None = None
    window: QWidget | None = None
    title: str = ""  # of the sample article, which the window must show


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step, print the report to `out`, return the process exit code.

    `out` defaults to stdout; a Windows GUI build has none, so there the report goes to
    songngu-self-test.txt in the temp folder (packaging/build.ps1 shows it).
    """
    if out is None and sys.stdout is None:
        with open(fallback_report_path(), "w", encoding="utf-8") as report:
            return run_self_test(report)
    out = out or sys.stdout
    app = _ensure_application()
    started = time.perf_counter()
    _print(
        out,
        f"Song Ngữ {__version__} self-test: Python {platform.python_version()}, "
        f"{_qt_description(app)}, {platform.system()} {platform.machine()}",
    )
    with (
        tempfile.TemporaryDirectory(prefix="songngu-selftest-", ignore_cleanup_errors=True) as tmp,
        quiet_offscreen_noise(),
    ):
        run = _Run(Path(tmp))
        try:
            failed = _run_steps(run, out)
        finally:
            _clean_up(run)
    if failed:
        _print(out, f"self-test FAILED at {failed}")
        return 1
    _print(out, f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0


def _run_steps(run: _Run, out: TextIO) -> str | None:
    """Run the steps in order; return the name of the first that failed, or None."""
    for name, step in _STEPS:
        step_started = time.perf_counter()
        try:
            detail = step(run)
        except SelfTestFailure as failure:
            _print(out, f"  FAIL  {name:<10} {failure}")
            return name
        except (SongNguError, OSError, ImportError, RuntimeError, ValueError) as error:
            _print(out, f"  FAIL  {name:<10} {type(error).__name__}: {error}")
            return name
        seconds = time.perf_counter() - step_started
        _print(out, f"  ok    {name:<10} {detail} ({seconds:.2f} s)")
    return None


# -- steps -------------------------------------------------------------------------------


def _check_resources(run: _Run) -> str:
    """The data files a bundle most easily loses: the sample, the icons, the translations."""
    for path in (sample_path(), svg_icon_path(), png_icon_path(256)):
        if not path.is_file():
            raise SelfTestFailure(f"a bundled file is missing: {path}")
    translations = sorted(translations_dir().glob("*.qm"))
    if not translations:
        raise SelfTestFailure(f"no compiled translations (*.qm) in {translations_dir()}")
    for path in translations:
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            raise SelfTestFailure(f"a translation file is unreadable or empty: {path.name}")
    names = ", ".join(path.stem for path in translations)
    return f"sample, icons, translations ({names})"


def _open_library(run: _Run) -> str:
    run.library = library = Library.open(run.work_dir / "data")
    summaries = library.summaries()
    if not summaries:
        raise SelfTestFailure("the bundled sample was not imported into a new archive")
    run.title = summaries[0].title.get("vi") or summaries[0].title.get("en") or ""
    return f"{len(summaries)} article(s): {run.title}"


def _build_index(run: _Run) -> str:
    run.library.ensure_index()
    if not run.library.index_ready():
        raise SelfTestFailure("the search index is still not ready after a rebuild")
    report = run.library.check()
    if not report.ok:
        raise SelfTestFailure(f"archive and index disagree: {report.problems[0]}")
    return f"{report.indexed} article(s) indexed, check ok"


def _search_vietnamese(run: _Run) -> str:
    return _search_marks(run.library, VI_QUERY, "vi", VI_MARKED_WORDS)


def _search_english(run: _Run) -> str:
    return _search_marks(run.library, EN_QUERY, "en", EN_MARKED_WORDS)


def _search_marks(library: Library, query: str, lang: str, words: tuple[str, ...]) -> str:
    """The query finds hits in `lang` and some snippet highlights every one of `words`."""
    results = library.search(query, lang=lang, limit=20)
    hits = [hit for hit in results.hits if hit.lang == lang]
    if not hits:
        raise SelfTestFailure(f'"{query}" found no {lang} hits in the sample')
    for hit in hits:
        marked = " ".join(_MARK.findall(hit.snippet)).casefold()
        if all(word in marked for word in words):
            return f'"{query}": {results.total} hit(s), marks "{_first_mark(hit.snippet)}"'
    raise SelfTestFailure(f'"{query}": no {lang} snippet highlights {" and ".join(words)}')


def _render_window(run: _Run) -> str:
    # Settings in the temp dir: closing the window saves its geometry, not into the user's.
    settings = Settings(QSettings(str(run.work_dir / "settings.ini"), QSettings.Format.IniFormat))
    run.window = window = create_main_window(run.library, settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle(QApplication.instance(), SETTLE_MS)
    image = window.grab().toImage()
    path = run.work_dir / "main-window.png"
    if image.isNull() or not image.save(str(path)):
        raise SelfTestFailure("the main window could not be rendered to an image")
    colours = distinct_colours(image)
    if colours < MIN_DISTINCT_COLOURS:
        raise SelfTestFailure(f"the main window rendered blank ({colours} colour(s))")
    shown = [view.toPlainText() for view in window.findChildren(QTextEdit)]
    if not any(run.title in text for text in shown):
        raise SelfTestFailure(f'the main window does not show the sample article "{run.title}"')
    return f"main window {image.width()}×{image.height()}, {colours} colours, sample shown"


_STEPS: list[tuple[str, Callable[[_Run], str]]] = [
    ("resources", _check_resources),
    ("library", _open_library),
    ("index", _build_index),
    ("search vi", _search_vietnamese),
    ("search en", _search_english),
    ("window", _render_window),
]


# -- helpers -----------------------------------------------------------------------------


def fallback_report_path() -> Path:
    """Where the report goes when the process has no stdout (a windowed Windows build)."""
    return Path(tempfile.gettempdir()) / "songngu-self-test.txt"


def translations_dir() -> Path:
    """Where the compiled Qt translations (*.qm) ship: viewer/i18n/."""
    return Path(__file__).resolve().parents[1] / "i18n"


def distinct_colours(image: QImage, grid: int = 96) -> int:
    """How many different colours a grid×grid sample of `image` holds (fast, no numpy)."""
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return 0
    seen = {
        image.pixel(x * (width - 1) // (grid - 1), y * (height - 1) // (grid - 1))
        for x in range(grid)
        for y in range(grid)
    }
    return len(seen)


def _ensure_application() -> QApplication:
    """The running QApplication, or a new one on the offscreen platform (no display needed)."""
    app = QApplication.instance()
    if app is None:
        # Forced, not defaulted: the self-test must behave the same on a desktop and a CI box.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([sys.argv[0] if sys.argv else "songngu"])
    return app


@contextmanager
def quiet_offscreen_noise() -> Iterator[None]:
    """Drop Qt's OFFSCREEN_NOISE messages while the block runs; every other Qt message still
    goes where it went before (the previous handler, else stderr as Qt formats it)."""
    previous: Callable[[QtMsgType, QMessageLogContext, str], None] | None = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _qt_description(app: QApplication) -> str:
    return f"PySide6 {pyside_version} (Qt {qVersion()}, {app.platformName()})"


def _settle(app: QApplication, milliseconds: int) -> None:
    """Let queued paints and deferred loads run, without QtTest (not in the bundle)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def _first_mark(snippet: str) -> str:
    match = _MARK.search(snippet)
    return match.group(1) if match else ""


def _clean_up(run: _Run) -> None:
    """Close the window and the library so the temp dir can go (Windows locks open files)."""
    if run.window is not None:
        run.window.close()
        run.window.deleteLater()
        QApplication.instance().processEvents()
    QThreadPool.globalInstance().waitForDone(5000)
    if run.library is not None:
        run.library.close()


def _print(out: TextIO, line: str) -> None:
    print(line, file=out, flush=True)


if __name__ == "__main__":
    raise SystemExit(run_self_test())
