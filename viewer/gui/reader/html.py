"""The reader's HTML: an article's Markdown rendered one passage at a time, each passage behind a
named anchor so the reader can find it again (to scroll to it and to highlight matches in it).

Rendering passage by passage gives exactly the HTML of `Article.body_markdown(lang)` (that is
the passages' Markdown joined by blank lines) while keeping each block addressable; a code
passage is written as a <pre> directly, as it was written.
No Qt here; pure functions, safe from any thread.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Protocol

import markdown

from archive.model import LANGS, AlignmentLink, Article, Passage, PassageKind, passage_markdown

_FIRST_BLOCK_TAG = re.compile(r"<(?:p|h[1-6])(?: [^>]*)?>")
Row = tuple[list[int], list[int]]  # the vi and en passage indices shown side by side


def passage_anchor(lang: str, index: int) -> str:
    return f"p-{lang}-{index}"


def title_anchor(lang: str) -> str:
    return f"t-{lang}"


def parse_anchor(name: str) -> tuple[str, int | None] | None:
    """(lang, passage index) for a passage anchor, (lang, None) for a title anchor."""
    parts = name.split("-")
    if len(parts) == 3 and parts[0] == "p" and parts[1] in LANGS and parts[2].isdigit():
        return parts[1], int(parts[2])
    if len(parts) == 2 and parts[0] == "t" and parts[1] in LANGS:
        return parts[1], None
    return None


def passage_html(passage: Passage, lang: str) -> str:
    if passage.kind is PassageKind.CODE:
        # Code is shown as written: not through Markdown (which would expand its tabs), in a
        # fixed-width face, every line break kept and long lines wrapped (styles: pre.code).
        anchor = f'<a name="{passage_anchor(lang, passage.index)}"></a>'
        return f'<pre class="code">{anchor}{html.escape(passage.text, quote=False)}</pre>'
    body = markdown.markdown(passage_markdown(passage))
    if passage.kind is PassageKind.CAPTION:
        body = body.replace("<p>", '<p class="caption">', 1)
    # The anchor goes inside the first block element: an empty named anchor attaches to the
    # next character there, the passage's first letter.
    anchor = f'<a name="{passage_anchor(lang, passage.index)}"></a>'
    return _FIRST_BLOCK_TAG.sub(lambda m: m.group(0) + anchor, body, count=1)


def header_html(article: Article, lang: str) -> str:
    title = article.title.get(lang) or article.display_title(lang)
    parts = [f'<h1><a name="{title_anchor(lang)}"></a>{html.escape(title)}</h1>']
    subtitle = article.subtitle.get(lang)
    if subtitle:
        parts.append(f'<p class="subtitle">{html.escape(subtitle)}</p>')
    if article.authors:
        joiner = " và " if lang == "vi" else " and "
        parts.append(f'<p class="byline">{html.escape(joiner.join(article.authors))}</p>')
    return "\n".join(parts)


def single_language_html(article: Article, lang: str) -> str:
    passages = article.passages.get(lang, [])
    body = "\n".join(passage_html(p, lang) for p in passages)
    return f"<html><body>{header_html(article, lang)}\n{body}</body></html>"


def _language_header(article: Article, lang: str, missing: str) -> str:
    """The article's header in `lang`, or a muted note where it has no text in that language
    (a title repeated over an empty column reads as a bug)."""
    if article.passages.get(lang) or article.title.get(lang):
        return header_html(article, lang)
    return f'<p class="missing">{html.escape(missing)}</p>'


def side_by_side_html(
    article: Article, headings: tuple[str, str], missing: tuple[str, str] = ("", "")
) -> str:
    """Two columns, one table row per aligned group, so paired paragraphs start level."""
    vi, en = article.passages.get("vi", []), article.passages.get("en", [])
    rows = [
        "<tr>" + "".join(f'<th width="50%">{html.escape(h)}</th>' for h in headings) + "</tr>",
        "<tr>"
        + "".join(
            f'<td width="50%">{_language_header(article, lang, note)}</td>'
            for lang, note in zip(LANGS, missing, strict=True)
        )
        + "</tr>",
    ]
    for vi_ids, en_ids in paired_rows(article.alignment, len(vi), len(en)):
        cells = [
            "".join(passage_html(vi[i], "vi") for i in vi_ids),
            "".join(passage_html(en[i], "en") for i in en_ids),
        ]
        rows.append("<tr>" + "".join(f'<td width="50%">{c}</td>' for c in cells) + "</tr>")
    table = '<table width="100%" cellspacing="0" cellpadding="4">' + "\n".join(rows) + "</table>"
    return f"<html><body>{table}</body></html>"


def stacked_html(article: Article, missing: tuple[str, str] = ("", "")) -> str:
    """For a reader too narrow for two columns: each aligned group's Vietnamese above its
    English. Still one table row per group (a single column), so the pairs are found, tinted
    and corrected as side by side."""
    vi, en = article.passages.get("vi", []), article.passages.get("en", [])
    headers = "".join(
        _language_header(article, lang, note) for lang, note in zip(LANGS, missing, strict=True)
    )
    rows = [f"<tr><td>{headers}</td></tr>"]
    for vi_ids, en_ids in paired_rows(article.alignment, len(vi), len(en)):
        english = "".join(passage_html(en[i], "en") for i in en_ids)
        rows.append(
            "<tr><td>"
            + "".join(passage_html(vi[i], "vi") for i in vi_ids)
            + (f'<div class="counterpart">{english}</div>' if english else "")
            + "</td></tr>"
        )
    table = '<table width="100%" cellspacing="0" cellpadding="4">' + "\n".join(rows) + "</table>"
    return f"<html><body>{table}</body></html>"


def paired_rows(alignment: list[AlignmentLink], vi_count: int, en_count: int) -> list[Row]:
    """Rows of passages to show level with each other.

    With an alignment, each link is a row and any passage it leaves out gets a row of its own,
    in reading order; without one, passages pair by position (the n-th with the n-th).
    """
    if not alignment:
        return [
            ([i] if i < vi_count else [], [i] if i < en_count else [])
            for i in range(max(vi_count, en_count))
        ]
    rows: list[Row] = []
    next_vi = next_en = 0
    for vi_ids, en_ids in alignment:
        vi_ids = [i for i in vi_ids if 0 <= i < vi_count]
        en_ids = [i for i in en_ids if 0 <= i < en_count]
        rows.extend(_unlinked(next_vi, min(vi_ids, default=next_vi), "vi"))
        rows.extend(_unlinked(next_en, min(en_ids, default=next_en), "en"))
        if vi_ids or en_ids:
            rows.append((vi_ids, en_ids))
        next_vi = max(vi_ids, default=next_vi - 1) + 1
        next_en = max(en_ids, default=next_en - 1) + 1
    rows.extend(_unlinked(next_vi, vi_count, "vi"))
    rows.extend(_unlinked(next_en, en_count, "en"))
    return rows


def _unlinked(start: int, stop: int, lang: str) -> Iterator[Row]:
    for i in range(start, stop):
        yield ([i], []) if lang == "vi" else ([], [i])


def counterpart(alignment: list[AlignmentLink], lang: str, index: int) -> int | None:
    """The first passage of the other language linked to (lang, index); by position if none."""
    if not alignment:
        return index
    mine, theirs = (0, 1) if lang == "vi" else (1, 0)
    for link in alignment:
        if index in link[mine] and link[theirs]:
            return min(link[theirs])
    return None


def source_to_rendered(source: str, rendered: str) -> list[int]:
    """For each offset into `source`, the matching offset into `rendered` (len(source)+1 items).

    Rendering collapses runs of whitespace and may turn a newline into a space; everything
    else comes through character for character, so we walk both strings together.
    """
    mapping: list[int] = []
    j = 0
    for ch in source:
        mapping.append(j)
        if j < len(rendered) and (ch == rendered[j] or (ch.isspace() and rendered[j].isspace())):
            j += 1
        elif ch.isspace():
            continue  # collapsed away in the rendering
        elif j < len(rendered):
            j += 1  # an unexpected difference: stay in step rather than drift
    mapping.append(j)
    return mapping


def utf16_length(text: str) -> int:
    """Qt counts positions in UTF-16 code units; characters beyond the BMP take two."""
    return len(text.encode("utf-16-le")) // 2


PassageSpans = dict[int | None, list[tuple[int, int]]]  # passage index (None: title) -> spans


class SpanFinder(Protocol):
    """What article_spans asks of the Library (LibraryAPI.article_spans)."""

    def article_spans(
        self,
        query: str,
        article_id: int,
        texts: dict[int | None, str],
        lang: str,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> PassageSpans: ...


def shown_text(article: Article, lang: str, passage: int | None) -> str:
    """The source text of the title (passage None) or of a passage, as the reader shows it."""
    if passage is None:
        return article.title.get(lang) or article.display_title(lang)
    passages = article.passages.get(lang, [])
    return passages[passage].text if 0 <= passage < len(passages) else ""


def article_spans(library: SpanFinder, query: str, article: Article, lang: str) -> PassageSpans:
    """The marks of `query` in one language of an article, per passage: exactly the passages
    the search list shows for it, marked as the list marks them (the query read as typed in
    the search box, its last word a prefix).

    Thread-safe: the search worker calls it for the open article so the UI thread only paints.
    """
    if article.id is None or not query.strip():
        return {}
    places: list[int | None] = [None, *range(len(article.passages.get(lang, [])))]
    texts = {passage: shown_text(article, lang, passage) for passage in places}
    return library.article_spans(query, article.id, texts, lang, as_you_type=True)
