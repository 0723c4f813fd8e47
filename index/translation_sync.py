"""Keep the translation memory in step with the archive: which articles changed, and their
sentence pairs as the memory stores them.

An article's fingerprint is its text digest (what the search index also checks) and a hash of
its paragraph alignment, so a re-import or a re-pairing both refresh its sentence pairs. The
check against the store needs only the digests (no article is read when nothing changed).
Safe from any thread; the caller serializes writes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager

from archive.alignment.sentence_aligner import article_sentences, sentences_text
from archive.errors import StoreError
from archive.model import Article
from index.translation_memory import PairRecord, TranslationMemory

Progress = Callable[[int, int], None]
BATCH = 100  # articles per translation-memory transaction while catching up


def fingerprint(article: Article) -> str:
    links = json.dumps(article.alignment, separators=(",", ":"))
    alignment = hashlib.blake2b(links.encode("utf-8"), digest_size=6).hexdigest()
    return f"{article.digest()}:{alignment}"


def pair_records(article: Article) -> list[PairRecord]:
    return [
        PairRecord(
            vi[0].passage,
            en[0].passage,
            sentences_text(article, "vi", vi),
            sentences_text(article, "en", en),
        )
        for vi, en in article_sentences(article).paired()
    ]


def stale_ids(memory: TranslationMemory, digests: Mapping[int, str]) -> tuple[list[int], list[int]]:
    """(articles to (re)build, articles to remove) given the store's text digests."""
    held = memory.fingerprints()
    changed = [i for i, digest in digests.items() if held.get(i, "").split(":")[0] != digest]
    removed = [i for i in held if i not in digests]
    return changed, removed


def update(memory: TranslationMemory, articles: Iterable[Article]) -> int:
    """Replace the given articles' pairs; returns how many articles were written."""
    batch = [(a.id, fingerprint(a), pair_records(a)) for a in articles if a.id is not None]
    memory.replace_articles(batch)
    return len(batch)


@contextmanager
def _errors_as_store_error() -> Iterator[None]:
    """The memory is a SQLite file: its failures reach the caller as one StoreError line."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"the translation memory cannot be written: {exc}") from exc


def catch_up(
    memory: TranslationMemory,
    digests: Mapping[int, str],
    load: Callable[[list[int]], Iterable[Article]],
    guard: Callable[[], AbstractContextManager[object]],
    progress: Progress | None = None,
) -> bool:
    """Bring the memory in line with the store's `digests`; True when anything changed.

    `load` reads articles by id; `guard` is the caller's write lock, taken per batch so a
    first build does not hold up imports and corrections for its whole length."""
    with _errors_as_store_error():
        changed, removed = stale_ids(memory, digests)
        with guard():
            if removed:
                memory.remove_articles(removed)
        for start in range(0, len(changed), BATCH):
            batch = changed[start : start + BATCH]
            with guard():
                update(memory, load(batch))
            if progress is not None:
                progress(min(start + BATCH, len(changed)), len(changed))
    return bool(changed or removed)


def refresh(memory: TranslationMemory, articles: Iterable[Article]) -> None:
    """update(), its SQLite failures as one StoreError line."""
    with _errors_as_store_error():
        update(memory, articles)
