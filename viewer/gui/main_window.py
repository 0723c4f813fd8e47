"""The main window: library list, reader, search and metadata, wired to one Library.

It coordinates the panels and persists the window's state. Every user action is an operation
(viewer.gui.operations) run off the UI thread and ending in one changed(Changes) signal, on
which each panel re-reads what it shows; the article list and the articles themselves are read
in workers too. A failure shows one line in the status bar and goes to songngu.log in the data
folder (error_log). Main thread only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
)

from archive.importers.folder_scan import importable_patterns
from archive.model import NATIVE_LANGUAGE_NAMES, Article
from viewer.gui import actions as window_actions
from viewer.gui import dialogs, error_log, side_panels
from viewer.gui import settings as S
from viewer.gui.bookmarks.workflow import BookmarkWorkflow, WindowParts
from viewer.gui.file_dialogs import existing_directory, open_file_names
from viewer.gui.i18n import Translations, resolve_language
from viewer.gui.imports.worker import ImportController
from viewer.gui.library.metadata_panel import MetadataPanel
from viewer.gui.library.panel import LibraryPanel
from viewer.gui.operations import INDEX, Changes, Operations, one_line
from viewer.gui.reader.alignment_view import AlignmentView
from viewer.gui.reader.reader import Reader
from viewer.gui.search_panel import SearchPanel
from viewer.gui.tasks import TaskRunner
from viewer.gui.themes import themes_for
from viewer.gui.translations.workbench import Workbench
from viewer.library_api import LibraryAPI

ICON = Path(__file__).resolve().parent.parent / "icons" / "songngu.svg"
MODES = ("vi", "en", "side")
LIST_REFRESH_SECONDS = 5.0  # during a long import, how often the library list catches up


class MainWindow(QMainWindow):
    def __init__(
        self, library: LibraryAPI, settings: S.Settings, translations: Translations | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.translations = translations
        self.runner = TaskRunner(parent=self)
        self.ops = Operations(self.runner, self)
        error_log.install(Path(library.data_dir))
        self.article: Article | None = None
        self._opening: int | None = None  # the article being read for the reader, if any
        self._reading = 0  # the newest article read asked for; older answers are dropped
        self.titles: dict[int, dict[str, str]] = {}
        self.setObjectName("main-window")
        self.setWindowIcon(QIcon(str(ICON)))
        self.setAcceptDrops(True)
        self._build_panels()
        self.commands = window_actions.create_actions(self)
        self.menus = window_actions.create_menus(self, self.commands)
        self.workbench = Workbench(self)
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self.importer = ImportController(library, self.ops, self)
        self.importer.finished.connect(self._import_finished)
        self.importer.progressed.connect(self._import_progressed)
        self.statusBar().insertPermanentWidget(0, self.importer.panel)
        self._listed_at = 0.0
        self._listing = 0  # the newest library listing asked for; older ones are dropped
        self._open_first = False  # at start: open an article once the list has been read
        self.retranslate()
        self._restore()
        self.refresh_library(open_first=True)
        if not library.index_ready():
            self.build_index()

    # -- construction ------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.library_panel = LibraryPanel(self)
        self.reader = Reader(self.library, self)
        self.alignment = AlignmentView(self.reader, self.ops, self)
        self.search_panel = SearchPanel(
            self.library,
            self.runner,
            self._title_for,
            lambda: (self.article, self.reader.shown_languages()),
            self,
        )
        self.metadata_panel = MetadataPanel(self)
        self.bookmarks = BookmarkWorkflow(
            WindowParts(
                self,
                self.library,
                self.settings,
                self.reader,
                lambda: (self.search_panel.shown_query, self.search_panel.language_filter()),
                self.open_article,
                self._show_language,
                self._title_for,
                lambda text: self.statusBar().showMessage(text, 8000),
                self.ops,
            )
        )
        # Right: search and bookmarks share a column, one tab each.
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("side-tabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.search_panel, "")
        self.side_tabs.addTab(self.bookmarks.panel, "")
        # Left: what is in the archive and what this article is; centre: the text; right: search.
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("side-splitter")
        self.side_splitter.addWidget(self.library_panel)
        self.side_splitter.addWidget(self.metadata_panel)
        self.side_splitter.setSizes([420, 380])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("main-splitter")
        for widget in (self.side_splitter, self.reader, self.side_tabs):
            self.main_splitter.addWidget(widget)
        self.main_splitter.setStretchFactor(1, 1)
        # The panels' own minimum widths, never their text, bound how narrow they get.
        self.side_splitter.setMinimumWidth(side_panels.LEFT.minimum)
        self.side_tabs.setMinimumWidth(side_panels.RIGHT.minimum)
        self.reader.setMinimumWidth(side_panels.READER_MINIMUM)
        self.panels = side_panels.SidePanels(self.main_splitter, self.settings)
        self.setCentralWidget(self.main_splitter)

    def _build_toolbar(self) -> None:
        a = self.commands
        self.toolbar = self.addToolBar("main")
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addActions([a.import_files])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.mode_vi, a.mode_en, a.mode_side])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.zoom_out, a.zoom_in])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.find_previous, a.find_next])

    def _build_status_bar(self) -> None:
        self.match_label = QLabel(self)
        self.match_label.setObjectName("match-label")
        self.index_progress = QProgressBar(self)
        self.index_progress.setMaximumWidth(160)
        self.index_progress.hide()
        self.statusBar().addPermanentWidget(self.index_progress)
        self.statusBar().addPermanentWidget(self.match_label)

    def _connect(self) -> None:
        a = self.commands
        a.import_files.triggered.connect(self.choose_files_to_import)
        a.import_folder.triggered.connect(self.choose_folder_to_import)
        a.rebuild_index.triggered.connect(lambda: self.build_index(force=True))
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self._focus_search)
        a.find_next.triggered.connect(self.reader.next_match)
        a.find_previous.triggered.connect(self.reader.previous_match)
        a.clear_search.triggered.connect(self.search_panel.clear)
        a.filter_library.triggered.connect(self._focus_library_filter)
        a.copy_url.triggered.connect(self.metadata_panel.copy_url)
        for mode, action in zip(MODES, (a.mode_vi, a.mode_en, a.mode_side), strict=True):
            action.triggered.connect(lambda _checked=False, m=mode: self.set_mode(m))
        a.zoom_in.triggered.connect(lambda: self.zoom(+1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.zoom(0))
        a.full_screen.toggled.connect(self._full_screen)
        a.show_library_panel.toggled.connect(lambda on: self.panels.set_shown(left=on))
        a.show_side_panel.toggled.connect(lambda on: self.panels.set_shown(right=on))
        for choice, action in zip(
            S.THEMES, (a.theme_system, a.theme_light, a.theme_dark), strict=True
        ):
            action.triggered.connect(lambda _checked=False, c=choice: self.set_theme(c))
        self.ops.changed.connect(self._changed)
        self.ops.failed.connect(self.show_failure)
        for choice, action in zip(
            S.UI_LANGUAGES, (a.language_system, a.language_vi, a.language_en), strict=True
        ):
            action.triggered.connect(lambda _checked=False, c=choice: self.set_ui_language(c))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        a.bookmark_passage.triggered.connect(self.bookmarks.bookmark_selection)
        a.bookmark_article.triggered.connect(self.bookmarks.bookmark_article)
        a.show_bookmarks.triggered.connect(self.show_bookmarks)
        a.export.triggered.connect(lambda: self.bookmarks.export())
        a.copy_citation.triggered.connect(self.bookmarks.copy_with_citation)
        self.bookmarks.connect_undo(a.undo, a.redo)
        self.reader.context_actions[:0] = [a.bookmark_passage, a.copy_citation]
        self.library_panel.article_selected.connect(self.open_article)
        self.library_panel.sort_changed.connect(
            lambda order: self.settings.set(S.LIBRARY_SORT, order)
        )
        self.reader.match_changed.connect(self._show_match_position)
        self.reader.article_requested.connect(self.open_article)
        self.alignment.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.metadata_panel.article_requested.connect(self.open_article)
        self.search_panel.hit_activated.connect(self.open_hit)
        self.search_panel.step_requested.connect(self._step)
        self.search_panel.query_changed.connect(self.reader.set_query)  # (query, spans)
        self.search_panel.parallel.toggled.connect(
            lambda on: self.settings.set(S.SEARCH_PARALLEL, on)
        )

    def retranslate(self) -> None:
        self.setWindowTitle(
            f"{self.article.display_title()} — Song Ngữ" if self.article else "Song Ngữ"
        )
        self.statusBar().clearMessage()  # a transient message would stay in the old language
        window_actions.retranslate_actions(self.commands)
        window_actions.retranslate_menus(self.menus)
        self.reader.set_column_headings(
            NATIVE_LANGUAGE_NAMES["vi"],
            NATIVE_LANGUAGE_NAMES["en"],
            (self.tr("No Vietnamese text"), self.tr("No English text")),
        )
        self.alignment.retranslate()
        self.side_tabs.setTabText(0, self.tr("Search"))
        self.side_tabs.setTabText(1, self.tr("Bookmarks"))
        self.workbench.retranslate()
        self.bookmarks.retranslate_undo(self.commands.undo, self.commands.redo)
        self._show_match_position(self.reader.current + 1, len(self.reader.matches))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- articles ----------------------------------------------------------------------

    def refresh_library(self, open_first: bool = False) -> None:
        """Read the article list in a worker and show it (then, at start, open an article)."""
        self._listing += 1
        self._open_first = self._open_first or open_first
        listing, library = self._listing, self.library

        def show(summaries: list) -> None:
            if listing != self._listing:
                return  # overtaken by a newer listing, which will open the first article
            self._show_summaries(summaries)
            if self._open_first:
                self._open_first = False
                self._open_first_article()

        self.ops.query("read the article list", lambda _report: library.summaries(), show)

    def _show_summaries(self, summaries: list) -> None:
        self.titles = {s.id: dict(s.title) for s in summaries}
        self.library_panel.set_summaries(summaries)
        self.bookmarks.panel.titles_changed()  # bookmarks show their articles' titles

    def _title_for(self, article_id: int, lang: str) -> str:
        titles = self.titles.get(article_id, {})
        other = "en" if lang == "vi" else "vi"
        return titles.get(lang) or titles.get(other) or f"#{article_id}"

    def _open_first_article(self) -> None:
        last = self.settings.get(S.LAST_ARTICLE)
        ids = list(self.titles)
        if last in self.titles:
            self.open_article(last)
        elif ids:
            self.open_article(self.library_panel.first_id() or ids[0])

    def open_article(
        self, article_id: int, then: Callable[[], None] | None = None, reload: bool = False
    ) -> None:
        """Read an article in a worker and show it, then call `then` (not when it cannot be
        read: the status bar says why). The one already shown is not read again unless
        `reload` (it changed: it is shown again where the reader was)."""
        if (
            not reload
            and self._opening is None
            and self.article is not None
            and self.article.id == article_id
        ):
            if then is not None:
                then()
            return
        self._reading += 1
        self._opening = article_id
        reading, library = self._reading, self.library
        in_place = reload and self.article is not None and self.article.id == article_id

        def show(article: Article) -> None:
            if reading != self._reading:
                return  # the user has asked for another article meanwhile
            self._opening = None
            self._show_article(article, in_place)
            if then is not None:
                then()

        def failed(message: str) -> None:
            if reading == self._reading:
                self._opening = None
            self.show_failure(message)

        self.ops.query("read an article", lambda _report: library.article(article_id), show, failed)

    def _show_article(self, article: Article, in_place: bool) -> None:
        bar = self.reader.view.verticalScrollBar()
        place = bar.value()
        self.article = article
        self.setWindowTitle(f"{article.display_title()} — Song Ngữ")
        self.reader.show_article(article)
        self.reader.set_query(self.search_panel.shown_query)
        if in_place:
            bar.setValue(place)  # re-aligned or re-imported: rows shift a little at most
        self.metadata_panel.show_article(article)
        self.library_panel.select(article.id, notify=False)
        self.settings.set(S.LAST_ARTICLE, article.id)

    def _changed(self, changes: Changes) -> None:
        """After every operation: re-read what it may have changed (the bookmarks workflow
        follows the same signal for the bookmarks)."""
        if changes.library:
            self.refresh_library()
        wanted = (
            self._opening
            if self._opening is not None
            else (self.article.id if self.article is not None else None)
        )
        if wanted is not None and changes.touches(wanted):
            self.open_article(wanted, reload=True)
        if changes.index and self.search_panel.shown_query:
            self.search_panel.run_query()
        if changes.articles and not self._indexing:
            self.workbench.catch_up()  # sentence pairs of what changed, in the background

    def show_failure(self, message: str) -> None:
        """A failure in one line in the status bar (it is in the log already)."""
        self.statusBar().showMessage(self.ops.describe(message), 15000)

    def open_hit(self, hit: object) -> None:
        """Open a search result in its language, its passage in view and its matches lit."""
        self.open_article(hit.article_id, lambda: self._show_hit(hit))

    def _show_hit(self, hit: object) -> None:
        if self.reader.mode != "side" and self.reader.mode != hit.lang:
            self.set_mode(hit.lang)
        if self.reader.query != self.search_panel.shown_query:
            self.reader.set_query(self.search_panel.shown_query)
        spans = getattr(hit, "spans", None) or []
        self.reader.go_to_passage(hit.lang, hit.passage, spans[0][0] if spans else None)

    def _show_language(self, lang: str) -> None:
        if self.reader.mode != "side" and self.reader.mode != lang:
            self.set_mode(lang)

    def _focus_library_filter(self) -> None:
        self.commands.show_library_panel.setChecked(True)  # a hidden panel comes back
        self.library_panel.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_search(self) -> None:
        self.commands.show_side_panel.setChecked(True)
        self.side_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.focus_field()

    def show_bookmarks(self) -> None:
        self.commands.show_side_panel.setChecked(True)
        self.side_tabs.setCurrentWidget(self.bookmarks.panel)
        self.bookmarks.panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _step(self, direction: int) -> None:
        if not self.reader.matches:
            self.search_panel.activate_first_hit()  # nothing to step through here: go there
        elif direction > 0:
            self.reader.next_match()
        else:
            self.reader.previous_match()

    def _show_match_position(self, current: int, total: int) -> None:
        if total == 0:
            self.match_label.setText(self.tr("No matches") if self.reader.query.strip() else "")
        elif current == 0:
            self.match_label.setText(self.tr("%n match(es)", "", total))
        else:
            self.match_label.setText(
                self.tr("match %1 of %2").replace("%1", str(current)).replace("%2", str(total))
            )

    # -- reader mode, zoom, language ---------------------------------------------------

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            return
        self.reader.set_mode(mode)
        dict(
            zip(
                MODES,
                (self.commands.mode_vi, self.commands.mode_en, self.commands.mode_side),
                strict=True,
            )
        )[mode].setChecked(True)
        self.settings.set(S.READER_MODE, mode)

    def zoom(self, steps: int) -> None:
        self.reader.zoom(steps)
        self.settings.set(S.FONT_SIZE, self.reader.font_size)

    def set_ui_language(self, choice: str) -> None:
        self.settings.set(S.UI_LANGUAGE, choice)
        self._check_language_action(choice)
        if self.translations is not None:
            self.translations.apply(resolve_language(choice))

    def set_theme(self, theme: str) -> None:
        """System, Light or Dark (Fusion with our palettes); remembered."""
        self.settings.set(S.THEME, theme)
        themes_for(QApplication.instance()).apply(theme)
        a = self.commands
        dict(zip(S.THEMES, (a.theme_system, a.theme_light, a.theme_dark), strict=True)).get(
            theme, a.theme_system
        ).setChecked(True)

    def _check_language_action(self, choice: str) -> None:
        a = self.commands
        dict(zip(S.UI_LANGUAGES, (a.language_system, a.language_vi, a.language_en), strict=True))[
            choice
        ].setChecked(True)

    def _full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog = dialogs.shortcuts_dialog(self, self.commands.all())
        self.shortcuts_dialog.open()

    def show_about(self) -> None:
        self.about_dialog = dialogs.about_box(self, Path(self.library.data_dir))
        self.about_dialog.open()

    # -- the index and imports ---------------------------------------------------------

    def build_index(self, force: bool = False) -> None:
        """(Re)build the search index in a worker, with a visible notice meanwhile."""
        if getattr(self, "_indexing", False):
            return
        self._indexing = True
        self.search_panel.set_index_ready(False)
        self.statusBar().showMessage(self.tr("Building the search index…"))
        self.index_progress.setRange(0, 0)
        self.index_progress.show()
        work = self.library.reindex if force else self.library.ensure_index
        self.ops.run(
            "build the search index",
            lambda report: work(progress=report),
            INDEX,
            success=self._index_built,
            failure=self._index_failed,
            progress=self._index_progress,
            long=True,
        )

    def _index_progress(self, values: tuple) -> None:
        done, total = values
        self.index_progress.setRange(0, max(total, 1))
        self.index_progress.setValue(done)

    def _index_built(self, _result: object) -> None:
        self._indexing = False
        self.index_progress.hide()
        self.statusBar().showMessage(self.tr("The search index is ready."), 5000)
        self.search_panel.set_index_ready(True)
        self.workbench.catch_up()

    def _index_failed(self, message: str) -> None:
        self._indexing = False
        self.index_progress.hide()
        self.statusBar().showMessage(
            self.tr("The search index could not be built: %1").replace("%1", one_line(message))
        )

    def choose_files_to_import(self) -> None:
        paths = open_file_names(
            self,
            self.tr("Import articles"),
            str(Path.home()),
            self.tr("Articles (%1);;All files (*)").replace("%1", importable_patterns()),
        )
        if paths:
            self.import_files(paths)

    def choose_folder_to_import(self) -> None:
        folder = existing_directory(self, self.tr("Import a folder"), str(Path.home()))
        if folder:
            self.importer.start_folder(folder)

    def import_files(self, paths: list[str | Path]) -> bool:
        return self.importer.start(paths)

    def _import_progressed(self, _done: int, _total: int) -> None:
        """Every few seconds of a long import, list what is in so far (and so give search
        hits in new articles their titles); read in a worker, as the import is writing."""
        now = time.monotonic()
        if now - self._listed_at < LIST_REFRESH_SECONDS:
            return
        self._listed_at = now
        self.refresh_library()

    def _import_finished(self, outcomes: list) -> None:
        # The list, the shown article and the search follow the import's changed signal;
        # here only the first article it brought is opened.
        opened = [i for o in outcomes if o.status != "error" for i in o.article_ids]
        if opened and (self.article is None or self.article.id != opened[0]):
            self.open_article(opened[0])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if _local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = _local_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # -- persistence -------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """Keep the window on its screen: the first launch's 1400×880, or a size saved on a
        larger monitor, would leave the side panel off a 1024×700 laptop screen (a bare
        desktop has no window manager to pull it back)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        width, height = min(self.width(), room.width()), min(self.height(), room.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), room.left()), room.right() - width + 1)
        y = min(max(self.y(), room.top()), room.bottom() - height + 1)
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    def _restore(self) -> None:
        s = self.settings
        if not self.restoreGeometry(s.get(S.WINDOW_GEOMETRY)):
            self.resize(1400, 880)
        self._fit_to_screen()
        self.restoreState(s.get(S.WINDOW_STATE))
        self.side_splitter.restoreState(s.get(S.SIDE_SPLITTER))
        self.commands.show_library_panel.setChecked(s.get(S.LEFT_PANEL_SHOWN))
        self.commands.show_side_panel.setChecked(s.get(S.RIGHT_PANEL_SHOWN))
        self.panels.set_shown(s.get(S.LEFT_PANEL_SHOWN), s.get(S.RIGHT_PANEL_SHOWN))
        self.set_theme(s.get(S.THEME))
        self.reader.set_font_size(s.get(S.FONT_SIZE))
        self.set_mode(s.get(S.READER_MODE))
        self.search_panel.set_language_filter(s.get(S.SEARCH_LANGUAGE))
        self.search_panel.set_parallel(s.get(S.SEARCH_PARALLEL))
        self.library_panel.set_sort(s.get(S.LIBRARY_SORT))
        self._check_language_action(s.get(S.UI_LANGUAGE))

    def save_state(self) -> None:
        s = self.settings
        s.set(S.WINDOW_GEOMETRY, self.saveGeometry())
        s.set(S.WINDOW_STATE, self.saveState())
        s.set(S.SIDE_SPLITTER, self.side_splitter.saveState())
        s.set(S.SEARCH_LANGUAGE, self.search_panel.language_filter())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.importer.busy():
            self.importer.cancel()  # stops between files; finished files stay imported
        self.bookmarks.panel.commit_edits()  # a note still being typed is kept
        self.save_state()
        self.ops.wait()
        error_log.uninstall(Path(self.library.data_dir))
        super().closeEvent(event)


def _local_files(mime: QMimeData) -> list[str]:
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if isinstance(url, QUrl) and url.isLocalFile()]


def create_main_window(
    library: LibraryAPI,
    settings: S.Settings | None = None,
    translations: Translations | None = None,
) -> MainWindow:
    """Build the main window over an open Library (used by the app, the self-test and
    scripts/screenshots.py). A QApplication must exist."""
    app = QApplication.instance()
    if translations is None and app is not None:
        translations = app.findChild(Translations)
    return MainWindow(library, settings or S.Settings(), translations)
