"""A whole blog through the Library: batches become searchable, cancel and resume lose nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from archive import feed_import
from tests.conftest import REPO
from viewer import library as library_module
from viewer.library import Library

sys.path.insert(0, str(REPO))
from bench.make_blogger_export import write_export  # noqa: E402

POSTS = 12


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(feed_import, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(feed_import, "BATCH_POSTS", 4)
    monkeypatch.setattr(library_module, "FEED_INDEX_CHUNK", 5)
    path = tmp_path / "blog.xml"
    write_export(path, POSTS, first=500, scale=0.1)
    return path


def test_a_blog_export_imports_with_progress_and_is_searchable(data_dir: Path, export) -> None:
    seen: list[tuple[int, int, str]] = []
    library = Library.open(data_dir)
    try:
        library.ensure_index()
        [outcome] = library.import_paths([export], progress=lambda *a: seen.append(a))
        assert outcome.status == "imported" and len(outcome.article_ids) == POSTS
        assert any(name and done < total for done, total, name in seen)
        assert library.check().ok
        numbers = {s.blog_post_number for s in library.summaries()}
        assert set(range(500, 500 + POSTS)) <= numbers
    finally:
        library.close()


def test_cancel_then_import_again_resumes(data_dir: Path, export) -> None:
    library = Library.open(data_dir)
    try:
        library.ensure_index()
        calls = iter(range(1000))
        [first] = library.import_paths([export], cancelled=lambda: next(calls) >= 2)
        assert first.cancelled and 0 < len(first.article_ids) < POSTS
        [second] = library.import_paths([export])
        assert second.resumed_from == len(first.article_ids)
        assert len(first.article_ids) + len(second.article_ids) == POSTS
        assert library.check().ok
    finally:
        library.close()
