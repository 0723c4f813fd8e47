"""The archive's SQLite file: one connection, its lock, transactions and migrations.

Thread rule: a Database is safe from any thread. It holds one connection
(check_same_thread=False) guarded by a re-entrant lock, so calls are serialized; WAL and a busy
timeout let another process (songngu-cli beside the app) read and wait for writes.

Every write is one transaction (BEGIN IMMEDIATE … COMMIT); on any error it is rolled back, so
a failed write leaves the content exactly as it was.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from archive.errors import StoreError
from archive.storage import migrations
from archive.storage.backup import backup_before_migration, latest_backup
from archive.storage.migrations import BUSY_TIMEOUT_MS


class Database:
    """The SQLite archive at `path`, migrated to this version; StoreError when it cannot be."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self._checked = False  # quick_check runs once, before the first write of a session
        try:
            self.conn = _connect(self.path)
        except StoreError as error:
            raise StoreError(with_backup_hint(str(error), self.path)) from None
        try:
            self._migrate()
        except sqlite3.Error as error:
            self.conn.close()
            message = f"Cannot open the archive database {self.path}: {short_error(error)}."
            raise StoreError(with_backup_hint(message, self.path)) from None
        except StoreError as error:
            self.conn.close()
            raise StoreError(with_backup_hint(str(error), self.path)) from None

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    def schema_version(self) -> int:
        with self.lock:
            version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
            return version

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any error, the commit included."""
        with self.lock:
            self._refuse_hidden_damage()
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled back on its own
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def reading(self, action: str = "read") -> Iterator[sqlite3.Connection]:
        """The connection under the lock, SQLite errors turned into one StoreError line."""
        with self.errors_as(action), self.lock:
            yield self.conn

    @contextmanager
    def writing(self, action: str = "save to") -> Iterator[sqlite3.Connection]:
        """A write transaction, SQLite errors turned into one StoreError line."""
        with self.errors_as(action), self.transaction() as conn:
            yield conn

    @contextmanager
    def errors_as(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(
                with_backup_hint(
                    f"Could not {action} the archive {self.path}: {short_error(error)}.", self.path
                )
            ) from None

    def _migrate(self) -> None:
        """Apply the migrations the file lacks, each in its own transaction, in order."""
        target = migrations.SCHEMA_VERSION
        if self.schema_version() == target:
            return  # the usual case: no write lock taken
        # Keep the archive as it was before a migration changes it (not a brand-new file).
        backup_before_migration(self.path, target)
        compact = False
        while True:
            with self.transaction() as conn:
                # Read inside the transaction: another process may have just migrated.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > target:
                    raise StoreError(
                        f"The archive database {self.path} was made by a newer Song Ngữ "
                        f"(schema {version}); update Song Ngữ to open it."
                    )
                if version == target:
                    break
                for statement in migrations.MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
                compact = compact or version + 1 in migrations.VACUUM_AFTER
        if compact:
            self._compact()

    def _compact(self) -> None:
        """Give the pages a migration freed back to the file system. Best effort: another
        process reading the archive right now keeps the file as it is (still correct)."""
        with self.lock:
            try:
                self.conn.execute("VACUUM")
            except sqlite3.OperationalError:  # busy or locked: compact another time
                pass

    def _refuse_hidden_damage(self) -> None:
        """Damage that opening did not read must not be written into: check once per session,
        before the first write (a few ms for a small archive, about a second for 300 MB)."""
        if self._checked:
            return
        rows = self.conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise StoreError(
                with_backup_hint(
                    f"The archive database {self.path} is damaged; nothing was written to it.",
                    self.path,
                )
            )
        self._checked = True


def short_error(error: sqlite3.Error) -> str:
    """SQLite's message, without the damaged text it sometimes quotes at length."""
    text = str(error)
    if "decode" in text.lower() or len(text) > 120:
        return "the file is damaged"
    return text


def with_backup_hint(message: str, path: Path) -> str:
    """Name the newest automatic backup when there is one, so the user knows what to restore."""
    try:
        backup = latest_backup(path)
    except OSError:
        backup = None
    if backup is None or "backup" in message:
        return message
    return f"{message.rstrip('.')}. The newest automatic backup is {backup}."


def _connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Cannot create the folder for {path}: {error.strerror}.") from None
    try:
        # isolation_level=None: transactions are opened explicitly, never implicitly.
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as error:
        raise StoreError(f"Cannot open the archive database {path}: {error}.") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        _enter_wal(conn)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # reads the header
    except sqlite3.Error as error:
        conn.close()
        raise StoreError(f"Cannot open the archive database {path}: {error}.") from None
    return conn


def _enter_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting like busy_timeout would: SQLite does not call the busy handler
    for this pragma, so two processes creating the same new archive at once would otherwise
    see "database is locked" at once (about one start in eight in tests/archive)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
