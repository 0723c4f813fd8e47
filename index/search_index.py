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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import whoosh
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from archive.errors import SongNguError
from archive.model import Article
from index.analysis import ANALYZER_VERSION, en_term, plain_term, vi_exact, vi_folded
from index.completions import Completions
from index.highlight import Completer, build_snippet, has_typed_diacritics, spans_for_parsed
from index.matching_sets import MatchingSets
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
from index.query import AllOf, has_diacritics, has_prefix, has_word_run, parse_query
from index.results import SearchHit, SearchResults
from index.schema import (
    EN_TEXT,
    SCHEMA_VERSION,
    TITLE_KIND,
    VI_EXACT,
    VI_FOLDED,
    build_schema,
)
from index.scoring import CappedTermFrequency, SkippingTopCollector
from index.suggestions import MAX_SUGGESTIONS, Speller, suggest
from index.whoosh_query import LANG_SCOPES, Expand, WhooshQueryBuilder

VERSION_FILE = "songngu-index.json"
WRITE_LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before giving up
WRITER_LIMIT_MB = 512  # per writer process: 200 articles index in 37 s instead of 50 s
PARALLEL_MIN_ARTICLES = 40  # below this, starting worker processes costs more than it saves
MAX_LIMIT = 1000
INDEX_BUSY = "The search index is busy (another Song Ngữ may be indexing); try again later."
UNREADABLE = "The search index cannot be read; please rebuild it."
FEW_HITS = 3  # fewer matching passages than this: look for "did you mean" suggestions
PREFIX_PASSES = (0, 4)  # completions tried before all of them: the whole word, the top 4

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
        self._completions: Completions | None = None  # belongs to _searcher's reader
        self._matching: MatchingSets | None = None  # belongs to _searcher
        self._write_lock = threading.RLock()
        self._read_lock = threading.RLock()  # held through a whole search (see search)

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
        return bool(stamp == _version_stamp())

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
        self,
        query: str,
        lang: str = "all",
        limit: int = 20,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> SearchResults:
        """The best `limit` passages for what a person typed; any input is accepted.

        `total` counts every passage the query matches, exactly, whatever the limit.
        `as_you_type`: the last word is a prefix until a space follows it. With few hits,
        `suggestions` holds corrected queries that find more (see index.suggestions).
        """
        if lang not in LANG_SCOPES:
            raise SongNguError(f"Unknown language filter “{lang}”: use vi, en or all.")
        query = query if isinstance(query, str) else ""
        parsed = parse_query(query, as_you_type)
        limit = max(1, min(int(limit), MAX_LIMIT))
        # One searcher for the whole search: document numbers must not change between the
        # count and the passes (a write waits for the lock before it renews the searcher).
        with self._read_lock:
            return self._search(query, parsed, lang, limit, exact_diacritics)

    def _search(
        self, query: str, parsed: AllOf, lang: str, limit: int, exact_diacritics: bool
    ) -> SearchResults:
        found: list[_Found] = []
        matching: frozenset[int] = frozenset()
        for scope in LANG_SCOPES[lang]:
            scope_found, scope_matching = self._search_scope(parsed, scope, exact_diacritics, limit)
            found += scope_found
            matching |= scope_matching
        total, articles = len(matching), self._articles(matching)
        found.sort(key=lambda hit: (hit.tier, -hit.score))  # stable: ties keep index order
        completers = {scope: self._completer(scope, exact_diacritics) for scope in ("vi", "en")}
        hits = [
            _hit(parsed, hit.fields, hit.score, exact_diacritics, completers[hit.fields["lang"]])
            for hit in found[:limit]
        ]
        suggestions: list[str] = []
        if total < FEW_HITS and not parsed.is_empty:
            suggestions = self._suggestions(query, parsed, lang, exact_diacritics, total)
        return SearchResults(query, total, hits, True, suggestions, articles)

    def _search_scope(
        self, parsed: AllOf, scope: str, exact_diacritics: bool, limit: int
    ) -> tuple[list[_Found], frozenset[int]]:
        """One language: the best `limit` hits and every passage the query matches.

        Narrower queries run first and their hits come first: they outrank every passage
        they leave out (see _passes). As soon as they fill the `limit`, the hits are found
        by cheap term lookups. Every hit is one the full query matches, and the full query's
        matches are what `total` counts, so the list and the count agree.
        """
        full = WhooshQueryBuilder(scope, exact_diacritics, expand=self._expand).build(parsed)
        if full is None:
            return [], frozenset()
        matching = self._docs(full)
        if not matching:
            return [], matching  # nothing to rank: no pass can find anything
        found: list[_Found] = []
        seen: set[int] = set()
        for tier, (built, needs_diacritics) in enumerate(
            self._passes(parsed, scope, exact_diacritics, full)
        ):
            wanted = limit - len(found)
            for hit in self._run(built, wanted * 3 if needs_diacritics else wanted + len(seen)):
                if hit.docnum in seen or hit.docnum not in matching:
                    continue
                if needs_diacritics and not has_typed_diacritics(parsed, hit.fields["text"]):
                    continue
                seen.add(hit.docnum)
                found.append(_Found(hit.docnum, hit.fields, hit.score, tier))
            if len(found) >= limit:
                break
        return found[:limit], matching

    def _articles(self, docs: frozenset[int]) -> int:
        if not docs:
            return 0
        with self._read_lock:
            try:
                return self._sets().articles(docs)
            except Exception as error:  # a damaged index, told as one line
                raise SongNguError(UNREADABLE) from error

    def _passes(
        self, parsed: AllOf, scope: str, exact_diacritics: bool, full: wq.Query
    ) -> Iterator[tuple[wq.Query, bool]]:
        """(query, keep only hits with the typed diacritics), narrowest first, the full
        query last. Narrower means: the words typed together standing together — and, for a
        Vietnamese query typed with diacritics, having them — or, for single words typed
        with diacritics, having them exactly; and a prefix read first as the whole word, then
        as its few most frequent completions (so an exact word ranks above its completions,
        and a common completion above a rare one)."""
        wants_exact = scope == "vi" and not exact_diacritics and has_diacritics(parsed)
        widths = PREFIX_PASSES if has_prefix(parsed) else (0,)
        for width in widths:
            expand = self._first_completions(width)
            if has_word_run(parsed):
                builder = WhooshQueryBuilder(scope, exact_diacritics, True, expand)
            elif wants_exact:
                builder = WhooshQueryBuilder(scope, True, expand=expand)
            elif has_prefix(parsed):
                builder = WhooshQueryBuilder(scope, exact_diacritics, expand=expand)
            else:
                break
            built = builder.build(parsed)
            if built is not None:
                yield built, wants_exact and has_word_run(parsed)
        yield full, False

    def _first_completions(self, width: int) -> Expand | None:
        """An Expand that keeps only the `width` most frequent completions (0: none)."""
        if width == 0:
            return None
        return lambda fieldname, prefix: self._expand(fieldname, prefix)[:width]

    def _sets(self) -> MatchingSets:
        """The current searcher's MatchingSets (call with _read_lock held)."""
        searcher = self._current_searcher()
        if self._matching is None or self._matching.searcher is not searcher:
            self._matching = MatchingSets(searcher)
        return self._matching

    def _expand(self, fieldname: str, prefix: str) -> tuple[str, ...]:
        """A prefix's most frequent completions in the current searcher (index.completions)."""
        with self._read_lock:
            try:
                searcher = self._current_searcher()
                if self._completions is None or self._completions.reader is not searcher.reader():
                    self._completions = Completions(searcher.reader())
                return self._completions.expand(fieldname, prefix)
            except SongNguError:
                raise
            except Exception as error:  # a damaged index, told as one line
                raise SongNguError(UNREADABLE) from error

    def _completer(self, lang: str, exact_diacritics: bool) -> Completer:
        """What a typed prefix token was expanded into, in the terms the highlighter uses."""
        if lang == "en":
            return lambda raw: frozenset({en_term(raw), *self._expand(EN_TEXT, plain_term(raw))})
        fieldname, form = (VI_EXACT, vi_exact) if exact_diacritics else (VI_FOLDED, vi_folded)
        return lambda raw: frozenset(self._expand(fieldname, form(raw)) or (form(raw),))

    def _run(self, built: object, limit: int) -> list[_Found]:
        """Top `limit` hits (document number, stored fields, score) of one query."""
        if built is None:
            return []
        with self._read_lock:
            try:
                searcher = self._current_searcher()
                collector = SkippingTopCollector(limit=max(1, limit))
                searcher.search_with_collector(built, collector)
                return [_Found(hit.docnum, hit.fields(), hit.score) for hit in collector.results()]
            except SongNguError:
                raise
            except Exception as error:  # a damaged index, told as one line
                raise SongNguError(UNREADABLE) from error

    def _docs(self, built: object) -> frozenset[int]:
        """Every live passage `built` matches (index.matching_sets)."""
        with self._read_lock:
            try:
                return self._sets().docs(built)
            except Exception as error:  # a damaged index, told as one line
                raise SongNguError(UNREADABLE) from error

    def matching_passages(
        self,
        query: str,
        article_id: int,
        lang: str,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> set[int | None]:
        """The passages of one article language that `query` matches (None: its title
        document), by the very query that finds the hits: the reader visits these."""
        parsed = parse_query(query if isinstance(query, str) else "", as_you_type)
        built = WhooshQueryBuilder(lang, exact_diacritics, expand=self._expand).build(parsed)
        if built is None or lang not in ("vi", "en"):
            return set()
        only = wq.And([wq.Term("article_id", str(article_id)), wq.Term("lang", lang)])
        with self._read_lock:
            try:
                searcher = self._current_searcher()
                sets = self._sets()
                numbers = sets.docs(only) & sets.docs(built)
                return {searcher.stored_fields(n).get("passage") for n in numbers}
            except Exception as error:  # a damaged index, told as one line
                raise SongNguError(UNREADABLE) from error

    def article_spans(
        self,
        query: str,
        article_id: int,
        texts: dict[int | None, str],
        lang: str,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> dict[int | None, list[tuple[int, int]]]:
        """The marks of `query` in one article language, as the result list has them: only
        in the passages the query matches (so never in one an exclusion removed), marked as
        each hit's snippet is. `texts`: the text shown for each passage (None: the title)."""
        with self._read_lock:  # the passages and their marks from one searcher
            places = self.matching_passages(query, article_id, lang, exact_diacritics, as_you_type)
            parsed = parse_query(query if isinstance(query, str) else "", as_you_type)
            completer = self._completer(lang, exact_diacritics)
            found = {}
            for place in sorted(places & texts.keys(), key=lambda p: -1 if p is None else p):
                spans = spans_for_parsed(parsed, texts[place], lang, exact_diacritics, completer)
                if spans:
                    found[place] = spans
            return found

    def _suggestions(
        self, query: str, parsed: AllOf, lang: str, exact_diacritics: bool, total: int
    ) -> list[str]:
        """Corrected queries that find more than `query` does, the likeliest first."""
        with self._read_lock:
            try:
                speller = Speller(self._current_searcher().reader(), LANG_SCOPES[lang])
            except Exception as error:
                raise SongNguError(UNREADABLE) from error
        kept = []
        for suggestion in suggest(query, parsed, speller):
            found = self.search(suggestion, lang, 1, exact_diacritics).total
            if found > total:
                kept.append(suggestion)
            if len(kept) == MAX_SUGGESTIONS:
                break
        return kept


@dataclass(frozen=True)
class _Found:
    """One hit as the search finds it; `tier` is the pass that found it (narrowest 0)."""

    docnum: int
    fields: dict[str, Any]
    score: float
    tier: int = 0


def _hit(
    parsed: AllOf,
    fields: dict[str, Any],
    score: float,
    exact_diacritics: bool,
    completer: Completer,
) -> SearchHit:
    text = fields["text"]
    spans = spans_for_parsed(parsed, text, fields["lang"], exact_diacritics, completer)
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
