"""Render the app icon SVG into the PNG sizes desktops want, plus .ico and .icns.

Run from the repository root after editing viewer/icons/songngu.svg:

    .venv/bin/python packaging/render_icons.py

The PNGs go next to the SVG (viewer/icons/songngu-<size>.png, shipped in the wheel);
the Windows .ico and macOS .icns go to packaging/icons/ (used only by bundle builds).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from viewer.desktop_integration import (  # noqa: E402
    ICON_SIZES,
    icon_dir,
    png_icon_path,
    svg_icon_path,
)

BUNDLE_ICON_DIR = REPO / "packaging" / "icons"
# Below this size the full drawing blurs; a simplified SVG (bigger pages, no text lines) is used.
SMALL_ICON_LIMIT = 24
# Windows picks the best of several sizes in one .ico (256 is the largest it uses); macOS
# does the same with .icns. Both containers hold the PNGs as they are (Vista+, OS X 10.7+).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render_png(svg_path: Path, size: int):
    """The SVG drawn into a transparent size×size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon SVG: {svg_path}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def ico_container(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (ICONDIR header, then ICONDIRENTRY each)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = size % 256  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_container(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: big-endian length-prefixed chunks, one PNG per known type code."""
    chunks = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
        for size, data in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def save(image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"cannot write {path}")
    print(f"wrote {path.relative_to(REPO)}")


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(REPO)}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    icon_dir().mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        svg = icon_dir() / "songngu-small.svg" if size <= SMALL_ICON_LIMIT else svg_icon_path()
        save(render_png(svg, size), png_icon_path(size))
    pngs = {size: png_icon_path(size).read_bytes() for size in ICON_SIZES}
    write_bytes(BUNDLE_ICON_DIR / "songngu.ico", ico_container({s: pngs[s] for s in ICO_SIZES}))
    write_bytes(BUNDLE_ICON_DIR / "songngu.icns", icns_container({s: pngs[s] for s in ICNS_TYPES}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
