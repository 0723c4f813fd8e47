"""A small translation lexicon learned from one article's own first-pass sentence pairs.

Length and anchors pair most sentences right; where they cannot tell (a sentence the
translator left out beside two of similar length), the words decide. Moore (2002) and
hunalign do the same: align once, learn which Vietnamese words go with which English words in
the confident 1–1 pairs (Dice over pairs, at least two pairs together), then align again with
that knowledge. A link's similarity is the share of its words, on both sides, that have a
learned partner on the other side: true translations score well above chance, a shifted
pairing near it.

Words are lower-cased letter runs (Vietnamese syllables, English words unstemmed); archive/
has no stemmer and needs none here, since the lexicon is learned from the same text it scores.
Pure functions; safe from any thread.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"[^\W\d_]+")
MIN_TOGETHER = 2  # pairs in which a word pair must co-occur to be learned
MIN_DICE = 0.3


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


@dataclass(frozen=True)
class Lexicon:
    partners: dict[str, frozenset[str]] = field(default_factory=dict)  # vi word -> en words
    reverse: dict[str, frozenset[str]] = field(default_factory=dict)  # en word -> vi words

    def __bool__(self) -> bool:
        return bool(self.partners)

    def vi_reach(self, vi: frozenset[str]) -> frozenset[str]:
        """Every English word some word of `vi` is a partner of."""
        return frozenset().union(*(self.partners.get(w, frozenset()) for w in vi))

    def en_reach(self, en: frozenset[str]) -> frozenset[str]:
        return frozenset().union(*(self.reverse.get(w, frozenset()) for w in en))


def similarity(
    vi: frozenset[str], en: frozenset[str], vi_reach: frozenset[str], en_reach: frozenset[str]
) -> float:
    """The share of the words of both sides that have a learned partner across; `vi_reach`
    and `en_reach` are the lexicon's reach of each side (computed once per sentence, since
    the aligner asks about every sentence many times)."""
    if not vi or not en:
        return 0.0
    return (len(vi & en_reach) + len(en & vi_reach)) / (len(vi) + len(en))


def learn(pairs: Iterable[tuple[frozenset[str], frozenset[str]]]) -> Lexicon:
    """Word partners from sentence pairs taken as translations of each other."""
    pairs = list(pairs)
    vi_count: Counter[str] = Counter()
    en_count: Counter[str] = Counter()
    for vi, en in pairs:
        vi_count.update(vi)
        en_count.update(en)
    # A word seen in one pair can never be together with a partner in MIN_TOGETHER of them.
    vi_seen = {w for w, n in vi_count.items() if n >= MIN_TOGETHER}
    en_seen = {w for w, n in en_count.items() if n >= MIN_TOGETHER}
    together: Counter[tuple[str, str]] = Counter()
    for vi, en in pairs:
        en_kept = en & en_seen
        together.update((v, e) for v in vi & vi_seen for e in en_kept)
    partners: dict[str, set[str]] = {}
    reverse: dict[str, set[str]] = {}
    for (v, e), n in together.items():
        if n >= MIN_TOGETHER and 2 * n / (vi_count[v] + en_count[e]) >= MIN_DICE:
            partners.setdefault(v, set()).add(e)
            reverse.setdefault(e, set()).add(v)
    return Lexicon(
        {v: frozenset(es) for v, es in partners.items()},
        {e: frozenset(vs) for e, vs in reverse.items()},
    )
