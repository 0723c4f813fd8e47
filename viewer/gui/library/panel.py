"""The library list: every archived article (title in both languages, authors, blog post
number, date) in the chosen order — blog post number, date or title — with a filter box that
ignores case and diacritics, a tag filter, and counts. The model is lazy (library_model), so
5,000 articles lay out at once. Main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
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
from viewer.gui.fitting_row import FittingRow
from viewer.gui.library.model import (
    ID_ROLE,
    LINES_ROLE,
    SORT_ORDERS,
    LibraryFilter,
    SummaryModel,
    tag_counts,
)

ROW_PADDING = 5


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
        for text, font, role in zip(
            lines, self._fonts(option), (text_role, text_role, muted_role), strict=True
        ):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(option.palette.color(role))
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect.left(), rect.top() + metrics.ascent(), elided)
            rect.setTop(rect.top() + metrics.lineSpacing())
        painter.restore()


class LibraryPanel(QWidget):
    """Emits article_selected(id) when the user picks an article, sort_changed(order) when the
    order changes (the window remembers it)."""

    article_selected = Signal(int)
    sort_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summaries: dict[int, ArticleSummary] = {}
        self.filter = QLineEdit(self)
        self.filter.setObjectName("library-filter")
        self.filter.setClearButtonEnabled(True)
        self.sort = QComboBox(self)
        # Measured again when the theme changes the style (a stale width clips the label).
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort.setObjectName("library-sort")
        self.tags = QComboBox(self)
        self.tags.setObjectName("library-tag")
        self.tags.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tags.setMinimumContentsLength(8)
        self.model = SummaryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView(self)
        self.list.setObjectName("library-list")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(SummaryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        # Rows elide their text to the width: a horizontal scroll bar would only eat a row.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.count = QLabel(self)
        self.filter.textChanged.connect(self._filter_changed)
        self.sort.currentIndexChanged.connect(self._sort_chosen)
        self.tags.currentIndexChanged.connect(self._tag_chosen)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        choices = FittingRow((self.sort, 1), (self.tags, 1))  # stacked in a narrow panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addLayout(choices)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by title, author, tag or number"))
        labels = {
            "number": self.tr("Newest post number first"),
            "date": self.tr("Newest date first"),
            "title": self.tr("Title A–Z"),
        }
        self.sort.blockSignals(True)
        current = self.sort_order()
        self.sort.clear()
        for order in SORT_ORDERS:
            self.sort.addItem(labels[order], order)
        self.sort.setCurrentIndex(SORT_ORDERS.index(current))
        self.sort.blockSignals(False)
        self.sort.setToolTip(self.tr("Order of the list"))
        self.tags.setToolTip(self.tr("Show only the articles with this tag"))
        self._fill_tags()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_summaries(self, summaries: list[ArticleSummary]) -> None:
        current = self.current_id()
        self.summaries = {s.id: s for s in summaries}
        self.model.set_summaries(summaries)
        self._fill_tags()
        if current is not None:
            self.select(current, notify=False)
        self._update_count()

    # -- order, tag and text filters -------------------------------------------------------

    def sort_order(self) -> str:
        return self.model.order

    def set_sort(self, order: str) -> None:
        if order in SORT_ORDERS:
            self.sort.setCurrentIndex(SORT_ORDERS.index(order))  # _sort_chosen applies it

    def _sort_chosen(self, _index: int) -> None:
        order = self.sort.currentData()
        if order is None or order == self.model.order:
            return
        current = self.current_id()
        self.model.sort_by(order)
        if current is not None:
            self.select(current, notify=False)
        self.sort_changed.emit(order)

    def tag_filter(self) -> str | None:
        return self.proxy.tag

    def set_tag_filter(self, tag: str | None) -> None:
        found = self.tags.findData(tag) if tag else 0
        self.tags.setCurrentIndex(max(found, 0))

    def _fill_tags(self) -> None:
        chosen = self.proxy.tag
        self.tags.blockSignals(True)
        self.tags.clear()
        self.tags.addItem(self.tr("All tags"), None)
        for tag, count in tag_counts(list(self.summaries.values())):
            self.tags.addItem(f"{tag} ({count})", tag)
        found = self.tags.findData(chosen) if chosen else 0
        self.tags.setCurrentIndex(max(found, 0))
        self.tags.blockSignals(False)
        self.tags.setEnabled(self.tags.count() > 1)
        if chosen and found < 0:
            self.proxy.set_tag(None)  # that tag is gone from the archive

    def _tag_chosen(self, _index: int) -> None:
        self.proxy.set_tag(self.tags.currentData())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(self.tr("%n article(s)", "", total))
        else:
            self.count.setText(
                self.tr("%1 of %2 articles").replace("%1", str(shown)).replace("%2", str(total))
            )

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    # -- the current article ---------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def first_id(self) -> int | None:
        """The article at the top of the list (the newest blog post)."""
        index = self.proxy.index(0, 0)
        return index.data(ID_ROLE) if index.isValid() else None

    def shown_ids(self) -> list[int]:
        """The articles the list shows now, top to bottom."""
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in range(self.proxy.rowCount())]

    def select(self, article_id: int, notify: bool = True) -> None:
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return  # filtered out
        self.list.selectionModel().blockSignals(not notify)
        self.list.setCurrentIndex(index)
        self.list.selectionModel().blockSignals(False)
        self.list.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_selected.emit(current.data(ID_ROLE))
