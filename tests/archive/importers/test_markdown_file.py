"""Markdown articles: metadata via the meta extension, one or both languages per file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import ImportFailure
from archive.importers import read_articles
from archive.importers.markdown_file import guess_language, looks_like_markdown, read_markdown
from archive.model import Article, PassageKind

FIXTURES = Path(__file__).parent / "fixtures"


def kinds_and_texts(article: Article, lang: str) -> list[tuple[PassageKind, str]]:
    return [(p.kind, p.text) for p in article.passages[lang]]


def test_vietnamese_file_metadata() -> None:
    [article] = read_articles(FIXTURES / "europe-vi.md")
    assert article.title == {"vi": "Cuộc chiến tiếp theo của châu Âu"}
    assert article.subtitle == {"vi": "Nguy cơ xung đột NATO-Nga ngày càng gia tăng"}
    assert article.authors == ["Samuel Charap", "Hiski Haukkala"]
    assert article.blog_post_number == 3342
    assert article.source.publication == "Foreign Affairs"
    assert [(r.number, r.title) for r in article.related] == [
        (2945, "Chi tiết 'Chiến dịch Mạng nhện' của Ukraine nhằm vào máy bay ném bom của Nga"),
        (5433, "The Vietnam War và khi Đồng Minh tháo chạy"),
    ]
    assert article.tags == ["Nga", "NATO"]
    assert article.languages == ["vi"]


def test_vietnamese_file_body_kinds() -> None:
    [article] = read_articles(FIXTURES / "europe-vi.md")
    assert kinds_and_texts(article, "vi") == [
        (
            PassageKind.PARAGRAPH,
            "Trong bốn năm qua, các nhà hoạch định chính sách ở Washington và các thủ đô châu Âu "
            "đã bị ám ảnh bởi một câu hỏi duy nhất.",
        ),
        (PassageKind.HEADING, "Điểm không thể quay lại"),
        (
            PassageKind.PARAGRAPH,
            "Khung hợp tác này chưa bao giờ hoàn hảo & nó gần như sụp đổ khi Nga sáp nhập Crimea.",
        ),
        (
            PassageKind.QUOTE,
            "Nga không quan tâm đến an ninh và ổn định theo các điều khoản của NATO.",
        ),
        (
            PassageKind.CAPTION,
            "Binh sĩ Anh huấn luyện ở Phần Lan, tháng 12 năm 2025 Owen Humphreys / Reuters",
        ),
        # language: vi, so "***" is only a horizontal rule and the text goes on.
        (
            PassageKind.PARAGRAPH,
            "Đã từng có thời điểm NATO và Nga có thể giải quyết nhiều vấn đề của họ thông qua "
            "ngoại giao.",
        ),
    ]


def test_english_file_with_capitalized_keys_and_image_caption() -> None:
    [article] = read_articles(FIXTURES / "europe-en.md")
    assert article.title == {"en": "Europe’s Next War"}
    assert article.languages == ["en"]
    assert [p.kind for p in article.passages["en"]] == [
        PassageKind.PARAGRAPH,
        PassageKind.HEADING,
        PassageKind.CAPTION,
        PassageKind.PARAGRAPH,
    ]
    assert article.passages["en"][2].text == "British soldiers training in Vusoanka, Finland"


def test_both_languages_in_one_file_with_per_language_titles() -> None:
    [article] = read_articles(FIXTURES / "europe-both.md")
    assert article.title == {"vi": "Cuộc chiến tiếp theo của châu Âu", "en": "Europe’s Next War"}
    assert article.subtitle == {"en": "The Rising Risk of NATO-Russia Conflict"}
    assert [p.text for p in article.passages["vi"]][-1] == "Điểm không thể quay lại"
    assert [p.text for p in article.passages["en"]] == [
        "For the last four years, policymakers have been consumed by a single question.",
        "Point of no return",
    ]


def test_second_part_title_from_its_first_level_heading() -> None:
    [article] = read_articles(FIXTURES / "heading-title.md")
    assert article.title == {"en": "A Title in the Text"}
    assert article.blog_post_number == 12
    assert [p.text for p in article.passages["en"]] == [
        "The English part gives its own title as a first-level heading."
    ]
    assert article.languages == ["vi", "en"]


def test_without_metadata_the_language_is_guessed(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Ghi chú\n\nĐây là một đoạn văn bằng tiếng Việt có dấu.\n", "utf-8")
    [article] = read_articles(path)
    assert article.title == {"vi": "Ghi chú"}
    assert guess_language("Plain English words only.") == "en"


def test_metadata_header_is_recognised_without_a_markdown_suffix() -> None:
    assert looks_like_markdown(Path("post.txt"), "title: X\nlanguage: en\n\nBody")
    assert looks_like_markdown(Path("post.txt"), "---\ntitle: X\n---\n")
    assert not looks_like_markdown(Path("post.txt"), "3342 - Tiêu đề\n")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("language: fr", "language “fr”"),
        ("blog_post_number: 12a", "not a whole number"),
    ],
)
def test_bad_metadata_is_one_line_import_failure(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"title: X\n{header}\n\nSome text.\n", "utf-8")
    with pytest.raises(ImportFailure, match=message) as caught:
        read_articles(path)
    assert "\n" not in str(caught.value) and "bad.md" in str(caught.value)


def test_metadata_without_body_is_import_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty-body.md"
    path.write_text("title: Chỉ có tiêu đề\nlanguage: vi\n", "utf-8")
    with pytest.raises(ImportFailure, match="no article text"):
        read_articles(path)


_markdown_pieces = st.sampled_from(
    ["title: ", "language: ", "related: ", "blog_post_number: ", "\n", "    ", "***", "# ", "> "]
    + ["*", "![", "](x.png)", "<div>", "</p>", "&amp;", "Đoạn văn", "\u00a0", "vi", "en", "12"]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_markdown_pieces, st.text()), max_size=40).map("".join))
def test_random_markdown_gives_articles_or_import_failure(text: str) -> None:
    try:
        articles = read_markdown(text, Path("random.md"))
    except ImportFailure as failure:
        assert str(failure) and "\n" not in str(failure)
        return
    for article in articles:
        for passages in article.passages.values():
            assert [p.index for p in passages] == list(range(len(passages)))
            assert all(p.text for p in passages)


def test_backslash_and_two_space_hard_breaks_keep_the_lines_in_order(tmp_path: Path) -> None:
    # No real fixture writes a backslash break; CommonMark's own example shape stands in.
    path = tmp_path / "breaks.md"
    path.write_text("title: Thơ\n\nDòng một _nghiêng_\\\nDòng hai **đậm**  \nDòng ba.\n", "utf-8")
    [article] = read_articles(path)
    assert [p.text for p in article.passages["vi"]] == ["Dòng một nghiêng Dòng hai đậm Dòng ba."]


@pytest.mark.parametrize("depth", [50, 300, 2000])
def test_deep_nesting_keeps_all_text_or_says_why_never_drops_it(depth: int) -> None:
    # markdown-it skips what lies past its nesting limit without a word; the limit is out of
    # reach, so deep nesting either reads whole or is refused in one line.
    text = "title: x\n\n" + "- " * depth + "chữ cuối\n\nđoạn sau\n"
    try:
        [article] = read_markdown(text, Path("deep.md"))
    except ImportFailure as failure:
        assert "too deeply" in str(failure)
        return
    assert [p.text for p in article.passages["vi"]] == ["chữ cuối", "đoạn sau"]


def test_a_note_that_opens_with_a_rule_is_text_not_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\n\nMột ghi chú giữa hai đường kẻ.\n\n---\n\nĐoạn sau.\n", "utf-8")
    [article] = read_articles(path)
    assert [p.text for p in article.passages["vi"]] == [
        "Một ghi chú giữa hai đường kẻ.",
        "Đoạn sau.",
    ]
