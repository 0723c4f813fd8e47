"""The query parser: what people type becomes words, phrases, exclusions and alternatives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.query import MAX_ITEMS, AllOf, AnyOf, Phrase, Words, parse_query, positive_clauses


def test_bare_words_form_one_run_for_adjacency() -> None:
    assert parse_query("an ninh châu Âu") == AllOf((Words(("an", "ninh", "châu", "Âu")),))


def test_quotes_make_a_phrase_and_an_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query('"xung đột" nga') == AllOf((Phrase("xung đột"), Words(("nga",))))
    assert parse_query("nga “xung đột") == AllOf((Words(("nga",)), Phrase("xung đột")))


def test_minus_excludes_and_upper_case_or_alternates() -> None:
    parsed = parse_query("nato OR nga -ukraine")
    assert parsed.items == (AnyOf((Words(("nato",)), Words(("nga",)))),)
    assert parsed.excluded == (Words(("ukraine",)),)
    assert parse_query("war or peace").items == (Words(("war", "or", "peace")),)


def test_parentheses_group_and_stray_ones_are_skipped() -> None:
    parsed = parse_query("(nato OR nga) ukraine")
    assert parsed.items == (AnyOf((Words(("nato",)), Words(("nga",)))), Words(("ukraine",)))
    assert parse_query(") nato (") == AllOf((Words(("nato",)),))


@pytest.mark.parametrize("query", ["", "   ", "-", "OR", "OR OR", "*", "()", '""', "-nga", "(("])
def test_inputs_with_nothing_to_find_parse_to_empty(query: str) -> None:
    assert parse_query(query).is_empty


def test_trailing_star_makes_a_prefix() -> None:
    assert parse_query("chien tr*") == AllOf((Words(("chien", "tr"), frozenset({1})),))
    assert parse_query("Lukash* Belarus") == AllOf((Words(("Lukash", "Belarus"), frozenset({0})),))
    assert parse_query("*").is_empty and parse_query("-Bel*").is_empty


def test_as_you_type_the_last_word_is_a_prefix_until_a_space_follows() -> None:
    assert parse_query("chien tr", as_you_type=True).items == (
        Words(("chien", "tr"), frozenset({1})),
    )
    assert parse_query("chien tr ", as_you_type=True).items == (Words(("chien", "tr")),)
    assert parse_query("chien tr") == AllOf((Words(("chien", "tr")),))  # not while typing
    assert parse_query('"chien tr', as_you_type=True).items == (Phrase("chien tr"),)
    # An exclusion being typed is not a prefix: "-B…" would hide every b-word meanwhile.
    assert parse_query("NATO -Bel", as_you_type=True).excluded == (Words(("Bel",)),)
    assert parse_query("nato OR ng", as_you_type=True).items == (
        AnyOf((Words(("nato",)), Words(("ng",), frozenset({0})))),
    )


def test_long_input_is_bounded() -> None:
    parsed = parse_query("từ " * 5000)
    assert len(parsed.items[0].words) == MAX_ITEMS


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab đ"()-* OR\u00a0Ð\u0301'), max_size=60) | st.text())
def test_any_input_parses(query: str) -> None:
    assert isinstance(parse_query(query), AllOf)
    typing = parse_query(query, as_you_type=True)
    for leaf in positive_clauses(typing):
        if isinstance(leaf, Words):
            assert all(0 <= at < len(leaf.words) for at in leaf.prefixes)
