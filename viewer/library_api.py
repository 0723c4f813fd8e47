"""LibraryAPI: what the window needs of the Library, as a Protocol.

GUI modules annotate their collaborator with it instead of the concrete class, so a panel can
be driven by a test double and the seam between the front end and the core is written down in
one place. viewer.library.Library satisfies it (tests/viewer/test_library_api.py checks).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from archive.bookmarks.bookmark import Bookmark
from archive.export.citation import Excerpt
from archive.model import Article, ArticleSummary
from viewer.library import SEARCH_LIMIT, WINDOW_RESULTS

if TYPE_CHECKING:  # the search result types are only named, never imported by the window
    from archive.alignment.sentence_aligner import SentencePairs
    from archive.export.translation_memory import TranslationUnit
    from index.results import SearchResults
    from index.translation_lookup import Lookup
    from viewer.library import CheckReport, ImportOutcome

ImportProgress = Callable[[int, int, str], None]
IndexProgress = Callable[[int, int], None]


class LibraryAPI(Protocol):
    data_dir: Path

    def close(self) -> None: ...
    def index_ready(self) -> bool: ...
    def ensure_index(self, progress: IndexProgress | None = None) -> bool: ...
    def reindex(self, progress: IndexProgress | None = None) -> None: ...
    def check(self) -> CheckReport: ...
    def import_paths(
        self,
        paths: Sequence[str | Path],
        progress: ImportProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ImportOutcome]: ...

    # reading and searching
    def summaries(self) -> list[ArticleSummary]: ...
    def article(self, article_id: int) -> Article: ...
    def search(
        self,
        query: str,
        lang: str = "all",
        limit: int = SEARCH_LIMIT,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> SearchResults: ...
    def match_spans(
        self, query: str, text: str, lang: str, exact_diacritics: bool = False
    ) -> list[tuple[int, int]]: ...
    def article_spans(
        self,
        query: str,
        article_id: int,
        texts: dict[int | None, str],
        lang: str,
        exact_diacritics: bool = False,
        as_you_type: bool = False,
    ) -> dict[int | None, list[tuple[int, int]]]: ...

    # bookmarks and exports
    def bookmark_passage(
        self,
        article_id: int,
        lang: str,
        passage: int,
        start: int = 0,
        end: int = 0,
        note: str = "",
        tags: Sequence[str] = (),
    ) -> Bookmark: ...
    def bookmark_article(
        self, article_id: int, note: str = "", tags: Sequence[str] = ()
    ) -> Bookmark: ...
    def bookmarks(
        self, tag: str | None = None, article_id: int | None = None
    ) -> list[Bookmark]: ...
    def bookmark(self, bookmark_id: int) -> Bookmark: ...
    def update_bookmark(
        self, bookmark_id: int, note: str | None = None, tags: Sequence[str] | None = None
    ) -> Bookmark: ...
    def delete_bookmark(self, bookmark_id: int) -> Bookmark: ...
    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark: ...
    def bookmark_excerpts(
        self, bookmarks: Sequence[Bookmark], with_counterpart: bool = False
    ) -> list[Excerpt]: ...
    def search_excerpts(
        self,
        query: str,
        lang: str = "all",
        limit: int = WINDOW_RESULTS,
        with_counterpart: bool = False,
        exact_diacritics: bool = False,
    ) -> list[Excerpt]: ...

    # alignment corrections
    def link_passages(self, article_id: int, vi: Sequence[int], en: Sequence[int]) -> Article: ...
    def unlink_pair(self, article_id: int, lang: str, passage: int) -> Article: ...
    def restore_automatic_alignment(self, article_id: int) -> Article: ...

    # sentence pairs and the translation memory
    def translations(
        self, query: str, lang: str | None = None, limit: int = 10, examples: int = 3
    ) -> Lookup: ...
    def sentence_pairs(self, article_id: int) -> SentencePairs: ...
    def translation_units(self, ids: Sequence[int] | None = None) -> list[TranslationUnit]: ...
    def ensure_translation_memory(self, progress: IndexProgress | None = None) -> bool: ...
