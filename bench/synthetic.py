"""A deterministic synthetic archive shaped like the seed article, for benchmarks.

Article i depends only on (seed, i), so the archive of N articles is a prefix of any larger
one. Sentences come from the seed, re-mixed, and a share of their words is replaced by
words drawn from a Zipf-Mandelbrot distribution over an unbounded synthetic lexicon
(plausible Vietnamese syllables, then foreign-looking names; English-like words). So the
vocabulary keeps growing with N the way real text does (Heaps' law), instead of repeating
the same paragraphs — which would flatter any index.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

from archive.model import Article, PassageKind

GEN_VERSION = 1
ZIPF_OFFSET = {"vi": 2000.0, "en": 5000.0}  # P(rank r) ~ (r + q)^-2: seed words form the head
REPLACE_SHARE = 0.14  # share of words replaced by lexicon words
PROTECTED_TOP = 60  # the seed's most frequent words are never replaced

_ONSETS = "b c ch d đ g gi h kh l m n ng nh ph qu r s t th tr v x".split() + [""]
_RHYMES = "a e ê i o ô ơ u ư ai ao au ay âu ây eo ia iu oi ôi ơi ua ui ưa an ăn ân en ên in on ôn ơn un anh inh ang ăng âng ong ông ung ưng iên ương uôn oan".split()  # noqa: E501
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_VOWELS = set("aăâeêioôơuưy")
_EN_PARTS = "ba be bo bra cla co da de di fa fe fo ga ge gra ha he ka ke la le li lo ma me mi mo na ne no pa pe po ra re ri ro sa se si so ta te ti to va ve vo wa we za".split()  # noqa: E501
_EN_ENDS = ["", "n", "r", "l", "s", "nd", "st", "ck", "x", "ng", "tion", "ment", "ity"]
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORD = re.compile(r"\w+")


def _vietnamese_syllables() -> list[str]:
    syllables = set()
    for onset in _ONSETS:
        for rhyme in _RHYMES:
            vowels = [i for i, ch in enumerate(rhyme) if ch in _VOWELS]
            open_pair = len(vowels) == 2 and vowels[-1] == len(rhyme) - 1  # "ai", "ua"
            vowel_at = vowels[0] if open_pair else vowels[-1]
            for tone in _TONES:
                marked = rhyme[: vowel_at + 1] + tone + rhyme[vowel_at + 1 :]
                syllables.add(unicodedata.normalize("NFC", onset + marked))
    ordered = sorted(syllables)
    random.Random(f"syllables-{GEN_VERSION}").shuffle(ordered)
    return ordered


class Lexicon:
    """Zipf rank → synthetic word, the same word for the same rank every time."""

    def __init__(self) -> None:
        self.syllables = _vietnamese_syllables()

    def english(self, rank: int) -> str:
        rng = random.Random(f"en-{GEN_VERSION}-{rank}")
        parts = rng.randint(2, 3)
        return "".join(rng.choice(_EN_PARTS) for _ in range(parts)) + rng.choice(_EN_ENDS)

    def vietnamese(self, rank: int) -> str:
        if rank <= len(self.syllables):
            return self.syllables[rank - 1]
        return self.english(rank + 7919).capitalize()  # names, as in translated news


class SyntheticArchive:
    """Articles in the seed's text format (vi part, ***, en part), deterministic by index."""

    def __init__(self, seed: Article) -> None:
        self.lexicon = Lexicon()
        self.pools = {lang: self._pool(seed, lang) for lang in ("vi", "en")}

    @staticmethod
    def _pool(seed: Article, lang: str) -> dict[str, object]:
        passages = seed.passages.get(lang, [])
        headings = [p.text for p in passages if p.kind is PassageKind.HEADING]
        sentences = [
            s
            for p in passages
            if p.kind is not PassageKind.HEADING
            for s in _SENTENCE_END.split(p.text)
            if s
        ]
        counts = Counter(w.lower() for p in passages for w in _WORD.findall(p.text))
        return {
            "headings": headings or [seed.title.get(lang, "")],
            "sentences": sentences,
            "protected": {w for w, _ in counts.most_common(PROTECTED_TOP)},
            "paragraphs": len(passages),
            "title": seed.title.get(lang, ""),
            "subtitle": seed.subtitle.get(lang, ""),
        }

    def _rank(self, rng: random.Random, lang: str) -> int:
        return int(ZIPF_OFFSET[lang] * (1.0 / (1.0 - rng.random()) - 1.0)) + 1

    def _perturb(self, text: str, lang: str, rng: random.Random) -> str:
        protected = self.pools[lang]["protected"]
        make = self.lexicon.vietnamese if lang == "vi" else self.lexicon.english

        def replace(match: re.Match[str]) -> str:
            word = match.group()
            if rng.random() >= REPLACE_SHARE or word.lower() in protected or word.isdigit():
                return word
            new = make(self._rank(rng, lang))
            return new[:1].upper() + new[1:] if word[:1].isupper() else new

        return _WORD.sub(replace, text)

    def _body(self, lang: str, rng: random.Random, scale: float) -> list[str]:
        pool = self.pools[lang]
        sentences: list[str] = pool["sentences"]  # type: ignore[assignment]
        blocks = []
        at = rng.randrange(len(sentences))
        for n in range(int(pool["paragraphs"] * scale)):  # type: ignore[operator]
            if n % 9 == 8:
                blocks.append(self._perturb(rng.choice(pool["headings"]), lang, rng))
                continue
            chosen = []
            for _ in range(rng.randint(3, 7)):
                chosen.append(sentences[at % len(sentences)])
                at = at + 1 if rng.random() < 0.7 else rng.randrange(len(sentences))
            blocks.append(self._perturb(" ".join(chosen), lang, rng))
        return blocks

    def article_text(self, i: int) -> str:
        rng = random.Random(f"article-{GEN_VERSION}-{i}")
        scale = min(1.6, max(0.6, rng.lognormvariate(0.0, 0.15)))
        vi, en = self.pools["vi"], self.pools["en"]
        authors = " and ".join(
            f"{rng.choice(['Anna', 'David', 'Maria', 'Hiski', 'Olga'])} "
            f"{self.lexicon.english(1000 + rng.randrange(50_000)).capitalize()}"
            for _ in range(2)
        )
        lines = [
            f"{1000 + i} - {self._perturb(vi['title'], 'vi', rng)}",
            authors,
            self._perturb(vi["subtitle"], "vi", rng),
            *self._body("vi", rng, scale),
            f"https://www.example.org/europe/article-{i}",
            "***",
            self._perturb(en["title"], "en", rng),
            self._perturb(en["subtitle"], "en", rng),
            *self._body("en", rng, scale),
        ]
        return "\n\n".join(lines) + "\n"

    def write(self, n: int, directory: Path) -> int:
        """Write articles 0..n-1 as .txt files; returns the total bytes written."""
        directory.mkdir(parents=True, exist_ok=True)
        total = 0
        for i in range(n):
            data = self.article_text(i).encode("utf-8")
            (directory / f"{i:05d}.txt").write_bytes(data)
            total += len(data)
        return total

    def rare_word(self, lang: str) -> str:
        """A lexicon word of rank ~30,000: a handful of occurrences in a large archive."""
        return self.lexicon.english(30_000) if lang == "en" else self.lexicon.vietnamese(20_000)
