"""An excerpt of a code passage keeps its lines in every export format."""

from __future__ import annotations

import json
from pathlib import Path

from archive.export.citation import excerpt_from_passage
from archive.export.exporters import to_html, to_json, to_markdown, to_text
from archive.importers import read_articles
from archive.model import Article, PassageKind

REAL = Path(__file__).parents[2] / "fixtures" / "real"


def code_excerpt_of(relative: str) -> tuple[Article, str, int]:
    [article] = read_articles(REAL / relative)
    article = article.with_id(5)
    [lang] = article.languages
    code = next(p for p in article.passages[lang] if p.kind is PassageKind.CODE)
    return article, lang, code.index


def test_markdown_html_and_text_keep_a_code_excerpts_lines() -> None:
    article, lang, index = code_excerpt_of("jekyll/2016-02-24-welcome-to-jekyll.md")
    excerpt = excerpt_from_passage(article, lang, index)
    markdown = to_markdown([excerpt])
    assert (
        "> ```\n> def print_hi(name)\n>   puts \"Hi, #{name}\"\n> end\n> print_hi('Tom')\n"
        "> #=> prints 'Hi, Tom' to STDOUT.\n> ```"
    ) in markdown
    page = to_html([excerpt])
    assert (
        '<pre class="code">def print_hi(name)\n  puts &quot;Hi, #{name}&quot;\nend\n'
        "print_hi(&#x27;Tom&#x27;)\n#=&gt; prints &#x27;Hi, Tom&#x27; to STDOUT.</pre>"
    ) in page
    text = to_text([excerpt])
    assert '    def print_hi(name)\n      puts "Hi, #{name}"\n    end\n' in text
    assert (
        json.loads(to_json([excerpt]))["first"]["items"][0]["target"]["selector"]["exact"]
        == article.passages[lang][index].text
    )


def test_a_prose_excerpt_is_unchanged_beside_code() -> None:
    article, lang, index = code_excerpt_of("jekyll/2016-02-24-welcome-to-jekyll.md")
    prose = excerpt_from_passage(article, lang, index - 1)
    assert to_markdown([prose]).count("> ") == 1
    assert "<pre" not in to_html([prose])
