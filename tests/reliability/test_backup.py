"""archive/backup.py: verified online backups, validated restores, a copy before migrations."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from archive.errors import StoreError
from archive.importers import read_articles
from archive.storage.backup import (
    backup_before_migration,
    backup_database,
    backups_dir,
    latest_backup,
    restore_database,
    schema_version,
)
from archive.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from archive.storage.store import ArchiveStore
from tests.reliability.corpus import write_articles


@pytest.fixture
def articles(tmp_path: Path) -> list:
    files = write_articles(tmp_path / "articles", 3, paragraphs=3)
    return [article for f in files for article in read_articles(f.path)]


@pytest.fixture
def db_path(tmp_path: Path, articles: list) -> Path:
    path = tmp_path / "data" / "archive.sqlite3"
    with ArchiveStore(path) as store:
        store.save_articles(articles[:2])
    return path


def _titles(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT title_vi FROM articles ORDER BY id")]


def _garble(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\xde\xad" * 1950  # the schema page: nothing can be read
    path.write_bytes(bytes(data))
    return bytes(data)


def test_backup_then_restore_brings_the_archive_back(
    db_path: Path, tmp_path: Path, articles: list
) -> None:
    saved = _titles(db_path)
    copy = backup_database(db_path, tmp_path / "copy.sqlite3")
    with ArchiveStore(db_path) as store:
        store.save_articles(articles[2:])
    assert len(_titles(db_path)) == 3
    kept = restore_database(copy, db_path)
    assert _titles(db_path) == saved
    assert kept is not None and kept.parent == backups_dir(db_path) and len(_titles(kept)) == 3


def test_backup_into_a_folder_is_dated_and_self_contained(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    copy = backup_database(db_path, folder)
    assert copy.parent == folder and copy.name.startswith(f"archive-schema{SCHEMA_VERSION}-")
    assert sorted(p.name for p in folder.iterdir()) == [copy.name]  # no -wal or partial file
    assert _titles(copy) == _titles(db_path)


def test_backup_sees_only_committed_data_while_a_write_is_open(
    db_path: Path, tmp_path: Path
) -> None:
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE articles SET title_vi = 'half done'")
    copy = backup_database(db_path, tmp_path / "copy.sqlite3")
    writer.execute("ROLLBACK")
    writer.close()
    assert "half done" not in _titles(copy)


def test_restore_while_the_store_is_open_is_seen_by_it(
    db_path: Path, tmp_path: Path, articles: list
) -> None:
    copy = backup_database(db_path, tmp_path / "copy.sqlite3")
    with ArchiveStore(db_path) as store:
        store.save_articles(articles[2:])
        assert store.count() == 3
        restore_database(copy, db_path)
        assert store.count() == 2


def test_a_damaged_backup_is_refused_and_the_archive_untouched(
    db_path: Path, tmp_path: Path
) -> None:
    copy = backup_database(db_path, tmp_path / "copy.sqlite3")
    _garble(copy)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="copy.sqlite3"):
        restore_database(copy, db_path)
    assert db_path.read_bytes() == before
    assert not backups_dir(db_path).exists()


@pytest.mark.parametrize("version, reason", [(SCHEMA_VERSION + 1, "newer"), (0, "not a Song")])
def test_a_backup_of_the_wrong_schema_is_refused(
    db_path: Path, tmp_path: Path, version: int, reason: str
) -> None:
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute(f"PRAGMA user_version = {version}")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match=reason):
        restore_database(other, db_path)
    assert db_path.read_bytes() == before


def test_restore_over_an_unreadable_archive_moves_it_aside_unchanged(
    db_path: Path, tmp_path: Path
) -> None:
    copy = backup_database(db_path, tmp_path / "copy.sqlite3")
    damaged = _garble(db_path)
    kept = restore_database(copy, db_path)
    assert kept is not None and kept.read_bytes() == damaged
    assert _titles(db_path) == _titles(copy)


def test_backing_up_a_damaged_archive_fails_without_leaving_a_file(
    db_path: Path, tmp_path: Path
) -> None:
    _garble(db_path)
    (tmp_path / "out").mkdir()
    with pytest.raises(StoreError, match="archive.sqlite3"):
        backup_database(db_path, tmp_path / "out" / "copy.sqlite3")
    assert list((tmp_path / "out").iterdir()) == []


def _old_archive(path: Path, version: int) -> None:
    """An archive as an older Song Ngữ left it: only the first `version` migrations."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as conn:
        for migration in MIGRATIONS[:version]:
            for statement in migration:
                conn.execute(statement)
        conn.execute(
            "INSERT INTO articles (title_vi, imported_at, updated_at) VALUES ('cũ', 'then', 'then')"
        )
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()


def test_backup_before_migration_copies_an_older_schema(tmp_path: Path) -> None:
    path = tmp_path / "data" / "archive.sqlite3"
    _old_archive(path, 1)
    copy = backup_before_migration(path)
    assert copy is not None and copy.parent == backups_dir(path)
    assert schema_version(copy) == 1 and _titles(copy) == ["cũ"]
    assert latest_backup(path) == copy


def test_backup_before_migration_skips_what_needs_no_migration(
    db_path: Path, tmp_path: Path
) -> None:
    assert backup_before_migration(db_path) is None  # already the current schema
    assert backup_before_migration(tmp_path / "missing.sqlite3") is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert backup_before_migration(tmp_path / "empty.sqlite3") is None
    assert latest_backup(db_path) is None


def test_opening_an_older_archive_backs_it_up_first(tmp_path: Path) -> None:
    path = tmp_path / "data" / "archive.sqlite3"
    _old_archive(path, 1)
    ArchiveStore(path).close()
    assert schema_version(path) == SCHEMA_VERSION
    copy = latest_backup(path)
    assert copy is not None and schema_version(copy) == 1 and _titles(copy) == ["cũ"]
