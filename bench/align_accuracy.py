"""How well the aligner pairs the sample's passages, against the naive position baseline.

Run from the repository root:  .venv/bin/python bench/align_accuracy.py [--seeds N]

1. The sample article against the hand-built gold (tests/archive/alignment/gold/3342.json):
   exact-pair accuracy and link F1 (see bench/align_scoring) for the aligner, for the aligner
   with the passage kinds erased (an importer that cannot tell headings from paragraphs), with the
   anchors switched off (length alone, plain Gale–Church), and for the position baseline.
2. Robustness: the same article with random translator-like edits on top of the gold (merge
   two neighbouring passages of one language, drop one passage), where the truth is known.
   One article cannot tune an aligner; these show how it copes with other edit patterns.
3. Speed on an article of 100 × 100 passages.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import archive.alignment.aligner as aligner  # noqa: E402
from archive.alignment.aligner import align, position_pairs  # noqa: E402
from archive.importers import read_articles  # noqa: E402
from archive.model import AlignmentLink, Passage, PassageKind  # noqa: E402
from bench.align_scoring import AlignmentScore, score_alignment  # noqa: E402

_HEADING = PassageKind.HEADING
GOLD = REPO / "tests" / "archive" / "alignment" / "gold" / "3342.json"
Groups = list[tuple[list[Passage], list[Passage]]]
Aligner = Callable[[Sequence[Passage], Sequence[Passage]], list[AlignmentLink]]


def load_sample() -> tuple[list[Passage], list[Passage], list[AlignmentLink]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    article = read_articles(REPO / gold["source"])[0]
    links = [(list(vi), list(en)) for vi, en in gold["links"]]
    return article.passages["vi"], article.passages["en"], links


def without_kinds(passages: Sequence[Passage]) -> list[Passage]:
    return [replace(p, kind=PassageKind.PARAGRAPH) for p in passages]


def without_anchors(vi: Sequence[Passage], en: Sequence[Passage]) -> list[AlignmentLink]:
    # A bench-only switch: the aligner has no public knob for this, on purpose.
    saved = aligner._ANCHOR_GAIN
    aligner._ANCHOR_GAIN = 0.0
    try:
        return align(vi, en)
    finally:
        aligner._ANCHOR_GAIN = saved


def perturb(
    vi: list[Passage], en: list[Passage], gold: list[AlignmentLink], rng: random.Random, edits: int
) -> tuple[list[Passage], list[Passage], list[AlignmentLink]]:
    """Apply `edits` random merges/drops to 1–1 gold links; returns new passages and truth."""
    groups: Groups = [([vi[i] for i in v], [en[j] for j in e]) for v, e in gold]
    for _ in range(edits):
        k = rng.randrange(len(groups) - 1)
        (v1, e1), (v2, e2) = groups[k], groups[k + 1]
        if not (len(v1) == len(e1) == len(v2) == len(e2) == 1):
            continue
        side = rng.choice(("vi", "en"))
        join = rng.random() < 0.6
        # Translators fold a heading into the paragraph it introduces, never the one before;
        # and a dropped heading is ambiguous (left out, or folded in), so neither is generated.
        if _HEADING in ((v2[0].kind, e2[0].kind) if join else (v1[0].kind, e1[0].kind)):
            continue
        if join and side == "vi":  # the translator joined two paragraphs into one
            groups[k : k + 2] = [([_joined(v1[0], v2[0])], e1 + e2)]
        elif join:
            groups[k : k + 2] = [(v1 + v2, [_joined(e1[0], e2[0])])]
        else:  # a passage left out (by the translator, or the original's editor)
            groups[k] = ([], e1) if side == "vi" else (v1, [])
    return _renumber(groups)


def _joined(a: Passage, b: Passage) -> Passage:
    return Passage(a.index, PassageKind.PARAGRAPH, f"{a.text} {b.text}")


def _renumber(groups: Groups) -> tuple[list[Passage], list[Passage], list[AlignmentLink]]:
    vi: list[Passage] = []
    en: list[Passage] = []
    links: list[AlignmentLink] = []
    for vs, es in groups:
        vi_ids = list(range(len(vi), len(vi) + len(vs)))
        en_ids = list(range(len(en), len(en) + len(es)))
        vi += [replace(p, index=i) for p, i in zip(vs, vi_ids, strict=True)]
        en += [replace(p, index=j) for p, j in zip(es, en_ids, strict=True)]
        links.append((vi_ids, en_ids))
    return vi, en, links


def show(name: str, score: AlignmentScore) -> None:
    print(
        f"  {name:<28} exact-pair accuracy {score.exact_accuracy:6.1%}   link F1 {score.f1:6.1%}"
        f"   (P {score.precision:.1%}, R {score.recall:.1%})"
    )


def bench_gold(vi: list[Passage], en: list[Passage], gold: list[AlignmentLink]) -> None:
    print(f"Sample article 3342: {len(vi)} vi × {len(en)} en passages, {len(gold)} gold links")
    show("aligner", score_alignment(align(vi, en), gold))
    show(
        "aligner, kinds erased", score_alignment(align(without_kinds(vi), without_kinds(en)), gold)
    )
    show("aligner, anchors off", score_alignment(without_anchors(vi, en), gold))
    show("position baseline", score_alignment(position_pairs(vi, en), gold))


def bench_perturbed(
    vi: list[Passage], en: list[Passage], gold: list[AlignmentLink], seeds: int, edits: int
) -> None:
    print(f"\nPerturbed sample: {seeds} seeds × {edits} random merges/drops each (mean)")
    methods: dict[str, Aligner] = {
        "aligner": align,
        "aligner, anchors off": without_anchors,
        "position baseline": position_pairs,
    }
    for name, method in methods.items():
        scores = []
        for seed in range(seeds):
            pvi, pen, truth = perturb(vi, en, gold, random.Random(seed), edits)
            scores.append(score_alignment(method(pvi, pen), truth))
        mean = AlignmentScore(
            *(statistics.fmean(getattr(s, f.name) for s in scores) for f in fields(AlignmentScore))
        )
        show(name, mean)


def bench_speed(vi: list[Passage], en: list[Passage]) -> None:
    big_vi = [replace(p, index=k) for k, p in enumerate((vi * 3)[:100])]
    big_en = [replace(p, index=k) for k, p in enumerate((en * 3)[:100])]
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        align(big_vi, big_en)
        timings.append(time.perf_counter() - start)
    print(f"\nSpeed: 100 × 100 passages aligned in {min(timings) * 1000:.0f} ms (best of 5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=40, help="perturbed copies to score")
    parser.add_argument("--edits", type=int, default=6, help="random edits per copy")
    args = parser.parse_args()
    vi, en, gold = load_sample()
    bench_gold(vi, en, gold)
    bench_perturbed(vi, en, gold, args.seeds, args.edits)
    bench_speed(vi, en)


if __name__ == "__main__":
    main()
