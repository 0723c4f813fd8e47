"""Code passages in the archive: stored with their line breaks; older archives migrate."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.importers import read_articles
from archive.model import PassageKind
from archive.sample import sample_path
from archive.storage import migrations
from archive.storage.store import ArchiveStore

REAL = Path(__file__).parents[2] / "fixtures" / "real"
# The schema version from which a passage may be code (found, not hard-coded: other migrations
# may come before it).
CODE_KIND_VERSION = 1 + next(
    n
    for n, steps in enumerate(migrations.MIGRATIONS)
    if any("passages_with_code" in step for step in steps)
)


def test_a_real_posts_code_passages_are_stored_as_written(tmp_path: Path) -> None:
    [article] = read_articles(REAL / "hugo" / "woocommerce-10-snippet.md")
    with ArchiveStore(tmp_path / "archive.sqlite3") as store:
        [(article_id, _)] = store.save_articles([article])
        stored = store.get_article(article_id)
    assert stored.passages == article.passages
    [code] = [p for p in stored.passages["vi"] if p.kind is PassageKind.CODE]
    assert code.text.count("\n") == 12 and "\n * @author        viet.m\n" in code.text


def test_an_archive_from_before_code_passages_keeps_its_passages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    [seed] = read_articles(sample_path())
    with monkeypatch.context() as old_schema:
        old_schema.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[: CODE_KIND_VERSION - 1])
        old_schema.setattr(migrations, "SCHEMA_VERSION", CODE_KIND_VERSION - 1)
        with ArchiveStore(path) as old:
            [(seed_id, _)] = old.save_articles([seed])
            assert old.schema_version() == CODE_KIND_VERSION - 1
    [post] = read_articles(REAL / "jekyll" / "2016-02-24-welcome-to-jekyll.md")
    with ArchiveStore(path) as upgraded:
        assert upgraded.schema_version() >= CODE_KIND_VERSION
        assert upgraded.get_article(seed_id).passages == seed.passages
        [(post_id, _)] = upgraded.save_articles([post])
        kinds = [p.kind for p in upgraded.get_article(post_id).passages["en"]]
    assert PassageKind.CODE in kinds
