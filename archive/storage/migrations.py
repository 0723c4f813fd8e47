"""The archive database's schema, as the list of forward migrations that build it.

MIGRATIONS[n] takes a database from schema version n to n + 1 (PRAGMA user_version).
Append only: a released migration never changes. SCHEMA_VERSION (len(MIGRATIONS)) is the
version this Song Ngữ writes; readers take it from this module at call time, so a test that
adds migrations patches it here once and every reader (the store, the backups) agrees.
"""

# How long a connection waits for another process's write lock before it gives up.
BUSY_TIMEOUT_MS = 5000

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url_key TEXT,
            source_url TEXT,
            publication TEXT,
            published TEXT,
            blog_post_number INTEGER,
            blog_name TEXT,
            title_vi TEXT,
            title_en TEXT,
            subtitle_vi TEXT,
            subtitle_en TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            alignment TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE UNIQUE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL",
        "CREATE INDEX articles_blog_post_number ON articles(blog_post_number)",
        """CREATE TABLE passages (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            lang TEXT NOT NULL CHECK (lang IN ('vi', 'en')),
            idx INTEGER NOT NULL CHECK (idx >= 0),
            kind TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'quote', 'caption')),
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, lang, idx)
        ) WITHOUT ROWID""",
        """CREATE TABLE related_posts (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number INTEGER,
            title TEXT NOT NULL,
            PRIMARY KEY (article_id, position)
        ) WITHOUT ROWID""",
    ],
    [
        # Article.digest() kept per article, so the startup index check reads ids and
        # digests instead of every passage (seconds for a few thousand articles).
        "ALTER TABLE articles ADD COLUMN digest TEXT",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ],
    [
        # Bookmarks: a position (passage + offsets) and a W3C text-quote selector
        # (quote + prefix + suffix) that re-attaches them when the article changes.
        """CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            lang TEXT CHECK (lang IN ('vi', 'en')),
            passage INTEGER,
            start_offset INTEGER NOT NULL DEFAULT 0,
            end_offset INTEGER NOT NULL DEFAULT 0,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            orphaned INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX bookmarks_article ON bookmarks(article_id)",
        # The reader's own pairings in the side-by-side view; they win over the aligner.
        "ALTER TABLE articles ADD COLUMN alignment_corrections TEXT NOT NULL DEFAULT '[]'",
        # A blog post's own address, beside the source it translates.
        "ALTER TABLE articles ADD COLUMN post_url TEXT",
    ],
    [
        # The language of the non-Vietnamese side when it is neither Vietnamese nor English
        # (ISO 639-1), so the index analyzes it without the English stemmer.
        "ALTER TABLE articles ADD COLUMN original_language TEXT",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
