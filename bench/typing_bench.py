"""Benchmark: queries typed out keystroke by keystroke, as the search box runs them, beside
SQLite FTS5's prefix query (`"term"*`) on the same passages, in one run.

    .venv/bin/python bench/typing_bench.py --ns 1000              # builds, then types
    .venv/bin/python bench/typing_bench.py --ns 1000,5000 --keep  # keeps the built archives
    .venv/bin/python bench/typing_bench.py --reuse 1000=DIR       # an archive built before

Every prefix of each typed query (`L`, `Lu`, … `Lukashenko`) is searched as the window does:
`as_you_type` (the last word a prefix until a space follows), 50 hits with snippets and the
exact total. Each rep is one session: the index opened afresh, then every query typed out in
turn, as in a window left open (no query is typed twice in a session). FTS5 answers the
same keystrokes: top 50 with snippet() plus count(*), the last word as a prefix. Prints a
markdown table of p50 / p95 per keystroke, in CPU time (what the search costs) and wall
time (what a person waits on this machine now).
A built archive directory holds `index/` (SearchIndex) and `fts5.sqlite3`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
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

LIMIT = 50  # as the search panel asks (viewer.gui.search_panel.RESULT_LIMIT)
TYPED = [
    "Lukashenko",
    "chien tranh",
    "dong minh chau Au",
    "NATO -Belarus",
    "Kremlin",
    "an ninh",
    "nuclear weapons",
    "Điện Kremlin",
]


def build(n: int, workdir: Path) -> None:
    """The synthetic archive of `n` articles: imported, indexed (2 workers) and in FTS5."""
    synthetic = SyntheticArchive(read_articles(sample_path())[0])
    synthetic.write(n, workdir / "articles")
    store = ArchiveStore(workdir / "archive.sqlite3")
    try:
        for path in sorted((workdir / "articles").glob("*.txt")):
            store.save_articles(read_articles(path))
        SearchIndex(workdir / "index", procs=2).rebuild(store.iter_articles(), total=store.count())
        build_fts5(workdir / "fts5.sqlite3", store.iter_articles())
    finally:
        store.close()


def keystrokes(query: str) -> list[str]:
    return [query[:end] for end in range(1, len(query) + 1)]


def _ms(run: object) -> tuple[float, float]:
    """(wall, CPU) milliseconds of run(). On a shared machine the wall time includes waiting
    for a core; the CPU time of this one-threaded process does not."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()  # type: ignore[operator]
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(workdir: Path, reps: int) -> dict[str, object]:
    """Per-keystroke latencies (ms) of our search and of FTS5, over `reps` typings of TYPED."""
    ours: list[tuple[float, float]] = []
    fts5: list[tuple[float, float]] = []
    worst: tuple[float, str] = (0.0, "")  # by CPU time
    fts = Fts5Searcher(workdir / "fts5.sqlite3")
    passages = fts.con.execute("SELECT count(*) FROM passages").fetchone()[0]
    for _ in range(reps):
        # One session per rep, as in the window: the index opened afresh, then every query
        # typed out one after another (the searcher and what it has learnt live on).
        index = SearchIndex(workdir / "index")
        assert index.open(), f"no usable index in {workdir}"
        # Opening is not typing: the searcher, and its article map, exist before the first
        # keystroke in a window that is already open. (Moscow is typed nowhere.)
        index.search("Moscow", limit=1)
        for query in TYPED:
            for typed in keystrokes(query):
                took = _ms(lambda t=typed, ix=index: ix.search(t, limit=LIMIT, as_you_type=True))
                ours.append(took)
                worst = max(worst, (took[1], typed))
                fts5.append(
                    _ms(
                        lambda t=typed: (
                            fts.search(t, LIMIT, as_you_type=True),
                            fts.count(t, as_you_type=True),
                        )
                    )
                )
        index.close()
    fts.close()
    return {"passages": passages, "ours": ours, "fts5": fts5, "worst": worst}


def _p(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def _pair(samples: list[tuple[float, float]], which: int) -> str:
    values = [sample[which] for sample in samples]
    return f"{_p(values, 50):.1f} / {_p(values, 95):.1f}"


def row(n: int, found: dict) -> str:
    ours, fts5 = found["ours"], found["fts5"]
    worst_ms, worst_typed = found["worst"]
    return (
        f"| {n:,} ({found['passages']:,}) | {len(ours)} | {_pair(ours, 1)} | "
        f"{_pair(fts5, 1)} | {_pair(ours, 0)} | {_pair(fts5, 0)} | "
        f"{worst_ms:.0f} (`{worst_typed}`) |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ns", default="1000", help="archive sizes, comma-separated")
    parser.add_argument("--reps", type=int, default=3, help="typings of each query")
    parser.add_argument("--keep", action="store_true", help="keep the built archives")
    parser.add_argument(
        "--reuse",
        action="append",
        default=[],
        metavar="N=DIR",
        help="an archive of N articles built before (index/ and fts5.sqlite3)",
    )
    args = parser.parse_args(argv)
    reuse = {int(n): Path(d) for n, d in (item.split("=", 1) for item in args.reuse)}
    sizes = sorted({*map(int, args.ns.split(",")), *reuse})
    print(
        "| articles (passages) | keystrokes | as you type p50 / p95 CPU ms "
        "| FTS5 `term*` p50 / p95 CPU ms | as you type wall ms | FTS5 wall ms "
        "| slowest keystroke CPU ms |"
    )
    print("|---|---|---|---|---|---|---|")
    for n in sizes:
        workdir = reuse.get(n) or Path(tempfile.mkdtemp(prefix=f"songngu-typing-{n}-"))
        try:
            if n not in reuse:
                build(n, workdir)
            print(row(n, measure(workdir, args.reps)), flush=True)
        finally:
            if n not in reuse and not args.keep:
                shutil.rmtree(workdir, ignore_errors=True)
            elif n not in reuse:
                print(f"(kept {workdir})", file=sys.stderr)


if __name__ == "__main__":
    main()
