"""Translate a parsed query (index.query) into a Whoosh query over the language fields.

Every query is a tree of term lookups (And, DefaultOr, AndMaybe, AndNot), never a phrase
(position) query: that keeps Whoosh's block-max skipping on, so the cost of a search depends
on the top hits rather than on how many passages contain a common word. Adjacency is
answered by the pair fields ("chien_tranh"); the highlighter then marks exact positions.

Ranking choices, as boosts on top of BM25F:
- a word typed with diacritics matches the exact field (boosted) and the folded field, so
  right-diacritics passages score both and rank above folded-only ones;
- bare words typed together also score their adjacent pairs (AndMaybe), so "an ninh châu
  Âu" ranks "an ninh" and "châu Âu" standing together above scattered syllables.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq
from whoosh.query.compound import DefaultOr

from index.analysis import (
    EN_TOKEN,
    VI_TOKEN,
    en_term,
    pair_terms,
    plain_term,
    vi_exact,
    vi_folded,
)
from index.query import AllOf, AnyOf, Clause, Phrase, Words
from index.schema import EN_PAIRS, EN_TEXT, VI_EXACT, VI_FOLDED, VI_PAIRS

EXACT_BOOST = 1.5
ADJACENT_BOOST = 5.0  # strong: adjacency must beat a higher tf of scattered syllables
LANG_SCOPES = {"vi": ("vi",), "en": ("en",), "all": ("vi", "en")}


def _any(queries: list[wq.Query]) -> wq.Query:
    # DefaultOr, not Or: Whoosh's automatic choice preloads every posting on small indexes.
    return queries[0] if len(queries) == 1 else DefaultOr(queries)


def _all(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


@dataclass(frozen=True)
class _Terms:
    """Typed text as index terms: Vietnamese exact and folded, English stems, and the plain
    (unstemmed) forms third-language text is indexed under."""

    exact: tuple[str, ...]
    folded: tuple[str, ...]
    stems: tuple[str, ...]
    plains: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str) -> _Terms:
        raws = VI_TOKEN.findall(text)
        en_raws = EN_TOKEN.findall(text)
        return cls(
            tuple(map(vi_exact, raws)),
            tuple(map(vi_folded, raws)),
            tuple(map(en_term, en_raws)),
            tuple(map(plain_term, en_raws)),
        )


def _vietnamese(terms: _Terms, exact_only: bool, prefer_exact: bool = True) -> wq.Query | None:
    exact, folded = terms.exact, terms.folded
    if not folded:
        return None
    if exact_only:
        required = [wq.Term(VI_EXACT, term) for term in dict.fromkeys(exact)]
        return _all(required + [wq.Term(VI_PAIRS, p) for p in pair_terms(list(folded))])
    if len(folded) == 1:
        base = wq.Term(VI_FOLDED, folded[0])
    else:
        base = _all([wq.Term(VI_PAIRS, p) for p in pair_terms(list(folded))])
    marked = [(e, f) for e, f in zip(exact, folded, strict=True) if e != f]
    if (
        not marked or not prefer_exact
    ):  # typed without diacritics: the folded terms hold every match
        return base
    # "exact or folded" for each word typed with diacritics: the folded term always matches
    # (so nothing is lost) and the exact one adds its boost. Unions and intersections keep
    # Whoosh's block skipping; AndMaybe would turn it off.
    preferred = [
        DefaultOr([wq.Term(VI_EXACT, e, boost=EXACT_BOOST), wq.Term(VI_FOLDED, f)])
        for e, f in marked
    ]
    if len(folded) == 1:
        return preferred[0]
    return _all([base, *preferred])


def _english(terms: _Terms) -> wq.Query | None:
    stems = terms.stems
    if not stems:
        return None
    stemmed = _english_terms(stems)
    if not terms.plains or terms.plains == stems:
        return stemmed
    # Third-language passages hold plain terms: the plain form finds them too.
    return DefaultOr([stemmed, _english_terms(terms.plains)])


def _english_terms(terms: tuple[str, ...]) -> wq.Query:
    if len(terms) == 1:
        return wq.Term(EN_TEXT, terms[0])
    return _all([wq.Term(EN_PAIRS, p) for p in pair_terms(list(terms))])


class WhooshQueryBuilder:
    """Builds the query for one language ("vi" or "en") and diacritics mode.

    One query per language, never both in one tree: a passage is in one language, and two
    simple trees let Whoosh skip far more than a union of both (SearchIndex merges them).
    """

    def __init__(self, lang: str, exact_diacritics: bool, together: bool = False) -> None:
        """`together`: read every run of bare words as a phrase (SearchIndex's first pass)."""
        self.lang = lang
        self.exact_diacritics = exact_diacritics
        self.together = together

    def build(self, parsed: AllOf) -> wq.Query | None:
        """None when nothing searchable remains (empty, only exclusions, only punctuation)."""
        return self._clause(parsed)

    def _text(self, terms: _Terms) -> wq.Query | None:
        """Typed text; several tokens must stand together."""
        if self.lang == "vi":
            # The "together" pass leaves diacritics preference to SearchIndex (a filter on
            # the hits), keeping its query a single pair lookup where possible.
            return _vietnamese(terms, self.exact_diacritics, prefer_exact=not self.together)
        return _english(terms)

    def _clause(self, clause: Clause) -> wq.Query | None:
        if isinstance(clause, Phrase):
            return self._text(_Terms.of(clause.text))
        if isinstance(clause, Words):
            return self._words(clause.words)
        if isinstance(clause, AnyOf):
            options = [q for q in map(self._clause, clause.options) if q is not None]
            return _any(options) if options else None
        return self._all_of(clause)

    def _all_of(self, clause: AllOf) -> wq.Query | None:
        items = [q for q in map(self._clause, clause.items) if q is not None]
        if not items:
            return None
        excluded = [q for q in map(self._clause, clause.excluded) if q is not None]
        return wq.AndNot(_all(items), _any(excluded)) if excluded else _all(items)

    def _words(self, words: tuple[str, ...]) -> wq.Query | None:
        if self.together and len(words) > 1:
            return self._text(_Terms.of(" ".join(words)))
        analyzed = [(terms, q) for word in words if (q := self._text(terms := _Terms.of(word)))]
        if not analyzed:
            return None
        required = _all([q for _, q in analyzed])
        adjacent = [
            pair
            for (first, _), (second, _) in zip(analyzed, analyzed[1:], strict=False)
            if (pair := self._adjacent(first, second)) is not None
        ]
        if not adjacent:
            return required
        if len(analyzed) == 2 and not (self.lang == "vi" and self.exact_diacritics):
            # Two words (most Vietnamese words): the pair implies both words, so a union
            # scores like AndMaybe yet lets Whoosh skip the many scattered-only blocks once
            # the adjacent hits fill the top. (Not with exact diacritics: the pair field is
            # folded, so there the pair does not imply the exactly written words.)
            return DefaultOr([required, adjacent[0]])
        return wq.AndMaybe(required, _any(adjacent))

    def _adjacent(self, first: _Terms, second: _Terms) -> wq.Query | None:
        """The pair term for `first` directly followed by `second`."""
        if self.lang == "vi":
            fieldname, before, after = VI_PAIRS, first.folded, second.folded
        else:
            fieldname, before, after = EN_PAIRS, first.stems, second.stems
        if not before or not after:
            return None
        pair = wq.Term(fieldname, pair_terms([before[-1], after[0]])[0], boost=ADJACENT_BOOST)
        if self.lang == "vi" or not first.plains or not second.plains:
            return pair
        plain = pair_terms([first.plains[-1], second.plains[0]])[0]
        if plain == pair.text:
            return pair
        return DefaultOr([pair, wq.Term(EN_PAIRS, plain, boost=ADJACENT_BOOST)])
