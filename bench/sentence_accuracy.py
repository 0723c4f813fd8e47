"""How well the sentence aligner pairs real translated sentences, beside plain Gale–Church.

Run from the repository root:  .venv/bin/python bench/sentence_accuracy.py [--seeds N]

The data is public sentence-aligned Vietnamese–English text (tests/fixtures/real/parallel/,
see SOURCES.md): line k of one file translates line k of the other. Each run regroups the
lines into paragraphs differently on each side — a chunk of 1–6 lines is one paragraph on one
side and two on the other, or one on both — so the aligner meets 1–1, 1–2 and 2–1 paragraph
links with sentences it must pair inside them. Three settings, each for the aligner and for
the length-only Gale–Church baseline (`cues=False`):

1. gold sentences, gold paragraph links: the sentence aligner alone;
2. gold sentences, paragraph links from the paragraph aligner: the two aligners together;
3. sentences from the splitter, paragraph links from the paragraph aligner: end to end. A
   line the splitter cuts in two counts as right when the links that cover its pieces cover
   exactly it and its translation (links are merged by the lines they share).

The score is exact-pair accuracy: the share of gold links (line k with line k) reproduced
exactly. The IWSLT files are tokenized (" ." , "&quot;"); entities are decoded on reading.
"""

from __future__ import annotations

import argparse
import html
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.alignment.aligner import align  # noqa: E402
from archive.alignment.sentence_aligner import align_sentences  # noqa: E402
from archive.alignment.sentences import Sentence, split_sentences  # noqa: E402
from archive.model import AlignmentLink, Passage, PassageKind  # noqa: E402

DATA = REPO / "tests" / "fixtures" / "real" / "parallel"
CORPORA = {"IWSLT'15 tst2013 (TED), first 130 lines": "iwslt15-tst2013-head"}


def load(stem: str) -> tuple[list[str], list[str]]:
    vi = (DATA / f"{stem}.vi").read_text(encoding="utf-8").splitlines()
    en = (DATA / f"{stem}.en").read_text(encoding="utf-8").splitlines()
    assert len(vi) == len(en), f"{stem}: the two sides differ in length"
    return [html.unescape(t) for t in vi], [html.unescape(t) for t in en]


class Regrouped:
    """The lines of both sides as passages; which line of which passage starts where."""

    def __init__(self, vi: list[str], en: list[str], rng: random.Random) -> None:
        self.vi: list[Passage] = []
        self.en: list[Passage] = []
        self.vi_lines: list[list[tuple[int, int, int]]] = []  # per passage: (line, start, end)
        self.en_lines: list[list[tuple[int, int, int]]] = []
        self.links: list[AlignmentLink] = []
        at = 0
        while at < len(vi):
            size = min(rng.randint(1, 6), len(vi) - at)
            lines = list(range(at, at + size))
            cut_vi = rng.random() < 0.3 and size > 1
            cut_en = not cut_vi and rng.random() < 0.4 and size > 1
            vi_ids = self._add(self.vi, self.vi_lines, vi, lines, cut_vi, rng)
            en_ids = self._add(self.en, self.en_lines, en, lines, cut_en, rng)
            self.links.append((vi_ids, en_ids))
            at += size

    @staticmethod
    def _add(passages: list[Passage], where: list[list[tuple[int, int, int]]], texts: list[str],
             lines: list[int], cut: bool, rng: random.Random) -> list[int]:
        split = rng.randint(1, len(lines) - 1) if cut else len(lines)
        ids = []
        for group in (lines[:split], lines[split:]):
            if not group:
                continue
            text, spans, offset = "", [], 0
            for k in group:
                piece = texts[k].strip()
                spans.append((k, offset, offset + len(piece)))
                text += piece + " "
                offset += len(piece) + 1
            ids.append(len(passages))
            passages.append(Passage(len(passages), PassageKind.PARAGRAPH, text.strip()))
            where.append(spans)
        return ids

    def gold_sentences(self, lang: str) -> list[Sentence]:
        passages, where = (self.vi, self.vi_lines) if lang == "vi" else (self.en, self.en_lines)
        return [Sentence(p.index, s, e, p.text[s:e])
                for p, spans in zip(passages, where, strict=True) for _, s, e in spans]

    def split(self, lang: str) -> list[Sentence]:
        passages = self.vi if lang == "vi" else self.en
        return [s for p in passages for s in split_sentences(p.text, p.index)]

    def line_of(self, lang: str, sentence: Sentence) -> int:
        where = self.vi_lines if lang == "vi" else self.en_lines
        for line, start, end in where[sentence.passage]:
            if start <= sentence.start < end + 1:
                return line
        raise ValueError("a sentence outside every line")


def line_links(group: Regrouped, vi: list[Sentence], en: list[Sentence],
               links: list[AlignmentLink]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Sentence links as line links: links and pieces of one line merged into one."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for vi_ids, en_ids in links:
        nodes = [("vi", group.line_of("vi", vi[i])) for i in vi_ids]
        nodes += [("en", group.line_of("en", en[j])) for j in en_ids]
        for node in nodes:
            parent[find(node)] = find(nodes[0])
    components: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in list(parent):
        components.setdefault(find(node), []).append(node)
    return {(tuple(sorted(k for lang, k in c if lang == "vi")),
             tuple(sorted(k for lang, k in c if lang == "en"))) for c in components.values()}


Setting = Callable[[Regrouped, bool], float]


def gold_everything(group: Regrouped, cues: bool) -> float:
    vi, en = group.gold_sentences("vi"), group.gold_sentences("en")
    return _exact(group, vi, en, align_sentences(vi, en, group.links, cues=cues))


def aligned_paragraphs(group: Regrouped, cues: bool) -> float:
    vi, en = group.gold_sentences("vi"), group.gold_sentences("en")
    links = align_sentences(vi, en, align(group.vi, group.en), cues=cues)
    return _exact(group, vi, en, links)


def end_to_end(group: Regrouped, cues: bool) -> float:
    vi, en = group.split("vi"), group.split("en")
    return _exact(group, vi, en, align_sentences(vi, en, align(group.vi, group.en), cues=cues))


def _exact(group: Regrouped, vi: list[Sentence], en: list[Sentence],
           links: list[AlignmentLink]) -> float:
    got = line_links(group, vi, en, links)
    lines = sum(len(spans) for spans in group.vi_lines)
    return sum(((k,), (k,)) in got for k in range(lines)) / lines


SETTINGS: dict[str, Setting] = {
    "gold sentences, gold paragraph links": gold_everything,
    "gold sentences, aligned paragraphs": aligned_paragraphs,
    "splitter + both aligners (end to end)": end_to_end,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="regroupings to score")
    args = parser.parse_args()
    for name, stem in CORPORA.items():
        vi, en = load(stem)
        print(f"{name}: {len(vi)} sentence pairs, {args.seeds} regroupings (mean exact-pair)")
        print(f"  {'setting':<40} {'aligner':>8} {'Gale–Church (length only)':>27}")
        for label, setting in SETTINGS.items():
            scores = {cues: statistics.fmean(setting(Regrouped(vi, en, random.Random(seed)), cues)
                                             for seed in range(args.seeds))
                      for cues in (True, False)}
            print(f"  {label:<40} {scores[True]:>8.1%} {scores[False]:>27.1%}")


if __name__ == "__main__":
    main()
