"""The translation memory: every aligned sentence pair of the archive, searchable by its terms.

Derived data kept next to the search index (`translations.sqlite` in the data folder) and
rebuilt from the store whenever it is missing, damaged or of another version. It holds

- `pairs`: one row per sentence link with both sides non-empty (article, first passage of each
  side, the sentences as written);
- `pair_terms`: an FTS5 table over the pairs' terms (index.translation_terms), for the pairs
  that contain a phrase;
- `grams`: in how many pairs each candidate rendering (a run of one or two terms) occurs, per
  language: the background frequencies the association measure needs, counted once here
  rather than at every lookup;
- `articles`: a fingerprint per article, so an update touches only what changed.

Thread rule: one connection guarded by a lock; safe from any thread. Writers are serialized by
the caller (the Library's write lock).
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from archive.errors import StoreError
from index.translation_terms import grams, terms_of

VERSION = 1
_SAMPLE_MODULUS = 1_000_003
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles(article_id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE TABLE pairs(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL,
                   vi_passage INTEGER NOT NULL, en_passage INTEGER NOT NULL,
                   vi_text TEXT NOT NULL, en_text TEXT NOT NULL);
CREATE INDEX pairs_by_article ON pairs(article_id);
CREATE VIRTUAL TABLE pair_terms USING fts5(vi, en, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE grams(lang TEXT NOT NULL, gram TEXT NOT NULL, df INTEGER NOT NULL,
                   PRIMARY KEY(lang, gram)) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class PairRecord:
    """One sentence pair as the memory stores it."""

    vi_passage: int
    en_passage: int
    vi_text: str
    en_text: str


@dataclass(frozen=True)
class StoredPair:
    id: int
    article_id: int
    vi_passage: int
    en_passage: int
    vi_text: str
    en_text: str


class TranslationMemory:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None

    # -- opening --------------------------------------------------------------------------

    def open(self) -> None:
        """Open, creating or recreating the file when it is missing, damaged or outdated."""
        with self._lock:
            if self._db is not None:
                return
            try:
                self._db = self._connect()
            except sqlite3.DatabaseError:
                self._discard()
                self._db = self._connect()

    def _discard(self) -> None:
        """Remove the file and its write-ahead log (derived data: rebuilt from the store)."""
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
            db.execute("PRAGMA journal_mode=WAL")
            version = None
            if db.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
                row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
                version = row[0] if row else None
            if version != str(VERSION):
                db.close()
                self._discard()
                db = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(_SCHEMA)
                db.execute("INSERT INTO meta VALUES('version', ?)", (str(VERSION),))
                db.commit()
            return db
        except OSError as exc:
            raise StoreError(f"cannot open the translation memory {self.path}: {exc}") from exc

    @property
    def db(self) -> sqlite3.Connection:
        self.open()
        assert self._db is not None
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # -- writing --------------------------------------------------------------------------

    def fingerprints(self) -> dict[int, str]:
        with self._lock:
            return dict(self.db.execute("SELECT article_id, fingerprint FROM articles"))

    def replace_articles(self, articles: Iterable[tuple[int, str, Sequence[PairRecord]]]) -> None:
        """Put each (article id, fingerprint, pairs) in place of what the memory had for it,
        in one transaction."""
        with self._lock, self.db:
            delta: Counter[tuple[str, str]] = Counter()
            for article_id, fingerprint, pairs in articles:
                self._remove(article_id, delta)
                self._insert(article_id, fingerprint, pairs, delta)
            self._apply(delta)

    def remove_articles(self, ids: Iterable[int]) -> None:
        with self._lock, self.db:
            delta: Counter[tuple[str, str]] = Counter()
            for article_id in ids:
                self._remove(article_id, delta)
            self._apply(delta)

    def _remove(self, article_id: int, delta: Counter[tuple[str, str]]) -> None:
        rows = self.db.execute(
            "SELECT t.rowid, t.vi, t.en FROM pair_terms t JOIN pairs p ON p.id = t.rowid "
            "WHERE p.article_id = ?",
            (article_id,),
        ).fetchall()
        for _, vi_terms, en_terms in rows:
            delta.subtract(_pair_grams(vi_terms.split(), en_terms.split()))
        self.db.executemany("DELETE FROM pair_terms WHERE rowid = ?", [(r[0],) for r in rows])
        self.db.execute("DELETE FROM pairs WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))

    def _insert(
        self,
        article_id: int,
        fingerprint: str,
        pairs: Sequence[PairRecord],
        delta: Counter[tuple[str, str]],
    ) -> None:
        self.db.execute("INSERT INTO articles VALUES(?, ?)", (article_id, fingerprint))
        for pair in pairs:
            cursor = self.db.execute(
                "INSERT INTO pairs(article_id, vi_passage, en_passage, vi_text, en_text) "
                "VALUES(?, ?, ?, ?, ?)",
                (article_id, pair.vi_passage, pair.en_passage, pair.vi_text, pair.en_text),
            )
            vi_terms, en_terms = terms_of(pair.vi_text, "vi"), terms_of(pair.en_text, "en")
            self.db.execute(
                "INSERT INTO pair_terms(rowid, vi, en) VALUES(?, ?, ?)",
                (cursor.lastrowid, " ".join(vi_terms), " ".join(en_terms)),
            )
            delta.update(_pair_grams(vi_terms, en_terms))

    def _apply(self, delta: Counter[tuple[str, str]]) -> None:
        self.db.executemany(
            "INSERT INTO grams VALUES(?, ?, ?) ON CONFLICT(lang, gram) DO UPDATE "
            "SET df = df + excluded.df",
            [(lang, gram, n) for (lang, gram), n in delta.items() if n],
        )
        # Only a gram that lost pairs can have reached 0: no scan of the whole table.
        self.db.executemany(
            "DELETE FROM grams WHERE lang = ? AND gram = ? AND df <= 0",
            [key for key, n in delta.items() if n < 0],
        )

    # -- reading --------------------------------------------------------------------------

    def matching(
        self, lang: str, terms: Sequence[str], limit: int, share: float = 1.0
    ) -> list[tuple[int, str]]:
        """(pair id, the other side's terms) of up to `limit` pairs whose `lang` side holds
        the phrase; with `share` < 1, about that share of them, spread evenly over the
        archive by a hash of the pair id."""
        other = "en" if lang == "vi" else "vi"
        sample = ""
        if share < 1.0:
            below = int(share * _SAMPLE_MODULUS)
            sample = f" AND (rowid * 2654435761) % {_SAMPLE_MODULUS} < {below}"
        with self._lock:
            return self.db.execute(
                f"SELECT rowid, {other} FROM pair_terms WHERE pair_terms MATCH ?{sample} LIMIT ?",
                (_phrase(lang, terms), limit),
            ).fetchall()

    def count_matching(self, lang: str, terms: Sequence[str]) -> int:
        with self._lock:
            row = self.db.execute(
                "SELECT count(*) FROM pair_terms WHERE pair_terms MATCH ?", (_phrase(lang, terms),)
            ).fetchone()
        return int(row[0])

    def document_frequencies(self, lang: str, candidates: Iterable[str]) -> dict[str, int]:
        wanted = list(candidates)
        found: dict[str, int] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(
                    self.db.execute(
                        f"SELECT gram, df FROM grams WHERE lang = ? AND gram IN ({marks})",
                        (lang, *chunk),
                    )
                )
        return found

    def pairs(self, ids: Sequence[int]) -> Iterator[StoredPair]:
        with self._lock:
            marks = ",".join("?" * len(ids))
            rows = self.db.execute(f"SELECT * FROM pairs WHERE id IN ({marks})", list(ids))
            by_id = {row[0]: StoredPair(*row) for row in rows}
        return (by_id[i] for i in ids if i in by_id)

    def pair_count(self) -> int:
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM pairs").fetchone()[0])

    def article_pairs(self, article_ids: Sequence[int] | None = None) -> Iterator[StoredPair]:
        """Every stored pair, by article then order (for exports)."""
        query = "SELECT * FROM pairs"
        params: list[int] = []
        if article_ids is not None:
            query += f" WHERE article_id IN ({','.join('?' * len(article_ids))})"
            params = list(article_ids)
        with self._lock:
            rows = self.db.execute(query + " ORDER BY article_id, id", params).fetchall()
        return (StoredPair(*row) for row in rows)


def _pair_grams(vi_terms: list[str], en_terms: list[str]) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    found.update(("vi", g) for g in grams(vi_terms, "vi"))
    found.update(("en", g) for g in grams(en_terms, "en"))
    return found


def _phrase(lang: str, terms: Sequence[str]) -> str:
    """An FTS5 query for the phrase in one column. The terms are quoted as one phrase, so
    nothing in them is read as query syntax."""
    phrase = " ".join(terms).replace('"', '""')
    return f'{lang} : "{phrase}"'
