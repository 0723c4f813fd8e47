"""The reader: an article in Vietnamese, English or side by side, with every match of the current
query highlighted and stepped through (F3 / Shift+F3).

Main thread only. The reader asks the Library for match spans per passage and never searches
on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFontMetricsF,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from archive.bookmarks.bookmark import Bookmark
from archive.model import NATIVE_LANGUAGE_NAMES, Article
from viewer.gui import styles
from viewer.gui.bookmarks import marks as bookmark_marks
from viewer.gui.reader import html as reader_html
from viewer.gui.reader.selection import (
    PassageSelection,
    passage_block_count,
    passage_text_shown,
    selection_in_passage,
)
from viewer.gui.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE
from viewer.library_api import LibraryAPI

LOCAL_SCHEMES = frozenset({"", "file", "qrc", "data"})
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
ARTICLE_SCHEME = "songngu-article"  # internal links: songngu-article:<id>


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that never fetches anything remote and opens links only when clicked."""

    article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 (Qt override)
        # Offline by design, and a document must not phone home: refuse remote schemes.
        if url.scheme().lower() not in LOCAL_SCHEMES:
            return None
        return super().loadResource(kind, url)

    def _follow(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == ARTICLE_SCHEME and url.path().isdigit():
            self.article_requested.emit(int(url.path()))
        elif scheme in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        elif not scheme and url.fragment():
            self.scrollToAnchor(url.fragment())


@dataclass(frozen=True)
class Match:
    """One highlighted match: document positions (UTF-16) and the passage it lies in."""

    start: int
    end: int
    lang: str
    passage: int | None  # None: the title block
    offset: int = 0  # where the match starts in the passage's own text


class Reader(QWidget):
    """Shows one article; emits match_changed(current, total) as the user steps through matches."""

    match_changed = Signal(int, int)  # 1-based current (0: none), total
    article_requested = Signal(int)

    def __init__(self, library: LibraryAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.view = SafeTextBrowser(self)
        self.view.setObjectName("reader")
        self.view.article_requested.connect(self.article_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.article: Article | None = None
        self.mode = "vi"
        self.font_size = DEFAULT_FONT_SIZE
        self.query = ""
        self.matches: list[Match] = []
        self.current = -1
        self._blocks: dict[str, QTextBlock] = {}
        self._spans: dict[tuple[int | None, str], reader_html.PassageSpans] = {}
        self._headings = (NATIVE_LANGUAGE_NAMES["vi"], NATIVE_LANGUAGE_NAMES["en"])
        self._missing = ("No Vietnamese text", "No English text")  # said over an empty column
        self.stacked = False  # side by side, but too narrow for two columns: one above the other
        # A line breaks only between words, never inside one ("policymaker / s").
        self.view.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.bookmarks: list[Bookmark] = []  # marked where they stand in the shown article
        self.focused_bookmark: int | None = None  # the one the user jumped to, tinted more
        self.context_actions: list = []  # added to the text's context menu (bookmark, copy)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    # -- what is shown -----------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        self.article = article
        self._spans = {}  # found in the previous article (or an older copy of this one)
        self._render()
        self.view.verticalScrollBar().setValue(0)

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self._rerender_in_place()

    def set_font_size(self, size: int) -> None:
        self.font_size = min(max(size, MIN_FONT_SIZE), MAX_FONT_SIZE)
        self._rerender_in_place()

    def _rerender_in_place(self) -> None:
        """Render again, keeping the current match (if still shown) or else the place."""
        if self.article is None:
            return
        anchor = self.top_anchor()
        current = self._current_key()
        self._render()
        if current is not None and current in (keys := self._match_keys()):
            self._set_current(keys.index(current))
        else:
            self._scroll_to_counterpart(anchor)

    def _match_keys(self) -> list[tuple[str, int | None, int]]:
        """(lang, passage, n-th match in that passage) for each match: stable across renders."""
        seen: dict[tuple[str, int | None], int] = {}
        keys = []
        for match in self.matches:
            place = (match.lang, match.passage)
            seen[place] = seen.get(place, -1) + 1
            keys.append((*place, seen[place]))
        return keys

    def _current_key(self) -> tuple[str, int | None, int] | None:
        return self._match_keys()[self.current] if 0 <= self.current < len(self.matches) else None

    def zoom(self, steps: int) -> None:
        self.set_font_size(self.font_size + steps if steps else DEFAULT_FONT_SIZE)

    def shown_languages(self) -> list[str]:
        return ["vi", "en"] if self.mode == "side" else [self.mode]

    def set_column_headings(
        self, vietnamese: str, english: str, missing: tuple[str, str] | None = None
    ) -> None:
        """The side-by-side column headings, and what a column says when the article has no
        text in its language (Vietnamese, English)."""
        self._headings = (vietnamese, english)
        self._missing = missing or self._missing
        if self.article is not None and self.mode == "side":
            self._rerender_in_place()

    def two_columns_fit(self, width: int | None = None) -> bool:
        """Whether side by side has room for two readable columns in `width` pixels (the
        viewport's by default); below it each Vietnamese paragraph shows above its English."""
        char = QFontMetricsF(styles.reading_font(self.font_size)).averageCharWidth()
        needed = (2 * styles.SIDE_BY_SIDE_MIN_CHARS + styles.SIDE_BY_SIDE_GUTTER_CHARS) * char
        return (width if width is not None else self.view.viewport().width()) >= needed + 48

    def refresh_style(self) -> None:
        """Re-render after a palette change (light/dark) keeping the place."""
        self._rerender_in_place()

    def _render(self) -> None:
        assert self.article is not None
        document = self.view.document()
        document.setDefaultFont(styles.reading_font(self.font_size))
        document.setDefaultStyleSheet(styles.reader_stylesheet(self.palette()))
        self.stacked = self.mode == "side" and not self.two_columns_fit()
        if self.stacked:
            self.view.setHtml(reader_html.stacked_html(self.article, self._missing))
        elif self.mode == "side":
            self.view.setHtml(
                reader_html.side_by_side_html(self.article, self._headings, self._missing)
            )
        else:
            lang = self.mode if self.mode in self.article.languages else None
            lang = lang or (self.article.languages or ["vi"])[0]
            self.view.setHtml(reader_html.single_language_html(self.article, lang))
        self._blocks = _anchored_blocks(self.view)
        self._fit_measure()
        self._find_matches(keep_current=False)

    def _fit_measure(self) -> None:
        # QTextDocument has no max-width: centre a column of a comfortable measure with margins.
        char = QFontMetricsF(styles.reading_font(self.font_size)).averageCharWidth()
        # Two measures plus the gutter side by side; one when stacked.
        columns = 2.15 if self.mode == "side" and not self.stacked else 1
        wanted = styles.READING_MEASURE_CHARS * char * columns
        side = max(24, int((self.view.viewport().width() - wanted) / 2))
        frame = self.view.document().rootFrame()
        fmt = frame.frameFormat()
        if (fmt.leftMargin(), fmt.topMargin()) == (side, 24):
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        frame.setFrameFormat(fmt)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_style()  # the system switched between light and dark
        super().changeEvent(event)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.article is None:
            return
        if self.mode == "side" and self.stacked == self.two_columns_fit():
            self._rerender_in_place()  # crossed the width where two columns stop fitting
        else:
            self._fit_measure()

    # -- matches -----------------------------------------------------------------------

    def set_query(self, query: str, precomputed: dict | None = None) -> None:
        """Highlight every match of `query` in the shown text (empty: clear).

        `precomputed` maps (article id, lang) to `reader_html.article_spans` results that a
        worker already found, so the UI thread does not have to.
        """
        self.query = query
        self._spans = dict(precomputed or {})
        self._find_matches(keep_current=False)

    def _spans_for(self, lang: str) -> reader_html.PassageSpans:
        assert self.article is not None
        key = (self.article.id, lang)
        if key not in self._spans:  # cached per query, so mode switches reuse them
            self._spans[key] = reader_html.article_spans(
                self.library, self.query, self.article, lang
            )
        return self._spans[key]

    def _find_matches(self, keep_current: bool) -> None:
        self.matches = []
        if self.query.strip() and self.article is not None:
            for name, block in self._blocks.items():
                place = reader_html.parse_anchor(name)
                if place is None or place[0] not in self.shown_languages():
                    continue
                self.matches.extend(self._block_matches(block, *place))
            self.matches.sort(key=lambda m: m.start)
        self.current = -1 if not keep_current else min(self.current, len(self.matches) - 1)
        self._paint()

    def _block_matches(self, block: QTextBlock, lang: str, passage: int | None) -> list[Match]:
        assert self.article is not None
        spans = self._spans_for(lang).get(passage)
        if not spans:
            return []
        source = reader_html.shown_text(self.article, lang, passage)
        rendered = passage_text_shown(block, source)
        mapping = reader_html.source_to_rendered(source, rendered)
        base = block.position()
        found = []
        for start, end in spans:
            if 0 <= start < end <= len(source):
                a, b = mapping[start], mapping[end]
                found.append(
                    Match(
                        base + reader_html.utf16_length(rendered[:a]),
                        base + reader_html.utf16_length(rendered[:b]),
                        lang,
                        passage,
                        start,
                    )
                )
        return found

    def go_to_passage(self, lang: str, passage: int | None, near: int | None = None) -> None:
        """Scroll (lang, passage) into view and make one of its matches the current one: the
        one nearest to offset `near` in the passage's text (the search hit's best match)."""
        in_passage = [
            n for n, m in enumerate(self.matches) if m.lang == lang and m.passage == passage
        ]
        if in_passage:
            target = near if near is not None else self.matches[in_passage[0]].offset
            self._set_current(min(in_passage, key=lambda n: abs(self.matches[n].offset - target)))
            return
        block = self._blocks.get(_anchor_for(lang, passage))
        if block is not None:
            self._scroll_to(block.position())
        self._paint()

    def next_match(self) -> None:
        if self.matches:
            self._set_current((self.current + 1) % len(self.matches))

    def previous_match(self) -> None:
        if self.matches:
            self._set_current((self.current - 1) % len(self.matches))

    def _set_current(self, number: int) -> None:
        self.current = number
        self._scroll_to(self.matches[number].start)
        self._paint()

    def _paint(self) -> None:
        selections = self._bookmark_selections()
        for number, match in enumerate(self.matches):
            colours = styles.CURRENT_MATCH if number == self.current else styles.MATCH
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(colours.background_color())
            fmt.setForeground(colours.foreground_color())
            selection.format = fmt
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.view.setExtraSelections(selections)
        self.match_changed.emit(self.current + 1, len(self.matches))

    # -- bookmarks ---------------------------------------------------------------------

    def set_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        """Mark these bookmarks (any article's: only the shown article's are painted)."""
        self.bookmarks = list(bookmarks)
        self._paint()

    def show_bookmark(self, bookmark: Bookmark) -> bool:
        """Scroll to a bookmark of the shown article and tint it; False when it is not shown."""
        self.focused_bookmark = bookmark.id
        ranges = [r for r in self._bookmark_ranges() if r[0].id == bookmark.id]
        if ranges:
            self._scroll_to(ranges[0][1])
        self._paint()
        return bool(ranges)

    def _bookmark_ranges(self) -> list[tuple[Bookmark, int, int]]:
        if self.article is None:
            return []
        return bookmark_marks.bookmark_ranges(self.article, self._blocks, self.bookmarks)

    def _bookmark_selections(self) -> list[QTextEdit.ExtraSelection]:
        return bookmark_marks.mark_selections(
            self.view.document(), self._bookmark_ranges(), self.focused_bookmark
        )

    def selection_place(self) -> PassageSelection | None:
        """Where the selected text stands in its passage's own text, or the whole passage under
        the text cursor when nothing is selected; None outside passages (title, byline)."""
        if self.article is None:
            return None
        cursor = self.view.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        number = self.view.document().findBlock(start).blockNumber()
        for name, anchored in self._blocks.items():
            place = reader_html.parse_anchor(name)
            if place is None or place[1] is None:
                continue
            # A code passage fills one block per line: the cursor may be on any of them.
            lines = passage_block_count(reader_html.shown_text(self.article, *place))
            if anchored.blockNumber() <= number < anchored.blockNumber() + lines:
                return selection_in_passage(self.article, place[0], place[1], anchored, start, end)
        return None

    def _context_menu(self, position: QPoint) -> None:
        if not self.view.textCursor().hasSelection():
            # Nothing selected: "Bookmark passage" means the passage under the mouse.
            self.view.setTextCursor(self.view.cursorForPosition(position))
        menu = self.view.createStandardContextMenu(position)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, self.context_actions)
        menu.insertSeparator(first)
        self.context_menu = menu  # kept so Python does not collect it while it shows
        menu.popup(self.view.viewport().mapToGlobal(position))

    # -- scrolling ---------------------------------------------------------------------

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        self.view.setTextCursor(cursor)
        # A match is easiest to read a third of the way down, with its context above it.
        rect = self.view.cursorRect(cursor)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.view.viewport().height() // 3)

    def top_anchor(self) -> str | None:
        """The anchor of the passage at the top of the reader (the one being read)."""
        top = self.view.verticalScrollBar().value() + 4
        best, best_top = None, -1.0
        for name, block in self._blocks.items():
            block_top = self._block_top(block)
            if best_top <= block_top <= top:
                best, best_top = name, block_top
        return best

    def _block_top(self, block: QTextBlock) -> float:
        return self.view.document().documentLayout().blockBoundingRect(block).top()

    def _scroll_to_counterpart(self, anchor: str | None) -> None:
        place = reader_html.parse_anchor(anchor) if anchor else None
        if place is None or self.article is None:
            return
        lang, index = place
        if lang not in self.shown_languages():
            other = self.shown_languages()[0]
            index = (
                None
                if index is None
                else reader_html.counterpart(self.article.alignment, lang, index)
            )
            lang = other
        block = self._blocks.get(_anchor_for(lang, index))
        if block is not None:
            bar = self.view.verticalScrollBar()
            bar.setValue(int(self._block_top(block)))


def _anchor_for(lang: str, passage: int | None) -> str:
    if passage is None:
        return reader_html.title_anchor(lang)
    return reader_html.passage_anchor(lang, passage)


def _anchored_blocks(view: QTextBrowser) -> dict[str, QTextBlock]:
    """Every named anchor in the document and the block it starts."""
    found: dict[str, QTextBlock] = {}
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            for name in iterator.fragment().charFormat().anchorNames():
                found.setdefault(name, block)
            iterator += 1
        block = block.next()
    return found
