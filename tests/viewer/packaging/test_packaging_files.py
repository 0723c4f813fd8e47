"""The static packaging files agree with the code: app id, version, icons, installer paths."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from archive import __version__
from viewer.desktop_integration import APP_ID, ICON_SIZES, png_icon_path, svg_icon_path

REPO = Path(__file__).resolve().parents[3]
PACKAGING = REPO / "packaging"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
INNO_SCRIPT = PACKAGING / "windows" / "songngu.iss"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])  # IHDR width, height


def container_sizes(path: Path, qapp) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for number in range(reader.imageCount()):
        reader.jumpToImage(number)
        sizes.append(reader.read().width())
    return sizes


def test_metainfo_names_the_app_and_its_current_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    releases = [release.get("version") for release in root.iter("release")]
    assert releases and releases[0] == __version__, "add a <release> for the new version"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream is not installed")
def test_metainfo_passes_appstream_validation() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_icon_png_has_its_size(qapp) -> None:
    assert svg_icon_path().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        assert png_size(png_icon_path(size)) == (size, size)


def test_windows_and_macos_icons_hold_several_sizes(qapp) -> None:
    assert container_sizes(PACKAGING / "icons" / "songngu.ico", qapp) == [
        16,
        24,
        32,
        48,
        64,
        128,
        256,
    ]
    assert container_sizes(PACKAGING / "icons" / "songngu.icns", qapp) == [
        16,
        32,
        64,
        128,
        256,
        512,
    ]


def test_inno_setup_script_is_utf8_with_bom_and_its_files_exist() -> None:
    raw = INNO_SCRIPT.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs a BOM to read 'Song Ngữ'"
    text = raw.decode("utf-8-sig")
    assert '#define AppName "Song Ngữ"' in text
    settings = dict(
        line.split("=", 1) for line in text.splitlines() if "=" in line and line[0] not in ";#"
    )
    icon = INNO_SCRIPT.parent / settings["SetupIconFile"].replace("\\", "/")
    assert icon.resolve() == (PACKAGING / "icons" / "songngu.ico").resolve()
    assert icon.is_file()
    # [Files] takes the PyInstaller output, which build.ps1 writes to dist\songngu.
    assert r'Source: "..\..\dist\songngu\*"' in text
    assert "{uninstallexe}" in text and "{group}" in text


def test_build_scripts_run_the_self_test() -> None:
    assert "--self-test" in (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert "--self-test" in (PACKAGING / "build.ps1").read_text(encoding="utf-8-sig")
    assert (PACKAGING / "build.sh").stat().st_mode & 0o111, "build.sh must be executable"
