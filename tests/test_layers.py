"""The layering rules of docs/ARCHITECTURE.md, checked on the source itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

# package -> top-level modules it must never import
FORBIDDEN = {
    "archive": {"PySide6", "shiboken6", "whoosh", "index", "viewer"},
    "index": {"PySide6", "shiboken6", "viewer"},
}
# viewer modules that form the command line and must run without Qt
QT_FREE_VIEWER = ["cli.py", "cli_format.py", "library.py", "desktop_integration.py"]


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_do_not_import_upper_ones(package: str) -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(imported_roots(path) & FORBIDDEN[package])
        for path in (REPO / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_command_line_modules_do_not_import_qt() -> None:
    for name in QT_FREE_VIEWER:
        roots = imported_roots(REPO / "viewer" / name)
        assert not roots & {"PySide6", "shiboken6"}, name


def test_cli_runs_without_loading_qt() -> None:
    code = "import sys, viewer.cli; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0
