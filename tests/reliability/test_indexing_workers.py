"""A killed rebuild leaves no indexing workers behind (they would hold memory for ever)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.conftest import REPO

_STALLED_REBUILD = textwrap.dedent("""
    import pathlib, sys, time
    from index import search_index
    from tests.index.conftest import make_article
    search_index.PARALLEL_MIN_ARTICLES = 2

    def articles():
        for i in range(1, 40):
            yield make_article(i, vi=[f"bài số {i}"])
        print("fed", flush=True)
        time.sleep(600)  # the parent stalls here, with both workers started

    search_index.SearchIndex(pathlib.Path(sys.argv[1])).rebuild(articles(), total=100)
""")


def _workers_of(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent (now init) has to reap it


def test_workers_exit_when_the_rebuilding_process_is_killed(tmp_path: Path) -> None:
    rebuild = subprocess.Popen(
        [sys.executable, "-c", _STALLED_REBUILD, str(tmp_path / "index")],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert rebuild.stdout is not None and rebuild.stdout.readline() == "fed\n"
        workers = _workers_of(rebuild.pid)
        assert len(workers) == 2
    finally:
        rebuild.send_signal(signal.SIGKILL)
        rebuild.wait()
    deadline = time.monotonic() + 30
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(_running, workers))
