"""Real Jekyll and Hugo posts through the index: phrases across emphasis, code searchable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archive.importers import read_articles
from archive.model import Article
from index.search_index import SearchIndex

REAL = Path(__file__).parents[1] / "fixtures" / "real"


def imported(relative: str, article_id: int) -> Article:
    [article] = read_articles(REAL / relative)
    return article.with_id(article_id)


def test_a_phrase_written_across_emphasis_is_found(
    build_index: Callable[[list[Article]], SearchIndex],
) -> None:
    index = build_index([imported("jekyll/2017-07-10-lifesofar.md", 1)])
    [hit] = index.search('"loyal reader của blog"').hits
    assert (hit.article_id, hit.lang, hit.passage) == (1, "vi", 0)
    start, end = hit.spans[0]
    assert hit.text[start:end] == "loyal reader của blog"


def test_code_passages_are_searchable(
    build_index: Callable[[list[Article]], SearchIndex],
) -> None:
    index = build_index(
        [
            imported("hugo/woocommerce-10-snippet.md", 1),
            imported("jekyll/2016-02-24-welcome-to-jekyll.md", 2),
        ]
    )
    [hit] = index.search("bbloomer_display_pressure_badge").hits
    assert (hit.article_id, hit.kind) == (1, "code")
    assert "<mark>" in hit.snippet
    [ruby] = index.search('"prints Hi Tom to STDOUT"', lang="en").hits
    assert (ruby.article_id, ruby.kind) == (2, "code")
