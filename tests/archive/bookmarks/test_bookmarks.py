"""Bookmark anchors: created from quotes, re-attached after edits, orphaned but kept."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from archive.bookmarks.bookmark import article_bookmark, clean_tags, quote_bookmark, reattach
from archive.errors import NotFound
from archive.importers import read_articles
from archive.model import Article, Passage, PassageKind

QUOTE = "a cease-fire could mark the start of an even more dangerous era"


@pytest.fixture
def article(sample_path: Path) -> Article:
    return read_articles(sample_path)[0].with_id(7)


def edited(article: Article, lang: str, passages: list[str]) -> Article:
    """The article with one language's passages replaced (kinds kept simple)."""
    new = [Passage(i, PassageKind.PARAGRAPH, t) for i, t in enumerate(passages)]
    return replace(article, passages={**article.passages, lang: new})


def texts(article: Article, lang: str) -> list[str]:
    return [p.text for p in article.passages[lang]]


def test_quote_bookmark_records_position_and_context(article: Article) -> None:
    mark = quote_bookmark(article, "en", QUOTE, note="for the preface", tags=("ceasefire",))
    text = article.passages["en"][mark.passage].text
    assert text[mark.start : mark.end] == QUOTE
    assert mark.prefix == text[max(0, mark.start - 32) : mark.start] and mark.prefix
    assert mark.suffix == text[mark.end : mark.end + 32]
    assert (mark.article_id, mark.lang, mark.note, mark.tags) == (
        7,
        "en",
        "for the preface",
        ("ceasefire",),
    )
    assert not mark.orphaned


def test_a_quote_that_is_not_in_the_article_is_refused(article: Article) -> None:
    with pytest.raises(NotFound, match="not in the English text"):
        quote_bookmark(article, "en", "this sentence was never written")


def test_reattach_follows_an_inserted_paragraph(article: Article) -> None:
    mark = quote_bookmark(article, "en", QUOTE)
    passages = texts(article, "en")
    passages.insert(0, "An editor's note added at the top.")
    moved = reattach(mark, edited(article, "en", passages))
    assert moved.passage == mark.passage + 1
    assert (moved.start, moved.end, moved.orphaned) == (mark.start, mark.end, False)


def test_reattach_tolerates_a_changed_word_nearby_and_shifted_offsets(article: Article) -> None:
    mark = quote_bookmark(article, "vi", "Nga sáp nhập Crimea")
    passages = texts(article, "vi")
    passages[mark.passage] = "Thêm vài chữ. " + passages[mark.passage].replace("gần", "suýt")
    moved = reattach(mark, edited(article, "vi", passages))
    assert passages[moved.passage][moved.start : moved.end] == "Nga sáp nhập Crimea"
    assert moved.start == passages[mark.passage].find("Nga sáp nhập Crimea") > mark.start


def test_reattach_tolerates_whitespace_and_diacritics(article: Article) -> None:
    mark = quote_bookmark(article, "vi", "Nga sáp nhập Crimea")
    passages = texts(article, "vi")
    passages[mark.passage] = passages[mark.passage].replace(
        "Nga sáp nhập Crimea", "Nga  sap\u00a0nhap Crimea"
    )
    moved = reattach(mark, edited(article, "vi", passages))
    assert not moved.orphaned
    assert passages[moved.passage][moved.start : moved.end] == "Nga  sap\u00a0nhap Crimea"


def test_a_deleted_passage_orphans_the_bookmark_and_keeps_its_text(article: Article) -> None:
    mark = quote_bookmark(article, "en", QUOTE)
    passages = texts(article, "en")
    del passages[mark.passage]
    passages = [p for p in passages if QUOTE not in p]
    orphan = reattach(mark, edited(article, "en", passages))
    assert orphan.orphaned and orphan.passage is None
    assert orphan.quote == QUOTE and orphan.note == mark.note


def test_among_repeats_the_context_decides(article: Article) -> None:
    mark = quote_bookmark(article, "en", "Belarus")
    passages = texts(article, "en")
    passages.insert(0, "Belarus appears here first, in a new opening line.")
    moved = reattach(mark, edited(article, "en", passages))
    original = article.passages["en"][mark.passage].text
    assert passages[moved.passage] == original


def test_article_bookmarks_and_tags(article: Article) -> None:
    whole = article_bookmark(article, note="  read again  ", tags=("NATO", "nato", " ", "Nga"))
    assert whole.is_article and whole.lang is None and whole.note == "read again"
    assert whole.tags == ("NATO", "Nga")
    assert reattach(whole, article) is whole
    assert clean_tags(["  châu   Âu ", "Châu Âu"]) == ("châu Âu",)
