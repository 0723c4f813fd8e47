"""Benchmark: from launch to a usable main window, with a 5,000-article archive.

    .venv/bin/python bench/gui_startup.py                    # 5,000 articles, 5 launches
    .venv/bin/python bench/gui_startup.py --articles 1000 --runs 3

The archive is built once into bench/out/gui-startup-N/ (reused by later runs; --rebuild
makes it again): synthetic articles shaped like the seed (bench/synthetic.py) through the real
importer, store and index. Bodies are cut to --passages passages per language: start-up reads
summaries and digests, not bodies, so this keeps the one-off build short without flattering
the figure (the first article shown is rendered in full either way).

Each launch is a fresh process running the real entry point (viewer.app.main) offscreen with
its own settings folder; it reports the time from the start of the process to the moment the
main window has been shown and the event loop has painted it and gone idle (then it quits).
The table gives the median and the worst launch, and the interpreter-to-Qt import share.
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
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(REPO))

from archive.importers import read_articles  # noqa: E402
from archive.model import Article  # noqa: E402
from archive.sample import sample_path  # noqa: E402
from bench.synthetic import SyntheticArchive  # noqa: E402

BATCH = 250  # articles per store transaction while building
TARGET_SECONDS = 1.5

# Runs in each launched process: the real app, with a hook that notes when the window is up.
LAUNCH = r"""
import json, sys, time
started = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
qt_loaded = time.perf_counter()
app = QApplication(["songngu", "-platform", "offscreen"])

class Ready(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            QTimer.singleShot(0, lambda: self.done(watched))
        return False

    def done(self, window):
        window.repaint()  # the first full paint, included in the figure
        shown = time.perf_counter()
        print("BENCH " + json.dumps({"shown_s": shown - started, "qt_import_s": qt_loaded - started,
                               "articles": window.library_panel.model.rowCount()}))
        app.quit()

ready = Ready()
app.installEventFilter(ready)
from viewer.app import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def build_archive(directory: Path, articles: int, passages: int) -> None:
    """The synthetic archive in `directory` (store and index), made with the real code."""
    from viewer.library import Library

    synthetic = SyntheticArchive(read_articles(sample_path())[0])
    library = Library.open(directory, with_sample=False)
    try:
        with tempfile.TemporaryDirectory(prefix="songngu-gui-bench-") as scratch:
            for start in range(0, articles, BATCH):
                batch = [
                    _cut(_read(synthetic, i, Path(scratch)), passages)
                    for i in range(start, min(start + BATCH, articles))
                ]
                library.store.save_articles(batch)
                print(f"  stored {start + len(batch):,} articles", file=sys.stderr)
        print("  indexing…", file=sys.stderr)
        library.reindex()
    finally:
        library.close()


def _read(synthetic: SyntheticArchive, i: int, scratch: Path) -> Article:
    path = scratch / f"{i:05d}.txt"
    path.write_text(synthetic.article_text(i), encoding="utf-8")
    [article] = read_articles(path)
    return article


def _cut(article: Article, passages: int) -> Article:
    return replace(
        article,
        alignment=[],
        passages={lang: ps[:passages] for lang, ps in article.passages.items()},
    )


def launch(directory: Path) -> dict[str, float]:
    """One launch of the app in a fresh process; its timings."""
    with tempfile.TemporaryDirectory(prefix="songngu-gui-bench-settings-") as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": config,
            "PYTHONPATH": str(REPO),
        }
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", LAUNCH, str(directory)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        wall = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if not lines:
        raise SystemExit(f"gui_startup: the app did not show its window:\n{done.stderr}")
    figures = json.loads(lines[-1][len("BENCH ") :])
    return {**figures, "wall_s": wall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--passages", type=int, default=8, help="per language, per article")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    directory = args.out / f"gui-startup-{args.articles}"
    if args.rebuild or not (directory / ".built").exists():
        shutil.rmtree(directory, ignore_errors=True)
        print(f"building {args.articles:,} articles into {directory} (once)…", file=sys.stderr)
        build_archive(directory, args.articles, args.passages)
        (directory / ".built").write_text("complete\n", encoding="utf-8")
    runs = [launch(directory) for _ in range(args.runs)]
    shown = [r["shown_s"] for r in runs]
    print(
        f"| articles | launches | window shown, median s | worst s | Qt import s (median) "
        f"| process wall s (median) | target ≤ {TARGET_SECONDS} s |"
    )
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {runs[0]['articles']:,} | {len(runs)} | {statistics.median(shown):.2f} "
        f"| {max(shown):.2f} | {statistics.median(r['qt_import_s'] for r in runs):.2f} "
        f"| {statistics.median(r['wall_s'] for r in runs):.2f} "
        f"| {'met' if statistics.median(shown) <= TARGET_SECONDS else 'NOT met'} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
