"""Blogger exports (Back up content, and Takeout's feed.atom) → Articles."""

from __future__ import annotations

import inspect
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.errors import ImportFailure
from archive.importers import read_articles
from archive.importers.blogger import (
    iter_blogger_file,
    iter_blogger_posts,
    looks_like_blogger,
    read_blogger,
    read_blogger_file,
)
from archive.model import Article, PassageKind
from archive.storage.store import ArchiveStore
from tests.conftest import SAMPLE

FIXTURES = Path(__file__).parent / "fixtures" / "blogger"
BACKUP = FIXTURES / "blog-backup.xml"
TAKEOUT = FIXTURES / "feed.atom"
BLOG = "Song Ngữ Việt–Anh"


def read(path: Path, **options: bool) -> list[Article]:
    return read_blogger(path.read_text(encoding="utf-8"), path, **options)


def by_number(articles: list[Article]) -> dict[int | None, Article]:
    return {a.blog_post_number: a for a in articles}


def feed(*entries: str, header: str = "<id>tag:blogger.com,1999:blog-1</id>") -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<feed xmlns='http://www.w3.org/2005/Atom'"
        " xmlns:blogger='http://schemas.google.com/blogger/2018'>"
        f"{header}<title>Blog</title>{''.join(entries)}</feed>"
    )


def post(title: str, html: str, status: str = "LIVE") -> str:
    escaped = html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        "<entry><id>tag:blogger.com,1999:blog-1.post-9</id><blogger:type>POST</blogger:type>"
        f"<blogger:status>{status}</blogger:status><title>{title}</title>"
        f"<content type='html'>{escaped}</content><published>2025-05-06T07:00:00Z</published>"
        "</entry>"
    )


# ---- what is imported and what is skipped ----------------------------------------------------


def test_backup_imports_published_posts_only() -> None:
    articles = read(BACKUP)
    # Skipped: the template, two settings, a draft, a comment (titled like a post) and a page.
    assert [a.blog_post_number for a in articles] == [3342, 2945, 5433]


def test_backup_drafts_are_included_when_asked() -> None:
    articles = by_number(read(BACKUP, include_drafts=True))
    assert sorted(articles, key=str) == [2945, 3342, 5433, 6001]
    draft = articles[6001]
    assert draft.title == {"vi": "Bản nháp: trật tự thế giới mới", "en": "The New World Order"}
    assert draft.tags == ["Bản nháp"]


def test_backup_post_metadata() -> None:
    spiderweb = by_number(read(BACKUP))[2945]
    assert spiderweb.title == {
        "vi": "Chi tiết 'Chiến dịch Mạng nhện' của Ukraine nhằm vào máy bay ném bom của Nga",
        "en": "Inside Ukraine's 'Operation Spiderweb'",
    }
    assert spiderweb.authors == ["Mark Galeotti"]
    assert spiderweb.tags == ["Ukraine", "Nga"]
    assert spiderweb.blog_name == BLOG
    assert spiderweb.source.published == "2025-06-04"
    assert spiderweb.source.url == "https://www.spectator.co.uk/article/ukraine-spiderweb"
    vi = spiderweb.passages["vi"]
    # "text<br /><br />text" in one <div> is two passages; &nbsp; is kept as U+00A0.
    assert vi[0].text.endswith("xe tải.\u00a0Chiến dịch được chuẩn bị trong hơn một năm rưỡi.")
    assert [p.kind for p in vi] == [
        PassageKind.PARAGRAPH,
        PassageKind.PARAGRAPH,
        PassageKind.HEADING,
        PassageKind.PARAGRAPH,
    ]
    assert len(spiderweb.passages["en"]) == 4


def test_a_post_without_separator_is_a_one_language_article() -> None:
    vietnam = by_number(read(BACKUP))[5433]
    assert vietnam.languages == ["vi"]
    assert vietnam.title == {"vi": "The Vietnam War và khi Đồng Minh tháo chạy"}
    assert vietnam.authors == []
    assert vietnam.source.url is None
    assert vietnam.tags == ["Việt Nam", "Chiến tranh Việt Nam"]
    assert [p.kind for p in vietnam.passages["vi"]][2] is PassageKind.HEADING
    assert len(vietnam.passages["vi"]) == 4


def test_takeout_skips_drafts_trash_comments_and_pages() -> None:
    articles = read(TAKEOUT)
    assert [a.blog_post_number for a in articles] == [2199, None]
    assert by_number(read(TAKEOUT, include_drafts=True)).keys() == {2199, None, 6002}


def test_takeout_escaped_titles_labels_and_blog_name_are_unescaped() -> None:
    hope = read(TAKEOUT)[0]
    assert hope.title["vi"] == 'Hy vọng cuối cùng "tốt nhất" của Kyiv & châu Âu'
    assert hope.title["en"] == "The Best Last Hope"
    assert hope.tags == ["Ukraine", "Châu Âu & NATO"]
    assert hope.blog_name == BLOG
    assert hope.authors == ["Anne Applebaum"]
    assert hope.source.publication == "The Atlantic"
    assert hope.source.published == "2025-03-10"


def test_a_takeout_post_without_the_blogs_address_never_takes_the_entry_id_as_source() -> None:
    # Takeout has only the post's path and no blog address: the store knows the post by its
    # title. The tag:blogger.com id is no address and must never reach a citation.
    untitled = by_number(read(TAKEOUT))[None]
    assert untitled.title == {"vi": "Lời người dịch: vì sao có blog này"}
    assert untitled.source.url is None
    assert all("tag:blogger.com" not in (a.source.url or "") for a in read(TAKEOUT))


def test_a_numbered_post_without_source_does_not_take_the_post_url_as_source() -> None:
    [article] = read_blogger(feed(post("77 - Tựa", "<p>Một đoạn văn.</p>")), Path("x.atom"))
    assert article.blog_post_number == 77
    assert article.source.url is None


def test_an_image_only_post_with_a_title_is_a_title_only_article() -> None:
    image_only = post("78 - Ảnh", "<div><img src='a.jpg'/></div>")
    text = feed(image_only, post("79 - Chữ", "<p>Có chữ.</p>"))
    articles = read_blogger(text, Path("x.atom"))
    assert [a.blog_post_number for a in articles] == [78, 79]
    assert articles[0].title == {"vi": "Ảnh"} and articles[0].passages == {}


def test_a_post_with_no_title_and_no_text_is_skipped_and_named() -> None:
    text = feed(post("", "<div><img src='a.jpg'/></div>"), post("79 - Chữ", "<p>Có chữ.</p>"))
    read = read_blogger_file(text, Path("x.atom"))
    assert [a.blog_post_number for a in read.articles] == [79]
    assert [(s.reason) for s in read.skipped] == ["no text"]


def test_kinds_the_html_marks_win_over_the_guess_from_text() -> None:
    long_quote = "Một câu trích dẫn dài được đặt trong thẻ blockquote " * 4
    html = f"<h3>Một tiêu đề có dấu chấm ở cuối câu này.</h3><blockquote>{long_quote}</blockquote>"
    [article] = read_blogger(feed(post("80 - Tựa", html)), Path("x.atom"))
    assert [p.kind for p in article.passages["vi"]] == [PassageKind.HEADING, PassageKind.QUOTE]


# ---- the same post from the text format and from the blog ------------------------------------


def test_the_blog_version_of_the_sample_reads_the_same_as_the_text_file() -> None:
    [text_article] = read_articles(SAMPLE)
    blog_article = by_number(read(BACKUP))[3342]
    for lang in ("vi", "en"):
        assert blog_article.passages[lang] == text_article.passages[lang], lang
    assert blog_article.title == text_article.title
    assert blog_article.subtitle == text_article.subtitle
    assert blog_article.authors == text_article.authors == ["Samuel Charap", "Hiski Haukkala"]
    assert blog_article.source.url == text_article.source.url
    assert blog_article.source.publication == "Foreign Affairs"
    assert blog_article.related == text_article.related
    assert [r.number for r in blog_article.related] == [2945, 5433, 2199]
    assert blog_article.digest() == text_article.digest()
    # What only the blog knows.
    assert blog_article.tags == ["Nga", "NATO", "Foreign Affairs"]
    assert blog_article.source.published == "2026-01-15"


def test_the_blog_export_updates_the_sample_in_the_store(tmp_path: Path) -> None:
    store = ArchiveStore(tmp_path / "archive.sqlite3")
    try:
        [(sample_id, created)] = store.save_articles(read_articles(SAMPLE))
        assert created
        outcomes = store.save_articles(read_articles(BACKUP))
        assert outcomes[0] == (sample_id, False)
        assert store.count() == 3
        merged = store.get_article(sample_id)
        assert merged.tags == ["Nga", "NATO", "Foreign Affairs"]
        related = {r.number: r.article_id for r in merged.related}
        assert related[2945] == outcomes[1][0]  # the related post resolves to the archived one
        assert related[5433] == outcomes[2][0]
        assert related[2199] is None
    finally:
        store.close()


# ---- format detection and bad files ----------------------------------------------------------


def test_looks_like_blogger_on_both_exports_only() -> None:
    assert looks_like_blogger(BACKUP.read_text(encoding="utf-8")[:4096])
    assert looks_like_blogger(TAKEOUT.read_text(encoding="utf-8")[:4096])
    assert not looks_like_blogger(SAMPLE.read_text(encoding="utf-8")[:4096])
    assert not looks_like_blogger("<feed xmlns='http://www.w3.org/2005/Atom'><id>urn:x</id>")
    mention = "12 - Tựa\n\nXem <feed> của tag:blogger.com,1999:blog-1 để biết thêm."
    assert not looks_like_blogger(mention)


def test_read_articles_dispatches_exports_to_the_blogger_importer() -> None:
    assert [a.blog_post_number for a in read_articles(TAKEOUT)] == [2199, None]


def failure(text: str) -> str:
    started = time.perf_counter()
    with pytest.raises(ImportFailure) as caught:
        read_blogger(text, Path("blog.xml"))
    assert time.perf_counter() - started < 1.0
    message = str(caught.value)
    assert "\n" not in message and "blog.xml" in message
    return message


def test_malformed_xml_is_one_line_failure() -> None:
    assert "not well-formed XML (line 1)" in failure(feed(post("1 - A", "<p>x</p>"))[:-20])


def test_an_xml_bomb_is_refused_at_once() -> None:
    lols = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY lol0 "lol">{lols}]>'
        "<feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-1</id>"
        "<title>&lol9;</title></feed>"
    )
    assert "refused for safety" in failure(bomb)


def test_an_external_entity_is_refused() -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>&secret;</title></feed>"
    )
    assert "refused for safety" in failure(xxe)


def test_xml_that_is_not_atom_is_refused() -> None:
    assert "not an Atom feed" in failure("<rss version='2.0'><channel/></rss>")


def test_an_atom_feed_from_elsewhere_is_not_a_blogger_export() -> None:
    other = feed(post("1 - A", "<p>x</p>").replace("tag:blogger.com,1999:", "urn:"), header="")
    other = other.replace(" xmlns:blogger='http://schemas.google.com/blogger/2018'", "")
    other = other.replace("<blogger:type>POST</blogger:type>", "")
    other = other.replace("<blogger:status>LIVE</blogger:status>", "")
    assert "not a Blogger export" in failure(other)


def test_posts_come_one_at_a_time() -> None:
    posts = iter_blogger_posts(BACKUP.read_text(encoding="utf-8"), BACKUP)
    assert inspect.isgenerator(posts)
    assert next(posts).blog_post_number == 3342
    # A file that breaks off after its first post still fails as a whole.
    text = feed(post("1 - A", "<p>Một.</p>"), post("2 - B", "<p>Hai.</p>"))
    broken = iter_blogger_posts(text[: text.rindex("<entry>") + 30], Path("cut.atom"))
    assert next(broken).blog_post_number == 1
    with pytest.raises(ImportFailure):
        next(broken)


def test_streaming_from_the_file_gives_the_same_articles(tmp_path: Path) -> None:
    assert list(iter_blogger_file(BACKUP, include_drafts=True)) == read(BACKUP, include_drafts=True)
    latin1 = tmp_path / "latin1.xml"
    latin1.write_bytes(
        feed(post("1 - Tựa", "<p>Đoạn.</p>")).encode("utf-8").replace(b"\xe1", b"\xff")
    )
    with pytest.raises(ImportFailure, match="latin1.xml is not well-formed XML"):
        list(iter_blogger_file(latin1))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_articles_or_an_import_failure(data: bytes) -> None:
    try:
        articles = read_blogger(data.decode("utf-8", errors="surrogateescape"), Path("r.xml"))
    except ImportFailure as error:
        assert "\n" not in str(error)
    else:
        assert all(isinstance(a, Article) for a in articles)


SMALL_EXPORT = feed(post("5 - Tựa &amp;amp; đề", "<p>A</p>***<h2>B</h2><p>Đoạn văn.</p>"))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(SMALL_EXPORT)), st.integers(0, len(SMALL_EXPORT)), st.text(max_size=8))
def test_damaged_exports_give_articles_or_an_import_failure(cut: int, at: int, junk: str) -> None:
    damaged = SMALL_EXPORT[:cut] + junk + SMALL_EXPORT[max(cut, at) :]
    try:
        articles = read_blogger(damaged, Path("d.xml"))
    except ImportFailure:
        return
    assert all(isinstance(a, Article) and a.passages for a in articles)
