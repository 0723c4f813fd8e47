"""The Whoosh schema: one document per passage, plus one "title" document per article and language.

Vietnamese text is indexed as exact and as folded terms, so a query can prefer the right
diacritics while still finding text typed without them, and as folded adjacent pairs for
phrases and adjacency ranking; English text as stems and stem pairs. The language of a
document is implied by which text fields it fills, so a language filter is a choice of fields.
"""

from __future__ import annotations

from whoosh.fields import ID, STORED, Schema

from index.analysis import (
    EnglishAnalyzer,
    EnglishPairAnalyzer,
    VietnameseExactAnalyzer,
    VietnameseFoldedAnalyzer,
    VietnamesePairAnalyzer,
)
from index.fields import CountedText

SCHEMA_VERSION = 4  # 3: CountedText fields; 4: separate segment files, digests on titles

VI_EXACT = "vi_exact"
VI_FOLDED = "vi_folded"
VI_PAIRS = "vi_pairs"
EN_TEXT = "en"
EN_PAIRS = "en_pairs"
TITLE_KIND = "title"  # the `kind` of a title/subtitle/authors document


def build_schema() -> Schema:
    return Schema(
        article_id=ID(stored=True),
        lang=ID(stored=True),
        kind=ID(stored=True),
        passage=STORED,  # passage index, None for a title document
        text=STORED,  # the original text, diacritics and NBSPs kept
        digest=STORED,  # Article.digest() when indexed (title documents only)
        # No positions: adjacency lives in the pair fields, which keeps every query a tree of
        # term lookups that Whoosh can score with block-max skipping (phrase queries cannot).
        vi_exact=CountedText(analyzer=VietnameseExactAnalyzer(), phrase=False),
        vi_folded=CountedText(analyzer=VietnameseFoldedAnalyzer(), phrase=False),
        vi_pairs=CountedText(analyzer=VietnamesePairAnalyzer(), phrase=False),
        en=CountedText(analyzer=EnglishAnalyzer(), phrase=False),
        en_pairs=CountedText(analyzer=EnglishPairAnalyzer(), phrase=False),
    )


def text_fields(lang: str) -> tuple[str, ...]:
    """Which analyzed fields hold a document's text in `lang` (each gets the same text)."""
    return (VI_EXACT, VI_FOLDED, VI_PAIRS) if lang == "vi" else (EN_TEXT, EN_PAIRS)
