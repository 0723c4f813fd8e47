"""Issue 11 on real files (tests/fixtures/real, see SOURCES.md): language, header guessing,
nothing dropped silently, post numbers, Blogger variants and Takeout, saved web pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archive.errors import ImportFailure, NothingToImport
from archive.export.citation import citation_text
from archive.importers import read_articles, read_file
from archive.importers.blogger import read_blogger_file
from archive.importers.folder_scan import find_importable
from archive.importers.language import identify
from archive.importers.saved_page import decode_page
from archive.importers.text_post import POST_LINE
from archive.model import Article
from index.analysis import en_term, plain_term
from index.documents import article_documents
from tests.conftest import SAMPLE

REAL = Path(__file__).parents[2] / "fixtures" / "real"
BLOGSPOT = REAL / "blogger" / "briontest-blogspot-feed.xml"
BLOGSPOT_NS0 = REAL / "blogger" / "briontest-blogspot-feed-ns0.xml"
PELICAN = REAL / "blogger" / "pelican-bloggerexport.xml"
TAKEOUT = REAL / "takeout" / "Takeout"
TAKEOUT_FEED = TAKEOUT / "Blogger" / "Blogs" / "Brion's Cool Test Blog" / "feed.atom"
PYTHON_PAGE = REAL / "html" / "blog.python.org.html"
LOREM_PAGE = REAL / "html" / "readability-003-metadata-preferred.html"


def texts(article: Article, lang: str) -> list[str]:
    return [p.text for p in article.passages.get(lang, [])]


def blogger_feed(*entries: str) -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<id>tag:blogger.com,1999:blog-1</id><title>Real lines</title>"
        + "".join(entries)
        + "</feed>"
    )


def blogger_entry(title: str, lines: list[str], number: int = 1) -> str:
    html = "".join(f"<p>{line}</p>" for line in lines)
    escaped = html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f"<entry><id>tag:blogger.com,1999:blog-1.post-{number}</id>"
        "<category scheme='http://schemas.google.com/g/2005#kind' "
        "term='http://schemas.google.com/blogger/2008/kind#post'/>"
        f"<title type='text'>{title}</title><content type='html'>{escaped}</content>"
        f"<link rel='alternate' href='http://blog.example.org/{number}.html'/></entry>"
    )


def sample_lines() -> tuple[list[str], list[str]]:
    """The bundled real article's Vietnamese and English body lines."""
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    split = lines.index("***")
    return lines[4 : split - 1], lines[split + 3 :]


# ---- 4. language -------------------------------------------------------------------------------


def test_an_english_blogger_post_is_stored_english() -> None:
    articles = read_articles(BLOGSPOT)
    assert [a.title for a in articles] == [{"en": "I love posting"}, {"en": "Hey dude"}]
    assert texts(articles[0], "en") == ["It's pretty awesome, if you like that sort of thing."]
    assert all("vi" not in a.passages and a.original_language is None for a in articles)


def test_the_bundled_vietnamese_english_sample_keeps_its_two_sides() -> None:
    [article] = read_articles(SAMPLE)
    assert article.title == {"vi": "Cuộc chiến tiếp theo của châu Âu", "en": "Europe’s Next War"}
    assert article.original_language is None
    assert identify(" ".join(texts(article, "vi"))) == "vi"
    assert identify(" ".join(texts(article, "en"))) == "en"


def test_a_third_language_is_kept_on_the_english_side_and_not_stemmed() -> None:
    [article] = read_articles(LOREM_PAGE)
    assert article.original_language == "la"
    assert "vi" not in article.passages and texts(article, "en")[1].startswith("Lorem ipsum")
    documents = [d for d in article_documents(article.with_id(1)) if d["kind"] == "paragraph"]
    terms = documents[0]["en"]
    assert isinstance(terms, dict)
    words = "consectetur adipisicing incididunt exercitation laboris".split()
    stemmed = [w for w in words if en_term(w) != plain_term(w)]
    assert stemmed  # the English stemmer would have cut these
    assert all(plain_term(w) in terms and en_term(w) not in terms for w in stemmed)


def test_three_stars_between_two_parts_in_one_language_are_a_section_break() -> None:
    # Real English lines on both sides of `***`: one English post, not a Vietnamese/English pair.
    lines = [
        "You can download Python 3.6.0 here.",
        "We hope you enjoy Python 3.6.0!",
        "***",
        "Maintenance releases for the 3.6 series will follow at regular intervals starting "
        "in the first quarter of 2017.",
        "It was a cold Winter's night.",
    ]
    read = read_blogger_file(blogger_feed(blogger_entry("Python 3.6.0", lines)), Path("x.xml"))
    [article] = read.articles
    assert article.title == {"en": "Python 3.6.0"}
    assert texts(article, "en") == [line for line in lines if line != "***"]
    assert article.subtitle == {}


def test_three_stars_between_vietnamese_and_english_still_split_the_languages() -> None:
    vi, en = sample_lines()
    lines = [*vi[:3], "***", "Europe’s Next War", *en[:3]]
    [article] = read_blogger_file(
        blogger_feed(blogger_entry("3342 - Tựa", lines)), Path("x.xml")
    ).articles
    assert article.title == {"vi": "Tựa", "en": "Europe’s Next War"}
    assert texts(article, "vi") == vi[:3] and texts(article, "en") == en[:3]


# ---- 5. header guessing ------------------------------------------------------------------------


def test_a_free_post_keeps_its_first_lines_as_text() -> None:
    # A real section heading and the real author line opening a post without the text format's
    # layout (no source URL, one language): both are body text, not subtitle and authors.
    vi, _ = sample_lines()
    heading = "Điểm không thể quay lại"
    lines = ["Samuel Charap and Hiski Haukkala", heading, *vi[:2]]
    [article] = read_blogger_file(
        blogger_feed(blogger_entry("Bài viết", lines)), Path("x.xml")
    ).articles
    assert article.authors == [] and article.subtitle == {}
    assert texts(article, "vi") == lines


def test_the_sample_still_reads_authors_and_subtitles() -> None:
    [article] = read_articles(SAMPLE)
    assert article.authors == ["Samuel Charap", "Hiski Haukkala"]
    assert article.subtitle == {
        "vi": "Nguy cơ xung đột NATO-Nga ngày càng gia tăng",
        "en": "The Rising Risk of NATO-Russia Conflict",
    }


# ---- 6. nothing dropped silently --------------------------------------------------------------


def test_a_draft_left_out_is_named_by_its_title() -> None:
    read = read_file(PELICAN)  # uses `app:` without declaring it, as Blogger's 2010 export did
    assert [a.title for a in read.articles] == [{"en": "The Steel Windpipe"}]
    assert [(s.name, s.reason) for s in read.skipped] == [("Black as Egypt's Night", "draft")]
    assert texts(read.articles[0], "en") == [
        "It was a cold Winter's night.",
        "Very cold indeed.",
        "Note to self: pad out ending",
    ]


def test_a_post_of_only_a_link_keeps_the_link_and_a_title_alone_is_kept() -> None:
    link = "http://blog.python.org/2016/12/python-360-is-now-available.html"
    text = blogger_feed(
        blogger_entry("Python 3.6.0 is now available!", [link], 1),
        blogger_entry("The Steel Windpipe", [], 2),
        blogger_entry("", [], 3),
    )
    read = read_blogger_file(text, Path("x.xml"))
    first, second = read.articles
    assert texts(first, "en") == [link] and first.source.url == "http://blog.example.org/1.html"
    assert second.title == {"en": "The Steel Windpipe"} and second.passages == {}
    assert [(s.name, s.reason) for s in read.skipped] == [("3", "no text")]


# ---- 7. post numbers ---------------------------------------------------------------------------


def test_a_dated_title_is_not_a_post_number() -> None:
    assert POST_LINE.match("2008-Jan-14 - Marche Moderne") is None
    assert POST_LINE.match("3342 - Cuộc chiến tiếp theo của châu Âu") is not None
    text = blogger_feed(blogger_entry("2008-Jan-14 - Marche Moderne", ["We hope you enjoy it!"]))
    [article] = read_blogger_file(text, Path("x.xml")).articles
    assert article.blog_post_number is None
    assert article.display_title() == "2008-Jan-14 - Marche Moderne"


# ---- 8. Blogger variants and Takeout ----------------------------------------------------------


def test_namespace_prefixed_atom_reads_like_the_original() -> None:
    assert BLOGSPOT_NS0.read_text(encoding="utf-8").count("<ns0:feed") == 1
    prefixed, plain = read_articles(BLOGSPOT_NS0), read_articles(BLOGSPOT)
    assert [(a.title, a.passages, a.post_url) for a in prefixed] == [
        (a.title, a.passages, a.post_url) for a in plain
    ]


def test_takeout_companions_are_recognised_as_holding_no_articles() -> None:
    found = find_importable(TAKEOUT)
    reasons: dict[str, str] = {}
    for path in found:
        try:
            read_file(path)
        except NothingToImport as nothing:
            reasons[path.name if path.name != "feed.atom" else path.parent.name] = nothing.reason
    assert reasons == {
        "archive_browser.html": "the Takeout archive's index page, not an article",
        "settings.csv": "Blogger settings, not posts",
        "theme-classic.html": "a Blogger theme, not posts",
        "theme-layouts.xml": "a Blogger theme, not posts",
        "Comments": "only comments, no posts",
    }


def test_a_takeout_post_never_cites_the_entry_id() -> None:
    articles = read_articles(TAKEOUT_FEED)
    assert [a.title for a in articles] == [{"en": "I love posting"}, {"en": "Hey dude"}]
    for article in articles:
        assert "tag:blogger.com" not in citation_text(article)
        assert article.source.url is None


def test_a_takeout_post_gets_its_address_from_the_blogs_address_and_its_filename(
    tmp_path: Path,
) -> None:
    text = TAKEOUT_FEED.read_text(encoding="utf-8").replace(
        "<title>Brion's Cool Test Blog</title>",
        "<title>Brion's Cool Test Blog</title>"
        "<link rel='alternate' type='text/html' href='http://briontest.blogspot.com/'/>",
    )
    feed = tmp_path / "feed.atom"
    feed.write_text(text, encoding="utf-8")
    first = read_articles(feed)[0]
    assert first.post_url == "http://briontest.blogspot.com/2009/11/i-love-posting.html"
    assert "http://briontest.blogspot.com/2009/11/i-love-posting.html" in citation_text(first)


# ---- 9. saved web pages ------------------------------------------------------------------------


def test_a_saved_blogger_page_is_its_post_without_the_page_around_it() -> None:
    [article] = read_articles(PYTHON_PAGE)
    assert article.title == {"en": "Python 3.6.0 is now available!"}
    assert article.source.published == "2016-12-23"
    assert article.post_url == "http://blog.python.org/2016/12/python-360-is-now-available.html"
    body = texts(article, "en")
    assert body[0].startswith("Python 3.6.0 is now available!")
    # trafilatura drops this line (it sits between <br>s); readability keeps it.
    assert body[2] == (
        "Maintenance releases for the 3.6 series will follow at regular "
        "intervals starting in the first quarter of 2017."
    )
    assert body[-1].endswith("the Python Software Foundation.")
    joined = "\n".join(body)
    for chrome in (
        "Share to Twitter",
        "Subscribe",
        "Newer Post",
        "Translations",
        "Posted by",
        "Related Links",
        "Python core development news",
    ):
        assert chrome not in joined


def test_a_saved_page_takes_its_metadata_and_keeps_repeated_paragraphs() -> None:
    [article] = read_articles(LOREM_PAGE)
    assert article.title == {"en": "Open Graph property title"}
    assert article.authors == ["Meta name author", "Dublin Core name author"]
    lorem = texts(article, "en")
    assert lorem[0] == "Test document title"
    assert len(lorem) == 3 and lorem[1] == lorem[2]  # both identical paragraphs stay


def test_a_saved_blogger_page_gives_number_labels_and_related_posts(tmp_path: Path) -> None:
    # The real page with the post of the blog this app is for put in its place.
    vi, _ = sample_lines()
    page = PYTHON_PAGE.read_text(encoding="utf-8")
    page = page.replace(
        "\nPython 3.6.0 is now available!\n</h3>",
        "\n3342 - Cuộc chiến tiếp theo của châu Âu\n</h3>",
    )
    start = page.index("<div class='post-body entry-content'>")
    end = page.index("<div style='clear: both;'></div>", start)
    body = "".join(f"<p>{line}</p>" for line in vi[:3])
    page = page[:start] + f"<div class='post-body entry-content'>{body}" + page[end:]
    page = page.replace(
        "<span class='post-labels'>",
        "<span class='post-labels'>Nhãn: <a href='/l/nga'>Nga</a>, <a href='/l/nato'>NATO</a>",
    )
    page = page.replace(
        "</aside>",
        "<div class='widget PopularPosts'><ul><li>"
        "<a href='/2945.html'>2945 - Chi tiết 'Chiến dịch Mạng nhện'</a></li>"
        "</ul></div></aside>",
    )
    saved = tmp_path / "post.html"
    saved.write_text(page, encoding="utf-8")
    [article] = read_articles(saved)
    assert article.blog_post_number == 3342
    assert article.title == {"vi": "Cuộc chiến tiếp theo của châu Âu"}
    assert article.tags == ["Nga", "NATO"]
    related = [(r.number, r.title) for r in article.related]
    assert related == [(2945, "Chi tiết 'Chiến dịch Mạng nhện'")]
    assert texts(article, "vi") == vi[:3]


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"])
def test_a_declared_charset_that_lies_does_not_garble_the_text(
    tmp_path: Path, prefix: bytes
) -> None:
    vi, _ = sample_lines()
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
        "<title>Bài</title></head><body><article><h1>Bài</h1>"
        + "".join(f"<p>{line}</p>" for line in vi[:4])
        + "</article></body></html>"
    )
    saved = tmp_path / "page.htm"
    saved.write_bytes(prefix + page.encode("utf-8"))
    assert decode_page(saved.read_bytes()).endswith("</html>")
    [article] = read_articles(saved)
    assert texts(article, "vi") == vi[:4]


def test_a_page_saved_complete_imports_once_without_its_files_folder(tmp_path: Path) -> None:
    shutil.copy(PYTHON_PAGE, tmp_path / "Python Insider.html")
    resources = tmp_path / "Python Insider_files"
    resources.mkdir()
    (resources / "navbar.html").write_text("<html><body><p>navbar</p></body></html>")
    assert find_importable(tmp_path) == [tmp_path / "Python Insider.html"]


def test_an_empty_page_is_one_clear_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"   \n")
    with pytest.raises(ImportFailure, match="empty.html is empty"):
        read_articles(empty)


def test_json_ld_gives_a_saved_page_its_author_date_and_publisher() -> None:
    [article] = read_articles(REAL / "html" / "readability-jsonld-array-type.html")
    assert article.title == {"en": "Array Type Test Article"}
    assert article.authors == ["Test Author"]
    assert article.source.published == "2024-06-01"
    assert article.source.publication == "Example Publisher"
    first = texts(article, "en")[0]
    assert first.startswith("The JSON-LD specification allows the @type property to be")


def test_a_markdown_file_without_a_language_is_identified_too(tmp_path: Path) -> None:
    lorem = texts(read_articles(LOREM_PAGE)[0], "en")[1]
    note = tmp_path / "lorem.md"
    note.write_text(f"title: Lorem\n\n{lorem}\n", encoding="utf-8")
    [article] = read_articles(note)
    assert article.original_language == "la" and texts(article, "en") == [lorem]
    declared = tmp_path / "declared.md"
    declared.write_text(f"title: Lorem\nlanguage: vi\n\n{lorem}\n", encoding="utf-8")
    [kept] = read_articles(declared)
    assert texts(kept, "vi") == [lorem] and kept.original_language is None


def test_a_post_of_only_a_byline_keeps_it_as_text() -> None:
    byline = "Samuel Charap and Hiski Haukkala"
    [article] = read_blogger_file(
        blogger_feed(blogger_entry("Europe’s Next War", [byline])), Path("x.xml")
    ).articles
    assert article.authors == []
    assert [p.text for lang in ("vi", "en") for p in article.passages.get(lang, [])] == [byline]


def test_a_page_not_in_utf8_is_read_by_its_declared_encoding(tmp_path: Path) -> None:
    # A setting's description from the real Blogger export (Dutch), in an ISO-8859-1 XHTML page.
    line = "Hier wordt aangegeven of deze blog door zoekmachines moet worden geïndexeerd"
    page = (
        "<?xml version='1.0' encoding='iso-8859-1'?><html><head><title>Blog</title></head>"
        f"<body><article><p>{line}.</p><p>{line}!</p></article></body></html>"
    )
    saved = tmp_path / "latin1.xhtml"
    saved.write_bytes(page.encode("iso-8859-1"))
    [article] = read_articles(saved)
    assert texts(article, "en") == [f"{line}.", f"{line}!"]
    assert article.original_language == "nl"
