"""Did-you-mean suggestions: corrections of a query from the archive's own words.

Candidates come from Whoosh's spelling support (`terms_within`: a Levenshtein automaton
over the index's term lists; the closest first, then the most frequent), read from the index
itself, so a suggestion is always a word the archive contains. Diacritic-aware: a Vietnamese word is
compared in its folded form (a missing tone mark is not a typo), and a word typed with
diacritics is corrected among the exactly written words first, so "đồng mính" offers
"đồng minh". English words are corrected among the stems (names stem to themselves).

A suggestion replaces only the misspelt words of what the person typed, in their own case
("Lukashanko" → "Lukashenko"), and SearchIndex keeps it only if it finds something.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh.reading import IndexReader

from index.analysis import VI_TOKEN, en_term, vi_exact, vi_folded
from index.query import AllOf, Phrase, positive_clauses
from index.schema import EN_TEXT, VI_EXACT, VI_FOLDED

MAX_SUGGESTIONS = 3
MIN_WORD_CHARS = 3  # shorter words are too ambiguous to correct
RARE_DOCS = 2  # a word in at most this many passages may still be a typo...
COMMONER = 5  # ...when a correction is in at least this many times as many


@dataclass(frozen=True)
class _Correction:
    text: str  # the corrected word, as it should be typed
    distance: int
    frequency: int
    exact: bool = False  # found among the exactly written words (typed with diacritics)


def _corrections(reader: IndexReader, fieldname: str, term: str) -> list[tuple[int, str]]:
    """(edit distance, term) for the closest terms of `fieldname`, the most frequent first.

    Whoosh's Levenshtein automaton skips through each segment's sorted term list (a
    MultiReader would compare every term with the same first letter in Python instead).
    The first letter is taken as typed: it is rarely the wrong one, and it keeps this fast.
    """
    for distance in (1, 2) if len(term) >= 5 else (1,):
        found: set[str] = set()
        for leaf, _offset in reader.leaf_readers():
            found.update(leaf.terms_within(fieldname, term, distance, prefix=1))
        found.discard(term)
        if found:
            ranked = sorted(found, key=lambda t: (-_frequency(reader, fieldname, t), t))
            return [(distance, t) for t in ranked[:4]]
    return []


def _frequency(reader: IndexReader, fieldname: str, term: str) -> int:
    try:
        return int(reader.doc_frequency(fieldname, term))
    except Exception:  # a term that cannot be encoded for this field
        return 0


class Speller:
    """Corrections for the words of one query, in one set of languages ("vi", "en")."""

    def __init__(self, reader: IndexReader, langs: tuple[str, ...]) -> None:
        self.reader = reader
        self.langs = langs

    def _known(self, raw: str) -> int:
        """In how many passages (of the searched languages) the typed word occurs."""
        found = 0
        if "vi" in self.langs:
            found += _frequency(self.reader, VI_FOLDED, vi_folded(raw))
        if "en" in self.langs:
            found += _frequency(self.reader, EN_TEXT, en_term(raw))
        return found

    def candidates(self, raw: str) -> list[_Correction]:
        """Better-known words close to the typed token `raw`, the best first."""
        own = self._known(raw)
        if len(raw) < MIN_WORD_CHARS or own > RARE_DOCS:
            return []
        found: dict[str, _Correction] = {}
        searches: list[tuple[str, str]] = []
        if "vi" in self.langs:
            if vi_exact(raw) != vi_folded(raw):  # typed with diacritics: keep them
                searches.append((VI_EXACT, vi_exact(raw)))
            searches.append((VI_FOLDED, vi_folded(raw)))
        if "en" in self.langs:
            searches.append((EN_TEXT, en_term(raw)))
        for fieldname, term in searches:
            for distance, text in _corrections(self.reader, fieldname, term):
                frequency = _frequency(self.reader, fieldname, text)
                if frequency < max(1, own * COMMONER) or text in found:
                    continue
                if fieldname == VI_FOLDED and any(vi_folded(c) == text for c in found):
                    continue  # already offered with its diacritics
                found[text] = _Correction(text, distance, frequency, fieldname == VI_EXACT)
        return sorted(found.values(), key=lambda c: (c.distance, not c.exact, -c.frequency))


def _in_case_of(typed: str, word: str) -> str:
    """`word` written in the case the person typed: NATO, Lukashenko, kremlin."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _typed_tokens(parsed: AllOf) -> list[str]:
    """The words a match consists of. A prefix counts too: when a search finds little, the
    word being typed is most often already whole ("Lukashanko" with no space after it),
    and a correction is kept only if it finds more than the prefix did."""
    tokens: list[str] = []
    for leaf in positive_clauses(parsed):
        texts = [leaf.text] if isinstance(leaf, Phrase) else list(leaf.words)
        for text in texts:
            tokens += VI_TOKEN.findall(text)
    return list(dict.fromkeys(tokens))


def _replace(query: str, replacements: dict[str, str]) -> str:
    """`query` with each listed token replaced where it stands as a whole token."""
    parts: list[str] = []
    cursor = 0
    for match in VI_TOKEN.finditer(query):
        if match.group() in replacements:
            parts += [query[cursor : match.start()], replacements[match.group()]]
            cursor = match.end()
    return "".join(parts) + query[cursor:]


def suggest(query: str, parsed: AllOf, speller: Speller) -> list[str]:
    """Corrected versions of `query`, the likeliest first (at most MAX_SUGGESTIONS)."""
    per_token = {raw: speller.candidates(raw) for raw in _typed_tokens(parsed)}
    per_token = {raw: found for raw, found in per_token.items() if found}
    if not per_token:
        return []
    best = {raw: _in_case_of(raw, found[0].text) for raw, found in per_token.items()}
    suggestions = [_replace(query, best)]
    for raw, found in per_token.items():
        for other in found[1:]:
            suggestions.append(_replace(query, {**best, raw: _in_case_of(raw, other.text)}))
    # Spaces around a query mean nothing once it is no longer being typed.
    unique = dict.fromkeys(s.strip() for s in suggestions if s.strip() != query.strip())
    return list(unique)[: MAX_SUGGESTIONS * 2]
