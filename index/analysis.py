"""Text analysis for the search index: how Vietnamese and English text becomes index terms.

The same functions serve indexing, query parsing and highlighting, so a word typed by a
person and a word in an article always reduce to the same term.

Vietnamese words get two forms:
- exact: NFC, case folded, Ð (U+00D0) read as Đ, the tone mark moved to one canonical
  vowel so old-style "hòa"/"thủy" and new-style "hoà"/"thuỷ" are the same term;
- folded: the exact form without any diacritics and with đ→d ("Đồng" → "dong"), for
  people who type without a Vietnamese keyboard.
English words: curly/straight apostrophes alike, possessive "'s" dropped, accents folded,
Snowball (Porter2) stem.
Text in a third language (an article's `original_language`, kept on the English side) gets
plain terms: the English tokens, case and accents folded, apostrophes dropped, never stemmed
(the English stemmer would cut Romanian or Latin words at English suffixes). They share the
English fields; a query looks up a word's stem and, where it differs, its plain form.

The analyzer classes live here at a stable import path because Whoosh pickles the schema,
analyzers included, into the index. Renaming or moving them breaks existing indexes:
bump ANALYZER_VERSION whenever the terms they produce change, so old indexes get rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

from whoosh.analysis import Analyzer, Token
from whoosh.lang.snowball.english import EnglishStemmer

from archive.text_fold import fold_diacritics

ANALYZER_VERSION = 2

# A token is a run of letters/digits; combining marks stay inside it so NFD text tokenizes
# like composed text. Underscore, punctuation and every kind of space (NBSP too) split.
VI_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# English keeps an apostrophe between letters ("Europe’s", "don't") inside the token.
EN_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['’‘ʼ](?:[^\W_]|[\u0300-\u036f])+)*")

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED_VOWELS = frozenset("ăâêôơư")
_NEW_STYLE_SECOND = frozenset({"oa", "oe", "uy"})  # open syllables: "hoà", "hoè", "thuỷ"
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})  # Icelandic eth typed for Vietnamese đ
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

_CACHE_LIMIT = 300_000  # distinct raw tokens remembered per form; cleared when exceeded


def _tone_vowel_index(base: str) -> int | None:
    """Where the tone mark goes in a toneless, NFC, lower-case syllable (new-style rules).

    Any deterministic rule would make both spelling conventions meet; this one also gives
    the form a Vietnamese reader expects. None when the token has no vowel.
    """
    start = next((i for i, ch in enumerate(base) if ch in _VOWELS), None)
    if start is None:
        return None
    # "qu" and "gi" are consonants when another vowel follows: "quả", "giữ" (but "gì").
    if base[start] in "ui" and start > 0 and base[start - 1] in "qg" and start + 1 < len(base):
        if base[start + 1] in _VOWELS:
            start += 1
    end = start
    while end < len(base) and base[end] in _VOWELS:
        end += 1
    cluster = base[start:end]
    marked = [i for i, ch in enumerate(cluster) if ch in _MARKED_VOWELS]
    if marked:
        return start + marked[-1]
    if len(cluster) == 1:
        return start
    if end < len(base):  # closed syllable: "hoàn", "huýt"
        return end - 1
    if len(cluster) == 2:
        return start + 1 if cluster in _NEW_STYLE_SECOND else start
    return start + 1  # "ngoài", "khuỷu", "ngoẹo"


def _place_tone(word: str) -> str:
    """Move the single tone mark of a syllable to its canonical vowel; NFC result."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) != 1:
        return word  # no tone, or not a Vietnamese syllable: leave it alone
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    at = _tone_vowel_index(base)
    if at is None:
        return word
    return unicodedata.normalize("NFC", base[: at + 1] + tones[0] + base[at + 1 :])


def _compute_exact(raw: str) -> str:
    if raw.isascii():
        return raw.lower()
    word = unicodedata.normalize("NFC", raw.translate(_LOOKALIKES)).casefold()
    return _place_tone(word)


def _cached(compute: Callable[[str], str]) -> Callable[[str], str]:
    """Memoize a per-token function: real text repeats a small vocabulary endlessly."""
    cache: dict[str, str] = {}

    def lookup(raw: str) -> str:
        try:
            return cache[raw]
        except KeyError:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            value = cache[raw] = compute(raw)
            return value

    lookup.__doc__ = compute.__doc__
    return lookup


vi_exact = _cached(_compute_exact)
vi_exact.__doc__ = "A Vietnamese token's exact term: NFC, case folded, canonical tone placement."
vi_folded = _cached(lambda raw: fold_diacritics(vi_exact(raw)))
vi_folded.__doc__ = "A Vietnamese token's folded term: no diacritics, đ → d."

_stemmer = EnglishStemmer()


def _compute_english(raw: str) -> str:
    word = fold_diacritics(unicodedata.normalize("NFC", raw)).lower().translate(_APOSTROPHES)
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    return _stemmer.stem(word) if word.isalpha() else word


en_term = _cached(_compute_english)
en_term.__doc__ = "An English token's term: apostrophes unified, possessive dropped, stemmed."


def _compute_plain(raw: str) -> str:
    word = fold_diacritics(unicodedata.normalize("NFC", raw)).lower().translate(_APOSTROPHES)
    return word.replace("'", "")


plain_term = _cached(_compute_plain)
plain_term.__doc__ = (
    "A third-language token's term: case and accents folded, not stemmed. Also a typed English"
    " prefix's form: the stem of a partial word is no prefix of the word's stem."
)


def vi_tokens(text: str) -> Iterator[re.Match[str]]:
    """Vietnamese-rule token matches of `text`, with offsets into the original string."""
    return VI_TOKEN.finditer(text)


def en_tokens(text: str) -> Iterator[re.Match[str]]:
    """English-rule token matches of `text`, with offsets into the original string."""
    return EN_TOKEN.finditer(text)


class _TermAnalyzer(Analyzer):
    """One regex pass and one cached lookup per token; no filter chain (the hot path)."""

    pattern: re.Pattern[str] = VI_TOKEN
    term: Callable[[str], str] = staticmethod(vi_exact)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        term = type(self).term
        # r".*" with DOTALL matches any string, so the whole-value match is never None
        whole = re.match(r".*", value, re.S)
        assert whole is not None
        matches = self.pattern.finditer(value) if tokenize else [whole]
        for pos, match in enumerate(matches, start_pos):
            raw = match.group()
            token.text = term(raw)
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = raw
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))


class VietnameseExactAnalyzer(_TermAnalyzer):
    """Vietnamese exact terms (diacritics kept, tone placement and case normalized)."""

    pattern = VI_TOKEN
    term = staticmethod(vi_exact)


class VietnameseFoldedAnalyzer(_TermAnalyzer):
    """Vietnamese folded terms ("chiến tranh" → "chien", "tranh")."""

    pattern = VI_TOKEN
    term = staticmethod(vi_folded)


class EnglishAnalyzer(_TermAnalyzer):
    """English stemmed terms ("Europe’s" = "Europe's" → "europ")."""

    pattern = EN_TOKEN
    term = staticmethod(en_term)


PAIR_JOINER = "_"  # never inside a token (the tokenizers split on "_")


def pair_terms(terms: list[str]) -> list[str]:
    """Adjacent-word terms: ["chien", "tranh", "lanh"] → ["chien_tranh", "tranh_lanh"].

    Indexing adjacent pairs turns "these words stand together" into plain term lookups,
    which Whoosh can score with block-max skipping; phrase (position) queries cannot.
    """
    return [first + PAIR_JOINER + second for first, second in zip(terms, terms[1:], strict=False)]


def vi_term_counts(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Exact, folded and folded-pair term counts of Vietnamese `text`, from one tokenization
    (the same terms the three Vietnamese analyzers give; this is the indexing hot path)."""
    raws = VI_TOKEN.findall(text)
    folded = list(map(vi_folded, raws))
    return Counter(map(vi_exact, raws)), Counter(folded), Counter(pair_terms(folded))


def en_term_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """Stem and stem-pair counts of English `text` (what the English analyzers give)."""
    terms = list(map(en_term, EN_TOKEN.findall(text)))
    return Counter(terms), Counter(pair_terms(terms))


def plain_term_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """Plain term and pair counts of third-language `text`, for the English fields."""
    terms = list(map(plain_term, EN_TOKEN.findall(text)))
    return Counter(terms), Counter(pair_terms(terms))


class _PairAnalyzer(Analyzer):
    """Pairs of adjacent terms (no positions needed: the pair itself records adjacency)."""

    pattern: re.Pattern[str] = VI_TOKEN
    term: Callable[[str], str] = staticmethod(vi_folded)

    def __call__(self, value: str, mode: str = "", **kwargs: object) -> Iterator[Token]:
        token = Token(False, False, mode=mode)
        term = type(self).term
        previous = None
        for raw in self.pattern.findall(value):
            current = term(raw)
            if previous is not None:
                token.text = previous + PAIR_JOINER + current
                token.boost = 1.0
                token.stopped = False
                yield token
            previous = current

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))


class VietnamesePairAnalyzer(_PairAnalyzer):
    """Folded Vietnamese word pairs ("chiến tranh" → "chien_tranh")."""

    pattern = VI_TOKEN
    term = staticmethod(vi_folded)


class EnglishPairAnalyzer(_PairAnalyzer):
    """Stemmed English word pairs ("nuclear weapons" → "nuclear_weapon")."""

    pattern = EN_TOKEN
    term = staticmethod(en_term)
