"""Split and recognise author lines ("Samuel Charap and Hiski Haukkala")."""

from __future__ import annotations

import re

# "and", "và" (Vietnamese), "&" and commas separate names; NBSP counts as a space.
_SEPARATORS = re.compile(r"\s*(?:,|&|\band\b|\bvà\b)\s*", re.IGNORECASE)
BY_PREFIX = re.compile(r"^(?:by|bởi|tác giả:?)\s+", re.IGNORECASE)
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "du", "la", "le", "bin", "al", "ibn"}
MAX_NAME_WORDS = 5
MAX_AUTHORS = 8


def split_authors(line: str) -> list[str]:
    """ "Samuel Charap and Hiski Haukkala" → ["Samuel Charap", "Hiski Haukkala"]."""
    spaced = BY_PREFIX.sub("", line.replace("\u00a0", " ").strip())
    names = (" ".join(part.split()) for part in _SEPARATORS.split(spaced))
    return [name for name in names if name]


def looks_like_authors(line: str) -> bool:
    """True for a line of person names only: each name 2-5 capitalized words, no sentence."""
    text = line.replace("\u00a0", " ").strip()
    if not text or text[-1] in ".!?:;" or any(ch.isdigit() for ch in text):
        return False
    names = split_authors(text)
    if not 0 < len(names) <= MAX_AUTHORS:
        return False
    return all(_looks_like_name(name) for name in names)


def _looks_like_name(name: str) -> bool:
    # One-word "names" are too often a subtitle ("Ukraine"), so a name has 2-5 words.
    words = name.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)
