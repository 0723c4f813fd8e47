"""The library list's data: a lazy list model over article summaries, in the chosen order, and
a filter proxy for typed words (case and diacritics ignored) and one tag.

The model holds only ArticleSummary objects; row text is made when a row is painted, and the
folded text the filter compares is made once per summary on the first filter. Sorting reorders
the Python list (one reset) rather than asking a proxy to compare 5,000 rows through Qt.
Main thread only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from archive.model import ArticleSummary
from archive.text_fold import fold

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
LINES_ROLE = Qt.ItemDataRole.UserRole + 3  # (Vietnamese title, English title, details)
TAGS_ROLE = Qt.ItemDataRole.UserRole + 4

SORT_ORDERS = ("number", "date", "title")
AnyIndex = QModelIndex | QPersistentModelIndex


def _by_number(s: ArticleSummary) -> tuple:
    # Newest blog post first; articles that are not blog posts after them, newest import first.
    return (s.blog_post_number is None, -(s.blog_post_number or 0), -s.id)


def _by_date(s: ArticleSummary) -> tuple:
    # Newest first by publication date, else by when it was imported (ISO strings sort as dates).
    stamp = s.published or s.imported_at or ""
    return (not stamp, _descending(stamp), -s.id)


def _by_title(s: ArticleSummary) -> tuple:
    title = s.title.get("vi") or s.title.get("en") or ""
    return (not title, fold(title), title, s.id)


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


SORT_KEYS: dict[str, Callable[[ArticleSummary], tuple]] = {
    "number": _by_number,
    "date": _by_date,
    "title": _by_title,
}


def summary_lines(summary: ArticleSummary) -> tuple[str, str, str]:
    """The three lines a row shows: main title, the other title, authors · number · date."""
    vi, en = summary.title.get("vi", ""), summary.title.get("en", "")
    details = [", ".join(summary.authors)] if summary.authors else []
    if summary.blog_post_number is not None:
        details.append(f"#{summary.blog_post_number}")
    if summary.published:
        details.append(summary.published[:10])
    return (vi or en or "?", en if vi else "", " · ".join(details))


def tag_counts(summaries: Sequence[ArticleSummary]) -> list[tuple[str, int]]:
    """Every tag with how many articles carry it, in folded alphabetical order."""
    counts = Counter(tag for s in summaries for tag in dict.fromkeys(s.tags))
    return sorted(counts.items(), key=lambda item: (fold(item[0]), item[0]))


class SummaryModel(QAbstractListModel):
    """One row per article summary, in the order set by `sort`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []
        self.order = "number"
        self._folded: dict[int, str] = {}  # article id -> folded searchable text, made lazily
        self._row_of: dict[int, int] = {}

    def set_summaries(self, summaries: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self.rows = sorted(summaries, key=SORT_KEYS[self.order])
        self._folded = {}
        self._row_of = {s.id: row for row, s in enumerate(self.rows)}
        self.endResetModel()

    def sort_by(self, order: str) -> None:
        if order in SORT_KEYS and order != self.order:
            self.order = order
            self.set_summaries(self.rows)

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        summary = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary_lines(summary)[0]
        if role == ID_ROLE:
            return summary.id
        if role == LINES_ROLE:
            return summary_lines(summary)
        if role == FILTER_ROLE:
            return self._filter_text(summary)
        if role == TAGS_ROLE:
            return summary.tags
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(line for line in summary_lines(summary) if line)
        return None

    def _filter_text(self, summary: ArticleSummary) -> str:
        folded = self._folded.get(summary.id)
        if folded is None:
            parts = [
                *summary.title.values(),
                *summary.authors,
                *summary.tags,
                str(summary.blog_post_number or ""),
            ]
            folded = self._folded[summary.id] = fold(" ".join(parts))
        return folded


class LibraryFilter(QSortFilterProxyModel):
    """Keeps rows whose folded text contains every folded word typed, and that carry the chosen
    tag (None: any)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.tag: str | None = None

    def set_text(self, text: str) -> None:
        self.words = fold(text).split()
        self._refilter()

    def set_tag(self, tag: str | None) -> None:
        self.tag = tag or None
        self._refilter()

    def _refilter(self) -> None:
        # Changing the filter string is what makes the proxy re-filter (filterAcceptsRow below
        # decides which rows stay); the tag is part of it so a tag change re-filters too.
        self.setFilterFixedString("\x1f".join([*self.words, self.tag or ""]))

    def filterAcceptsRow(self, row: int, parent: AnyIndex) -> bool:  # noqa: N802 (Qt API)
        if not self.words and self.tag is None:
            return True  # no filter: skip folding 5,000 titles on every reset
        index = self.sourceModel().index(row, 0, parent)
        if self.tag is not None and self.tag not in (index.data(TAGS_ROLE) or ()):
            return False
        haystack = index.data(FILTER_ROLE) or ""
        return all(word in haystack for word in self.words)
