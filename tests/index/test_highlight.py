"""Highlighting marks the original text where the query matched, phrase-aware, HTML-safe."""

from __future__ import annotations

import unicodedata

from index.highlight import SNIPPET_CHARS, build_snippet, match_spans

HOA = "Hoa Kỳ muốn hòa bình, nhưng Hoa Kỳ vẫn tăng viện trợ."


def marked(query: str, text: str, lang: str = "vi", exact: bool = False) -> list[str]:
    return [text[s:e] for s, e in match_spans(query, text, lang, exact)]


def test_adjacent_syllables_are_marked_together_not_every_stray_one() -> None:
    assert marked("hòa bình", HOA) == ["hòa bình"]
    assert marked("hoa binh", HOA) == ["hòa bình"]  # folded query, same rule


def test_phrase_marks_only_where_words_stand_together() -> None:
    assert marked('"hoa ky"', HOA) == ["Hoa Kỳ", "Hoa Kỳ"]


def test_words_never_adjacent_are_each_marked() -> None:
    assert marked("viện nhưng", HOA) == ["nhưng", "viện"]


def test_typed_diacritics_prefer_exact_matches() -> None:
    assert marked("hòa", HOA) == ["hòa"]
    assert marked("hoa", HOA) == ["Hoa", "hòa", "Hoa"]


def test_folded_match_is_marked_when_there_is_no_exact_one() -> None:
    assert marked("hòa", "Hoa Kỳ") == ["Hoa"]
    assert marked("hòa", "Hoa Kỳ", exact=True) == []


def test_marks_keep_original_characters_nbsp_and_nfd() -> None:
    text = unicodedata.normalize("NFD", "Cuộc chiến\u00a0tranh Đồng Minh")
    found = marked("chien tranh", text)
    assert found == [unicodedata.normalize("NFD", "chiến\u00a0tranh")]
    assert marked("dong minh", "các Ðồng Minh") == ["Ðồng Minh"]


def test_english_marks_stems_and_apostrophes() -> None:
    text = "Europe’s next war: the wars of Europe"
    assert marked("Europe's wars", text, "en") == ["Europe’s", "war", "wars", "Europe"]


def test_excluded_words_are_not_marked() -> None:
    assert marked("hòa -Hoa", HOA) == ["hòa"]


def test_snippet_escapes_html_and_marks_the_match() -> None:
    text = 'Nga <script>alert("x")</script> & chiến tranh'
    snippet = build_snippet(text, match_spans("chien tranh", text, "vi"))
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet and "&amp;" in snippet
    assert snippet.endswith("<mark>chiến tranh</mark>")


def test_short_passage_is_shown_whole() -> None:
    assert build_snippet(HOA, []) == HOA


def test_long_passage_is_cut_around_the_best_match_with_ellipses() -> None:
    filler = "một hai ba bốn năm sáu bảy tám chín mười " * 20
    text = filler + "an ninh châu Âu" + " " + filler
    snippet = build_snippet(text, match_spans("an ninh châu Âu", text, "vi"))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>an ninh châu Âu</mark>" in snippet
    assert len(snippet) < SNIPPET_CHARS + 40


def test_snippet_prefers_the_window_with_the_whole_phrase() -> None:
    filler = "lorem ipsum dolor sit amet " * 12
    text = "châu Âu " + filler + "an ninh châu Âu " + filler
    snippet = build_snippet(text, match_spans("an ninh châu Âu", text, "vi"))
    assert "<mark>an ninh châu Âu</mark>" in snippet


def test_typed_diacritics_check() -> None:
    from index.highlight import has_typed_diacritics
    from index.query import parse_query

    assert has_typed_diacritics(parse_query("chiến tranh"), "Cuộc CHIẾN TRANH")
    assert not has_typed_diacritics(parse_query("chiến tranh"), "chiên tranh")
    assert has_typed_diacritics(parse_query("chien tranh"), "chiên tranh")  # nothing typed


def test_words_together_in_a_passage_mark_no_stray_syllable_there() -> None:
    text = "Hoa Kỳ muốn một nền hòa bình lâu dài."
    assert marked("hoa binh", text) == ["hòa bình"], "no “Hoa” of “Hoa Kỳ” beside it"
    # Where they never stand together, the words that made the passage a hit are marked.
    assert marked("hoa binh", "Bình minh ở Hoa Kỳ.") == ["Bình", "Hoa"]


def test_a_prefix_marks_the_completions_it_was_searched_with() -> None:
    from index.highlight import spans_for_parsed
    from index.query import parse_query

    text = "Lukashenko gặp Lukas ở Minsk; Lukashenko đã nói."
    completer = lambda raw: frozenset({"lukashenko"})  # noqa: E731 (what the index gave)
    spans = spans_for_parsed(parse_query("Lukash*"), text, "vi", completer=completer)
    assert [text[s:e] for s, e in spans] == ["Lukashenko", "Lukashenko"]
    pair = spans_for_parsed(
        parse_query("gap Luk", as_you_type=True),
        text,
        "vi",
        completer=lambda raw: frozenset({"lukas", "lukashenko"}),
    )
    assert [text[s:e] for s, e in pair] == ["gặp Lukas"]
