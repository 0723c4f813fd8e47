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

    `total` counts every passage (title documents included) that the query matches, under
    exactly the rules that chose the hits, however many `hits` the limit let through.
    `total_exact` False would mean `total` is an estimate within 10% ("about N"); the
    index counts exactly today. `suggestions`: corrected queries that find more, when this
    one finds little ("did you mean"), the likeliest first. `articles`: how many articles
    the matching passages belong to.
    """

    query: str
    total: int
    hits: list[SearchHit]
    total_exact: bool = True
    suggestions: list[str] = field(default_factory=list)
    articles: int = 0
