"""The layering rules of docs/ARCHITECTURE.md, checked on the source itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("archive", "index", "viewer")
# package -> top-level modules it must never import
FORBIDDEN = {
    "archive": {"PySide6", "shiboken6", "whoosh", "index", "viewer"},
    "index": {"PySide6", "shiboken6", "viewer"},
}
# viewer modules that form the command line and must run without Qt
QT_FREE_VIEWER = ["cli", "library.py", "desktop_integration.py", "concordance.py"]


def imported_roots(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(path)}


def imported_modules(path: Path) -> set[str]:
    """Every absolute module name `path` imports (`from a.b import c` gives a.b and a.b.c)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in (REPO / package).rglob("*.py")}


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports, at any depth in the file (lazy imports too)."""
    modules = project_modules()
    return {
        name: imported_modules(path) & modules.keys() - {name} for name, path in modules.items()
    }


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_do_not_import_upper_ones(package: str) -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(imported_roots(path) & FORBIDDEN[package])
        for path in (REPO / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_command_line_modules_do_not_import_qt() -> None:
    for name in QT_FREE_VIEWER:
        target = REPO / "viewer" / name
        for path in target.rglob("*.py") if target.is_dir() else [target]:
            assert not imported_roots(path) & {"PySide6", "shiboken6"}, path


def test_gui_reaches_search_only_through_the_library() -> None:
    offenders = {
        module_name(path): sorted(m for m in imported_modules(path) if m.startswith("index"))
        for path in (REPO / "viewer" / "gui").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_import_cycles() -> None:
    graph = import_graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            # importing a package runs its __init__, not its submodules: a package that
            # imports its own submodule is not a cycle with it
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_cli_runs_without_loading_qt() -> None:
    code = "import sys, viewer.cli; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0
