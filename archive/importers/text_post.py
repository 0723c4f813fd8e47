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
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from archive.errors import ImportFailure
from archive.importers.authors import BY_PREFIX, looks_like_authors, split_authors
from archive.importers.passage_kinds import classify_blocks, strip_block
from archive.importers.publications import publication_for_url
from archive.model import Article, Passage, RelatedPost, Source

# "3342 - Title": ASCII digits, then a hyphen or dash.
POST_LINE = re.compile(r"^([0-9]{1,7})\s*[-–—]\s*(\S.*)$")
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


def read_text_post(text: str, path: Path) -> list[Article]:
    """Parse one post; raises ImportFailure when it has no header or no text at all."""
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
    _fill_vietnamese(article, header.group(2).strip(), vi_blocks)
    _fill_english(article, en_blocks)
    if not article.passages:
        raise ImportFailure(f"{path.name} has a title but no article text.")
    return [article]


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
    for i, block in enumerate(blocks):
        if _SEPARATOR.match(block):
            return blocks[:i], blocks[i + 1 :]
    return blocks, []


def _word_count(block: str) -> int:
    return len(block.replace("\u00a0", " ").split())


def _looks_like_subtitle(block: str) -> bool:
    return _word_count(block) <= SUBTITLE_MAX_WORDS and not block.endswith(".")


def _fill_vietnamese(article: Article, title: str, blocks: list[str]) -> None:
    article.title["vi"] = title
    rest = list(blocks)
    if rest and looks_like_authors(rest[0]):
        article.authors = split_authors(rest.pop(0))
    if len(rest) > 1 and _looks_like_subtitle(rest[0]):
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
