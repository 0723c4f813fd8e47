"""Reading a translation beside its original: the pair under the mouse (or holding the text
cursor) is tinted on both sides, and the reader can correct the pairing — pick passages
(Ctrl+click, or the context menu) and link them, unlink a pair, or go back to the automatic
pairing. Corrections are stored through the Library (archive.alignment.edits) on a worker, and
the re-aligned article replaces the shown one in place.

The tints are painted by a transparent overlay on the reader's viewport, so they never compete
with the match and bookmark highlights the reader paints as extra selections.
Main thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import QWidget

from archive.alignment.links import Alignment
from archive.model import Article
from viewer.gui.operations import Operations, realigned
from viewer.gui.reader import html as reader_html
from viewer.gui.translations.sentence_tint import (
    SentenceSpan,
    sentence_pair_at,
    source_offset,
    span_rects,
)

Place = tuple[str, int]  # (lang, passage index)
PAIR_ALPHA = 40  # the hovered pair: a light tint of the palette's highlight colour
SENTENCE_ALPHA = 70  # the hovered sentence and its translation, over the pair's tint
PICKED_COLOUR = QColor(46, 160, 67, 90)  # picked for linking: green, unlike matches and marks
TINT_MARGIN = 3.0  # pixels the tint reaches beyond the text, so it reads as a block


@dataclass
class PassageLayout:
    """Where each passage of the shown document is: its block and its side-by-side row."""

    blocks: dict[Place, object] = field(default_factory=dict)  # place -> QTextBlock
    row_of: dict[Place, int] = field(default_factory=dict)
    rows: dict[int, list[Place]] = field(default_factory=dict)
    by_block_number: dict[int, Place] = field(default_factory=dict)


def passage_layout(document: object) -> PassageLayout:
    """Scan the document's named anchors (see reader_html) and the table cells holding them."""
    layout = PassageLayout()
    block = document.begin()
    while block.isValid():
        place = _passage_place(block)
        if place is not None and place not in layout.blocks:
            layout.blocks[place] = block
            layout.by_block_number[block.blockNumber()] = place
            cursor = QTextCursor(block)
            table = cursor.currentTable()
            if table is not None:
                row = table.cellAt(cursor).row()
                layout.row_of[place] = row
                layout.rows.setdefault(row, []).append(place)
        block = block.next()
    return layout


def _passage_place(block: object) -> Place | None:
    iterator = block.begin()
    while not iterator.atEnd():
        for name in iterator.fragment().charFormat().anchorNames():
            parsed = reader_html.parse_anchor(name)
            if parsed is not None and parsed[1] is not None:
                return parsed[0], parsed[1]
        iterator += 1
    return None


class TintOverlay(QWidget):
    """A see-through layer over the reader's viewport that paints the tints it is given (in
    viewport coordinates). It is the scroll area's child, not the viewport's: scrolling moves
    the viewport's children along with the text."""

    def __init__(self, view: QWidget, tints: Callable[[], list[tuple[QRectF, QColor]]]) -> None:
        super().__init__(view)
        self.view = view
        self.tints = tints
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.fit()

    def fit(self) -> None:
        self.setGeometry(self.view.viewport().geometry())
        self.raise_()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for rect, colour in self.tints():
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 4, 4)
        painter.end()


class AlignmentView(QObject):
    """Pair tints and alignment corrections for a Reader in side-by-side mode.

    Emits message(text) for the status bar. A correction is an operation: the window's
    changed(Changes) signal then has the window read the article again and show it in place.
    """

    message = Signal(str)

    def __init__(
        self, reader: QWidget, operations: Operations, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.operations = operations
        self.view = reader.view
        self.hovered: Place | None = None
        self.hovered_sentences: list[SentenceSpan] = []  # under the mouse, then its translation
        self._mouse: QPoint | None = None  # where the mouse is over the viewport, if it is
        self.picked: list[Place] = []
        self._picked_in: int | None = None  # the article the picks belong to
        self._layout: PassageLayout | None = None
        self.busy = False
        self.overlay = TintOverlay(self.view, self.tints)
        self._build_actions()
        self._connect()
        self.retranslate()

    def _build_actions(self) -> None:
        self.pick_action = QAction(self)
        self.link_action = QAction(self)
        self.link_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.unlink_action = QAction(self)
        self.unlink_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.restore_action = QAction(self)
        for action, name in (
            (self.pick_action, "pick-passage"),
            (self.link_action, "link"),
            (self.unlink_action, "unlink"),
            (self.restore_action, "restore-alignment"),
        ):
            action.setObjectName(name)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.reader.addAction(action)  # shortcuts work while the reader has focus
        self.pick_action.triggered.connect(lambda: self.toggle_pick(self.cursor_place()))
        self.link_action.triggered.connect(self.link_picked)
        self.unlink_action.triggered.connect(lambda: self.unlink(self.cursor_place()))
        self.restore_action.triggered.connect(self.restore_automatic)
        self.reader.context_actions.extend(self.actions())

    def actions(self) -> list[QAction]:
        return [self.pick_action, self.link_action, self.unlink_action, self.restore_action]

    def _connect(self) -> None:
        viewport = self.view.viewport()
        viewport.setMouseTracking(True)
        viewport.installEventFilter(self)
        self.view.cursorPositionChanged.connect(self._refresh)
        self.view.document().contentsChanged.connect(self._document_changed)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.view.horizontalScrollBar().valueChanged.connect(self._scrolled)

    def retranslate(self) -> None:
        self.pick_action.setText(self.tr("&Pick passage for linking (Ctrl+click)"))
        self.link_action.setText(self.tr("&Link picked passages"))
        self.unlink_action.setText(self.tr("&Unlink this pair"))
        self.restore_action.setText(self.tr("&Restore automatic pairing"))
        self._update_actions()

    # -- where the passages are --------------------------------------------------------

    def active(self) -> bool:
        return self.reader.mode == "side" and self.reader.article is not None

    def layout(self) -> PassageLayout:
        if self._layout is None:
            self._layout = passage_layout(self.view.document())
        return self._layout

    def place_at(self, position: QPoint) -> Place | None:
        """The passage under a point of the viewport."""
        block = self.view.cursorForPosition(position).block()
        return self.layout().by_block_number.get(block.blockNumber())

    def cursor_place(self) -> Place | None:
        """The passage holding the text cursor (set by a click or a right-click)."""
        block = self.view.textCursor().block()
        return self.layout().by_block_number.get(block.blockNumber())

    def pair_of(self, place: Place | None) -> list[Place]:
        """The passages shown level with `place` (its row), itself included."""
        if place is None or not self.active():
            return []
        row = self.layout().row_of.get(place)
        return list(self.layout().rows.get(row, [place])) if row is not None else [place]

    def focus_places(self) -> list[Place]:
        """The pair tinted now: the one under the mouse, else the one holding the cursor."""
        return self.pair_of(self.hovered or self.cursor_place())

    def tints(self) -> list[tuple[QRectF, QColor]]:
        if not self.active():
            return []
        pair_colour = QColor(self.view.palette().color(QPalette.ColorRole.Highlight))
        pair_colour.setAlpha(PAIR_ALPHA)
        tinted = [(p, pair_colour) for p in self.focus_places()]
        tinted += [(p, PICKED_COLOUR) for p in self.picked]
        rects = [
            (rect, colour)
            for place, colour in tinted
            if (rect := self._viewport_rect(place)) is not None
        ]
        return rects + self._sentence_tints(pair_colour)

    def _sentence_tints(self, pair_colour: QColor) -> list[tuple[QRectF, QColor]]:
        colour = QColor(pair_colour)
        colour.setAlpha(SENTENCE_ALPHA)
        article = self.reader.article
        tints = []
        for span in self.hovered_sentences if article is not None else []:
            block = self.layout().blocks.get((span.lang, span.passage))
            if block is not None:
                tints += [(rect, colour) for rect in span_rects(self.view, article, block, span)]
        return tints

    def _viewport_rect(self, place: Place) -> QRectF | None:
        block = self.layout().blocks.get(place)
        if block is None:
            return None
        rect = self.view.document().documentLayout().blockBoundingRect(block)
        offset = QPoint(
            self.view.horizontalScrollBar().value(), self.view.verticalScrollBar().value()
        )
        rect = rect.translated(-offset.x(), -offset.y())
        return rect.adjusted(-TINT_MARGIN, -TINT_MARGIN, TINT_MARGIN, TINT_MARGIN)

    # -- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.MouseMove, QEvent.Type.Wheel):
            self._mouse = event.position().toPoint()
            self._hover(self.place_at(self._mouse), self._mouse)
        elif kind == QEvent.Type.Leave:
            self._mouse = None
            self._hover(None)
        elif kind == QEvent.Type.Resize:
            self.overlay.fit()
        elif kind == QEvent.Type.MouseButtonPress and self._is_pick_click(event):
            self.toggle_pick(self.place_at(event.position().toPoint()))
            return True  # a pick, not the start of a text selection
        return super().eventFilter(watched, event)

    def _is_pick_click(self, event: QMouseEvent) -> bool:
        return (
            self.active()
            and event.button() == Qt.MouseButton.LeftButton
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        )

    def _hover(self, place: Place | None, point: QPoint | None = None) -> None:
        sentences = self._sentences_at(place, point)
        if place != self.hovered or sentences != self.hovered_sentences:
            self.hovered = place
            self.hovered_sentences = sentences
            self.overlay.update()

    def _sentences_at(self, place: Place | None, point: QPoint | None) -> list[SentenceSpan]:
        """The sentence under the mouse and its translation's, in side-by-side mode."""
        article = self.reader.article
        if place is None or point is None or article is None or not self.active():
            return []
        block = self.layout().blocks.get(place)
        if block is None:
            return []
        position = self.view.cursorForPosition(point).position()
        offset = source_offset(article, place[0], place[1], block, position)
        return sentence_pair_at(article, place[0], place[1], offset)

    def _scrolled(self, _value: int) -> None:
        # The text moved under a mouse that did not: the pair under it is another one now.
        if self._mouse is not None and self.active():
            self.hovered = self.place_at(self._mouse)
            self.hovered_sentences = self._sentences_at(self.hovered, self._mouse)
        self.overlay.update()

    def _document_changed(self) -> None:
        self._layout = None  # re-rendered: blocks moved
        self.hovered = None
        self.hovered_sentences = []
        article = self.reader.article
        if self.picked and (article is None or article.id != self._picked_in):
            self.picked = []
        self._refresh()

    def _refresh(self) -> None:
        self._update_actions()
        self.overlay.update()

    def _update_actions(self) -> None:
        active = self.active() and not self.busy
        langs = {lang for lang, _ in self.picked}
        self.pick_action.setEnabled(active and self.cursor_place() is not None)
        self.link_action.setEnabled(active and langs == {"vi", "en"})
        self.unlink_action.setEnabled(active and self._is_paired(self.cursor_place()))
        self.restore_action.setEnabled(active)
        for action in self.actions():
            action.setVisible(self.active())  # only side by side shows the pairing

    def _is_paired(self, place: Place | None) -> bool:
        if place is None or self.reader.article is None:
            return False
        return Alignment(self.reader.article.alignment).is_paired(*place)

    # -- corrections -------------------------------------------------------------------

    def toggle_pick(self, place: Place | None) -> None:
        if place is None or not self.active():
            return
        self._picked_in = self.reader.article.id
        if place in self.picked:
            self.picked.remove(place)
        else:
            self.picked.append(place)
        self._refresh()
        self.message.emit(self._picked_text())

    def _picked_text(self) -> str:
        if not self.picked:
            return ""
        ordered = sorted(self.picked, key=lambda p: (p[0] != "vi", p[1]))  # Vietnamese first
        names = ", ".join(f"{lang.upper()} {index + 1}" for lang, index in ordered)
        if self.link_action.isEnabled():
            return self.tr("Picked %1 — Link picked passages: Ctrl+Shift+L").replace("%1", names)
        return self.tr("Picked %1 — pick passages on the other side too").replace("%1", names)

    def link_picked(self) -> None:
        if not self.link_action.isEnabled():
            return
        vi = [i for lang, i in self.picked if lang == "vi"]
        en = [i for lang, i in self.picked if lang == "en"]
        article_id = self.reader.article.id
        library = self.reader.library
        self._correct(
            lambda: library.link_passages(article_id, vi, en),
            self.tr("Passages linked. The rest of the article was paired again."),
        )

    def unlink(self, place: Place | None) -> None:
        if not self.active() or not self._is_paired(place):
            return
        article_id = self.reader.article.id
        library = self.reader.library
        self._correct(lambda: library.unlink_pair(article_id, *place), self.tr("Pair unlinked."))

    def restore_automatic(self) -> None:
        if not self.active():
            return
        article_id = self.reader.article.id
        library = self.reader.library
        self._correct(
            lambda: library.restore_automatic_alignment(article_id),
            self.tr("Automatic pairing restored."),
        )

    def _correct(self, work: Callable[[], Article], done_text: str) -> None:
        # An operation on the ordered lane: the Library's write lock may be held by an import.
        self.busy = True
        self._update_actions()
        article_id = self.reader.article.id
        self.operations.run(
            "correct the pairing",
            lambda _report: work(),
            realigned(article_id),
            success=lambda _article: self._corrected(done_text),
            failure=self._failed,
        )

    def _corrected(self, done_text: str) -> None:
        self.busy = False
        self.picked = []
        self._refresh()
        self.message.emit(done_text)

    def _failed(self, text: str) -> None:
        self.busy = False
        self._refresh()
        self.message.emit(text)
