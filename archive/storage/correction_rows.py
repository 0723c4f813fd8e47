"""The reader's alignment corrections as stored beside each article (a JSON column)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from archive.model import AlignmentLink


def read(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    row = conn.execute(
        "SELECT alignment_corrections FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return json.loads(row[0]) if row else []


def write(
    conn: sqlite3.Connection,
    article_id: int,
    alignment: list[AlignmentLink],
    records: list[dict[str, Any]],
) -> None:
    """The corrections and the alignment made around them, in one statement."""
    conn.execute(
        "UPDATE articles SET alignment = ?, alignment_corrections = ? WHERE id = ?",
        (
            json.dumps([[vi, en] for vi, en in alignment], ensure_ascii=False),
            json.dumps(records, ensure_ascii=False),
            article_id,
        ),
    )
