"""Pair the sentences inside every aligned paragraph pair of an article.

The paragraph aligner (aligner.py) decides which passages translate which; inside each of its
links this module splits both sides into sentences (sentences.py) and finds the cheapest
monotone chain of sentence links of the shapes 1–1, 1–2, 2–1, 1–0 and 0–1, the same dynamic
programme as the paragraph aligner at a finer grain. A link's cost adds

- the Gale–Church length cost (the article's own Vietnamese/English length ratio) and the
  shape's prior;
- a reward for anchors both sides share (numbers, months, names, quoted titles; anchors.py),
  weighted by how rare each is among the article's sentences;
- a cost for joining two sentences of different passages on one side (a translator who merges
  paragraphs rarely merges their sentences too), and for a question paired with a statement.

`cues=False` leaves only the length cost and the priors: the plain Gale–Church baseline that
bench/sentence_accuracy.py reports beside the aligner.

Sentence indices count from 0 per language across the article, in passage order. Pure
functions, no I/O; safe from any thread.
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from archive.alignment.aligner import align
from archive.alignment.anchors import AnchorTable, build_anchor_table
from archive.alignment.lexicon import Lexicon, learn, similarity, words
from archive.alignment.links import Alignment
from archive.alignment.sentences import Sentence, split_sentences
from archive.model import AlignmentLink, Article

_SQRT2 = math.sqrt(2)
_LENGTH_VARIANCE = 6.8
# Gale & Church's priors, as in aligner.py.
_SHAPE_COST = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099 / 2),
    (0, 1): -math.log(0.0099 / 2),
    (2, 1): -math.log(0.089 / 2),
    (1, 2): -math.log(0.089 / 2),
}
_PAIR_SHAPES = ((1, 1), (2, 1), (1, 2))
_ANCHOR_GAIN = 1.0
_ACROSS_PASSAGES = 3.0  # two sentences of different passages joined on one side
_QUESTION_MISMATCH = 1.5  # "?" on one side of a 1–1 link only
# Second pass: cost units per unit of word similarity, and the similarity that costs nothing
# (tuned on the IWSLT sample in bench/sentence_accuracy.py: 4 to 25 all help, 25 most).
_LEXICAL_GAIN = 25.0
_LEXICAL_EXPECTED = 0.3


@dataclass(frozen=True)
class SentencePairs:
    """An article's sentences in both languages and the links between them."""

    vi: list[Sentence]
    en: list[Sentence]
    links: list[AlignmentLink]  # ([vi sentence indices], [en sentence indices])

    def paired(self) -> list[tuple[list[Sentence], list[Sentence]]]:
        """The links with both sides non-empty, as sentences."""
        return [
            ([self.vi[i] for i in vi], [self.en[j] for j in en])
            for vi, en in self.links
            if vi and en
        ]


def sentences_text(article: Article, lang: str, sentences: Sequence[Sentence]) -> str:
    """The text of consecutive sentences as the passage has it (the spaces between them
    included); sentences of two passages are joined by one space."""
    passages = article.passages.get(lang, [])
    runs: list[str] = []
    at = 0
    while at < len(sentences):
        first = last = sentences[at]
        while at + 1 < len(sentences) and sentences[at + 1].passage == first.passage:
            at += 1
            last = sentences[at]
        runs.append(passages[first.passage].text[first.start : last.end])
        at += 1
    return " ".join(runs)


def sentence_counterpart(
    article: Article, lang: str, passage: int, start: int, end: int
) -> tuple[str, list[Sentence]] | None:
    """The other language's sentences paired with those of (lang, passage) that characters
    start..end touch, as (language, sentences); None when they have no counterpart."""
    pairs = cached_sentences(article)
    mine, theirs = (pairs.vi, pairs.en) if lang == "vi" else (pairs.en, pairs.vi)
    touched = {
        k
        for k, s in enumerate(mine)
        if s.passage == passage and s.start < max(end, start + 1) and start < s.end
    }
    alignment = Alignment(pairs.links)
    found = sorted({j for k in touched for j in alignment.counterpart(lang, k)})
    other = "en" if lang == "vi" else "vi"
    return (other, [theirs[j] for j in found]) if found else None


_CACHE_SIZE = 32
_cache: OrderedDict[tuple[int | None, str, str], SentencePairs] = OrderedDict()
_cache_lock = threading.Lock()


def cached_sentences(article: Article) -> SentencePairs:
    """article_sentences, remembered for the last few articles asked about (a concordance
    asks about the same article for every hit). Safe from any thread."""
    key = (article.id, article.digest(), json.dumps(article.alignment))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    pairs = article_sentences(article)
    with _cache_lock:
        _cache[key] = pairs
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return pairs


def article_sentences(article: Article) -> SentencePairs:
    """Split both languages into sentences and pair them inside each paragraph link."""
    vi_passages = article.passages.get("vi", [])
    en_passages = article.passages.get("en", [])
    vi = [s for p in vi_passages for s in split_sentences(p.text, p.index)]
    en = [s for p in en_passages for s in split_sentences(p.text, p.index)]
    paragraph_links = article.alignment or align(vi_passages, en_passages)
    return SentencePairs(vi, en, align_sentences(vi, en, paragraph_links))


def align_sentences(
    vi: Sequence[Sentence],
    en: Sequence[Sentence],
    paragraph_links: Sequence[AlignmentLink],
    cues: bool = True,
) -> list[AlignmentLink]:
    """Sentence links inside each paragraph link; every sentence is covered exactly once.

    `vi` and `en` are all the sentences of the article in passage order; a sentence belongs to
    the paragraph link that holds its passage. Sentences of passages no link names are left
    unlinked (1–0 / 0–1) in order.
    """
    costs = _SentenceCosts(vi, en, paragraph_links, cues)
    links = _align_runs(costs, vi, en, paragraph_links)
    if cues:
        # Second pass: the words of the confident 1–1 pairs of the first (see lexicon.py).
        lexicon = learn(
            (costs.vi_words[v[0]], costs.en_words[e[0]]) for v, e in links if len(v) == len(e) == 1
        )
        if lexicon:
            costs.use(lexicon)
            links = _align_runs(costs, vi, en, paragraph_links)
    return links


def _align_runs(
    costs: _SentenceCosts,
    vi: Sequence[Sentence],
    en: Sequence[Sentence],
    paragraph_links: Sequence[AlignmentLink],
) -> list[AlignmentLink]:
    vi_by_passage = _indices_by_passage(vi)
    en_by_passage = _indices_by_passage(en)
    links: list[AlignmentLink] = []
    seen_vi: set[int] = set()
    seen_en: set[int] = set()
    for vi_ps, en_ps in paragraph_links:
        run_vi = [i for p in vi_ps for i in vi_by_passage.get(p, [])]
        run_en = [j for p in en_ps for j in en_by_passage.get(p, [])]
        seen_vi.update(vi_ps)
        seen_en.update(en_ps)
        links += _best_path(costs, run_vi, run_en)
    links += [([i], []) for i, s in enumerate(vi) if s.passage not in seen_vi]
    links += [([], [j]) for j, s in enumerate(en) if s.passage not in seen_en]
    return links


def _indices_by_passage(sentences: Sequence[Sentence]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for k, sentence in enumerate(sentences):
        found.setdefault(sentence.passage, []).append(k)
    return found


class _SentenceCosts:
    def __init__(
        self,
        vi: Sequence[Sentence],
        en: Sequence[Sentence],
        paragraph_links: Sequence[AlignmentLink],
        cues: bool,
    ) -> None:
        self.vi, self.en, self.cues = vi, en, cues
        self.vi_len = [len(s.text) for s in vi]
        self.en_len = [len(s.text) for s in en]
        self.ratio = _paired_ratio(vi, en, paragraph_links)
        self.table: AnchorTable | None = (
            build_anchor_table([s.text for s in vi], [s.text for s in en]) if cues else None
        )
        self.vi_words = [words(s.text) for s in vi] if cues else []
        self.en_words = [words(s.text) for s in en] if cues else []
        self.lexicon: Lexicon | None = None
        self.vi_reach: list[frozenset[str]] = []
        self.en_reach: list[frozenset[str]] = []
        # The costs without the lexicon, kept from the first pass for the second.
        self.base: dict[tuple[int, int, int, int], float] = {}

    def use(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.vi_reach = [lexicon.vi_reach(w) for w in self.vi_words]
        self.en_reach = [lexicon.en_reach(w) for w in self.en_words]

    def pair_cost(self, vi: list[int], en: list[int]) -> float:
        key = (vi[0], len(vi), en[0], len(en))
        cost = self.base.get(key)
        if cost is None:
            cost = self.base[key] = self._base_cost(vi, en)
        if self.lexicon is None:
            return cost
        match = similarity(
            _union(self.vi_words, vi),
            _union(self.en_words, en),
            _union(self.vi_reach, vi),
            _union(self.en_reach, en),
        )
        return cost + _LEXICAL_GAIN * (_LEXICAL_EXPECTED - match)

    def _base_cost(self, vi: list[int], en: list[int]) -> float:
        cost = _SHAPE_COST[(len(vi), len(en))]
        cost += self._length_cost(sum(self.vi_len[i] for i in vi), sum(self.en_len[j] for j in en))
        if not self.cues or self.table is None:
            return cost
        vi_anchors = _union(self.table.vi, vi)
        en_anchors = _union(self.table.en, en)
        if vi_anchors and en_anchors:
            cost -= _ANCHOR_GAIN * sum(self.table.weight[a] for a in vi_anchors & en_anchors)
        if len(vi) > 1 and self.vi[vi[0]].passage != self.vi[vi[1]].passage:
            cost += _ACROSS_PASSAGES
        if len(en) > 1 and self.en[en[0]].passage != self.en[en[1]].passage:
            cost += _ACROSS_PASSAGES
        if len(vi) == len(en) == 1:
            vi_question = self.vi[vi[0]].text.rstrip("\"'”’») ").endswith("?")
            en_question = self.en[en[0]].text.rstrip("\"'”’») ").endswith("?")
            cost += _QUESTION_MISMATCH if vi_question != en_question else 0.0
        return cost

    def _length_cost(self, vi_len: int, en_len: int) -> float:
        expected = en_len * self.ratio
        mean = (vi_len + expected) / 2
        delta = (vi_len - expected) / math.sqrt(_LENGTH_VARIANCE * max(mean, 1.0))
        return -math.log(max(math.erfc(abs(delta) / _SQRT2), 1e-300))


def _union(sets: Sequence[frozenset[str]], indices: list[int]) -> frozenset[str]:
    return sets[indices[0]] if len(indices) == 1 else sets[indices[0]] | sets[indices[1]]


def _paired_ratio(
    vi: Sequence[Sentence], en: Sequence[Sentence], paragraph_links: Sequence[AlignmentLink]
) -> float:
    """Vietnamese characters per English character over the passages that are paired."""
    vi_paired = {p for v, e in paragraph_links if v and e for p in v}
    en_paired = {p for v, e in paragraph_links if v and e for p in e}
    vi_total = sum(len(s.text) for s in vi if s.passage in vi_paired)
    en_total = sum(len(s.text) for s in en if s.passage in en_paired)
    return vi_total / en_total if vi_total and en_total else 1.0


def _best_path(costs: _SentenceCosts, vi: list[int], en: list[int]) -> list[AlignmentLink]:
    """Cheapest monotone chain of links covering the runs vi and en (article-wide indices)."""
    n, m = len(vi), len(en)
    if not n or not m:
        return [([i], []) for i in vi] + [([], [j]) for j in en]
    total = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    total[0][0] = 0.0
    drop = _SHAPE_COST[(1, 0)]
    for i in range(n + 1):
        for j in range(m + 1):
            best, move = total[i][j], step[i][j]
            if i and total[i - 1][j] + drop < best:
                best, move = total[i - 1][j] + drop, (1, 0)
            if j and total[i][j - 1] + drop < best:
                best, move = total[i][j - 1] + drop, (0, 1)
            for di, dj in _PAIR_SHAPES:
                if di <= i and dj <= j and total[i - di][j - dj] < math.inf:
                    candidate = total[i - di][j - dj] + costs.pair_cost(
                        vi[i - di : i], en[j - dj : j]
                    )
                    if candidate < best:
                        best, move = candidate, (di, dj)
            total[i][j], step[i][j] = best, move
    links: list[AlignmentLink] = []
    i, j = n, m
    while i or j:
        di, dj = step[i][j]
        links.append((vi[i - di : i], en[j - dj : j]))
        i, j = i - di, j - dj
    links.reverse()
    return links
