"""Find a quoted piece of text again in an article that may have changed since it was quoted.

A bookmark remembers its passage and offsets, and a text-quote selector in the manner of the W3C
Web Annotation model: the exact text plus a short prefix and suffix. When the article is
re-imported, `locate` finds the quote again: exactly first, then tolerant of whitespace, case and
diacritics. Pure functions; safe from any thread.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from archive.model import Passage

CONTEXT_CHARS = 32

_LOOKALIKES = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "\u00a0": " ", "’": "'", "‘": "'"})


@dataclass(frozen=True)
class Anchor:
    passage: int
    start: int
    end: int


def context_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix that the selector stores beside the exact quote."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def locate(
    quote: str,
    passages: Sequence[Passage],
    prefix: str = "",
    suffix: str = "",
    hint: Anchor | None = None,
) -> Anchor | None:
    """Where `quote` stands in `passages` now, or None when it is no longer there.

    Among several places, the one whose surrounding text agrees best with prefix/suffix wins,
    then the one nearest the hint (where the quote was before).
    """
    if not quote.strip():
        return None
    candidates = list(_exact_matches(quote, passages))
    if not candidates:
        candidates = list(_tolerant_matches(quote, passages))
    if not candidates:
        return None
    best: Anchor = max(candidates, key=lambda a: _rank(a, passages, prefix, suffix, hint))
    return best


def _exact_matches(quote: str, passages: Sequence[Passage]) -> Iterator[Anchor]:
    for passage in passages:
        start = passage.text.find(quote)
        while start != -1:
            yield Anchor(passage.index, start, start + len(quote))
            start = passage.text.find(quote, start + 1)


def _tolerant_matches(quote: str, passages: Sequence[Passage]) -> Iterator[Anchor]:
    wanted, _ = fold_with_offsets(quote)
    wanted = wanted.strip()
    if not wanted:
        return
    for passage in passages:
        folded, offsets = fold_with_offsets(passage.text)
        start = folded.find(wanted)
        while start != -1:
            end = start + len(wanted)
            yield Anchor(passage.index, offsets[start], offsets[end - 1] + 1)
            start = folded.find(wanted, start + 1)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Text without case, diacritics or repeated whitespace, and for each of its characters the
    offset of the original character it came from."""
    folded: list[str] = []
    offsets: list[int] = []
    for position, char in enumerate(text):
        base = unicodedata.normalize("NFD", char.translate(_LOOKALIKES).casefold())
        for part in base:
            if unicodedata.combining(part):
                continue
            if part.isspace():
                if folded and folded[-1] == " ":
                    continue
                part = " "
            folded.append(part)
            offsets.append(position)
    return "".join(folded), offsets


def _rank(
    anchor: Anchor, passages: Sequence[Passage], prefix: str, suffix: str, hint: Anchor | None
) -> tuple[int, int]:
    text = _passage_text(passages, anchor.passage)
    before, after = context_around(text, anchor.start, anchor.end)
    agreement = _common_suffix(before, prefix) + _common_prefix(after, suffix)
    distance = 0
    if hint is not None:
        distance = abs(anchor.passage - hint.passage) * 10_000 + abs(anchor.start - hint.start)
    return agreement, -distance


def _passage_text(passages: Sequence[Passage], index: int) -> str:
    for passage in passages:
        if passage.index == index:
            return passage.text
    return ""


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
