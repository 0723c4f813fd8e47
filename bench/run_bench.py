"""Benchmark: the figures of issue 12 on a synthetic archive, beside SQLite FTS5 (and tantivy).

    .venv/bin/python bench/run_bench.py                  # N = 100 and 1,000
    .venv/bin/python bench/run_bench.py --ns 5000        # by hand: ~10 minutes, ~2 GB disk
    .venv/bin/python bench/run_bench.py --plain-whoosh   # also single-writer Whoosh (slow)

Each N runs in its own process (so peak memory is that size's own). Synthetic articles are
written as files in the seed's text format and imported as a person would: the Library's
import of the folder into a new data folder, which parses, stores and aligns, then builds the
missing index (the two phases are timed apart). Then, each in a fresh process, as a person
runs them: `songngu-cli search` (wall time including interpreter start, and RSS), `check`,
`reindex` (the whole rebuild, with the peak RSS of the process and its workers together and
the peak disk the index folder used), and the GUI started offscreen until its index is ready
and it has searched (RSS). The same passages go into FTS5 (and tantivy when installed), and a
fixed query mix runs against each, top 10 with snippets. Prints markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(REPO))

from archive.importers import read_articles  # noqa: E402
from archive.paths import database_path, index_path  # noqa: E402
from archive.sample import sample_path  # noqa: E402
from archive.storage.store import ArchiveStore  # noqa: E402
from bench import tantivy_baseline  # noqa: E402
from bench.fts5_baseline import Fts5Searcher, build_fts5  # noqa: E402
from bench.synthetic import SyntheticArchive  # noqa: E402
from index.search_index import SearchIndex  # noqa: E402
from viewer.library import Library  # noqa: E402

CLI_RUNS = 5  # fresh `songngu-cli search` processes; the median and the worst are shown


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
    if not path.exists():
        return 0.0
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files if p.exists()) / 1e6


class _Sampler:
    """Peak RSS of this process and its descendants, and peak size of a folder, sampled."""

    def __init__(self, root_pid: int, folder: Path | None = None, every: float = 0.2) -> None:
        self.root_pid, self.folder, self.every = root_pid, folder, every
        self.peak_rss_mb = 0.0
        self.peak_folder_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_rss_mb = max(self.peak_rss_mb, _tree_rss_mb(self.root_pid))
            if self.folder is not None:
                try:
                    self.peak_folder_mb = max(self.peak_folder_mb, _dir_mb(self.folder))
                except OSError:  # a file went away while we counted
                    pass
            self._stop.wait(self.every)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree_rss_mb(root: int) -> float:
    tree, total, todo = _children(), 0.0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_mb(pid)
        todo.extend(tree.get(pid, []))
    return total


def _cli(data_dir: Path, *argv: str, folder: Path | None = None) -> dict[str, float]:
    """One `songngu-cli` process: wall seconds (interpreter start included), and, sampled,
    the peak RSS of it with its workers and the peak size of `folder`. (The kernel's maxrss
    of the child is not used: it counts the bench process's pages the fork copied before
    exec.)"""
    command = [sys.executable, "-m", "viewer.cli", "--data-dir", str(data_dir), *argv]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with _Sampler(process.pid, folder, every=0.02) as sampler:
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # check exits 1 when it finds a problem
        assert process.stderr is not None
        raise SystemExit(f"songngu-cli {' '.join(argv)} failed: {process.stderr.read()}")
    return {
        "wall_s": wall,
        "rss_mb": usage.ru_maxrss / 1024,
        "code": process.returncode,
        # CPU of the process and of its workers (waited for, so counted in its usage)
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "tree_rss_mb": sampler.peak_rss_mb,
        "folder_mb": sampler.peak_folder_mb,
    }


# Runs in a fresh process: the real app offscreen; once its index is verified it searches
# once and reports its RSS (the GUI "open and searching" figure).
GUI_LAUNCH = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["songngu", "-platform", "offscreen"])
started = time.perf_counter()

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

class Ready(QObject):
    window = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            if self.window is None:
                self.window = watched
                self.shown = rss_mb()
                QTimer.singleShot(100, self.poll)
        return False

    def poll(self):
        window = self.window
        if not (window.library.index_ready() and window.search_panel.index_ready):
            if time.perf_counter() - started > 600:
                print("BENCH " + json.dumps({"error": "index never ready"}))
                app.quit()
            QTimer.singleShot(100, self.poll)
            return
        ready_s = time.perf_counter() - started
        window.library.search("chien tranh", limit=20)
        print("BENCH " + json.dumps({"shown_rss_mb": self.shown, "ready_s": ready_s,
                                     "searched_rss_mb": rss_mb()}))
        app.quit()

ready = Ready()
app.installEventFilter(ready)
from viewer.app import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _gui_memory(data_dir: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="songngu-bench-gui-") as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": config,
            "PYTHONPATH": str(REPO),
        }
        done = subprocess.run(
            [sys.executable, "-c", GUI_LAUNCH, str(data_dir)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if not lines:
        return {"error": 1.0}
    return json.loads(lines[-1][len("BENCH ") :])


def _timed(run: Callable[[], object], reps: int) -> list[float]:
    run()  # warm-up: caches, first searcher
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _latencies(
    queries: list[tuple[str, str]], run: Callable[[str], object], reps: int
) -> dict[str, list[float]]:
    by_category: dict[str, list[float]] = {}
    for category, query in queries:
        by_category.setdefault(category, []).extend(_timed(lambda q=query: run(q), reps))
    return by_category


def _p(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


class _TimedRebuild:
    """Wraps SearchIndex.rebuild to time the build inside an import."""

    def __init__(self, index: SearchIndex) -> None:
        self.seconds = 0.0
        self._rebuild = index.rebuild
        index.rebuild = self  # type: ignore[method-assign]

    def __call__(self, *args: object, **kwargs: object) -> None:
        started = time.perf_counter()
        self._rebuild(*args, **kwargs)  # type: ignore[arg-type]
        self.seconds += time.perf_counter() - started


def measure(
    n: int, workdir: Path, reps: int, plain_whoosh: bool, reindex: bool = True
) -> dict[str, object]:
    """One archive size, start to finish; returns the figures as a dict."""
    synthetic = SyntheticArchive(read_articles(sample_path())[0])
    articles_dir = workdir / "articles"
    megabytes = synthetic.write(n, articles_dir) / 1e6
    data_dir = workdir / "data"
    figures: dict[str, object] = {"n": n, "mb": megabytes, "load": os.getloadavg()}

    # Import as the CLI does it (Library.import_paths), into a new data folder.
    library = Library.open(data_dir, with_sample=False)
    timer = _TimedRebuild(library.index)
    started = time.perf_counter()
    with _Sampler(os.getpid(), index_path(data_dir)) as sampler:
        outcomes = library.import_paths([articles_dir])
    total_s = time.perf_counter() - started
    library.close()
    assert all(o.status != "error" for o in outcomes), [o.error for o in outcomes]
    figures.update(
        import_s=total_s - timer.seconds,
        first_build_s=timer.seconds,
        import_peak_rss_mb=sampler.peak_rss_mb,
        import_folder_mb=sampler.peak_folder_mb,
    )

    # Each command in a fresh process, as a person runs them.
    figures["check"] = [_cli(data_dir, "check") for _ in range(3)]
    figures["search"] = [_cli(data_dir, "search", "chien tranh") for _ in range(CLI_RUNS)]
    if reindex:
        figures["reindex"] = _cli(data_dir, "reindex", folder=index_path(data_dir))
    figures["gui"] = _gui_memory(data_dir)
    figures["index_mb"] = _dir_mb(index_path(data_dir))
    figures["db_mb"] = _dir_mb(database_path(data_dir))

    store = ArchiveStore(database_path(data_dir))
    figures["articles"] = store.count()
    figures["passages"] = sum(len(ps) for a in store.iter_articles() for ps in a.passages.values())
    text_mb = (
        sum(
            len(p.text.encode("utf-8"))
            for a in store.iter_articles()
            for ps in a.passages.values()
            for p in ps
        )
        / 1e6
    )
    figures["text_mb"] = text_mb
    started = time.perf_counter()
    build_fts5(workdir / "fts5.sqlite3", store.iter_articles())
    figures["fts5_index_s"] = time.perf_counter() - started
    figures["fts5_mb"] = _dir_mb(workdir / "fts5.sqlite3")
    if tantivy_baseline.available():
        started = time.perf_counter()
        tantivy_baseline.build_tantivy(workdir / "tantivy", store.iter_articles())
        figures["tantivy_index_s"] = time.perf_counter() - started
        figures["tantivy_mb"] = _dir_mb(workdir / "tantivy")
    if plain_whoosh:
        figures["plain_whoosh_index_s"] = _plain_whoosh_seconds(
            database_path(data_dir), workdir / "plain-whoosh"
        )
    store.close()

    index = SearchIndex(index_path(data_dir))
    assert index.open(), "the freshly built index must open"
    queries = query_mix(synthetic)
    figures["whoosh_ms"] = _latencies(queries, lambda q: index.search(q, limit=10), reps)
    fts5 = Fts5Searcher(workdir / "fts5.sqlite3")
    figures["fts5_ms"] = _latencies(queries, lambda q: fts5.search(q, limit=10), reps)
    if tantivy_baseline.available():
        tantivy = tantivy_baseline.TantivySearcher(workdir / "tantivy")
        figures["tantivy_ms"] = _latencies(queries, lambda q: tantivy.search(q, 10), reps)
    figures["load_after"] = os.getloadavg()
    return figures


def _plain_whoosh_seconds(db_path: Path, index_dir: Path) -> float:
    """Plain single-writer Whoosh over the same store, in its own process (its own memory)."""
    script = Path(__file__).resolve().parent / "whoosh_baseline.py"
    command = [sys.executable, str(script), str(db_path), str(index_dir)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def _run_child(
    n: int, reps: int, keep: bool, plain_whoosh: bool, reindex: bool
) -> dict[str, object]:
    workdir = Path(tempfile.mkdtemp(prefix=f"songngu-bench-{n}-"))
    try:
        command = [sys.executable, str(Path(__file__).resolve()), "--one", str(n)]
        command += ["--workdir", str(workdir), "--reps", str(reps)]
        command += ["--plain-whoosh"] if plain_whoosh else []
        command += [] if reindex else ["--no-reindex"]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return json.loads(output.strip().splitlines()[-1])
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def _median_worst(runs: list[dict], key: str) -> str:
    values = [run[key] for run in runs]
    return f"{statistics.median(values):.2f} / {max(values):.2f}"


def _flat(samples: dict[str, list[float]]) -> list[float]:
    return [s for values in samples.values() for s in values]


def _build_s(r: dict) -> float:
    """The rebuild's time: `reindex` when it ran, else the build inside the import."""
    return float(r["reindex"]["wall_s"] if "reindex" in r else r["first_build_s"])


def _build_rss(r: dict) -> float:
    return float(r["reindex"]["tree_rss_mb"] if "reindex" in r else r["import_peak_rss_mb"])


def _build_disk(r: dict) -> float:
    return float(r["reindex"]["folder_mb"] if "reindex" in r else r["import_folder_mb"])


def _table(rows: list[dict]) -> str:
    """Issue 12's table: one column per archive size."""
    heads = [f"{r['articles']:,} articles ({r['passages']:,} passages)" for r in rows]
    lines = ["| measured | " + " | ".join(heads) + " |", "|---" * (len(rows) + 1) + "|"]

    def line(label: str, cell: Callable[[dict], str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in rows) + " |")

    def yardsticks(r: dict, key: str, unit: str) -> str:
        parts = [f"FTS5 {r['fts5_' + key]:.1f}{unit}"]
        if "tantivy_" + key in r:
            parts.append(f"tantivy {r['tantivy_' + key]:.1f}{unit}")
        return ", ".join(parts)

    line("text (passages) MB", lambda r: f"{r['text_mb']:.1f}")
    line("import FOLDER: parse, store, align s", lambda r: f"{r['import_s']:.1f}")
    line(
        "… then building the new index s (same command)",
        lambda r: f"{r['first_build_s']:.1f} ({yardsticks(r, 'index_s', ' s')})",
    )
    line(
        "`reindex` (whole rebuild, its own process) s",
        lambda r: (
            (f"{r['reindex']['wall_s']:.1f}" if "reindex" in r else "not run")
            + (
                f" (plain Whoosh {r['plain_whoosh_index_s']:.0f} s)"
                if "plain_whoosh_index_s" in r
                else ""
            )
        ),
    )
    line(
        "`reindex` CPU s, all processes (÷ 2 cores: the wall time of an idle machine)",
        lambda r: (
            f"{r['reindex']['cpu_s']:.1f} (÷2 = {r['reindex']['cpu_s'] / 2:.1f})"
            if "cpu_s" in r.get("reindex", {})
            else "not measured"
        ),
    )
    line("build ÷ FTS5", lambda r: f"×{_build_s(r) / r['fts5_index_s']:.1f}")
    line("build peak RSS, all processes MB", lambda r: f"{_build_rss(r):.0f}")
    line(
        "build peak index-folder disk ÷ final index",
        lambda r: f"×{_build_disk(r) / max(r['index_mb'], 1e-9):.2f}",
    )
    line(
        "`songngu-cli search` wall s, median / worst",
        lambda r: _median_worst(r["search"], "wall_s"),
    )
    line(
        "`songngu-cli search` RSS MB, median / worst",
        lambda r: _median_worst(r["search"], "tree_rss_mb"),
    )
    line(
        "`songngu-cli check` wall s, median / worst", lambda r: _median_worst(r["check"], "wall_s")
    )
    line(
        "`songngu-cli check` RSS MB, median / worst",
        lambda r: _median_worst(r["check"], "tree_rss_mb"),
    )
    line(
        "GUI RSS MB: window shown / index ready and searched",
        lambda r: (
            f"{r['gui'].get('shown_rss_mb', float('nan')):.0f} / "
            f"{r['gui'].get('searched_rss_mb', float('nan')):.0f}"
        ),
    )
    line(
        "index MB (÷ text)",
        lambda r: (
            f"{r['index_mb']:.0f} "
            f"(×{r['index_mb'] / r['text_mb']:.2f}); "
            f"FTS5 {r['fts5_mb']:.0f}"
            + (f", tantivy {r['tantivy_mb']:.0f}" if "tantivy_mb" in r else "")
        ),
    )
    line("database MB (÷ text)", lambda r: f"{r['db_mb']:.0f} (×{r['db_mb'] / r['text_mb']:.2f})")
    line(
        "search + snippets p50 / p95 ms",
        lambda r: f"{_p(_flat(r['whoosh_ms']), 50):.1f} / {_p(_flat(r['whoosh_ms']), 95):.1f}",
    )
    line(
        "FTS5 p50 / p95 ms",
        lambda r: f"{_p(_flat(r['fts5_ms']), 50):.1f} / {_p(_flat(r['fts5_ms']), 95):.1f}",
    )
    if all("tantivy_ms" in r for r in rows):
        line(
            "tantivy p50 / p95 ms",
            lambda r: (
                f"{_p(_flat(r['tantivy_ms']), 50):.1f} / {_p(_flat(r['tantivy_ms']), 95):.1f}"
            ),
        )
    line(
        "load average (1/5/15 min) before → after",
        lambda r: (
            "/".join(f"{x:.1f}" for x in r["load"])
            + " → "
            + "/".join(f"{x:.1f}" for x in r["load_after"])
        ),
    )
    return "\n".join(lines)


def _category_table(rows: list[dict]) -> str:
    tantivy = all("tantivy_ms" in r for r in rows)
    lines = [
        "| articles | query kind | search p50 / p95 ms | FTS5 p50 / p95 ms |"
        + (" tantivy p50 / p95 ms |" if tantivy else ""),
        "|---|---|---|---|" + ("---|" if tantivy else ""),
    ]
    for r in rows:
        for category, ours in r["whoosh_ms"].items():
            cells = [ours, r["fts5_ms"][category]]
            if tantivy:
                cells.append(r["tantivy_ms"][category])
            lines.append(
                f"| {r['articles']:,} | {category} | "
                + " | ".join(f"{_p(c, 50):.1f} / {_p(c, 95):.1f}" for c in cells)
                + " |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--ns", default="100,1000", help="archive sizes, comma-separated")
    parser.add_argument("--reps", type=int, default=10, help="timed runs of each query")
    parser.add_argument("--keep", action="store_true", help="keep the work directories")
    parser.add_argument(
        "--plain-whoosh",
        action="store_true",
        help="also time plain single-writer Whoosh (20+ minutes at 5,000)",
    )
    parser.add_argument(
        "--no-reindex",
        action="store_true",
        help="skip the separate `reindex` (the import's build is measured too)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--table-from", type=Path, help="print the tables of a --json file")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        figures = measure(args.one, args.workdir, args.reps, args.plain_whoosh, not args.no_reindex)
        print(json.dumps(figures))
        return
    if args.table_from:
        rows = json.loads(args.table_from.read_text(encoding="utf-8"))
    else:
        rows = [
            _run_child(int(n), args.reps, args.keep, args.plain_whoosh, not args.no_reindex)
            for n in args.ns.split(",")
        ]
    if args.json:
        args.json.write_text(json.dumps(rows), encoding="utf-8")
    print(_table(rows))
    print()
    print(_category_table(rows))


if __name__ == "__main__":
    main()
