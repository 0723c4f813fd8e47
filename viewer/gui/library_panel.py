"""The library list: every archived article (title in both languages, authors, blog post
number) with a filter box that ignores case and diacritics. Main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from archive.model import ArticleSummary
from index.analysis import fold_diacritics

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
LINES_ROLE = Qt.ItemDataRole.UserRole + 3  # (Vietnamese title, English title, details)
ROW_PADDING = 5


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d, as the search index folds), so "chien" filters
    "Chiến"."""
    return fold_diacritics(text).casefold()


class SummaryDelegate(QStyledItemDelegate):
    """Three elided lines per article (Vietnamese title, English title, authors · number),
    painted directly: every row has the same height, so 5,000 articles lay out at once."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        bold, italic, small = QFont(option.font), QFont(option.font), QFont(option.font)
        bold.setBold(True)
        italic.setItalic(True)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        return bold, italic, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        height = sum(QFontMetrics(f).lineSpacing() for f in self._fonts(option))
        return QSize(200, height + 2 * ROW_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = text_role if selected else QPalette.ColorRole.PlaceholderText
        lines = index.data(LINES_ROLE) or ("", "", "")
        rect = option.rect.adjusted(ROW_PADDING, ROW_PADDING, -ROW_PADDING, -ROW_PADDING)
        painter.save()
        for text, font, role in zip(lines, self._fonts(option),
                                    (text_role, text_role, muted_role), strict=True):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(option.palette.color(role))
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect.left(), rect.top() + metrics.ascent(), elided)
            rect.setTop(rect.top() + metrics.lineSpacing())
        painter.restore()


class FoldedFilter(QSortFilterProxyModel):
    """Keeps rows whose folded text contains every folded word typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.words = fold(text).split()
        # Setting the filter string is what makes the proxy re-filter (our own test below
        # decides which rows stay).
        self.setFilterFixedString(" ".join(self.words))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        haystack = self.sourceModel().index(row, 0, parent).data(FILTER_ROLE) or ""
        return all(word in haystack for word in self.words)


class LibraryPanel(QWidget):
    article_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summaries: dict[int, ArticleSummary] = {}
        self.filter = QLineEdit(self)
        self.filter.setObjectName("library-filter")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = FoldedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView(self)
        self.list.setObjectName("library-list")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(SummaryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.count = QLabel(self)
        self.filter.textChanged.connect(self._filter_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by title, author or number"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_summaries(self, summaries: list[ArticleSummary]) -> None:
        current = self.current_id()
        self.summaries = {s.id: s for s in summaries}
        self.model.clear()
        ordered = sorted(summaries, key=lambda s: (s.blog_post_number is None,
                                                   -(s.blog_post_number or 0), s.id))
        for summary in ordered:
            self.model.appendRow(_summary_item(summary))
        if current is not None:
            self.select(current, notify=False)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(self.tr("%n article(s)", "", total))
        else:
            self.count.setText(self.tr("%1 of %2 articles").replace("%1", str(shown))
                               .replace("%2", str(total)))

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def first_id(self) -> int | None:
        """The article at the top of the list (the newest blog post)."""
        index = self.proxy.index(0, 0)
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, article_id: int, notify: bool = True) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == article_id:
                self.list.selectionModel().blockSignals(not notify)
                self.list.setCurrentIndex(index)
                self.list.selectionModel().blockSignals(False)
                self.list.scrollTo(index)
                return

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_selected.emit(current.data(ID_ROLE))


def _summary_item(summary: ArticleSummary) -> QStandardItem:
    vi, en = summary.title.get("vi", ""), summary.title.get("en", "")
    details = [", ".join(summary.authors)] if summary.authors else []
    if summary.blog_post_number is not None:
        details.append(f"#{summary.blog_post_number}")
    item = QStandardItem(vi or en or "?")
    item.setData((vi or en or "?", en if vi else "", " · ".join(details)), LINES_ROLE)
    item.setData(summary.id, ID_ROLE)
    searchable = " ".join([vi, en, *summary.authors, str(summary.blog_post_number or "")])
    item.setData(fold(searchable), FILTER_ROLE)
    item.setToolTip("\n".join(t for t in (vi, en, " · ".join(details)) if t))
    return item
