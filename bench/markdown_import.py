"""Benchmark: reading real Jekyll and Hugo posts (front matter, Markdown, code) per second.

    .venv/bin/python bench/markdown_import.py            # best of 5 passes over the fixtures

Reads every post under tests/fixtures/real/{jekyll,hugo} with the real Markdown importer
(front matter, CommonMark blocks, code tags), drafts included, in one process, and prints the
best pass: files, characters and characters per second. Reading only; nothing is stored.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.importers import read_text_file  # noqa: E402
from archive.importers.markdown_file import read_markdown  # noqa: E402

REAL = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "real"
PASSES = 5


def main() -> None:
    posts = sorted(p for folder in ("jekyll", "hugo") for p in (REAL / folder).iterdir())
    texts = [(read_text_file(p), p) for p in posts]
    best = float("inf")
    for _ in range(PASSES):
        start = time.perf_counter()
        for text, path in texts:
            read_markdown(text, path, include_drafts=True)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(text) for text, _ in texts)
    print(
        f"{len(texts)} posts, {chars:,} characters: {best * 1000:.1f} ms "
        f"({best * 1000 / len(texts):.2f} ms a post, {chars / best / 1e6:.2f} M chars/s)"
    )


if __name__ == "__main__":
    main()
