"""Render the main window offscreen into docs/screenshots/*.png (for the README and for review).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out DIR] [--all]

Besides the large window's tour, a laptop-sized window (1024×700) side by side and stacked,
in the light and dark themes; `--all` also renders every theme × interface language × reading
layout at 1024×700, 1024×600, 1366×768 and 1920×1080 into DIR/review/ (to look at, not to
commit).

Works in a temporary data dir with the bundled sample, and temporary settings, so the user's
archive and preferences are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt, QThreadPool  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.gui.i18n import Translations  # noqa: E402
from viewer.gui.main_window import MainWindow, create_main_window  # noqa: E402
from viewer.gui.settings import Settings  # noqa: E402
from viewer.library import Library  # noqa: E402

SIZE = (1440, 900)
LAPTOP = (1024, 700)
REVIEW_SIZES = ((1024, 600), (1024, 700), (1366, 768), (1920, 1080))


def settle(app: QApplication) -> None:
    """Let workers (the shared pool and each window's ordered lane) finish and every queued
    signal and repaint run."""
    for _ in range(8):
        QThreadPool.globalInstance().waitForDone(30000)
        for window in app.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.ops.wait()
        app.processEvents()


def save(window: MainWindow, app: QApplication, path: Path) -> None:
    settle(app)
    if not window.grab().save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")
    print(path)


def search(window: MainWindow, app: QApplication, query: str, pick: int = 0) -> None:
    window.search_panel.field.setText(query)
    window.search_panel.run_query()
    settle(app)
    group = window.search_panel.tree.topLevelItem(0)
    if group is not None and group.childCount() > pick:
        item = group.child(pick)
        window.search_panel.tree.setCurrentItem(item)
        window.search_panel.tree.itemActivated.emit(item, 0)


def hover_passage(window: MainWindow, lang: str, index: int) -> None:
    """Scroll a passage near the top and put the mouse on it (its pair is tinted)."""
    view = window.reader.view
    block = window.alignment.layout().blocks[(lang, index)]
    top = view.document().documentLayout().blockBoundingRect(block).top()
    view.verticalScrollBar().setValue(int(top) - 120)
    point = QPointF(QPoint(80, 140))
    viewport = view.viewport()
    QApplication.sendEvent(
        viewport,
        QMouseEvent(
            QEvent.Type.MouseMove,
            point,
            viewport.mapToGlobal(point),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )


def bookmark_some(window: MainWindow, app: QApplication) -> None:
    """Three bookmarks (a selection, a passage, an English quote), one opened at its text."""
    article, library = window.article, window.library
    create = window.bookmarks.controller.create
    vi = article.passages["vi"]
    create(
        lambda: library.bookmark_passage(
            article.id,
            "vi",
            2,
            0,
            vi[2].text.index(".") + 1,
            "Luận điểm mở đầu",
            ["an ninh", "Nga"],
        )
    )
    create(
        lambda: library.bookmark_passage(
            article.id, "vi", 8, note="Trích cho bài giảng", tags=["NATO"]
        )
    )
    create(lambda: library.bookmark_quote(article.id, "en", "deterrence", tags=["NATO"]))
    settle(app)
    window.show_bookmarks()
    panel = window.bookmarks.panel
    panel.list.setCurrentRow(panel.list.count() - 1)  # the oldest: the selection
    panel.open_requested.emit(panel.current())
    settle(app)


def open_window(work: Path, name: str, translations: Translations) -> tuple[MainWindow, Library]:
    """A window over the sample archive in `work`, with settings of its own."""
    library = Library.open(work / "data")
    settings = Settings(QSettings(str(work / f"{name}.ini"), QSettings.Format.IniFormat))
    window = create_main_window(library, settings, translations)
    return window, library


def laptop_shot(
    window: MainWindow,
    app: QApplication,
    path: Path,
    size: tuple[int, int],
    theme: str,
    language: str,
    panels: tuple[bool, bool],
) -> None:
    """The window at `size`, side by side (stacked when the reader is too narrow for two
    columns), with a search lit and the pair under the mouse tinted."""
    window.set_theme(theme)
    window.set_ui_language(language)
    window.panels.set_shown(*panels)
    window.resize(*size)
    settle(app)
    window.set_mode("side")
    search(window, app, "chien tranh" if language == "en" else "an ninh châu Âu", pick=1)
    settle(app)
    # Stacked: a heading pair, so the English under its Vietnamese shows on the screen.
    hover_passage(window, "vi", 4 if window.reader.stacked else 8)
    save(window, app, path)


LAPTOP_SHOTS = (  # file name, theme, interface language, (library panel, search panel) shown
    ("laptop-side-by-side-light.png", "light", "en", (False, True)),
    ("laptop-side-by-side-dark.png", "dark", "vi", (False, True)),
    ("laptop-stacked-light.png", "light", "vi", (True, True)),
    ("laptop-stacked-dark.png", "dark", "en", (True, True)),
)


def render_laptop(out: Path, work: Path, translations: Translations, review: bool) -> None:
    app = QApplication.instance()
    window, library = open_window(work, "laptop", translations)
    window.show()
    for name, theme, language, panels in LAPTOP_SHOTS:
        laptop_shot(window, app, out / name, LAPTOP, theme, language, panels)
    if review:
        (out / "review").mkdir(exist_ok=True)
        for width, height in REVIEW_SIZES:
            for theme in ("light", "dark"):
                for language in ("en", "vi"):
                    for panels, layout in (((True, True), "panels"), ((False, False), "none")):
                        name = f"{width}x{height}-{theme}-{language}-{layout}.png"
                        laptop_shot(
                            window,
                            app,
                            out / "review" / name,
                            (width, height),
                            theme,
                            language,
                            panels,
                        )
    window.set_theme("system")
    window.set_ui_language("system")
    window.close()
    library.close()


def look_up_translation(window: MainWindow, app: QApplication, query: str) -> None:
    """The Translations tab showing how the archive rendered `query`."""
    window.workbench.show_panel()
    window.workbench.panel.look_up(query)
    settle(app)


def render_translations(out: Path, work: Path) -> None:
    """Only docs/screenshots/translations.png (the workbench's lookup panel)."""
    app = QApplication.instance() or QApplication(["songngu"])
    translations = Translations(app)
    translations.apply("en")
    window, library = open_window(work, "translations", translations)
    window.resize(*SIZE)
    window.show()
    settle(app)
    shoot_translations(window, app, out)
    window.close()
    library.close()


def shoot_translations(window: MainWindow, app: QApplication, out: Path) -> None:
    window.main_splitter.setSizes([260, 640, 540])
    look_up_translation(window, app, "deterrence")
    example = window.workbench.panel.renderings.item(0)
    window.workbench.panel.renderings.setCurrentItem(example)
    window.workbench.open_example(1, "en", 24)
    save(window, app, out / "translations.png")


def render_all(out: Path, work: Path, review: bool = False) -> None:
    app = QApplication.instance() or QApplication(["songngu"])
    translations = Translations(app)
    translations.apply("en")
    render_laptop(out, work, translations, review)
    window, library = open_window(work, "settings", translations)
    window.resize(*SIZE)
    window.show()
    save(window, app, out / "library-reader.png")
    search(window, app, "chien tranh", pick=1)
    save(window, app, out / "search-results.png")
    window.set_mode("side")
    hover_passage(window, "vi", 8)  # a 1–2 pair: one paragraph beside a pull quote and another
    save(window, app, out / "side-by-side.png")
    window.search_panel.set_parallel(True)
    search(window, app, "Kaliningrad")
    save(window, app, out / "concordance.png")
    window.search_panel.set_parallel(False)
    window.set_ui_language("vi")
    window.set_mode("vi")
    search(window, app, "an ninh châu Âu")
    save(window, app, out / "vietnamese-ui.png")
    window.set_ui_language("en")
    window.search_panel.clear()
    bookmark_some(window, app)
    save(window, app, out / "bookmarks.png")
    shoot_translations(window, app, out)
    window.set_ui_language("system")
    window.close()
    library.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument(
        "--all", action="store_true", help="also every theme, language and size, into OUT/review/"
    )
    parser.add_argument(
        "--only-translations", action="store_true", help="render only translations.png"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="songngu-shots-") as work:
        if args.only_translations:
            render_translations(args.out, Path(work))
        else:
            render_all(args.out, Path(work), args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
