"""How close an alignment comes to a gold alignment.

- exact-pair accuracy: the share of gold links the alignment reproduces exactly;
- link precision / recall / F1: over the (vi, en) index pairs the links imply, so a merge the
  aligner half-got earns partial credit. A 1–0 link counts as the pair (i, None), a 0–1 link as
  (None, j): leaving a passage untranslated is a decision that can be right or wrong too.

Pure functions; safe from any thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from archive.model import AlignmentLink

Pair = tuple[int | None, int | None]


@dataclass(frozen=True)
class AlignmentScore:
    exact_accuracy: float
    precision: float
    recall: float
    f1: float


def score_alignment(
    predicted: Iterable[AlignmentLink], gold: Iterable[AlignmentLink]
) -> AlignmentScore:
    predicted = list(predicted)
    gold = list(gold)
    exact = _link_keys(predicted) & _link_keys(gold)
    exact_accuracy = len(exact) / len(gold) if gold else 1.0
    got, want = link_pairs(predicted), link_pairs(gold)
    correct = len(got & want)
    precision = correct / len(got) if got else 1.0
    recall = correct / len(want) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return AlignmentScore(exact_accuracy, precision, recall, f1)


def link_pairs(links: Iterable[AlignmentLink]) -> set[Pair]:
    """Every (vi, en) index pair the links imply; None stands for "no counterpart"."""
    pairs: set[Pair] = set()
    for vi, en in links:
        vi_side: list[int | None] = list(vi) or [None]
        en_side: list[int | None] = list(en) or [None]
        pairs.update((v, e) for v in vi_side for e in en_side)
    return pairs


def _link_keys(links: list[AlignmentLink]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(tuple(vi), tuple(en)) for vi, en in links}
