"""The alignment kept with an article: the aligner's links with the reader's corrections on top.

A correction is stored with a fingerprint of the passages it links, so it survives a re-import
that leaves those passages unchanged and is dropped when their text changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from archive.alignment.aligner import align
from archive.model import AlignmentLink, Article


def correction_records(links: Sequence[AlignmentLink], article: Article) -> list[dict[str, Any]]:
    return [
        {"vi": list(vi), "en": list(en), "texts": _fingerprint(article, vi, en)}
        for vi, en in links
        if _in_range(article, vi, en)
    ]


def valid_corrections(records: Sequence[dict[str, Any]], article: Article) -> list[AlignmentLink]:
    """The stored corrections whose passages are still there with the same text."""
    return [
        (list(r["vi"]), list(r["en"]))
        for r in records
        if _in_range(article, r["vi"], r["en"])
        and r.get("texts") == _fingerprint(article, r["vi"], r["en"])
    ]


def realign(article: Article, records: Sequence[dict[str, Any]] = ()) -> list[AlignmentLink]:
    vi, en = article.passages.get("vi", []), article.passages.get("en", [])
    if not vi and not en:
        return []
    return align(vi, en, valid_corrections(records, article))


def _in_range(article: Article, vi: Sequence[int], en: Sequence[int]) -> bool:
    counts = (len(article.passages.get("vi", [])), len(article.passages.get("en", [])))
    return (bool(vi) or bool(en)) and all(
        0 <= i < count for side, count in zip((vi, en), counts, strict=True) for i in side
    )


def _fingerprint(article: Article, vi: Sequence[int], en: Sequence[int]) -> str:
    texts = [article.passages["vi"][i].text for i in vi]
    texts += ["\x00"] + [article.passages["en"][i].text for i in en]
    return hashlib.blake2b("\x1f".join(texts).encode("utf-8"), digest_size=8).hexdigest()
