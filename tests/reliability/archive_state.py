"""What a data dir holds, read straight from SQLite — independent of the code under test."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from archive.paths import database_path
from tests.reliability.corpus import ArticleFile


def integrity(data_dir: Path) -> str:
    with closing(sqlite3.connect(database_path(data_dir))) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def passage_counts(data_dir: Path) -> dict[str, dict[str, int]]:
    """{source URL: {lang: passages}} for every article (articles without text included).

    A file at schema 0 (the process was killed after SQLite created it and before the first
    migration made the tables) holds no article."""
    with closing(sqlite3.connect(database_path(data_dir))) as conn:
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            return {}
        urls = dict(conn.execute("SELECT id, source_url FROM articles"))
        counts: dict[str, dict[str, int]] = {url: {} for url in urls.values()}
        rows = conn.execute("SELECT article_id, lang, COUNT(*) FROM passages GROUP BY 1, 2")
        for article_id, lang, count in rows:
            counts[urls[article_id]][lang] = count
    return counts


def half_written(data_dir: Path, versions: Iterable[Iterable[ArticleFile]]) -> list[str]:
    """Articles whose passages match no version of their source file exactly."""
    allowed: dict[str, list[dict[str, int]]] = {}
    for files in versions:
        for file in files:
            allowed.setdefault(file.url, []).append(file.passages)
    stored = passage_counts(data_dir)
    return [
        f"{url}: {counts}"
        for url, counts in stored.items()
        if url in allowed and counts not in allowed[url]
    ] + [f"{url}: no passages" for url, counts in stored.items() if not counts]
