"""Scoring an alignment against a gold one."""

from __future__ import annotations

from bench.align_scoring import link_pairs, score_alignment


def test_link_pairs_and_scores_give_partial_credit_for_a_half_right_merge():
    gold = [([0], [0, 1]), ([1], [2]), ([], [3])]
    predicted = [([0], [0]), ([], [1]), ([1], [2]), ([], [3])]
    assert link_pairs(gold) == {(0, 0), (0, 1), (1, 2), (None, 3)}
    score = score_alignment(predicted, gold)
    assert score.exact_accuracy == 2 / 3
    assert score.precision == 3 / 4 and score.recall == 3 / 4
    assert score_alignment(gold, gold).f1 == 1.0
