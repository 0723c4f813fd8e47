"""How well the sentence aligner pairs real translated sentences, beside plain Gale–Church.

Run from the repository root:  .venv/bin/python bench/sentence_accuracy.py [--seeds N]

The data is public sentence-aligned Vietnamese–English text (tests/fixtures/real/parallel/,
see SOURCES.md): line k of one file translates line k of the other. The files are Moses-
tokenized ("word .", "&quot;"); `detokenize` undoes that on reading so the splitter sees text
as it was published. Each seed then rebuilds an "article" from the lines:

- translator-like edits on the truth: with small probabilities two neighbouring lines are
  one sentence on one side (a 2–1 or 1–2 link), or a line is missing on one side (1–0, 0–1);
- paragraphs regrouped differently on each side: a chunk of 1–6 lines is one paragraph on
  one side and two on the other, or one on both (1–1, 1–2, 2–1 paragraph links).

Three settings, each for the aligner and for the length-only Gale–Church baseline
(`cues=False`): (1) the true sentences inside the true paragraph links (the sentence aligner
alone); (2) the true sentences, paragraphs paired by the paragraph aligner; (3) end to end:
sentences from the splitter, paragraphs from the paragraph aligner. In (3) the comparison is
made at the grain both sides can express: a true sentence the splitter cuts in two counts as
right when the links over its pieces cover exactly it and its translation, and true links
whose sentences the splitter runs together (a Vietnamese line that goes on in lower case, a
line with no final stop) are merged into one. Score: exact-pair accuracy, the share of true
links reproduced exactly; and the share of true 1–1 links, separately.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.alignment.aligner import align  # noqa: E402
from archive.alignment.sentence_aligner import align_sentences  # noqa: E402
from archive.alignment.sentences import Sentence, split_sentences  # noqa: E402
from archive.model import AlignmentLink, Passage, PassageKind  # noqa: E402

DATA = REPO / "tests" / "fixtures" / "real" / "parallel"
# The aligner's weights were chosen on the first; the second was not looked at until then.
CORPORA = {
    "IWSLT'15 en-vi tst2013 (TED), lines 1-130 (tuning)": "iwslt15-tst2013-head",
    "IWSLT'15 en-vi tst2013 (TED), a later talk, 92 lines (held out)": "iwslt15-tst2013-heldout",
}
JOIN_CHANCE = 0.08  # two neighbouring lines are one sentence on one side
DROP_CHANCE = 0.03  # a line is missing on one side
Link = tuple[tuple[int, ...], tuple[int, ...]]


def detokenize(line: str) -> str:
    """Undo Moses tokenization: entities, spaces before punctuation and inside quotes."""
    text = html.unescape(line).strip()
    text = re.sub(r" ([.,!?:;%)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r" (['’](?:s|t|re|ve|ll|d|m)\b)", r"\1", text)
    pieces = text.split('"')
    out = pieces[0]
    for k, piece in enumerate(pieces[1:]):
        out = (out + '"' + piece.lstrip()) if k % 2 == 0 else (out.rstrip() + '"' + piece)
    # A quote opened on an earlier line closes this one: 'She's not North Korean. "'.
    return re.sub(r'\s+"$', '"', out)


def load(stem: str) -> tuple[list[str], list[str]]:
    vi = (DATA / f"{stem}.vi").read_text(encoding="utf-8").splitlines()
    en = (DATA / f"{stem}.en").read_text(encoding="utf-8").splitlines()
    assert len(vi) == len(en), f"{stem}: the two sides differ in length"
    return [detokenize(t) for t in vi], [detokenize(t) for t in en]


@dataclass
class Side:
    units: list[str] = field(default_factory=list)  # true sentences (a line, or two joined)
    passages: list[Passage] = field(default_factory=list)
    # per passage: (unit, start, end) of each true sentence in the passage text
    where: list[list[tuple[int, int, int]]] = field(default_factory=list)

    def add_passage(self, units: list[int]) -> int:
        text, spans = "", []
        for unit in units:
            spans.append((unit, len(text), len(text) + len(self.units[unit])))
            text += self.units[unit] + " "
        self.passages.append(Passage(len(self.passages), PassageKind.PARAGRAPH, text.strip()))
        self.where.append(spans)
        return len(self.passages) - 1

    def true_sentences(self) -> list[Sentence]:
        return [
            Sentence(p.index, s, e, p.text[s:e])
            for p, spans in zip(self.passages, self.where, strict=True)
            for _, s, e in spans
        ]

    def split(self) -> list[Sentence]:
        return [s for p in self.passages for s in split_sentences(p.text, p.index)]


class Rebuilt:
    """An article made of the lines, with translator-like edits and regrouped paragraphs."""

    def __init__(self, vi: list[str], en: list[str], rng: random.Random) -> None:
        self.vi, self.en = Side(), Side()
        self.gold: list[Link] = []
        events = self._edit(vi, en, rng)
        self.paragraph_links: list[AlignmentLink] = []
        at = 0
        while at < len(events):
            chunk = events[at : at + rng.randint(1, 6)]
            at += len(chunk)
            vi_units = [u for v, _ in chunk for u in v]
            en_units = [u for _, e in chunk for u in e]
            cut = rng.choice(("vi", "en", None, None))
            self.paragraph_links.append(
                (
                    self._passages(self.vi, vi_units, cut == "vi", rng),
                    self._passages(self.en, en_units, cut == "en", rng),
                )
            )

    def _edit(self, vi: list[str], en: list[str], rng: random.Random) -> list[Link]:
        k = 0
        while k < len(vi):
            roll = rng.random()
            if roll < JOIN_CHANCE and k + 1 < len(vi):
                side = rng.choice((self.vi, self.en))
                other = self.en if side is self.vi else self.vi
                texts, others = (vi, en) if side is self.vi else (en, vi)
                joined = _unit(side, texts[k] + " " + texts[k + 1])
                pair = (_unit(other, others[k]), _unit(other, others[k + 1]))
                self.gold.append(((joined,), pair) if side is self.vi else (pair, (joined,)))
                k += 2
            elif roll < JOIN_CHANCE + DROP_CHANCE:
                if rng.random() < 0.5:
                    self.gold.append(((_unit(self.vi, vi[k]),), ()))
                else:
                    self.gold.append(((), (_unit(self.en, en[k]),)))
                k += 1
            else:
                self.gold.append(((_unit(self.vi, vi[k]),), (_unit(self.en, en[k]),)))
                k += 1
        return self.gold

    @staticmethod
    def _passages(side: Side, units: list[int], cut: bool, rng: random.Random) -> list[int]:
        if not units:
            return []
        split = rng.randint(1, len(units) - 1) if cut and len(units) > 1 else len(units)
        return [side.add_passage(group) for group in (units[:split], units[split:]) if group]


def _unit(side: Side, text: str) -> int:
    side.units.append(text)
    return len(side.units) - 1


def unit_links(
    article: Rebuilt, vi: list[Sentence], en: list[Sentence], links: list[AlignmentLink]
) -> set[Link]:
    """Sentence links as links of true sentences: links sharing a true sentence merged."""
    return _components(
        [
            (
                [u for i in v for u in _units_within(article.vi, vi[i])],
                [u for j in e for u in _units_within(article.en, en[j])],
            )
            for v, e in links
        ]
    )


def merged_gold(article: Rebuilt, vi: list[Sentence], en: list[Sentence]) -> list[Link]:
    """The true links, those whose sentences the splitter ran together merged: at the
    splitter's grain nothing finer can be asked of the aligner."""
    joins = [([u for u in _units_within(article.vi, s)], []) for s in vi]
    joins += [([], [u for u in _units_within(article.en, s)]) for s in en]
    gold = [(list(v), list(e)) for v, e in article.gold]
    return sorted(_components(gold + [j for j in joins if len(j[0]) + len(j[1]) > 1]))


def _units_within(side: Side, sentence: Sentence) -> list[int]:
    return [
        unit
        for unit, start, end in side.where[sentence.passage]
        if start < sentence.end and sentence.start < end
    ]


def _components(links: list[tuple[list[int], list[int]]]) -> set[Link]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for vi_units, en_units in links:
        nodes = [("vi", u) for u in vi_units] + [("en", u) for u in en_units]
        for node in nodes:
            parent[find(node)] = find(nodes[0])
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    return {
        (
            tuple(sorted(k for lang, k in g if lang == "vi")),
            tuple(sorted(k for lang, k in g if lang == "en")),
        )
        for g in groups.values()
    }


Setting = Callable[[Rebuilt, bool], tuple[set[Link], list[Link]]]  # (found, truth)


def true_everything(article: Rebuilt, cues: bool) -> tuple[set[Link], list[Link]]:
    vi, en = article.vi.true_sentences(), article.en.true_sentences()
    links = align_sentences(vi, en, article.paragraph_links, cues=cues)
    return unit_links(article, vi, en, links), article.gold


def aligned_paragraphs(article: Rebuilt, cues: bool) -> tuple[set[Link], list[Link]]:
    vi, en = article.vi.true_sentences(), article.en.true_sentences()
    paragraphs = align(article.vi.passages, article.en.passages)
    links = align_sentences(vi, en, paragraphs, cues=cues)
    return unit_links(article, vi, en, links), article.gold


def end_to_end(article: Rebuilt, cues: bool) -> tuple[set[Link], list[Link]]:
    vi, en = article.vi.split(), article.en.split()
    paragraphs = align(article.vi.passages, article.en.passages)
    links = align_sentences(vi, en, paragraphs, cues=cues)
    return unit_links(article, vi, en, links), merged_gold(article, vi, en)


SETTINGS: dict[str, Setting] = {
    "true sentences, true paragraph links": true_everything,
    "true sentences, aligned paragraphs": aligned_paragraphs,
    "splitter + both aligners (end to end)": end_to_end,
}


def scores(got: set[Link], gold: list[Link]) -> tuple[float, float]:
    exact = sum(link in got for link in gold) / len(gold)
    ones = [link for link in gold if len(link[0]) == len(link[1]) == 1]
    return exact, sum(link in got for link in ones) / len(ones)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=40, help="rebuilt articles to score")
    args = parser.parse_args()
    for name, stem in CORPORA.items():
        vi, en = load(stem)
        shapes = statistics.fmean(
            sum(len(v) != 1 or len(e) != 1 for v, e in Rebuilt(vi, en, random.Random(s)).gold)
            for s in range(args.seeds)
        )
        print(
            f"{name}: {len(vi)} sentence pairs; {args.seeds} rebuilt articles, "
            f"{shapes:.1f} non-1–1 links each on average (mean exact-pair accuracy)"
        )
        print(
            f"  {'setting':<40} {'aligner':>8} {'(1–1 only)':>11} "
            f"{'Gale–Church, length only':>25} {'(1–1 only)':>11}"
        )
        for label, setting in SETTINGS.items():
            row = []
            for cues in (True, False):
                runs = []
                for seed in range(args.seeds):
                    article = Rebuilt(vi, en, random.Random(seed))
                    runs.append(scores(*setting(article, cues)))
                row += [statistics.fmean(r[0] for r in runs), statistics.fmean(r[1] for r in runs)]
            print(f"  {label:<40} {row[0]:>8.1%} {row[1]:>11.1%} {row[2]:>25.1%} {row[3]:>11.1%}")


if __name__ == "__main__":
    main()
