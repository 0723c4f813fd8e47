"""User corrections: they win over automatic links, survive, and the rest is re-aligned."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from archive.alignment.aligner import align, apply_corrections
from archive.importers import read_articles
from archive.model import Passage, PassageKind

SAMPLE = Path(__file__).resolve().parents[3] / "archive" / "data" / "3342-europes-next-war.txt"


@pytest.fixture(scope="module")
def sample() -> tuple[list[Passage], list[Passage]]:
    article = read_articles(SAMPLE)[0]
    return article.passages["vi"], article.passages["en"]


def para(index: int, text: str) -> Passage:
    return Passage(index, PassageKind.PARAGRAPH, text)


AUTO = [([0], [0]), ([1], [1]), ([2], [2, 3]), ([3], [4])]


def test_a_correction_replaces_the_automatic_links_it_overlaps():
    patched = apply_corrections(AUTO, [([2], [2])])
    assert ([2], [2]) in patched
    assert ([2], [2, 3]) not in patched
    assert ([], [3]) in patched  # what the overruled link held, with nothing left to pair
    assert patched[:2] == AUTO[:2] and patched[-1] == AUTO[-1]


def test_unlinking_leaves_both_passages_without_counterpart():
    patched = apply_corrections(AUTO, [([1], []), ([], [1])])
    assert patched == [([0], [0]), ([1], []), ([], [1]), ([2], [2, 3]), ([3], [4])]


def test_automatic_links_that_would_cross_a_correction_are_unlinked():
    patched = apply_corrections(AUTO, [([1], [4])])
    assert ([1], [4]) in patched
    # vi 2 and en 2-3 sit on opposite sides of the corrected link now.
    assert ([2], [2, 3]) not in patched
    assert ([0], [0]) in patched
    assert [i for vi, _ in patched for i in vi] == [0, 1, 2, 3]
    assert [j for _, en in patched for j in en] == [0, 1, 2, 3, 4]


def test_the_later_of_two_contradicting_corrections_wins():
    patched = apply_corrections(AUTO, [([2], [2]), ([2], [3])])
    assert ([2], [3]) in patched
    assert ([2], [2]) not in patched


def test_corrections_that_cannot_apply_are_ignored():
    nonsense = [([9], [0]), ([0, 2], [0]), ([], []), ([-1], [1])]
    assert apply_corrections(AUTO, nonsense) == AUTO


def test_corrections_survive_a_fresh_alignment(sample):
    vi, en = sample
    mine = [([16], [18]), ([30], [])]  # the user's call, even where the aligner disagrees
    first = apply_corrections(align(vi, en), mine)
    assert ([16], [18]) in first and ([30], []) in first
    assert apply_corrections(first, mine) == first
    realigned = align(vi, en, mine)
    assert ([16], [18]) in realigned and ([30], []) in realigned


def test_the_passages_around_a_correction_are_realigned_by_their_text(sample):
    vi, en = ([replace(p, kind=PassageKind.PARAGRAPH) for p in side] for side in sample)
    # Without kinds the aligner folds the photo caption into the next paragraph; the user says
    # the caption has no counterpart, and every other link must still come out right.
    assert ([16], [18, 19]) in align(vi, en)
    realigned = align(vi, en, [([], [18])])
    assert ([], [18]) in realigned
    assert ([16], [19]) in realigned
    assert ([17], [20]) in realigned


def test_a_correction_that_shifts_the_pairing_carries_the_rest_along():
    # Passages of equal length and no anchors: nothing tells the aligner that the English
    # has an extra passage at the start, so it pairs by position.
    vi = [para(k, "đoạn văn " * 30) for k in range(5)]
    en = [para(k, "a passage " * 27) for k in range(6)]
    assert align(vi, en)[0] == ([0], [0])
    # The user pairs vi 0 with en 1; vi 1-4 must follow as en 2-5, and en 0 stays alone.
    realigned = align(vi, en, [([0], [1])])
    assert realigned == [([], [0]), ([0], [1]), ([1], [2]), ([2], [3]), ([3], [4]), ([4], [5])]


def test_empty_sides():
    en = [para(0, "only English"), para(1, "still only English")]
    assert align([], []) == []
    assert align([], en) == [([], [0]), ([], [1])]
    assert align(en, []) == [([0], []), ([1], [])]
    assert align([], en, [([], [1]), ([0], [0])]) == [([], [0]), ([], [1])]
    assert apply_corrections([], [([0], [0])]) == []
