"""The terms the translation lookup counts: Vietnamese syllables, English stems, and their
runs of one or two ("răn đe", "cease fire").

Terms are the search index's own (index.analysis): a Vietnamese syllable in its exact form
(NFC, case folded, canonical tone placement), an English word stemmed ("alliances" →
"allianc"). A rendering is a run of one or two terms that neither starts nor ends with a
function word, so "của" and "the" are never a rendering on their own and "the alliance" is
"alliance". Pure functions; safe from any thread.
"""

from __future__ import annotations

from index.analysis import en_term, en_tokens, vi_exact, vi_tokens

MAX_GRAM = 2
# Function words: never a rendering alone, never at the edge of one. Kept short on purpose:
# the association measure, not this list, is what keeps frequent words down.
_FUNCTION_WORDS = {
    "vi": frozenset(
        """của và các những là có được trong cho với một này đó thì mà để từ khi đã sẽ đang
        như về ở bị do theo nhưng cũng rằng không hay hoặc nó họ ta vào ra lại nếu vì nên
        đến sự việc cái người""".split()
    ),
    "en": frozenset(
        en_term(w)
        for w in """the a an of to in and or for on at by with from as is are
        was were be been being that this these those it its their his her they he she we
        our you your not no but if than then so such which who whom what when where while
        will would can could may might should must has have had do does did there here
        also into over about more most very""".split()
    ),
}


def terms_of(text: str, lang: str) -> list[str]:
    """The text's terms in order (the query side and every stored sentence alike)."""
    if lang == "vi":
        return [vi_exact(m.group()) for m in vi_tokens(text)]
    return [en_term(m.group()) for m in en_tokens(text)]


def term_spans(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of every token, to find a rendering's own words in a sentence."""
    if lang == "vi":
        return [(vi_exact(m.group()), m.start(), m.end()) for m in vi_tokens(text)]
    return [(en_term(m.group()), m.start(), m.end()) for m in en_tokens(text)]


def grams(terms: list[str], lang: str) -> set[str]:
    """The distinct candidate renderings in a run of terms: every term and every pair of
    neighbours (joined by one space) that is not a function word and has none at its edge."""
    function_words = _FUNCTION_WORDS[lang]
    found = {t for t in terms if t not in function_words}
    found.update(
        f"{a} {b}"
        for a, b in zip(terms, terms[1:], strict=False)
        if a not in function_words and b not in function_words
    )
    return found


def is_function_word(term: str, lang: str) -> bool:
    return term in _FUNCTION_WORDS[lang]


def phrase_spans(text: str, lang: str, terms: list[str]) -> list[tuple[int, int]]:
    """Every (start, end) in `text` where the run of `terms` stands, as written."""
    spans = term_spans(text, lang)
    found = []
    for k in range(len(spans) - len(terms) + 1):
        if all(spans[k + n][0] == terms[n] for n in range(len(terms))):
            found.append((spans[k][1], spans[k + len(terms) - 1][2]))
    return found


def surface(text: str, lang: str, gram: str) -> str | None:
    """The words of `text` that make up `gram`, as written ("cease-fire" for "ceas fire")."""
    found = phrase_spans(text, lang, gram.split(" "))
    return text[found[0][0] : found[0][1]] if found else None
