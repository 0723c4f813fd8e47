"""install_desktop puts a working menu entry and icons into the XDG data dir, and takes them out."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from viewer import desktop_integration as di

REPO = Path(__file__).resolve().parents[3]
PACKAGED_ENTRY = REPO / "packaging" / "linux" / f"{di.APP_ID}.desktop"


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def unquote_exec(value: str) -> list[str]:
    """Parse an Exec= value as a launcher does: string unescape, then the spec's quoting."""
    text = value.replace("\\\\", "\\")
    arguments, current, in_quotes, i = [], "", False, 0
    while i < len(text):
        ch = text[i]
        if in_quotes and ch == "\\" and text[i + 1] in '"`$\\':
            current, i = current + text[i + 1], i + 2
            continue
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == " " and not in_quotes:
            arguments.append(current)
            current = ""
        else:
            current += ch
        i += 1
    return [arg.replace("%%", "%") for arg in arguments + [current] if arg]


def test_install_writes_entry_and_every_icon_size(tmp_path: Path) -> None:
    written = di.install_desktop(home=tmp_path, command=["/opt/song ngu/bin/songngu"])

    entry_path = tmp_path / "applications" / f"{di.APP_ID}.desktop"
    assert entry_path in written
    entry = read_entry(entry_path)
    assert entry["Name"] == "Song Ngữ"
    assert entry["Icon"] == di.APP_ID
    assert unquote_exec(entry["Exec"]) == ["/opt/song ngu/bin/songngu"]
    hicolor = tmp_path / "icons" / "hicolor"
    for size in di.ICON_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{di.APP_ID}.png"
        assert png in written
        assert png.read_bytes() == di.png_icon_path(size).read_bytes()
    svg = hicolor / "scalable" / "apps" / f"{di.APP_ID}.svg"
    assert svg.read_bytes().startswith(b"<?xml")


def test_uninstall_removes_only_what_install_wrote(tmp_path: Path) -> None:
    neighbour = tmp_path / "applications" / "other-app.desktop"
    neighbour.parent.mkdir(parents=True)
    neighbour.write_text("[Desktop Entry]\n", encoding="utf-8")
    written = di.install_desktop(home=tmp_path, command=["songngu"])

    removed = di.install_desktop(uninstall=True, home=tmp_path)

    assert sorted(removed) == sorted(written)
    assert not any(path.exists() for path in written)
    assert neighbour.exists()
    assert di.install_desktop(uninstall=True, home=tmp_path) == []


def test_default_home_follows_xdg_data_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    written = di.install_desktop(command=["songngu"])
    assert all(path.is_relative_to(tmp_path / "xdg") for path in written)


def test_relative_xdg_data_home_is_ignored(tmp_path: Path, monkeypatch) -> None:
    # The XDG spec says a relative value is invalid and must be ignored.
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert di.data_home() == tmp_path / ".local" / "share"


def test_launch_command_prefers_installed_script(tmp_path: Path, monkeypatch) -> None:
    script = tmp_path / "bin" / "songngu"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(di.sysconfig, "get_path", lambda name: str(script.parent))
    assert di.launch_command() == [str(script)]


def test_launch_command_in_a_bundle_starts_the_gui_beside_the_cli(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(di.sys, "frozen", True, raising=False)
    monkeypatch.setattr(di.sys, "executable", str(tmp_path / "songngu-cli"))
    assert di.launch_command() == [str(tmp_path.resolve() / "songngu")]


def test_launch_command_falls_back_to_python_module(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(di.sysconfig, "get_path", lambda name: str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    command = di.launch_command()
    assert command[1:] == ["-m", "viewer.app"]
    assert Path(command[0]).name.startswith("python")


@pytest.mark.parametrize(
    "argument",
    ["plain", "with space", 'quote"d', "back\\slash", "dollar$HOME", "per%cent", "tick`s"],
)
def test_exec_quoting_round_trips(argument: str) -> None:
    assert unquote_exec(di.quote_exec_argument(argument)) == [argument]


def test_packaged_entry_matches_generated_one() -> None:
    # packaging/linux holds the entry used by the tarball/AppImage; it must not drift.
    assert PACKAGED_ENTRY.read_text(encoding="utf-8") == di.desktop_entry(["songngu"])


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_generated_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    path = tmp_path / f"{di.APP_ID}.desktop"
    path.write_text(di.desktop_entry(["/opt/song ngu/songngu"]), encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_refuses_on_windows_with_one_line(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(di.sys, "platform", "win32")
    with pytest.raises(di.SongNguError, match="installer"):
        di.install_desktop(home=tmp_path)
