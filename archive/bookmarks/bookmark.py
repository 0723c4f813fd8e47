"""Bookmarks: passages (or whole articles) a reader keeps, with a note and tags.

A passage bookmark is anchored twice: by position (language, passage index, character offsets)
and by a text-quote selector (the exact text with a short prefix and suffix). Positions are fast;
the quote survives edits. When an article changes, `reattach` moves each bookmark to where its
quote stands now, or marks it orphaned — keeping its text, never deleting it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from archive.bookmarks.text_quote import Anchor, context_around, locate
from archive.errors import NotFound
from archive.model import ENGLISH_LANGUAGE_NAMES, Article, Passage


@dataclass(frozen=True)
class Bookmark:
    article_id: int
    lang: str | None  # None for a whole-article bookmark
    passage: int | None  # the current passage index; None when orphaned or whole-article
    start: int = 0
    end: int = 0
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    created: str = ""
    orphaned: bool = False
    id: int | None = None

    @property
    def is_article(self) -> bool:
        return self.lang is None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def clean_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Tags trimmed, without empties or repeats, in the order given."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen[tag] = None
    return tuple(seen)


def passage_bookmark(
    article: Article,
    lang: str,
    passage: int,
    start: int,
    end: int,
    note: str = "",
    tags: tuple[str, ...] = (),
) -> Bookmark:
    """A bookmark on characters start..end of one passage (the whole passage when start == end)."""
    text = _passage_text(article, lang, passage)
    if start == end:
        start, end = 0, len(text)
    if not (0 <= start < end <= len(text)):
        raise NotFound(f"Characters {start}–{end} are not in passage {passage} ({lang}).")
    prefix, suffix = context_around(text, start, end)
    return Bookmark(
        article_id=_id(article),
        lang=lang,
        passage=passage,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=prefix,
        suffix=suffix,
        note=note.strip(),
        tags=clean_tags(tags),
        created=now_iso(),
    )


def quote_bookmark(
    article: Article, lang: str, quote: str, note: str = "", tags: tuple[str, ...] = ()
) -> Bookmark:
    """A bookmark on the first place `quote` stands in the article; NotFound when it doesn't."""
    anchor = locate(quote.strip(), article.passages.get(lang, []))
    if anchor is None:
        title = article.display_title(lang)
        raise NotFound(
            f"The quote is not in the {ENGLISH_LANGUAGE_NAMES.get(lang, lang)} text of "
            f"article {article.id} ({title})."
        )
    return passage_bookmark(article, lang, anchor.passage, anchor.start, anchor.end, note, tags)


def article_bookmark(article: Article, note: str = "", tags: tuple[str, ...] = ()) -> Bookmark:
    return Bookmark(
        article_id=_id(article),
        lang=None,
        passage=None,
        quote=article.display_title(),
        note=note.strip(),
        tags=clean_tags(tags),
        created=now_iso(),
    )


def reattach(bookmark: Bookmark, article: Article) -> Bookmark:
    """The bookmark anchored in the article as it is now (orphaned if its quote is gone)."""
    if bookmark.is_article:
        return bookmark
    passages = article.passages.get(bookmark.lang or "", [])
    current = _still_in_place(bookmark, passages)
    if current:
        return replace(bookmark, orphaned=False)
    hint = None
    if bookmark.passage is not None:
        hint = Anchor(bookmark.passage, bookmark.start, bookmark.end)
    anchor = locate(bookmark.quote, passages, bookmark.prefix, bookmark.suffix, hint)
    if anchor is None:
        return replace(bookmark, passage=None, orphaned=True)
    text = _passage_text(article, bookmark.lang or "", anchor.passage)
    prefix, suffix = context_around(text, anchor.start, anchor.end)
    return replace(
        bookmark,
        passage=anchor.passage,
        start=anchor.start,
        end=anchor.end,
        prefix=prefix,
        suffix=suffix,
        orphaned=False,
    )


def _still_in_place(bookmark: Bookmark, passages: Sequence[Passage]) -> bool:
    if bookmark.passage is None or bookmark.passage >= len(passages):
        return False
    text = passages[bookmark.passage].text
    return bool(text[bookmark.start : bookmark.end] == bookmark.quote)


def _passage_text(article: Article, lang: str, index: int) -> str:
    passages = article.passages.get(lang, [])
    if not 0 <= index < len(passages):
        raise NotFound(f"Article {article.id} has no {lang} passage {index}.")
    return passages[index].text


def _id(article: Article) -> int:
    if article.id is None:
        raise NotFound("Only an archived article can be bookmarked.")
    return article.id
