"""Between the reader's document and the passages' own text: which passage a selection (or the
cursor) lies in, at which characters of the passage's text, and where a bookmark stands in the
document.

A passage is shown in one block, except a code passage: one block per line, the block breaks
standing where its "\n" are (`passage_text_shown`). The rendered text can differ from
`Passage.text` (Markdown rendering collapses spaces);
`reader_html.source_to_rendered` maps one onto the other, and the selected text is checked
against the passage so a drifting map never bookmarks the wrong words. Main thread only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock

from archive.bookmarks.text_quote import Anchor, locate
from archive.model import Article
from viewer.gui.reader import html as reader_html


@dataclass(frozen=True)
class PassageSelection:
    """Characters start..end of one passage's text (the whole passage when whole is True)."""

    lang: str
    passage: int
    start: int
    end: int
    text: str
    whole: bool = False


def passage_text_shown(block: QTextBlock, source: str) -> str:
    """The text shown for a passage whose first block is `block` and whose text is `source`.

    A code passage of n lines fills n blocks; they are joined with "\n", one position each,
    as the document counts a block break, so offsets into it are document offsets."""
    parts = [block.text()]
    for _ in range(source.count("\n")):
        block = block.next()
        if not block.isValid():
            break
        parts.append(block.text())
    return "\n".join(parts)


def passage_block_count(source: str) -> int:
    """How many blocks the passage with text `source` fills."""
    return source.count("\n") + 1


def utf16_to_index(text: str, units: int) -> int:
    """The character index in `text` that lies `units` UTF-16 code units from its start."""
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def rendered_to_source(mapping: list[int], start: int, end: int) -> tuple[int, int]:
    """Source offsets for rendered offsets start..end (`mapping` from source_to_rendered).

    The start is the last source character mapped to it (skipping collapsed spaces before it),
    the end the first source offset that reaches the rendered end.
    """
    first = max(bisect.bisect_right(mapping, start) - 1, 0)
    last = bisect.bisect_left(mapping, end)
    return first, min(max(last, first), len(mapping) - 1)


def selection_in_passage(
    article: Article, lang: str, passage: int, block: QTextBlock, doc_start: int, doc_end: int
) -> PassageSelection | None:
    """The part of (lang, passage) that document positions doc_start..doc_end cover, clipped to
    the passage's block; the whole passage when nothing is selected (doc_start == doc_end)."""
    source = reader_html.shown_text(article, lang, passage)
    if not source:
        return None
    if doc_start == doc_end:
        return PassageSelection(lang, passage, 0, len(source), source, whole=True)
    rendered = passage_text_shown(block, source)
    base, length = block.position(), reader_html.utf16_length(rendered)
    a = utf16_to_index(rendered, min(max(doc_start - base, 0), length))
    b = utf16_to_index(rendered, min(max(doc_end - base, 0), length))
    mapping = reader_html.source_to_rendered(source, rendered)
    start, end = rendered_to_source(mapping, a, b)
    wanted = " ".join(rendered[a:b].split())
    if " ".join(source[start:end].split()) != wanted:
        found = _locate_near(wanted, article, lang, passage, start)
        if found is None:
            return None
        start, end = found
    start, end = _strip(source, start, end)
    if start >= end:
        return None
    return PassageSelection(lang, passage, start, end, source[start:end])


def _locate_near(
    wanted: str, article: Article, lang: str, passage: int, near: int
) -> tuple[int, int] | None:
    # The map drifted (an unexpected rendering difference): find the selected words themselves
    # in this passage, nearest where the map put them.
    passages = [p for p in article.passages.get(lang, []) if p.index == passage]
    anchor = locate(wanted, passages, hint=Anchor(passage, near, near))
    return (anchor.start, anchor.end) if anchor is not None else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def document_range(block: QTextBlock, source: str, start: int, end: int) -> tuple[int, int]:
    """Document positions of characters start..end of `source`, the text shown from `block`."""
    rendered = passage_text_shown(block, source)
    mapping = reader_html.source_to_rendered(source, rendered)
    start, end = min(max(start, 0), len(source)), min(max(end, 0), len(source))
    a, b = mapping[start], mapping[end]
    base = block.position()
    return (
        base + reader_html.utf16_length(rendered[:a]),
        base + reader_html.utf16_length(rendered[:b]),
    )
