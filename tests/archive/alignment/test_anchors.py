"""Anchors: what survives translation, and how much each one counts."""

from __future__ import annotations

from archive.alignment.anchors import build_anchor_table


def test_numbers_match_across_thousands_separators_and_decimal_commas():
    table = build_anchor_table(
        ["từ 30.000 lên 80.000, tăng 2,5 lần"], ["from 30,000 to 80,000, 2.5 times"]
    )
    assert {"n:30000", "n:80000", "n:2.5"} <= table.vi[0]
    assert table.vi[0] == table.en[0]


def test_months_match_and_the_month_digit_is_not_a_number():
    table = build_anchor_table(
        ["Tháng 2 năm 2024, và tháng 11"], ["In February 2024, and November 2"]
    )
    assert table.vi[0] == {"m:2", "m:11", "n:2024"}
    assert "n:2" not in table.en[0]  # "2" occurs in English but the Vietnamese only has a month


def test_names_and_acronyms_match_but_sentence_initial_words_do_not():
    vi = ["Do đó, NATO và Lukashenko họp.", "Hội nghị do NATO tổ chức ở Kyiv."]
    en = ["Do they meet? NATO and Lukashenko’s forces met.", "We do meet in Kyiv, NATO said."]
    table = build_anchor_table(vi, en)
    assert table.vi[0] == table.en[0] == {"w:nato", "w:lukashenko"}
    assert table.vi[1] == table.en[1] == {"w:nato", "w:kyiv"}


def test_only_anchors_found_in_both_languages_count():
    table = build_anchor_table(["Ông Fortna nói năm 1994."], ["Page Fortna said in 1995."])
    assert table.vi[0] == table.en[0] == {"w:fortna"}


def test_quoted_titles_left_untranslated_are_anchors():
    table = build_anchor_table(
        ["Bài “Europe’s Next War” trên tạp chí"], ["The essay “Europe’s Next War”"]
    )
    assert "q:europe’s next war" in table.vi[0] & table.en[0]


def test_rarer_anchors_weigh_more():
    vi = ["NATO và Putin", "NATO", "NATO", "NATO"]
    en = ["NATO and Putin", "NATO", "NATO", "NATO"]
    table = build_anchor_table(vi, en)
    assert table.weight["w:putin"] > table.weight["w:nato"] >= 0
