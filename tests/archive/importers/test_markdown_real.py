"""Real Jekyll and Hugo posts: inline markup in reading order, code blocks, front matter.

Every fixture is a post as its repository holds it (tests/fixtures/real/SOURCES.md). The word
order test reads each post's words straight from the file, independently of the importer, and
checks that the stored passages hold them in the order they were written.
"""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import DraftSkipped, ImportFailure
from archive.importers import read_articles, read_file
from archive.importers.markdown_file import read_markdown
from archive.importers.outcome import DRAFT, Skipped
from archive.model import Article, PassageKind

REAL = Path(__file__).parents[2] / "fixtures" / "real"
JEKYLL = REAL / "jekyll"
HUGO = REAL / "hugo"
ALL_POSTS = sorted([*JEKYLL.glob("*.*markdown"), *JEKYLL.glob("*.md"), *HUGO.glob("*.md")])
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1[ \t]*\n", re.DOTALL)


def read_one(path: Path, *, include_drafts: bool = False) -> Article:
    [article] = read_articles(path, include_drafts=include_drafts)
    return article


def texts(article: Article, kind: PassageKind | None = None) -> list[str]:
    return [
        p.text for ps in article.passages.values() for p in ps if kind is None or p.kind is kind
    ]


# Markup that says how to show the text, not what it says: taken out of the post and out of
# the passages alike (a code passage that shows markup loses it too), so only words count.
_MARKUP = re.compile(
    r"<!--.*?-->"  # comments
    r"|</?[A-Za-z!](?![A-Za-z]+://)[^<>@\n]*>"  # HTML tags (not autolinks): H<sub>2</sub>O
    r"|\{\{[<%][^\n]*?[>%]\}\}|\{%[^\n]*?%\}"  # Hugo shortcodes, Liquid tags
    r"|\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)|\]\[[^\]\n]*\]"  # a link's destination or label
    r"|^[ \t]*\[[^\]\n]+\]:[ \t]+\S[^\n]*$"  # a reference definition
    r"|^[ \t]*(?:`{3,}|~{3,})[^\n]*$"  # a fence line and its language
    r"|^[ \t>]*\d+[.)][ \t]"  # an ordered list's number
    r"|\{:[^{}\n]*\}",  # a kramdown attribute list
    re.DOTALL | re.MULTILINE,
)


def words(text: str) -> list[str]:
    text = _MARKUP.sub(lambda m: "]" if m.group(0).startswith("]") else "", text)
    text = html.unescape(text)  # "&#x5b;" is "[" in the post as in the passage
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())


# ---- 1. inline markup keeps its place ---------------------------------------------------------


def test_emphasis_stays_where_the_author_put_it() -> None:
    article = read_one(JEKYLL / "2017-07-10-lifesofar.md")
    first = article.passages["vi"][0].text
    assert first.startswith(
        "Gần đây có một độc giả nhận mình là loyal reader của blog, hỏi tôi về cách tôi học"
    )
    assert first.endswith("bắt đầu từ gần 20 năm trước, hoặc hơn.")
    assert "mặc dù được bầu làm lớp trưởng ở lớp kia." in texts(article)[9]


def test_emphasis_wrapped_around_links_keeps_reading_order() -> None:
    article = read_one(HUGO / "hello.md")
    assert article.passages["vi"][1].text == (
        "Blog này được làm bằng Hugo, sử dụng theme Terminal và host tại Netlify. "
        "Với mình đây là sự kết hợp khá ổn và phù hợp với blog cá nhân."
    )
    # `* #tech: …` is a list item that starts with a hash sign, not a heading.
    assert texts(article)[-2:] == [
        "#tech: những bài viết với góc nhìn về công nghệ",
        "#tips: một số hack tâm đắc, không chỉ là về tech.",
    ]
    assert not texts(article, PassageKind.HEADING)


def test_asterisks_inside_inline_code_are_not_emphasis() -> None:
    article = read_one(JEKYLL / "json-vi.html.markdown")
    assert "cách của ngôn ngữ C (//, /* */). Một số trình phân tích" in texts(article)[1]
    assert "số (numbers), chuỗi kí tự (string), toán tử đúng/sai (boolean)," in texts(article)[3]


def test_hard_breaks_keep_the_lines_in_order() -> None:
    notes = read_one(HUGO / "markdown_notes.md")
    assert (
        'Link: [Hugo](https://gohugo.io/) Image (Markdown): ![alt text](/images/photo.jpg "Title")'
        " PaperMod / Hugo shortcode image (preferred for resizing & captions):"
    ) in texts(notes)
    syntax = read_one(HUGO / "markdown-syntax.md")
    assert (
        "Don't communicate by sharing memory, share memory by communicating. — Rob Pike[^1]"
        in texts(syntax, PassageKind.QUOTE)
    )


@pytest.mark.parametrize("path", ALL_POSTS, ids=lambda p: p.name)
def test_stored_words_are_the_posts_words_in_the_posts_order(path: Path) -> None:
    """Each passage's words appear in the post, in order, and passages follow one another.

    The post's words are its runs of letters and digits after the front matter, markup taken
    out; a few words may be skipped (an image's address, kramdown's `{: .class}`), but never
    more than a dozen in a row inside one passage, and the passages cover nearly all the post.
    """
    article = read_one(path, include_drafts=True)
    source = words(_FRONT_MATTER.sub("", path.read_text("utf-8"), count=1))
    at = 0
    matched = 0
    for lang in article.languages:
        for passage in article.passages[lang]:
            previous = None
            for word in words(passage.text):
                found = source.index(word, at) if word in source[at:] else None
                assert found is not None, f"{path.name}: {word!r} of {passage.text[:60]!r}"
                if previous is not None:
                    gap = found - previous - 1
                    assert gap <= 12, f"{path.name}: {gap} words skipped before {word!r}"
                previous, at = found, found + 1
                matched += 1
    assert matched / len(source) >= 0.97, f"{path.name}: {matched}/{len(source)} words kept"


# ---- 2. code blocks ---------------------------------------------------------------------------


def test_a_fenced_block_is_one_code_passage_and_its_comment_is_no_heading() -> None:
    article = read_one(JEKYLL / "2016-02-24-welcome-to-jekyll.md")
    assert texts(article, PassageKind.CODE) == [
        "def print_hi(name)\n  puts \"Hi, #{name}\"\nend\nprint_hi('Tom')\n"
        "#=> prints 'Hi, Tom' to STDOUT."
    ]
    assert not any("prints" in t for t in texts(article, PassageKind.HEADING))


def test_code_indented_inside_a_list_item_is_code_not_emphasis() -> None:
    article = read_one(HUGO / "woocommerce-10-snippet.md")
    [code] = texts(article, PassageKind.CODE)
    assert code.startswith("/**\n * @snippet       Thêm ghi chú đặc biệt trên trang sản phẩm\n")
    assert code.endswith(
        "function bbloomer_display_pressure_badge() {\n"
        '    echo \'<div class="woocommerce-message">Order by 6pm and get it delivered tomorrow!'
        "</div>';\n}"
    )
    assert texts(article)[3].startswith("Thêm ghi chú đặc biệt dưới tên của sản phẩm.")


def test_fences_holding_rules_headings_and_quotes_stay_code() -> None:
    article = read_one(JEKYLL / "markdown-vi.html.markdown")
    assert article.languages == ["vi"]  # the "***" inside a fence splits nothing
    code = texts(article, PassageKind.CODE)
    assert "***\n---\n- - -\n****************" in code
    assert any(c.startswith("# Đây là đầu mục <h1>\n## Đây là đầu mục <h2>") for c in code)
    assert not any("Đây là đầu mục" in t for t in texts(article, PassageKind.HEADING))
    assert '```ruby\ndef foobar\n    puts "Hello world!"\nend\n```' in code  # <pre><code>


def test_liquid_and_hugo_highlight_blocks_are_code() -> None:
    vietstack = read_one(JEKYLL / "2017-03-23-Cautruc-blog-vietstack.md")
    assert vietstack.title == {"vi": "Cấu trúc blog VietStack"}
    [header_example, markdown_example] = texts(vietstack, PassageKind.CODE)
    assert header_example.startswith('---\nlayout: post\ntitle: "Cấu trúc blog VietStack"\n')
    assert markdown_example == "đặt cú pháp markdown vào đây"
    setup = read_one(HUGO / "setup-general.md", include_drafts=True)
    assert (
        "> update.packages(ask = FALSE, checkBuilt = TRUE)\n# or\n"
        "> devtools::upgrade_packages(TRUE)" in texts(setup, PassageKind.CODE)
    )
    assert not texts(setup, PassageKind.QUOTE)
    primer = read_one(HUGO / "goisforlovers.md")
    assert "{{ range array }}\n    {{ . }}\n{{ end }}" in texts(primer, PassageKind.CODE)
    assert any(c.startswith('---\ntitle: "Permalinks"\n') for c in texts(primer, PassageKind.CODE))
    jekyll = read_one(JEKYLL / "2013-08-16-markup-syntax-highlighting.md")
    code = texts(jekyll, PassageKind.CODE)
    assert 'def print_hi(name)\n  puts "Hi, #{name}"\nend' in code[4]  # fenced in a list item
    assert code[5].startswith('<nav class="pagination" role="navigation">\n  {% if page.previous')
    assert ".highlight {\n  margin: 0;" in code[1]  # {% highlight scss %}


def test_raw_pre_in_markdown_is_code_with_its_tabs() -> None:
    article = read_one(JEKYLL / "2013-01-11-markup-html-tags-and-formatting.md")
    assert ".post-title {\n\tmargin: 0 0 5px;\n\tfont-weight: bold;" in "".join(
        texts(article, PassageKind.CODE)
    )
    # kramdown's `{: .notice}` is markup in the text, and text in code that shows it.
    assert "Watch out! This paragraph of text has been emphasized with the {: .notice} class." in (
        texts(article)
    )
    assert "[Default Button](#) [Primary Button](#)" not in " ".join(texts(article))
    code = texts(article, PassageKind.CODE)
    assert any("[Default Button Text](#link){: .btn}" in c for c in code)
    assert "Default Button Primary Button Success Button" in " ".join(texts(article))


def test_list_items_are_one_passage_each() -> None:
    article = read_one(HUGO / "markdown-syntax.md")
    body = texts(article)
    start = body.index("First item")
    assert body[start : start + 3] == ["First item", "Second item", "Third item"]
    assert body[body.index("Fruit") : body.index("Fruit") + 4] == [
        "Fruit",
        "Apple",
        "Orange",
        "Banana",
    ]


# ---- 3. front matter --------------------------------------------------------------------------


def test_yaml_front_matter_gives_metadata_and_never_text() -> None:
    article = read_one(JEKYLL / "2017-07-10-lifesofar.md")
    assert article.title == {"vi": "Con đường học Toán của tôi"}
    assert article.source.published == "2017-07-10"
    assert article.tags == []
    assert not any("sc_project" in t or "layout" in t for t in texts(article))


def test_yaml_lists_dates_with_zones_authors_and_categories() -> None:
    release = read_one(JEKYLL / "2016-10-06-jekyll-3-3-is-here.md")
    assert release.title == {
        "en": "Jekyll 3.3 is here with better theme support, new URL filters, and tons more"
    }
    assert release.source.published == "2016-10-06"
    assert release.authors == ["parkr"]
    assert release.tags == ["release"]
    highlighting = read_one(JEKYLL / "2013-08-16-markup-syntax-highlighting.md")
    assert highlighting.tags == ["code", "syntax highlighting"]
    formatting = read_one(JEKYLL / "2013-01-11-markup-html-tags-and-formatting.md")
    assert formatting.tags == ["content", "css", "formatting", "html", "markup"]
    notes = read_one(HUGO / "markdown_notes.md")
    assert (notes.title, notes.source.published) == ({"en": "Markdown"}, "2025-10-17")


def test_description_is_the_subtitle_and_lang_names_the_language() -> None:
    vietstack = read_one(JEKYLL / "2017-03-23-Cautruc-blog-vietstack.md")
    assert vietstack.subtitle == {"vi": "Mô tả về cấu trúc blog của VietStack."}
    assert vietstack.tags == ["news", "vietstack"]
    assert vietstack.source.published == "2017-03-24"
    # learnxinyminutes: `language: json` is the programming language, `lang: vi-vn` the text's.
    assert read_one(JEKYLL / "json-vi.html.markdown").languages == ["vi"]


def test_toml_front_matter() -> None:
    shop = read_one(HUGO / "woocommerce-10-snippet.md")
    assert shop.title == {"vi": "WooCommerce: 10 snippet giúp nâng cao trải nghiệm khách hàng"}
    assert shop.subtitle["vi"].startswith("Có nhiều cách đơn giản để bạn nâng cao")
    assert shop.authors == ["viet.m"]
    assert shop.source.published == "2020-04-09"
    assert shop.tags == ["woocommerce tips", "woocommerce snippets"]
    primer = read_one(HUGO / "goisforlovers.md")
    assert primer.title == {"en": "(Hu)go Template Primer"}
    assert primer.tags == ["go", "golang", "templates", "themes", "development"]
    assert read_one(HUGO / "markdown-syntax.md").authors == ["Hugo Authors"]


def test_a_draft_is_skipped_by_title_unless_drafts_are_asked_for() -> None:
    with pytest.raises(DraftSkipped, match="“Setup: General”") as skipped:
        read_markdown((HUGO / "setup-general.md").read_text("utf-8"), HUGO / "setup-general.md")
    assert skipped.value.titles == ["Setup: General"]
    assert "\n" not in str(skipped.value)
    # Reading the file names the draft among the skipped posts, as a Blogger draft is named.
    read = read_file(HUGO / "setup-general.md")
    assert (read.articles, read.skipped) == ([], [Skipped("Setup: General", DRAFT)])
    article = read_one(HUGO / "setup-general.md", include_drafts=True)
    assert article.title == {"en": "Setup: General"}
    assert article.source.published == "2019-01-01"
    assert article.tags == ["R", "Python"]


def test_malformed_yaml_is_one_human_line(tmp_path: Path) -> None:
    broken = tmp_path / "2017-07-10-lifesofar.md"
    shutil.copy(JEKYLL / "2017-07-10-lifesofar.md", broken)
    text = broken.read_text("utf-8").replace(
        'title: "Con đường học Toán của tôi"\n', 'title: "Con đường học Toán của tôi\n', 1
    )
    broken.write_text(text, "utf-8")
    with pytest.raises(ImportFailure) as failure:
        read_articles(broken)
    message = str(failure.value)
    assert "\n" not in message and "2017-07-10-lifesofar.md" in message
    assert "front matter" in message and "line" in message


def test_malformed_toml_is_one_human_line(tmp_path: Path) -> None:
    broken = tmp_path / "hello.md"
    text = (HUGO / "hello.md").read_text("utf-8").replace('tags = ["random thoughts"]', "tags = [")
    broken.write_text(text, "utf-8")
    with pytest.raises(ImportFailure, match=r"hello\.md.*front matter") as failure:
        read_articles(broken)
    assert "\n" not in str(failure.value)


_header_pieces = st.sampled_from(
    [
        "title: ",
        "date: ",
        "tags: ",
        "draft: ",
        "lang: ",
        "authors:\n  - ",
        "- ",
        "  ",
        "\n",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "#",
        "&a ",
        "*a",
        "2020-02-30",
        "2016-10-06 11:10 -0700",
        "true",
        "null",
        "!!binary YWJj",
        "Tiếng Việt",
        "vi-vn",
        "=",
        "[author]",
        "\t",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["---", "+++"]),
    st.lists(st.one_of(_header_pieces, st.text(max_size=8)), max_size=30).map("".join),
)
def test_any_front_matter_gives_an_article_or_one_human_line(fence: str, header: str) -> None:
    text = f"{fence}\n{header}\n{fence}\n\nĐoạn văn bản của bài viết.\n"
    try:
        articles = read_markdown(text, Path("post.md"))
    except ImportFailure as failure:
        assert str(failure) and "\n" not in str(failure)
        return
    [article] = articles
    *before, last = texts(article)
    assert last == "Đoạn văn bản của bài viết."
    # Anything else is text that stood between two rules: the header's own letters, kept.
    for text in before:
        letters = iter(c for c in header if c.isalnum())
        assert all(c in letters for c in text if c.isalnum()), text


def test_yaml_aliases_are_refused_not_expanded(tmp_path: Path) -> None:
    laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)
    ]
    post = tmp_path / "laughs.md"
    post.write_text("---\ntitle: x\n" + "\n".join(laughs) + "\n---\n\nBody.\n", "utf-8")
    with pytest.raises(ImportFailure, match="aliases"):
        read_articles(post)


def test_a_rule_between_two_parts_in_one_language_is_a_section_break(tmp_path: Path) -> None:
    """`***` in an English post without `lang` is a horizontal rule, not a Vietnamese/English
    split: the whole real post stays one English article, every paragraph in order."""
    real = Path(__file__).parents[2] / "fixtures" / "real" / "hugo" / "markdown_notes.md"
    text = real.read_text(encoding="utf-8")
    at = text.index("## Lists")
    post = tmp_path / "notes.md"
    post.write_text(text[:at] + "***\n\n" + text[at:], encoding="utf-8")
    [article] = read_articles(post)
    [whole] = read_articles(real)
    assert list(article.passages) == ["en"]
    assert [p.text for p in article.passages["en"]] == [p.text for p in whole.passages["en"]]
