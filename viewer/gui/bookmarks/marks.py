"""How bookmarks show in the reader: each bookmarked piece of text tinted, the one the user just
jumped to tinted more strongly. Colours are fixed (with their own text colour) so they read on
light and dark palettes alike, and differ in hue from the amber search matches.
Main thread only.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from archive.bookmarks.bookmark import Bookmark
from archive.model import Article
from viewer.gui.reader import html as reader_html
from viewer.gui.reader.selection import document_range
from viewer.gui.styles import Highlight

MARK = Highlight("#d6e6fb", "#1a1a1a")
FOCUSED_MARK = Highlight("#8dbbf5", "#000000")


def bookmark_ranges(
    article: Article, blocks: dict[str, QTextBlock], bookmarks: Iterable[Bookmark]
) -> list[tuple[Bookmark, int, int]]:
    """(bookmark, document start, document end) for each bookmark of `article` now on screen."""
    found = []
    for bookmark in bookmarks:
        if bookmark.article_id != article.id or bookmark.orphaned:
            continue
        if bookmark.is_article:
            anchor = reader_html.title_anchor(_first_shown(blocks))
            block = blocks.get(anchor)
            if block is not None:
                found.append((bookmark, block.position(), block.position() + block.length() - 1))
            continue
        if bookmark.lang is None or bookmark.passage is None:
            continue
        block = blocks.get(reader_html.passage_anchor(bookmark.lang, bookmark.passage))
        if block is None:
            continue  # that language is not shown
        source = reader_html.shown_text(article, bookmark.lang, bookmark.passage)
        start, end = document_range(block, source, bookmark.start, bookmark.end)
        if start < end:
            found.append((bookmark, start, end))
    return found


def _first_shown(blocks: dict[str, QTextBlock]) -> str:
    for name in blocks:
        place = reader_html.parse_anchor(name)
        if place is not None and place[1] is None:
            return place[0]
    return "vi"


def mark_selections(
    document: QTextDocument, ranges: list[tuple[Bookmark, int, int]], focused: int | None
) -> list[QTextEdit.ExtraSelection]:
    """Extra selections tinting each range; the focused bookmark's last so it paints on top."""
    ordered = sorted(ranges, key=lambda r: r[0].id == focused and focused is not None)
    selections = []
    for bookmark, start, end in ordered:
        colours = FOCUSED_MARK if focused is not None and bookmark.id == focused else MARK
        fmt = QTextCharFormat()
        fmt.setBackground(colours.background_color())
        fmt.setForeground(colours.foreground_color())
        selection = QTextEdit.ExtraSelection()
        selection.format = fmt
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    return selections
