"""The blog-post text format: the bundled seed and tolerant parsing of variants."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import ImportFailure
from archive.importers import read_articles
from archive.importers.text_post import read_text_post
from archive.model import Article, PassageKind
from archive.sample import sample_path


@pytest.fixture(scope="module")
def seed() -> Article:
    [article] = read_articles(sample_path())
    return article


def kind_counts(article: Article, lang: str) -> Counter[str]:
    return Counter(p.kind.value for p in article.passages[lang])


def texts_of(article: Article, lang: str, kind: PassageKind) -> list[str]:
    return [p.text for p in article.passages[lang] if p.kind is kind]


def test_seed_header_metadata(seed: Article) -> None:
    assert seed.blog_post_number == 3342
    assert seed.title == {"vi": "Cuộc chiến tiếp theo của châu Âu", "en": "Europe’s Next War"}
    assert seed.subtitle == {
        "vi": "Nguy cơ xung đột NATO-Nga ngày càng gia tăng",
        "en": "The Rising Risk of NATO-Russia Conflict",
    }
    assert seed.authors == ["Samuel Charap", "Hiski Haukkala"]
    assert seed.source.url == (
        "https://www.foreignaffairs.com/russia/europes-next-war-charap-haukkala"
    )
    assert seed.source.publication == "Foreign Affairs"


def test_seed_passage_counts_per_language_and_kind(seed: Article) -> None:
    # Counted by hand from the file: 40 Vietnamese blocks between the subtitle and the URL,
    # 43 English blocks between the subtitle and the footer.
    assert len(seed.passages["vi"]) == 40
    assert kind_counts(seed, "vi") == {"paragraph": 35, "heading": 4, "quote": 1}
    assert len(seed.passages["en"]) == 43
    assert kind_counts(seed, "en") == {"paragraph": 35, "heading": 5, "quote": 2, "caption": 1}
    for lang in ("vi", "en"):
        assert [p.index for p in seed.passages[lang]] == list(range(len(seed.passages[lang])))


def test_seed_headings(seed: Article) -> None:
    assert texts_of(seed, "vi", PassageKind.HEADING) == [
        "Điểm không thể quay lại",
        "Từ chối bằng cách răn đe",
        "Phá vỡ thế bế tắc",
        "Hãy cùng thảo luận.",
    ]
    assert texts_of(seed, "en", PassageKind.HEADING) == [
        "Point of no return",
        "On the brink",
        "Denial by deterrence",
        "Break the ice",
        "Talk it out",
    ]


def test_seed_pull_quotes_and_caption(seed: Article) -> None:
    assert texts_of(seed, "en", PassageKind.QUOTE) == [
        "A cease-fire in Ukraine could mark the start of an even more dangerous era.",
        "Russia is not interested in security and stability on NATO’s terms.",
    ]
    assert texts_of(seed, "vi", PassageKind.QUOTE) == [
        "Nga không quan tâm đến an ninh và ổn định theo các điều khoản của NATO."
    ]
    assert texts_of(seed, "en", PassageKind.CAPTION) == [
        "British soldiers training in Vusoanka, Finland, December 2025\u00a0"
        "Owen Humphreys / Reuters"
    ]


def test_seed_related_posts_come_from_the_footer(seed: Article) -> None:
    assert [(r.number, r.title) for r in seed.related] == [
        (2945, "Chi tiết 'Chiến dịch Mạng nhện' của Ukraine nhằm vào máy bay ném bom của Nga"),
        (5433, "The Vietnam War và khi Đồng Minh tháo chạy"),
        (2199, "Hy vọng cuối cùng tốt nhất"),
    ]
    every_text = [p.text for ps in seed.passages.values() for p in ps]
    assert not any(t in ("Nhận xét", "Bài đăng phổ biến từ blog này") for t in every_text)
    assert not any(t.startswith(("2945 -", "https://")) for t in every_text)


def test_seed_keeps_nbsp_inside_passages(seed: Article) -> None:
    english = [p.text for p in seed.passages["en"]]
    assert any("eastern\u00a0Ukraine\u00a0in 2014" in t for t in english)
    assert any("Moscow’s\u00a0droit de regard\u00a0over" in t for t in english)


POST = """\
7 - Một bài viết ngắn

Nguyễn Văn An và Trần Thị Bình

Trong bốn năm qua, các nhà hoạch định chính sách đã bị ám ảnh bởi một câu hỏi duy nhất.
"""


def test_post_without_english_url_or_footer() -> None:
    [article] = read_text_post(POST, Path("short.txt"))
    assert article.blog_post_number == 7
    assert article.title == {"vi": "Một bài viết ngắn"}
    assert article.authors == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert article.languages == ["vi"]
    assert article.source.url is None and article.related == []


def test_file_with_bom_crlf_extra_blank_lines_and_nbsp_around_lines(tmp_path: Path) -> None:
    text = POST.replace("\n", "\r\n\r\n").replace("Trong", "\u00a0Trong")
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    [article] = read_articles(path)
    assert article.blog_post_number == 7
    assert [p.text for p in article.passages["vi"]] == [
        "Trong bốn năm qua, các nhà hoạch định chính sách đã bị ám ảnh bởi một câu hỏi duy nhất."
    ]


def test_footer_without_popular_posts_is_still_metadata() -> None:
    text = POST + "\nNhận xét\n\n12 - Một bài khác\n"
    [article] = read_text_post(text, Path("footer.txt"))
    assert [(r.number, r.title) for r in article.related] == [(12, "Một bài khác")]
    assert len(article.passages["vi"]) == 1


def test_english_byline_and_unknown_host() -> None:
    text = (
        POST
        + "https://blog.example.org/posts/1/\n***\nA Short Post\nBy Jane Doe and John Roe\n"
        + "In the last four years, policymakers have been consumed by one question.\n"
    )
    [article] = read_text_post(text, Path("en.txt"))
    assert article.title["en"] == "A Short Post"
    assert article.authors == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert [p.text for p in article.passages["en"]] == [
        "In the last four years, policymakers have been consumed by one question."
    ]
    assert article.source.publication == "blog.example.org"


def test_header_only_is_a_title_only_article() -> None:
    [article] = read_text_post("12 - Chỉ có tiêu đề\n\n", Path("bare.txt"))
    assert article.title == {"vi": "Chỉ có tiêu đề"}
    assert article.blog_post_number == 12 and article.passages == {}


_text_alphabet = st.sampled_from(
    list("abcđơư ĐÂ.,:-–/*#0123456789\n\n\u00a0\t") + ["***", "Nhận xét", "\n1 - x\n", "https://"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.one_of(st.just(""), st.builds("{} - {}\n".format, st.integers(0, 99999), st.text())),
    body=st.lists(st.one_of(_text_alphabet, st.text()), max_size=40).map("".join),
)
def test_random_text_gives_articles_or_import_failure(header: str, body: str) -> None:
    try:
        articles = read_text_post(header + body, Path("random.txt"))
    except ImportFailure as failure:
        assert str(failure) and "\n" not in str(failure)
        return
    assert all(isinstance(a, Article) and (a.passages or a.title) for a in articles)
