"""The archive: articles, passages and related posts in one SQLite file.

Thread rule: an ArchiveStore is safe from any thread. It holds one connection
(check_same_thread=False) guarded by a re-entrant lock, so calls are serialized; WAL and a busy
timeout let another process (songngu-cli beside the app) read and wait for writes.

Every write is one transaction (BEGIN IMMEDIATE … COMMIT); on any error it is rolled back, so
a failed save leaves the content exactly as it was.

An article's identity is its source URL (normalized: scheme and host case, http/https, "www.",
trailing slash and fragment do not matter), else its blog post number, else (a note with
neither) its title in either language. Saving an article the
store already holds updates it in place under the same id; a language the incoming article
lacks keeps what the store had, so a Vietnamese file and an English file with the same URL
make one article.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from archive import bookmark_store as bookmark_rows
from archive.bookmarks import Bookmark, clean_tags
from archive.errors import NotFound, StoreError
from archive.model import (
    LANGS,
    Article,
    ArticleSummary,
    Passage,
    PassageKind,
    RelatedPost,
    Source,
)
from archive.store_schema import MIGRATIONS
from archive.stored_alignment import correction_records, realign, valid_corrections

BUSY_TIMEOUT_MS = 5000
_LOAD_CHUNK = 400  # ids per query: well under SQLite's bound-parameter limit

SCHEMA_VERSION = len(MIGRATIONS)
# The digest of a fixed article tells whether Article.digest() changed since the stored
# digests were made; then they are all computed again.
_DIGEST_CANARY = Article(
    title={"vi": "Song Ngữ", "en": "Bilingual"},
    authors=["Canary"],
    passages={"vi": [Passage(0, PassageKind.PARAGRAPH, "Đoạn\u00a0văn.")]},
)
_KINDS = {kind.value: kind for kind in PassageKind}

_ARTICLE_COLUMNS = (
    "id, url_key, source_url, publication, published, blog_post_number, blog_name, title_vi, "
    "title_en, subtitle_vi, subtitle_en, authors, tags, alignment, imported_at, updated_at,"
    " post_url, alignment_corrections"
)


def normalize_url(url: str | None) -> str | None:
    """The identity of a source URL: "https://foreignaffairs.com/russia/x" for any spelling."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "https"
    host = (parts.hostname or "").lower().removeprefix("www.")
    netloc = f"{host}:{parts.port}" if parts.port not in (None, 80, 443) else host
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, ""))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ArchiveStore:
    """The SQLite archive at `db_path`; raises StoreError when it cannot be opened."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(db_path)
        self._lock = threading.RLock()
        self._checked = False  # quick_check runs once, before the first write of a session
        try:
            self._conn = _connect(self.path)
        except StoreError as error:
            raise StoreError(_with_backup_hint(str(error), self.path)) from None
        try:
            self._migrate()
            self._refresh_digests_if_outdated()
        except sqlite3.Error as error:
            self._conn.close()
            message = f"Cannot open the archive database {self.path}: {_short(error)}."
            raise StoreError(_with_backup_hint(message, self.path)) from None
        except StoreError as error:
            self._conn.close()
            raise StoreError(_with_backup_hint(str(error), self.path)) from None

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> ArchiveStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def schema_version(self) -> int:
        with self._lock:
            return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        """Apply the migrations the file lacks, each in its own transaction, in order."""
        if self.schema_version() == SCHEMA_VERSION:
            return  # the usual case: no write lock taken
        # Keep the archive as it was before a migration changes it (not a brand-new file).
        from archive.backup import backup_before_migration

        backup_before_migration(self.path)
        while True:
            with self._transaction() as conn:
                # Read inside the transaction: another process may have just migrated.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(
                        f"The archive database {self.path} was made by a newer Song Ngữ "
                        f"(schema {version}); update Song Ngữ to open it."
                    )
                if version == SCHEMA_VERSION:
                    return
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")

    def _refresh_digests_if_outdated(self) -> None:
        canary = _DIGEST_CANARY.digest()
        query = "SELECT value FROM settings WHERE key = 'digest_canary'"
        if self._conn.execute(query).fetchone() == (canary,):
            return  # the usual case: no write, so a read-only archive still opens
        with self._transaction() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
            for start in range(0, len(ids), _LOAD_CHUNK):
                for article in self._load(conn, ids[start : start + _LOAD_CHUNK]):
                    conn.execute(
                        "UPDATE articles SET digest = ? WHERE id = ?",
                        (article.digest(), article.id),
                    )
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('digest_canary', ?)",
                (canary,),
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any error, the commit included."""
        with self._lock:
            self._refuse_hidden_damage()
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:  # SQLite may have rolled back on its own
                    self._conn.execute("ROLLBACK")
                raise

    def _refuse_hidden_damage(self) -> None:
        """Damage that opening did not read must not be written into: check once per session,
        before the first write (a few ms for a small archive, about a second for 300 MB)."""
        if self._checked:
            return
        rows = self._conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise StoreError(_with_backup_hint(
                f"The archive database {self.path} is damaged; nothing was written to it.",
                self.path))
        self._checked = True

    @contextmanager
    def _errors_as(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(_with_backup_hint(
                f"Could not {action} the archive {self.path}: {_short(error)}.", self.path
            )) from None

    # -- writes ------------------------------------------------------------------------------

    def save_articles(
        self, articles: Iterable[Article], checkpoint: tuple[str, str] | None = None
    ) -> list[tuple[int, bool]]:
        """Upsert every article in one transaction; (id, created) for each, in order.

        `checkpoint` (key, value) is written in the same transaction: a long import records how
        far it got, so it resumes exactly after the last batch that was committed.
        """
        now = _now()
        with self._errors_as("save to"), self._transaction() as conn:
            saved = [self._save_one(conn, article, now) for article in articles]
            if checkpoint is not None:
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             checkpoint)
            return saved

    def setting(self, key: str) -> str | None:
        with self._errors_as("read"), self._lock:
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def clear_setting(self, key: str) -> None:
        with self._errors_as("save to"), self._transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def delete_article(self, article_id: int) -> None:
        """Remove an article with its passages and related posts; NotFound if absent."""
        with self._errors_as("delete from"), self._transaction() as conn:
            deleted = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        if not deleted:
            raise NotFound(f"There is no article {article_id} in the archive.")

    def _save_one(self, conn: sqlite3.Connection, article: Article, now: str) -> tuple[int, bool]:
        existing_id = self._find_existing(conn, article)
        if existing_id is None:
            cursor = conn.execute(
                "INSERT INTO articles (imported_at, updated_at) VALUES (?, ?)", (now, now)
            )
            article_id, created, merged = cursor.lastrowid, True, article
        else:
            stored = self._load(conn, [existing_id])[0]
            article_id, created, merged = existing_id, False, merge_articles(stored, article)
        assert article_id is not None
        merged = as_read_back(replace(merged, id=article_id))
        merged.alignment = realign(merged, _corrections(conn, article_id))
        _write_article(conn, article_id, merged, now)
        bookmark_rows.reattach_all(conn, merged)
        digest = merged.digest()
        conn.execute("UPDATE articles SET digest = ? WHERE id = ?", (digest, article_id))
        return article_id, created

    def _find_existing(self, conn: sqlite3.Connection, article: Article) -> int | None:
        key = normalize_url(article.source.url)
        if key is not None:
            row = conn.execute("SELECT id FROM articles WHERE url_key = ?", (key,)).fetchone()
            if row:
                return row[0]
        if article.blog_post_number is not None:
            # Two articles with different URLs are different even if they share a number.
            row = conn.execute(
                "SELECT id FROM articles WHERE blog_post_number = ?"
                " AND (url_key IS NULL OR ? IS NULL) ORDER BY id LIMIT 1",
                (article.blog_post_number, key),
            ).fetchone()
            return row[0] if row else None
        if key is None:
            return _find_by_title(conn, article)
        return None

    # -- alignment corrections ---------------------------------------------------------------

    def alignment_corrections(self, article_id: int) -> list[tuple[list[int], list[int]]]:
        """The reader's own pairings that still hold for the article's current text."""
        article = self.get_article(article_id)
        with self._errors_as("read"), self._lock:
            records = _corrections(self._conn, article_id)
        return valid_corrections(records, article)

    def set_alignment_corrections(
        self, article_id: int, links: list[tuple[list[int], list[int]]]
    ) -> Article:
        """Store the reader's pairings (they win over the aligner) and re-align around them."""
        with self._errors_as("save to"), self._transaction() as conn:
            found = self._load(conn, [article_id])
            if not found:
                raise NotFound(f"There is no article {article_id} in the archive.")
            article = found[0]
            records = correction_records(links, article)
            article.alignment = realign(article, records)
            conn.execute(
                "UPDATE articles SET alignment = ?, alignment_corrections = ? WHERE id = ?",
                (_json([[vi, en] for vi, en in article.alignment]), _json(records), article_id),
            )
        return article

    # -- bookmarks -----------------------------------------------------------------------------

    def add_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Save a new bookmark (or put a deleted one back, when it keeps its id)."""
        with self._errors_as("save to"), self._transaction() as conn:
            if not conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                (bookmark.article_id,)).fetchone():
                raise NotFound(f"There is no article {bookmark.article_id} in the archive.")
            new_id = bookmark_rows.insert(conn, bookmark)
        return replace(bookmark, id=new_id)

    def bookmarks(self, article_id: int | None = None, tag: str | None = None) -> list[Bookmark]:
        """Bookmarks, oldest first; only one article's, or only those with `tag`, when asked."""
        with self._errors_as("read"), self._lock:
            if article_id is None:
                found = bookmark_rows.select(self._conn)
            else:
                found = bookmark_rows.select(self._conn, "WHERE article_id = ?", (article_id,))
        if tag is not None:
            wanted = tag.casefold().strip()
            found = [b for b in found if wanted in (t.casefold() for t in b.tags)]
        return found

    def get_bookmark(self, bookmark_id: int) -> Bookmark:
        with self._errors_as("read"), self._lock:
            found = bookmark_rows.select(self._conn, "WHERE id = ?", (bookmark_id,))
        if not found:
            raise NotFound(f"There is no bookmark {bookmark_id}.")
        return found[0]

    def update_bookmark(
        self, bookmark_id: int, note: str | None = None, tags: list[str] | None = None
    ) -> Bookmark:
        with self._errors_as("save to"), self._transaction():
            bookmark = self.get_bookmark(bookmark_id)
            if note is not None:
                bookmark = replace(bookmark, note=note.strip())
            if tags is not None:
                bookmark = replace(bookmark, tags=clean_tags(tags))
            bookmark_rows.update(self._conn, bookmark)
        return bookmark

    def delete_bookmark(self, bookmark_id: int) -> Bookmark:
        """Remove a bookmark and return it, so an undo can add it back."""
        with self._errors_as("delete from"), self._transaction() as conn:
            bookmark = self.get_bookmark(bookmark_id)
            conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        return bookmark

    # -- reads -------------------------------------------------------------------------------

    def get_article(self, article_id: int) -> Article:
        with self._errors_as("read"), self._lock:
            found = self._load(self._conn, [article_id])
        if not found:
            raise NotFound(f"There is no article {article_id} in the archive.")
        return found[0]

    def iter_articles(self, ids: Iterable[int] | None = None) -> Iterator[Article]:
        """Articles in id order (or in the order of `ids`); ids not in the archive are skipped.

        Loads a chunk at a time and releases the lock between chunks, so other threads can
        write while a long iteration (reindexing) runs.
        """
        wanted = list(ids) if ids is not None else self.article_ids()
        for start in range(0, len(wanted), _LOAD_CHUNK):
            chunk = wanted[start : start + _LOAD_CHUNK]
            with self._errors_as("read"), self._lock:
                loaded = {a.id: a for a in self._load(self._conn, chunk)}
            yield from (loaded[i] for i in chunk if i in loaded)

    def article_ids(self) -> list[int]:
        with self._errors_as("read"), self._lock:
            return [row[0] for row in self._conn.execute("SELECT id FROM articles ORDER BY id")]

    def count(self) -> int:
        with self._errors_as("read"), self._lock:
            return self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def digests(self) -> dict[int, str]:
        """Article.digest() for every article, to compare with what the index holds."""
        with self._errors_as("read"), self._lock:
            return dict(self._conn.execute("SELECT id, digest FROM articles ORDER BY id"))

    def list_summaries(self) -> list[ArticleSummary]:
        """Every article's list-view data in id order, without loading passages."""
        with self._errors_as("read"), self._lock:
            ids_by_number = _ids_by_number(self._conn)
            related = self._related_for(self._conn, None, ids_by_number)
            rows = self._conn.execute(
                "SELECT id, title_vi, title_en, authors, source_url, blog_post_number,"
                " imported_at, published, tags FROM articles ORDER BY id"
            ).fetchall()
        return [
            ArticleSummary(
                id=article_id,
                title=_by_lang(title_vi, title_en),
                authors=json.loads(authors),
                source_url=url,
                blog_post_number=number,
                imported_at=imported_at,
                published=published,
                tags=json.loads(tags),
                related=related.get(article_id, []),
            )
            for (
                article_id,
                title_vi,
                title_en,
                authors,
                url,
                number,
                imported_at,
                published,
                tags,
            ) in rows  # fmt: skip
        ]

    def _load(self, conn: sqlite3.Connection, ids: list[int]) -> list[Article]:
        """Whole articles for `ids` (at most _LOAD_CHUNK), related posts resolved."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", ids)
        articles = {row[0]: _article_from_row(row) for row in rows}
        passages = conn.execute(
            f"SELECT article_id, lang, idx, kind, text FROM passages WHERE article_id IN ({marks})"
            " ORDER BY article_id, lang, idx",
            ids,
        )
        for article_id, lang, idx, kind, text in passages:
            articles[article_id].passages.setdefault(lang, []).append(
                Passage(idx, _KINDS[kind], text)
            )
        numbers = _related_numbers(conn, ids)
        related = self._related_for(conn, ids, _ids_by_number(conn, numbers))
        for article in articles.values():
            article.related = related.get(article.id, [])
        return [articles[i] for i in ids if i in articles]

    @staticmethod
    def _related_for(
        conn: sqlite3.Connection, ids: list[int] | None, ids_by_number: dict[int, int]
    ) -> dict[int, list[RelatedPost]]:
        """Related posts per article (all articles when `ids` is None), links resolved."""
        query = "SELECT article_id, number, title FROM related_posts"
        if ids is not None:
            query += f" WHERE article_id IN ({','.join('?' * len(ids))})"
        related: dict[int, list[RelatedPost]] = {}
        for article_id, number, title in conn.execute(query + " ORDER BY 1, position", ids or []):
            linked = ids_by_number.get(number) if number is not None else None
            related.setdefault(article_id, []).append(RelatedPost(number, title, linked))
        return related


def _short(error: sqlite3.Error) -> str:
    """SQLite's message, without the damaged text it sometimes quotes at length."""
    text = str(error)
    if "decode" in text.lower() or len(text) > 120:
        return "the file is damaged"
    return text


def _with_backup_hint(message: str, path: Path) -> str:
    """Name the newest automatic backup when there is one, so the user knows what to restore."""
    from archive.backup import latest_backup

    try:
        backup = latest_backup(path)
    except OSError:
        backup = None
    if backup is None or "backup" in message:
        return message
    return f"{message.rstrip('.')}. The newest automatic backup is {backup}."


def _corrections(conn: sqlite3.Connection, article_id: int) -> list[dict]:
    row = conn.execute(
        "SELECT alignment_corrections FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return json.loads(row[0]) if row else []


def _find_by_title(conn: sqlite3.Connection, article: Article) -> int | None:
    """Last resort for a note with neither URL nor number: the same title in the same
    language, among articles that have neither either (so a re-import never duplicates)."""
    for lang in LANGS:
        title = article.title.get(lang)
        if title:
            row = conn.execute(
                f"SELECT id FROM articles WHERE title_{lang} = ? AND url_key IS NULL"
                " AND blog_post_number IS NULL ORDER BY id LIMIT 1",
                (title,),
            ).fetchone()
            if row:
                return row[0]
    return None


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


def merge_articles(stored: Article, incoming: Article) -> Article:
    """What re-importing `incoming` over `stored` gives: incoming wins where it says something.

    A language the incoming article has replaces that language (title, subtitle, passages);
    a language it lacks keeps the stored one. The alignment is dropped when passages changed
    and the incoming article brings none (its indices would point at the old passages).
    """
    title, subtitle, passages = dict(stored.title), dict(stored.subtitle), dict(stored.passages)
    for lang in LANGS:
        if incoming.passages.get(lang):
            passages[lang] = incoming.passages[lang]
            subtitle.pop(lang, None)
        if incoming.title.get(lang):
            title[lang] = incoming.title[lang]
        if incoming.subtitle.get(lang):
            subtitle[lang] = incoming.subtitle[lang]
    replaced_text = any(incoming.passages.get(lang) for lang in LANGS)
    alignment = incoming.alignment or ([] if replaced_text else stored.alignment)
    return replace(
        stored,
        title=title,
        subtitle=subtitle,
        passages=passages,
        authors=incoming.authors or stored.authors,
        source=Source(
            url=incoming.source.url or stored.source.url,
            publication=incoming.source.publication or stored.source.publication,
            published=incoming.source.published or stored.source.published,
        ),
        blog_post_number=_first_set(incoming.blog_post_number, stored.blog_post_number),
        blog_name=incoming.blog_name or stored.blog_name,
        post_url=incoming.post_url or stored.post_url,
        related=incoming.related or stored.related,
        tags=list(dict.fromkeys([*stored.tags, *incoming.tags])),
        alignment=alignment,
    )


def as_read_back(article: Article) -> Article:
    """The article as get_article() will return it: empty titles and languages dropped,
    passages in index order. Its digest is the one the index will compute."""
    return replace(
        article,
        title={lang: t for lang, t in article.title.items() if t and lang in LANGS},
        subtitle={lang: t for lang, t in article.subtitle.items() if t and lang in LANGS},
        passages={
            lang: sorted(ps, key=lambda p: p.index) for lang, ps in article.passages.items() if ps
        },
    )


def _first_set(*values: int | None) -> int | None:
    return next((v for v in values if v is not None), None)


def _write_article(conn: sqlite3.Connection, article_id: int, article: Article, now: str) -> None:
    """Write every field of `article` to row `article_id` (imported_at is left alone)."""
    conn.execute(
        "UPDATE articles SET url_key = ?, source_url = ?, publication = ?, published = ?,"
        " blog_post_number = ?, blog_name = ?, title_vi = ?, title_en = ?, subtitle_vi = ?,"
        " subtitle_en = ?, authors = ?, tags = ?, alignment = ?, updated_at = ?, post_url = ?"
        " WHERE id = ?",
        (
            normalize_url(article.source.url),
            article.source.url,
            article.source.publication,
            article.source.published,
            article.blog_post_number,
            article.blog_name,
            article.title.get("vi"),
            article.title.get("en"),
            article.subtitle.get("vi"),
            article.subtitle.get("en"),
            _json(article.authors),
            _json(article.tags),
            _json([[list(vi), list(en)] for vi, en in article.alignment]),
            now,
            article.post_url,
            article_id,
        ),
    )
    conn.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO passages (article_id, lang, idx, kind, text) VALUES (?, ?, ?, ?, ?)",
        [
            (article_id, lang, p.index, str(p.kind), p.text)
            for lang, passages in article.passages.items()
            for p in passages
        ],
    )
    conn.execute("DELETE FROM related_posts WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO related_posts (article_id, position, number, title) VALUES (?, ?, ?, ?)",
        [(article_id, i, r.number, r.title) for i, r in enumerate(article.related)],
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _article_from_row(row: tuple) -> Article:
    (article_id, _key, url, publication, published, number, blog_name, title_vi, title_en,
     subtitle_vi, subtitle_en, authors, tags, alignment, imported_at, _updated, post_url,
     _corrections) = row  # fmt: skip
    return Article(
        id=article_id,
        title=_by_lang(title_vi, title_en),
        subtitle=_by_lang(subtitle_vi, subtitle_en),
        authors=json.loads(authors),
        source=Source(url, publication, published, imported_at),
        blog_post_number=number,
        blog_name=blog_name,
        post_url=post_url,
        tags=json.loads(tags),
        alignment=[(list(vi), list(en)) for vi, en in json.loads(alignment)],
    )


def _by_lang(vi: str | None, en: str | None) -> dict[str, str]:
    return {lang: text for lang, text in (("vi", vi), ("en", en)) if text}


def _related_numbers(conn: sqlite3.Connection, ids: list[int]) -> set[int]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT DISTINCT number FROM related_posts WHERE article_id IN ({marks})"
        " AND number IS NOT NULL",
        ids,
    )
    return {row[0] for row in rows}


def _ids_by_number(conn: sqlite3.Connection, numbers: set[int] | None = None) -> dict[int, int]:
    """Blog post number → the (oldest) article with that number; all numbers when None."""
    query = "SELECT blog_post_number, MIN(id) FROM articles WHERE blog_post_number IS NOT NULL"
    if numbers is not None and len(numbers) > _LOAD_CHUNK:
        numbers = None  # reading them all beats a query with too many parameters
    params = sorted(numbers) if numbers is not None else []
    if numbers is not None:
        if not numbers:
            return {}
        query += f" AND blog_post_number IN ({','.join('?' * len(params))})"
    return dict(conn.execute(query + " GROUP BY blog_post_number", params).fetchall())
