"""The Library: the one facade the GUI and the CLI both call.

It wires the archive store and the search index together and owns the order of writes:
store first (the truth), index second (derived, rebuildable). It holds no storage or search
logic of its own.

Thread rule: every public method is safe to call from any thread; writes (imports, re-indexing)
are serialized by one lock, searches are not blocked by them for longer than a commit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from archive.alignment import edits as alignment_edits
from archive.alignment.sentence_aligner import SentencePairs, article_sentences
from archive.bookmarks.bookmark import Bookmark, article_bookmark, passage_bookmark, quote_bookmark
from archive.errors import ImportFailure, NothingToImport, SongNguError, StoreError
from archive.export.citation import Excerpt, excerpt_from_bookmark, excerpt_from_passage
from archive.export.translation_memory import TranslationUnit, translation_units
from archive.model import Article, ArticleSummary
from archive.paths import database_path, index_path, resolve_data_dir
from archive.sample import sample_path
from archive.storage.store import ArchiveStore
from index import translation_sync
from index.highlight import match_spans
from index.results import SearchResults
from index.search_index import SearchIndex
from index.translation_lookup import Lookup, lookup
from index.translation_memory import TranslationMemory
from viewer import importing

if TYPE_CHECKING:  # the importers load on first use (viewer.importing)
    from archive.importers.outcome import Skipped

SAMPLE_MARKER = ".sample-imported"
SEARCH_LIMIT = 20  # passages a search lists unless asked for more (the command line's default)
WINDOW_RESULTS = 50  # passages the window's search panel lists, and a search export takes
REPAIR_BATCH = 200  # articles per index commit when repairing a lagging index
TRANSLATIONS_FILENAME = "translations.sqlite"  # the translation memory, derived like the index
FEED_INDEX_CHUNK = 200  # posts of a long import made searchable per index commit
ImportProgress = Callable[[int, int, str], None]
IndexProgress = Callable[[int, int], None]


@dataclass
class ImportOutcome:
    path: Path
    status: str  # "imported" | "updated" | "skipped" (a file of no articles) | "error"
    article_ids: list[int] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    error: str | None = None
    cancelled: bool = False  # a long import stopped by the user; what it saved stays
    resumed_from: int = 0  # posts a resumed import found already saved
    skipped: list[Skipped] = field(default_factory=list)  # posts of the file left out, and why
    reason: str | None = None  # why a "skipped" file holds no articles


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path]]:
    """The files to import (folders become the supported files inside them, recursively),
    and the folders that hold none."""
    files: list[Path] = []
    empty: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found = importing.find_importable(path) if path.is_dir() else [path]
        files.extend(found)
        if not found:
            empty.append(path)
    return files, empty


def empty_folder_message() -> str:
    return f"no file Song Ngữ can import is in this folder ({importing.importable_list()})"


@dataclass
class CheckReport:
    ok: bool
    problems: list[str]
    articles: int
    indexed: int


class Library:
    def __init__(self, data_dir: Path, store: ArchiveStore, search_index: SearchIndex) -> None:
        self.data_dir = data_dir
        self.store = store
        self.index = search_index
        self._write_lock = threading.RLock()
        self._index_ok = False
        self.translation_memory = TranslationMemory(data_dir / TRANSLATIONS_FILENAME)
        self._translations_ok = False

    @classmethod
    def open(cls, data_dir: str | Path | None = None, *, with_sample: bool = True) -> Library:
        """Open (creating when needed) the archive in `data_dir`; raises SongNguError."""
        directory = resolve_data_dir(data_dir)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data folder {directory}: {exc.strerror}") from exc
        store = ArchiveStore(database_path(directory))
        library = cls(directory, store, SearchIndex(index_path(directory)))
        if with_sample:
            library._offer_sample()
        # The index is verified later, by ensure_index(), so that opening stays instant with
        # thousands of articles (the GUI runs it in a worker; the CLI before it searches).
        return library

    def close(self) -> None:
        self.translation_memory.close()
        self.index.close()
        self.store.close()

    # -- the index -----------------------------------------------------------------------

    def index_ready(self) -> bool:
        """True once ensure_index() (or a rebuild) has made the index agree with the archive."""
        return self._index_ok

    def ensure_index(self, progress: IndexProgress | None = None) -> bool:
        """Bring the index in line with the archive; True when anything had to change.

        A missing, damaged or outdated index is rebuilt; one that merely lags (an import killed
        between its archive commit and its index commit) is repaired article by article.
        """
        with self._write_lock:
            if not self.index.open():
                self._rebuild(progress)
                return True
            stored, indexed = self.store.digests(), self.index.indexed_digests()
            if stored == indexed:
                self._index_ok = True
                return False
            changed = [i for i in stored if indexed.get(i) != stored[i]]
            extra = [i for i in indexed if i not in stored]
            if len(changed) + len(extra) > max(len(stored) // 2, 50):
                self._rebuild(progress)
                return True
            if extra:
                self.index.remove_articles(extra)
            self._index_in_batches(changed, progress)
            self._index_ok = True
            return True

    def _index_in_batches(self, ids: list[int], progress: IndexProgress | None) -> None:
        for start in range(0, len(ids), REPAIR_BATCH):
            self.index.update_articles(self.store.iter_articles(ids[start : start + REPAIR_BATCH]))
            if progress is not None:
                progress(min(start + REPAIR_BATCH, len(ids)), len(ids))

    def reindex(self, progress: IndexProgress | None = None) -> None:
        with self._write_lock:
            self._rebuild(progress)

    def _rebuild(self, progress: IndexProgress | None) -> None:
        self._index_ok = False
        self.index.rebuild(self.store.iter_articles(), total=self.store.count(), progress=progress)
        self._index_ok = True

    def check(self) -> CheckReport:
        """Compare the index with the archive, article by article."""
        stored = self.store.digests()
        problems: list[str] = []
        if not self.index.open():
            problems.append("the search index is missing, damaged or from an older version")
            return CheckReport(False, problems, len(stored), 0)
        indexed = self.index.indexed_digests()
        missing = sorted(set(stored) - set(indexed))
        extra = sorted(set(indexed) - set(stored))
        stale = sorted(i for i in set(stored) & set(indexed) if stored[i] != indexed[i])
        if missing:
            problems.append(f"{len(missing)} article(s) not in the index: {_ids(missing)}")
        if extra:
            problems.append(f"{len(extra)} indexed article(s) not in the archive: {_ids(extra)}")
        if stale:
            problems.append(f"{len(stale)} article(s) indexed from an older text: {_ids(stale)}")
        return CheckReport(not problems, problems, len(stored), len(indexed))

    # -- imports -------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Sequence[str | Path],
        progress: ImportProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ImportOutcome]:
        """Import files (folders: every supported file in them) one by one, each in its own
        transaction, and index what changed. A whole blog's export goes in resumable batches
        and reports progress per post; `cancelled()` is asked between files and batches."""
        files, empty = expand_paths(paths)
        outcomes = [
            ImportOutcome(folder, "error", error=empty_folder_message()) for folder in empty
        ]
        with self._write_lock:
            pending: list[Article] = []  # saved, not yet indexed: one index commit per chunk
            # No usable index yet: build it once at the end, from the whole archive. A few
            # files are each searchable as soon as they are in; many go 200 articles a commit.
            chunked = self.index.is_open or self.index.open()
            per_file = chunked and len(files) < FEED_INDEX_CHUNK
            for done, path in enumerate(files):
                if cancelled is not None and cancelled():
                    break
                if progress is not None:
                    progress(done, len(files), path.name)
                if importing.is_large_feed(path):
                    outcomes.append(self._import_feed(path, progress, cancelled))
                else:
                    collect = pending if chunked else None  # a build reads the store itself
                    outcomes.append(self._import_one(path, index_now=False, collect=collect))
                    if pending and (per_file or len(pending) >= FEED_INDEX_CHUNK):
                        self._index_articles(pending)
                        pending.clear()
            if pending:
                self._index_articles(pending)
            elif not chunked and any(outcome.article_ids for outcome in outcomes):
                self._build_missing_index()
            if progress is not None and files:
                progress(len(outcomes) - len(empty), len(files), "")
        return outcomes

    def _import_feed(
        self, path: Path, progress: ImportProgress | None, cancelled: Callable[[], bool] | None
    ) -> ImportOutcome:
        pending: list[Article] = []

        def index_in_chunks(saved: list[Article]) -> None:
            # Every Whoosh commit writes and merges segments: index a few hundred posts at a
            # time rather than each 25-post archive batch (a crash between the two is
            # repaired by ensure_index, article by article).
            pending.extend(saved)
            if len(pending) >= FEED_INDEX_CHUNK:
                self._index_articles(pending)
                pending.clear()

        try:
            result = importing.import_feed(self.store, path, index_in_chunks, progress, cancelled)
        finally:
            if pending:
                self._index_articles(pending)
        if result.nothing_to_import and not result.ids:
            return ImportOutcome(path, "skipped", reason=result.nothing_to_import)
        if result.error and not result.ids:
            return ImportOutcome(path, "error", error=result.error)
        status = "imported" if result.created else "updated"
        outcome = ImportOutcome(path, status, result.ids, result.titles[-1:])
        outcome.skipped = result.skipped
        outcome.resumed_from = result.resumed_from
        outcome.cancelled = result.cancelled
        if result.error:
            outcome.status = "error"
            outcome.error = (
                f"{result.error} ({len(result.ids)} post(s) before the fault were "
                "imported; import the file again after fixing it to go on)"
            )
        return outcome

    def _import_one(
        self,
        path: Path,
        index_now: bool = True,
        build_missing: bool = True,
        collect: list[Article] | None = None,
    ) -> ImportOutcome:
        """Import one file in its own transaction. Its articles are indexed now, or (not
        `index_now`) added to `collect` for the caller to index with others."""
        try:
            read = importing.read_file(path)
            saved = self.store.save_articles(read.articles)
        except NothingToImport as exc:
            return ImportOutcome(path, "skipped", reason=exc.reason)
        except SongNguError as exc:
            return ImportOutcome(path, "error", error=str(exc))
        if not saved:  # every post of it was left out, each named in `skipped`
            return ImportOutcome(path, "skipped", skipped=read.skipped)
        ids = [s.id for s in saved]
        stored = [s.article for s in saved]
        if index_now:
            self._index_articles(stored, build_missing)
        elif collect is not None:
            collect.extend(stored)
        status = "imported" if any(created for _, created in saved) else "updated"
        titles = [a.display_title() for a in read.articles]
        return ImportOutcome(path, status, ids, titles, skipped=read.skipped)

    def _index_articles(self, articles: list[Article], build_missing: bool = True) -> None:
        """Index articles just saved (as the store returned them: nothing is read back).

        A data folder with no usable index yet gets one built from the whole archive (so
        `import` then `check` passes) unless not `build_missing`. The archive already holds
        the articles: an index failure only marks the index for repair."""
        try:
            if self.index.is_open or self.index.open():
                if articles:
                    self.index.update_articles(articles)
            elif articles and build_missing:
                self._rebuild(None)
        except SongNguError:
            self._index_ok = False
        # Pairing sentences costs ~60 ms an article: an import does not wait for it. The memory
        # is derived like the index; it catches up (ensure_translation_memory) in the window's
        # background after the import, and before the command line's first lookup.
        self._translations_ok = False

    def _build_missing_index(self) -> None:
        try:
            if not (self.index.is_open or self.index.open()):
                self._rebuild(None)
        except SongNguError:
            self._index_ok = False
        self._translations_ok = False  # as in _index_articles

    def _offer_sample(self) -> None:
        """Import the bundled article into a new, empty archive — once, so deleting it sticks.

        Only the app's first launch does this (Library.open's default); the command line opens
        with with_sample=False and imports it only when asked (`songngu-cli import-sample`)."""
        marker = self.data_dir / SAMPLE_MARKER
        if marker.exists() or self.store.count() > 0:
            return
        # Opening stays instant: the sample alone does not build a missing index.
        self._import_sample(build_missing=False)

    def import_sample(self) -> ImportOutcome:
        """Import the bundled sample article (again: it updates in place); ImportFailure when
        it cannot be imported. The marker it leaves stops the app offering it once more."""
        return self._import_sample()

    def _import_sample(self, build_missing: bool = True) -> ImportOutcome:
        outcome = self._import_one(sample_path(), build_missing=build_missing)
        if outcome.status == "error":
            raise ImportFailure(f"the bundled sample could not be imported: {outcome.error}")
        (self.data_dir / SAMPLE_MARKER).write_text(
            "The bundled sample article was imported into this archive.\n", encoding="utf-8"
        )
        return outcome

    # -- reading and searching -----------------------------------------------------------

    def summaries(self) -> list[ArticleSummary]:
        return self.store.list_summaries()

    def article(self, article_id: int) -> Article:
        return self.store.get_article(article_id)

    def search(
        self,
        query: str,
        lang: str = "all",
        limit: int = SEARCH_LIMIT,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> SearchResults:
        """`as_you_type`: the last word is a prefix until a space follows it (the search box)."""
        self._open_index()
        return self.index.search(
            query,
            lang=lang,
            limit=limit,
            exact_diacritics=exact_diacritics,
            as_you_type=as_you_type,
        )

    def _open_index(self) -> None:
        if not self.index.is_open:
            self.index.open()  # not verified yet: an existing index still answers meanwhile

    def match_spans(
        self, query: str, text: str, lang: str, exact_diacritics: bool = False
    ) -> list[tuple[int, int]]:
        return match_spans(query, text, lang, exact_diacritics=exact_diacritics)

    def article_spans(
        self,
        query: str,
        article_id: int,
        texts: dict[int | None, str],
        lang: str,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> dict[int | None, list[tuple[int, int]]]:
        """The marks of `query` in one article language, exactly as the search list has them:
        only in the passages it matches (`texts`: passage index, None for the title, to the
        text shown). See SearchIndex.article_spans."""
        self._open_index()
        if not self.index.is_open:
            return {}
        return self.index.article_spans(
            query,
            article_id,
            texts,
            lang,
            exact_diacritics=exact_diacritics,
            as_you_type=as_you_type,
        )

    # -- bookmarks and exports ----------------------------------------------------------

    def bookmark_quote(
        self, article_id: int, lang: str, quote: str, note: str = "", tags: Sequence[str] = ()
    ) -> Bookmark:
        """Bookmark the first place `quote` stands in the article (NotFound when it doesn't)."""
        article = self.article(article_id)
        return self.store.add_bookmark(quote_bookmark(article, lang, quote, note, tuple(tags)))

    def bookmark_quote_once(
        self, article_id: int, lang: str, quote: str, note: str = "", tags: Sequence[str] = ()
    ) -> tuple[Bookmark, bool]:
        """Like bookmark_quote, but when a bookmark already holds the same characters of the
        same passage, that one is returned with False and nothing is added."""
        article = self.article(article_id)
        wanted = quote_bookmark(article, lang, quote, note, tuple(tags))
        for existing in self.store.bookmarks(article_id=article_id):
            if (
                not existing.orphaned
                and existing.lang == wanted.lang
                and existing.passage == wanted.passage
                and (existing.start, existing.end) == (wanted.start, wanted.end)
            ):
                return existing, False
        return self.store.add_bookmark(wanted), True

    def bookmark_passage(
        self,
        article_id: int,
        lang: str,
        passage: int,
        start: int = 0,
        end: int = 0,
        note: str = "",
        tags: Sequence[str] = (),
    ) -> Bookmark:
        """Bookmark characters start..end of a passage (the whole passage when start == end)."""
        article = self.article(article_id)
        bookmark = passage_bookmark(article, lang, passage, start, end, note, tuple(tags))
        return self.store.add_bookmark(bookmark)

    def bookmark_article(
        self, article_id: int, note: str = "", tags: Sequence[str] = ()
    ) -> Bookmark:
        return self.store.add_bookmark(
            article_bookmark(self.article(article_id), note, tuple(tags))
        )

    def bookmarks(self, tag: str | None = None, article_id: int | None = None) -> list[Bookmark]:
        return self.store.bookmarks(article_id=article_id, tag=tag)

    def bookmark(self, bookmark_id: int) -> Bookmark:
        return self.store.get_bookmark(bookmark_id)

    def update_bookmark(
        self, bookmark_id: int, note: str | None = None, tags: Sequence[str] | None = None
    ) -> Bookmark:
        return self.store.update_bookmark(bookmark_id, note, None if tags is None else list(tags))

    def delete_bookmark(self, bookmark_id: int) -> Bookmark:
        """Delete and return the bookmark, so an undo can restore_bookmark() it."""
        return self.store.delete_bookmark(bookmark_id)

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back under its own id."""
        return self.store.add_bookmark(bookmark)

    def bookmark_excerpts(
        self, bookmarks: Sequence[Bookmark], with_counterpart: bool = False
    ) -> list[Excerpt]:
        articles: dict[int, Article] = {}
        excerpts = []
        for bookmark in bookmarks:
            if bookmark.article_id not in articles:
                articles[bookmark.article_id] = self.article(bookmark.article_id)
            excerpts.append(
                excerpt_from_bookmark(bookmark, articles[bookmark.article_id], with_counterpart)
            )
        return excerpts

    def search_excerpts(
        self,
        query: str,
        lang: str = "all",
        limit: int = WINDOW_RESULTS,
        with_counterpart: bool = False,
        exact_diacritics: bool = False,
    ) -> list[Excerpt]:
        """The current search results as excerpts (title hits are left out: no passage)."""
        results = self.search(query, lang=lang, limit=limit, exact_diacritics=exact_diacritics)
        articles: dict[int, Article] = {}
        excerpts = []
        for hit in results.hits:
            if hit.passage is None:
                continue
            if hit.article_id not in articles:
                articles[hit.article_id] = self.article(hit.article_id)
            excerpts.append(
                excerpt_from_passage(
                    articles[hit.article_id],
                    hit.lang,
                    hit.passage,
                    with_counterpart=with_counterpart,
                )
            )
        return excerpts

    def set_alignment_corrections(
        self, article_id: int, links: list[tuple[list[int], list[int]]]
    ) -> Article:
        with self._write_lock:
            article = self.store.set_alignment_corrections(article_id, links)
            self._update_translations([article])
            return article

    def link_passages(self, article_id: int, vi: Sequence[int], en: Sequence[int]) -> Article:
        """Pair these passages (each side one run of neighbours); returns the re-aligned
        article. AlignmentEditError (one line) when the pairing cannot be made."""
        with self._write_lock:
            article = alignment_edits.link_passages(self.store, article_id, vi, en)
            self._update_translations([article])
            return article

    def unlink_pair(self, article_id: int, lang: str, passage: int) -> Article:
        with self._write_lock:
            article = alignment_edits.unlink_pair(self.store, article_id, lang, passage)
            self._update_translations([article])
            return article

    def restore_automatic_alignment(self, article_id: int) -> Article:
        with self._write_lock:
            article = alignment_edits.restore_automatic(self.store, article_id)
            self._update_translations([article])
            return article

    # -- sentence pairs and the translation memory ----------------------------------------

    def ensure_translation_memory(self, progress: IndexProgress | None = None) -> bool:
        """Bring the translation memory in line with the archive; True when anything changed.

        Imports leave it behind (pairing sentences would slow them down); this catches up
        after an import, an upgrade, a damaged file or a crash: the window runs it in a worker
        once the index is ready and after every import, and a lookup runs it before it
        answers. The write lock is taken per batch, so imports and corrections are not held up
        for the whole of a first build."""
        try:
            changed = translation_sync.catch_up(
                self.translation_memory,
                self.store.digests(),
                self.store.iter_articles,
                lambda: self._write_lock,
                progress,
            )
        except SongNguError:
            self._translations_ok = False
            raise
        self._translations_ok = True
        return changed

    def _update_translations(self, articles: list[Article]) -> None:
        """Refresh these articles' sentence pairs; a failure leaves the memory to be checked
        again before the next lookup."""
        try:
            with self._write_lock:
                translation_sync.refresh(self.translation_memory, articles)
        except SongNguError:
            self._translations_ok = False

    def translations(
        self, query: str, lang: str | None = None, limit: int = 10, examples: int = 3
    ) -> Lookup:
        """How the archive's translators rendered a word or phrase in the other language (see
        index.translation_lookup); `lang` None detects the query's language."""
        if not self._translations_ok:
            self.ensure_translation_memory()
        return lookup(self.translation_memory, query, lang, limit=limit, examples=examples)

    def sentence_pairs(self, article_id: int) -> SentencePairs:
        """The article's sentences in both languages and their pairing."""
        return article_sentences(self.article(article_id))

    def translation_units(self, ids: Sequence[int] | None = None) -> list[TranslationUnit]:
        """Every sentence pair of these articles (all when None), for TMX and TSV exports;
        NotFound for an id the archive does not hold."""
        articles = (
            self.store.iter_articles()
            if ids is None
            else (self.article(i) for i in dict.fromkeys(ids))
        )  # each article once
        return [unit for article in articles for unit in translation_units(article)]


def _ids(ids: list[int], most: int = 10) -> str:
    shown = ", ".join(str(i) for i in ids[:most])
    return shown + (" …" if len(ids) > most else "")
