"""Articles as rows: the `articles`, `passages` and `related_posts` tables.

Functions take an open connection; the caller holds the lock or the transaction. Related posts
resolve to `article_id` by blog post number when they are read, so links work in both
directions whatever the import order.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from archive.model import LANGS, Article, ArticleSummary, Passage, PassageKind, RelatedPost, Source
from archive.storage.identity import normalize_url

LOAD_CHUNK = 400  # ids per query: well under SQLite's bound-parameter limit

_KINDS = {kind.value: kind for kind in PassageKind}
_ARTICLE_COLUMNS = (
    "id, url_key, source_url, publication, published, blog_post_number, blog_name, title_vi, "
    "title_en, subtitle_vi, subtitle_en, authors, tags, alignment, imported_at, updated_at,"
    " post_url, alignment_corrections, original_language"
)


def insert_empty(conn: sqlite3.Connection, now: str) -> int:
    """A new article row, to be filled by write(); its id."""
    cursor = conn.execute(
        "INSERT INTO articles (imported_at, updated_at) VALUES (?, ?)", (now, now)
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def find_existing(conn: sqlite3.Connection, article: Article) -> int | None:
    """The stored article that `article` is (see archive.storage.identity), if any."""
    key = normalize_url(article.source.url)
    if key is not None:
        row = conn.execute("SELECT id FROM articles WHERE url_key = ?", (key,)).fetchone()
        if row:
            return int(row[0])
    if article.blog_post_number is not None:
        # Two articles with different URLs are different even if they share a number.
        row = conn.execute(
            "SELECT id FROM articles WHERE blog_post_number = ?"
            " AND (url_key IS NULL OR ? IS NULL) ORDER BY id LIMIT 1",
            (article.blog_post_number, key),
        ).fetchone()
        return int(row[0]) if row else None
    if key is None:
        return _find_by_title(conn, article)
    return None


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
                return int(row[0])
    return None


def write(conn: sqlite3.Connection, article_id: int, article: Article, now: str) -> None:
    """Write every field of `article` to row `article_id` (imported_at is left alone)."""
    conn.execute(
        "UPDATE articles SET url_key = ?, source_url = ?, publication = ?, published = ?,"
        " blog_post_number = ?, blog_name = ?, title_vi = ?, title_en = ?, subtitle_vi = ?,"
        " subtitle_en = ?, authors = ?, tags = ?, alignment = ?, updated_at = ?, post_url = ?,"
        " digest = ?, original_language = ? WHERE id = ?",
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
            article.digest(),
            article.original_language,
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


def set_digest(conn: sqlite3.Connection, article_id: int, digest: str) -> None:
    conn.execute("UPDATE articles SET digest = ? WHERE id = ?", (digest, article_id))


def delete(conn: sqlite3.Connection, article_id: int) -> bool:
    """Remove an article with its passages, related posts and bookmarks; False if absent."""
    return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0


def exists(conn: sqlite3.Connection, article_id: int) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def ids(conn: sqlite3.Connection) -> list[int]:
    return [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]


def count(conn: sqlite3.Connection) -> int:
    total: int = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return total


def digests(conn: sqlite3.Connection) -> dict[int, str]:
    return dict(conn.execute("SELECT id, digest FROM articles ORDER BY id"))


def load(conn: sqlite3.Connection, ids: list[int]) -> list[Article]:
    """Whole articles for `ids` (at most LOAD_CHUNK), related posts resolved, in that order."""
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
        articles[article_id].passages.setdefault(lang, []).append(Passage(idx, _KINDS[kind], text))
    numbers = _related_numbers(conn, ids)
    related = _related_for(conn, ids, _ids_by_number(conn, numbers))
    for article_id, article in articles.items():
        article.related = related.get(article_id, [])
    return [articles[i] for i in ids if i in articles]


def summaries(conn: sqlite3.Connection) -> list[ArticleSummary]:
    """Every article's list-view data in id order, without loading passages."""
    related = _related_for(conn, None, _ids_by_number(conn))
    rows = conn.execute(
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
    if numbers is not None and len(numbers) > LOAD_CHUNK:
        numbers = None  # reading them all beats a query with too many parameters
    params = sorted(numbers) if numbers is not None else []
    if numbers is not None:
        if not numbers:
            return {}
        query += f" AND blog_post_number IN ({','.join('?' * len(params))})"
    return dict(conn.execute(query + " GROUP BY blog_post_number", params).fetchall())


def _article_from_row(row: tuple[Any, ...]) -> Article:
    (article_id, _key, url, publication, published, number, blog_name, title_vi, title_en,
     subtitle_vi, subtitle_en, authors, tags, alignment, imported_at, _updated, post_url,
     _corrections, original_language) = row  # fmt: skip
    return Article(
        id=article_id,
        title=_by_lang(title_vi, title_en),
        subtitle=_by_lang(subtitle_vi, subtitle_en),
        authors=json.loads(authors),
        source=Source(url, publication, published, imported_at),
        blog_post_number=number,
        blog_name=blog_name,
        post_url=post_url,
        original_language=original_language,
        tags=json.loads(tags),
        alignment=[(list(vi), list(en)) for vi, en in json.loads(alignment)],
    )


def _by_lang(vi: str | None, en: str | None) -> dict[str, str]:
    return {lang: text for lang, text in (("vi", vi), ("en", en)) if text}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
