"""Web pages saved from a browser (.html/.htm, "HTML only" or "complete" with a _files folder).

The article text comes from readability-lxml, which picks the page's main content block and
leaves menus, sidebars, comments, share bars and footers out; its HTML is then read into lines
by html_blocks, like a Blogger post, so text keeps its words, order and no-break spaces.
trafilatura was measured on the same pages and not used for the text: it rewrites what it
keeps (it dropped a paragraph written between <br> lines on blog.python.org and a paragraph
that repeats an earlier one), while readability keeps every line of the block it chooses.
trafilatura does read metadata best, so the title, authors, date, site name, canonical URL
and tags come from its extract_metadata (canonical link, Open Graph, `article:` tags,
JSON-LD, Dublin Core).

A page saved from a Blogger blog is read as the backup reads the post: its post body, title
("3342 - Title" gives the post number), labels and the popular-posts list of "number - title"
lines as related posts go through the Blogger importer, so both sources give one article.

Decoding: a byte-order mark decides; else valid UTF-8 is UTF-8, whatever the page declares
(pages re-saved by editors keep a stale <meta charset>); else the declared charset; else the
best guess. Nothing is fetched: no library here opens a connection for a page given as text.
Pure functions; safe from any thread.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from archive.errors import ImportFailure
from archive.importers.authors import split_authors
from archive.importers.blogger import BloggerPost, article_of_post
from archive.importers.html_blocks import html_to_blocks
from archive.importers.publications import publication_for_url
from archive.importers.text_post import POST_LINE
from archive.model import Article, Passage, PassageKind, RelatedPost, Source

if TYPE_CHECKING:
    from lxml.html import HtmlElement

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_BLOGGER_GENERATOR = re.compile(
    r"""<meta[^>]+content=["']blogger["'][^>]+name=["']generator"""
    r"""|<meta[^>]+name=["']generator["'][^>]+content=["']blogger""",
    re.IGNORECASE,
)
_AUTHOR_SEPARATORS = re.compile(r"\s*;\s*")


_TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".mdown", ".mkd", ".mkdn"})


def looks_like_saved_page(path: Path, head: str) -> bool:
    """An .html/.htm file, or a file of no text suffix that opens like an HTML document (a
    Markdown file may well start with raw HTML and stays Markdown)."""
    suffix = path.suffix.lower()
    if suffix in PAGE_SUFFIXES:
        return True
    return suffix not in _TEXT_SUFFIXES and _HTML_START.match(head) is not None


def decode_page(data: bytes) -> str:
    """The page's text, whatever its declared charset says (see the module docstring)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:8192])
    if declared:
        try:
            charset = (declared.group(1) or declared.group(2)).decode("ascii")
            return data.decode(charset, errors="replace")
        except LookupError:
            pass  # a charset Python does not know: guess instead
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("cp1252", errors="replace")


def read_saved_page(data: bytes, path: Path) -> list[Article]:
    """The article of one saved page; raises ImportFailure when it has no article text."""
    # Imported here: lxml, readability and trafilatura take a second to import, which an
    # archive that never sees a web page should not pay at start-up.
    import lxml.html
    from lxml.etree import ParserError
    from trafilatura.metadata import extract_metadata

    text = _XML_DECLARATION.sub("", decode_page(data), count=1)
    if not text.strip():
        raise ImportFailure(f"{path.name} is empty.")
    if "\x00" in text:
        raise ImportFailure(f"{path.name} is a binary file, not text.")
    try:
        tree = lxml.html.document_fromstring(text)
    except (ParserError, ValueError):
        raise ImportFailure(f"{path.name} is not an HTML page Song Ngữ can read.") from None
    meta = extract_metadata(tree)
    blogger = _blogger_post(tree, text, meta)
    if blogger is not None:
        article = article_of_post(blogger, path)
        if article is not None:
            article.related = article.related or _popular_posts(tree)
            return [article]
    return [_page_article(text, meta, path)]


def _page_article(text: str, meta: object, path: Path) -> Article:
    from readability import Document

    try:
        main = Document(text).summary(html_partial=True)
    except Exception:  # readability raises its own Unparseable and lxml's errors alike
        raise ImportFailure(f"{path.name} is not an HTML page Song Ngữ can read.") from None
    title = _clean(getattr(meta, "title", None) or "")
    blocks = html_to_blocks(main)
    if blocks and title and blocks[0].text == title:
        blocks = blocks[1:]  # the page repeats its title as the first heading
    if not blocks and not title:
        raise ImportFailure(f"{path.name} is a web page with no article text in it.")
    url = getattr(meta, "url", None) or None
    article = Article(
        authors=_authors(getattr(meta, "author", None)),
        source=Source(
            url=url,
            publication=getattr(meta, "sitename", None) or publication_for_url(url),
            published=getattr(meta, "date", None),
        ),
        tags=_tags(meta),
    )
    if title:
        article.title["vi"] = title  # the language is decided for the whole article later
    passages = [Passage(i, b.kind or PassageKind.PARAGRAPH, b.text) for i, b in enumerate(blocks)]
    if passages:
        article.passages["vi"] = passages
    return article


def _blogger_post(tree: HtmlElement, text: str, meta: object) -> BloggerPost | None:
    """The saved page as a Blogger post, when Blogger wrote it and it shows one post body."""
    if not _BLOGGER_GENERATOR.search(text[:20000]):
        return None
    bodies = tree.find_class("post-body")
    if len(bodies) != 1:
        return None  # a home or label page: many posts, read it as a page instead
    titles = tree.find_class("post-title")
    title = _clean(titles[0].text_content()) if titles else _clean(getattr(meta, "title", "") or "")
    body = bodies[0]
    inner = (body.text or "") + "".join(_markup(child) for child in body)
    return BloggerPost(
        title=title,
        html=inner,
        published=_published(tree) or getattr(meta, "date", None),
        labels=tuple(
            dict.fromkeys(
                _clean(a.text_content())
                for node in tree.find_class("post-labels")
                for a in node.iter("a")
                if _clean(a.text_content())
            )
        ),
        url=getattr(meta, "url", None) or None,
        blog_name=getattr(meta, "sitename", None) or None,
    )


def _published(tree: HtmlElement) -> str | None:
    for node in tree.find_class("published"):
        stamp = node.get("title") or node.get("datetime") or ""
        if re.match(r"\d{4}-\d{2}-\d{2}", stamp):
            return stamp[:10]
    return None


def _popular_posts(tree: HtmlElement) -> list[RelatedPost]:
    """The blog's "popular posts" / related-posts lists, where a title is "number - title"."""
    related: dict[int, RelatedPost] = {}
    for cls in ("PopularPosts", "related-posts", "popular-posts"):
        for widget in tree.find_class(cls):
            for link in widget.iter("a"):
                match = POST_LINE.match(_clean(link.text_content()))
                if match and int(match.group(1)) not in related:
                    number = int(match.group(1))
                    related[number] = RelatedPost(number, match.group(2).strip())
    return list(related.values())


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    names = [name for part in _AUTHOR_SEPARATORS.split(value) for name in split_authors(part)]
    return list(dict.fromkeys(names))


def _tags(meta: object) -> list[str]:
    values = [*(getattr(meta, "tags", None) or []), *(getattr(meta, "categories", None) or [])]
    return list(dict.fromkeys(_clean(v) for v in values if _clean(v)))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _markup(element: HtmlElement) -> str:
    import lxml.html

    markup: str = lxml.html.tostring(element, encoding="unicode")
    return markup
