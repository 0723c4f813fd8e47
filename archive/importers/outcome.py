"""What reading a file gave besides its articles: the posts it left out, each with why.

Nothing is dropped silently: a draft left out on purpose, a post with no text at all, is named
here (by its title, else its address) so the import can say so in its one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.model import Article

NO_TEXT = "no text"
DRAFT = "draft"


@dataclass(frozen=True)
class Skipped:
    """One post that was not imported: its title (or address) and the reason."""

    name: str
    reason: str


@dataclass
class FileRead:
    """The articles of one file and the posts of it that were skipped."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def skipped_summary(skipped: list[Skipped]) -> str:
    """ "skipped 2: 'hate you', 'love you' — no text" (reasons grouped, in first-seen order)."""
    by_reason: dict[str, list[str]] = {}
    for item in skipped:
        by_reason.setdefault(item.reason, []).append(f"'{item.name}'")
    groups = "; ".join(f"{', '.join(names)} — {reason}" for reason, names in by_reason.items())
    return f"skipped {len(skipped)}: {groups}"
