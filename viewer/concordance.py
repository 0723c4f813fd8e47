"""The parallel concordance: under each search hit, its translation in the other language, as
a snippet of the same width.

The counterpart is the translation of the sentence that holds the hit's first match (the
sentence pairs inside the article's stored alignment, archive.alignment.sentence_aligner);
when that sentence has none, the passage(s) paired with the hit's (counterpart_of).
Its snippet is cut around whatever the query also matches there (names, numbers), otherwise
from the translated sentence's start, or, for a whole paragraph, at the same relative place
as the hit's first match (the part that most likely translates the matched words). No Qt;
safe from any thread (runs in the search worker).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from archive.alignment.sentence_aligner import sentence_counterpart, sentences_text
from archive.errors import NotFound
from archive.export.citation import Counterpart, counterpart_of
from archive.model import Article
from index.highlight import SNIPPET_CHARS, build_snippet
from index.results import SearchHit
from viewer.library_api import LibraryAPI

HitKey = tuple[int, str, int]  # (article id, lang, passage) of a hit
_SENTENCE_START = re.compile(r"(?<=[.!?…:;¶])\s+")
PASSAGE_BREAK = " ¶ "  # between the passages of a 1–2 or 2–1 counterpart, on one line


@dataclass(frozen=True)
class ParallelSnippet:
    lang: str
    passages: tuple[int, ...]
    snippet: str  # HTML: escaped text, <mark> around what the query matches there too


def hit_key(hit: SearchHit) -> HitKey | None:
    return None if hit.passage is None else (hit.article_id, hit.lang, hit.passage)


def parallel_snippets(
    library: LibraryAPI, hits: Iterable[SearchHit], query: str, exact_diacritics: bool = False
) -> dict[HitKey, ParallelSnippet]:
    """The counterpart snippet of every passage hit that has one (title hits have none)."""
    articles: dict[int, Article | None] = {}
    found: dict[HitKey, ParallelSnippet] = {}
    for hit in hits:
        key = hit_key(hit)
        if key is None:
            continue
        if hit.article_id not in articles:
            articles[hit.article_id] = _article(library, hit.article_id)
        article = articles[hit.article_id]
        if article is None:
            continue
        sentence = _sentence_counterpart(article, hit)
        counterpart = sentence or counterpart_of(article, hit.lang, hit.passage)
        if not counterpart:
            continue
        text = counterpart.text.replace("\n\n", PASSAGE_BREAK)
        spans = library.match_spans(
            query, text, counterpart.lang, exact_diacritics=exact_diacritics
        )
        # A translated sentence is shown from its start; a whole paragraph around the place
        # that most likely translates the match.
        place = 0.0 if sentence else _relative_place(hit)
        snippet = build_snippet(text, spans) if spans else same_place_snippet(text, place)
        found[key] = ParallelSnippet(counterpart.lang, counterpart.passages, snippet)
    return found


def same_place_snippet(text: str, fraction: float, width: int = SNIPPET_CHARS) -> str:
    """A snippet of `text` starting at the sentence that holds the point `fraction` of the
    way through it ("…" where cut)."""
    if len(text) <= width:
        return build_snippet(text, [])
    point = int(len(text) * min(max(fraction, 0.0), 1.0))
    starts = [0] + [m.end() for m in _SENTENCE_START.finditer(text)]
    start = max(s for s in starts if s <= point)
    start = min(start, _last_full_window(text, starts, width))
    shown = build_snippet(text[start:], [], width)
    return ("…" if start > 0 else "") + shown


def _last_full_window(text: str, starts: list[int], width: int) -> int:
    """The latest sentence start from which a whole window still fits (near the end, start
    earlier rather than show a stub)."""
    fitting = [s for s in starts if len(text) - s >= width]
    return max(fitting, default=0)


def _relative_place(hit: SearchHit) -> float:
    if not hit.spans or not hit.text:
        return 0.0
    return hit.spans[0][0] / len(hit.text)


def _sentence_counterpart(article: Article, hit: SearchHit) -> Counterpart | None:
    """The translation of the sentence that holds the hit's first match, when it has one."""
    if not hit.spans or hit.passage is None:
        return None
    start, end = hit.spans[0]
    found = sentence_counterpart(article, hit.lang, hit.passage, start, end)
    if found is None:
        return None
    other, sentences = found
    passages = tuple(dict.fromkeys(s.passage for s in sentences))
    return Counterpart(other, passages, sentences_text(article, other, sentences))


def _article(library: LibraryAPI, article_id: int) -> Article | None:
    try:
        return library.article(article_id)
    except NotFound:
        return None  # deleted since the search: no counterpart to show
