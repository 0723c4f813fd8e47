"""The search field, language filter and results pane: results update as the user types.

Queries run on a thread pool (the Library is thread-safe); each carries a generation number and
only the newest generation's results are shown, so a slow early query never overwrites a later
one. Main thread only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive.model import NATIVE_LANGUAGE_NAMES, Article
from viewer.concordance import hit_key, parallel_snippets
from viewer.gui import styles
from viewer.gui.fitting_row import FittingRow
from viewer.gui.reader import html as reader_html
from viewer.gui.rich_text import HTML_ROLE, RichTextDelegate
from viewer.gui.tasks import Task, TaskRunner
from viewer.library import WINDOW_RESULTS
from viewer.library_api import LibraryAPI

DEBOUNCE_MS = 150
SUGGESTION_SCHEME = "songngu-search"  # the href of a "did you mean" link
RESULT_LIMIT = WINDOW_RESULTS
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
LANGUAGE_FILTERS = ("all", "vi", "en")

TitleLookup = Callable[[int, str], str]  # (article id, lang) -> title to show
# The open article and the languages the reader shows: their matches are found in a worker.
HighlightTarget = Callable[[], tuple[Article | None, list[str]]]


class SearchPanel(QWidget):
    """Emits hit_activated(hit) when the user opens a result; step_requested(+1/-1) on Enter."""

    hit_activated = Signal(object)
    step_requested = Signal(int)
    # The query whose results are shown ("" when cleared) and the match spans already found
    # for the open article ({(article id, lang): {passage: spans}}).
    query_changed = Signal(str, object)

    def __init__(
        self,
        library: LibraryAPI,
        runner: TaskRunner,
        titles: TitleLookup,
        highlight_target: HighlightTarget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.titles = titles
        self.highlight_target = highlight_target or (lambda: (None, []))
        self.generation = 0
        self.shown_query = ""
        self.results = None
        self.parallel_snippets: dict = {}  # hit key -> ParallelSnippet, when shown
        self.index_ready = True
        self._queued: Task | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.field = QLineEdit(self)
        self.field.setObjectName("search-field")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.language = QComboBox(self)
        # Measured again when the theme changes the style (a stale width clips the label).
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.setObjectName("search-language")
        self.count = QLabel(self)
        self.count.setObjectName("search-count")
        # The summary ("(best 50 of about 51)") wraps; it never widens the panel.
        self.count.setWordWrap(True)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.parallel = QCheckBox(self)
        self.parallel.setObjectName("search-parallel")
        self.parallel.toggled.connect(self._parallel_toggled)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("search-results")
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(RichTextDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.message = QLabel(self)
        self.message.setObjectName("search-message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setMargin(12)
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.message.setOpenExternalLinks(False)  # "did you mean" links search, never browse
        self.message.linkActivated.connect(self._suggestion_clicked)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.tree)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_query)
        self.field.textChanged.connect(self._text_changed)
        self.language.currentIndexChanged.connect(lambda _i: self.run_query())
        row = FittingRow((self.field, 1), (self.language, 0))  # stacked in a narrow panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        counts = QHBoxLayout()
        counts.addWidget(self.count, 1)
        counts.addWidget(self.parallel)
        layout.addLayout(row)
        layout.addLayout(counts)
        layout.addWidget(self.stack, 1)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search both languages (Ctrl+F)"))
        self.field.setToolTip(
            "\n".join(
                [
                    self.tr("Diacritics are optional: “chien tranh” finds “chiến tranh”."),
                    self.tr('"quoted phrase", -exclude, OR.'),
                    self.tr("Enter: next match, Shift+Enter: previous."),
                ]
            )
        )
        current = self.language_filter()
        self.language.blockSignals(True)
        self.language.clear()
        for code, label in zip(LANGUAGE_FILTERS, self._language_labels(), strict=True):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(LANGUAGE_FILTERS.index(current))
        self.language.blockSignals(False)
        self.language.setToolTip(self.tr("Search in"))
        self.parallel.setText(self.tr("Show translations"))
        self.parallel.setToolTip(
            self.tr("Show under each hit the passage paired with it in the other language")
        )
        if self.results is not None:
            self._show_results(self.results)
        else:
            self._show_idle()

    def _language_labels(self) -> tuple[str, str, str]:
        return (self.tr("All languages"), NATIVE_LANGUAGE_NAMES["vi"], NATIVE_LANGUAGE_NAMES["en"])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the query -----------------------------------------------------------------------

    def language_filter(self) -> str:
        return self.language.currentData() or "all"

    def set_language_filter(self, code: str) -> None:
        if code in LANGUAGE_FILTERS:
            self.language.setCurrentIndex(LANGUAGE_FILTERS.index(code))

    def parallel_shown(self) -> bool:
        return self.parallel.isChecked()

    def set_parallel(self, on: bool) -> None:
        self.parallel.setChecked(on)

    def _parallel_toggled(self, on: bool) -> None:
        """Show or hide the counterparts; the first time, find them for the shown hits."""
        if self.results is None:
            return
        if not on or self.parallel_snippets or not self.results.hits:
            self._show_results(self.results)
            return
        generation, query, hits = self.generation, self.shown_query, self.results.hits
        library = self.library
        self.runner.start(
            lambda _report: parallel_snippets(library, hits, query),
            lambda snippets: self._deliver_parallel(generation, snippets),
            lambda message: self._fail(generation, message),
        )

    def _deliver_parallel(self, generation: int, snippets: dict) -> None:
        if generation == self.generation and self.results is not None:
            self.parallel_snippets = snippets
            self._show_results(self.results)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        self.field.clear()  # textChanged clears the results

    def _text_changed(self, text: str) -> None:
        if text.strip():
            self.debounce.start()
        else:
            self.debounce.stop()
            self.generation += 1  # anything still running is now stale
            self.results = None
            self.shown_query = ""
            self._show_idle()
            self.query_changed.emit("", {})

    def set_index_ready(self, ready: bool) -> None:
        self.index_ready = ready
        if ready and self.field.text().strip():
            self.run_query()
        else:
            self._show_idle()

    def run_query(self) -> None:
        """Start the search for the field's text now; the newest call wins."""
        self.debounce.stop()
        query, lang = self.field.text(), self.language_filter()
        if not query.strip() or not self.index_ready:
            return
        self.generation += 1
        generation = self.generation
        self.count.setText(self.tr("Searching…"))
        self.runner.withdraw(self._queued)  # still waiting for a thread: never run it
        library, parallel = self.library, self.parallel.isChecked()
        self._queued = self.runner.start(
            lambda _report: _search(library, query, lang, parallel),
            lambda found: self._deliver(generation, query, *found),
            lambda message: self._fail(generation, message),
        )

    def _deliver(
        self, generation: int, query: str, results: object, snippets: dict | None = None
    ) -> None:
        if generation != self.generation:
            return  # stale: the user typed on
        self.results = results
        self.parallel_snippets = snippets or {}
        self.shown_query = query
        self._show_results(results)
        if self.parallel_shown() and snippets is None:
            self._parallel_toggled(True)  # switched on while this search was running
        self._find_highlights(generation, query)

    def _find_highlights(self, generation: int, query: str) -> None:
        """Find the open article's matches in a worker; the results list is already shown."""
        article, langs = self.highlight_target()
        if article is None:
            self.query_changed.emit(query, {})
            return
        library = self.library

        def work(_report: object) -> dict:
            return {
                (article.id, lang): reader_html.article_spans(library, query, article, lang)
                for lang in langs
            }

        def done(spans: dict) -> None:
            if generation == self.generation:
                self.query_changed.emit(query, spans)

        self.runner.start(work, done, lambda _message: done({}))

    def _fail(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.count.setText("")
            self.message.setText(self.tr("Search failed: %1").replace("%1", message))
            self.stack.setCurrentWidget(self.message)

    # -- showing results ---------------------------------------------------------------

    def _show_idle(self) -> None:
        self.tree.clear()
        self.count.setText("")
        if not self.index_ready:
            self.message.setText(
                self.tr(
                    "The search index is being built. Results will appear as soon as it is ready."
                )
            )
        else:
            tips = [
                self.tr("Diacritics are optional: “chien tranh” finds “chiến tranh”."),
                self.tr('"Quoted words" must stand together; -word excludes; OR widens.'),
                self.tr(
                    "Enter or F3: next match in the article; Shift+Enter or Shift+F3: previous."
                ),
            ]
            items = "".join(f"<li>{html.escape(t)}</li>" for t in tips)
            intro = self.tr("Type to search the whole archive in Vietnamese and English.")
            self.message.setText(f"<p>{html.escape(intro)}</p><ul>{items}</ul>")
        self.stack.setCurrentWidget(self.message)

    def _show_results(self, results: object) -> None:
        self.tree.clear()
        hits = list(results.hits)
        if not hits:
            self._show_empty(results.query, list(getattr(results, "suggestions", [])))
            return
        groups = self._group(hits)
        # Every matching passage and article, not only the shown ones (SearchResults.total).
        total = max(getattr(results, "total", 0), len(hits))
        articles = max(getattr(results, "articles", 0), len(groups))
        about = "" if getattr(results, "total_exact", True) else self.tr("about") + " "
        self.count.setText(
            about
            + self.tr("%n passage(s)", "", total)
            + " · "
            + self.tr("%n article(s)", "", articles)
            + self._total_note(total, len(hits))
        )
        for article_id, article_hits in groups.items():
            self.tree.addTopLevelItem(self._group_item(article_id, article_hits))
        self.tree.expandAll()
        self.stack.setCurrentWidget(self.tree)

    def _total_note(self, total: int, shown: int) -> str:
        if total > shown:
            return " " + self.tr("(best %1 shown)").replace("%1", str(shown))
        return ""

    @staticmethod
    def _group(hits: list) -> dict[int, list]:
        groups: dict[int, list] = {}
        for hit in hits:  # dicts keep insertion order: the best article first
            groups.setdefault(hit.article_id, []).append(hit)
        return groups

    def _group_item(self, article_id: int, hits: list) -> QTreeWidgetItem:
        title = html.escape(self.titles(article_id, hits[0].lang))
        item = QTreeWidgetItem()
        item.setData(0, HTML_ROLE, f"<b>{title}</b> <span style='color:gray'>({len(hits)})</span>")
        item.setData(0, HIT_ROLE, hits[0])
        for hit in hits:
            child = QTreeWidgetItem(item)
            where = self._where(hit)
            child.setData(
                0,
                HTML_ROLE,
                f"<small style='color:gray'>{html.escape(where)}</small>"
                f"<br>{styles.mark_html(hit.snippet)}{self._parallel_html(hit)}",
            )
            child.setData(0, HIT_ROLE, hit)
        return item

    def _parallel_html(self, hit: object) -> str:
        """The hit's counterpart in the other language, indented under its snippet."""
        found = self.parallel_snippets.get(hit_key(hit)) if self.parallel_shown() else None
        if found is None:
            return ""
        where = f"⇄ {found.lang.upper()} · " + self.tr("passage %1").replace(
            "%1", ", ".join(str(i + 1) for i in found.passages)
        )
        return (
            f"<table cellspacing='0' cellpadding='0' style='margin-top:4px'><tr>"
            f"<td width='10'></td><td><small style='color:gray'>{html.escape(where)}</small>"
            f"<br><i>{styles.mark_html(found.snippet)}</i></td></tr></table>"
        )

    def _where(self, hit: object) -> str:
        lang = "VI" if hit.lang == "vi" else "EN"
        if hit.passage is None:
            return f"{lang} · " + self.tr("title, subtitle or authors")
        return f"{lang} · " + self.tr("passage %1").replace("%1", str(hit.passage + 1))

    def _show_empty(self, query: str, suggestions: list[str]) -> None:
        self.count.setText(self.tr("No results"))
        tips = [
            self.tr("Check the spelling, or type without diacritics."),
            self.tr("Remove a word: every word must match."),
        ]
        if self.language_filter() != "all":
            tips.insert(0, self.tr("Set the language filter to “All languages”."))
        items = "".join(f"<li>{html.escape(t)}</li>" for t in tips)
        self.message.setText(
            "<p>"
            + self.tr("Nothing matches <b>%1</b>.").replace("%1", html.escape(query.strip()))
            + "</p>"
            + self._did_you_mean(suggestions)
            + "<p>"
            + self.tr("Suggestions:")
            + f"</p><ul>{items}</ul>"
        )
        self.stack.setCurrentWidget(self.message)

    def _did_you_mean(self, suggestions: list[str]) -> str:
        """Each corrected query as a link; clicking one searches it (_suggestion_clicked)."""
        if not suggestions:
            return ""
        links = ", ".join(
            f"<a href='{SUGGESTION_SCHEME}:{quote(s)}'>{html.escape(s)}</a>" for s in suggestions
        )
        return "<p>" + self.tr("Did you mean: %1?").replace("%1", links) + "</p>"

    def _suggestion_clicked(self, link: str) -> None:
        scheme, _, suggestion = link.partition(":")
        if scheme == SUGGESTION_SCHEME and unquote(suggestion).strip():
            # The trailing space ends the last word, as the suggestion was checked: whole.
            self.field.setText(unquote(suggestion) + " ")  # textChanged searches it
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def activate_first_hit(self) -> None:
        first = self.first_hit_item()
        if first is not None:
            self.tree.setCurrentItem(first)
            self._activate(first)

    def first_hit_item(self) -> QTreeWidgetItem | None:
        top = self.tree.topLevelItem(0)
        return top.child(0) if top is not None and top.childCount() else None

    # -- keys in the field ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            return self._field_key(event)
        return super().eventFilter(watched, event)

    def _field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.clear()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.debounce.isActive() or self.shown_query != self.field.text():
                self.run_query()
            else:
                back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step_requested.emit(-1 if back else 1)
            return True
        if key == Qt.Key.Key_Down and self.stack.currentWidget() is self.tree:
            self.tree.setFocus()
            first = self.first_hit_item()
            if first is not None:
                self.tree.setCurrentItem(first)
            return True
        return False


def _search(
    library: LibraryAPI, query: str, lang: str, parallel: bool
) -> tuple[object, dict | None]:
    """In a worker: the results and, when asked for, each hit's counterpart snippet (None:
    not asked)."""
    # As you type: the last word is a prefix until a space follows it.
    results = library.search(query, lang=lang, limit=RESULT_LIMIT, as_you_type=True)
    return results, parallel_snippets(library, results.hits, query) if parallel else None
