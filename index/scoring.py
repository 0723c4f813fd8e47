"""Ranking: BM25-style saturation of term frequency, capped, without length normalization.

Why not Whoosh's BM25F: its per-block upper bound (max term frequency with min length) is
so loose on passage-sized documents that Whoosh can skip almost nothing, so a common word
scores every passage that contains it — hundreds of milliseconds at a thousand articles.
With scores that depend only on a capped term frequency, a block's bound is exact and
reaches the ceiling quickly: once the top hits all score the maximum, every remaining block
is skipped. Passages are paragraph-sized, so length normalization buys little ranking.
Equal scores keep index order (earlier-imported passages first).
"""

from __future__ import annotations

from math import log

from whoosh.collectors import TopCollector
from whoosh.scoring import BaseScorer, WeightingModel

TF_CAP = 3  # occurrences of a term in a passage beyond this add nothing
K1 = 1.2


class _CappedScorer(BaseScorer):
    def __init__(self, scores: list[float]) -> None:
        self._scores = scores  # score by capped term frequency, index 0..TF_CAP

    def _for(self, weight: float) -> float:
        return self._scores[int(weight)] if weight < TF_CAP else self._scores[TF_CAP]

    def supports_block_quality(self) -> bool:
        return True

    def score(self, matcher: object) -> float:
        return self._for(matcher.weight())  # type: ignore[attr-defined]

    def max_quality(self) -> float:
        return self._scores[TF_CAP]

    def block_quality(self, matcher: object) -> float:
        return self._for(matcher.block_max_weight())  # type: ignore[attr-defined]


class CappedTermFrequency(WeightingModel):
    """score = idf × saturated(min(tf, TF_CAP)); boosts multiply it (see module doc)."""

    def idf(self, searcher: object, fieldname: str, text: str) -> float:
        parent = searcher.get_parent()  # type: ignore[attr-defined]
        frequency = parent.doc_frequency(fieldname, text)
        documents = parent.doc_count_all()
        return log(1.0 + (documents - frequency + 0.5) / (frequency + 0.5))

    def scorer(self, searcher: object, fieldname: str, text: str, qf: int = 1) -> BaseScorer:
        idf = self.idf(searcher, fieldname, text)
        return _CappedScorer([idf * tf * (K1 + 1) / (tf + K1) for tf in range(TF_CAP + 1)])


class SkippingTopCollector(TopCollector):
    """Whoosh's TopCollector, but it starts skipping as soon as the top list is full.

    The stock collector sets its minimum score only when a later document displaces one in
    a full list, so with capped scores (many equal) it may never skip at all.
    """

    def _collect(self, global_docnum: int, score: float) -> float:
        key: float = super()._collect(global_docnum, score)
        if len(self.items) >= self.limit:
            self.minscore = self.items[0][0]
        return key
