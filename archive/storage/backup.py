"""Copies of the archive database: before a schema migration, on request, and back again.

Every copy goes through SQLite's online-backup API, so it is consistent even while another
process (the app beside `songngu-cli`) has the archive open, and it includes what is still in
the write-ahead log. A copy is written to a temporary file beside its destination and renamed
into place only once it passes `PRAGMA integrity_check`, so an interrupted backup never
leaves a half-written file under the final name.

`restore_database` never destroys anything: it validates the source (integrity and schema
version) before touching the archive, and keeps the archive it replaces as a backup (or, when
that archive is unreadable, moves it aside untouched).

Thread rule: plain functions holding no state; each opens and closes its own connections.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from archive.errors import StoreError
from archive.storage import migrations
from archive.storage.migrations import BUSY_TIMEOUT_MS

BACKUP_DIRNAME = "backups"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def backups_dir(db_path: Path) -> Path:
    """Where automatic backups of the archive at `db_path` go."""
    return Path(db_path).parent / BACKUP_DIRNAME


def latest_backup(db_path: Path) -> Path | None:
    """The newest automatic backup of the archive at `db_path`, to name in an error message."""
    found = sorted(backups_dir(db_path).glob("*.sqlite3"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def backup_database(db_path: Path, dest: Path) -> Path:
    """Copy the archive at `db_path` to `dest` (a file, or a folder to put a dated copy in).

    Returns the file written. Raises StoreError (one line) when the archive cannot be read, the
    folder `dest` goes into does not exist, or the copy cannot be written; an existing `dest`
    is replaced only by a verified copy.
    """
    db_path, dest = Path(db_path), Path(dest)
    if not db_path.is_file():
        raise StoreError(f"There is no archive database at {db_path} to back up.")
    if dest.is_dir():
        dest = dest / _dated_name(db_path, schema_version(db_path))
    elif not dest.parent.is_dir():
        # A typo in the folder must not quietly make a new tree of folders somewhere.
        raise StoreError(
            f"The folder {dest.parent} does not exist; create it first or "
            "choose another place for the backup."
        )
    _copy_verified(db_path, dest)
    return dest


def backup_before_migration(db_path: Path, target: int | None = None) -> Path | None:
    """Back up an existing archive whose schema is older than `target` (by default the
    schema this version of Song Ngữ writes).

    Call it before migrating. Returns the backup file, or None when there is nothing to keep
    (no file yet, a brand-new empty database, or a schema that needs no migration).
    """
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    version = schema_version(db_path)
    if version == 0 or version >= (migrations.SCHEMA_VERSION if target is None else target):
        return None
    dest = backups_dir(db_path) / _dated_name(db_path, version)
    _copy_verified(db_path, dest)
    return dest


def restore_database(src: Path, db_path: Path) -> Path | None:
    """Replace the archive at `db_path` with the backup `src`, after checking `src`.

    The archive being replaced is kept: backed up into the backups folder when it is readable,
    else renamed aside unchanged. Returns where it was kept (None when there was none).
    Raises StoreError, before changing anything, when `src` is not a sound Song Ngữ archive.
    """
    src, db_path = Path(src), Path(db_path)
    validate_archive(src)
    kept = _keep_current(db_path) if db_path.is_file() else None
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with closing(_open(src, read_only=True)) as source, closing(_open(db_path)) as target:
            source.backup(target)
            _require_intact(target, db_path)
    except sqlite3.Error as error:
        raise StoreError(f"Could not restore {src} into {db_path}: {error}.") from None
    return kept


def validate_archive(path: Path) -> int:
    """The schema version of the Song Ngữ archive at `path`; StoreError when it is not one."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"There is no backup file at {path}.")
    try:
        with closing(_open(path, read_only=True)) as conn:
            _require_intact(conn, path)
            version: int = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as error:
        raise StoreError(f"{path} is not a readable archive database: {error}.") from None
    if version > migrations.SCHEMA_VERSION:
        raise StoreError(
            f"{path} was made by a newer Song Ngữ (schema {version}); "
            "update Song Ngữ to restore it."
        )
    if version < 1 or "articles" not in tables:
        raise StoreError(f"{path} is not a Song Ngữ archive.")
    return version


def schema_version(db_path: Path) -> int:
    """PRAGMA user_version of the database at `db_path`, read without writing to it."""
    try:
        with closing(_open(Path(db_path), read_only=True)) as conn:
            version: int = conn.execute("PRAGMA user_version").fetchone()[0]
            return version
    except sqlite3.Error as error:
        raise StoreError(f"Cannot read the archive database {db_path}: {error}.") from None


def _keep_current(db_path: Path) -> Path:
    """Save the archive about to be replaced: a verified copy, else the untouched file."""
    try:
        return backup_database(db_path, _ensure_dir(backups_dir(db_path)))
    except StoreError:
        pass  # unreadable: move it aside byte for byte instead of copying through SQLite
    aside = db_path.with_name(f"{db_path.name}.unreadable-{_stamp()}")
    for suffix in ("", *_SIDE_FILES):
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            os.replace(part, aside.with_name(aside.name + suffix))
    return aside


def _copy_verified(db_path: Path, dest: Path) -> None:
    """Back up `db_path` into a temporary file beside `dest`, check it, rename it over `dest`."""
    _ensure_dir(dest.parent)
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(_open(db_path, read_only=True)) as source:
            with closing(sqlite3.connect(partial)) as target:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                _require_intact(target, db_path)
        os.replace(partial, dest)
    except sqlite3.Error as error:
        raise StoreError(f"Could not back up {db_path} to {dest}: {error}.") from None
    except OSError as error:
        raise StoreError(f"Could not write the backup {dest}: {error.strerror}.") from None
    finally:
        partial.unlink(missing_ok=True)


def _require_intact(conn: sqlite3.Connection, path: Path) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise StoreError(f"{path} is damaged ({result}).")


def _open(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        # mode=ro: a backup or a check never writes to (or creates) the file it reads.
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _ensure_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Cannot create the folder {path}: {error.strerror}.") from None
    return path


def _dated_name(db_path: Path, version: int) -> str:
    return f"{db_path.stem}-schema{version}-{_stamp()}.sqlite3"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
