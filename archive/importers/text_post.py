"""The blog's plain-text post format, as in the bundled seed article.

    3342 - Cuộc chiến tiếp theo của châu Âu          ← blog post number - Vietnamese title
    Samuel Charap and Hiski Haukkala                 ← authors (optional)
    Nguy cơ xung đột NATO-Nga ngày càng gia tăng     ← Vietnamese subtitle (optional)
    … Vietnamese body, one paragraph a line …
    https://www.foreignaffairs.com/russia/…          ← the source (optional, anywhere)
    ***                                              ← the English part follows (optional)
    Europe’s Next War                                ← English title
    The Rising Risk of NATO-Russia Conflict          ← English subtitle (optional)
    … English body …
    Nhận xét                                         ← Blogger footer (optional): comments,
    Bài đăng phổ biến từ blog này                       popular posts, then related posts
    2945 - Chi tiết 'Chiến dịch Mạng nhện' …            "number - title"

Blank lines are ignored; every other line is one block. Footer lines are metadata, never body.

A text file in this format has its header read as above. A post that only passes through this
reader (a Blogger post, read from its HTML: `layout_only`) has its authors and subtitle lines
guessed only when it shows this layout, a source URL line or two parts in two languages; any
other post (written freely, a poem, a table) starts its body with its first line.
`***` splits the Vietnamese part from the English one only where the text before and after it
really is in two languages (language.identify); otherwise it is a section break. A post of
only a link or a byline keeps that line as its text, and a post with a title and nothing
else is a title-only article.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from archive.errors import ImportFailure
from archive.importers.authors import BY_PREFIX, looks_like_authors, split_authors
from archive.importers.language import identify
from archive.importers.passage_kinds import classify_blocks, strip_block
from archive.importers.publications import publication_for_url
from archive.model import Article, Passage, RelatedPost, Source

# "3342 - Title": ASCII digits, then a hyphen or dash with a space on at least one side, so a
# date such as "2008-Jan-14 - Marche Moderne" is a title, not post 2008.
POST_LINE = re.compile(r"^([0-9]{1,7})(?:\s+[-–—]\s*|[-–—]\s+)(\S.*)$")
_SEPARATOR = re.compile(r"^\*\s*\*\s*\*$")
_URL_LINE = re.compile(r"^https?://\S+$", re.IGNORECASE)
_COMMENTS = re.compile(r"^(?:nhận xét|đăng nhận xét|comments|post a comment)(?:\s*\(\d+\))?:?$")
_POPULAR = re.compile(r"^(?:bài đăng phổ biến từ blog này|popular posts from this blog)$")
TITLE_MAX_WORDS = 25
SUBTITLE_MAX_WORDS = 30


def looks_like_text_post(head: str) -> bool:
    """True when the first non-blank line is a "NNNN - title" header."""
    for line in head.splitlines():
        if strip_block(line):
            return POST_LINE.match(strip_block(line)) is not None
    return False


def read_text_post(text: str, path: Path, *, layout_only: bool = False) -> list[Article]:
    """Parse one post; raises ImportFailure when it has no "number - title" header.

    A post with a title and no text is returned as a title-only article (no passages).
    `layout_only`: guess authors and subtitle only for a post in the format's full layout.
    """
    blocks = [b for b in (strip_block(line) for line in text.splitlines()) if b]
    header = POST_LINE.match(blocks[0]) if blocks else None
    if header is None:
        raise ImportFailure(f"{path.name} does not start with a “number - title” line.")
    body, related = _split_footer(blocks[1:])
    url = next((b for b in body if _URL_LINE.match(b)), None)
    if url is not None:
        body.remove(url)
    vi_blocks, en_blocks = _split_languages(body)
    article = Article(
        blog_post_number=int(header.group(1)),
        source=Source(url=url, publication=publication_for_url(url)),
        related=related,
    )
    in_layout = not layout_only or url is not None or bool(en_blocks)
    _fill_vietnamese(article, header.group(2).strip(), vi_blocks, in_layout)
    _fill_english(article, en_blocks)
    if not article.passages and (body or url):
        _keep_lines_as_text(article, [*body, *([url] if url else [])])
    return [article]


def _keep_lines_as_text(article: Article, lines: list[str]) -> None:
    """A post of only a link or a byline: those lines are its text, not its metadata."""
    article.authors = []
    article.subtitle.clear()
    article.title = {"vi": article.title["vi"]} if "vi" in article.title else {}
    article.source = Source()
    lines = [line for line in lines if not _SEPARATOR.match(line)]
    _set_passages(article, "vi", classify_blocks(lines))


def _marker(block: str) -> str:
    return unicodedata.normalize("NFC", " ".join(block.split())).casefold()


def _split_footer(blocks: list[str]) -> tuple[list[str], list[RelatedPost]]:
    """Separate the Blogger footer (comments, popular posts, related posts) from the body."""
    start = _footer_start(blocks)
    related = []
    for block in blocks[start:]:
        match = POST_LINE.match(block)
        if match:
            related.append(RelatedPost(int(match.group(1)), match.group(2).strip()))
    return blocks[:start], related


def _footer_start(blocks: list[str]) -> int:
    markers = [_marker(b) for b in blocks]
    popular = next((i for i, m in enumerate(markers) if _POPULAR.match(m)), None)
    if popular is not None:
        # Everything from "popular posts" on is Blogger chrome; a comments heading may precede.
        start = popular
        while start > 0 and _COMMENTS.match(markers[start - 1]):
            start -= 1
        return start
    # Without a popular-posts list, only a trailing run of comment headings and related-post
    # lines that begins with a comment heading is footer.
    start = len(blocks)
    while start > 0 and (_COMMENTS.match(markers[start - 1]) or POST_LINE.match(blocks[start - 1])):
        start -= 1
    while start < len(blocks) and not _COMMENTS.match(markers[start]):
        start += 1
    return start


def _split_languages(blocks: list[str]) -> tuple[list[str], list[str]]:
    """The Vietnamese and English parts: split at the first `***` with text in two different
    languages around it. Every other `***` is a section break, which holds no text."""
    breaks = [i for i, block in enumerate(blocks) if _SEPARATOR.match(block)]
    for i in breaks:
        before = [b for b in blocks[:i] if not _SEPARATOR.match(b)]
        after = [b for b in blocks[i + 1 :] if not _SEPARATOR.match(b)]
        if before and after and not _same_language(before, after):
            return before, after
    if not breaks:
        return blocks, []
    return [b for b in blocks if not _SEPARATOR.match(b)], []


def _same_language(first: list[str], second: list[str]) -> bool:
    # Undecided (too little text on one side) counts as different: the layout's own reading.
    language = identify(" ".join(first))
    return language is not None and language == identify(" ".join(second))


def _word_count(block: str) -> int:
    return len(block.replace("\u00a0", " ").split())


def _looks_like_subtitle(block: str) -> bool:
    return _word_count(block) <= SUBTITLE_MAX_WORDS and not block.endswith(".")


def _fill_vietnamese(article: Article, title: str, blocks: list[str], in_layout: bool) -> None:
    article.title["vi"] = title
    rest = list(blocks)
    if in_layout and rest and looks_like_authors(rest[0]):
        article.authors = split_authors(rest.pop(0))
    if in_layout and len(rest) > 1 and _looks_like_subtitle(rest[0]):
        article.subtitle["vi"] = rest.pop(0)
    _set_passages(article, "vi", classify_blocks(rest))


def _fill_english(article: Article, blocks: list[str]) -> None:
    rest = list(blocks)
    if rest and _word_count(rest[0]) <= TITLE_MAX_WORDS and not rest[0].endswith("."):
        article.title["en"] = rest.pop(0)
    for _ in range(2):  # a subtitle and a "By …" line, in either order
        if rest and _is_english_byline(rest[0], article.authors):
            names = split_authors(rest.pop(0))
            article.authors = article.authors or names
        elif len(rest) > 1 and "en" not in article.subtitle and _looks_like_subtitle(rest[0]):
            article.subtitle["en"] = rest.pop(0)
    _set_passages(article, "en", classify_blocks(rest))


def _is_english_byline(block: str, known_authors: list[str]) -> bool:
    # An English subtitle can look like names ("How Russia Wins"), so ask for more proof.
    if BY_PREFIX.match(block) and looks_like_authors(block):
        return True
    return bool(known_authors) and split_authors(block) == known_authors


def _set_passages(article: Article, lang: str, passages: list[Passage]) -> None:
    if passages:
        article.passages[lang] = passages
