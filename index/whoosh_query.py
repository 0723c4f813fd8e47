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

A prefix ("Lukash*", or the word being typed) becomes a union of at most a few dozen of its
most frequent completions, looked up by the caller's `Expand` (SearchIndex keeps them per
searcher). The pair fields take prefixes too: "chien tr*" ranks "chien_tranh" first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.query.compound import DefaultOr

from index.analysis import (
    EN_TOKEN,
    PAIR_JOINER,
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

# (field name, prefix) -> the index terms that complete it, most frequent first, bounded.
Expand = Callable[[str, str], tuple[str, ...]]


def _any(queries: list[wq.Query]) -> wq.Query:
    # DefaultOr, not Or: Whoosh's automatic choice preloads every posting on small indexes.
    return queries[0] if len(queries) == 1 else DefaultOr(queries)


def _completed(queries: list[wq.Query]) -> wq.Query:
    """A prefix's completions: a passage scores as its best completion, not their sum. A sum
    would rank passages with several completions ("chi", "chien", "chinh" for "ch") first and
    keep Whoosh from skipping any block; the maximum lets it skip as with a single term."""
    return queries[0] if len(queries) == 1 else wq.DisjunctionMax(queries)


def _all(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


@dataclass(frozen=True)
class _Terms:
    """Typed text as index terms: Vietnamese exact and folded, English stems, and the plain
    (unstemmed) forms third-language text is indexed under.

    `prefix`: the last token is a prefix; `en_prefix` is its English form (plain: the stem of a
    partial word is no prefix of the word's stem).
    """

    exact: tuple[str, ...]
    folded: tuple[str, ...]
    stems: tuple[str, ...]
    plains: tuple[str, ...] = ()
    prefix: bool = False
    en_prefix: str = ""

    @classmethod
    def of(cls, text: str, prefix: bool = False) -> _Terms:
        raws = VI_TOKEN.findall(text)
        en_raws = EN_TOKEN.findall(text)
        return cls(
            tuple(map(vi_exact, raws)),
            tuple(map(vi_folded, raws)),
            tuple(map(en_term, en_raws)),
            tuple(map(plain_term, en_raws)),
            prefix and bool(raws or en_raws),
            plain_term(en_raws[-1]) if prefix and en_raws else "",
        )


# The unigram field whose completions make the pair completions ("chien_" + "tranh").
_PAIR_SOURCE = {VI_PAIRS: VI_FOLDED, EN_PAIRS: EN_TEXT}


class _Leaves:
    """Makes the term lookups, expanding the last token of a prefix into its completions."""

    def __init__(self, expand: Expand | None) -> None:
        self.expand = expand

    def _completions(self, fieldname: str, prefix: str) -> tuple[str, ...]:
        return self.expand(fieldname, prefix) if self.expand is not None else ()

    def term(self, fieldname: str, text: str, prefix: bool, boost: float = 1.0) -> wq.Query:
        completions = self._completions(fieldname, text) if prefix else ()
        if not completions:  # a whole word, or a prefix nothing completes (matches nothing)
            return wq.Term(fieldname, text, boost=boost)
        return _completed([wq.Term(fieldname, term, boost=boost) for term in completions])

    def english_word(self, stem: str, typed: str) -> wq.Query:
        """The last English word of a prefix: its completions, and the typed word's stem
        ("running*" must find "run", which no completion of "running" is)."""
        terms = dict.fromkeys((stem, *self._completions(EN_TEXT, typed)))
        return _completed([wq.Term(EN_TEXT, term) for term in terms])

    def pair(
        self, fieldname: str, before: str, after: str, prefix: bool, boost: float = 1.0
    ) -> wq.Query:
        """`before` directly followed by `after` (a prefix: by one of its completions). The
        pair completions come from the word's own, so no pair term list is ever scanned."""
        whole = wq.Term(fieldname, before + PAIR_JOINER + after, boost=boost)
        completions = self._completions(_PAIR_SOURCE[fieldname], after) if prefix else ()
        pairs = dict.fromkeys(before + PAIR_JOINER + term for term in completions)
        return _completed([wq.Term(fieldname, p, boost=boost) for p in pairs]) if pairs else whole

    def pairs(self, fieldname: str, terms: list[str], prefix: bool) -> list[wq.Query]:
        """The pair terms of adjacent `terms`, the last pair a prefix when the last term is."""
        last = len(terms) - 2
        return [
            self.pair(fieldname, terms[i], terms[i + 1], prefix and i == last)
            for i in range(len(terms) - 1)
        ]


def _vietnamese(
    terms: _Terms, leaves: _Leaves, exact_only: bool, prefer_exact: bool = True
) -> wq.Query | None:
    exact, folded, prefix = terms.exact, terms.folded, terms.prefix
    if not folded:
        return None
    last = len(folded) - 1
    if exact_only:
        required = [
            leaves.term(VI_EXACT, term, prefix and i == last)
            for i, term in enumerate(exact)
            if i == last or term not in exact[i + 1 :]
        ]
        return _all(required + leaves.pairs(VI_PAIRS, list(folded), prefix))
    if len(folded) == 1:
        base = leaves.term(VI_FOLDED, folded[0], prefix)
    else:
        base = _all(leaves.pairs(VI_PAIRS, list(folded), prefix))
    marked = [(i, e, f) for i, (e, f) in enumerate(zip(exact, folded, strict=True)) if e != f]
    if not marked or not prefer_exact:  # typed without diacritics: folded terms hold every match
        return base
    # "exact or folded" for each word typed with diacritics: the folded term always matches
    # (so nothing is lost) and the exact one adds its boost. Unions and intersections keep
    # Whoosh's block skipping; AndMaybe would turn it off.
    preferred = [
        DefaultOr(
            [
                leaves.term(VI_EXACT, e, prefix and i == last, EXACT_BOOST),
                leaves.term(VI_FOLDED, f, prefix and i == last),
            ]
        )
        for i, e, f in marked
    ]
    if len(folded) == 1:
        return preferred[0]
    return _all([base, *preferred])


def _english(terms: _Terms, leaves: _Leaves) -> wq.Query | None:
    stems = terms.stems
    if not stems:
        return None
    if terms.prefix and terms.en_prefix:
        # Completions of the plain prefix cover stems and third-language plain terms alike.
        return _english_prefix(terms, leaves)
    stemmed = _english_terms(stems)
    if not terms.plains or terms.plains == stems:
        return stemmed
    # Third-language passages hold plain terms: the plain form finds them too.
    return DefaultOr([stemmed, _english_terms(terms.plains)])


def _english_terms(terms: tuple[str, ...]) -> wq.Query:
    if len(terms) == 1:
        return wq.Term(EN_TEXT, terms[0])
    return _all([wq.Term(EN_PAIRS, p) for p in pair_terms(list(terms))])


def _english_prefix(terms: _Terms, leaves: _Leaves) -> wq.Query:
    stems = terms.stems
    if len(stems) == 1:
        return leaves.english_word(stems[0], terms.en_prefix)
    # The last pair: the typed word's stem, or a completion of the typed prefix.
    whole = [wq.Term(EN_PAIRS, p) for p in pair_terms(list(stems[:-1]))]
    last = pair_terms(list(stems[-2:]))[0]
    completed = leaves.pair(EN_PAIRS, stems[-2], terms.en_prefix, True)
    return _all([*whole, _any([wq.Term(EN_PAIRS, last), completed])])


class WhooshQueryBuilder:
    """Builds the query for one language ("vi" or "en") and diacritics mode.

    One query per language, never both in one tree: a passage is in one language, and two
    simple trees let Whoosh skip far more than a union of both (SearchIndex merges them).
    Without `expand`, prefixes are read as whole words (SearchIndex's narrower pass, which
    ranks exact whole words above completions).
    """

    def __init__(
        self,
        lang: str,
        exact_diacritics: bool,
        together: bool = False,
        expand: Expand | None = None,
    ) -> None:
        """`together`: read every run of bare words as a phrase (SearchIndex's first pass)."""
        self.lang = lang
        self.exact_diacritics = exact_diacritics
        self.together = together
        self.leaves = _Leaves(expand)

    def build(self, parsed: AllOf) -> wq.Query | None:
        """None when nothing searchable remains (empty, only exclusions, only punctuation)."""
        return self._clause(parsed)

    def _text(self, terms: _Terms) -> wq.Query | None:
        """Typed text; several tokens must stand together."""
        if self.lang == "vi":
            # The "together" pass leaves diacritics preference to SearchIndex (a filter on
            # the hits), keeping its query a single pair lookup where possible.
            return _vietnamese(
                terms, self.leaves, self.exact_diacritics, prefer_exact=not self.together
            )
        return _english(terms, self.leaves)

    def _clause(self, clause: Clause) -> wq.Query | None:
        if isinstance(clause, Phrase):
            return self._text(_Terms.of(clause.text))
        if isinstance(clause, Words):
            return self._words(clause)
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

    def _words(self, clause: Words) -> wq.Query | None:
        words = clause.words
        if self.together and len(words) > 1:
            last_prefix = clause.is_prefix(len(words) - 1)
            if not any(clause.is_prefix(i) for i in range(len(words) - 1)):
                return self._text(_Terms.of(" ".join(words), last_prefix))
        analyzed = [
            (terms, q)
            for at, word in enumerate(words)
            if (q := self._text(terms := _Terms.of(word, clause.is_prefix(at))))
        ]
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
        if not before or not after or (first.prefix and self.leaves.expand is not None):
            return None  # a completion followed by a word has no pair term to look up
        prefix = second.prefix and len(after) == 1
        if prefix and self.lang == "en":
            return _any(
                [
                    wq.Term(fieldname, before[-1] + PAIR_JOINER + after[0], boost=ADJACENT_BOOST),
                    self.leaves.pair(fieldname, before[-1], second.en_prefix, True, ADJACENT_BOOST),
                ]
            )
        pair = self.leaves.pair(fieldname, before[-1], after[0], prefix, ADJACENT_BOOST)
        if self.lang == "vi" or not first.plains or not second.plains:
            return pair
        plain = pair_terms([first.plains[-1], second.plains[0]])[0]
        if plain == before[-1] + PAIR_JOINER + after[0]:
            return pair
        return DefaultOr([pair, wq.Term(EN_PAIRS, plain, boost=ADJACENT_BOOST)])
