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
from collections.abc import Callable, Iterable, Mapping

from archive.alignment.sentence_aligner import article_sentences, sentences_text
from archive.model import Article
from index.translation_memory import PairRecord, TranslationMemory

Progress = Callable[[int, int], None]


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
