"""The translator's workbench in the main window: the "Translations" tab, "How was this
translated?" (Edit menu, the reader's context menu, Ctrl+Shift+T) for the selection or the
search box's words, and File ▸ Export translation memory (TMX or tab-separated).

Installed by the window once (`Workbench(window)`); it adds its tab and actions and keeps to
them. The export runs on the thread pool. Main thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow

from archive.export.exporters import write_export
from archive.export.translation_memory import tmx_document, tsv_document
from viewer.gui.translations.panel import TranslationsPanel

FORMAT_SUFFIXES = {"tmx": ".tmx", "tsv": ".tsv"}


class Workbench(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = TranslationsPanel(window.library, window.runner, window._title_for, window)
        self.panel.setObjectName("translations-panel")
        window.side_tabs.addTab(self.panel, "")
        self.look_up = QAction(window)
        self.look_up.setObjectName("look-up-translations")
        self.look_up.setShortcut(QKeySequence("Ctrl+Shift+T"))
        window.addAction(self.look_up)
        self.export_memory = QAction(window)
        self.export_memory.setObjectName("export-translation-memory")
        file_actions = window.menus.file.actions()
        after_export = file_actions.index(window.commands.export) + 1
        window.menus.file.insertAction(file_actions[after_export], self.export_memory)
        window.menus.edit.addAction(self.look_up)
        window.reader.context_actions.append(self.look_up)
        self.look_up.triggered.connect(self.look_up_selection)
        self.export_memory.triggered.connect(self.choose_export_file)
        self.panel.example_activated.connect(self.open_example)
        self.written: Path | None = None
        self.catching_up = False
        self.again = False  # a catch-up was asked for while one ran
        self.retranslate()

    def retranslate(self) -> None:
        self.look_up.setText(self.tr("How was this &translated?"))
        self.look_up.setToolTip(
            self.tr(
                "Show how the archive's translators rendered the "
                "selected words (or the search box's)"
            )
        )
        self.export_memory.setText(self.tr("Export &translation memory…"))
        self.window.side_tabs.setTabText(
            self.window.side_tabs.indexOf(self.panel), self.tr("Translations")
        )
        self.panel.retranslate()

    def catch_up(self) -> None:
        """Bring the translation memory up to date in a worker (after the index is ready: a
        first build after an upgrade pairs every article's sentences, which takes a while)."""
        if self.catching_up:  # one run at a time; a change during it asks for another
            self.again = True
            return
        library = self.window.library
        self.catching_up, self.again = True, False

        def done(_changed: object) -> None:
            self.catching_up = False
            if self.again:
                self.catch_up()

        def failed(message: str) -> None:
            self.catching_up = False
            self.window.statusBar().showMessage(
                self.tr("The translation memory could not be built: %1").replace("%1", message),
                8000,
            )

        self.window.runner.start(lambda _report: library.ensure_translation_memory(), done, failed)

    def show_panel(self) -> None:
        self.window.side_tabs.setCurrentWidget(self.panel)

    def look_up_selection(self) -> None:
        """Look up the reader's selection, else the search box's words."""
        reader = self.window.reader
        text = reader.view.textCursor().selectedText().replace("\u2029", " ").strip()
        lang = None
        if text:
            place = reader.selection_place()
            lang = place.lang if place is not None else None
        else:
            text = self.window.search_panel.field.text().strip()
        self.show_panel()
        if text:
            self.panel.look_up(text, lang)
        else:
            self.panel.field.setFocus()

    def open_example(self, article_id: int, lang: str, passage: int) -> None:
        """Open the example's article (read in a worker), then show its passage."""

        def show() -> None:
            self.window._show_language(lang)
            self.window.reader.go_to_passage(lang, passage)

        self.window.open_article(article_id, show)

    # -- export --------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        tmx, tsv = self.tr("TMX translation memory (*.tmx)"), self.tr("Tab-separated (*.tsv)")
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export translation memory"),
            str(Path.home() / "song-ngu.tmx"),
            f"{tmx};;{tsv}",
        )
        if path:
            fmt = "tsv" if chosen == tsv or path.lower().endswith(".tsv") else "tmx"
            # The save dialog already asked before replacing a file.
            self.export_to(Path(path), fmt, overwrite=True)

    def export_to(self, path: Path, fmt: str = "tmx", overwrite: bool = False) -> None:
        """Write every sentence pair of the archive to `path` in a worker."""
        library = self.window.library

        def work(_report: object) -> int:
            units = library.translation_units()
            text = tmx_document(units) if fmt == "tmx" else tsv_document(units)
            write_export(path, text.encode("utf-8"), overwrite=overwrite)
            return len(units)

        def done(count: int) -> None:
            self.written = path
            self.window.statusBar().showMessage(
                self.tr("Exported %1 sentence pair(s) to %2")
                .replace("%1", str(count))
                .replace("%2", str(path)),
                8000,
            )

        def failed(message: str) -> None:
            self.window.statusBar().showMessage(
                self.tr("Export failed: %1").replace("%1", message), 8000
            )

        self.window.statusBar().showMessage(self.tr("Exporting the translation memory…"))
        self.window.runner.start(work, done, failed)
