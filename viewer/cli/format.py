"""How `songngu-cli` turns archive and search data into JSON and readable text.

The JSON shapes are a contract other tooling depends on; change them only by adding keys
that an issue asks for.
"""

from __future__ import annotations

import html
import re
import textwrap
from typing import Any

from archive.alignment.aligner import position_pairs
from archive.alignment.sentence_aligner import article_sentences
from archive.export.citation import counterpart_of
from archive.model import (
    Article,
    ArticleSummary,
    Passage,
    PassageKind,
    RelatedPost,
    passage_markdown,
)
from index.results import SearchHit, SearchResults

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def related_json(related: list[RelatedPost]) -> list[dict[str, Any]]:
    return [{"number": r.number, "title": r.title, "article_id": r.article_id} for r in related]


def summary_json(summary: ArticleSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": {"vi": summary.title.get("vi"), "en": summary.title.get("en")},
        "authors": list(summary.authors),
        "source_url": summary.source_url,
        "blog_post_number": summary.blog_post_number,
        "related": related_json(summary.related),
        "tags": list(summary.tags),
    }


def article_json(article: Article) -> dict[str, Any]:
    source = article.source
    return {
        "id": article.id,
        "title": {"vi": article.title.get("vi"), "en": article.title.get("en")},
        "subtitle": {"vi": article.subtitle.get("vi"), "en": article.subtitle.get("en")},
        "authors": list(article.authors),
        "source": {
            "url": source.url,
            "publication": source.publication,
            "section": source.section,
            "published": source.published,
            "imported_at": source.imported_at,
        },
        "blog_post_number": article.blog_post_number,
        "blog_name": article.blog_name,
        "original_language": article.original_language,
        "related": related_json(article.related),
        "tags": list(article.tags),
        "passages": {
            lang: [
                {"index": p.index, "kind": p.kind.value, "text": p.text}
                for p in article.passages.get(lang, [])
            ]
            for lang in ("vi", "en")
        },
        "alignment": [[list(vi), list(en)] for vi, en in article.alignment],
        **sentences_json(article),
    }


def sentences_json(article: Article) -> dict[str, Any]:
    """The article's sentences per language (indices from 0 per language across the article,
    offsets into the passage) and their pairing: issue 16's `show --json` keys."""
    pairs = article_sentences(article)
    return {
        "sentences": {
            lang: [
                {"passage": s.passage, "start": s.start, "end": s.end, "text": s.text}
                for s in sentences
            ]
            for lang, sentences in (("vi", pairs.vi), ("en", pairs.en))
        },
        "sentence_alignment": [[list(vi), list(en)] for vi, en in pairs.links],
    }


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "lang": hit.lang,
        "passage": hit.passage,
        "text": hit.text,
        "snippet": hit.snippet,
        "score": round(hit.score, 4),
    }


def results_json(results: SearchResults) -> dict[str, Any]:
    return {
        "query": results.query,
        "total": results.total,
        "hits": [hit_json(h) for h in results.hits],
        "suggestions": list(results.suggestions),
    }


def did_you_mean(suggestions: list[str]) -> str:
    """The sentence that offers `suggestions` (with a leading space), or "" for none."""
    return f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""


def counterpart_json(article: Article, hit: SearchHit) -> dict[str, Any] | None:
    """The hit's aligned passages in the other language, for `search --parallel`."""
    other = "en" if hit.lang == "vi" else "vi"
    if hit.passage is None:
        title = article.title.get(other)
        return {"lang": other, "passages": [], "text": title} if title else None
    found = counterpart_of(article, hit.lang, hit.passage)
    if found is None:
        return None
    return {"lang": found.lang, "passages": list(found.passages), "text": found.text}


def alignment_columns(article: Article, width: int) -> list[str]:
    """The article's alignment as two columns, Vietnamese left and English right."""
    column = max((width - 3) // 2, 20)
    links = article.alignment or position_pairs(
        article.passages.get("vi", []), article.passages.get("en", [])
    )
    lines = [f"#{article.id}  {article.display_title()}", ""]
    lines.append(f"{'Tiếng Việt':<{column}} │ English")
    lines.append("─" * column + "─┼─" + "─" * column)
    for vi, en in links:
        left = _column_lines(article, "vi", vi, column)
        right = _column_lines(article, "en", en, column)
        for row in range(max(len(left), len(right))):
            a = left[row] if row < len(left) else ""
            b = right[row] if row < len(right) else ""
            lines.append(f"{a:<{column}} │ {b}".rstrip())
        lines.append(" " * column + " │")
    return lines


def _column_lines(article: Article, lang: str, indices: list[int], width: int) -> list[str]:
    passages = article.passages.get(lang, [])
    out: list[str] = []
    for i in indices:
        kind = "" if passages[i].kind.value == "paragraph" else f" {passages[i].kind}"
        label = f"[{i + 1}{kind}] "  # counted from 1, as people count (the JSON keeps i)
        if passages[i].kind is PassageKind.CODE:  # its lines are its own: each wrapped alone
            out.append(label.rstrip())
            out += [
                row
                for line in passages[i].text.split("\n")
                for row in textwrap.wrap(line, width, drop_whitespace=False) or [""]
            ]
            continue
        out += textwrap.wrap(label + " ".join(passages[i].text.split()), width) or [label]
    return out or ["—"]


def shorten(text: str, most: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


def snippet_text(snippet: str, emphasis: tuple[str, str]) -> str:
    """The snippet for a terminal: marks become `emphasis`, HTML entities become characters."""
    opened, closed = emphasis
    return html.unescape(_MARK.sub(lambda m: opened + m.group(1) + closed, snippet))


def summary_line(summary: ArticleSummary) -> str:
    number = f"{summary.blog_post_number} - " if summary.blog_post_number else ""
    title = summary.title.get("vi") or summary.title.get("en") or "(untitled)"
    english = summary.title.get("en")
    also = f"  [{english}]" if english and english != title else ""
    authors = f" — {', '.join(summary.authors)}" if summary.authors else ""
    return f"{summary.id:>5}  {number}{title}{also}{authors}"


def passage_text(passage: Passage) -> str:
    """A passage for the terminal: its text as written (no Markdown escapes such as `&lt;`
    or `\\*`); a heading, pull quote or caption marked as in Markdown, code fenced."""
    if passage.kind is PassageKind.CODE:
        return passage_markdown(passage)
    if passage.kind is PassageKind.CAPTION:
        return f"*{passage.text}*"
    mark = {PassageKind.HEADING: "## ", PassageKind.QUOTE: "> "}
    return mark.get(passage.kind, "") + passage.text


def body_text(article: Article, lang: str) -> str:
    return "\n\n".join(passage_text(p) for p in article.passages.get(lang, []))


def article_text(article: Article) -> list[str]:
    lines = [f"#{article.id}  {article.display_title()}"]
    english = article.title.get("en")
    if english and english != article.display_title():  # the English title under the other
        lines.append(f"       {english}")
    for lang in ("vi", "en"):
        if article.subtitle.get(lang):
            lines.append(f"Subtitle {lang}:  {article.subtitle[lang]}")
    if article.authors:
        lines.append(f"Authors:      {', '.join(article.authors)}")
    if article.original_language:
        lines.append(f"Language:     {article.original_language} (kept on the English side)")
    if article.source.publication:
        lines.append(f"Publication:  {article.source.publication}")
    if article.source.url:
        lines.append(f"Source:       {article.source.url}")
    if article.source.published:
        lines.append(f"Published:    {article.source.published}")
    if article.blog_post_number:
        lines.append(f"Blog post:    {article.blog_post_number}")
    if article.tags:
        lines.append(f"Tags:         {', '.join(article.tags)}")
    for lang in article.languages:
        lines.append(f"Passages {lang}:  {len(article.passages[lang])}")
    for rel in article.related:
        where = f"article {rel.article_id}" if rel.article_id else "not archived"
        lines.append(f"Related:      {rel.number} - {rel.title} ({where})")
    return lines
