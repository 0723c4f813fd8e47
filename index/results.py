"""What a search returns: plain data, safe to hand to any thread or front end."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchHit:
    """One matching passage, or an article's title/subtitle/authors (kind "title", passage None).

    `snippet` is HTML: matches wrapped in <mark>…</mark>, everything else escaped, original
    characters kept. `spans` are (start, end) character offsets of the matches in `text`.
    """

    article_id: int
    lang: str
    passage: int | None
    kind: str
    text: str
    snippet: str
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResults:
    """The best `hits` for `query`, best first.

    `total` counts matching passages (title documents included). It is exact when
    `total_exact` is True; otherwise Whoosh skipped blocks that could not reach the top hits
    and `total` is an upper-bound estimate (show it as "about N"), because counting every
    match would cost 1.5-2x the search itself.
    """

    query: str
    total: int
    hits: list[SearchHit]
    total_exact: bool = True
