"""Translation lookup timing: the memory built from N synthetic articles, then lookups.

Run from the repository root:
    .venv/bin/python bench/translation_lookup.py --articles 5000 [--dir DIR]

Builds the translation memory the way the Library does at index time (sentence splitting and
alignment inside the stored paragraph pairs, then the SQLite memory), reports the build time
and size, and times lookups of
frequent, middling and rare words in both languages (p50 / p95 / max over the runs). Beside
it, in the same run, the plain SQLite FTS5 cost of merely finding and counting the sentence
pairs that hold each query (what any lookup must at least do).
The synthetic articles (bench/synthetic.py) pair sentences by position, not by translation,
so the renderings are meaningless here: this measures time only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.alignment.aligner import align  # noqa: E402
from archive.importers import read_articles  # noqa: E402
from archive.sample import sample_path  # noqa: E402
from bench.synthetic import SyntheticArchive  # noqa: E402
from index import translation_sync  # noqa: E402
from index.translation_lookup import lookup  # noqa: E402
from index.translation_memory import TranslationMemory  # noqa: E402
from index.translation_terms import terms_of  # noqa: E402

QUERIES = {
    "en": ["deterrence", "cease-fire", "alliance", "NATO", "the risk", "Russia"],
    "vi": ["răn đe", "ngừng bắn", "liên minh", "NATO", "nguy cơ", "của"],
}
BATCH = 100


def build(memory: TranslationMemory, n: int) -> float:
    """Seconds spent building the memory (reading and paragraph-aligning the articles, which
    the store has done at import, is not counted)."""
    seed = read_articles(sample_path())[0]
    synthetic = SyntheticArchive(seed)
    spent = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for start in range(0, n, BATCH):
            batch = []
            for i in range(start, min(start + BATCH, n)):
                path = Path(scratch) / f"{i}.txt"
                path.write_text(synthetic.article_text(i), encoding="utf-8")
                article = read_articles(path)[0].with_id(i + 1)
                article.alignment = align(
                    article.passages.get("vi", []), article.passages.get("en", [])
                )
                batch.append(article)
            started = time.perf_counter()
            translation_sync.update(memory, batch)
            spent += time.perf_counter() - started
            print(f"\r  built {min(start + BATCH, n)}/{n}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return spent


def time_lookups(memory: TranslationMemory, runs: int) -> None:
    print(
        f"  {'query':<14} {'lang':<4} {'pairs':>7} {'lookup p50/p95/max ms':>24}"
        f" {'FTS5 find+count p50 ms':>24}  top rendering"
    )
    for lang, queries in QUERIES.items():
        for query in queries:
            lookups, finds = [], []
            found = None
            for _ in range(runs):
                started = time.perf_counter()
                found = lookup(memory, query, lang)
                lookups.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                memory.count_matching(lang, terms_of(query, lang))
                finds.append((time.perf_counter() - started) * 1000)
            assert found is not None
            lookups.sort()
            p95 = lookups[min(len(lookups) - 1, int(len(lookups) * 0.95))]
            top = found.renderings[0].text if found.renderings else "—"
            print(
                f"  {query:<14} {lang:<4} {found.occurrences:>7} "
                f"{statistics.median(lookups):>9.1f} /{p95:>6.1f} /{lookups[-1]:>6.1f} "
                f"{statistics.median(finds):>24.1f}  {top}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--dir", type=Path, help="keep the memory here (reused when present)")
    args = parser.parse_args()
    directory = args.dir or Path(tempfile.mkdtemp(prefix="songngu-tm-"))
    directory.mkdir(parents=True, exist_ok=True)
    memory = TranslationMemory(directory / f"translations-{args.articles}.sqlite")
    if memory.pair_count() == 0:
        seconds = build(memory, args.articles)
        print(f"{args.articles} articles: memory built in {seconds:.1f} s")
    size = (directory / f"translations-{args.articles}.sqlite").stat().st_size / 2**20
    print(f"{args.articles} articles: {memory.pair_count()} sentence pairs, {size:.0f} MB")
    time_lookups(memory, args.runs)


if __name__ == "__main__":
    main()
