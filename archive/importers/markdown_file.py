"""Markdown articles: Song Ngữ's own metadata header, or a Jekyll/Hugo front matter.

One language per file:

    title: Cuộc chiến tiếp theo của châu Âu
    subtitle: Nguy cơ xung đột NATO-Nga ngày càng gia tăng
    authors: Samuel Charap and Hiski Haukkala
    url: https://www.foreignaffairs.com/russia/europes-next-war-charap-haukkala
    blog_post_number: 3342
    language: vi
    related: 2945 - Chi tiết 'Chiến dịch Mạng nhện' của Ukraine
        5433 - The Vietnam War và khi Đồng Minh tháo chạy

    ## Điểm không thể quay lại

    Trong phần lớn thời kỳ hậu Chiến tranh Lạnh, …

Import the English file with the same `url` (or, without one, the same `blog_post_number`) and
the two become one article. Both languages in one file: leave out `language` (or write
`language: vi, en`) and put a line `***` between the Vietnamese part (first) and the English
part. `title`/`subtitle` are the Vietnamese ones; give the English ones as `title_en`/
`subtitle_en`, or start the English part with its own `# Title` line:

    title: Cuộc chiến tiếp theo của châu Âu
    url: https://www.foreignaffairs.com/russia/europes-next-war-charap-haukkala

    Trong bốn năm qua, …

    ***

    # Europe’s Next War

    For the last four years, …

Rules: the header is `key: value` lines at the very top (optionally between `---` lines),
ended by a blank line; a value continues on lines indented by four spaces, one related post
or author per line. Keys are case-insensitive: title, subtitle, title_vi, title_en,
subtitle_vi, subtitle_en, authors (or author; split on "and", "và", "&", commas), url,
publication (else named after the URL's site), blog_post_number, language (vi | en | vi, en),
related ("2945 - Title" lines), published, tags (comma-separated). A `# Title` line opening a
part is that language's title when the header gives none. Without `language` and without
`***`, the language is guessed from the letters (Vietnamese has ơ, ư, đ, ạ, …). In the body,
headings become headings, block quotes quotes, code blocks code, a paragraph that is all
*emphasis* or an image (its alt text) a caption, everything else a paragraph (markdown_blocks).

Jekyll and Hugo posts: YAML front matter between `---` lines or TOML between `+++` lines
(front_matter); Jekyll's `{% highlight %}` and Hugo's `{{< highlight >}}` are code
(site_code_tags). A post with `draft: true` is left out unless drafts are asked for, like a
Blogger draft, and says so by raising DraftSkipped with its title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from archive.errors import DraftSkipped, ImportFailure
from archive.importers.authors import split_authors
from archive.importers.front_matter import read_header
from archive.importers.language import same_language
from archive.importers.markdown_blocks import LANGUAGE_BREAK_TAG, Block, markdown_blocks
from archive.importers.publications import publication_for_url
from archive.importers.site_code_tags import fence_site_code_tags
from archive.importers.text_post import POST_LINE
from archive.model import LANGS, Article, Passage, RelatedPost, Source

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
_META_START = re.compile(r"^(?:title|language|url|authors?|blog_post_number)\s*:", re.IGNORECASE)
_VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
VIETNAMESE_LETTER_SHARE = 0.01


def looks_like_markdown(path: Path, head: str) -> bool:
    """A Markdown suffix, or a text that opens with a metadata header."""
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    lines = [line.strip() for line in head.lstrip("\n").splitlines()[:2]]
    if lines and lines[0] == "---":
        lines = lines[1:]
    return bool(lines) and _META_START.match(lines[0]) is not None


def read_markdown(text: str, path: Path, *, include_drafts: bool = False) -> list[Article]:
    """Parse one Markdown article; raises ImportFailure for bad metadata or no text, and
    DraftSkipped for a draft when drafts are not asked for."""
    _refuse_pathological_markup(text, path)
    header = read_header(text.lstrip("\n"), path.name)
    meta = header.fields
    if header.draft and not include_drafts:
        title = _one(meta, "title", "title_vi", "title_en") or path.stem
        raise DraftSkipped(
            f"{path.name}: skipped the draft “{title}” (draft: true); drafts are imported "
            "only when asked for.",
            [title],
        )
    try:
        blocks = markdown_blocks(fence_site_code_tags(header.body))
    except RecursionError:
        raise ImportFailure(
            f"{path.name} nests its Markdown (lists or quotes) too deeply to read."
        ) from None
    declared = _declared_languages(meta, path)
    parts = _split_parts(
        blocks, split=len(declared) == 2 or (not declared and _breaks_between_languages(blocks))
    )
    languages: list[str]
    if len(parts) == 2:
        languages = list(LANGS)
    else:
        # YAML and TOML keys are English words: only the body tells the language then.
        guessed = guess_language(header.body if header.structured else text)
        languages = declared[:1] if declared else [guessed]
    article = _article_from_meta(meta, path)
    for lang, part in zip(languages, parts, strict=True):
        _fill_part(article, lang, part, meta, first=lang == languages[0])
    if not article.passages:
        raise ImportFailure(f"{path.name} has no article text.")
    return [article]


# Python-Markdown's inline parsing is quadratic in unmatched brackets on one line (10,000 "["
# take 20 s); no article has a run like that, so such a file is refused rather than waited on.
_MAX_BRACKETS_PER_LINE = 500
_MAX_NESTING = 60


def _refuse_pathological_markup(text: str, path: Path) -> None:
    for line in text.splitlines():
        if line.count("[") > _MAX_BRACKETS_PER_LINE or line.count("<") > _MAX_BRACKETS_PER_LINE:
            raise ImportFailure(
                f"{path.name} has a line of thousands of brackets; it is not "
                "an article Song Ngữ can read."
            )
        indent = len(line) - len(line.lstrip(" \t>"))
        if indent > 4 * _MAX_NESTING:
            raise ImportFailure(
                f"{path.name} nests its Markdown (lists or quotes) too deeply to read."
            )


def _one(meta: dict[str, list[str]], *keys: str) -> str | None:
    """The value of the first key present; continuation lines joined by spaces."""
    for key in keys:
        value = " ".join(v for v in meta.get(key, []) if v).strip()
        if value:
            return value
    return None


def _declared_languages(meta: dict[str, list[str]], path: Path) -> list[str]:
    """[] when not given, else ["vi"], ["en"] or ["vi", "en"]."""
    value = _one(meta, "language", "lang")
    if value is None:
        return []
    words = re.findall(r"[a-z]+", value.lower())
    if "both" in words:
        return list(LANGS)
    # Prefixes, so "vi-VN", "en-US", "Vietnamese" and "English" are understood too.
    langs: list[str] = [lang for lang in LANGS if any(w.startswith(lang) for w in words)]
    if not langs:
        raise ImportFailure(
            f"{path.name} has language “{value}”; Song Ngữ keeps Vietnamese (vi) and English (en)."
        )
    return langs


def guess_language(text: str) -> str:
    """ "vi" when letters only Vietnamese uses are common enough, else "en"."""
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    share = len(_VIETNAMESE_LETTERS.findall(text.lower())) / letters
    return "vi" if share >= VIETNAMESE_LETTER_SHARE else "en"


def _breaks_between_languages(blocks: list[Block]) -> bool:
    """An undeclared file's first `***` splits it only where the text on its two sides is in
    two different languages; otherwise it is a horizontal rule (a section break)."""
    marks = [i for i, block in enumerate(blocks) if block.tag == LANGUAGE_BREAK_TAG]
    if not marks:
        return False
    before = " ".join(b.text for b in blocks[: marks[0]])
    after = " ".join(b.text for b in blocks[marks[0] + 1 :] if b.tag != LANGUAGE_BREAK_TAG)
    return bool(before.strip() and after.strip()) and not same_language(before, after)


def _split_parts(blocks: list[Block], split: bool) -> list[list[Block]]:
    marks = [i for i, block in enumerate(blocks) if block.tag == LANGUAGE_BREAK_TAG]
    if split and marks:
        first, rest = blocks[: marks[0]], blocks[marks[0] + 1 :]
        return [first, [b for b in rest if b.tag != LANGUAGE_BREAK_TAG]]
    # A one-language file: `***` is only a horizontal rule.
    return [[b for b in blocks if b.tag != LANGUAGE_BREAK_TAG]]


def _article_from_meta(meta: dict[str, list[str]], path: Path) -> Article:
    url = _one(meta, "url", "source")
    return Article(
        authors=[
            name
            for line in meta.get("authors", meta.get("author", []))
            for name in split_authors(line)
        ],
        source=Source(
            url=url,
            publication=_one(meta, "publication") or publication_for_url(url),
            published=_one(meta, "published", "date"),
        ),
        blog_post_number=_post_number(meta, path),
        blog_name=_one(meta, "blog_name", "blog"),
        related=[_related_post(line) for line in meta.get("related", []) if line],
        tags=_unique_tags(t.strip() for line in meta.get("tags", []) for t in line.split(",")),
    )


def _unique_tags(tags: Iterable[str]) -> list[str]:
    """Tags in order, each once (a tag that is also a category is one tag)."""
    seen: set[str] = set()
    kept = []
    for tag in tags:
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return kept


def _post_number(meta: dict[str, list[str]], path: Path) -> int | None:
    value = _one(meta, "blog_post_number", "number")
    if value is None:
        return None
    if not value.isascii() or not value.isdigit():
        raise ImportFailure(f"{path.name}: blog_post_number “{value}” is not a whole number.")
    return int(value)


def _related_post(line: str) -> RelatedPost:
    match = POST_LINE.match(line)
    if match:
        return RelatedPost(int(match.group(1)), match.group(2).strip())
    return RelatedPost(None, line)


def _fill_part(
    article: Article, lang: str, blocks: list[Block], meta: dict[str, list[str]], first: bool
) -> None:
    """Set one language's title, subtitle and passages from the header and its blocks."""
    title = _one(meta, f"title_{lang}") or (_one(meta, "title") if first else None)
    subtitle = _one(meta, f"subtitle_{lang}") or (_one(meta, "subtitle") if first else None)
    if blocks and blocks[0].tag == "h1" and (title is None or blocks[0].text == title):
        title = blocks[0].text
        blocks = blocks[1:]
    if title:
        article.title[lang] = title
    if subtitle:
        article.subtitle[lang] = subtitle
    if blocks:
        article.passages[lang] = [Passage(i, b.kind, b.text) for i, b in enumerate(blocks)]
