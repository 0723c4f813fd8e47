"""Article files for the reliability tests: variants of the seed with their own number and URL.

Each variant is the seed in its plain-text post format with a new "number - title" header, a new
source URL and some paragraphs left out, so every article has its own passage counts and a
half-written article cannot pass for a whole one.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from archive.importers import read_articles
from tests.conftest import REPO, SAMPLE

SEED_URL = "https://www.foreignaffairs.com/russia/europes-next-war-charap-haukkala"
PARAGRAPH_MIN_CHARS = 100  # seed lines this long are body paragraphs, safe to leave out


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    url: str
    passages: dict[str, int]  # passage count per language, as the importer reads the file


def variant_text(number: int, version: int, paragraphs: int = 40) -> str:
    """The seed as post `number`: at most `paragraphs` body paragraphs per language (short
    articles index fast), `version` and `number` deciding which ones are left out."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    quota = paragraphs + number % 3 + 3 * version  # every post and version its own length
    out: list[str] = []
    kept = seen = 0
    for line in lines:
        if line.startswith("3342 - "):
            line = f"{number} - Bài số {number} (bản {version}) " + line.removeprefix("3342 - ")
        elif line.strip() == SEED_URL:
            line = article_url(number)
        elif line.strip() == "***":
            kept = 0  # the English half gets its own quota
        elif len(line) >= PARAGRAPH_MIN_CHARS:
            seen += 1
            if kept >= quota or (seen + number + version) % (3 + version) == 0:
                continue  # left out of this variant
            kept += 1
        out.append(line)
    return "\n".join(out) + "\n"


def article_url(number: int) -> str:
    return f"https://example.org/reliability/post-{number}"


def write_articles(
    folder: Path, count: int, version: int = 0, *, first: int = 9000, paragraphs: int = 40
) -> list[ArticleFile]:
    """`count` article files in `folder` (numbers first, first+1, …), with their counts."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(first, first + count):
        path = folder / f"{number}-v{version}.txt"
        path.write_text(variant_text(number, version, paragraphs), encoding="utf-8")
        (article,) = read_articles(path)
        counts = {lang: len(ps) for lang, ps in article.passages.items()}
        files.append(ArticleFile(path, article_url(number), counts))
    return files


def cli_command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "viewer.cli", "--data-dir", str(data_dir), *args]


def run_cli(data_dir: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """songngu-cli in its own process, as a user runs it."""
    return subprocess.run(
        cli_command(data_dir, *args),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
