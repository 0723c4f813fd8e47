"""The reader's pairing corrections: link, unlink, restore, and the mistakes they refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.alignment.edits import (
    AlignmentEditError,
    has_corrections,
    link_passages,
    restore_automatic,
    unlink_pair,
)
from archive.alignment.links import Alignment, Link
from archive.importers import read_articles
from archive.storage.store import ArchiveStore


@pytest.fixture
def store_and_id(tmp_path: Path, sample_path: Path):
    with ArchiveStore(tmp_path / "archive.sqlite3") as store:
        [(article_id, _)] = store.save_articles(read_articles(sample_path))
        yield store, article_id


def test_link_wins_and_replaces_older_corrections_on_the_same_passages(store_and_id) -> None:
    store, article_id = store_and_id
    article = link_passages(store, article_id, [0], [0, 1])
    assert ([0], [0, 1]) in article.alignment and has_corrections(store, article_id)
    article = link_passages(store, article_id, [0], [0])
    assert ([0], [0]) in article.alignment
    assert store.alignment_corrections(article_id) == [([0], [0])]


def test_unlink_leaves_each_passage_alone(store_and_id) -> None:
    store, article_id = store_and_id
    article = unlink_pair(store, article_id, "en", 5)
    assert Alignment(article.alignment).holding("en", 5) == Link(vi=(), en=(5,))
    with pytest.raises(AlignmentEditError, match="not paired"):
        unlink_pair(store, article_id, "en", 5)


def test_restore_forgets_every_correction(store_and_id) -> None:
    store, article_id = store_and_id
    automatic = store.get_article(article_id).alignment
    link_passages(store, article_id, [3], [4])
    assert restore_automatic(store, article_id).alignment == automatic
    assert not has_corrections(store, article_id)


@pytest.mark.parametrize(
    ("vi", "en", "message"),
    [
        ([], [1], "at least one"),
        ([1, 3], [1], "follow each other"),
    ],
)
def test_refused_links(store_and_id, vi, en, message) -> None:
    store, article_id = store_and_id
    with pytest.raises(AlignmentEditError, match=message):
        link_passages(store, article_id, vi, en)
