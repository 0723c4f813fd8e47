"""Whatever a person types — any Unicode, any punctuation, any length — a search gives results
or one SongNguError line, never another exception or a hang; snippets stay escaped."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import SongNguError
from tests.reliability.time_limit import time_limit
from viewer.library import Library

LIMIT_S = 5.0
FUZZ = settings(
    max_examples=250, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
SYNTAX = st.sampled_from(
    [
        '"',
        "-",
        "*",
        "?",
        "(",
        ")",
        ":",
        "~",
        "^",
        "[",
        "]",
        "{",
        "}",
        "\\",
        "/",
        "AND",
        "OR",
        "NOT",
        " ",
        "  ",
        "đ",
        "Đ",
        "ư\u0301",
        "o\u0302\u0303",
        "\u00a0",
        "\u200b",
        "\ufeff",
        "\x00",
        "\n",
        "🙂",
        "NATO",
        "Nga",
        "chiến",
        "tranh",
        "war",
    ]
)
QUERIES = st.text(max_size=80) | st.lists(SYNTAX, max_size=30).map("".join)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    library = Library.open(tmp_path_factory.mktemp("query") / "data")
    library.ensure_index()
    yield library
    library.close()


def _search(library: Library, query: str, lang: str, exact: bool, typing: bool = False) -> None:
    try:
        with time_limit(LIMIT_S):
            results = library.search(
                query, lang=lang, limit=5, exact_diacritics=exact, as_you_type=typing
            )
    except SongNguError as error:
        assert "\n" not in str(error) and str(error)
        return
    for hit in results.hits:
        bare = hit.snippet.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in bare, hit.snippet
        assert all(0 <= a < b <= len(hit.text) for a, b in hit.spans)


@given(
    query=QUERIES,
    lang=st.sampled_from(["vi", "en", "all"]),
    exact=st.booleans(),
    typing=st.booleans(),
)
@FUZZ
def test_any_query_gives_results_or_one_line(
    library: Library, query: str, lang: str, exact: bool, typing: bool
) -> None:
    _search(library, query, lang, exact, typing)


@given(query=QUERIES, text=st.text(max_size=200), lang=st.sampled_from(["vi", "en"]))
@FUZZ
def test_highlighting_any_query_in_any_text(
    library: Library, query: str, text: str, lang: str
) -> None:
    with time_limit(LIMIT_S):
        spans = library.match_spans(query, text, lang)
    assert all(0 <= a < b <= len(text) for a, b in spans)


HOSTILE_QUERIES = {
    "long": "chiến tranh " * 10_000,
    "quotes": '"' * 10_001,
    "parentheses": "(" * 5_000 + "NATO" + ")" * 5_000,
    "wildcards": " ".join(["a*"] * 500),
    "negations": " ".join(["-NATO"] * 1_000),
    "ors": " OR ".join(["Nga"] * 2_000),
    "combining": "o" + "\u0301" * 10_000,
    "control": "".join(chr(c) for c in range(32)) * 100,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_QUERIES))
def test_hostile_query(library: Library, name: str) -> None:
    for lang in ("vi", "en", "all"):
        _search(library, HOSTILE_QUERIES[name], lang, exact=False)
