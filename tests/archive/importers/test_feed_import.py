"""A whole blog's export in resumable batches: cancel, crash and resume lose and repeat nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from archive import feed_import
from archive.feed_import import count_posts, import_feed, is_large_feed
from archive.model import Article
from archive.storage.store import ArchiveStore
from tests.conftest import REPO

sys.path.insert(0, str(REPO))
from bench.make_blogger_export import write_export  # noqa: E402

POSTS = 12


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "blog.xml"
    write_export(path, POSTS, first=100, scale=0.1)
    return path


@pytest.fixture
def store(tmp_path: Path):
    with ArchiveStore(tmp_path / "archive.sqlite3") as opened:
        yield opened


@pytest.fixture(autouse=True)
def stream_small_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_import, "STREAM_FROM_BYTES", 1)


def numbers(store: ArchiveStore) -> list[int]:
    return sorted(s.blog_post_number for s in store.list_summaries())


def test_counts_posts_and_recognises_exports(export: Path, sample_path: Path) -> None:
    assert count_posts(export) >= POSTS  # drafts are counted too
    assert is_large_feed(export) and not is_large_feed(sample_path)


def test_imports_every_post_in_batches_with_progress(export: Path, store) -> None:
    batches: list[list[Article]] = []
    seen: list[tuple[int, int, str]] = []
    result = import_feed(store, export, batches.append, lambda *a: seen.append(a), batch_posts=5)
    assert not result.cancelled and result.error is None and result.created
    assert numbers(store) == list(range(100, 100 + POSTS))
    assert [len(b) for b in batches] == [5, 5, 2]
    # each batch hands over the articles as stored, ready to index without reading them back
    stored = [a for batch in batches for a in batch]
    assert [a.id for a in stored] == result.ids
    assert [a.digest() for a in stored] == [store.digests()[i] for i in result.ids]
    assert [done for done, _, _ in seen] == [5, 10, 12]
    assert all(title for _, _, title in seen)
    assert store.setting(feed_import.checkpoint_key(export)) is None


def test_cancel_keeps_what_was_committed_and_resumes(export: Path, store) -> None:
    first = import_feed(store, export, lambda ids: None, cancelled=lambda: True, batch_posts=5)
    assert first.cancelled and len(first.ids) == 5
    assert numbers(store) == list(range(100, 105))
    second = import_feed(store, export, lambda ids: None, batch_posts=5)
    assert second.resumed_from == 5 and len(second.ids) == POSTS - 5
    assert numbers(store) == list(range(100, 100 + POSTS))


def test_a_crash_after_a_commit_resumes_after_that_batch(export: Path, store) -> None:
    committed: list[int] = []

    def crash_on_second_batch(ids: list[int]) -> None:
        committed.extend(ids)
        if len(committed) > 5:
            raise KeyboardInterrupt  # the process dies between two batches

    with pytest.raises(KeyboardInterrupt):
        import_feed(store, export, crash_on_second_batch, batch_posts=5)
    assert len(numbers(store)) == 10
    again = import_feed(store, export, lambda ids: None, batch_posts=5)
    assert again.resumed_from == 10
    assert numbers(store) == list(range(100, 100 + POSTS))


def test_a_changed_file_starts_over(export: Path, store) -> None:
    import_feed(store, export, lambda ids: None, cancelled=lambda: True, batch_posts=5)
    write_export(export, POSTS + 1, first=100, scale=0.1)
    result = import_feed(store, export, lambda ids: None, batch_posts=5)
    assert result.resumed_from == 0
    assert numbers(store) == list(range(100, 101 + POSTS))


def test_a_broken_tail_keeps_the_batches_before_it(export: Path, store) -> None:
    data = export.read_bytes()
    export.write_bytes(data[: int(len(data) * 0.7)])
    result = import_feed(store, export, lambda ids: None, batch_posts=3)
    assert result.error and "\n" not in result.error
    assert 0 < len(numbers(store)) < POSTS


REAL = REPO / "tests" / "fixtures" / "real"


def test_a_streamed_export_names_the_drafts_it_left_out(store) -> None:
    result = import_feed(store, REAL / "blogger" / "pelican-bloggerexport.xml", lambda _: None)
    assert result.error is None and len(result.ids) == 1
    assert [(s.name, s.reason) for s in result.skipped] == [("Black as Egypt's Night", "draft")]


def test_a_streamed_feed_of_comments_only_holds_nothing_to_import(store) -> None:
    comments = REAL / "takeout" / "Takeout" / "Blogger" / "Comments" / "feed.atom"
    result = import_feed(store, comments, lambda _: None)
    assert result.error is None and result.ids == []
    assert result.nothing_to_import == "only comments, no posts"
