"""Find where a query matches inside a passage, and build the HTML snippet around it.

Our own tokenizer-with-offsets (the analyzers' regexes and term functions), so the marks
sit on the ORIGINAL characters — diacritics, NFD sequences and NBSPs as stored — and the
same rules decide both what matches and what lights up.

Phrase-aware: a quoted phrase is marked where its words stand together; bare words typed
together ("hòa bình") are marked where they occur adjacent, and only a word that never
stands beside its neighbour in this passage is marked wherever it occurs. So "hòa bình"
does not light up "Hoa" in "Hoa Kỳ" in a passage where "hòa bình" stands. A word typed with
diacritics marks its exact matches when the passage has any, and its folded matches only
otherwise. A prefix marks the completions the index searched it with (a Completer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from index.analysis import en_term, en_tokens, vi_exact, vi_folded, vi_tokens
from index.query import AllOf, Phrase, Words, parse_query, positive_clauses

SNIPPET_CHARS = 240  # passages up to this length are shown whole
_LEAD_CHARS = 60  # context kept before the first match in a cut snippet
_SNAP_CHARS = 24  # how far a cut edge may move to land between words
_SPACE = re.compile(r"\s")

Span = tuple[int, int]
Occurrence = tuple[int, int]  # (first token index, token count)


# A typed prefix token (raw) -> the lookup terms it completes to in the index, for one
# language and diacritics mode (SearchIndex builds it from the same completions it searched).
Completer = Callable[[str], frozenset[str]]


class _PassageTokens:
    """A passage's tokens with offsets, indexed by term for quick lookup."""

    def __init__(
        self, text: str, lang: str, exact_diacritics: bool, completer: Completer | None = None
    ) -> None:
        self.vietnamese = lang == "vi"
        self.exact_diacritics = exact_diacritics
        self.completer = completer
        matches = list(vi_tokens(text) if self.vietnamese else en_tokens(text))
        self.bounds = [match.span() for match in matches]
        self.raws = [match.group() for match in matches]
        self._exact: list[str] | None = None
        if not self.vietnamese:
            self.keys = list(map(en_term, self.raws))  # the lookup term of each token
        else:
            self.keys = list(map(vi_exact if exact_diacritics else vi_folded, self.raws))
        self._positions: dict[str, list[int]] = {}  # filled for the keys a query asks about

    @property
    def exact(self) -> list[str]:
        """Each token's exact term (only asked for when a word was typed with diacritics)."""
        if self._exact is None:
            self._exact = list(map(vi_exact, self.raws)) if self.vietnamese else []
        return self._exact

    def positions(self, key: str) -> list[int]:
        """Where tokens with lookup term `key` stand (a scan per key: queries ask few)."""
        found = self._positions.get(key)
        if found is None:
            found = self._positions[key] = [at for at, k in enumerate(self.keys) if k == key]
        return found

    def query_terms(self, text: str) -> list[tuple[str, str]]:
        """(lookup term, exact term) for each token of typed `text`."""
        raws = _raws(text, self.vietnamese)
        if not self.vietnamese:
            return [(en_term(raw), en_term(raw)) for raw in raws]
        key = vi_exact if self.exact_diacritics else vi_folded
        return [(key(raw), vi_exact(raw)) for raw in raws]

    def occurrences(self, text: str, prefix: bool = False) -> list[Occurrence]:
        """Where `text` (one word or a phrase) occurs; exact-diacritics matches preferred.
        `prefix`: its last token stands for the completions the index searched."""
        terms = self.query_terms(text)
        if not terms:
            return []
        last = self._last_keys(text, terms) if prefix else frozenset({terms[-1][0]})
        firsts = last if len(terms) == 1 else frozenset({terms[0][0]})
        if len(firsts) == 1:
            starts = self.positions(next(iter(firsts)))
        else:  # a prefix's completions: one scan
            starts = [at for at, key in enumerate(self.keys) if key in firsts]
        found: list[tuple[int, bool]] = []  # (start, every token exact)
        for start in starts:
            if self._continues(start, terms, last):
                found.append((start, prefix or self._all_exact(start, terms)))
        if self.vietnamese and any(exact != key for key, exact in terms):
            if any(exact for _, exact in found):  # typed with diacritics: prefer exact
                found = [hit for hit in found if hit[1]]
        return [(start, len(terms)) for start, _ in found]

    def _last_keys(self, text: str, terms: list[tuple[str, str]]) -> frozenset[str]:
        if self.completer is None:
            return frozenset({terms[-1][0]})
        return self.completer(_raws(text, self.vietnamese)[-1])

    def _continues(self, start: int, terms: list[tuple[str, str]], last: frozenset[str]) -> bool:
        final = len(terms) - 1
        for offset, (key, _) in enumerate(terms[1:], 1):
            at = start + offset
            if offset == final:
                if at >= len(self.keys) or self.keys[at] not in last:
                    return False
            elif at >= len(self.keys) or self.keys[at] != key:
                return False
        return True

    def _all_exact(self, start: int, terms: list[tuple[str, str]]) -> bool:
        if not self.vietnamese:
            return True
        return all(self.exact[start + i] == exact for i, (_, exact) in enumerate(terms))

    def span(self, first: int, count: int) -> Span:
        return self.bounds[first][0], self.bounds[first + count - 1][1]


def _raws(text: str, vietnamese: bool) -> list[str]:
    return [match.group() for match in (vi_tokens(text) if vietnamese else en_tokens(text))]


def _word_run_spans(tokens: _PassageTokens, words: Words) -> list[Span]:
    """Spans for bare words: adjacent pairs where they exist, else every occurrence."""
    found = [tokens.occurrences(word, words.is_prefix(at)) for at, word in enumerate(words.words)]
    starts = [{start for start, _ in occ} for occ in found]
    spans: list[Span] = []
    paired = [False] * len(found)
    for i in range(len(found) - 1):
        for start, count in found[i]:
            if start + count in starts[i + 1]:
                following = next(c for s, c in found[i + 1] if s == start + count)
                spans.append(tokens.span(start, count + following))
                paired[i] = paired[i + 1] = True
    for i, occ in enumerate(found):
        if not paired[i]:
            spans.extend(tokens.span(start, count) for start, count in occ)
    return spans


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def spans_for_parsed(
    parsed: AllOf,
    text: str,
    lang: str,
    exact_diacritics: bool = False,
    completer: Completer | None = None,
) -> list[Span]:
    """Character spans of the matches of an already parsed query in `text` (sorted, disjoint).

    `completer` gives the completions a prefix was searched with (without one, a prefix marks
    only itself as a whole word).
    """
    if parsed.is_empty or not text:
        return []
    tokens = _PassageTokens(text, lang, exact_diacritics, completer)
    spans: list[Span] = []
    for clause in positive_clauses(parsed):
        if isinstance(clause, Phrase):
            spans.extend(tokens.span(s, c) for s, c in tokens.occurrences(clause.text))
        elif isinstance(clause, Words):
            spans.extend(_word_run_spans(tokens, clause))
    return _merge(spans)


def match_spans(
    query: str, text: str, lang: str, exact_diacritics: bool = False
) -> list[tuple[int, int]]:
    """Character spans of every match of `query` in `text` (a passage in `lang`)."""
    return spans_for_parsed(parse_query(query), text, lang, exact_diacritics)


def _window(text: str, spans: list[Span], width: int) -> tuple[int, int]:
    """The cut [start, end) of `text` holding the most matches, edges between words."""
    # Weigh by marked characters, so a whole phrase beats a few stray syllables.
    best_first, best_weight = 0, 0
    for i, (start, _) in enumerate(spans):
        weight = sum(e - s for s, e in spans[i:] if e <= start + width - _LEAD_CHARS)
        if weight > best_weight:
            best_first, best_weight = i, weight
    anchor = spans[best_first][0] if spans else 0
    start = max(0, anchor - _LEAD_CHARS)
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    if start > 0:
        space = _SPACE.search(text, start, min(anchor, start + _SNAP_CHARS))
        start = space.end() if space else start
    if end < len(text):
        last_mark = max((e for s, e in spans if e <= end), default=start)
        cut = max(last_mark, end - _SNAP_CHARS)
        spaces = [m.start() for m in _SPACE.finditer(text, cut, end)]
        end = spaces[-1] if spaces else end
    return start, end


def build_snippet(text: str, spans: list[Span], width: int = SNIPPET_CHARS) -> str:
    """HTML: the passage (or a window of it around the best matches, "…" where cut), every
    span wrapped in <mark>, all other text escaped."""
    start, end = (0, len(text)) if len(text) <= width else _window(text, spans, width)
    parts = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, cursor), min(span_end, end)
        parts.append(escape(text[cursor:span_start], quote=False))
        parts.append(f"<mark>{escape(text[span_start:span_end], quote=False)}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end], quote=False))
    if end < len(text):
        parts.append("…")
    return "".join(parts)


def has_typed_diacritics(parsed: AllOf, text: str) -> bool:
    """True when every word typed with diacritics occurs in `text` with exactly those marks."""
    typed = {
        vi_exact(raw)
        for leaf in positive_clauses(parsed)
        for part in (leaf.words if isinstance(leaf, Words) else (leaf.text,))
        for raw in _raws(part, True)
        if vi_exact(raw) != vi_folded(raw)
    }
    return typed <= {vi_exact(raw) for raw in _raws(text, True)}
