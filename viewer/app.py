"""`songngu`: the desktop viewer's entry point.

    songngu [--data-dir DIR]     open the archive (the bundled article on first launch)
    songngu --version            print "songngu X.Y.Z"
    songngu --self-test          check this build end to end (no display needed)

Errors a person can act on (bad options, a data dir that cannot be opened) are one line on
stderr and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import sys
from collections.abc import Sequence
from typing import NoReturn

from archive import __version__
from archive.errors import SongNguError
from archive.paths import resolve_data_dir

PROG = "songngu"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One human line instead of argparse's usage block.
        self.exit(2, f"{PROG}: {message} (try '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Song Ngữ — offline bilingual article archive.")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="archive folder (default: $SONGNGU_DATA_DIR or the user data dir)",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this build works, without a window, and exit",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # indexing workers in a frozen Windows/macOS build
    args, qt_args = build_parser().parse_known_args(argv)
    unknown = [a for a in qt_args if a.startswith("--")]
    if unknown:
        print(f"{PROG}: unknown option {unknown[0]} (try '{PROG} --help')", file=sys.stderr)
        return 2
    if args.version:
        print(f"{PROG} {__version__}")
        return 0
    if args.self_test:
        return _self_test()
    return _run_gui(args.data_dir, qt_args)


def _self_test() -> int:
    try:
        selftest = importlib.import_module("viewer.gui.selftest")
    except ImportError:
        print(f"{PROG}: the self-test is not part of this build", file=sys.stderr)
        return 2
    return int(selftest.run_self_test())


def _run_gui(data_dir: str | None, qt_args: list[str]) -> int:
    # Qt is imported only here so --version and errors stay instant and display-free.
    from PySide6.QtWidgets import QApplication

    from viewer.gui import error_log
    from viewer.gui import settings as S
    from viewer.gui.i18n import Translations, resolve_language
    from viewer.gui.main_window import create_main_window
    from viewer.gui.single_instance import bring_to_front, claim
    from viewer.library import Library

    app = QApplication.instance() or QApplication([PROG, *qt_args])
    app.setOrganizationName(S.ORGANIZATION)
    app.setApplicationName(S.APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("songngu")
    settings = S.Settings()
    translations = Translations(app)
    translations.apply(resolve_language(settings.get(S.UI_LANGUAGE)))
    directory = resolve_data_dir(data_dir)
    instance = claim(directory, app)  # one writer per archive
    if instance is None:
        print(f"{PROG}: already open for {directory}; that window was brought to the front")
        return 0
    try:
        library = Library.open(data_dir)
    except SongNguError as exc:
        instance.close()
        print(f"{PROG}: cannot open the archive: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        instance.close()
        print(f"{PROG}: cannot open the archive: {exc.strerror or exc}", file=sys.stderr)
        return 2
    window = create_main_window(library, settings, translations)
    # A bug in a slot: one line in the status bar, the traceback in songngu.log.
    error_log.catch_unhandled(window.show_failure)
    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.show()
    try:
        return app.exec()
    finally:
        instance.close()
        library.close()


if __name__ == "__main__":
    sys.exit(main())
