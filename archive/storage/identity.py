"""When two articles are one, and what re-importing one over the other gives (domain rules).

An article's identity is its source URL (normalized: scheme and host case, http/https, "www.",
trailing slash and fragment do not matter), else its blog post number, else (a note with
neither) its title in either language. Saving an article the store already holds updates it in
place under the same id; a language the incoming article lacks keeps what the store had, so a
Vietnamese file and an English file with the same URL make one article.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from archive.model import LANGS, Article, Source


def normalize_url(url: str | None) -> str | None:
    """The identity of a source URL: "https://foreignaffairs.com/russia/x" for any spelling."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "https"
    host = (parts.hostname or "").lower().removeprefix("www.")
    netloc = f"{host}:{parts.port}" if parts.port not in (None, 80, 443) else host
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, ""))


def merge_articles(stored: Article, incoming: Article) -> Article:
    """What re-importing `incoming` over `stored` gives: incoming wins where it says something.

    A language the incoming article has replaces that language (title, subtitle, passages);
    a language it lacks keeps the stored one. The alignment is dropped when passages changed
    and the incoming article brings none (its indices would point at the old passages).
    """
    title, subtitle, passages = dict(stored.title), dict(stored.subtitle), dict(stored.passages)
    for lang in LANGS:
        if incoming.passages.get(lang):
            passages[lang] = incoming.passages[lang]
            subtitle.pop(lang, None)
        if incoming.title.get(lang):
            title[lang] = incoming.title[lang]
        if incoming.subtitle.get(lang):
            subtitle[lang] = incoming.subtitle[lang]
    replaced_text = any(incoming.passages.get(lang) for lang in LANGS)
    alignment = incoming.alignment or ([] if replaced_text else stored.alignment)
    return replace(
        stored,
        title=title,
        subtitle=subtitle,
        passages=passages,
        authors=incoming.authors or stored.authors,
        source=Source(
            url=incoming.source.url or stored.source.url,
            publication=incoming.source.publication or stored.source.publication,
            published=incoming.source.published or stored.source.published,
        ),
        blog_post_number=_first_set(incoming.blog_post_number, stored.blog_post_number),
        blog_name=incoming.blog_name or stored.blog_name,
        post_url=incoming.post_url or stored.post_url,
        original_language=_merged_original_language(stored, incoming),
        related=incoming.related or stored.related,
        tags=list(dict.fromkeys([*stored.tags, *incoming.tags])),
        alignment=alignment,
    )


def as_read_back(article: Article) -> Article:
    """The article as the store will return it: empty titles and languages dropped,
    passages in index order. Its digest is the one the index will compute."""
    return replace(
        article,
        title={lang: t for lang, t in article.title.items() if t and lang in LANGS},
        subtitle={lang: t for lang, t in article.subtitle.items() if t and lang in LANGS},
        passages={
            lang: sorted(ps, key=lambda p: p.index) for lang, ps in article.passages.items() if ps
        },
    )


def _first_set(*values: int | None) -> int | None:
    return next((v for v in values if v is not None), None)


def _merged_original_language(stored: Article, incoming: Article) -> str | None:
    # The code describes the non-Vietnamese side: it follows whichever article supplies it.
    return incoming.original_language if incoming.passages.get("en") else stored.original_language
