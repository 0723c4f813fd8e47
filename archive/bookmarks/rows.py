"""Bookmark rows in the archive database: the SQL behind ArchiveStore's bookmark methods.

Functions take an open connection so they run inside the caller's transaction — re-attaching
bookmarks happens in the same transaction as the re-import that moved their text.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from archive.bookmarks.bookmark import Bookmark, reattach
from archive.model import Article

_COLUMNS = (
    "id, article_id, lang, passage, start_offset, end_offset, quote, prefix, suffix, note,"
    " tags, created, orphaned"
)


def insert(conn: sqlite3.Connection, bookmark: Bookmark) -> int:
    """Insert (keeping bookmark.id when set, for undo) and return the id."""
    cursor = conn.execute(
        f"INSERT INTO bookmarks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _row(bookmark),
    )
    return bookmark.id if bookmark.id is not None else int(cursor.lastrowid or 0)


def update(conn: sqlite3.Connection, bookmark: Bookmark) -> None:
    conn.execute(
        "UPDATE bookmarks SET article_id = ?, lang = ?, passage = ?, start_offset = ?,"
        " end_offset = ?, quote = ?, prefix = ?, suffix = ?, note = ?, tags = ?, created = ?,"
        " orphaned = ? WHERE id = ?",
        (*_row(bookmark)[1:], bookmark.id),
    )


def delete(conn: sqlite3.Connection, bookmark_id: int) -> None:
    conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))


def select(
    conn: sqlite3.Connection, where: str = "", params: tuple[object, ...] = ()
) -> list[Bookmark]:
    query = f"SELECT {_COLUMNS} FROM bookmarks {where} ORDER BY created, id"
    return [_bookmark(row) for row in conn.execute(query, params)]


def reattach_all(conn: sqlite3.Connection, article: Article) -> None:
    """Move the article's bookmarks to where their quotes stand now (or orphan them)."""
    for bookmark in select(conn, "WHERE article_id = ?", (article.id,)):
        moved = reattach(bookmark, article)
        if moved != bookmark:
            update(conn, moved)


def _row(b: Bookmark) -> tuple[object, ...]:
    return (
        b.id,
        b.article_id,
        b.lang,
        b.passage,
        b.start,
        b.end,
        b.quote,
        b.prefix,
        b.suffix,
        b.note,
        json.dumps(list(b.tags), ensure_ascii=False),
        b.created,
        int(b.orphaned),
    )


def _bookmark(row: tuple[Any, ...]) -> Bookmark:
    (
        bid,
        article_id,
        lang,
        passage,
        start,
        end,
        quote,
        prefix,
        suffix,
        note,
        tags,
        created,
        orphaned,
    ) = row
    return Bookmark(
        article_id=article_id,
        lang=lang,
        passage=passage,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        note=note,
        tags=tuple(json.loads(tags)),
        created=created,
        orphaned=bool(orphaned),
        id=bid,
    )
