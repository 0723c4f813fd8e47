"""bench/make_blogger_export.py writes an export the Blogger importer reads back in full."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from archive.importers.blogger import iter_blogger_file
from archive.model import PassageKind
from tests.conftest import REPO


def load_generator() -> ModuleType:
    path = REPO / "bench" / "make_blogger_export.py"
    spec = importlib.util.spec_from_file_location("make_blogger_export", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_export_imports_post_for_post(tmp_path: Path) -> None:
    generator = load_generator()
    out = tmp_path / "blog.xml"
    published = generator.write_export(out, count=45, first=100, scale=0.2)
    articles = list(iter_blogger_file(out))
    assert published == 44 == len(articles)  # one draft in 40 posts is left out
    assert [a.blog_post_number for a in articles][:3] == [100, 101, 102]
    for article in articles:
        assert article.languages == ["vi", "en"]
        kinds = {p.kind for ps in article.passages.values() for p in ps}
        # The generated posts hold no <pre>, so every kind but code.
        assert kinds == set(PassageKind) - {PassageKind.CODE}
        assert len(article.related) == 3
        assert article.blog_post_number not in {r.number for r in article.related}
        assert article.tags and article.source.url and article.source.published
    assert len({a.passages["en"][0].text for a in articles}) == len(articles)  # texts differ


def test_generated_export_is_deterministic(tmp_path: Path) -> None:
    generator = load_generator()
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    generator.write_export(first, count=3, scale=0.1)
    generator.write_export(second, count=3, scale=0.1)
    assert first.read_bytes() == second.read_bytes()
