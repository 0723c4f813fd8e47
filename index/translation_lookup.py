""" "How was this translated?": the renderings the archive's translators used for a phrase.

For a query in one language, take the sentence pairs whose side in that language holds the
phrase, count every candidate rendering (a run of one or two terms, function words never at
its edge) on the other side, and rank the candidates by the Dice coefficient

    dice(q, r) = 2 · pairs(q and r) / (pairs(q) + pairs(r))

against the candidate's frequency across the whole memory: a word that is everywhere ("của",
"the", "NATO") gets a large denominator and sinks, a word that appears where the query appears
and rarely elsewhere ("răn đe" for "deterrence") rises. A one-term candidate that is part of a
two-term one found in nearly the same pairs gives way to it ("răn", "đe" → "răn đe").

At most MAX_PAIRS matching pairs are read; with more, counts are scaled from that sample and
said to be estimates. Safe from any thread (the memory guards its connection).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from index.translation_memory import StoredPair, TranslationMemory
from index.translation_terms import grams, is_function_word, phrase_spans, surface, terms_of

MAX_PAIRS = 1000
MAX_CANDIDATES = 400
# A shorter rendering gives way to a longer one that holds it when the longer one is found in
# at least this share of the shorter one's pairs.
_SUBSUMED = 0.75
# Renderings scoring below this share of the best one are noise, not choices a translator made.
_RELATIVE_FLOOR = 0.25
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ")


@dataclass(frozen=True)
class Example:
    article_id: int
    passage: int  # the query side's passage
    text: str  # the sentence(s) in the query's language
    counterpart: str  # their translation
    # Where the query stands in `text` and the rendering in `counterpart` (for highlighting).
    text_spans: tuple[tuple[int, int], ...] = ()
    counterpart_spans: tuple[tuple[int, int], ...] = ()


@dataclass
class Rendering:
    text: str
    count: int  # sentence pairs holding both the query and this rendering
    score: float
    examples: list[Example] = field(default_factory=list)


@dataclass
class Lookup:
    query: str
    lang: str
    occurrences: int  # sentence pairs whose `lang` side holds the query
    renderings: list[Rendering]
    estimated: bool = False


def detect_language(memory: TranslationMemory, query: str) -> str:
    """Vietnamese when the query has a Vietnamese letter or tone mark; otherwise English when
    the memory's English holds the phrase, else Vietnamese when its Vietnamese does. (An
    unaccented word found on both sides — "NATO", "Moscow" — is read as English.)"""
    decomposed = unicodedata.normalize("NFD", query)
    if any(ch in _VIETNAMESE_LETTERS for ch in query) or any(
        unicodedata.combining(ch) for ch in decomposed
    ):
        return "vi"
    en_terms, vi_terms = terms_of(query, "en"), terms_of(query, "vi")
    if en_terms and memory.matching("en", en_terms, 1):
        return "en"
    return "vi" if vi_terms and memory.matching("vi", vi_terms, 1) else "en"


def lookup(
    memory: TranslationMemory,
    query: str,
    lang: str | None = None,
    limit: int = 10,
    examples: int = 3,
) -> Lookup:
    lang = lang or detect_language(memory, query)
    other = "en" if lang == "vi" else "vi"
    terms = terms_of(query, lang)
    if not terms:
        return Lookup(query, lang, 0, [])
    occurrences = memory.count_matching(lang, terms)
    estimated = occurrences > MAX_PAIRS
    # Past MAX_PAIRS, an even sample across the whole archive rather than its oldest pairs.
    rows = memory.matching(lang, terms, MAX_PAIRS, share=min(1.0, MAX_PAIRS / max(occurrences, 1)))
    together: Counter[str] = Counter()
    row_grams = [grams(other_terms.split(), other) for _, other_terms in rows]
    for found in row_grams:
        together.update(found)
    scale = occurrences / max(len(rows), 1)
    floor = 1 if len(rows) <= 3 else 2
    candidates = [g for g, n in together.most_common(MAX_CANDIDATES) if n >= floor]
    frequency = memory.document_frequencies(other, candidates)
    scored = []
    for gram in candidates:
        both = together[gram] * scale
        dice = 2 * both / (occurrences + max(frequency.get(gram, 0), together[gram]))
        scored.append((dice, together[gram], gram))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    best = scored[0][0] if scored else 0.0
    chosen = _without_subsumed(
        [s for s in scored if s[0] >= _RELATIVE_FLOOR * best], together, limit
    )
    renderings = [
        _rendering(
            memory,
            lang,
            terms,
            gram,
            round(together[gram] * scale),
            dice,
            _holding(gram, rows, row_grams),
            examples,
        )
        for dice, _, gram in chosen
    ]
    return Lookup(query, lang, occurrences, renderings, estimated)


def _holding(
    gram: str, rows: list[tuple[int, str]], row_grams: list[set[str]], most: int = 10
) -> list[int]:
    """The first pair ids (up to `most`) whose other side holds the rendering."""
    found = []
    for (pair_id, _), held in zip(rows, row_grams, strict=True):
        if gram in held:
            found.append(pair_id)
            if len(found) >= most:
                break
    return found


def _without_subsumed(
    scored: list[tuple[float, int, str]], together: Counter[str], limit: int
) -> list[tuple[float, int, str]]:
    """The best `limit` renderings, leaving out one that a longer candidate holds in nearly
    all its pairs ("răn" inside "răn đe") and a fragment that straddles a better one
    ("năng răn" beside "răn đe")."""
    holders: dict[str, list[str]] = {}
    for _, _, gram in scored:
        if " " in gram:
            for word in set(gram.split(" ")):
                holders.setdefault(word, []).append(gram)
    kept: list[tuple[float, int, str]] = []
    for dice, n, gram in scored:
        if len(kept) >= limit:
            break
        words = set(gram.split(" "))
        held = " " not in gram and any(together[g] >= _SUBSUMED * n for g in holders.get(gram, ()))
        straddles = any(words & set(k.split(" ")) and together[k] >= n for _, _, k in kept)
        if not held and not straddles:
            kept.append((dice, n, gram))
    return kept


def _rendering(
    memory: TranslationMemory,
    lang: str,
    terms: list[str],
    gram: str,
    count: int,
    dice: float,
    pair_ids: list[int],
    most: int,
) -> Rendering:
    other = "en" if lang == "vi" else "vi"
    pairs = list(memory.pairs(pair_ids))
    forms = [form for p in pairs if (form := surface(_side(p, other), other, gram))]
    text = _usual_form(forms) or gram
    examples = [
        Example(
            p.article_id,
            p.vi_passage if lang == "vi" else p.en_passage,
            _side(p, lang),
            _side(p, other),
            tuple(phrase_spans(_side(p, lang), lang, terms)),
            tuple(phrase_spans(_side(p, other), other, gram.split(" "))),
        )
        for p in pairs[:most]
    ]
    return Rendering(text, count, round(dice, 4), examples)


def _usual_form(forms: list[str]) -> str | None:
    """The most frequent spelling, in lower case when the word is written so anywhere (a
    capital at the start of a sentence is not part of the word)."""
    if not forms:
        return None
    groups = Counter(f.casefold() for f in forms)
    usual = groups.most_common(1)[0][0]
    spellings = Counter(f for f in forms if f.casefold() == usual)
    lower = [f for f in spellings if f == f.lower()]
    return lower[0] if lower else spellings.most_common(1)[0][0]


def _side(pair: StoredPair, lang: str) -> str:
    return pair.vi_text if lang == "vi" else pair.en_text


__all__ = ["Example", "Lookup", "Rendering", "detect_language", "is_function_word", "lookup"]
