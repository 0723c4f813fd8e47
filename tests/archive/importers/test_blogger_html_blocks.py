"""Blogger post HTML → text blocks: one block per visible line, kinds where the markup says."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from archive.importers.html_blocks import Block, html_to_blocks
from archive.model import PassageKind

H, Q, C = PassageKind.HEADING, PassageKind.QUOTE, PassageKind.CAPTION


def texts(html: str) -> list[str]:
    return [b.text for b in html_to_blocks(html)]


def test_paragraphs_divs_and_line_breaks_all_make_lines() -> None:
    html = "<p>one</p><div>two</div>three<br />four<br><br/>five<div><br /></div><div>six</div>"
    assert texts(html) == ["one", "two", "three", "four", "five", "six"]


def test_nbsp_is_kept_and_ascii_whitespace_collapses() -> None:
    html = "<p>Samuel Charap&nbsp; and&nbsp; Hiski\n   Haukkala</p><p>&nbsp;</p>"
    assert texts(html) == ["Samuel Charap\u00a0 and\u00a0 Hiski Haukkala"]


def test_inline_markup_stays_inside_its_line() -> None:
    html = '<p>Nga <b>không</b> quan <a href="x">tâm</a><span style="a">.</span></p>'
    assert texts(html) == ["Nga không quan tâm."]


def test_entities_are_decoded() -> None:
    assert texts("<p>Europe&#8217;s &amp; Russia&rsquo;s &lt;war&gt;</p>") == [
        "Europe’s & Russia’s <war>"
    ]


def test_headings_quotes_and_captions_carry_their_kind() -> None:
    html = (
        '<h3 style="text-align: left;">Point of no return</h3>'
        "<blockquote><p>first</p>second<br />third</blockquote>"
        '<table class="tr-caption-container"><tbody><tr><td><a href="p.jpg"><img src="p.jpg" />'
        '</a></td></tr><tr><td class="tr-caption">Soldiers, 2025 Owen Humphreys / Reuters</td>'
        "</tr></tbody></table>"
        "<figure><img src='x.png'><figcaption>A map</figcaption></figure>"
        "<p>plain</p>"
    )
    assert html_to_blocks(html) == [
        Block("Point of no return", H),
        Block("first", Q),
        Block("second", Q),
        Block("third", Q),
        Block("Soldiers, 2025 Owen Humphreys / Reuters", C),
        Block("A map", C),
        Block("plain", None),
    ]


def test_a_heading_inside_a_quote_is_a_heading() -> None:
    assert html_to_blocks("<blockquote><h2>T</h2><p>q</p></blockquote>") == [
        Block("T", H),
        Block("q", Q),
    ]


def test_scripts_styles_and_images_add_no_text() -> None:
    html = "<style>p{color:red}</style><p>a<img src='x' alt='photo'/></p><script>x<1</script>b"
    assert texts(html) == ["a", "b"]


def test_unclosed_and_stray_tags_are_tolerated() -> None:
    html = "<div><p>open <i>italic</p></blockquote></h3>after<h2>head"
    assert html_to_blocks(html) == [Block("open italic"), Block("after"), Block("head", H)]


def test_unicode_line_separators_end_a_line() -> None:
    assert texts("<p>one\u2028two</p>") == ["one", "two"]


@given(st.text(alphabet=st.sampled_from(list("<>/=\"'&;#! abpdivbrh3qu\n\u00a0x"))))
def test_any_markup_soup_gives_stripped_nonblank_lines(html: str) -> None:
    for block in html_to_blocks(html):
        assert block.text == block.text.strip()
        assert block.text
        assert "\n" not in block.text


def test_pre_from_a_real_post_is_one_code_block_with_its_lines() -> None:
    real = Path(__file__).parents[2] / "fixtures" / "real" / "jekyll"
    text = (real / "markdown-vi.html.markdown").read_text("utf-8")
    found = re.search(
        r'<pre><code class="highlight">&#x5b;<span class="nv">Nh.*?</pre>', text, re.DOTALL
    )
    assert found is not None
    assert html_to_blocks(found.group(0)) == [
        Block(
            "[Nhấn vào đây][link1] để xem thêm!\n"
            "[Ngoài ra nhấn vào đây][foobar] nếu bạn muốn xem qua.\n\n"
            '[link1]: http://test.com/ "Tuyệt!"\n[foobar]: http://foobar.biz/ "Tốt!"',
            PassageKind.CODE,
        )
    ]
    tabs = (real / "2013-01-11-markup-html-tags-and-formatting.md").read_text("utf-8")
    pre = tabs[tabs.index("<pre>") : tabs.index("</pre>") + len("</pre>")]
    [block] = html_to_blocks(pre)
    assert block.kind is PassageKind.CODE
    assert block.text.startswith(".post-title {\n\tmargin: 0 0 5px;\n\tfont-weight: bold;")


def test_line_breaks_written_as_br_inside_pre_stay_line_breaks() -> None:
    # Blogger's editor writes a code box's lines as <br /> inside <pre>.
    html = "<p>Ví dụ:</p><pre>for i in range(3):<br />    print(i)<br /></pre><p>Xong.</p>"
    assert html_to_blocks(html) == [
        Block("Ví dụ:"),
        Block("for i in range(3):\n    print(i)", PassageKind.CODE),
        Block("Xong."),
    ]


def test_a_blogger_post_with_pre_keeps_it_as_one_code_passage(tmp_path: Path) -> None:
    """The real `<pre>` of a real post, inside a Blogger entry: one code passage with its
    lines, between the post's paragraphs — not one passage per line, nor a heading."""
    from xml.sax.saxutils import escape

    from archive.importers import read_articles

    real = Path(__file__).parents[2] / "fixtures" / "real" / "jekyll"
    tabs = (real / "2013-01-11-markup-html-tags-and-formatting.md").read_text("utf-8")
    pre = tabs[tabs.index("<pre>") : tabs.index("</pre>") + len("</pre>")]
    body = f"<p>Here is the stylesheet this theme uses for its post titles.</p>{pre}<p>Done.</p>"
    export = tmp_path / "blog.xml"
    export.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<feed xmlns='http://www.w3.org/2005/Atom'>"
        "<entry><id>tag:blogger.com,1999:blog-1.post-2</id>"
        "<published>2012-01-02T10:00:00.000+07:00</published>"
        "<category scheme='http://schemas.google.com/g/2005#kind'"
        " term='http://schemas.google.com/blogger/2008/kind#post'/>"
        f"<title type='text'>Post titles</title><content type='html'>{escape(body)}</content>"
        "<link rel='alternate' type='text/html' href='http://x.blogspot.com/2012/01/t.html'/>"
        "</entry></feed>",
        encoding="utf-8",
    )
    [article] = read_articles(export)
    [(lang, passages)] = article.passages.items()
    assert [p.kind for p in passages] == [
        PassageKind.PARAGRAPH,
        PassageKind.CODE,
        PassageKind.PARAGRAPH,
    ]
    assert passages[1].text.startswith(".post-title {\n\tmargin: 0 0 5px;\n\tfont-weight: bold;")
    assert passages[1].text == html_to_blocks(pre)[0].text
