"""Folding text for matching as people type it: without diacritics, đ as d.

The one home of the rule: the search index's folded form (index/analysis), the library and
bookmark filters of the window, and anything else that must agree that "chien" is "Chiến".
"""

from __future__ import annotations

import unicodedata


def _build_fold_table() -> dict[int, str]:
    """Precomposed Latin letters → base letters, so folding is one str.translate call."""
    table: dict[int, str] = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        decomposed = unicodedata.normalize("NFD", chr(cp))
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if base != chr(cp) and base:
            table[cp] = base
    table.update({ord("đ"): "d", ord("Đ"): "D", ord("ð"): "d", ord("Ð"): "D"})
    return table


_FOLD_TABLE = _build_fold_table()


def fold_diacritics(text: str) -> str:
    """Remove every diacritic and turn đ into d: "Đồng Minh" → "Dong Minh" (case kept)."""
    folded = text.translate(_FOLD_TABLE)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case without diacritics, so "chien" filters "Chiến"."""
    return fold_diacritics(text).casefold()
