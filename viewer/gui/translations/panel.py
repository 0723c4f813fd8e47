""" "How was this translated?": a word or phrase, the renderings the archive's translators used
in the other language, and examples of each (the sentence and its translation).

The lookup runs on the thread pool through the Library (the translation memory is built at
index time); each carries a generation number and only the newest is shown, so typing on never
shows a stale answer. Main thread only.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer.gui import styles
from viewer.gui.tasks import Task, TaskRunner

DEBOUNCE_MS = 300
RENDERING_LIMIT = 12
EXAMPLES = 4
LANGUAGES = ("", "vi", "en")  # "" = detect
RENDERING_ROLE = Qt.ItemDataRole.UserRole + 1
TitleLookup = Callable[[int, str], str]


class TranslationsPanel(QWidget):
    """Emits example_activated(article id, lang, passage) when the user opens an example."""

    example_activated = Signal(int, str, int)

    def __init__(
        self,
        library: object,
        runner: TaskRunner,
        titles: TitleLookup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.titles = titles
        self.generation = 0
        self.found: object | None = None  # the Lookup shown
        self._queued: Task | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.field = QLineEdit(self)
        self.field.setObjectName("translations-field")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.run_lookup)
        self.language = QComboBox(self)
        self.language.setObjectName("translations-language")
        self.language.currentIndexChanged.connect(lambda _i: self.run_lookup())
        self.summary = QLabel(self)
        self.summary.setObjectName("translations-summary")
        self.summary.setWordWrap(True)
        self.renderings = QListWidget(self)
        self.renderings.setObjectName("translations-renderings")
        self.renderings.currentItemChanged.connect(lambda item, _old: self._show_examples(item))
        self.examples = QTextBrowser(self)
        self.examples.setObjectName("translations-examples")
        self.examples.setOpenLinks(False)
        self.examples.anchorClicked.connect(self._open_example)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_lookup)
        self.field.textEdited.connect(lambda _text: self.debounce.start())
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.language)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.renderings)
        split.addWidget(self.examples)
        split.setSizes([160, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("A word or phrase, in either language"))
        self.field.setToolTip(
            self.tr(
                "How did the archive's translators render it? Enter looks "
                "it up; so does selecting text and choosing “How was "
                "this translated?”"
            )
        )
        current = self.language.currentIndex()
        self.language.blockSignals(True)
        self.language.clear()
        for label in (self.tr("Detect"), "Tiếng Việt", "English"):
            self.language.addItem(label)
        self.language.setCurrentIndex(max(current, 0))
        self.language.blockSignals(False)
        self.language.setToolTip(self.tr("The language of the word or phrase"))
        if self.found is not None:
            self._show(self.found)
        else:
            self.summary.setText(self.tr("Type a word or phrase to see how it was translated."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- looking up ----------------------------------------------------------------------

    def look_up(self, text: str, lang: str | None = None) -> None:
        """Show the renderings of `text` (from a selection or the search box)."""
        self.field.setText(" ".join(text.split()))
        if lang in ("vi", "en"):
            self.language.blockSignals(True)
            self.language.setCurrentIndex(LANGUAGES.index(lang))
            self.language.blockSignals(False)
        self.run_lookup()

    def run_lookup(self) -> None:
        """Start the lookup of the field's text; the newest call wins."""
        self.debounce.stop()
        query = self.field.text().strip()
        if not query:
            return
        lang = LANGUAGES[max(self.language.currentIndex(), 0)] or None
        self.generation += 1
        generation = self.generation
        self.summary.setText(self.tr("Looking up…"))
        self.runner.withdraw(self._queued)
        library = self.library
        self._queued = self.runner.start(
            lambda _report: library.translations(
                query, lang, limit=RENDERING_LIMIT, examples=EXAMPLES
            ),
            lambda found: self._deliver(generation, found),
            lambda message: self._fail(generation, message),
        )

    def _deliver(self, generation: int, found: object) -> None:
        if generation == self.generation:
            self.found = found
            self._show(found)

    def _fail(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.summary.setText(self.tr("Lookup failed: %1").replace("%1", message))

    # -- showing -------------------------------------------------------------------------

    def _show(self, found: object) -> None:
        other = "English" if found.lang == "vi" else "Tiếng Việt"
        self.renderings.clear()
        self.examples.clear()
        if not found.renderings:
            text = (
                self.tr("“%1” is in no sentence pair of the archive.")
                if not found.occurrences
                else self.tr("“%1” is in %2 sentence pair(s); no rendering recurs.")
            )
            self.summary.setText(
                text.replace("%1", found.query).replace("%2", str(found.occurrences))
            )
            return
        about = self.tr("about ") if found.estimated else ""
        self.summary.setText(
            self.tr("“%1” in %2%3 sentence pair(s); renderings in %4:")
            .replace("%1", found.query)
            .replace("%2", about)
            .replace("%3", str(found.occurrences))
            .replace("%4", other)
        )
        for rendering in found.renderings:
            item = QListWidgetItem(f"{rendering.text}    ×{rendering.count}")
            item.setData(RENDERING_ROLE, rendering)
            item.setToolTip(
                self.tr("found with it in %1 sentence pair(s)").replace("%1", str(rendering.count))
            )
            self.renderings.addItem(item)
        self.renderings.setCurrentRow(0)

    def _show_examples(self, item: QListWidgetItem | None) -> None:
        if item is None or self.found is None:
            self.examples.clear()
            return
        rendering = item.data(RENDERING_ROLE)
        lang = self.found.lang
        other = "en" if lang == "vi" else "vi"
        blocks = []
        for n, example in enumerate(rendering.examples):
            title = html.escape(self.titles(example.article_id, lang))
            blocks.append(
                f'<p><a href="example:{n}">{title}</a> <span style="color: gray;">'
                f"¶{example.passage + 1}</span><br>"
                f"<b>{lang}</b> {styles.mark_html(marked(example.text, example.text_spans))}<br>"
                f"<b>{other}</b> "
                f"{styles.mark_html(marked(example.counterpart, example.counterpart_spans))}</p>"
            )
        self.examples.setHtml("".join(blocks))

    def _open_example(self, url: QUrl) -> None:
        item = self.renderings.currentItem()
        if item is None or self.found is None or not url.toString().startswith("example:"):
            return
        example = item.data(RENDERING_ROLE).examples[int(url.toString().split(":", 1)[1])]
        self.example_activated.emit(example.article_id, self.found.lang, example.passage)


def marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """HTML of `text` with <mark> around each span (styles.mark_html makes Qt show them);
    everything else escaped."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [html.escape(text[at:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)
