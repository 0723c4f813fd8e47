"""The `settings` table: small named values, such as a long import's checkpoint.

A checkpoint is written in the same transaction as the batch it records (see
ArchiveStore.save_articles), so a resumed import starts exactly after the last committed batch.
"""

from __future__ import annotations

import sqlite3


def read(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def write(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))


def clear(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM settings WHERE key = ?", (key,))
