"""The query language people type, parsed into a small tree (no Whoosh here).

    chien tranh            all words must match; adjacent syllables rank higher
    "an ninh châu Âu"      a phrase (curly quotes work too; an unclosed quote runs to the end)
    nato -nga              exclude passages that match "nga"
    nato OR nga            either (upper-case OR only; lower-case "or" is a word)
    (nato OR nga) ukraine  parentheses group
    Lukash* / chien tr*    a bare word ending in "*" is a prefix (its completions match)

While typing (`as_you_type`), the last bare word is read as a prefix until a space follows
it. A prefix is only marked here; index.whoosh_query expands it into a bounded number of
index terms (the prefix trap: an unbounded expansion costs seconds).

The parser never fails: stray operators, unbalanced quotes or parentheses are skipped.
Input beyond MAX_QUERY_CHARS characters or MAX_ITEMS words and phrases is ignored, which
bounds the cost of any query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

MAX_QUERY_CHARS = 1000
MAX_ITEMS = 32  # words and phrases
MAX_DEPTH = 8  # nested parentheses; deeper ones are read as plain grouping-free text

_QUOTES = '"“”„«»'
_LEXEME = re.compile(
    rf"(?P<phrase>[{_QUOTES}][^{_QUOTES}]*[{_QUOTES}]?)|(?P<open>\()|(?P<close>\))"
    rf"|(?P<word>[^\s{_QUOTES}()]+)"
)


@dataclass(frozen=True)
class Words:
    """Bare words typed one after another: all must match; adjacent ones rank higher.

    `prefixes` holds the positions (into `words`) of the words that are prefixes.
    """

    words: tuple[str, ...]
    prefixes: frozenset[int] = frozenset()

    def is_prefix(self, at: int) -> bool:
        return at in self.prefixes


@dataclass(frozen=True)
class Phrase:
    """A quoted phrase: its words must stand together, in order."""

    text: str


@dataclass(frozen=True)
class AnyOf:
    """Alternatives joined by OR."""

    options: tuple[Clause, ...]


@dataclass(frozen=True)
class AllOf:
    """Clauses that must all match, minus the excluded ones (the top level and each group)."""

    items: tuple[Clause, ...] = ()
    excluded: tuple[Clause, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not self.items


Clause = Words | Phrase | AnyOf | AllOf


@dataclass(frozen=True)
class _Lexeme:
    kind: str  # "word", "phrase", "open", "close", "or", "not"
    text: str = ""
    prefix: bool = False  # a word typed with a trailing "*" (or still being typed)


def _lex(query: str, as_you_type: bool = False) -> list[_Lexeme]:
    lexemes: list[_Lexeme] = []
    items = 0
    query = query[:MAX_QUERY_CHARS]
    for match in _LEXEME.finditer(query):
        kind = match.lastgroup or "word"
        text = match.group()
        if kind == "phrase":
            text = text.strip(_QUOTES)
            if not text.strip():
                continue
        elif kind == "word":
            if text == "OR":
                lexemes.append(_Lexeme("or"))
                continue
            negated = text.startswith("-")
            if negated:
                lexemes.append(_Lexeme("not"))
                text = text.lstrip("-")
            stripped = text.rstrip("*")
            # Still being typed: the last word, with nothing (not even a space) after it. Not
            # an exclusion: "-B…" on the way to "-Belarus" would hide every b-word meanwhile.
            typing = as_you_type and match.end() == len(query) and not negated
            prefix = stripped != text or typing
            text = stripped
            if not text:
                continue
            items += 1
            if items > MAX_ITEMS:
                break
            lexemes.append(_Lexeme(kind, text, prefix))
            continue
        if kind == "phrase":
            items += 1
            if items > MAX_ITEMS:
                break
        lexemes.append(_Lexeme(kind, text))
    return lexemes


class _Parser:
    """Recursive descent over lexemes; every rule consumes input or stops, so it terminates."""

    def __init__(self, lexemes: list[_Lexeme]) -> None:
        self.lexemes = lexemes
        self.at = 0

    def _peek(self) -> str | None:
        return self.lexemes[self.at].kind if self.at < len(self.lexemes) else None

    def all_of(self, depth: int) -> AllOf:
        items: list[Clause] = []
        excluded: list[Clause] = []
        while (kind := self._peek()) is not None:
            if kind == "close":
                self.at += 1
                if depth > 0:
                    break
                continue  # a stray ")" at the top level
            clause, negated = self.any_of(depth)
            if clause is not None:
                (excluded if negated else items).append(clause)
        return AllOf(_merge_words(items), tuple(excluded))

    def any_of(self, depth: int) -> tuple[Clause | None, bool]:
        first, negated = self.unary(depth)
        options = [first] if first is not None and not negated else []
        while self._peek() == "or":
            self.at += 1
            option, option_negated = self.unary(depth)
            if option is not None and not option_negated:  # "a OR -b" has no useful meaning
                options.append(option)
        if len(options) > 1:
            return AnyOf(tuple(options)), False
        if options:
            return options[0], False
        return first, negated

    def unary(self, depth: int) -> tuple[Clause | None, bool]:
        negated = False
        while self._peek() == "not":
            negated = True
            self.at += 1
        kind = self._peek()
        if kind is None or kind == "close":
            return None, negated
        lexeme = self.lexemes[self.at]
        self.at += 1
        if kind == "word":
            return Words((lexeme.text,), frozenset({0}) if lexeme.prefix else frozenset()), negated
        if kind == "phrase":
            return Phrase(lexeme.text), negated
        if kind == "open" and depth < MAX_DEPTH:
            group = self.all_of(depth + 1)
            return _simplify(group), negated
        return None, negated  # "OR" where a word belongs, or nesting too deep


def _merge_words(items: list[Clause]) -> tuple[Clause, ...]:
    """Join runs of bare words so their adjacency can be ranked ("an ninh" as typed)."""
    merged: list[Clause] = []
    for item in items:
        if isinstance(item, Words) and merged and isinstance(merged[-1], Words):
            before = merged[-1]
            shifted = {at + len(before.words) for at in item.prefixes}
            merged[-1] = Words(before.words + item.words, before.prefixes | shifted)
        else:
            merged.append(item)
    return tuple(merged)


def _simplify(group: AllOf) -> Clause | None:
    if group.is_empty:
        return None
    if len(group.items) == 1 and not group.excluded:
        return group.items[0]
    return group


@lru_cache(maxsize=256)
def parse_query(query: str, as_you_type: bool = False) -> AllOf:
    """Parse what a person typed; never raises. An empty AllOf means "nothing to search".

    `as_you_type`: the last bare word, unless a space follows it, is a prefix.
    """
    return _Parser(_lex(query, as_you_type)).all_of(0)


def positive_clauses(clause: Clause) -> list[Words | Phrase]:
    """The word runs and phrases a match can consist of (excluded clauses left out)."""
    if isinstance(clause, Words | Phrase):
        return [clause]
    children = clause.options if isinstance(clause, AnyOf) else clause.items
    return [leaf for child in children for leaf in positive_clauses(child)]


def has_word_run(clause: Clause) -> bool:
    """True when some bare words were typed together (their adjacency matters for ranking)."""
    return any(isinstance(leaf, Words) and len(leaf.words) > 1 for leaf in positive_clauses(clause))


def has_diacritics(clause: Clause) -> bool:
    """True when a word or phrase was typed with non-ASCII letters (likely diacritics)."""
    return any(not text.isascii() for text in typed_words(clause))


def has_prefix(clause: Clause) -> bool:
    """True when some positive word is a prefix (its completions are searched)."""
    return any(isinstance(leaf, Words) and leaf.prefixes for leaf in positive_clauses(clause))


def typed_words(clause: Clause) -> list[str]:
    """Every word and phrase text a match can consist of, in the order typed."""
    leaves = positive_clauses(clause)
    return [w for leaf in leaves for w in (leaf.words if isinstance(leaf, Words) else [leaf.text])]
