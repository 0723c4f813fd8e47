"""Pair an article's Vietnamese and English passages: a Gale–Church aligner with anchors.

Translations are not 1–1: translators merge a heading or a pull quote into the next paragraph
and drop photo captions. `align` finds the cheapest monotone chain of links of the shapes
1–1, 1–2, 2–1, 1–0 and 0–1 by dynamic programming. A link's cost adds

- the Gale–Church length cost: how far the Vietnamese length strays from the English length
  times the article's own Vietnamese/English length ratio, plus the shape's prior;
- an anchor reward for tokens both sides share (numbers, months, names, acronyms, quoted titles;
  see align_anchors), weighted by rarity in the article;
- a kind cost: a heading pairs with a heading, and captions and pull quotes may go untranslated;
- code pairs only with code, one block with one block (a program is not translated into a
  paragraph, nor merged with one), or stays unpaired.

Pure functions, no I/O; safe from any thread. An article of 100×100 passages aligns in a few
tens of milliseconds (the search is limited to a band around the diagonal).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from archive.alignment.anchors import build_anchor_table
from archive.alignment.corrections import apply_corrections, usable_corrections
from archive.model import AlignmentLink, Passage, PassageKind

__all__ = ["LINK_SHAPES", "align", "apply_corrections", "position_pairs"]

LINK_SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))

_HEADING = PassageKind.HEADING
_CODE = PassageKind.CODE
_PAIR_SHAPES = tuple(shape for shape in LINK_SHAPES if all(shape))
_SQRT2 = math.sqrt(2)
# Gale & Church (1993): -log of each shape's prior probability.
_SHAPE_COST = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099 / 2),
    (0, 1): -math.log(0.0099 / 2),
    (2, 1): -math.log(0.089 / 2),
    (1, 2): -math.log(0.089 / 2),
}
# Variance of the length difference per character (Gale & Church's figure).
_LENGTH_VARIANCE = 6.8
# Cost units per unit of shared anchor weight (a rare name weighs about 3.7 in an
# article of 80 passages).
_ANCHOR_GAIN = 1.0
# Headings pair with headings; a heading beside a paragraph is a strong sign of a shifted pairing.
_HEADING_MATCH = -1.0
_HEADING_MISMATCH = 4.0
# A heading merged into a paragraph is merged into the one it introduces, so a two-passage
# side that ends with a heading is unlikely.
_HEADING_LAST_IN_MERGE = 2.0
# Two code blocks side by side are most likely the same program (code is copied, not
# translated), as two headings are the same heading.
_CODE_MATCH = -1.0
# Untranslated passages: captions often, pull quotes sometimes, code now and then (a
# translation may leave a listing out), anything else rarely.
_DROP_COST = {PassageKind.CAPTION: 1.0, PassageKind.QUOTE: 2.5, PassageKind.CODE: 2.5}
# The DP visits cells within this distance of the diagonal (widened for unequal counts).
_MIN_BAND = 10


def position_pairs(vi: Sequence[Passage], en: Sequence[Passage]) -> list[AlignmentLink]:
    """The naive baseline: the k-th Vietnamese passage with the k-th English one."""
    common = min(len(vi), len(en))
    links: list[AlignmentLink] = [([k], [k]) for k in range(common)]
    links += [([k], []) for k in range(common, len(vi))]
    links += [([], [k]) for k in range(common, len(en))]
    return links


def align(
    vi: Sequence[Passage], en: Sequence[Passage], corrections: Sequence[AlignmentLink] = ()
) -> list[AlignmentLink]:
    """Link the passages of both languages in order, covering every passage exactly once.

    Each link is ([vi indices], [en indices]) by position in the given sequences; a 1–0 or
    0–1 link has an empty side. `corrections` are links the user asserted (see
    align_corrections): they are kept as given and the passages around them are re-aligned.
    """
    kept = usable_corrections(corrections, len(vi), len(en))
    if not vi or not en:
        return apply_corrections(position_pairs(vi, en), kept)
    costs = _LinkCosts(vi, en)
    costs.force_unlinked(kept)
    links: list[AlignmentLink] = []
    vi_at = en_at = 0
    for fixed in sorted((k for k in kept if k[0] and k[1]), key=lambda k: k[0][0]):
        links += _best_path(costs, range(vi_at, fixed[0][0]), range(en_at, fixed[1][0]))
        links.append(fixed)
        vi_at, en_at = fixed[0][-1] + 1, fixed[1][-1] + 1
    return links + _best_path(costs, range(vi_at, len(vi)), range(en_at, len(en)))


class _LinkCosts:
    """Precomputed per-passage features and the cost of any candidate link."""

    def __init__(self, vi: Sequence[Passage], en: Sequence[Passage]) -> None:
        vi_len = [len(p.text.strip()) for p in vi]
        en_len = [len(p.text.strip()) for p in en]
        self.vi_kind = [p.kind for p in vi]
        self.en_kind = [p.kind for p in en]
        table = build_anchor_table([p.text for p in vi], [p.text for p in en])
        self.weight = table.weight
        # Spans of one and two passages ending at each index, built once: the DP asks for
        # each of them many times.
        self.vi_span = _spans(vi_len, table.vi)
        self.en_span = _spans(en_len, table.en)
        self.vi_unlinked = [False] * len(vi)
        self.en_unlinked = [False] * len(en)
        # The article's own length ratio: Vietnamese characters per English character.
        self.ratio = max(sum(vi_len), 1) / max(sum(en_len), 1)

    def force_unlinked(self, corrections: Sequence[AlignmentLink]) -> None:
        """Passages the user declared untranslated: free to drop, never paired."""
        for vi, en in corrections:
            for i in vi if not en else ():
                self.vi_unlinked[i] = True
            for j in en if not vi else ():
                self.en_unlinked[j] = True

    def pair_cost(self, i: int, j: int, di: int, dj: int) -> float:
        """Cost of linking vi[i-di:i] with en[j-dj:j], both sides non-empty."""
        if any(self.vi_unlinked[i - di : i]) or any(self.en_unlinked[j - dj : j]):
            return math.inf
        if self._code_apart(i, j, di, dj):
            return math.inf
        vi_len, vi_anchors = self.vi_span[di][i]
        en_len, en_anchors = self.en_span[dj][j]
        cost = _SHAPE_COST[(di, dj)] + self._length_cost(vi_len, en_len)
        if vi_anchors and en_anchors:
            cost -= _ANCHOR_GAIN * sum(self.weight[a] for a in vi_anchors & en_anchors)
        return cost + (self._kind_cost(i, j) if di == dj == 1 else self._merge_kind_cost(i, j, di))

    def vi_drop_cost(self, i: int) -> float:
        """Cost of leaving vi[i-1] without an English counterpart."""
        if self.vi_unlinked[i - 1]:
            return 0.0
        return _DROP_COST.get(self.vi_kind[i - 1], _SHAPE_COST[(1, 0)])

    def en_drop_cost(self, j: int) -> float:
        """Cost of leaving en[j-1] without a Vietnamese counterpart."""
        if self.en_unlinked[j - 1]:
            return 0.0
        return _DROP_COST.get(self.en_kind[j - 1], _SHAPE_COST[(0, 1)])

    def _length_cost(self, vi_len: int, en_len: int) -> float:
        expected = en_len * self.ratio
        mean = (vi_len + expected) / 2
        delta = (vi_len - expected) / math.sqrt(_LENGTH_VARIANCE * max(mean, 1.0))
        # -log of the two-tailed probability of a deviation at least this large.
        tail = math.erfc(abs(delta) / _SQRT2)
        return -math.log(max(tail, 1e-300))

    def _code_apart(self, i: int, j: int, di: int, dj: int) -> bool:
        """A link that would put code beside prose, or merge code with anything."""
        vi_code = [kind is _CODE for kind in self.vi_kind[i - di : i]]
        en_code = [kind is _CODE for kind in self.en_kind[j - dj : j]]
        if not any(vi_code) and not any(en_code):
            return False
        return not (di == dj == 1 and vi_code[0] and en_code[0])

    def _merge_kind_cost(self, i: int, j: int, di: int) -> float:
        last_of_two = self.vi_kind[i - 1] if di == 2 else self.en_kind[j - 1]
        return _HEADING_LAST_IN_MERGE if last_of_two is _HEADING else 0.0

    def _kind_cost(self, i: int, j: int) -> float:
        if self.vi_kind[i - 1] is _CODE:  # and so is the English one (see _code_apart)
            return _CODE_MATCH
        vi_heading = self.vi_kind[i - 1] is _HEADING
        en_heading = self.en_kind[j - 1] is _HEADING
        if vi_heading and en_heading:
            return _HEADING_MATCH
        return _HEADING_MISMATCH if vi_heading != en_heading else 0.0


Span = tuple[int, frozenset[str]]


def _spans(lengths: list[int], anchors: list[frozenset[str]]) -> dict[int, list[Span]]:
    """For 1 and 2 passages ending just before index k: (total length, anchor union)."""
    one: list[Span] = [(0, frozenset())] + list(zip(lengths, anchors, strict=True))
    two: list[Span] = [(0, frozenset())] * 2 + [
        (lengths[k - 1] + lengths[k], anchors[k - 1] | anchors[k]) for k in range(1, len(lengths))
    ]
    return {1: one, 2: two}


def _best_path(costs: _LinkCosts, vi: range, en: range) -> list[AlignmentLink]:
    """Cheapest monotone chain of links covering vi and en, searched within a diagonal band."""
    n, m = len(vi), len(en)
    if not n or not m:
        return [([i], []) for i in vi] + [([], [j]) for j in en]
    band = max(_MIN_BAND, abs(n - m) // 2 + _MIN_BAND)
    total = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    total[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, math.floor(centre - band)), min(m, math.ceil(centre + band)) + 1):
            best, move = total[i][j], step[i][j]
            gi, gj = vi.start + i, en.start + j  # indices in the article
            if i and total[i - 1][j] + costs.vi_drop_cost(gi) < best:
                best, move = total[i - 1][j] + costs.vi_drop_cost(gi), (1, 0)
            if j and total[i][j - 1] + costs.en_drop_cost(gj) < best:
                best, move = total[i][j - 1] + costs.en_drop_cost(gj), (0, 1)
            for di, dj in _PAIR_SHAPES:
                if di <= i and dj <= j and total[i - di][j - dj] < math.inf:
                    candidate = total[i - di][j - dj] + costs.pair_cost(gi, gj, di, dj)
                    if candidate < best:
                        best, move = candidate, (di, dj)
            total[i][j], step[i][j] = best, move
    return _trace_back(step, vi, en)


def _trace_back(step: list[list[tuple[int, int]]], vi: range, en: range) -> list[AlignmentLink]:
    links: list[AlignmentLink] = []
    i, j = len(vi), len(en)
    while i or j:
        di, dj = step[i][j]
        gi, gj = vi.start + i, en.start + j
        links.append((list(range(gi - di, gi)), list(range(gj - dj, gj))))
        i, j = i - di, j - dj
    links.reverse()
    return links
