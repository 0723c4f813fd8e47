"""Two processes at once: searches keep answering during an import; locks are waited for,
within bounds, and then told in one line."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

import archive.storage.database
import index.search_index
from archive.errors import StoreError
from archive.importers import read_articles
from archive.paths import database_path, index_path
from archive.storage.store import ArchiveStore
from tests.conftest import REPO
from tests.reliability.corpus import cli_command, write_articles
from tests.reliability.lock_holders import hold_database_writer, hold_index_writer
from viewer.cli import main
from viewer.library import Library

SHORT_LOCK_TIMEOUT = 1.0


@pytest.fixture(scope="module")
def indexed_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("concurrent")
    library = Library.open(root / "data")
    library.import_paths([f.path for f in write_articles(root / "v0", 3, paragraphs=4)])
    library.ensure_index()
    library.close()
    return root / "data"


@pytest.fixture
def data_dir(indexed_archive: Path, tmp_path: Path) -> Path:
    shutil.copytree(indexed_archive, tmp_path / "data")
    return tmp_path / "data"


def test_searches_keep_answering_while_another_process_imports(
    data_dir: Path, tmp_path: Path
) -> None:
    updates = write_articles(tmp_path / "v1", 3, version=1, paragraphs=4)
    others = write_articles(tmp_path / "new", 2, first=9500, paragraphs=4)
    importer = subprocess.Popen(
        cli_command(data_dir, "import", *[str(f.path) for f in updates + others]),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    library = Library.open(data_dir)
    searches = 0
    try:
        while importer.poll() is None:
            assert library.search("NATO").hits  # never an error, never empty mid-write
            assert library.summaries()
            library.index.open()  # a fresh searcher: see each commit as it lands
            searches += 1
        _, errors = importer.communicate(timeout=60)
        assert importer.returncode == 0, errors
        assert library.ensure_index() is False  # the importer kept the index up to date
        assert len(library.summaries()) == 6
    finally:
        library.close()
    assert searches >= 3


def test_reindex_waits_for_the_index_lock_then_says_busy(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(index.search_index, "WRITE_LOCK_TIMEOUT", SHORT_LOCK_TIMEOUT)
    holder = hold_index_writer(index_path(data_dir))
    try:
        started = time.monotonic()
        code = main(["--data-dir", str(data_dir), "reindex"])
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    errors = capsys.readouterr().err.splitlines()
    assert code == 2
    assert errors[-1].startswith("error: The search index is busy"), errors
    assert SHORT_LOCK_TIMEOUT <= waited < SHORT_LOCK_TIMEOUT + 5


def test_import_while_the_index_is_locked_keeps_the_article_and_repairs_later(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(index.search_index, "WRITE_LOCK_TIMEOUT", SHORT_LOCK_TIMEOUT)
    new = write_articles(tmp_path / "new", 1, first=9700, paragraphs=4)[0]
    holder = hold_index_writer(index_path(data_dir))
    library = Library.open(data_dir)
    try:
        (outcome,) = library.import_paths([new.path])
        assert outcome.status == "imported", outcome.error
        assert library.check().ok is False  # the archive has it, the index not yet
    finally:
        holder.kill()
        holder.wait()
    try:
        assert library.ensure_index() is True
        assert library.check().ok
        assert {h.article_id for h in library.search("Bài số 9700").hits} == set(
            outcome.article_ids
        )
    finally:
        library.close()


def test_store_write_waits_for_another_process_holding_the_database(
    data_dir: Path, tmp_path: Path
) -> None:
    (article,) = read_articles(write_articles(tmp_path / "new", 1, first=9800)[0].path)
    holder = hold_database_writer(database_path(data_dir), seconds=1.0)
    with ArchiveStore(database_path(data_dir)) as store:
        started = time.monotonic()
        ((_, created),) = store.save_articles([article])  # waits, no "database is locked"
        assert created and time.monotonic() - started >= 0.5
    assert holder.wait(timeout=10) == 0


def test_store_write_gives_up_after_the_busy_timeout_in_one_line(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive.storage.database, "BUSY_TIMEOUT_MS", 300)
    (article,) = read_articles(write_articles(tmp_path / "new", 1, first=9900)[0].path)
    db = database_path(data_dir)
    with ArchiveStore(db) as store:
        holder = hold_database_writer(db, seconds=3.0)
        try:
            started = time.monotonic()
            with pytest.raises(StoreError) as raised:
                store.save_articles([article])
            assert time.monotonic() - started < 2.5
        finally:
            holder.kill()
            holder.wait()
        assert store.count() == 4
    message = str(raised.value)
    assert "\n" not in message and str(db) in message and "locked" in message
