"""Structural properties of every alignment, on random articles (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from archive.alignment.aligner import LINK_SHAPES, align, apply_corrections, position_pairs
from archive.alignment.corrections import usable_corrections
from archive.model import AlignmentLink, Passage, PassageKind

# A small vocabulary with names and numbers, so anchors come and go between the languages.
WORDS = ["nhà", "chiến", "tranh", "the", "war", "peace", "NATO", "Moscow", "Kyiv", "OSCE"]
NUMBERS = ["1994", "2022", "30.000", "30,000", "tháng 11", "November", "$80"]


@st.composite
def passages(draw, max_size: int = 20) -> list[Passage]:
    count = draw(st.integers(0, max_size))
    result = []
    for index in range(count):
        kind = draw(st.sampled_from(list(PassageKind)))
        tokens = draw(st.lists(st.sampled_from(WORDS + NUMBERS), min_size=1, max_size=8))
        # Repeating keeps data generation cheap while lengths still vary widely.
        repeat = draw(st.integers(1, 20))
        result.append(Passage(index, kind, " ".join(tokens * repeat)))
    return result


@st.composite
def corrections(draw, vi_count: int, en_count: int) -> list[AlignmentLink]:
    """Random user links, some malformed or contradictory on purpose."""
    links = []
    for _ in range(draw(st.integers(0, 4))):
        vi_start = draw(st.integers(0, vi_count + 1))
        en_start = draw(st.integers(0, en_count + 1))
        vi_size = draw(st.integers(0, 2))
        en_size = draw(st.integers(0, 2))
        links.append(
            (list(range(vi_start, vi_start + vi_size)), list(range(en_start, en_start + en_size)))
        )
    return links


def assert_complete_and_in_order(links: list[AlignmentLink], vi_count: int, en_count: int):
    assert [i for vi, _ in links for i in vi] == list(range(vi_count))
    assert [j for _, en in links for j in en] == list(range(en_count))
    assert all(vi or en for vi, en in links)


@settings(max_examples=60, deadline=None)
@given(passages(), passages())
def test_align_covers_every_passage_once_in_order_with_allowed_shapes(vi, en):
    links = align(vi, en)
    assert_complete_and_in_order(links, len(vi), len(en))
    assert all((len(a), len(b)) in LINK_SHAPES for a, b in links)


@settings(max_examples=60, deadline=None)
@given(passages(), passages())
def test_position_pairs_cover_every_passage_once_in_order(vi, en):
    assert_complete_and_in_order(position_pairs(vi, en), len(vi), len(en))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_corrections_win_and_the_rest_stays_a_complete_alignment(data):
    vi = data.draw(passages(max_size=15))
    en = data.draw(passages(max_size=15))
    wanted = data.draw(corrections(len(vi), len(en)))
    kept = usable_corrections(wanted, len(vi), len(en))

    realigned = align(vi, en, wanted)
    assert_complete_and_in_order(realigned, len(vi), len(en))
    assert all(link in realigned for link in kept)
    others = [link for link in realigned if link not in kept]
    assert all((len(a), len(b)) in LINK_SHAPES for a, b in others)

    patched = apply_corrections(align(vi, en), wanted)
    assert_complete_and_in_order(patched, len(vi), len(en))
    assert all(link in patched for link in kept)
    # Corrections survive being applied again.
    assert apply_corrections(patched, wanted) == patched
