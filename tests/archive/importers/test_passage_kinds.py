"""classify_blocks: headings, pull quotes and captions recovered from plain text."""

from __future__ import annotations

from archive.importers.passage_kinds import classify_blocks, is_caption
from archive.model import PassageKind

LONG_EN = (
    "But the resolution of the conflict, whatever its contours, will not put an end to the "
    "forces it has unleashed. Indeed, a cease-fire could mark the start of an even more "
    "dangerous era. Once the guns fall silent, Russia and Ukraine will still be locked in a "
    "confrontation that neither side can easily escape."
)
LONG_VI = (
    "Đã từng có thời điểm NATO và Nga có thể giải quyết nhiều vấn đề của họ thông qua ngoại "
    "giao. Trong 30 năm, hai bên đã có mối quan hệ hợp tác, dù đầy khó khăn, và có chung một số "
    "lợi ích cũng như cả những tham vọng chung."
)


def kinds(blocks: list[str]) -> list[PassageKind]:
    return [p.kind for p in classify_blocks(blocks)]


def test_short_unpunctuated_lines_are_headings() -> None:
    assert kinds(["Point of no return", LONG_EN, "Điểm không thể quay lại", LONG_VI]) == [
        PassageKind.HEADING,
        PassageKind.PARAGRAPH,
        PassageKind.HEADING,
        PassageKind.PARAGRAPH,
    ]


def test_a_very_short_sentence_before_a_long_paragraph_is_a_heading() -> None:
    assert kinds(["Hãy cùng thảo luận.", LONG_VI]) == [PassageKind.HEADING, PassageKind.PARAGRAPH]


def test_a_very_short_sentence_before_a_short_one_stays_a_paragraph() -> None:
    assert kinds(["Hãy cùng thảo luận.", "Được thôi."]) == [PassageKind.PARAGRAPH] * 2


def test_pull_quote_is_found_by_its_fuzzy_repeat_in_another_block() -> None:
    quote = "A cease-fire in Ukraine could mark the start of an even more dangerous era."
    assert kinds([LONG_EN, quote]) == [PassageKind.PARAGRAPH, PassageKind.QUOTE]


def test_a_short_sentence_that_repeats_nothing_is_a_paragraph() -> None:
    other = "Policymakers in Brussels spent the winter arguing about fishing quotas again."
    assert kinds([LONG_EN, other]) == [PassageKind.PARAGRAPH, PassageKind.PARAGRAPH]


def test_vietnamese_sentence_sharing_common_phrases_is_not_a_pull_quote() -> None:
    # Shares "con đường", "chiến tranh", "có thể" with the body, but is not a copy of it.
    body = "Một con đường khác có thể bắt đầu bằng các cuộc tập trận dẫn đến chiến tranh lớn."
    assert kinds([body, "Đó chỉ là một con đường dẫn đến chiến tranh."])[1] == (
        PassageKind.PARAGRAPH
    )


def test_photo_credit_makes_a_caption() -> None:
    caption = "British soldiers training in Finland, December 2025\u00a0Owen Humphreys / Reuters"
    assert is_caption(caption)
    assert kinds([caption]) == [PassageKind.CAPTION]
    assert not is_caption("The ratio was 3 / 4 of the budget.")
    assert not is_caption("prices rose and fell / mostly fell")


def test_nbsp_is_stripped_at_the_ends_but_kept_inside() -> None:
    [passage] = classify_blocks(["\u00a0 Russia\u00a0and Ukraine will still be at odds. \u00a0"])
    assert passage.text == "Russia\u00a0and Ukraine will still be at odds."


def test_blank_blocks_are_dropped_and_indices_count_from_zero() -> None:
    passages = classify_blocks(["", "First block here.", "  ", "\u00a0", "Second block here."])
    assert [(p.index, p.text) for p in passages] == [
        (0, "First block here."),
        (1, "Second block here."),
    ]


def test_a_short_question_before_a_long_paragraph_is_a_heading() -> None:
    assert kinds(["Why now?", LONG_EN]) == [PassageKind.HEADING, PassageKind.PARAGRAPH]
    assert kinds(["Why now?", "Because."]) == [PassageKind.PARAGRAPH, PassageKind.PARAGRAPH]


def test_an_ellipsis_line_is_not_a_heading() -> None:
    assert kinds(["Và rồi...", LONG_VI]) == [PassageKind.PARAGRAPH, PassageKind.PARAGRAPH]
