"""Benchmark: a whole Blogger export imported from the GUI, and how long the UI thread stalls.

    .venv/bin/python bench/gui_import_stalls.py                 # 5,000 posts
    .venv/bin/python bench/gui_import_stalls.py --posts 1000

The export is made by bench/make_blogger_export.py. A fresh process runs the real window
offscreen on a new data folder; once its index is ready it starts the window's own Import
(ImportController.start, what the Import menu calls) and a QTimer heartbeat that fires every
HEARTBEAT_MS on the UI thread. A stall is a heartbeat arriving late: the gap between two
beats minus the interval. Reported: the time from Import to the import's end (every post
searchable: the import indexes as it goes), the worst stall, the 99th percentile, and how
many stalls passed 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(REPO))

from bench.make_blogger_export import write_export  # noqa: E402

HEARTBEAT_MS = 10
STALL_MS = 50

LAUNCH = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["songngu", "-platform", "offscreen"])
EXPORT, BEAT = sys.argv[2], int(sys.argv[3])

class Bench(QObject):
    window = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            if self.window is None:
                self.window = watched
                QTimer.singleShot(100, self.wait_for_index)
        return False

    def wait_for_index(self):
        if not (self.window.library.index_ready() and self.window.search_panel.index_ready):
            QTimer.singleShot(100, self.wait_for_index)
            return
        self.gaps, self.last = [], time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(BEAT)
        self.timer.timeout.connect(self.beat)
        self.window.importer.finished.connect(self.done)
        self.started = time.perf_counter()
        self.timer.start()
        self.window.importer.start([EXPORT])

    def beat(self):
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000 - BEAT)
        self.last = now

    def done(self, outcomes):
        seconds = time.perf_counter() - self.started
        self.timer.stop()
        stalls = sorted(max(gap, 0.0) for gap in self.gaps)
        posts = sum(len(o.article_ids) for o in outcomes)
        print("BENCH " + json.dumps({
            "seconds": seconds, "posts": posts, "beats": len(stalls),
            "worst_ms": stalls[-1] if stalls else 0.0,
            "p99_ms": stalls[int(len(stalls) * 0.99)] if stalls else 0.0,
            "over_50_ms": sum(stall > 50 for stall in stalls),
            "errors": [o.error for o in outcomes if o.status == "error"],
        }))
        app.quit()

bench = Bench()
app.installEventFilter(bench)
from viewer.app import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="songngu-gui-import-") as work:
        export = Path(work) / "blog.xml"
        posts = write_export(export, args.posts)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": work,
            "PYTHONPATH": str(REPO),
        }
        command = [
            sys.executable,
            "-c",
            LAUNCH,
            str(Path(work) / "data"),
            str(export),
            str(HEARTBEAT_MS),
        ]
        done = subprocess.run(
            command, cwd=REPO, env=env, capture_output=True, text=True, timeout=3600
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if not lines:
        print(f"gui_import_stalls: no result\n{done.stderr}", file=sys.stderr)
        return 1
    figures = json.loads(lines[-1][len("BENCH ") :])
    print(
        "| posts in the export | Import → all searchable s | worst UI stall ms "
        "| p99 stall ms | stalls > 50 ms | load average |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| {posts:,} ({figures['posts']:,} imported) | {figures['seconds']:.1f} "
        f"| {figures['worst_ms']:.0f} | {figures['p99_ms']:.1f} | {figures['over_50_ms']} "
        f"| {'/'.join(f'{x:.1f}' for x in os.getloadavg())} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
