"""Turn an Article into the Whoosh documents that represent it in the index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from archive.model import LANGS, Article
from index.analysis import en_term_counts, plain_term_counts, vi_term_counts
from index.schema import TITLE_KIND, text_fields

Document = dict[str, object]


def _document(
    base: Document, lang: str, kind: str, passage: int | None, text: str, plain: bool = False
) -> Document:
    """The document of one passage; its text fields get term counts (see index.fields).
    `plain`: the text is in a third language, analyzed without the English stemmer."""
    document = {**base, "lang": lang, "kind": kind, "passage": passage, "text": text}
    if lang == "vi":
        counts: tuple[Counter[str], ...] = vi_term_counts(text)
    else:
        counts = plain_term_counts(text) if plain else en_term_counts(text)
    for name, terms in zip(text_fields(lang), counts, strict=True):
        if terms:
            document[name] = terms  # a Counter: CountedText takes any dict
    return document


def heading_text(article: Article, lang: str) -> str:
    """What a title document holds: title, subtitle and authors, one per line."""
    parts = (article.title.get(lang), article.subtitle.get(lang), ", ".join(article.authors))
    return "\n".join(part for part in parts if part)


def article_documents(article: Article) -> Iterator[Document]:
    """One document per passage, plus one "title" document per language.

    Every article yields at least one title document, because indexed_digests() reads the
    digest from them: an article with no text at all must still count as indexed.
    """
    if article.id is None:
        raise ValueError("an article must be saved (have an id) before it is indexed")
    base: Document = {"article_id": str(article.id), "digest": article.digest()}
    langs = [
        lang
        for lang in LANGS
        if article.title.get(lang) or article.subtitle.get(lang) or article.passages.get(lang)
    ]
    third_language = article.original_language not in (None, "vi", "en")
    for lang in langs or ["vi"]:
        plain = third_language and lang == "en"
        yield _document(base, lang, TITLE_KIND, None, heading_text(article, lang), plain)
        for passage in article.passages.get(lang, []):
            yield _document(base, lang, passage.kind.value, passage.index, passage.text, plain)
