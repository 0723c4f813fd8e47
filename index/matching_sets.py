"""Which documents a query matches, as sets of document numbers, without scoring.

Counting by stepping Whoosh's matchers costs about a microsecond per matching document per
level of the query tree (94 ms for "chien tranh" at 1,000 articles, seconds for a prefix
union). Here each term's posting list is read block by block into a set, and the query tree
is evaluated with set algebra, which is what the matchers compute: And = intersection,
Or = union, AndNot = difference, AndMaybe = its required part. Deleted documents are
filtered out as Whoosh's own postings do. A posting reader this module does not know is
read through its public all_ids(), so nothing depends on the codec for correctness.

Thread rule: call with the searcher's lock held (SearchIndex does).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher, ListMatcher
from whoosh.query.compound import CompoundQuery
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

DocSet = frozenset[int]
MAX_HELD = 1_000_000  # document numbers remembered across searches (~40 MB), oldest dropped


def _leaf_ids(matcher: Any) -> Iterable[int]:
    """Every document number of one segment's posting list (deleted ones included)."""
    if isinstance(matcher, W3LeafMatcher):
        ids: list[int] = []
        while matcher.is_active():
            matcher._read_ids()  # noqa: SLF001 (block by block: the fast path)
            ids.extend(matcher._ids)  # noqa: SLF001
            matcher._next_block()  # noqa: SLF001
        return ids
    if isinstance(matcher, ListMatcher):
        return list(matcher._ids)  # noqa: SLF001 (an inlined posting list)
    return list(matcher.all_ids())


class MatchingSets:
    """Evaluates queries built by index.whoosh_query against one searcher; remembers the
    documents of recent terms, so the keystrokes of one typed query share them."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self._terms: OrderedDict[tuple[str, str], DocSet] = OrderedDict()
        self._held = 0  # document numbers held in _terms
        self._article_of: list[int] | None = None

    def docs(self, query: wq.Query) -> DocSet:
        """The live documents `query` matches."""
        if isinstance(query, wq.Term):
            return self._term(query.fieldname, query.text)
        if isinstance(query, wq.AndNot):
            return self.docs(query.a) - self.docs(query.b)
        if isinstance(query, wq.AndMaybe):
            return self.docs(query.a)
        if isinstance(query, wq.And):
            parts = sorted(map(self.docs, query.subqueries), key=len)
            return frozenset.intersection(*parts) if parts else frozenset()
        if isinstance(query, wq.Or | wq.DisjunctionMax):
            return frozenset().union(*map(self.docs, query.subqueries))
        if isinstance(query, CompoundQuery | wq.Query):  # anything else: Whoosh's own way
            return frozenset(query.docs(self.searcher))
        raise TypeError(f"not a query: {query!r}")

    def _term(self, fieldname: str, text: str) -> DocSet:
        key = (fieldname, text)
        found = self._terms.get(key)
        if found is not None:
            self._terms.move_to_end(key)
            return found
        found = self._terms[key] = self._read(fieldname, text)
        self._held += len(found)
        while self._held > MAX_HELD and len(self._terms) > 1:
            _, dropped = self._terms.popitem(last=False)
            self._held -= len(dropped)
        return found

    def _read(self, fieldname: str, text: str) -> DocSet:
        found: set[int] = set()
        for leaf, offset in self.searcher.reader().leaf_readers():
            try:
                matcher = leaf.postings(fieldname, text)
            except (TermNotFound, KeyError):
                continue
            deleted: frozenset[int] | set[int] = frozenset()
            if isinstance(matcher, FilterMatcher):  # Whoosh's wrapper that hides deletions
                matcher, deleted = matcher.child, leaf.deleted_docs_set
            ids = _leaf_ids(matcher)
            if deleted:
                ids = [i for i in ids if i not in deleted]
            found.update(map(offset.__add__, ids) if offset else ids)
        return frozenset(found)

    def articles(self, docs: DocSet) -> int:
        """How many articles the documents `docs` belong to."""
        if self._article_of is None:
            self._article_of = self._read_articles()
        return len(set(map(self._article_of.__getitem__, docs)) - {-1})

    def _read_articles(self) -> list[int]:
        """Document number -> article number (-1: none), from the article_id field's posting
        lists: one pass over the index's documents, once per searcher."""
        reader = self.searcher.reader()
        article_of = [-1] * reader.doc_count_all()
        for number, raw in enumerate(reader.lexicon("article_id")):
            article = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            for doc in self._read("article_id", article):
                article_of[doc] = number
        return article_of
