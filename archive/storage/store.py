"""The archive: articles, passages, related posts, bookmarks and corrections in one SQLite file.

ArchiveStore is the one object the rest of the program holds; each of its jobs lives in a
module of its own: the file, its lock and migrations (`database`), article rows
(`article_rows`), when two articles are one (`identity`), bookmark rows
(`archive.bookmarks.rows`), the reader's alignment corrections (`correction_rows`) and a long
import's checkpoints (`settings_rows`).

Thread rule: an ArchiveStore is safe from any thread (one connection guarded by a lock; WAL; a
busy timeout). Every write is one transaction: a failed save leaves the content as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from archive.alignment.stored import correction_records, realign, valid_corrections
from archive.bookmarks import rows as bookmark_rows
from archive.bookmarks.bookmark import Bookmark, clean_tags
from archive.errors import NotFound, StoreError
from archive.model import AlignmentLink, Article, ArticleSummary, Passage, PassageKind
from archive.storage import article_rows, correction_rows, settings_rows
from archive.storage.database import Database, short_error, with_backup_hint
from archive.storage.identity import as_read_back, merge_articles, normalize_url

__all__ = ["ArchiveStore", "SavedArticle", "as_read_back", "merge_articles", "normalize_url"]

# The digest of a fixed article tells whether Article.digest() changed since the stored
# digests were made; then they are all computed again.
_DIGEST_CANARY = Article(
    title={"vi": "Song Ngữ", "en": "Bilingual"},
    authors=["Canary"],
    passages={"vi": [Passage(0, PassageKind.PARAGRAPH, "Đoạn\u00a0văn.")]},
)


class SavedArticle(tuple[int, bool]):
    """What save_articles gives for each article: `(id, created)` — it unpacks and compares
    as that pair — with the article as stored on `.article` (id set, aligned, its digest the
    index's), so a caller indexes it without reading it back."""

    article: Article

    def __new__(cls, article_id: int, created: bool, article: Article) -> SavedArticle:
        saved = super().__new__(cls, (article_id, created))
        saved.article = article
        return saved

    @property
    def id(self) -> int:
        return self[0]

    @property
    def created(self) -> bool:
        return self[1]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ArchiveStore:
    """The SQLite archive at `db_path`; raises StoreError when it cannot be opened."""

    def __init__(self, db_path: Path) -> None:
        self._db = Database(db_path)
        self.path = self._db.path
        try:
            self._refresh_digests_if_outdated()
        except sqlite3.Error as error:
            self._db.close()
            message = f"Cannot open the archive database {self.path}: {short_error(error)}."
            raise StoreError(with_backup_hint(message, self.path)) from None
        except StoreError as error:
            self._db.close()
            raise StoreError(with_backup_hint(str(error), self.path)) from None

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ArchiveStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return self._db.schema_version()

    def _refresh_digests_if_outdated(self) -> None:
        canary = _DIGEST_CANARY.digest()
        if settings_rows.read(self._db.conn, "digest_canary") == canary:
            return  # the usual case: no write, so a read-only archive still opens
        with self._db.transaction() as conn:
            ids = article_rows.ids(conn)
            chunk = article_rows.LOAD_CHUNK
            for start in range(0, len(ids), chunk):
                for article in article_rows.load(conn, ids[start : start + chunk]):
                    assert article.id is not None
                    article_rows.set_digest(conn, article.id, article.digest())
            settings_rows.write(conn, "digest_canary", canary)

    # -- articles: writes --------------------------------------------------------------------

    def save_articles(
        self, articles: Iterable[Article], checkpoint: tuple[str, str] | None = None
    ) -> list[SavedArticle]:
        """Upsert every article in one transaction; (id, created) for each, in order, with the
        stored article on `.article`.

        `checkpoint` (key, value) is written in the same transaction: a long import records how
        far it got, so it resumes exactly after the last batch that was committed.
        """
        now = _now()
        with self._db.writing() as conn:
            saved = [self._save_one(conn, article, now) for article in articles]
            if checkpoint is not None:
                settings_rows.write(conn, *checkpoint)
            return saved

    def delete_article(self, article_id: int) -> None:
        """Remove an article with its passages and related posts; NotFound if absent."""
        with self._db.writing("delete from") as conn:
            deleted = article_rows.delete(conn, article_id)
        if not deleted:
            raise NotFound(f"There is no article {article_id} in the archive.")

    def _save_one(self, conn: sqlite3.Connection, article: Article, now: str) -> SavedArticle:
        existing_id = article_rows.find_existing(conn, article)
        if existing_id is None:
            article_id, created, merged = article_rows.insert_empty(conn, now), True, article
        else:
            stored = article_rows.load(conn, [existing_id])[0]
            article_id, created, merged = existing_id, False, merge_articles(stored, article)
        merged = as_read_back(replace(merged, id=article_id))
        merged.alignment = realign(merged, correction_rows.read(conn, article_id))
        article_rows.write(conn, article_id, merged, now)
        bookmark_rows.reattach_all(conn, merged)
        return SavedArticle(article_id, created, merged)

    # -- import checkpoints ------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        with self._db.reading() as conn:
            return settings_rows.read(conn, key)

    def clear_setting(self, key: str) -> None:
        with self._db.writing() as conn:
            settings_rows.clear(conn, key)

    # -- alignment corrections ---------------------------------------------------------------

    def alignment_corrections(self, article_id: int) -> list[AlignmentLink]:
        """The reader's own pairings that still hold for the article's current text."""
        article = self.get_article(article_id)
        with self._db.reading() as conn:
            records = correction_rows.read(conn, article_id)
        return valid_corrections(records, article)

    def set_alignment_corrections(self, article_id: int, links: list[AlignmentLink]) -> Article:
        """Store the reader's pairings (they win over the aligner) and re-align around them."""
        with self._db.writing() as conn:
            found = article_rows.load(conn, [article_id])
            if not found:
                raise NotFound(f"There is no article {article_id} in the archive.")
            article = found[0]
            records = correction_records(links, article)
            article.alignment = realign(article, records)
            correction_rows.write(conn, article_id, article.alignment, records)
        return article

    # -- bookmarks ---------------------------------------------------------------------------

    def add_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Save a new bookmark (or put a deleted one back, when it keeps its id)."""
        with self._db.writing() as conn:
            if not article_rows.exists(conn, bookmark.article_id):
                raise NotFound(f"There is no article {bookmark.article_id} in the archive.")
            new_id = bookmark_rows.insert(conn, bookmark)
        return replace(bookmark, id=new_id)

    def bookmarks(self, article_id: int | None = None, tag: str | None = None) -> list[Bookmark]:
        """Bookmarks, oldest first; only one article's, or only those with `tag`, when asked."""
        with self._db.reading() as conn:
            if article_id is None:
                found = bookmark_rows.select(conn)
            else:
                found = bookmark_rows.select(conn, "WHERE article_id = ?", (article_id,))
        if tag is not None:
            wanted = tag.casefold().strip()
            found = [b for b in found if wanted in (t.casefold() for t in b.tags)]
        return found

    def get_bookmark(self, bookmark_id: int) -> Bookmark:
        with self._db.reading() as conn:
            found = bookmark_rows.select(conn, "WHERE id = ?", (bookmark_id,))
        if not found:
            raise NotFound(f"There is no bookmark {bookmark_id}.")
        return found[0]

    def update_bookmark(
        self, bookmark_id: int, note: str | None = None, tags: list[str] | None = None
    ) -> Bookmark:
        with self._db.writing() as conn:
            bookmark = self.get_bookmark(bookmark_id)
            if note is not None:
                bookmark = replace(bookmark, note=note.strip())
            if tags is not None:
                bookmark = replace(bookmark, tags=clean_tags(tags))
            bookmark_rows.update(conn, bookmark)
        return bookmark

    def delete_bookmark(self, bookmark_id: int) -> Bookmark:
        """Remove a bookmark and return it, so an undo can add it back."""
        with self._db.writing("delete from") as conn:
            bookmark = self.get_bookmark(bookmark_id)
            bookmark_rows.delete(conn, bookmark_id)
        return bookmark

    # -- articles: reads ---------------------------------------------------------------------

    def get_article(self, article_id: int) -> Article:
        with self._db.reading() as conn:
            found = article_rows.load(conn, [article_id])
        if not found:
            raise NotFound(f"There is no article {article_id} in the archive.")
        return found[0]

    def iter_articles(self, ids: Iterable[int] | None = None) -> Iterator[Article]:
        """Articles in id order (or in the order of `ids`); ids not in the archive are skipped.

        Loads a chunk at a time and releases the lock between chunks, so other threads can
        write while a long iteration (reindexing) runs.
        """
        wanted = list(ids) if ids is not None else self.article_ids()
        for start in range(0, len(wanted), article_rows.LOAD_CHUNK):
            chunk = wanted[start : start + article_rows.LOAD_CHUNK]
            with self._db.reading() as conn:
                loaded = {a.id: a for a in article_rows.load(conn, chunk)}
            yield from (loaded[i] for i in chunk if i in loaded)

    def article_ids(self) -> list[int]:
        with self._db.reading() as conn:
            return article_rows.ids(conn)

    def count(self) -> int:
        with self._db.reading() as conn:
            return article_rows.count(conn)

    def digests(self) -> dict[int, str]:
        """Article.digest() for every article, to compare with what the index holds."""
        with self._db.reading() as conn:
            return article_rows.digests(conn)

    def list_summaries(self) -> list[ArticleSummary]:
        """Every article's list-view data in id order, without loading passages."""
        with self._db.reading() as conn:
            return article_rows.summaries(conn)
