"""Benchmark: import + index + search on a synthetic archive, beside SQLite FTS5.

    .venv/bin/python bench/run_bench.py                 # N = 100 and 1,000
    .venv/bin/python bench/run_bench.py --ns 5000       # by hand: ~15 minutes, ~1.5 GB RAM

Each N runs in its own process (so peak memory is that size's own): synthetic articles are
written as files in the seed's text format, imported with the real importer into the real
store, indexed from the store with SearchIndex.rebuild (procs=2), and the same passages go
into FTS5. Then a fixed query mix runs against both, top 10 with snippets, and the table
reports Whoosh beside FTS5 with their ratio. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.importers import read_articles  # noqa: E402
from archive.sample import sample_path  # noqa: E402
from archive.storage.store import ArchiveStore  # noqa: E402
from bench.fts5_baseline import Fts5Searcher, build_fts5  # noqa: E402
from bench.synthetic import SyntheticArchive  # noqa: E402
from index.search_index import SearchIndex  # noqa: E402


def query_mix(archive: SyntheticArchive) -> list[tuple[str, str]]:
    """(category, query) pairs: the kinds of things people type."""
    return [
        ("common term", "NATO"),
        ("common term", "Nga"),
        ("common term", "Russia"),
        ("common term", "war"),
        ("vi 2 syllables, no diacritics", "chien tranh"),
        ("vi 2 syllables, no diacritics", "an ninh"),
        ("vi 2 syllables, no diacritics", "dong minh"),
        ("vi 2 syllables, no diacritics", "quan su"),
        ("vi 3-4 syllables, no diacritics", "dai tay duong"),
        ("vi 3-4 syllables, no diacritics", "lenh ngung ban"),
        ("vi 3-4 syllables, no diacritics", "vu khi hat nhan"),
        ("vi with diacritics", "chiến tranh"),
        ("vi with diacritics", "Điện Kremlin"),
        ("en phrase", '"nuclear weapons"'),
        ("en phrase", '"cease-fire"'),
        ("en phrase", '"European security"'),
        ("rare name", "Vusoanka"),
        ("rare name", archive.rare_word("vi")),
        ("rare name", archive.rare_word("en")),
        ("rare name", "xyzzyq"),
    ]


def _dir_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def _import(files: list[Path], db_path: Path) -> int:
    store = ArchiveStore(db_path)
    try:
        for path in files:
            store.save_articles(read_articles(path))
        return store.count()
    finally:
        store.close()


def _timed(run: object, reps: int) -> list[float]:
    run()  # warm-up: caches, first searcher
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _latencies(queries: list[tuple[str, str]], run: object, reps: int) -> dict[str, list[float]]:
    by_category: dict[str, list[float]] = {}
    for category, query in queries:
        by_category.setdefault(category, []).extend(_timed(lambda q=query: run(q), reps))
    return by_category


def _p(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def measure(n: int, workdir: Path, reps: int) -> dict[str, object]:
    """One archive size, start to finish; returns the figures as a dict."""
    synthetic = SyntheticArchive(read_articles(sample_path())[0])
    articles_dir = workdir / "articles"
    megabytes = synthetic.write(n, articles_dir) / 1e6
    files = sorted(articles_dir.glob("*.txt"))
    db_path = workdir / "archive.sqlite3"
    started = time.perf_counter()
    count = _import(files, db_path)
    import_s = time.perf_counter() - started

    store = ArchiveStore(db_path)
    index = SearchIndex(workdir / "index", procs=2)
    started = time.perf_counter()
    index.rebuild(store.iter_articles(), total=count)
    index_s = time.perf_counter() - started
    indexing_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    indexing_workers_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    plain_s = _plain_whoosh_seconds(db_path, workdir / "plain-whoosh")
    started = time.perf_counter()
    build_fts5(workdir / "fts5.sqlite3", store.iter_articles())
    fts5_s = time.perf_counter() - started
    passages = sum(len(ps) for a in store.iter_articles() for ps in a.passages.values())
    store.close()

    assert index.open(), "the freshly built index must open"
    fts5 = Fts5Searcher(workdir / "fts5.sqlite3")
    queries = query_mix(synthetic)
    whoosh_ms = _latencies(queries, lambda q: index.search(q, limit=10), reps)
    fts5_ms = _latencies(queries, lambda q: fts5.search(q, limit=10), reps)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "n": n,
        "articles": count,
        "passages": passages,
        "mb": megabytes,
        "import_s": import_s,
        "index_s": index_s,
        "fts5_index_s": fts5_s,
        "index_mb": _dir_mb(workdir / "index"),
        "fts5_mb": _dir_mb(workdir / "fts5.sqlite3"),
        "plain_whoosh_index_s": plain_s,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "search_rss_mb": _current_rss_mb(),
        "indexing_rss_mb": indexing_rss,
        "indexing_workers_rss_mb": indexing_workers_rss,
        "whoosh_ms": whoosh_ms,
        "fts5_ms": fts5_ms,
    }


def _current_rss_mb() -> float:
    """This process's resident memory now (Linux), with the index open and searched."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _plain_whoosh_seconds(db_path: Path, index_dir: Path) -> float:
    """Plain single-writer Whoosh over the same store, in its own process (its own memory)."""
    script = Path(__file__).resolve().parent / "whoosh_baseline.py"
    command = [sys.executable, str(script), str(db_path), str(index_dir)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def _run_child(n: int, reps: int, keep: bool) -> dict[str, object]:
    workdir = Path(tempfile.mkdtemp(prefix=f"songngu-bench-{n}-"))
    try:
        command = [sys.executable, str(Path(__file__).resolve()), "--one", str(n)]
        command += ["--workdir", str(workdir), "--reps", str(reps)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return json.loads(output.strip().splitlines()[-1])
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def _table(rows: list[dict]) -> str:
    lines = [
        "| articles (passages) | text MB | import s | index s (procs=2) | plain Whoosh index s "
        "| MB/s import+index | FTS5 index s | index MB (FTS5 MB) "
        "| peak RSS MB indexing (workers) | RSS MB at the end (import + searches) "
        "| search p50 / p95 ms | FTS5 p50 / p95 ms | ratio p50 / p95 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ours = [s for samples in r["whoosh_ms"].values() for s in samples]
        base = [s for samples in r["fts5_ms"].values() for s in samples]
        o50, o95, b50, b95 = _p(ours, 50), _p(ours, 95), _p(base, 50), _p(base, 95)
        mbps = r["mb"] / (r["import_s"] + r["index_s"])
        plain = r["plain_whoosh_index_s"]
        lines.append(
            f"| {r['articles']:,} ({r['passages']:,}) | {r['mb']:.1f} | {r['import_s']:.1f} "
            f"| {r['index_s']:.1f} | {plain:.1f} (ours ×{plain / r['index_s']:.2f} faster) "
            f"| {mbps:.2f} | {r['fts5_index_s']:.2f} "
            f"(×{r['index_s'] / r['fts5_index_s']:.0f}) | {r['index_mb']:.0f} ({r['fts5_mb']:.0f}) "
            f"| {r['indexing_rss_mb']:.0f} ({r['indexing_workers_rss_mb']:.0f}) "
            f"| {r['search_rss_mb']:.0f} | {o50:.1f} / {o95:.1f} "
            f"| {b50:.1f} / {b95:.1f} | ×{o50 / b50:.1f} / ×{o95 / b95:.1f} |"
        )
    return "\n".join(lines)


def _category_table(rows: list[dict]) -> str:
    lines = [
        "| articles | query kind | search p50 / p95 ms | FTS5 p50 / p95 ms |",
        "|---|---|---|---|",
    ]
    for r in rows:
        for category, ours in r["whoosh_ms"].items():
            base = r["fts5_ms"][category]
            lines.append(
                f"| {r['articles']:,} | {category} | {_p(ours, 50):.1f} / {_p(ours, 95):.1f} "
                f"| {_p(base, 50):.1f} / {_p(base, 95):.1f} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ns", default="100,1000", help="archive sizes, comma-separated")
    parser.add_argument("--reps", type=int, default=10, help="timed runs of each query")
    parser.add_argument("--keep", action="store_true", help="keep the work directories")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure(args.one, args.workdir, args.reps)))
        return
    rows = [_run_child(int(n), args.reps, args.keep) for n in args.ns.split(",")]
    print(_table(rows))
    print()
    print(_category_table(rows))


if __name__ == "__main__":
    main()
