"""The sentence splitter on Vietnamese and English text: where sentences end, and that no
character is lost or doubled."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from archive.alignment.sentences import sentence_spans, split_sentences
from archive.importers import read_articles
from archive.sample import sample_path


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_vietnamese_titles_and_thousands_do_not_end_a_sentence() -> None:
    text = (
        "TS. Trần Văn B và PGS. Lê C cho biết 30.000 người đã đến. Họ nói: “Chúng tôi cần "
        "thêm 3.5 tỷ đồng.” ThS. Nguyễn đồng ý."
    )
    assert sentences(text) == [
        "TS. Trần Văn B và PGS. Lê C cho biết 30.000 người đã đến.",
        "Họ nói: “Chúng tôi cần thêm 3.5 tỷ đồng.”",
        "ThS. Nguyễn đồng ý.",
    ]


def test_vietnamese_etc_closes_a_sentence_before_a_capital() -> None:
    assert sentences("Họ mua táo, cam, v.v. Sau đó họ về. Ở Q. 1, TP. HCM có 2 cửa hàng.") == [
        "Họ mua táo, cam, v.v.",
        "Sau đó họ về.",
        "Ở Q. 1, TP. HCM có 2 cửa hàng.",
    ]


def test_english_abbreviations_initials_and_decimals() -> None:
    text = (
        "Mr. Smith paid $3.5 million in the U.S. last year. Dr. J. R. Jones agreed, "
        "e.g. on taxes. See No. 5 and St. Petersburg. It ended at 9 p.m. The rest waited."
    )
    assert sentences(text) == [
        "Mr. Smith paid $3.5 million in the U.S. last year.",
        "Dr. J. R. Jones agreed, e.g. on taxes.",
        "See No. 5 and St. Petersburg.",
        "It ended at 9 p.m.",
        "The rest waited.",
    ]


def test_quotes_questions_and_exclamations() -> None:
    text = "“Go home,” he said. “Now!” Why? Because “it is late.” Fine."
    assert sentences(text) == [
        "“Go home,” he said.",
        "“Now!”",
        "Why?",
        "Because “it is late.”",
        "Fine.",
    ]


def test_an_ellipsis_ends_a_sentence_only_before_a_new_one() -> None:
    text = "Yes... and no. Kết quả là... Người châu Âu đã tiếp nhận."
    assert sentences(text) == ["Yes... and no.", "Kết quả là...", "Người châu Âu đã tiếp nhận."]
    assert sentences("Chờ đã… rồi đi. Xong…") == ["Chờ đã… rồi đi.", "Xong…"]


def test_a_line_break_always_ends_a_sentence_and_spans_skip_white_space() -> None:
    text = "  First line without a stop\nSecond line.  "
    assert sentences(text) == ["First line without a stop", "Second line."]
    assert sentence_spans(text)[0] == (2, 27)


def test_a_detached_stop_in_tokenized_text_ends_a_sentence() -> None:
    assert sentences("Em ấy không tham lam . Em không phân biệt màu da .") == [
        "Em ấy không tham lam .",
        "Em không phân biệt màu da .",
    ]


def test_sentences_carry_their_passage_and_offsets() -> None:
    found = split_sentences("Một. Hai.", passage=7)
    assert [(s.passage, s.start, s.end, s.text) for s in found] == [
        (7, 0, 4, "Một."),
        (7, 5, 9, "Hai."),
    ]


def test_every_sample_passage_splits_without_losing_a_character() -> None:
    article = read_articles(sample_path())[0]
    for lang in ("vi", "en"):
        for passage in article.passages[lang]:
            spans = sentence_spans(passage.text)
            assert_covers(passage.text, spans)


@given(st.text(alphabet=st.sampled_from(list('aB .!?…\n"”“0,ĐTS')), max_size=80))
def test_spans_cover_every_visible_character_once_in_order(text: str) -> None:
    assert_covers(text, sentence_spans(text))


def assert_covers(text: str, spans: list[tuple[int, int]]) -> None:
    at = 0
    for start, end in spans:
        assert at <= start < end <= len(text)
        assert text[at:start].strip() == ""  # only white space between sentences
        assert not text[start].isspace() and not text[end - 1].isspace()
        at = end
    assert text[at:].strip() == ""
