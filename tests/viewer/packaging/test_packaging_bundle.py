"""packaging/build.sh builds the PyInstaller bundle, and the bundle passes its own self-test.

Slow (about a minute and a half on two cores): run with `pytest -m slow`. Needs PyInstaller.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive import __version__

REPO = Path(__file__).resolve().parents[3]
# The bundle holds Python, Qt Core/Gui/Widgets/Svg and ICU, and numpy with its OpenBLAS (41 MB,
# for the index writer); much more means unused Qt leaked in.
SIZE_BUDGET_MB = 250
UNUSED_QT = ("QtNetwork", "QtQml", "QtQuick", "QtPdf", "QtWebEngine", "QtMultimedia", "QtSql")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="Windows builds with packaging/build.ps1"),
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install pyinstaller)",
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Run build.sh into a temp dist dir; return the bundle folder and the script's output."""
    work = tmp_path_factory.mktemp("pyinstaller")
    env = dict(
        os.environ,
        PYTHON=sys.executable,
        DIST_DIR=str(work / "dist"),
        WORK_DIR=str(work / "build"),
    )
    env.pop("QT_QPA_PLATFORM", None)  # the bundle's self-test must force offscreen itself
    result = subprocess.run(
        ["bash", str(REPO / "packaging" / "build.sh")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return work / "dist" / "songngu", result.stdout


def test_build_script_runs_the_bundled_self_test(bundle: tuple[Path, str]) -> None:
    _, output = bundle
    assert "self-test passed" in output
    for step in ("resources", "library", "index", "search vi", "search en", "window"):
        assert f"ok    {step}" in output


def test_bundle_cli_prints_the_version(bundle: tuple[Path, str]) -> None:
    folder, _ = bundle
    result = subprocess.run(
        [str(folder / "songngu-cli"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == f"songngu-cli {__version__}"


def test_bundle_leaves_out_unused_qt(bundle: tuple[Path, str]) -> None:
    folder, _ = bundle
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    leaked = [p.name for p in files if any(module in p.name for module in UNUSED_QT)]
    assert leaked == []
    size_mb = sum(path.stat().st_size for path in files) / 1e6
    print(f"bundle size: {size_mb:.0f} MB")
    assert size_mb < SIZE_BUDGET_MB


def test_bundle_ships_data_files(bundle: tuple[Path, str]) -> None:
    internal = bundle[0] / "_internal"
    assert (internal / "archive" / "data" / "3342-europes-next-war.txt").is_file()
    assert (internal / "viewer" / "i18n" / "songngu_vi.qm").is_file()
    assert (internal / "viewer" / "icons" / "songngu-256.png").is_file()
