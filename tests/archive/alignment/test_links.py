"""Alignment: which link holds a passage and what it pairs with, by language name."""

from __future__ import annotations

from archive.alignment.links import Alignment, Link

LINKS = [([0], [0]), ([1, 2], [1]), ([3], []), ([], [2]), ([4], [3, 4])]


def test_the_link_holding_a_passage_is_found_from_either_language() -> None:
    alignment = Alignment(LINKS)
    assert alignment.holding("vi", 2) == Link(vi=(1, 2), en=(1,))
    assert alignment.holding("en", 4) == Link(vi=(4,), en=(3, 4))
    assert alignment.holding("vi", 9) is None


def test_counterparts_name_the_other_language_and_lone_passages_have_none() -> None:
    alignment = Alignment(LINKS)
    assert alignment.counterpart("vi", 1) == (1,)
    assert alignment.counterpart("en", 1) == (1, 2)
    assert alignment.counterpart("vi", 3) == ()
    assert alignment.counterpart("en", 2) == ()
    assert [alignment.is_paired("vi", i) for i in range(5)] == [True, True, True, False, True]
    assert not alignment.is_paired("en", 2)


def test_a_link_goes_back_to_its_stored_form() -> None:
    assert [link.as_stored() for link in Alignment(LINKS).links] == LINKS
