"""An article's alignment with named roles: which link holds a passage, and what it pairs with.

The stored form stays `list[AlignmentLink]` (`([vi passage indices], [en passage indices])`,
as in `show --json`); code that asks about it goes through Alignment instead of indexing the
bare tuples with 0/1 side arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archive.model import AlignmentLink


@dataclass(frozen=True)
class Link:
    """One pairing: the Vietnamese passages and the English passages it joins (either side may
    be empty: a passage left untranslated)."""

    vi: tuple[int, ...]
    en: tuple[int, ...]

    @classmethod
    def of(cls, link: AlignmentLink) -> Link:
        vi, en = link
        return cls(tuple(vi), tuple(en))

    def side(self, lang: str) -> tuple[int, ...]:
        return self.vi if lang == "vi" else self.en

    def other_side(self, lang: str) -> tuple[int, ...]:
        return self.en if lang == "vi" else self.vi

    @property
    def is_pair(self) -> bool:
        """Both languages have passages in it (not a passage standing alone)."""
        return bool(self.vi and self.en)

    def as_stored(self) -> AlignmentLink:
        return list(self.vi), list(self.en)


class Alignment:
    """Questions about one article's links, answered without knowing their layout."""

    def __init__(self, links: Sequence[AlignmentLink]) -> None:
        self.links = [Link.of(link) for link in links]

    def holding(self, lang: str, passage: int) -> Link | None:
        """The link that holds (lang, passage), or None when the alignment leaves it out."""
        return next((link for link in self.links if passage in link.side(lang)), None)

    def counterpart(self, lang: str, passage: int) -> tuple[int, ...]:
        """The other language's passages paired with (lang, passage); () when none are."""
        link = self.holding(lang, passage)
        return link.other_side(lang) if link is not None else ()

    def is_paired(self, lang: str, passage: int) -> bool:
        link = self.holding(lang, passage)
        return link is not None and link.is_pair
