"""Export with citations: the selected bookmarks, all bookmarks (or those of one tag), the current
search results or the reader's selection, as Markdown, HTML, plain text, PDF or W3C Web
Annotation JSON. archive.export.exporters formats; viewer.gui.pdf_export lays out the PDF.

The dialog can be driven without the native file dialog: `export_to(path)` does the export and
reports a failure in the dialog in one line. An existing file is replaced only when the save
dialog asked the user (`overwrite=True`). Main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from archive.bookmarks.bookmark import Bookmark
from archive.errors import SongNguError
from archive.export.citation import Excerpt, excerpt_from_passage
from archive.export.exporters import ALL_FORMATS, export, safe_filename, write_export
from archive.model import Article
from viewer.gui import settings as S
from viewer.gui import styles
from viewer.gui.file_dialogs import save_file_name
from viewer.gui.operations import NOTHING, Operations, one_line
from viewer.gui.reader.selection import PassageSelection
from viewer.library import WINDOW_RESULTS
from viewer.library_api import LibraryAPI

SOURCES = ("selected", "tag", "search", "selection")
FORMATS = ALL_FORMATS
SEARCH_EXPORT_LIMIT = WINDOW_RESULTS  # as many results as the search panel shows


@dataclass
class ExportSources:
    """What the window can export; each callable answers at the moment of the export."""

    library: LibraryAPI
    selected_bookmarks: Callable[[], list[Bookmark]]
    tags: Callable[[], list[str]]
    search: Callable[[], tuple[str, str]]  # (the query shown, its language filter); "" if none
    selection: Callable[[], tuple[Article, PassageSelection] | None]
    operations: Operations  # the export runs as one of the window's operations


def render(excerpts: Sequence[Excerpt], fmt: str, title: str) -> bytes:
    """The file's bytes in one of FORMATS."""
    if fmt == "pdf":
        from viewer.gui.pdf_export import html_to_pdf_bytes

        return html_to_pdf_bytes(export(excerpts, "html", title), title)
    return export(excerpts, fmt, title).encode("utf-8")


class ExportDialog(QDialog):
    """Emits exported(path) when the file is written, export_failed(message) when not."""

    exported = Signal(object)
    export_failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        sources: ExportSources,
        settings: S.Settings,
        source: str = "selected",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.sources = sources
        self.settings = settings
        self.written: Path | None = None
        self._build()
        self._fill_choices()
        self.set_source(source)
        self.set_format(settings.get(S.EXPORT_FORMAT))
        self.with_translation.setChecked(settings.get(S.EXPORT_WITH_TRANSLATION))

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Export with citations"))
        self.choice = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        box = QGroupBox(self.tr("What to export"), self)
        grid = QGridLayout(box)
        for row, name in enumerate(SOURCES):
            radio = QRadioButton(box)
            radio.setObjectName(f"export-{name}")
            self.radios[name] = radio
            self.choice.addButton(radio, row)
            grid.addWidget(radio, row, 0)
        self.tag = QComboBox(box)
        self.tag.setObjectName("export-tag-choice")
        self.tag.currentIndexChanged.connect(lambda _i: self.radios["tag"].setChecked(True))
        grid.addWidget(self.tag, SOURCES.index("tag"), 1)
        self.format = QComboBox(self)
        self.format.setObjectName("export-format")
        self.with_translation = QCheckBox(self.tr("Add each passage in the other language"), self)
        self.message = QLabel(self)
        self.message.setObjectName("export-message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.choose_file_and_export)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.with_translation)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _fill_choices(self) -> None:
        count = len(self.sources.selected_bookmarks())
        self.radios["selected"].setText(self.tr("The selected bookmark(s) (%n)", "", count))
        self.radios["selected"].setEnabled(count > 0)
        self.radios["tag"].setText(self.tr("Bookmarks:"))
        self.tag.blockSignals(True)
        self.tag.addItem(self.tr("all of them"), "")
        for tag in self.sources.tags():
            self.tag.addItem(self.tr("tagged “%1”").replace("%1", tag), tag)
        self.tag.blockSignals(False)
        query, _lang = self.sources.search()
        self.radios["search"].setText(
            self.tr("The search results for “%1”").replace("%1", query)
            if query
            else self.tr("The search results (no search yet)")
        )
        self.radios["search"].setEnabled(bool(query))
        selection = self.sources.selection()
        self.radios["selection"].setText(self.tr("The selection in the reader"))
        self.radios["selection"].setEnabled(selection is not None)
        labels = (
            self.tr("Markdown (.md)"),
            self.tr("Web page (.html)"),
            self.tr("Plain text (.txt)"),
            self.tr("PDF (.pdf)"),
            self.tr("Web Annotation JSON (.json)"),
        )
        for fmt, label in zip(FORMATS, labels, strict=True):
            self.format.addItem(label, fmt)

    # -- choices -------------------------------------------------------------------------

    def set_source(self, source: str) -> None:
        """Choose what to export; an unavailable choice falls back to all bookmarks."""
        radio = self.radios.get(source)
        if radio is None or not radio.isEnabled():
            radio = self.radios["tag"]
        radio.setChecked(True)

    def source(self) -> str:
        return SOURCES[self.choice.checkedId()]

    def set_tag(self, tag: str | None) -> None:
        self.tag.setCurrentIndex(max(self.tag.findData(tag or ""), 0))
        self.radios["tag"].setChecked(True)

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(max(self.format.findData(fmt), 0))

    def file_format(self) -> str:
        return self.format.currentData()

    # -- the export ----------------------------------------------------------------------

    def title(self) -> str:
        """The export's heading (and suggested file name) for the current choice."""
        source = self.source()
        if source == "tag" and (tag := self.tag.currentData()):
            return self.tr("Song Ngữ — %1").replace("%1", tag)
        if source in ("selected", "tag"):
            return self.tr("Song Ngữ — bookmarks")
        if source == "search":
            return f"Song Ngữ — “{self.sources.search()[0]}”"
        found = self.sources.selection()
        return f"Song Ngữ — {found[0].display_title(found[1].lang)}" if found else "Song Ngữ"

    def excerpts_work(self) -> Callable[[], list[Excerpt]]:
        """What to export, as a function for a worker: the choices are read here, on the main
        thread; the worker only reads the archive."""
        library, counterpart = self.sources.library, self.with_translation.isChecked()
        source = self.source()
        if source == "selected":
            chosen = self.sources.selected_bookmarks()
            return lambda: library.bookmark_excerpts(chosen, counterpart)
        if source == "tag":
            tag = self.tag.currentData() or None
            return lambda: library.bookmark_excerpts(library.bookmarks(tag=tag), counterpart)
        if source == "search":
            query, lang = self.sources.search()
            return lambda: library.search_excerpts(
                query, lang=lang, limit=SEARCH_EXPORT_LIMIT, with_counterpart=counterpart
            )
        found = self.sources.selection()
        if found is None:
            return lambda: []
        article, place = found
        return lambda: [
            excerpt_from_passage(
                article, place.lang, place.passage, place.text, with_counterpart=counterpart
            )
        ]

    def suggested_path(self) -> Path:
        folder = self.settings.get(S.EXPORT_FOLDER)
        base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        return base / safe_filename(self.title(), self.file_format())

    def choose_file_and_export(self) -> None:
        fmt = self.file_format()
        chosen = save_file_name(
            self,
            self.tr("Export with citations"),
            str(self.suggested_path()),
            f"{self.format.currentText()} (*.{fmt})",
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            # The dialog asked about the name as typed, not about this one: ask write_export.
            self.export_to(path.with_name(f"{path.name}.{fmt}"), overwrite=False)
        else:
            self.export_to(path, overwrite=True)  # the save dialog asked before replacing

    def export_to(self, path: Path, overwrite: bool = False) -> None:
        """Export to `path` as an operation (gathered, formatted and written in a worker); then
        exported(path) and the dialog closes, or export_failed(message) and the message shows
        in the dialog in one line."""
        path, fmt, title = Path(path), self.file_format(), self.title()
        gather = self.excerpts_work()
        nothing = self.tr("There is nothing to export for this choice.")

        def work(_report: object) -> Path:
            excerpts = gather()
            if not excerpts:
                raise SongNguError(nothing)
            write_export(path, render(excerpts, fmt, title), overwrite=overwrite)
            return path

        self.export_button.setEnabled(False)
        self.message.setStyleSheet("")  # a notice, not an error
        self.message.setText(self.tr("Exporting…"))
        self.sources.operations.run(
            "export", work, NOTHING, success=self._exported, failure=self._failed
        )

    def _exported(self, path: Path) -> None:
        self.written = path
        self.settings.set(S.EXPORT_FORMAT, self.file_format())
        self.settings.set(S.EXPORT_WITH_TRANSLATION, self.with_translation.isChecked())
        self.settings.set(S.EXPORT_FOLDER, str(path.parent))
        self.message.clear()
        self.export_button.setEnabled(True)
        self.accept()
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.message.setStyleSheet(f"color: {styles.error_colour(self.palette())};")
        self.message.setText(one_line(message))
        self.export_failed.emit(message)
