"""ArchiveStore: round trip, upserts, language merge, related links, atomic saves, schema."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from archive.alignment.aligner import align
from archive.errors import NotFound, StoreError
from archive.importers import read_articles
from archive.model import Article, Passage, PassageKind, RelatedPost, Source
from archive.sample import sample_path
from archive.storage import migrations
from archive.storage import store as store_module
from archive.storage.backup import latest_backup
from archive.storage.migrations import SCHEMA_VERSION
from archive.storage.store import ArchiveStore, normalize_url

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ArchiveStore]:
    opened = ArchiveStore(tmp_path / "archive.sqlite3")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_articles(sample_path())[0]


def make_article(number: int | None, url: str | None = None, **langs: str) -> Article:
    texts = langs or {"vi": f"Bài số {number}."}
    return Article(
        title={lang: f"{lang} title {number}" for lang in texts},
        source=Source(url=url),
        blog_post_number=number,
        passages={lang: [Passage(0, PassageKind.PARAGRAPH, text)] for lang, text in texts.items()},
    )


def content_dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_round_trip_keeps_everything(store: ArchiveStore, seed: Article) -> None:
    article = replace(seed, tags=["Nga"], post_url="https://blog.example/2025/3342.html")
    [(article_id, created)] = store.save_articles([article])
    loaded = store.get_article(article_id)
    assert created and loaded.id == article_id
    for name in ("title", "subtitle", "authors", "blog_post_number", "tags", "post_url"):
        assert getattr(loaded, name) == getattr(article, name), name
    # The store aligns the two languages itself on every save.
    assert loaded.alignment == align(seed.passages["vi"], seed.passages["en"])
    assert loaded.passages == article.passages
    assert loaded.source.url == article.source.url
    assert loaded.source.publication == "Foreign Affairs"
    assert [(r.number, r.title) for r in loaded.related] == [
        (r.number, r.title) for r in article.related
    ]
    assert loaded.digest() == article.digest()
    assert datetime.fromisoformat(loaded.source.imported_at).utcoffset().total_seconds() == 0


def test_double_import_is_one_article_with_the_same_id(store: ArchiveStore, seed: Article) -> None:
    first = store.save_articles([seed])
    second = store.save_articles([seed])
    assert first == [(first[0][0], True)]
    assert second == [(first[0][0], False)]
    assert store.count() == 1 and store.article_ids() == [first[0][0]]


def test_update_keeps_imported_at_and_moves_updated_at(
    store: ArchiveStore, seed: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_now", lambda: "2025-01-01T00:00:00+00:00")
    [(article_id, _)] = store.save_articles([seed])
    monkeypatch.setattr(store_module, "_now", lambda: "2025-06-01T00:00:00+00:00")
    store.save_articles([seed])
    assert store.get_article(article_id).source.imported_at == "2025-01-01T00:00:00+00:00"
    with sqlite3.connect(store.path) as conn:
        (updated,) = conn.execute("SELECT updated_at FROM articles").fetchone()
    assert updated == "2025-06-01T00:00:00+00:00"


def test_url_spellings_are_one_identity() -> None:
    base = normalize_url("https://www.foreignaffairs.com/russia/x")
    for spelling in (
        "HTTPS://WWW.ForeignAffairs.com/russia/x/",
        "http://foreignaffairs.com/russia/x#comments",
        " https://foreignaffairs.com:443/russia/x ",
    ):
        assert normalize_url(spelling) == base
    assert normalize_url("https://foreignaffairs.com/russia/y") != base
    assert normalize_url("") is None and normalize_url(None) is None


def test_vi_and_en_files_with_one_url_make_one_article(store: ArchiveStore) -> None:
    [vi] = read_articles(FIXTURES / "europe-vi.md")
    [en] = read_articles(FIXTURES / "europe-en.md")
    [(vi_id, created_vi)] = store.save_articles([vi])
    [(en_id, created_en)] = store.save_articles([en])
    assert (created_vi, created_en) == (True, False) and vi_id == en_id
    merged = store.get_article(vi_id)
    assert merged.languages == ["vi", "en"]
    assert merged.passages["vi"] == vi.passages["vi"]
    assert merged.passages["en"] == en.passages["en"]
    assert merged.title == {"vi": vi.title["vi"], "en": en.title["en"]}
    assert merged.blog_post_number == 3342 and merged.authors == vi.authors
    # Importing the Vietnamese file again does not drop the English text.
    store.save_articles([vi])
    assert store.get_article(vi_id).passages["en"] == en.passages["en"]
    assert store.count() == 1


def test_blog_post_number_is_the_identity_without_url(store: ArchiveStore) -> None:
    [(first, _)] = store.save_articles([make_article(42, vi="Đoạn một.")])
    [(second, created)] = store.save_articles(
        [make_article(42, "https://example.org/a", en="Paragraph one.")]
    )
    assert second == first and not created
    article = store.get_article(first)
    assert article.languages == ["vi", "en"] and article.source.url == "https://example.org/a"


def test_same_number_different_urls_are_different_articles(store: ArchiveStore) -> None:
    results = store.save_articles(
        [make_article(7, "https://example.org/a"), make_article(7, "https://example.org/b")]
    )
    assert [created for _, created in results] == [True, True]
    assert store.count() == 2


def test_related_posts_resolve_whatever_the_import_order(store: ArchiveStore) -> None:
    older = make_article(2945)
    older.related = [RelatedPost(3342, "Cuộc chiến tiếp theo của châu Âu")]
    newer = make_article(3342)
    newer.related = [RelatedPost(2945, "Chi tiết"), RelatedPost(9999, "Not in the archive")]
    [(newer_id, _)] = store.save_articles([newer])
    assert [r.article_id for r in store.get_article(newer_id).related] == [None, None]
    [(older_id, _)] = store.save_articles([older])
    assert [r.article_id for r in store.get_article(newer_id).related] == [older_id, None]
    assert [r.article_id for r in store.get_article(older_id).related] == [newer_id]
    summaries = {s.id: s for s in store.list_summaries()}
    assert [r.article_id for r in summaries[newer_id].related] == [older_id, None]


def test_failed_save_leaves_the_content_as_it_was(store: ArchiveStore, seed: Article) -> None:
    store.save_articles([seed])
    before = content_dump(store.path)
    changed_seed = replace(seed, authors=["Someone Else"])
    broken = make_article(5)
    broken.passages["vi"] = [Passage(0, PassageKind.PARAGRAPH, "a")] * 2  # duplicate index
    with pytest.raises(StoreError) as caught:
        store.save_articles([changed_seed, make_article(4), broken])
    assert "\n" not in str(caught.value) and str(store.path) in str(caught.value)
    assert content_dump(store.path) == before
    assert store.count() == 1  # and the store still works
    assert store.save_articles([make_article(4)])[0][1] is True


def test_delete_article_removes_its_rows(store: ArchiveStore, seed: Article) -> None:
    [(article_id, _)] = store.save_articles([seed])
    store.delete_article(article_id)
    assert store.count() == 0
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM passages").fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM related_posts").fetchone() == (0,)
    with pytest.raises(NotFound):
        store.delete_article(article_id)
    with pytest.raises(NotFound):
        store.get_article(article_id)


def test_iter_articles_follows_the_ids_given(store: ArchiveStore) -> None:
    ids = [i for i, _ in store.save_articles([make_article(n) for n in (1, 2, 3)])]
    assert [a.blog_post_number for a in store.iter_articles()] == [1, 2, 3]
    assert [a.id for a in store.iter_articles([ids[2], 12345, ids[0]])] == [ids[2], ids[0]]
    assert store.digests() == {a.id: a.digest() for a in store.iter_articles()}


def test_saves_from_many_threads(store: ArchiveStore) -> None:
    errors: list[Exception] = []

    def save(start: int) -> None:
        try:
            for n in range(start, start + 10):
                store.save_articles([make_article(n)])
        except Exception as error:  # collected: a thread's exception would vanish
            errors.append(error)

    threads = [threading.Thread(target=save, args=(k * 100,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and store.count() == 40


def test_new_database_is_migrated_from_version_zero(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    sqlite3.connect(path).close()  # an empty file at user_version 0
    with ArchiveStore(path) as opened:
        assert opened.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert {"articles", "passages", "related_posts"} <= tables


def test_later_migrations_run_in_order_on_an_existing_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: Article
) -> None:
    path = tmp_path / "old.sqlite3"
    with ArchiveStore(path) as old:
        old.save_articles([seed])
    added = [["ALTER TABLE articles ADD COLUMN note TEXT"], ["UPDATE articles SET note = 'x'"]]
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + added)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 2)
    with ArchiveStore(path) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION + 2
        assert upgraded.get_article(1).passages == seed.passages
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT note FROM articles").fetchall() == [("x",)]
    # The migration kept the archive as it was first (the backup module once compared with
    # its own stale copy of SCHEMA_VERSION and took none).
    backup = latest_backup(path)
    assert backup is not None and f"schema{SCHEMA_VERSION}-" in backup.name
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer Song Ngữ"):
        ArchiveStore(path)


@pytest.mark.parametrize(
    "make_bad",
    [
        lambda tmp: (tmp / "garbage.sqlite3").write_bytes(b"this is not a database" * 100),
        lambda tmp: (tmp / "garbage.sqlite3").mkdir(),
    ],
    ids=["not-a-database", "a-directory"],
)
def test_unopenable_database_is_one_line_store_error(
    tmp_path: Path, make_bad: Callable[[Path], object]
) -> None:
    make_bad(tmp_path)
    with pytest.raises(StoreError) as caught:
        ArchiveStore(tmp_path / "garbage.sqlite3")
    message = str(caught.value)
    assert "garbage.sqlite3" in message and "\n" not in message


def test_folder_that_cannot_be_created_is_store_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", "utf-8")
    with pytest.raises(StoreError, match="Cannot create the folder"):
        ArchiveStore(tmp_path / "file" / "archive.sqlite3")


def test_summaries_of_5000_articles_are_fast(store: ArchiveStore) -> None:
    articles = [make_article(n, f"https://example.org/{n}") for n in range(5000)]
    for article in articles[::2]:
        article.related = [RelatedPost(article.blog_post_number + 1, "next")]
    store.save_articles(articles)
    started = datetime.now()
    summaries = store.list_summaries()
    elapsed = (datetime.now() - started).total_seconds()
    assert len(summaries) == 5000 and summaries[0].related[0].article_id == summaries[1].id
    assert elapsed < 1.0, f"list_summaries took {elapsed:.2f} s"


def test_stored_digests_follow_every_save(store: ArchiveStore) -> None:
    [vi] = read_articles(FIXTURES / "europe-vi.md")
    [en] = read_articles(FIXTURES / "europe-en.md")
    [(article_id, _)] = store.save_articles([vi])
    assert store.digests() == {article_id: store.get_article(article_id).digest()}
    store.save_articles([en])
    merged = store.get_article(article_id)
    assert merged.languages == ["vi", "en"]
    assert store.digests() == {article_id: merged.digest()}


def test_digests_are_computed_again_when_the_digest_algorithm_changed(
    tmp_path: Path, seed: Article
) -> None:
    path = tmp_path / "archive.sqlite3"
    with ArchiveStore(path) as first:
        [(article_id, _)] = first.save_articles([seed])
    with sqlite3.connect(path) as conn:  # as if written by an older Article.digest()
        conn.execute("UPDATE articles SET digest = 'old'")
        conn.execute("UPDATE settings SET value = 'old' WHERE key = 'digest_canary'")
    with ArchiveStore(path) as reopened:
        assert reopened.digests() == {article_id: seed.digest()}


def test_stored_digest_matches_the_article_read_back_despite_empty_parts(
    store: ArchiveStore,
) -> None:
    article = make_article(9, vi="Đoạn một.")
    article.passages["en"] = []
    article.title["en"] = ""
    article.passages["vi"] = [
        Passage(1, PassageKind.PARAGRAPH, "Đoạn hai."),
        Passage(0, PassageKind.HEADING, "Tiêu đề"),
    ]
    [(article_id, _)] = store.save_articles([article])
    loaded = store.get_article(article_id)
    assert [p.index for p in loaded.passages["vi"]] == [0, 1] and loaded.languages == ["vi"]
    assert store.digests()[article_id] == loaded.digest()


def test_two_stores_opening_a_new_file_at_once_both_work(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    opened: list[ArchiveStore] = []
    errors: list[Exception] = []

    def open_store() -> None:
        try:
            opened.append(ArchiveStore(path))
        except Exception as error:  # collected: a thread's exception would vanish
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened) == 3
    opened[0].save_articles([make_article(1)])
    assert [s.count() for s in opened] == [1, 1, 1]
    for each in opened:
        each.close()


def test_note_without_url_or_number_is_matched_by_title(store: ArchiveStore) -> None:
    note = make_article(None, vi="Ghi chú một.")
    note.title = {"vi": "Ghi chú"}
    [(first, _)] = store.save_articles([note])
    again = replace(note, passages={"vi": [Passage(0, PassageKind.PARAGRAPH, "Ghi chú hai.")]})
    assert store.save_articles([again]) == [(first, False)]
    other = replace(note, title={"vi": "Ghi chú khác"})
    assert store.save_articles([other])[0][1] is True
    assert store.count() == 2


def test_save_returns_each_article_as_stored(store: ArchiveStore, seed: Article) -> None:
    [saved] = store.save_articles([seed])
    read_back = store.get_article(saved.id)
    assert saved.created and saved.article.id == saved.id
    assert saved.article.passages == read_back.passages
    assert saved.article.alignment == read_back.alignment
    assert saved.article.digest() == read_back.digest() == store.digests()[saved.id]


def test_version_6_moves_passages_off_without_rowid_keeping_every_row(
    tmp_path: Path, seed: Article
) -> None:
    path = tmp_path / "v5.sqlite3"
    with sqlite3.connect(path) as conn:  # an archive as schema 5 left it
        for statements in migrations.MIGRATIONS[:5]:
            for statement in statements:
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 5")
        conn.execute("INSERT INTO articles (id, imported_at, updated_at) VALUES (1, 'a', 'a')")
        rows = [
            (1, lang, i, "code" if i == 3 else "paragraph", f"{lang} đoạn {i} " * 50)
            for lang in ("vi", "en")
            for i in range(40)
        ]
        conn.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?)", rows)
    with ArchiveStore(path) as upgraded:
        assert upgraded.schema_version() >= 6
    with sqlite3.connect(path) as conn:
        [sql] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'passages'").fetchone()
        assert "WITHOUT ROWID" not in sql.upper()
        kept = conn.execute("SELECT article_id, lang, idx, kind, text FROM passages").fetchall()
        assert sorted(kept) == sorted(rows)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM articles")  # the foreign key still cascades
        assert conn.execute("SELECT count(*) FROM passages").fetchone() == (0,)
    backup = latest_backup(path)
    assert backup is not None and "schema5-" in backup.name
