"""Anchors for the aligner: tokens that survive translation between Vietnamese and English.

Numbers and years ("30.000" = "30,000"), months ("tháng 11" = "November"), proper names and
acronyms (NATO, OSCE, Lukashenko) and quoted titles left untranslated. A token is only an anchor
when it occurs on both sides of the article, and it weighs more the fewer passages hold it:
"Lukashenko" pins two passages together, "NATO" (in half of them) barely counts.

Pure functions, no I/O; safe from any thread.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_MONTHS_EN = (
    "january february march april may june july august september october november december"
).split()
_MONTH_EN = {name.capitalize(): k for k, name in enumerate(_MONTHS_EN, start=1)}
# Digit groups of three after a separator are thousands ("30.000" vi, "30,000" en).
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
# One pass finds numbers and, in Vietnamese, months ("tháng 2" is February, not the number 2).
_NUMBER = {
    "vi": re.compile(r"(tháng\s+)?(\d+(?:[.,]\d+)*)", re.IGNORECASE),
    "en": re.compile(r"()(\d+(?:[.,]\d+)*)"),
}
_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_QUOTED = re.compile(r"[“\"«]([^”\"»]{2,100})[”\"»]")


@dataclass(frozen=True)
class AnchorTable:
    """Per-passage anchor sets for both languages and each anchor's weight in this article."""

    vi: list[frozenset[str]]
    en: list[frozenset[str]]
    weight: dict[str, float]


def build_anchor_table(vi_texts: Sequence[str], en_texts: Sequence[str]) -> AnchorTable:
    """Extract anchors from every passage and keep those both languages share."""
    vi_norm = [unicodedata.normalize("NFC", t) for t in vi_texts]
    en_norm = [unicodedata.normalize("NFC", t) for t in en_texts]
    vi_raw = _passage_anchors(vi_norm, "vi")
    en_raw = _passage_anchors(en_norm, "en")
    both = set().union(*vi_raw) & set().union(*en_raw)
    vi_sets = [frozenset(s & both) for s in vi_raw]
    en_sets = [frozenset(s & both) for s in en_raw]
    return AnchorTable(vi_sets, en_sets, _weights(vi_sets + en_sets))


def _weights(sets: list[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency over all passages of both languages."""
    df = Counter(a for s in sets for a in s)
    total = max(len(sets), 1)
    return {a: math.log(total / n) for a, n in df.items()}


def _passage_anchors(texts: list[str], lang: str) -> list[set[str]]:
    words = [_words(t) for t in texts]
    names = _names(words)
    return [_raw_anchors(t, w, lang, names) for t, w in zip(texts, words, strict=True)]


def _words(text: str) -> list[str]:
    return _WORD.findall(_POSSESSIVE.sub("", text))


def _raw_anchors(text: str, words: list[str], lang: str, names: set[str]) -> set[str]:
    found = {"q:" + " ".join(m.group(1).casefold().split()) for m in _QUOTED.finditer(text)}
    for month_word, number in _NUMBER[lang].findall(text):
        if month_word and number.isdigit() and 1 <= int(number) <= 12:
            found.add(f"m:{int(number)}")
        else:
            found.add("n:" + _normalize_number(number))
    distinct = set(words)
    if lang == "en":
        found.update(f"m:{_MONTH_EN[w]}" for w in distinct if w in _MONTH_EN)
    found.update("w:" + folded for folded in {w.casefold() for w in distinct} & names)
    return found


def _normalize_number(raw: str) -> str:
    if _THOUSANDS.match(raw):
        return re.sub(r"[.,]", "", raw)
    return raw.replace(",", ".")


def _names(words_per_text: list[list[str]]) -> set[str]:
    """Words that only ever appear capitalized in this language's text: names and acronyms.

    A capitalized word that also appears in lower case is an ordinary word at the start of a
    sentence ("Do", "An"), and those would make false anchors between the two languages.
    """
    distinct = set().union(*map(set, words_per_text))
    capitalized = {w.casefold() for w in distinct if w[0].isupper()}
    return capitalized - {w.casefold() for w in distinct if not w[0].isupper()}
