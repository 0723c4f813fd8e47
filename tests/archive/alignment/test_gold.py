"""The aligner on the sample article, against the hand-built gold alignment."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from archive.alignment.aligner import LINK_SHAPES, align, position_pairs
from archive.importers import read_articles
from archive.model import AlignmentLink, Passage, PassageKind
from bench.align_scoring import score_alignment

REPO = Path(__file__).resolve().parents[3]
GOLD_PATH = Path(__file__).parent / "gold" / "3342.json"

# Measured on the sample (bench/align_accuracy.py): 100% exact pairs and link F1 with the
# importer's passage kinds, 95.1% / 97.7% with the kinds erased; the position baseline gets
# 19.5% / 20.9%. The floors leave room for one or two wrong links.
FLOOR_WITH_KINDS = 0.95
FLOOR_WITHOUT_KINDS = 0.90


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def passages(gold: dict) -> tuple[list[Passage], list[Passage]]:
    article = read_articles(REPO / gold["source"])[0]
    return article.passages["vi"], article.passages["en"]


@pytest.fixture(scope="module")
def gold_links(gold: dict) -> list[AlignmentLink]:
    return [(list(vi), list(en)) for vi, en in gold["links"]]


def _plain(text: str) -> str:
    return " ".join(text.split())  # the sample has non-breaking spaces inside some lines


def test_gold_numbering_matches_the_importer(gold, passages):
    for lang, found in zip(("vi", "en"), passages, strict=True):
        expected = gold[lang]
        assert len(found) == len(expected), lang
        for passage, want in zip(found, expected, strict=True):
            assert _plain(passage.text).startswith(want["starts"]), (lang, passage.index)
            assert passage.kind.value == want["kind"], (lang, passage.index)


def test_gold_is_a_complete_alignment(gold_links, passages):
    vi, en = passages
    assert [i for link in gold_links for i in link[0]] == list(range(len(vi)))
    assert [j for link in gold_links for j in link[1]] == list(range(len(en)))
    assert all((len(a), len(b)) in LINK_SHAPES for a, b in gold_links)


def test_aligner_reaches_the_gold_and_beats_position_pairing(passages, gold_links):
    vi, en = passages
    score = score_alignment(align(vi, en), gold_links)
    baseline = score_alignment(position_pairs(vi, en), gold_links)
    assert score.exact_accuracy >= FLOOR_WITH_KINDS
    assert score.f1 >= FLOOR_WITH_KINDS
    assert score.exact_accuracy > baseline.exact_accuracy
    assert score.f1 > baseline.f1


def test_aligner_without_passage_kinds_still_holds_up(passages, gold_links):
    vi, en = ([replace(p, kind=PassageKind.PARAGRAPH) for p in side] for side in passages)
    score = score_alignment(align(vi, en), gold_links)
    assert score.exact_accuracy >= FLOOR_WITHOUT_KINDS
    assert score.f1 >= FLOOR_WITHOUT_KINDS


def test_translator_merges_and_the_dropped_caption_are_found(passages):
    links = align(*passages)
    assert ([8], [8, 9]) in links  # pull quote folded into the paragraph
    assert ([12], [13, 14]) in links  # heading "On the brink" folded into the paragraph
    assert ([], [18]) in links  # photo caption not translated


def test_headings_pair_with_headings(passages):
    vi, en = passages
    for vi_ids, en_ids in align(vi, en):
        vi_kinds = [vi[i].kind for i in vi_ids]
        en_kinds = [en[j].kind for j in en_ids]
        if len(vi_ids) == len(en_ids) == 1 and PassageKind.HEADING in vi_kinds + en_kinds:
            assert vi_kinds == en_kinds == [PassageKind.HEADING]
        for kinds in (vi_kinds, en_kinds):
            if len(kinds) == 2:  # a folded heading leads the paragraph it introduces
                assert kinds[1] is not PassageKind.HEADING


def test_a_hundred_passages_a_side_align_quickly(passages):
    vi, en = passages
    big_vi = [replace(p, index=k) for k, p in enumerate((vi * 3)[:100])]
    big_en = [replace(p, index=k) for k, p in enumerate((en * 3)[:100])]
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        links = align(big_vi, big_en)
        timings.append(time.perf_counter() - start)
    assert [i for link in links for i in link[0]] == list(range(100))
    # About 45 ms on an idle machine; the bound allows for a busy shared one.
    assert min(timings) < 0.5
