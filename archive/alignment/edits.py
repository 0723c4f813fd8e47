"""The reader's alignment corrections as operations on the store: link passages, unlink a
pair, go back to the automatic pairing. Each returns the re-aligned Article.

The store keeps a list of corrections (later ones win) and re-aligns the rest of the article
around them; these functions decide which corrections a new one replaces, so the stored list
stays the user's current intent rather than a history. Safe from any thread (the Library
serializes the writes).
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.alignment.links import Alignment
from archive.errors import SongNguError
from archive.model import Article
from archive.storage.store import ArchiveStore

Correction = tuple[list[int], list[int]]


class AlignmentEditError(SongNguError):
    """A correction that cannot be made as asked (the message says why, in one line)."""


def link_passages(
    store: ArchiveStore, article_id: int, vi: Sequence[int], en: Sequence[int]
) -> Article:
    """Pair Vietnamese passages `vi` with English passages `en` (each side one run of
    neighbouring passages); the pairing wins over the aligner and over older corrections that
    share a passage with it."""
    vi, en = sorted(set(vi)), sorted(set(en))
    if not vi or not en:
        raise AlignmentEditError("Pick at least one Vietnamese and one English passage to link.")
    if not (_consecutive(vi) and _consecutive(en)):
        raise AlignmentEditError("Passages linked together must follow each other in the text.")
    return _replace_corrections(store, article_id, [(vi, en)])


def unlink_pair(store: ArchiveStore, article_id: int, lang: str, passage: int) -> Article:
    """Undo the pairing that holds (lang, passage): each passage in it then stands alone."""
    article = store.get_article(article_id)
    link = Alignment(article.alignment).holding(lang, passage)
    if link is None or not link.is_pair:
        raise AlignmentEditError("This passage is not paired with anything.")
    singles: list[Correction] = [([i], []) for i in link.vi] + [([], [j]) for j in link.en]
    return _replace_corrections(store, article_id, singles)


def restore_automatic(store: ArchiveStore, article_id: int) -> Article:
    """Forget every correction of the article: the aligner pairs all of it again."""
    return store.set_alignment_corrections(article_id, [])


def has_corrections(store: ArchiveStore, article_id: int) -> bool:
    return bool(store.alignment_corrections(article_id))


def _replace_corrections(store: ArchiveStore, article_id: int, new: list[Correction]) -> Article:
    taken_vi = {i for vi, _ in new for i in vi}
    taken_en = {j for _, en in new for j in en}
    kept = [
        (vi, en)
        for vi, en in store.alignment_corrections(article_id)
        if not (set(vi) & taken_vi or set(en) & taken_en)
    ]
    return store.set_alignment_corrections(article_id, kept + new)


def _consecutive(indices: list[int]) -> bool:
    return all(b == a + 1 for a, b in zip(indices, indices[1:], strict=False))
