"""The text field type of the schema: it also accepts terms already counted.

Whoosh's own indexing path runs the analyzer once per field and builds a Token per word; our
documents fill five fields from one text, so index.documents tokenizes each passage once and
hands every field its {term: count}. That is the same (term, frequency, weight, value) rows
TEXT.index() would produce from the string, at a fraction of the cost.

Whoosh pickles the schema into the index, so this class must keep its import path and name.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh.fields import TEXT
from whoosh.system import pack_uint

TermCounts = dict[str, int]


class CountedText(TEXT):
    """TEXT (frequency format, no positions) whose value may be a {term: count} dict."""

    def index(
        self, value: str | TermCounts, **kwargs: object
    ) -> Iterable[tuple[bytes, int, float, bytes]]:
        if isinstance(value, dict):
            return [
                (term.encode("utf-8"), count, float(count), pack_uint(count))
                for term, count in value.items()
            ]
        indexed: Iterable[tuple[bytes, int, float, bytes]] = super().index(value, **kwargs)
        return indexed
