"""The analyzers: every way a person types a word must reach the same term."""

from __future__ import annotations

import unicodedata

import pytest

from index.analysis import (
    EnglishAnalyzer,
    VietnameseExactAnalyzer,
    VietnameseFoldedAnalyzer,
    en_term,
    vi_exact,
    vi_folded,
)

NFD = unicodedata.normalize("NFD", "Chiến tranh Đồng Minh")


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("hoà", "hòa"),  # new vs old tone placement
        ("thuỷ", "thủy"),
        ("hoá", "hóa"),
        ("uý", "úy"),
        ("oà", "òa"),
        ("oè", "òe"),
        ("khoẻ", "khỏe"),
        ("Thuỷ", "THỦY"),  # upper case
        ("Ðồng", "Đồng"),  # Icelandic eth typed for Đ
        (unicodedata.normalize("NFD", "chiến"), "chiến"),  # decomposed input
        ("qủa", "quả"),  # tone placed on the "u" of "qu"
    ],
)
def test_vietnamese_spelling_variants_share_the_exact_term(typed: str, text: str) -> None:
    assert vi_exact(typed) == vi_exact(text)


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("chien", "chiến"),  # no diacritics
        ("dong", "Đồng"),  # đ typed as d, upper case
        ("dong", "Ðồng"),
        ("nguoi", "NGƯỜI"),
        ("thuy", "thủy"),
        ("hoa", "hoà"),
    ],
)
def test_folded_term_drops_every_diacritic(typed: str, text: str) -> None:
    assert vi_folded(text) == typed


@pytest.mark.parametrize(("a", "b"), [("dương", "đường"), ("đường", "đương"), ("hòa", "hoa")])
def test_minimal_pairs_stay_apart_in_exact_form(a: str, b: str) -> None:
    assert vi_exact(a) != vi_exact(b)
    assert vi_folded(a) == vi_folded(b)


def test_exact_form_is_composed_and_lower_case() -> None:
    assert vi_exact("THỦY") == unicodedata.normalize("NFC", "thuỷ")
    assert vi_exact("Ðồng") == "đồng"


def _terms(analyzer: object, text: str) -> list[str]:
    return [token.text for token in analyzer(text)]  # type: ignore[operator]


def test_vietnamese_tokens_split_on_nbsp_and_punctuation_and_keep_numbers() -> None:
    text = "Chiến\u00a0tranh, năm 2024 (80%)—NATO-Nga_x"
    assert _terms(VietnameseFoldedAnalyzer(), text) == [
        "chien",
        "tranh",
        "nam",
        "2024",
        "80",
        "nato",
        "nga",
        "x",
    ]


def test_nfd_text_tokenizes_like_composed_text() -> None:
    composed = unicodedata.normalize("NFC", NFD)
    for analyzer in (VietnameseExactAnalyzer(), VietnameseFoldedAnalyzer()):
        assert _terms(analyzer, NFD) == _terms(analyzer, composed)
    assert _terms(VietnameseFoldedAnalyzer(), NFD) == ["chien", "tranh", "dong", "minh"]


def test_analyzer_reports_original_offsets_for_nfd_text() -> None:
    tokens = [(t.startchar, t.endchar) for t in VietnameseExactAnalyzer()(NFD, chars=True)]
    first_end = tokens[0][1]
    assert unicodedata.normalize("NFC", NFD[:first_end]) == "Chiến"


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("Europe's", "Europe’s"),  # straight vs curly apostrophe
        ("europe", "Europe’s"),  # possessive dropped
        ("war", "wars"),  # stemming
        ("weapon", "Weapons"),
        ("deterrence", "DETERRENCE"),
        ("cafe", "café"),
    ],
)
def test_english_variants_share_a_term(typed: str, text: str) -> None:
    assert en_term(typed) == en_term(text)


def test_english_keeps_apostrophe_words_whole() -> None:
    assert _terms(EnglishAnalyzer(), "NATO’s terms, don't 2024") == ["nato", "term", "dont", "2024"]


def test_analyzers_compare_equal_by_class_so_a_reopened_schema_matches() -> None:
    assert VietnameseExactAnalyzer() == VietnameseExactAnalyzer()
    assert VietnameseExactAnalyzer() != VietnameseFoldedAnalyzer()
