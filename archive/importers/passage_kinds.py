"""Tell headings, pull quotes and photo captions from paragraphs in plain-text blocks.

Plain-text sources (the blog-post text format, Blogger posts) lose the markup that said what a
block was. The rules below recover it from the shape of the text alone, and were derived from
the bundled seed article:

- caption: ends with a photo credit, "… Owen Humphreys / Reuters" (Name Name / Agency);
- heading: a short line without final sentence punctuation ("Point of no return"), or a very
  short line ending in one period (or a question mark) right before a long paragraph
  ("Hãy cùng thảo luận.");
- quote: a short standalone sentence that repeats, closely, text of another block of the same
  language (a pull quote: magazines print a sentence of the body again in large type);
- paragraph: everything else.

Works for Vietnamese and English alike. Pure functions; safe from any thread.
"""

from __future__ import annotations

import re
import unicodedata

from archive.model import Passage, PassageKind

HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
PERIOD_HEADING_MAX_WORDS = 5
LONG_PARAGRAPH_MIN_WORDS = 25
QUOTE_MIN_WORDS = 5
QUOTE_MAX_WORDS = 40
# Share of a pull quote's word triples that must reappear in one other block. A pull quote is an
# edited copy ("A cease-fire in Ukraine could…" of "Indeed, a cease-fire could…"), so not all.
# Measured on the seed: real pull quotes score 0.69-1.0; other sentences at most 0.5 (Vietnamese
# shares many syllable pairs by chance, which is why pairs were not enough).
QUOTE_MIN_OVERLAP = 0.6
CAPTION_MAX_WORDS = 60

_SENTENCE_END = ".!?…:;"
_CLOSERS = "\"'”’)]»"
_INNER_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]»]*\s")
_WORD = re.compile(r"\w+")
# "… Name Name / Agency" at the very end of the block.
_CREDIT = re.compile(r"(\S+\s+\S+)\s*/\s*(\S+(?:\s+\S+){0,3})$")


def classify_blocks(blocks: list[str]) -> list[Passage]:
    """Turn one language's text blocks into Passages numbered from 0.

    Blank blocks are dropped. Leading and trailing whitespace (NBSP included) is stripped; every
    other character is kept as it was.
    """
    texts = [t for t in (strip_block(b) for b in blocks) if t]
    triples = _TripleIndex([_word_triples(t) for t in texts])
    passages = []
    for i, text in enumerate(texts):
        following = texts[i + 1] if i + 1 < len(texts) else ""
        passages.append(Passage(i, _kind_of(text, following, triples, i), text))
    return passages


class _TripleIndex:
    """Which blocks hold each word triple, so a candidate pull quote finds the block it repeats
    without being compared with every block (a long text has thousands)."""

    # A triple in more blocks than this is boilerplate, no evidence of a repeated sentence.
    MAX_BLOCKS_PER_TRIPLE = 8

    def __init__(self, per_block: list[set[tuple[str, ...]]]) -> None:
        self.per_block = per_block
        self.blocks_with: dict[tuple[str, ...], list[int]] = {}
        for index, triples in enumerate(per_block):
            for triple in triples:
                self.blocks_with.setdefault(triple, []).append(index)

    def best_overlap(self, index: int) -> float:
        """The largest share of block `index`'s triples found in one other block."""
        own = self.per_block[index]
        if not own:
            return 0.0
        shared: dict[int, int] = {}
        for triple in own:
            holders = self.blocks_with[triple]
            if len(holders) > self.MAX_BLOCKS_PER_TRIPLE:
                continue
            for other in holders:
                if other != index:
                    shared[other] = shared.get(other, 0) + 1
        return max(shared.values(), default=0) / len(own)


def strip_block(block: str) -> str:
    """Strip surrounding whitespace, NBSP and other Unicode spaces included."""
    return block.strip().strip("\u00a0\u2007\u202f\ufeff").strip()


def _kind_of(text: str, following: str, triples: _TripleIndex, index: int) -> PassageKind:
    if is_caption(text):
        return PassageKind.CAPTION
    if _is_plain_heading(text):
        return PassageKind.HEADING
    if _is_pull_quote(text, triples, index):
        return PassageKind.QUOTE
    if _is_period_heading(text, following):
        return PassageKind.HEADING
    return PassageKind.PARAGRAPH


def _words(text: str) -> list[str]:
    # NBSP is a space here; NFC so that decomposed Vietnamese letters still count as letters.
    return unicodedata.normalize("NFC", text.replace("\u00a0", " ")).split()


def _final_mark(text: str) -> str:
    """The last character that is not a closing quote or bracket."""
    core = text.rstrip(_CLOSERS + " \u00a0")
    return core[-1:] if core else ""


def is_caption(text: str) -> bool:
    """Ends with a photo credit "Name Name / Agency", every credit word capitalized."""
    spaced = text.replace("\u00a0", " ")
    if len(spaced.split()) > CAPTION_MAX_WORDS:  # before the regex: it backtracks on long text
        return False
    match = _CREDIT.search(spaced)
    if not match:
        return False
    # A caption's text runs into the credit, so only the last two words before "/" are the name.
    name_words = match.group(1).split()[-2:]
    agency_words = match.group(2).split()
    return all(w[:1].isupper() for w in name_words + agency_words)


def _is_plain_heading(text: str) -> bool:
    words = _words(text)
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and len(text) <= HEADING_MAX_CHARS
        and _final_mark(text) not in _SENTENCE_END
        and "://" not in text
    )


def _is_period_heading(text: str, following: str) -> bool:
    """ "Hãy cùng thảo luận." — a translator turned the heading "Talk it out" into a sentence."""
    return (
        len(_words(text)) <= PERIOD_HEADING_MAX_WORDS
        and text[-1:] in ".?"
        and not text.endswith("..")
        and len(_words(following)) >= LONG_PARAGRAPH_MIN_WORDS
    )


def _is_single_sentence(text: str) -> bool:
    return _final_mark(text) in ".!?…" and not _INNER_SENTENCE_BREAK.search(text.rstrip())


def _word_triples(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    return set(zip(words, words[1:], words[2:], strict=False))


def _is_pull_quote(text: str, triples: _TripleIndex, index: int) -> bool:
    if not QUOTE_MIN_WORDS <= len(_words(text)) <= QUOTE_MAX_WORDS:
        return False
    if not _is_single_sentence(text):
        return False
    return triples.best_overlap(index) >= QUOTE_MIN_OVERLAP
