"""Bookmarks and alignment corrections in the store, across re-imports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from archive.bookmarks.bookmark import article_bookmark, quote_bookmark
from archive.errors import NotFound
from archive.importers import read_articles
from archive.model import Article, Passage
from archive.storage.store import ArchiveStore

QUOTE = "Powerful adversaries need to talk."
VI_QUOTE = "Nga sáp nhập Crimea"


@pytest.fixture
def store(tmp_path: Path):
    with ArchiveStore(tmp_path / "archive.sqlite3") as opened:
        yield opened


@pytest.fixture
def seed(sample_path: Path) -> Article:
    return read_articles(sample_path)[0]


@pytest.fixture
def saved(store: ArchiveStore, seed: Article) -> Article:
    [(article_id, _)] = store.save_articles([seed])
    return store.get_article(article_id)


def with_texts(article: Article, lang: str, texts: list[str]) -> Article:
    kinds = {p.text: p.kind for p in article.passages[lang]}
    passages = [
        Passage(i, kinds.get(t, article.passages[lang][0].kind), t) for i, t in enumerate(texts)
    ]
    return replace(article, id=None, passages={**article.passages, lang: passages})


def texts(article: Article, lang: str) -> list[str]:
    return [p.text for p in article.passages[lang]]


def test_add_list_edit_delete_and_undo(store: ArchiveStore, saved: Article) -> None:
    first = store.add_bookmark(quote_bookmark(saved, "en", QUOTE, note="lời tựa", tags=("a",)))
    second = store.add_bookmark(article_bookmark(saved, tags=("b",)))
    assert [b.id for b in store.bookmarks()] == [first.id, second.id]
    assert store.bookmarks(tag="A") == [first]
    assert store.bookmarks(article_id=saved.id + 1) == []
    edited = store.update_bookmark(first.id, note="  new note ", tags=["x", "X", "y"])
    assert (edited.note, edited.tags) == ("new note", ("x", "y"))
    assert store.get_bookmark(first.id) == edited
    removed = store.delete_bookmark(first.id)
    assert [b.id for b in store.bookmarks()] == [second.id]
    store.add_bookmark(removed)  # undo
    assert store.get_bookmark(first.id) == edited


def test_bookmark_errors(store: ArchiveStore, saved: Article) -> None:
    with pytest.raises(NotFound):
        store.get_bookmark(42)
    with pytest.raises(NotFound):
        store.delete_bookmark(42)
    with pytest.raises(NotFound):
        store.add_bookmark(replace(article_bookmark(saved), article_id=999))


def test_reimport_with_inserted_paragraph_and_changed_word_reattaches(
    store: ArchiveStore, saved: Article
) -> None:
    en = store.add_bookmark(quote_bookmark(saved, "en", QUOTE))
    vi = store.add_bookmark(quote_bookmark(saved, "vi", VI_QUOTE))
    en_texts = texts(saved, "en")
    en_texts.insert(3, "An inserted paragraph, new in this version of the article.")
    vi_texts = [t.replace("Crimea", "Krym") if VI_QUOTE in t else t for t in texts(saved, "vi")]
    vi_texts[vi.passage] = vi_texts[vi.passage].replace("Krym", "Crimea").replace("gần", "suýt")
    edited = with_texts(with_texts(saved, "en", en_texts), "vi", vi_texts)
    store.save_articles([edited])
    reloaded = store.get_article(saved.id)
    moved_en, moved_vi = store.get_bookmark(en.id), store.get_bookmark(vi.id)
    assert moved_en.passage == en.passage + 1 and not moved_en.orphaned
    text = reloaded.passages["en"][moved_en.passage].text
    assert text[moved_en.start : moved_en.end] == QUOTE
    vi_text = reloaded.passages["vi"][moved_vi.passage].text
    assert vi_text[moved_vi.start : moved_vi.end] == VI_QUOTE and "suýt" in vi_text


def test_reimport_without_the_passage_orphans_but_keeps(store: ArchiveStore, saved: Article):
    mark = store.add_bookmark(quote_bookmark(saved, "en", QUOTE, note="keep me"))
    store.save_articles(
        [with_texts(saved, "en", [t for t in texts(saved, "en") if QUOTE not in t])]
    )
    orphan = store.get_bookmark(mark.id)
    assert orphan.orphaned and orphan.passage is None
    assert (orphan.quote, orphan.note) == (QUOTE, "keep me")
    store.save_articles([replace(saved, id=None)])  # the passage comes back
    back = store.get_bookmark(mark.id)
    assert not back.orphaned and back.passage == mark.passage


def test_deleting_the_article_is_the_only_way_bookmarks_go(store, saved: Article) -> None:
    store.add_bookmark(quote_bookmark(saved, "en", QUOTE))
    store.delete_article(saved.id)
    assert store.bookmarks() == []


def test_corrections_win_and_survive_an_unchanged_reimport(store, saved: Article) -> None:
    correction = ([0], [0, 1])
    article = store.set_alignment_corrections(saved.id, [correction])
    assert correction in article.alignment
    assert store.get_article(saved.id).alignment == article.alignment
    store.save_articles([replace(saved, id=None)])
    assert correction in store.get_article(saved.id).alignment
    assert store.alignment_corrections(saved.id) == [correction]


def test_corrections_are_dropped_when_their_passages_change(store, saved: Article) -> None:
    store.set_alignment_corrections(saved.id, [([0], [0, 1])])
    en_texts = texts(saved, "en")
    en_texts[1] = en_texts[1] + " A sentence added later."
    store.save_articles([with_texts(saved, "en", en_texts)])
    assert store.alignment_corrections(saved.id) == []
    assert ([0], [0, 1]) not in store.get_article(saved.id).alignment
