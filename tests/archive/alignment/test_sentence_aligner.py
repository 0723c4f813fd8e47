"""Sentence pairs inside paragraph pairs: on real translated text (IWSLT'15 TED talks, see
tests/fixtures/real/SOURCES.md) and on the bundled sample; every sentence once, in order, in
the shapes the issue names."""

from __future__ import annotations

import random
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.alignment.aligner import align
from archive.alignment.sentence_aligner import (
    align_sentences,
    article_sentences,
    sentences_text,
)
from archive.alignment.sentences import Sentence, split_sentences
from archive.importers import read_articles
from archive.model import AlignmentLink, Article, Passage, PassageKind
from archive.sample import sample_path
from bench.sentence_accuracy import Rebuilt, load, scores, true_everything

SHAPES = {(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)}


@pytest.fixture(scope="module")
def sample() -> Article:
    article = read_articles(sample_path())[0]
    article.alignment = align(article.passages["vi"], article.passages["en"])
    return article


def assert_covers_in_order(links: list[AlignmentLink], vi_count: int, en_count: int) -> None:
    assert [i for vi, _ in links for i in vi] == list(range(vi_count))
    assert [j for _, en in links for j in en] == list(range(en_count))
    assert {(len(vi), len(en)) for vi, en in links} <= SHAPES


@pytest.mark.parametrize("stem", ["iwslt15-tst2013-head", "iwslt15-tst2013-heldout"])
def test_real_translations_pair_at_least_95_percent_exactly(stem: str) -> None:
    vi, en = load(stem)
    runs = [
        scores(*true_everything(Rebuilt(vi, en, random.Random(seed)), True))[0]
        for seed in range(10)
    ]
    assert statistics.fmean(runs) >= 0.95


def test_the_aligner_does_better_than_length_alone_on_real_text() -> None:
    vi, en = load("iwslt15-tst2013-head")
    articles = [Rebuilt(vi, en, random.Random(seed)) for seed in range(10)]
    ours = statistics.fmean(scores(*true_everything(a, True))[0] for a in articles)
    length_only = statistics.fmean(scores(*true_everything(a, False))[0] for a in articles)
    assert ours > length_only


def test_a_sentence_the_translator_split_in_two_is_a_1_2_link() -> None:
    vi, en = load("iwslt15-tst2013-head")
    # Lines 9–10 ("I was so shocked." / "This was the first time …"), the Vietnamese joined
    # into one sentence with a comma, among their real neighbours.
    vi_text = f"{vi[7]} {vi[8]} {vi[9].rstrip('.').rstrip()}, {vi[10][0].lower()}{vi[10][1:]}"
    en_text = " ".join(en[7:11])
    vi_s = split_sentences(vi_text, 0)
    en_s = split_sentences(en_text, 0)
    links = align_sentences(vi_s, en_s, [([0], [0])])
    assert len(vi_s) == 3 and len(en_s) == 4
    assert links == [([0], [0]), ([1], [1]), ([2], [2, 3])]


def test_the_sample_pairs_inside_its_paragraph_links(sample: Article) -> None:
    pairs = article_sentences(sample)
    assert_covers_in_order(pairs.links, len(pairs.vi), len(pairs.en))
    paragraph_of = {("vi", p): k for k, (vi, _) in enumerate(sample.alignment) for p in vi}
    paragraph_of |= {("en", p): k for k, (_, en) in enumerate(sample.alignment) for p in en}
    for vi, en in pairs.links:
        owners = {paragraph_of[("vi", pairs.vi[i].passage)] for i in vi}
        owners |= {paragraph_of[("en", pairs.en[j].passage)] for j in en}
        assert len(owners) == 1  # no sentence link crosses a paragraph link
    first_vi, first_en = pairs.paired()[0]
    assert first_vi[0].text.startswith("Trong bốn năm qua")
    assert first_en[0].text.startswith("For the last four years")


def test_a_side_of_two_sentences_keeps_the_passage_text(sample: Article) -> None:
    passage = Passage(0, PassageKind.PARAGRAPH, "Một.\tHai!  Ba?")
    article = Article(passages={"vi": [passage]})
    sentences = split_sentences(passage.text, 0)
    assert sentences_text(article, "vi", sentences[:2]) == "Một.\tHai!"
    assert sentences_text(article, "vi", sentences) == passage.text


def test_an_untranslated_passage_leaves_its_sentences_unpaired() -> None:
    vi = split_sentences("Một câu. Câu hai.", 0) + split_sentences("Chú thích ảnh.", 1)
    en = split_sentences("One sentence. Sentence two.", 0)
    links = align_sentences(vi, en, [([0], [0]), ([1], [])])
    assert links == [([0], [0]), ([1], [1]), ([2], [])]


words = st.text(alphabet=st.sampled_from(list("abcdeđôơ ")), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(words, min_size=0, max_size=8), st.lists(words, min_size=0, max_size=8), st.booleans()
)
def test_every_sentence_is_covered_once_in_order(
    vi_texts: list[str], en_texts: list[str], cues: bool
) -> None:
    vi = [Sentence(k // 3, 0, len(t), t) for k, t in enumerate(vi_texts)]
    en = [Sentence(k // 3, 0, len(t), t) for k, t in enumerate(en_texts)]
    vi_passages = sorted({s.passage for s in vi})
    en_passages = sorted({s.passage for s in en})
    paragraph_links = [(vi_passages, en_passages)] if vi_passages or en_passages else []
    links = align_sentences(vi, en, paragraph_links, cues=cues)
    assert_covers_in_order(links, len(vi), len(en))
