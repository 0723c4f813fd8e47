"""Translate a parsed query (index.query) into a Whoosh query over the language fields.

Ranking choices, all expressed as boosts on top of BM25F:
- a word typed with diacritics matches the exact field (boosted) and the folded field, so
  right-diacritics passages score both and rank above folded-only ones;
- bare words typed together also match as adjacent pairs (AndMaybe, boosted phrase), so
  "an ninh châu Âu" ranks "an ninh" and "châu Âu" standing together above scattered syllables.
"""

from __future__ import annotations

from whoosh import query as wq

from index.analysis import EN_TOKEN, VI_TOKEN, en_term, vi_exact, vi_folded
from index.query import AllOf, AnyOf, Clause, Phrase, Words
from index.schema import EN_TEXT, VI_EXACT, VI_FOLDED

EXACT_BOOST = 1.5
ADJACENT_BOOST = 2.0
LANG_SCOPES = {"vi": ("vi",), "en": ("en",), "all": ("vi", "en")}


def _sequence(fieldname: str, terms: list[str], boost: float = 1.0) -> wq.Query:
    if len(terms) == 1:
        return wq.Term(fieldname, terms[0], boost=boost)
    return wq.Phrase(fieldname, terms, boost=boost)


def _vietnamese(text: str, exact_only: bool) -> wq.Query | None:
    raws = VI_TOKEN.findall(text)
    if not raws:
        return None
    exact = [vi_exact(raw) for raw in raws]
    if exact_only:
        return _sequence(VI_EXACT, exact)
    folded = [vi_folded(raw) for raw in raws]
    if exact == folded:  # typed without diacritics: the folded field holds every match
        return _sequence(VI_FOLDED, folded)
    return wq.Or([_sequence(VI_EXACT, exact, EXACT_BOOST), _sequence(VI_FOLDED, folded)])


def _english(text: str) -> wq.Query | None:
    terms = [en_term(raw) for raw in EN_TOKEN.findall(text)]
    return _sequence(EN_TEXT, terms) if terms else None


class WhooshQueryBuilder:
    """Builds one query for a language scope ("vi", "en" or "all") and diacritics mode."""

    def __init__(self, lang: str, exact_diacritics: bool) -> None:
        self.langs = LANG_SCOPES[lang]
        self.exact_diacritics = exact_diacritics

    def build(self, parsed: AllOf) -> wq.Query | None:
        """None when nothing searchable remains (empty, only exclusions, only punctuation)."""
        built = self._clause(parsed)
        return built.normalize() if built is not None else None

    def _text(self, text: str, boost: float = 1.0) -> wq.Query | None:
        """`text` in any language of the scope; several tokens become a phrase."""
        parts = []
        if "vi" in self.langs:
            parts.append(_vietnamese(text, self.exact_diacritics))
        if "en" in self.langs:
            parts.append(_english(text))
        found = [part for part in parts if part is not None]
        if not found:
            return None
        combined = found[0] if len(found) == 1 else wq.Or(found)
        if boost != 1.0:
            combined.boost = boost
        return combined

    def _clause(self, clause: Clause) -> wq.Query | None:
        if isinstance(clause, Phrase):
            return self._text(clause.text)
        if isinstance(clause, Words):
            return self._words(clause.words)
        if isinstance(clause, AnyOf):
            options = [q for q in map(self._clause, clause.options) if q is not None]
            return wq.Or(options) if options else None
        return self._all_of(clause)

    def _all_of(self, clause: AllOf) -> wq.Query | None:
        items = [q for q in map(self._clause, clause.items) if q is not None]
        if not items:
            return None
        positive = items[0] if len(items) == 1 else wq.And(items)
        excluded = [q for q in map(self._clause, clause.excluded) if q is not None]
        return wq.AndNot(positive, wq.Or(excluded)) if excluded else positive

    def _words(self, words: tuple[str, ...]) -> wq.Query | None:
        kept = [(word, q) for word in words if (q := self._text(word)) is not None]
        if not kept:
            return None
        required = kept[0][1] if len(kept) == 1 else wq.And([q for _, q in kept])
        pairs = [
            self._text(f"{first} {second}", ADJACENT_BOOST)
            for (first, _), (second, _) in zip(kept, kept[1:], strict=False)
        ]
        adjacent = [pair for pair in pairs if pair is not None]
        if not adjacent:
            return required
        return wq.AndMaybe(required, wq.Or(adjacent))
