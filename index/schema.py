"""The Whoosh schema: one document per passage, plus one "title" document per article and language.

Vietnamese text is indexed twice (exact and folded fields, same positions) so a query can
prefer the right diacritics while still finding text typed without them; English text once,
stemmed. The language of a document is implied by which text fields it fills, so a language
filter is just a choice of fields.
"""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from index.analysis import EnglishAnalyzer, VietnameseExactAnalyzer, VietnameseFoldedAnalyzer

SCHEMA_VERSION = 1

VI_EXACT = "vi_exact"
VI_FOLDED = "vi_folded"
EN_TEXT = "en"
TITLE_KIND = "title"  # the `kind` of a title/subtitle/authors document


def build_schema() -> Schema:
    return Schema(
        article_id=ID(stored=True),
        lang=ID(stored=True),
        kind=ID(stored=True),
        passage=STORED,  # passage index, None for a title document
        text=STORED,  # the original text, diacritics and NBSPs kept
        digest=STORED,  # Article.digest() when indexed
        vi_exact=TEXT(analyzer=VietnameseExactAnalyzer()),
        vi_folded=TEXT(analyzer=VietnameseFoldedAnalyzer()),
        en=TEXT(analyzer=EnglishAnalyzer()),
    )


def text_fields(lang: str) -> tuple[str, ...]:
    """Which analyzed fields hold a document's text in `lang` (each gets the same text)."""
    return (VI_EXACT, VI_FOLDED) if lang == "vi" else (EN_TEXT,)
