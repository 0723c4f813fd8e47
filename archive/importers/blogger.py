"""Blogger's own backups: Settings ▸ Back up content, and the Google Takeout `feed.atom`.

Both are one Atom feed with an entry per post, page, comment, setting and template. Only posts
become articles: published ones always, drafts and scheduled posts when asked; comments, pages,
settings, templates and trashed posts are skipped. The two exports mark an entry differently:

    Back up content (2008 format)                    Takeout (2018 format)
    <category scheme="…/g/2005#kind"                 <blogger:type>POST</blogger:type>
              term="…/blogger/2008/kind#post"/>      <blogger:status>LIVE</blogger:status>
    <app:control><app:draft>yes</app:draft>          <title>Europe&amp;#39;s …</title>
    <link rel="alternate" href="https://…html"/>     <blogger:filename>/2026/01/….html

A post's title "3342 - Cuộc chiến …" gives the blog post number. Its HTML becomes lines
(html_blocks) that are read exactly as the blog's text format reads them (text_post: authors,
subtitle, source URL, `***`, footer with related posts), so the same post imported from either
source is the same article with the same passages; headings, quotes and captions the HTML marks
keep that kind. Labels become tags, the feed's title the blog name, the publication date
Source.published. The post's own URL is not the source URL (that is the original article's);
it stands in as the identity only for a post with neither a source URL nor a number. The post's
address is the blog's address joined with `blogger:filename` (Takeout), else its alternate link;
the `tag:blogger.com,…` entry id is never an address. The language of each post is identified
(language.py). A post with a title and no text is a title-only article; one with neither is
skipped and named (outcome.Skipped), as are drafts left out. An export of comments only (the
Takeout Comments feed) holds nothing to import: NothingToImport. A root element in another
namespace prefix (`<ns0:feed>`, as ElementTree-based converters write) is the same Atom.

XML is parsed with defusedxml (no entity declarations, no external references) and
incrementally, an entry at a time. Pure functions; safe from any thread.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import IO
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from archive.errors import ImportFailure, NothingToImport
from archive.importers.html_blocks import Block, html_to_blocks
from archive.importers.language import assign_language
from archive.importers.outcome import DRAFT, NO_TEXT, FileRead, Skipped
from archive.importers.takeout import COMMENTS_ONLY
from archive.importers.text_post import POST_LINE, read_text_post
from archive.model import Article, Passage, PassageKind

ATOM = "{http://www.w3.org/2005/Atom}"
BLOGGER_2018 = "{http://schemas.google.com/blogger/2018}"
APP_NAMESPACES = ("{http://purl.org/atom/app#}", "{http://www.w3.org/2007/app}")
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
BLOGGER_TAG = "tag:blogger.com,"
_DRAFT_STATUSES = {"DRAFT", "SCHEDULED"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_FEED_START = re.compile(r"<(?:[\w.-]+:)?feed\b")
_UNBOUND_PREFIX = "unbound prefix"
# Prefixes Blogger's exports use; a file that uses one without declaring it gets it declared.
_KNOWN_PREFIXES = {
    "app": "http://purl.org/atom/app#",
    "blogger": "http://schemas.google.com/blogger/2008",
    "gd": "http://schemas.google.com/g/2005",
    "georss": "http://www.georss.org/georss",
    "openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
    "thr": "http://purl.org/syndication/thread/1.0",
}


@dataclass(frozen=True)
class BloggerPost:
    """One post entry of an export, before its HTML is read."""

    title: str
    html: str
    entry_id: str = ""  # "tag:blogger.com,1999:blog-….post-…", the same in both formats
    published: str | None = None  # ISO date
    labels: tuple[str, ...] = ()
    url: str | None = None  # the post's own address on the blog
    draft: bool = False
    blog_name: str | None = None  # the feed's title


@dataclass
class _Feed:
    """What the feed says about the blog, gathered from the elements before the entries."""

    title: str | None = None
    url: str | None = None
    is_blogger: bool = False
    namespaces: set[str] = field(default_factory=set)
    posts: int = 0  # post entries seen, drafts and trashed ones too
    comments: int = 0


def looks_like_blogger(head: str) -> bool:
    """True when the start of a file is an Atom feed written by Blogger."""
    if not head.lstrip().startswith("<"):
        return False  # a text or Markdown post that merely mentions a Blogger feed
    written_by_blogger = (
        "tag:blogger.com," in head or "schemas.google.com/blogger" in head or ">Blogger<" in head
    )
    return _FEED_START.search(head) is not None and written_by_blogger


def read_blogger(text: str, path: Path, *, include_drafts: bool = False) -> list[Article]:
    """Every post of a Blogger export as an Article; raises ImportFailure (one line) when the
    file is not well-formed XML or not a Blogger export."""
    return read_blogger_file(text, path, include_drafts=include_drafts).articles


def read_blogger_file(text: str, path: Path, *, include_drafts: bool = False) -> FileRead:
    """The export's articles and the posts it skipped (drafts, posts with no text)."""
    return _read_items(text, path, include_drafts)


def _read_items(text: str, path: Path, include_drafts: bool) -> FileRead:
    result = FileRead()
    items = iter_post_items(io.StringIO(text), path.name, include_drafts=include_drafts)
    for item in items:
        read = item if isinstance(item, Skipped) else read_post(item, path)
        if isinstance(read, Skipped):
            result.skipped.append(read)
        else:
            result.articles.append(read)
    return result


class _PrefixDeclaringStream:
    """Reads like `source`, with Blogger's usual prefixes declared on the root element where
    the file does not declare them itself (Blogger's own older backups use `app:` undeclared).
    A declaration nothing uses changes nothing, so a well-formed file reads as it is."""

    HEAD = 1 << 16

    def __init__(self, source: IO[str] | IO[bytes]) -> None:
        self._source = source
        self._head: str | bytes | None = None

    def read(self, size: int = -1) -> str | bytes:
        if self._head is None:
            self._head = _declare_known_prefixes(self._source.read(self.HEAD))
        if self._head:
            head, self._head = self._head, self._head[:0]
            return head
        return self._source.read(size)


def _declare_known_prefixes(head: str | bytes) -> str | bytes:
    """`head` with the known prefixes its root start tag lacks declared in that tag."""
    text = head.decode("utf-8", errors="replace") if isinstance(head, bytes) else head
    match = _FEED_START.search(text)
    end = text.find(">", match.end()) if match else -1
    if match is None or end < 0:
        return head
    root_tag = text[match.start() : end]
    missing = "".join(
        f' xmlns:{prefix}="{uri}"'
        for prefix, uri in _KNOWN_PREFIXES.items()
        if f"xmlns:{prefix}=" not in root_tag and f"{prefix}:" in text
    )
    if not missing:
        return head
    if isinstance(head, bytes):
        at = len(text[: match.end()].encode("utf-8"))
        return head[:at] + missing.encode("ascii") + head[at:]
    return text[: match.end()] + missing + text[match.end() :]


def iter_blogger_posts(
    text: str, path: Path | None = None, *, include_drafts: bool = False
) -> Iterator[Article]:
    """Yield an Article per imported post, in file order, so a long import can show progress.

    An ImportFailure can come after some articles were yielded (the file breaks off later):
    treat it as the failure of the whole file.
    """
    name = path.name if path is not None else "The file"
    posts = iter_post_entries(io.StringIO(text), name, include_drafts=include_drafts)
    return _articles_of(posts, path or Path(name))


def iter_blogger_file(path: Path, *, include_drafts: bool = False) -> Iterator[Article]:
    """As iter_blogger_posts, streaming from the file: an export far larger than memory
    allows as one string (a whole blog is ~70 KB a post) is read an entry at a time."""
    with path.open("rb") as stream:
        posts = iter_post_entries(stream, path.name, include_drafts=include_drafts)
        yield from _articles_of(posts, path)


def iter_post_entries(
    source: IO[str] | IO[bytes], name: str = "The file", *, include_drafts: bool = False
) -> Iterator[BloggerPost]:
    """The export's posts (drafts too when asked), with the blog's name and address applied."""
    for item in iter_post_items(source, name, include_drafts=include_drafts):
        if isinstance(item, BloggerPost):
            yield item


def iter_post_items(
    source: IO[str] | IO[bytes], name: str = "The file", *, include_drafts: bool = False
) -> Iterator[BloggerPost | Skipped]:
    """As iter_post_entries, with a Skipped in place of each draft left out. Raises
    NothingToImport at the end of a feed that held comments and no post at all."""
    feed = _Feed()
    for entry in _feed_entries(source, name, feed):
        item = _post_of(entry, feed, include_drafts)
        if item is not None:
            yield item
    if feed.posts == 0 and feed.comments > 0:
        raise NothingToImport(f"{name} holds {COMMENTS_ONLY}.", COMMENTS_ONLY)


def _articles_of(posts: Iterator[BloggerPost], path: Path) -> Iterator[Article]:
    for post in posts:
        article = article_of_post(post, path)
        if article is not None:
            yield article


# ---- the feed, an entry at a time -------------------------------------------------------------


def _feed_entries(source: IO[str] | IO[bytes], name: str, feed: _Feed) -> Iterator[Element]:
    """The feed's <entry> elements; each is dropped from memory once the caller has it."""
    root: Element | None = None
    depth = 0
    try:
        stream = _PrefixDeclaringStream(source)
        for event, item in iterparse(stream, events=("start", "end", "start-ns")):
            if event == "start-ns":
                feed.namespaces.add(item[1])
            elif event == "start":
                depth += 1
                root = root if root is not None else _checked_root(item, name)
            else:
                depth -= 1
                if depth == 1 and root is not None:
                    if item.tag == ATOM + "entry":
                        _require_blogger(feed, item, name)
                        yield item
                    else:
                        _note_feed_element(feed, item)
                    root.remove(item)  # keep memory flat on exports of thousands of posts
    except ParseError as error:
        line = error.position[0]
        if _UNBOUND_PREFIX in str(error):
            raise ImportFailure(
                f"{name} is not well-formed XML (line {line}: {_UNBOUND_PREFIX})."
            ) from None
        raise ImportFailure(f"{name} is not well-formed XML (line {line}).") from None
    except DefusedXmlException:
        raise ImportFailure(
            f"{name} declares XML entities or external references, which are refused for safety."
        ) from None
    except UnicodeError:
        raise ImportFailure(f"{name} contains characters that are not valid text.") from None
    if root is not None:
        _require_blogger(feed, None, name)


def _checked_root(root: Element, name: str) -> Element:
    if root.tag != ATOM + "feed":
        raise ImportFailure(f"{name} is XML but not an Atom feed, so not a Blogger export.")
    return root


def _note_feed_element(feed: _Feed, element: Element) -> None:
    if element.tag == ATOM + "title":
        feed.title = _clean(html.unescape(element.text or "")) or None
    elif element.tag == ATOM + "id":
        feed.is_blogger = feed.is_blogger or (element.text or "").strip().startswith(BLOGGER_TAG)
    elif element.tag == ATOM + "generator":
        feed.is_blogger = feed.is_blogger or (element.text or "").strip() == "Blogger"
    elif element.tag == ATOM + "link" and element.get("rel") == "alternate":
        feed.url = element.get("href") or feed.url


def _require_blogger(feed: _Feed, entry: Element | None, name: str) -> None:
    if feed.is_blogger or BLOGGER_2018[1:-1] in feed.namespaces:
        return
    if entry is not None and _text(entry, ATOM + "id").startswith(BLOGGER_TAG):
        feed.is_blogger = True
        return
    raise ImportFailure(f"{name} is an Atom feed but not a Blogger export.")


# ---- one entry --------------------------------------------------------------------------------


def _post_of(entry: Element, feed: _Feed, include_drafts: bool) -> BloggerPost | Skipped | None:
    """The entry as a post; a Skipped for a draft left out; None for a comment, page, setting,
    template or trashed post (not posts: nothing of the blog's text is lost)."""
    kind = _entry_kind(entry)
    if kind != "post":
        feed.comments += kind == "comment"
        return None
    feed.posts += 1
    status = _entry_status(entry)
    title = _clean(html.unescape(_text(entry, ATOM + "title")))
    if status == "TRASHED":
        return None
    if status in _DRAFT_STATUSES and not include_drafts:
        return Skipped(title or _text(entry, BLOGGER_2018 + "filename") or "(untitled)", DRAFT)
    return BloggerPost(
        title=title,
        html=_content_html(entry),
        entry_id=_text(entry, ATOM + "id"),
        published=_iso_date(_text(entry, ATOM + "published")),
        labels=_labels(entry),
        url=_post_url(entry, feed),
        draft=status in _DRAFT_STATUSES,
        blog_name=feed.title,
    )


def _entry_kind(entry: Element) -> str:
    """ "post", "page", "comment", "settings", "template"… in either export format."""
    kind = _text(entry, BLOGGER_2018 + "type")
    if kind:
        return kind.lower()
    for category in entry.iter(ATOM + "category"):
        if category.get("scheme") == KIND_SCHEME:
            return (category.get("term") or "").rpartition("#")[2].lower()
    # A plain blogspot feed has no kind: its entries are posts, recognisable by their id.
    return "post" if ".post-" in _text(entry, ATOM + "id") else "unknown"


def _entry_status(entry: Element) -> str:
    """LIVE, DRAFT, SCHEDULED or TRASHED."""
    status = _text(entry, BLOGGER_2018 + "status").upper()
    if "TRASH" in status or "DELETED" in status or _text(entry, BLOGGER_2018 + "trashed"):
        return "TRASHED"
    if status:
        return status
    for app in APP_NAMESPACES:
        if _text(entry, f"{app}control/{app}draft").lower() == "yes":
            return "DRAFT"
    return "LIVE"


def _content_html(entry: Element) -> str:
    content = entry.find(ATOM + "content")
    if content is None:
        return ""
    if content.get("type") == "text":
        return html.escape(content.text or "").replace("\n", "<br>")
    if content.get("type") == "xhtml":
        return html.escape("\n".join(content.itertext())).replace("\n", "<br>")
    return content.text or ""


def _labels(entry: Element) -> tuple[str, ...]:
    labels: dict[str, None] = {}  # ordered and without repeats
    for category in entry.iter(ATOM + "category"):
        term = _clean(html.unescape(category.get("term") or ""))
        if term and category.get("scheme") != KIND_SCHEME:
            labels[term] = None
    return tuple(labels)


def _post_url(entry: Element, feed: _Feed) -> str | None:
    filename = _text(entry, BLOGGER_2018 + "filename")  # Takeout keeps only the path
    if filename and feed.url:
        return urljoin(feed.url, filename)
    for link in entry.iter(ATOM + "link"):
        if link.get("rel") == "alternate" and link.get("href"):
            return link.get("href")
    return filename or None


def _text(element: Element, path: str) -> str:
    return (element.findtext(path) or "").strip()


def _clean(text: str) -> str:
    return " ".join(text.split())


def _iso_date(timestamp: str) -> str | None:
    # The date as the blog showed it: the timestamp is in the blog's own time zone.
    match = _ISO_DATE.match(timestamp)
    return match.group(0) if match else None


# ---- post → article ---------------------------------------------------------------------------


def article_of_post(post: BloggerPost, path: Path) -> Article | None:
    """The post as an Article, or None when it has neither a title nor text."""
    read = read_post(post, path)
    return read if isinstance(read, Article) else None


def read_post(post: BloggerPost, path: Path) -> Article | Skipped:
    """The post as an Article in its own language, or a Skipped naming a post with no title
    and no text (an image-only post)."""
    article = _article_of(post, path)
    if article is None or not (article.passages or article.title):
        return Skipped(post.title or _slug_words(post.url) or "(untitled)", NO_TEXT)
    assign_language(article)
    return article


def _slug_words(url: str | None) -> str:
    """ "…/2009/02/hate-you.html" → "hate you": how a post without a title is named. Blogger
    makes the address from the title, or from the first words of the text."""
    stem = PurePosixPath(urlsplit(url or "").path).stem
    return " ".join(re.split(r"[-_]+", stem)).strip()


def _article_of(post: BloggerPost, path: Path) -> Article | None:
    blocks, code = _code_as_placeholders(html_to_blocks(post.html))
    header = POST_LINE.match(post.title)
    number = int(header.group(1)) if header else None
    title = header.group(2).strip() if header else post.title
    # The text-post importer owns a post's layout; handing it the same lines under the same
    # "number - title" header makes a post read the same from the blog's text and its export.
    # It needs a header to start, so a post without a number gets 0 until the article is back.
    lines = [f"{number or 0} - {title or '(untitled)'}", *(b.text for b in blocks)]
    try:
        [article] = read_text_post("\n".join(lines), path, layout_only=True)
    except ImportFailure:
        return None
    article.blog_post_number = number
    if not title:
        article.title.pop("vi", None)
    _apply_marked_kinds(article, blocks)
    _restore_code(article, code)
    _apply_post_metadata(article, post)
    return article


def _code_as_placeholders(blocks: list[Block]) -> tuple[list[Block], dict[str, str]]:
    """A `<pre>` block stands in the text-post layout as one placeholder line, so its lines
    are neither split into passages nor read as headings; _restore_code puts it back."""
    code: dict[str, str] = {}
    shown = []
    for block in blocks:
        if block.kind is PassageKind.CODE:
            placeholder = f"\ue000code {len(code)}\ue000"
            code[placeholder] = block.text
            block = Block(placeholder, PassageKind.CODE)
        shown.append(block)
    return shown, code


def _restore_code(article: Article, code: dict[str, str]) -> None:
    if not code:
        return
    for lang, passages in article.passages.items():
        article.passages[lang] = [
            replace(p, kind=PassageKind.CODE, text=code[p.text]) if p.text in code else p
            for p in passages
        ]


def _apply_post_metadata(article: Article, post: BloggerPost) -> None:
    article.tags = list(post.labels)
    article.blog_name = post.blog_name
    article.post_url = post.url if post.url and urlsplit(post.url).scheme else None
    article.source.published = post.published
    if article.source.url is None and article.blog_post_number is None:
        # Nothing else identifies this post, and without an identity every re-import would add
        # it again. The entry id is never used: it is no address, and citations show the URL.
        # A post without any address (Takeout without the blog's) is known by its title.
        article.source.url = article.post_url


def _apply_marked_kinds(article: Article, blocks: list[Block]) -> None:
    """Give passages the kind their HTML stated (heading, quote, caption), where it did."""
    end = len(blocks)
    for lang in ("en", "vi"):  # English passages come last, so match them first, from the end
        if lang in article.passages:
            article.passages[lang], end = _match_from_end(article.passages[lang], blocks[:end])


def _match_from_end(passages: list[Passage], blocks: list[Block]) -> tuple[list[Passage], int]:
    """Pair each passage with the last unpaired block of the same text, walking backwards.

    The text-post reader only drops lines (title, authors, subtitle, the URL, the footer) and
    keeps the others in order, so this finds each passage's own line. Returns the passages with
    marked kinds and the index of the first paired block.
    """
    result = list(passages)
    cursor = len(blocks)
    for i in range(len(passages) - 1, -1, -1):
        text = passages[i].text
        found = next((j for j in range(cursor - 1, -1, -1) if blocks[j].text == text), None)
        if found is None:
            continue  # cannot happen while text_post keeps lines intact; leave the kind alone
        cursor = found
        kind = blocks[found].kind
        if kind is not None and kind != passages[i].kind:
            result[i] = replace(passages[i], kind=kind)
    return result, cursor
