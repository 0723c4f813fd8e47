"""Plain Whoosh, as ../shared/PERFORMANCE.md measured it: the indexing yardstick.

One document per passage, Whoosh's own RegexTokenizer | LowercaseFilter | accent folding for
Vietnamese and StemmingAnalyzer for English, text stored, one writer process. The issue's
target for a whole-index build is at least twice as fast as this; building it in the same run
on the same passages gives a ratio that does not depend on how busy the machine is.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import fields  # noqa: E402
from whoosh import index as whoosh_index  # noqa: E402
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer  # noqa: E402

from archive.model import Article  # noqa: E402
from archive.storage.store import ArchiveStore  # noqa: E402
from index.analysis import fold_diacritics  # noqa: E402

TOKEN_PATTERN = r"\w+(?:\.?\w+)*"  # Whoosh's default RegexTokenizer pattern
LIMIT_MB = 256  # as in the PERFORMANCE.md runs


class FoldFilter(Filter):
    """Accent folding incl. đ → d (at an importable path: Whoosh pickles the schema)."""

    def __call__(self, tokens: Iterator) -> Iterator:
        for token in tokens:
            token.text = fold_diacritics(token.text)
            yield token


def baseline_schema() -> fields.Schema:
    return fields.Schema(
        article_id=fields.ID(stored=True),
        lang=fields.ID(stored=True),
        passage=fields.NUMERIC(stored=True),
        text_vi=fields.TEXT(
            analyzer=RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | FoldFilter(), stored=True
        ),
        text_en=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    )


def build_plain_whoosh(index_dir: Path, articles: Iterable[Article]) -> None:
    """Index every passage of `articles` the plain way, with a single writer."""
    index_dir.mkdir(parents=True)
    ix = whoosh_index.create_in(str(index_dir), baseline_schema())
    writer = ix.writer(limitmb=LIMIT_MB)
    for article in articles:
        for lang, passages in article.passages.items():
            field = "text_vi" if lang == "vi" else "text_en"
            for passage in passages:
                writer.add_document(
                    article_id=str(article.id),
                    lang=lang,
                    passage=passage.index,
                    **{field: passage.text},
                )
    writer.commit()


def main(argv: list[str]) -> None:
    """`whoosh_baseline.py DB INDEX_DIR`: build from the store, print the seconds it took.

    bench/run_bench.py runs this in its own process, so its memory is not counted as ours.
    """
    store = ArchiveStore(Path(argv[0]))
    started = time.perf_counter()
    build_plain_whoosh(Path(argv[1]), store.iter_articles())
    print(f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
