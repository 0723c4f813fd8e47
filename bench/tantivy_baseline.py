"""tantivy-py over the same passages: a second yardstick, used only when it is installed.

Not a dependency of the app (`pip install tantivy` for the bench). Vietnamese text is folded
here (fold_diacritics, đ→d) into a field with tantivy's default tokenizer, English goes into
an en_stem field; both are stored so tantivy can build its own snippets.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from archive.model import Article
from bench.fts5_baseline import to_fts5
from index.analysis import fold_diacritics

HEAP_BYTES = 256_000_000


def available() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


def build_tantivy(directory: Path, articles: Iterable[Article], threads: int = 2) -> None:
    import tantivy

    directory.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(_schema(), path=str(directory))
    writer = index.writer(heap_size=HEAP_BYTES, num_threads=threads)
    for article in articles:
        for lang, passages in article.passages.items():
            for passage in passages:
                text = fold_diacritics(passage.text) if lang == "vi" else passage.text
                writer.add_document(
                    tantivy.Document(**{lang: text}, article_id=article.id, passage=passage.index)
                )
    writer.commit()
    writer.wait_merging_threads()


def _schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("vi", stored=True, tokenizer_name="default")
    builder.add_text_field("en", stored=True, tokenizer_name="en_stem")
    builder.add_integer_field("article_id", stored=True, indexed=False)
    builder.add_integer_field("passage", stored=True, indexed=False)
    return builder.build()


class TantivySearcher:
    def __init__(self, directory: Path) -> None:
        import tantivy

        self._tantivy = tantivy
        self.schema = _schema()
        self.index = tantivy.Index.open(str(directory))
        self.searcher = self.index.searcher()

    def search(self, query: str, limit: int = 10) -> list[tuple[int, int, str]]:
        """Top `limit` passages with an HTML snippet each (the same query translation as
        FTS5's: words ANDed, phrases quoted)."""
        text = to_fts5(query).replace(" NOT ", " -")
        if not text:
            return []
        parsed = self.index.parse_query(text, ["vi", "en"], conjunction_by_default=True)
        found = []
        generators: dict[str, Any] = {}
        for _score, address in self.searcher.search(parsed, limit).hits:
            doc = self.searcher.doc(address)
            field = "vi" if doc.get_first("vi") else "en"
            if field not in generators:
                generators[field] = self._tantivy.SnippetGenerator.create(
                    self.searcher, parsed, self.schema, field
                )
            snippet = generators[field].snippet_from_doc(doc).to_html()
            found.append((doc.get_first("article_id"), doc.get_first("passage"), snippet))
        return found
