"""Excerpts and their citations: what an export or "Copy with citation" puts out.

An Excerpt is a piece of an article (a bookmark, a search hit, a selection) with everything
needed to cite it; `citation_text` formats the source the same way in every export format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from archive.alignment.aligner import position_pairs
from archive.alignment.links import Alignment
from archive.alignment.sentence_aligner import sentence_counterpart, sentences_text
from archive.bookmarks.bookmark import Bookmark
from archive.model import Article


@dataclass(frozen=True)
class Counterpart:
    lang: str
    passages: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class Excerpt:
    article: Article
    lang: str | None  # None: the whole article
    passage: int | None
    text: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    counterpart: Counterpart | None = None
    bookmark_id: int | None = None
    orphaned: bool = False


def counterpart_of(article: Article, lang: str, passage: int) -> Counterpart | None:
    """The other language's passages paired with `passage`: the stored alignment when there is
    one, else position-based pairing."""
    other = "en" if lang == "vi" else "vi"
    links = article.alignment or position_pairs(
        article.passages.get("vi", []), article.passages.get("en", [])
    )
    paired = Alignment(links).counterpart(lang, passage)
    others = article.passages.get(other, [])
    indices = tuple(i for i in paired if i < len(others))
    text = "\n\n".join(others[i].text for i in indices)
    return Counterpart(other, indices, text) if text else None


def sentence_counterpart_of(
    article: Article, lang: str, passage: int, start: int, end: int
) -> Counterpart | None:
    """The translation of the sentences that characters start..end of a passage touch: a
    one-sentence selection gets its translated sentence, not the whole paragraph. Falls back
    to the paragraph's counterpart when those sentences have none of their own."""
    found = sentence_counterpart(article, lang, passage, start, end)
    if found is None:
        return counterpart_of(article, lang, passage)
    other, sentences = found
    passages = tuple(dict.fromkeys(s.passage for s in sentences))
    return Counterpart(other, passages, sentences_text(article, other, sentences))


def excerpt_from_bookmark(
    bookmark: Bookmark, article: Article, with_counterpart: bool = False
) -> Excerpt:
    counterpart = None
    if with_counterpart and bookmark.lang and bookmark.passage is not None:
        counterpart = _quote_counterpart(article, bookmark.lang, bookmark.passage, bookmark.quote)
    return Excerpt(
        article=article,
        lang=bookmark.lang,
        passage=bookmark.passage,
        text=bookmark.quote,
        prefix=bookmark.prefix,
        suffix=bookmark.suffix,
        note=bookmark.note,
        tags=bookmark.tags,
        created=bookmark.created,
        counterpart=counterpart,
        bookmark_id=bookmark.id,
        orphaned=bookmark.orphaned,
    )


def excerpt_from_passage(
    article: Article,
    lang: str,
    passage: int,
    text: str | None = None,
    with_counterpart: bool = False,
) -> Excerpt:
    """A passage (or a selection inside it, when `text` is given) as an excerpt."""
    full = article.passages[lang][passage].text
    quote = text if text else full
    start = max(full.find(quote), 0)
    counterpart = _quote_counterpart(article, lang, passage, quote) if with_counterpart else None
    return Excerpt(
        article=article,
        lang=lang,
        passage=passage,
        text=quote,
        prefix=full[max(0, start - 32) : start],
        suffix=full[start + len(quote) :][:32],
        counterpart=counterpart,
    )


def _quote_counterpart(article: Article, lang: str, passage: int, quote: str) -> Counterpart | None:
    """A whole passage gets the whole paired passage(s); a quote inside it, its sentences'."""
    passages = article.passages.get(lang, [])
    if not 0 <= passage < len(passages):
        return None
    full = passages[passage].text
    start = full.find(quote) if quote else -1
    if start < 0 or quote.strip() == full.strip():
        return counterpart_of(article, lang, passage)
    return sentence_counterpart_of(article, lang, passage, start, start + len(quote))


def accessed_date(article: Article) -> str:
    """When the source was taken into the archive: the day it was imported."""
    stamp = article.source.imported_at
    return stamp[:10] if stamp else date.today().isoformat()


def citation_parts(article: Article) -> list[str]:
    """The citation as separate sentences: authors, titles, publication, URL, post, accessed."""
    parts: list[str] = []
    if article.authors:
        parts.append(", ".join(article.authors))
    titles = [f"“{article.title[lang]}”" for lang in ("vi", "en") if article.title.get(lang)]
    if titles:
        parts.append(" / ".join(titles))
    if article.source.publication:
        parts.append(article.source.publication)
    if article.source.url:
        parts.append(article.source.url)
    if article.blog_post_number is not None:
        blog = f" ({article.blog_name})" if article.blog_name else ""
        parts.append(f"Blog post {article.blog_post_number}{blog}")
    parts.append(f"Accessed {accessed_date(article)}")
    return parts


def citation_text(article: Article) -> str:
    return ". ".join(part.rstrip(".") for part in citation_parts(article)) + "."
