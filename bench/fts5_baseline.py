"""SQLite FTS5 over the same passages: the yardstick our Whoosh index is measured against.

unicode61 with remove_diacritics 2 does not fold đ/Đ (they do not decompose), so đ→d is
applied to Vietnamese text and queries here. It has the same length and token boundaries,
so snippet() over the original text (external content) still lines up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from archive.model import Article
from index.analysis import fold_diacritics
from index.query import AllOf, AnyOf, Phrase, Words, parse_query

_DDL = """
CREATE TABLE passages(id INTEGER PRIMARY KEY, article_id INTEGER, lang TEXT, passage INTEGER,
                      text TEXT);
CREATE VIRTUAL TABLE fts_vi USING fts5(text, content='passages', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE fts_en USING fts5(text, content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
"""

_SEARCH = """
SELECT p.article_id, p.lang, p.passage, s.snip FROM (
  SELECT * FROM (SELECT rowid AS id, rank, snippet(fts_vi, 0, '<mark>', '</mark>', '…', 32) AS snip
                 FROM fts_vi WHERE fts_vi MATCH :q ORDER BY rank LIMIT :limit)
  UNION ALL
  SELECT * FROM (SELECT rowid AS id, rank, snippet(fts_en, 0, '<mark>', '</mark>', '…', 32) AS snip
                 FROM fts_en WHERE fts_en MATCH :q ORDER BY rank LIMIT :limit)
) s JOIN passages p ON p.id = s.id ORDER BY s.rank LIMIT :limit
"""


def fold_d(text: str) -> str:
    return text.replace("đ", "d").replace("Đ", "D")


def build_fts5(db_path: Path, articles: Iterable[Article]) -> None:
    """Index every passage of `articles` (titles left out, as the baseline did)."""
    con = sqlite3.connect(db_path)
    con.executescript(_DDL)
    rowid = 0
    with con:
        for article in articles:
            for lang, passages in article.passages.items():
                table = "fts_vi" if lang == "vi" else "fts_en"
                for passage in passages:
                    rowid += 1
                    con.execute(
                        "INSERT INTO passages VALUES (?, ?, ?, ?, ?)",
                        (rowid, article.id, lang, passage.index, passage.text),
                    )
                    text = fold_d(passage.text) if lang == "vi" else passage.text
                    con.execute(f"INSERT INTO {table}(rowid, text) VALUES (?, ?)", (rowid, text))
    with con:
        con.execute("INSERT INTO fts_vi(fts_vi) VALUES('optimize')")
        con.execute("INSERT INTO fts_en(fts_en) VALUES('optimize')")
    con.close()


def _quoted(text: str) -> str:
    words = fold_diacritics(text).replace('"', " ").split()
    return '"' + " ".join(words) + '"' if words else ""


def to_fts5(query: str, as_you_type: bool = False) -> str:
    """Our query language in FTS5 syntax (words ANDed, phrases quoted, OR, NOT); a prefix
    (`word*`, or the last word while typing) becomes FTS5's own prefix query `"word"*`."""

    def clause(node: object) -> str:
        if isinstance(node, Phrase):
            return _quoted(node.text)
        if isinstance(node, Words):
            quoted = [(q, node.is_prefix(i)) for i, q in enumerate(map(_quoted, node.words))]
            return " ".join(q + ("*" if prefix else "") for q, prefix in quoted if q)
        if isinstance(node, AnyOf):
            return "(" + " OR ".join(clause(option) for option in node.options) + ")"
        assert isinstance(node, AllOf)
        positive = " ".join(clause(item) for item in node.items)
        negative = " ".join(f"NOT {clause(item)}" for item in node.excluded)
        return f"({positive} {negative})".strip() if negative else positive

    return clause(parse_query(query, as_you_type))


class Fts5Searcher:
    def __init__(self, db_path: Path) -> None:
        self.con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    def search(self, query: str, limit: int = 10, as_you_type: bool = False) -> list[tuple]:
        q = to_fts5(query, as_you_type)
        return self.con.execute(_SEARCH, {"q": q, "limit": limit}).fetchall()

    def count(self, query: str, as_you_type: bool = False) -> int:
        """Every matching passage, as our search's total counts them."""
        q = to_fts5(query, as_you_type)
        return sum(
            self.con.execute(
                f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (q,)
            ).fetchone()[0]
            for table in ("fts_vi", "fts_en")
        )

    def close(self) -> None:
        self.con.close()
