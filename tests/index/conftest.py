"""Fixtures for index tests: small hand-made articles and indexes in temp dirs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archive.model import Article, Passage, PassageKind
from index.search_index import SearchIndex

ArticleFactory = Callable[..., Article]


def make_article(
    article_id: int,
    vi: list[str] = (),
    en: list[str] = (),
    title: dict[str, str] | None = None,
    authors: list[str] | None = None,
) -> Article:
    """An article with one paragraph passage per string, per language."""
    passages = {
        lang: [Passage(i, PassageKind.PARAGRAPH, text) for i, text in enumerate(texts)]
        for lang, texts in (("vi", vi), ("en", en))
        if texts
    }
    return Article(title=title or {}, authors=authors or [], passages=passages, id=article_id)


@pytest.fixture
def build_index(tmp_path: Path) -> Callable[[list[Article]], SearchIndex]:
    """Build a fresh single-process index from articles, open and ready."""

    def build(articles: list[Article]) -> SearchIndex:
        index = SearchIndex(tmp_path / "index", procs=1)
        index.rebuild(articles)
        assert index.open()
        return index

    return build
