"""Prefix completions and spelling candidates, read from the index's own term lists.

A prefix is expanded into its most frequent completions only (MAX_COMPLETIONS), and the
scan behind that choice stops after MAX_SCANNED terms: PERFORMANCE.md measured an unbounded
prefix costing seconds, while a union of a few dozen terms keeps a keystroke fast.

Thread rule: a Completions object belongs to one searcher; SearchIndex calls it with its
read lock held and drops it with the searcher.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict

from whoosh.reading import IndexReader

MAX_COMPLETIONS = 12  # terms one prefix expands into (per field): each costs a posting read
PER_PREFIX_CHAR = 4  # and at most this many per typed character ("n": 4, "ng": 8)
MIN_PREFIX_CHARS = 1  # even "L" completes: the first keystroke already shows something
MAX_SCANNED = 20_000  # terms read from each segment's term list to pick them
CACHE_SIZE = 512  # (field, prefix) expansions remembered per searcher


class Completions:
    """The most frequent completions of a prefix, per field, remembered while typing."""

    def __init__(self, reader: IndexReader) -> None:
        self.reader = reader
        self._cache: OrderedDict[tuple[str, str], tuple[str, ...]] = OrderedDict()

    def expand(self, fieldname: str, prefix: str) -> tuple[str, ...]:
        """Up to MAX_COMPLETIONS terms starting with `prefix` (itself included when it is a
        term), the most frequent first; () when none."""
        key = (fieldname, prefix)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._scan(fieldname, prefix)
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return found

    def _scan(self, fieldname: str, prefix: str) -> tuple[str, ...]:
        if len(prefix) < MIN_PREFIX_CHARS or fieldname not in self.reader.schema:
            return ()
        # Segment by segment: a MultiReader merges term lists term by term, ~5x slower.
        counts: dict[str, int] = {}
        for leaf, _offset in self.reader.leaf_readers():
            for scanned, (raw, info) in enumerate(leaf.iter_prefix(fieldname, prefix)):
                if scanned >= MAX_SCANNED:
                    break
                term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                counts[term] = counts.get(term, 0) + info.doc_frequency()
        # A short prefix's completions are the commonest words, each with a long posting
        # list: fewer of them fill a page of hits, and each costs a posting read to count.
        most = min(MAX_COMPLETIONS, PER_PREFIX_CHAR * len(prefix))
        best = heapq.nlargest(most, counts.items(), key=lambda item: item[1])
        # The prefix itself, when it is a word, is always one of them: the whole word's
        # hits rank first (SearchIndex's narrower pass) and must be counted by the full one.
        whole = (prefix,) if prefix in counts else ()
        return tuple(dict.fromkeys(whole + tuple(term for term, _ in best)))
