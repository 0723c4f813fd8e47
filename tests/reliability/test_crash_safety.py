"""SIGKILL at random moments of `songngu-cli import` and `reindex`: nothing is ever half done.

Each run starts the real CLI in its own process on a multi-article import (or a reindex) and
kills it after a random delay drawn from the measured length of an uninterrupted run. After
every kill: SQLite's integrity check passes; each article is whole — its passage counts match
one version of its source file — or absent; no article that was there before is gone; and the
next start finds an index that disagrees with the archive, rebuilds it, and `check` passes.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.reliability.archive_state import half_written, integrity, passage_counts
from tests.reliability.corpus import ArticleFile, cli_command, run_cli, write_articles
from viewer.cli import commands as cli
from viewer.library import Library

KILL_RUNS = 30
TIME_BUDGET_S = 150  # a guard: the runs stop early (and the test fails) rather than hang CI
FRESH_ARCHIVE_EVERY = 6  # runs; so kills also land while a new archive is being created
CLI_CHECK_EVERY = 5  # runs; the other runs verify the repair in-process (faster)
SEED = int(os.environ.get("SONGNGU_FAULT_SEED", "20240"))


def _timed_run(data_dir: Path, *args: str) -> float:
    started = time.perf_counter()
    result = run_cli(data_dir, *args)
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started


def _fresh_data_dir(data_dir: Path, with_sample: bool) -> tuple[Path, set[str]]:
    """An empty data dir, or one holding the bundled sample (imported as a user would: the
    command line never adds it on its own); without it each run is quicker."""
    data_dir.mkdir()
    if with_sample:
        imported = run_cli(data_dir, "import-sample")
        assert imported.returncode == 0, imported.stderr
    return data_dir, set()


def _kill_after(data_dir: Path, delay: float, *args: str) -> int:
    """Start the CLI, SIGKILL it after `delay` seconds; its return code (-9 when killed)."""
    process = subprocess.Popen(
        cli_command(data_dir, *args), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    return process.wait(timeout=30)


def _assert_whole(data_dir: Path, versions: list[list[ArticleFile]], before: set[str]) -> set[str]:
    if not (data_dir / "archive.sqlite3").exists():
        return before  # killed before the archive file was created
    assert integrity(data_dir) == "ok"
    assert half_written(data_dir, versions) == []
    present = set(passage_counts(data_dir))
    assert before <= present, f"articles lost: {sorted(before - present)}"
    return present


def _counts_if_any(data_dir: Path) -> dict[str, dict[str, int]]:
    return passage_counts(data_dir) if (data_dir / "archive.sqlite3").exists() else {}


def _assert_repaired(data_dir: Path, through_cli: bool) -> bool:
    """The next start repairs the index; True when the index had to be rebuilt."""
    if through_cli:
        stale = run_cli(data_dir, "check").returncode != 0
        searched = run_cli(data_dir, "search", "NATO")  # a search rebuilds what disagrees
        assert searched.returncode == 0, searched.stderr
        checked = run_cli(data_dir, "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        return stale
    library = Library.open(data_dir, with_sample=False)
    try:
        rebuilt = library.ensure_index()
        report = library.check()
        assert report.ok, report.problems
        assert bool(library.search("NATO").hits) == bool(library.store.count())
        return rebuilt
    finally:
        library.close()


@pytest.mark.slow
def test_sigkill_during_import_and_reindex_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    versions = [write_articles(tmp_path / f"v{v}", 4, v, paragraphs=3) for v in (0, 1)]
    paths = [[str(f.path) for f in files] for files in versions]
    calibration, _ = _fresh_data_dir(tmp_path / "calibration", with_sample=False)
    lengths = {
        "import": _timed_run(calibration, "import", *paths[0]),
        "reindex": _timed_run(calibration, "reindex"),
    }
    lengths["import"] = max(lengths["import"], _timed_run(calibration, "import", *paths[1]))

    tally: Counter[str] = Counter()
    deadline = time.monotonic() + TIME_BUDGET_S
    present: set[str] = set()
    for run in range(KILL_RUNS):
        assert time.monotonic() < deadline, f"only {run} runs in {TIME_BUDGET_S} s"
        if run % FRESH_ARCHIVE_EVERY == 0:
            data_dir, present = _fresh_data_dir(tmp_path / f"data{run}", with_sample=run == 0)
        command = rng.choice(["import", "import", "reindex"])
        args = [command, *paths[rng.randrange(2)]] if command == "import" else [command]
        before = _counts_if_any(data_dir)
        code = _kill_after(data_dir, rng.uniform(0.0, lengths[command] * 1.1), *args)
        killed = code == -signal.SIGKILL
        tally[f"{command} {'killed' if killed else 'finished'}"] += 1
        present = _assert_whole(data_dir, versions, present)
        tally["killed after changing the archive"] += killed and _counts_if_any(data_dir) != before
        rebuilt = _assert_repaired(data_dir, through_cli=run % CLI_CHECK_EVERY == 0)
        tally["index rebuilt on next start"] += rebuilt
    print(f"\nfault injection (seed {SEED}, lengths {lengths}): {dict(tally)}")
    assert tally["import killed"] + tally["reindex killed"] >= KILL_RUNS // 2


def test_bookmarks_survive_kills(tmp_path: Path) -> None:
    if "bookmarks" not in cli.COMMANDS:
        pytest.skip("songngu-cli has no 'bookmarks' command yet: bookmarks are not stored")
    files = write_articles(tmp_path / "articles", 3, 0, paragraphs=5)
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "import", *[str(f.path) for f in files]).returncode == 0
    added = run_cli(data_dir, "bookmarks", "add", "1", "--lang", "en", "--quote", "NATO")
    assert added.returncode == 0, added.stderr
    listed = run_cli(data_dir, "bookmarks", "list").stdout
    rng = random.Random(SEED)
    for _ in range(4):
        _kill_after(data_dir, rng.uniform(0.0, 2.0), "import", *[str(f.path) for f in files])
        assert integrity(data_dir) == "ok"
        assert run_cli(data_dir, "bookmarks", "list").stdout == listed
