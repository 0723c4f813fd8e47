"""Make an installed Song Ngữ show up in a Linux desktop's application menu.

`install_desktop()` writes the .desktop entry and the app icons into the user's XDG data dir
($XDG_DATA_HOME, else ~/.local/share); `install_desktop(uninstall=True)` removes exactly those
files. No Qt here: the CLI calls this and must not pull in the GUI.

The icon files shipped with the package live in viewer/icons/ (the SVG source plus PNGs
rendered from it by packaging/render_icons.py); the helpers below are the one place that
knows their names.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from archive.errors import SongNguError

APP_ID = "io.github.songngu.SongNgu"
APP_NAME = "Song Ngữ"
GUI_SCRIPT = "songngu"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_BASENAME = "songngu"

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = set('"`$\\')


def icon_dir() -> Path:
    """The folder of icon files shipped inside the package."""
    return Path(__file__).resolve().parent / "icons"


def svg_icon_path() -> Path:
    return icon_dir() / f"{ICON_BASENAME}.svg"


def png_icon_path(size: int) -> Path:
    return icon_dir() / f"{ICON_BASENAME}-{size}.png"


def data_home() -> Path:
    """$XDG_DATA_HOME when set to an absolute path (as the spec requires), else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def quote_exec_argument(argument: str) -> str:
    """One Exec= argument, quoted and escaped as the Desktop Entry spec asks.

    Inside quotes, `"`, backtick, `$` and backslash get a backslash; then the whole value is
    escaped once more as a desktop-file string (backslash doubled), and `%` is doubled because
    it introduces field codes.
    """
    argument = argument.replace("%", "%%")
    if argument and not (_EXEC_RESERVED & set(argument)):
        return argument
    quoted = "".join("\\" + ch if ch in _EXEC_ESCAPED_IN_QUOTES else ch for ch in argument)
    return '"' + quoted.replace("\\", "\\\\") + '"'


def launch_command() -> list[str]:
    """How the menu entry starts the app: the frozen bundle, the installed script, or python -m."""
    if getattr(sys, "frozen", False):
        # In the PyInstaller bundle this may be songngu-cli; the GUI sits beside it.
        return [str(Path(sys.executable).resolve().with_name(GUI_SCRIPT))]
    # The script sits beside the running interpreter in a venv/pipx env even when that
    # env's bin dir is not on PATH, so look there before searching PATH.
    script = shutil.which(GUI_SCRIPT, path=sysconfig.get_path("scripts")) or shutil.which(
        GUI_SCRIPT
    )
    if script:
        return [str(Path(script).resolve())]
    return [sys.executable, "-m", "viewer.app"]


def desktop_entry(command: list[str]) -> str:
    """The text of the .desktop file that launches `command`."""
    exec_line = " ".join(quote_exec_argument(part) for part in command)
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            f"Name={APP_NAME}",
            "GenericName=Bilingual Article Archive",
            "GenericName[vi]=Kho bài viết song ngữ",
            "Comment=Read and search Vietnamese–English articles offline",
            "Comment[vi]=Đọc và tìm bài viết Việt–Anh, không cần mạng",
            f"Exec={exec_line}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Education;Languages;",
            "Keywords=bilingual;translation;Vietnamese;English;archive;search;articles;",
            "Keywords[vi]=song ngữ;dịch;tiếng Việt;tiếng Anh;bài viết;tìm kiếm;lưu trữ;",
            "StartupNotify=true",
            "",
        ]
    )


def installed_files(home: Path) -> dict[Path, Path | None]:
    """Every file install_desktop writes under `home`, mapped to its packaged source.

    The .desktop file maps to None: it is generated, not copied.
    """
    hicolor = home / "icons" / "hicolor"
    files: dict[Path, Path | None] = {home / "applications" / f"{APP_ID}.desktop": None}
    files[hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] = svg_icon_path()
    for size in ICON_SIZES:
        files[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png_icon_path(size)
    return files


def install_desktop(
    uninstall: bool = False,
    *,
    home: Path | None = None,
    command: list[str] | None = None,
) -> list[Path]:
    """Install (or remove) the menu entry and icons for the current user; return the paths.

    On install the list holds every file written; on uninstall, every file that existed and was
    removed (an empty list means there was nothing to remove). `home` and `command` default to
    the XDG data dir and `launch_command()`. Raises SongNguError off Linux/BSD desktops or when
    a file cannot be written.
    """
    if sys.platform in ("win32", "darwin"):
        raise SongNguError(
            "install-desktop is for Linux desktops; on Windows and macOS use the installer."
        )
    files = installed_files(home or data_home())
    try:
        if uninstall:
            changed = _remove_files(files)
        else:
            changed = _write_files(files, desktop_entry(command or launch_command()))
    except OSError as error:
        message = f"Cannot update the desktop menu: {error.strerror}: {error.filename}"
        raise SongNguError(message) from error
    _refresh_menu_cache(next(iter(files)).parent)
    return changed


def _write_files(files: dict[Path, Path | None], entry_text: str) -> list[Path]:
    missing = [str(source) for source in files.values() if source and not source.is_file()]
    if missing:
        raise SongNguError(f"The app icons are missing from this installation: {missing[0]}")
    for target, source in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(entry_text, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
    return list(files)


def _remove_files(files: dict[Path, Path | None]) -> list[Path]:
    removed = []
    for target in files:
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed


def _refresh_menu_cache(applications_dir: Path) -> None:
    """Best effort: most menus watch the folder anyway, so a missing tool is not an error."""
    tool = shutil.which("update-desktop-database")
    if tool and applications_dir.is_dir():
        subprocess.run([tool, "-q", str(applications_dir)], check=False, capture_output=True)
