"""Processes that hold the archive's or the index's write lock, to test waiting for them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

_HOLD_INDEX_WRITER = textwrap.dedent("""
    import sys, time
    from whoosh import index
    writer = index.open_dir(sys.argv[1]).writer()
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    writer.cancel()
""")

_HOLD_DATABASE_WRITER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
""")


def _holder(script: str, target: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(target), str(seconds)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "locked\n"
    return process


def hold_index_writer(index_dir: Path, seconds: float = 120) -> subprocess.Popen[str]:
    """A process holding the Whoosh writer lock of `index_dir` for `seconds` (or until killed)."""
    return _holder(_HOLD_INDEX_WRITER, index_dir, seconds)


def hold_database_writer(db_path: Path, seconds: float) -> subprocess.Popen[str]:
    """A process holding SQLite's write lock on `db_path` for `seconds`, then committing."""
    return _holder(_HOLD_DATABASE_WRITER, db_path, seconds)
