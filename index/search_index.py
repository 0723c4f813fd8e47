"""The on-disk search index: build, update, and search it.

The index is derived data: open() says False whenever it cannot be trusted (missing,
damaged, or written by another analyzer/schema version) and the caller rebuilds it from
the store.

Thread rule: every method is safe from any thread. Writes are serialized by a lock here and,
across processes, by Whoosh's writer lock (bounded wait, then a SongNguError). One searcher
is cached and replaced after each write.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import whoosh
from whoosh import index as whoosh_index
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from archive.errors import SongNguError
from archive.model import Article
from index.analysis import ANALYZER_VERSION
from index.highlight import build_snippet, has_typed_diacritics, spans_for_parsed
from index.parallel_build import (
    BuildError,
    build_in_parallel,
    build_serially,
    commit_added_segments,
    new_writer_codec,
    worker_count,
    write_in_workers,
    write_segments,
)
from index.query import AllOf, has_diacritics, has_word_run, parse_query
from index.results import SearchHit, SearchResults
from index.schema import SCHEMA_VERSION, TITLE_KIND, build_schema
from index.scoring import CappedTermFrequency, SkippingTopCollector
from index.whoosh_query import LANG_SCOPES, WhooshQueryBuilder

VERSION_FILE = "songngu-index.json"
WRITE_LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before giving up
WRITER_LIMIT_MB = 512  # per writer process: 200 articles index in 37 s instead of 50 s
PARALLEL_MIN_ARTICLES = 40  # below this, starting worker processes costs more than it saves
MAX_LIMIT = 1000
INDEX_BUSY = "The search index is busy (another Song Ngữ may be indexing); try again later."

Progress = Callable[[int, int], None]


def _version_stamp() -> dict[str, object]:
    return {
        "analyzer_version": ANALYZER_VERSION,
        "schema_version": SCHEMA_VERSION,
        "whoosh": whoosh.versionstring(),
    }


class SearchIndex:
    """Bilingual passage index in `index_dir` (see docs/ARCHITECTURE.md, index/)."""

    def __init__(self, index_dir: Path, *, procs: int | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.procs = worker_count() if procs is None else procs
        self._ix: FileIndex | None = None
        self._searcher: Searcher | None = None
        self._write_lock = threading.RLock()
        self._read_lock = threading.Lock()

    # -- opening ---------------------------------------------------------------------------

    def open(self) -> bool:
        """Open the existing index; False when it is missing, damaged or outdated."""
        with self._write_lock:
            self.close()
            if not self._version_matches():
                return False
            try:
                ix = whoosh_index.open_dir(str(self.index_dir))
                if ix.schema != build_schema():
                    return False
                with ix.searcher() as searcher:
                    if searcher.doc_count_all():
                        searcher.stored_fields(0)
            except Exception:  # any damage at all means "rebuild", not a crash
                return False
            self._ix = ix
            return True

    @property
    def is_open(self) -> bool:
        return self._ix is not None

    def _version_path(self) -> Path:
        return self.index_dir / VERSION_FILE

    def _version_matches(self) -> bool:
        try:
            stamp = json.loads(self._version_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return stamp == _version_stamp()

    def close(self) -> None:
        with self._read_lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
        self._ix = None

    # -- writing ---------------------------------------------------------------------------

    def _writer(self, ix: FileIndex) -> IndexWriter:
        try:
            return ix.writer(
                limitmb=WRITER_LIMIT_MB,
                codec=new_writer_codec(),
                compound=False,  # see index.bulk_segment: compound segments are copied to RAM
                timeout=WRITE_LOCK_TIMEOUT,
                delay=0.1,
            )
        except LockError as error:
            raise SongNguError(INDEX_BUSY) from error

    def rebuild(
        self,
        articles: Iterable[Article],
        total: int | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Replace the whole index with `articles` (saved ones, with ids).

        Uses `procs` worker processes when there are enough articles. `progress(done, total)`
        is called after each article; `total` is len(articles) when not given.
        """
        if total is None and hasattr(articles, "__len__"):
            total = len(articles)  # type: ignore[arg-type]
        with self._write_lock, self._disk_errors():
            self.close()
            self.index_dir.mkdir(parents=True, exist_ok=True)
            self._version_path().unlink(missing_ok=True)  # an interrupted rebuild reads as stale
            ix = whoosh_index.create_in(str(self.index_dir), build_schema())
            # The old segments' files go now, not at the commit: the disk holds one index
            # (plus the new one's temporary files) instead of two.
            whoosh_index.clean_files(ix.storage, ix.indexname, 0, [])
            procs = self.procs if (total or 0) >= PARALLEL_MIN_ARTICLES else 1

            def on_article(done: int) -> None:
                if progress is not None:
                    progress(done, max(total or 0, done))

            self._build(ix, articles, procs, on_article)
            self._version_path().write_text(json.dumps(_version_stamp()), encoding="utf-8")
            self._ix = ix

    def _build(
        self,
        ix: FileIndex,
        articles: Iterable[Article],
        procs: int,
        on_article: Callable[[int], object],
    ) -> None:
        try:
            if procs > 1:
                build_in_parallel(ix, articles, procs, on_article, WRITE_LOCK_TIMEOUT)
            else:
                build_serially(ix, articles, on_article, WRITE_LOCK_TIMEOUT)
        except LockError as error:
            raise SongNguError(INDEX_BUSY) from error
        except BuildError as error:
            raise SongNguError(f"Building the search index failed: {error}") from None
        self._drop_searcher()

    def _write(self, ix: FileIndex, articles: Iterable[Article], replace: bool = False) -> None:
        """Add `articles` as new bulk-written segments (deleting their old documents first
        when `replace`), committed with Whoosh's writer lock and merge policy. Enough
        articles are written by worker processes, as a rebuild is."""
        writer = self._writer(ix)
        try:
            batch = list(articles)
            if replace:
                for article in batch:
                    writer.delete_by_term("article_id", str(article.id))
            if self.procs > 1 and len(batch) >= PARALLEL_MIN_ARTICLES:
                segments = self._in_workers(ix, batch)
            else:
                segments = list(write_segments(ix, ([article] for article in batch)))
            commit_added_segments(writer, segments)
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise
        self._drop_searcher()

    def _in_workers(self, ix: FileIndex, articles: list[Article]) -> list[object]:
        try:
            return write_in_workers(ix, articles, self.procs)
        except BuildError as error:
            raise SongNguError(f"Updating the search index failed: {error}") from None

    @contextmanager
    def _disk_errors(self) -> Iterator[None]:
        """A full disk, a size limit or a file where the folder should be: one line."""
        try:
            yield
        except OSError as error:
            reason = error.strerror or str(error)
            raise SongNguError(
                f"Cannot write the search index in {self.index_dir}: {reason}."
            ) from None

    def _require_index(self) -> FileIndex:
        if self._ix is None:
            raise SongNguError("The search index is not ready yet; rebuild it first.")
        return self._ix

    def update_articles(self, articles: Iterable[Article]) -> None:
        """Replace the documents of each article (delete by article id, then add)."""
        with self._write_lock, self._disk_errors():
            self._write(self._require_index(), articles, replace=True)

    def remove_articles(self, ids: Iterable[int]) -> None:
        with self._write_lock, self._disk_errors():
            writer = self._writer(self._require_index())
            try:
                for article_id in ids:
                    writer.delete_by_term("article_id", str(article_id))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._drop_searcher()

    # -- reading ---------------------------------------------------------------------------

    def _drop_searcher(self) -> None:
        with self._read_lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None

    def _current_searcher(self) -> Searcher:
        """The cached searcher (call with _read_lock held), renewed when another process
        has committed since (a cheap check of the index's generation)."""
        if self._searcher is not None and not self._searcher.up_to_date():
            # Not Searcher.refresh(): it fails when the old reader was empty (whoosh reuses
            # an EmptyReader's segments, which are None). A new searcher reads the new TOC.
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = self._require_index().searcher(weighting=CappedTermFrequency())
        return self._searcher

    def indexed_digests(self) -> dict[int, str]:
        """{article id: Article.digest() when it was indexed}, for a staleness check."""
        with self._read_lock:
            documents = self._current_searcher().documents(kind=TITLE_KIND)
            return {int(fields["article_id"]): fields["digest"] for fields in documents}

    def search(
        self, query: str, lang: str = "all", limit: int = 20, exact_diacritics: bool = False
    ) -> SearchResults:
        """The best `limit` passages for what a person typed; any input is accepted."""
        if lang not in LANG_SCOPES:
            raise SongNguError(f"Unknown language filter “{lang}”: use vi, en or all.")
        parsed = parse_query(query if isinstance(query, str) else "")
        limit = max(1, min(int(limit), MAX_LIMIT))
        found: list[tuple[dict, float]] = []
        total, exact = 0, True
        for scope in LANG_SCOPES[lang]:
            scope_found, scope_total, scope_exact = self._search_scope(
                parsed, scope, exact_diacritics, limit
            )
            found += scope_found
            total, exact = total + scope_total, exact and scope_exact
        found.sort(key=lambda item: -item[1])  # stable: ties keep index order
        hits = [_hit(parsed, fields, score, exact_diacritics) for fields, score in found[:limit]]
        return SearchResults(query, total, hits, exact)

    def _search_scope(
        self, parsed: AllOf, scope: str, exact_diacritics: bool, limit: int
    ) -> tuple[list[tuple[dict, float]], int, bool]:
        """One language, trying a narrower query first.

        The narrower query finds passages that outrank every passage it leaves out (the
        boosts guarantee it): the words typed together standing together — and, for a
        Vietnamese query typed with diacritics, having them — or, for single words typed
        with diacritics, having them exactly. When it fills the `limit`, its hits are the
        answer, found by cheap term lookups; otherwise the full query runs.
        """
        full = WhooshQueryBuilder(scope, exact_diacritics).build(parsed)
        if full is None:
            return [], 0, True
        wants_exact = scope == "vi" and not exact_diacritics and has_diacritics(parsed)
        if has_word_run(parsed):
            together = WhooshQueryBuilder(scope, exact_diacritics, together=True).build(parsed)
            found = self._run(together, limit * 3 if wants_exact else limit)[0]
            if wants_exact:
                found = [hit for hit in found if has_typed_diacritics(parsed, hit[0]["text"])]
        elif wants_exact:
            found = self._run(WhooshQueryBuilder(scope, True).build(parsed), limit)[0]
        else:
            found = []
        if len(found) >= limit:
            return found[:limit], self._estimate(full), False
        return self._run(full, limit)

    def _estimate(self, built: object) -> int:
        with self._read_lock:
            return built.estimate_size(self._current_searcher().reader())  # type: ignore[attr-defined]

    def _run(self, built: object, limit: int) -> tuple[list[tuple[dict, float]], int, bool]:
        """Top `limit` (stored fields, score) for one language's query, and the total."""
        with self._read_lock:
            try:
                searcher = self._current_searcher()
                collector = SkippingTopCollector(limit=limit)
                searcher.search_with_collector(built, collector)
                results = collector.results()
                found = [(hit.fields(), hit.score) for hit in results]
                total, exact = self._total(results, len(found), limit)
            except SongNguError:
                raise
            except Exception as error:  # a damaged index, told as one line
                raise SongNguError("The search index cannot be read; please rebuild it.") from error
        return found, total, exact

    @staticmethod
    def _total(results: object, scored: int, limit: int) -> tuple[int, bool]:
        """Count only what is free: exact when the top hits were not cut off."""
        if scored < limit:
            return scored, True
        if results.has_exact_length():  # type: ignore[attr-defined]
            return len(results), True  # type: ignore[arg-type]
        return results.estimated_length(), False  # type: ignore[attr-defined]


def _hit(parsed: AllOf, fields: dict, score: float, exact_diacritics: bool) -> SearchHit:
    text = fields["text"]
    spans = spans_for_parsed(parsed, text, fields["lang"], exact_diacritics)
    return SearchHit(
        article_id=int(fields["article_id"]),
        lang=fields["lang"],
        passage=fields.get("passage"),  # Whoosh does not store None
        kind=fields["kind"],
        text=text,
        snippet=build_snippet(text, spans),
        score=score,
        spans=spans,
    )
