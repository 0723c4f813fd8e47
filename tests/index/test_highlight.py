"""Highlighting marks the original text where the query matched, phrase-aware, HTML-safe."""

from __future__ import annotations

import unicodedata

from index.highlight import SNIPPET_CHARS, build_snippet, document_spans, match_spans

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


def test_document_spans_keep_words_together_across_the_article() -> None:
    texts = ["Hoa Kỳ và châu Âu.", "Một nền hòa bình lâu dài.", "Bình minh ở Hoa Kỳ."]
    spans = document_spans("hoa binh", texts, "vi")
    assert [[t[s:e] for s, e in found] for t, found in zip(texts, spans, strict=True)] == [
        [], ["hòa bình"], []]
    # Without an adjacent occurrence anywhere, each word is marked where it stands.
    scattered = document_spans("hoa binh", [texts[0], texts[2]], "vi")
    assert [len(found) for found in scattered] == [1, 2]
