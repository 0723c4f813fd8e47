"""The sentence under the mouse and the sentence(s) that translate it, for the side-by-side
reader's hover tint: which characters they are (archive.alignment.sentence_aligner) and where
they stand on screen (the text layout's lines). Main thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QTextEdit

from archive.alignment.links import Alignment
from archive.alignment.sentence_aligner import cached_sentences
from archive.model import Article
from viewer.gui.reader import html as reader_html
from viewer.gui.reader.selection import rendered_to_source, utf16_to_index


@dataclass(frozen=True)
class SentenceSpan:
    lang: str
    passage: int
    start: int  # character offsets in the passage's own text
    end: int


def sentence_pair_at(article: Article, lang: str, passage: int, offset: int) -> list[SentenceSpan]:
    """The sentence of (lang, passage) holding character `offset`, then its translation's
    sentences (none when it has no counterpart); [] outside every sentence."""
    pairs = cached_sentences(article)
    mine, theirs = (pairs.vi, pairs.en) if lang == "vi" else (pairs.en, pairs.vi)
    other = "en" if lang == "vi" else "vi"
    for k, sentence in enumerate(mine):
        if sentence.passage == passage and sentence.start <= offset < sentence.end:
            linked = Alignment(pairs.links).counterpart(lang, k)
            return [SentenceSpan(lang, passage, sentence.start, sentence.end)] + [
                SentenceSpan(other, theirs[j].passage, theirs[j].start, theirs[j].end)
                for j in linked
            ]
    return []


def source_offset(
    article: Article, lang: str, passage: int, block: QTextBlock, position: int
) -> int:
    """The passage-text offset of document position `position` inside the passage's block."""
    source = reader_html.shown_text(article, lang, passage)
    rendered = block.text()
    at = utf16_to_index(rendered, min(max(position - block.position(), 0), block.length() - 1))
    start, _ = rendered_to_source(reader_html.source_to_rendered(source, rendered), at, at)
    return start


def span_rects(
    view: QTextEdit, article: Article, block: QTextBlock, span: SentenceSpan
) -> list[QRectF]:
    """The rectangles (viewport coordinates, one per line) that the span's text covers."""
    source = reader_html.shown_text(article, span.lang, span.passage)
    rendered = block.text()
    mapping = reader_html.source_to_rendered(source, rendered)
    first = reader_html.utf16_length(rendered[: mapping[min(span.start, len(source))]])
    last = reader_html.utf16_length(rendered[: mapping[min(span.end, len(source))]])
    layout = block.layout()
    origin = view.document().documentLayout().blockBoundingRect(block).topLeft()
    scrolled = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    rects = []
    for n in range(layout.lineCount()):
        line = layout.lineAt(n)
        a = max(first, line.textStart())
        b = min(last, line.textStart() + line.textLength())
        if a >= b:
            continue
        left, right = line.cursorToX(a)[0], line.cursorToX(b)[0]
        rect = QRectF(left, line.y(), right - left, line.height())
        rects.append(rect.translated(origin.x() - scrolled.x(), origin.y() - scrolled.y()))
    return rects
