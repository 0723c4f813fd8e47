"""The article model: plain data shared by the store, the importers, the index and the viewer.

An Article holds both languages of one text. Passages are the unit of search, alignment and
bookmarking; the Markdown body is derived from them so the two never disagree.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Literal
from urllib.parse import urlparse

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, Lang] = ("vi", "en")
# Each language's name in itself (what the window and the exports show) and in English (the
# command line's messages).
NATIVE_LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
ENGLISH_LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}


class PassageKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    CAPTION = "caption"
    CODE = "code"  # program text or a preformatted block: its line breaks and spaces are kept


@dataclass(frozen=True)
class Passage:
    """One block of text in one language; `index` counts from 0 within its language."""

    index: int
    kind: PassageKind
    text: str


@dataclass
class Source:
    url: str | None = None
    publication: str | None = None
    published: str | None = None  # ISO date, when known
    imported_at: str | None = None  # ISO timestamp, set by the store

    @property
    def section(self) -> str | None:
        """The first path segment of the URL ("russia" in foreignaffairs.com/russia/…)."""
        if not self.url:
            return None
        parts = [p for p in urlparse(self.url).path.split("/") if p]
        return parts[0] if len(parts) > 1 else None


@dataclass
class RelatedPost:
    """A post the blog links to; article_id is set when that post is in the archive."""

    number: int | None
    title: str
    article_id: int | None = None


AlignmentLink = tuple[list[int], list[int]]  # ([vi passage indices], [en passage indices])


@dataclass
class Article:
    title: dict[str, str] = field(default_factory=dict)  # lang -> title
    subtitle: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)
    source: Source = field(default_factory=Source)
    blog_post_number: int | None = None
    blog_name: str | None = None
    post_url: str | None = None  # the blog post's own address, when it came from a blog
    # The ISO 639-1 code of the non-Vietnamese side when it is in a third language (neither
    # Vietnamese nor English): such text is kept there but never stemmed as English.
    original_language: str | None = None
    related: list[RelatedPost] = field(default_factory=list)
    passages: dict[str, list[Passage]] = field(default_factory=dict)  # lang -> passages
    tags: list[str] = field(default_factory=list)
    alignment: list[AlignmentLink] = field(default_factory=list)
    id: int | None = None

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGS if self.passages.get(lang)]

    def display_title(self, prefer: str = "vi") -> str:
        other = "en" if prefer == "vi" else "vi"
        return self.title.get(prefer) or self.title.get(other) or "(untitled)"

    def body_markdown(self, lang: str) -> str:
        """The body in one language as Markdown, one block per passage."""
        return "\n\n".join(passage_markdown(p) for p in self.passages.get(lang, []))

    def digest(self) -> str:
        """A fingerprint of everything the search index holds for this article.

        The index stores it per document, so a check can tell a stale index from a current one.
        """
        payload: dict[str, object] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": self.authors,
            "passages": {
                lang: [[p.kind.value, p.text] for p in ps] for lang, ps in self.passages.items()
            },
        }
        if self.original_language:  # only when set, so older articles keep their digests
            payload["original_language"] = self.original_language
        raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.blake2b(raw, digest_size=12).hexdigest()

    def with_id(self, article_id: int) -> Article:
        return replace(self, id=article_id)


@dataclass(frozen=True)
class ArticleSummary:
    """What the library list needs, without the passages."""

    id: int
    title: dict[str, str]
    authors: list[str]
    source_url: str | None
    blog_post_number: int | None
    imported_at: str | None
    published: str | None
    tags: list[str]
    related: list[RelatedPost]


_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])(?=\s)")
# Python-Markdown honours backslash escapes for these; "&" and "<" need entities instead.
_MD_SPECIAL = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]>#"}, "&": "&amp;", "<": "&lt;"})


def escape_markdown(text: str) -> str:
    """Escape the characters Markdown would read as markup, keeping the text's own characters."""
    escaped = text.translate(_MD_SPECIAL)
    # A leading "-", "+" or "1." would start a list.
    if escaped[:1] in "-+":
        return "\\" + escaped
    return _ORDERED_LIST_START.sub(r"\1\\\2", escaped, count=1)


def code_fence(text: str) -> str:
    """A backtick fence longer than any backtick run in `text`, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def passage_markdown(passage: Passage) -> str:
    if passage.kind is PassageKind.CODE:
        fence = code_fence(passage.text)
        return f"{fence}\n{passage.text}\n{fence}"
    text = escape_markdown(passage.text)
    if passage.kind is PassageKind.HEADING:
        return f"## {text}"
    if passage.kind is PassageKind.QUOTE:
        return f"> {text}"
    if passage.kind is PassageKind.CAPTION:
        return f"*{text}*"
    return text
