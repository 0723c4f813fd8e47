"""The wheel carries everything the app needs, and its scripts work once installed.

The wheel is built from a copy of the source tree (setuptools writes build/ and *.egg-info
next to the sources, and other people work in this tree), then installed with --target into
a temp dir and run from there, away from the checkout.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from archive import __version__
from viewer.desktop_integration import ICON_SIZES

REPO = Path(__file__).resolve().parents[3]
PACKAGES = ("archive", "index", "viewer")
SOURCE_FILES = ("pyproject.toml", "README.md")


def copy_sources(destination: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")
    for package in PACKAGES:
        shutil.copytree(REPO / package, destination / package, ignore=ignore)
    for name in SOURCE_FILES:
        shutil.copy2(REPO / name, destination / name)
    return destination


def pip(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        pytest.fail(f"pip {args[0]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sources = copy_sources(tmp_path_factory.mktemp("src"))
    out = tmp_path_factory.mktemp("wheel")
    # Build isolation, as `pip install .` does: the backend comes from [build-system].
    pip(["wheel", "--no-deps", "--quiet", "-w", str(out), str(sources)])
    (built,) = out.glob("songngu-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def dist_info_text(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (path,) = [n for n in archive.namelist() if n.endswith(f".dist-info/{name}")]
        return archive.read(path).decode("utf-8")


def test_wheel_name_carries_the_single_source_version(wheel: Path) -> None:
    assert wheel.name.startswith(f"songngu-{__version__}-")
    assert f"\nVersion: {__version__}\n" in dist_info_text(wheel, "METADATA")


def test_wheel_ships_sample_translations_and_icons(wheel_names: set[str]) -> None:
    expected = {"archive/data/3342-europes-next-war.txt", "viewer/icons/songngu.svg"}
    expected |= {f"viewer/icons/songngu-{size}.png" for size in ICON_SIZES}
    expected |= {f"viewer/i18n/{qm.name}" for qm in (REPO / "viewer" / "i18n").glob("*.qm")}
    assert "viewer/i18n/songngu_vi.qm" in expected
    assert expected <= wheel_names, sorted(expected - wheel_names)


def test_wheel_ships_every_module_of_the_app(wheel_names: set[str]) -> None:
    # Catches a subpackage (viewer/gui, archive/importers...) missing from the setuptools list.
    modules = {
        path.relative_to(REPO).as_posix()
        for package in PACKAGES
        for path in (REPO / package).rglob("*.py")
    }
    assert modules <= wheel_names, sorted(modules - wheel_names)
    assert not any(name.startswith(("tests/", "packaging/", "bench/")) for name in wheel_names)


def test_wheel_declares_both_scripts(wheel: Path) -> None:
    entry_points = configparser.ConfigParser()
    entry_points.read_string(dist_info_text(wheel, "entry_points.txt"))
    assert entry_points["console_scripts"]["songngu-cli"] == "viewer.cli:main"
    # A gui script: no console window on Windows.
    assert entry_points["gui_scripts"]["songngu"] == "viewer.app:main"


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("installed")
    pip(["install", "--no-deps", "--quiet", "--target", str(target), str(wheel)])
    return target


def run_installed(installed: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    """Run an installed script with only the install dir (not the checkout) importable."""
    env = dict(os.environ, PYTHONPATH=str(installed), QT_QPA_PLATFORM="offscreen")
    env["SONGNGU_DATA_DIR"] = str(installed / "data")
    return subprocess.run(
        [str(installed / "bin" / script), *args],
        cwd=installed,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="pip --target scripts are POSIX here")
@pytest.mark.parametrize("script", ["songngu", "songngu-cli"])
def test_installed_scripts_print_the_version(installed: Path, script: str) -> None:
    result = run_installed(installed, script, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{script} {__version__}"


@pytest.mark.skipif(sys.platform == "win32", reason="pip --target scripts are POSIX here")
def test_installed_app_passes_its_self_test(installed: Path) -> None:
    result = run_installed(installed, "songngu", "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    # The data files were found inside the installed package, not in the checkout.
    assert str(REPO) not in result.stdout
    assert "self-test passed" in result.stdout


def test_installed_package_finds_its_icons_for_the_menu(installed: Path, tmp_path: Path) -> None:
    code = (
        "from viewer.desktop_integration import install_desktop\n"
        "print('\\n'.join(str(p) for p in install_desktop()))"
    )
    env = dict(os.environ, PYTHONPATH=str(installed), XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=installed, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert len(written) == 2 + len(ICON_SIZES)  # .desktop, SVG, one PNG per size
    assert all(path.is_file() and path.is_relative_to(tmp_path) for path in written)


def test_editable_install_is_quiet_and_points_at_the_sources(tmp_path: Path) -> None:
    # What `scripts/bootstrap.sh test` runs (pip install -q -e), into a temp dir: setuptools
    # must not warn, and the .pth must put the checkout itself on sys.path.
    sources = copy_sources(tmp_path / "src")
    target = tmp_path / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            "-e",
            str(sources),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Editable installation" not in result.stdout + result.stderr
    assert "BuildBackendWarning" not in result.stderr
    (pth,) = target.glob("__editable__*.pth")
    assert pth.read_text(encoding="utf-8").strip() == str(sources.resolve())
