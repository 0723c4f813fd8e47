"""A rebuilt index answers a fixed query set exactly as an index Whoosh wrote itself.

"Before" is the way every index was written until the bulk writer: Whoosh's own
SegmentWriter.add_document with the project's codec. Both indexes hold the same documents in
the same order (one segment each), so every hit, score, total, snippet and highlight span
must be the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from archive.importers import read_articles
from archive.model import Article
from archive.sample import sample_path
from bench.synthetic import SyntheticArchive
from index.documents import article_documents
from index.parallel_build import new_writer_codec
from index.results import SearchResults
from index.schema import build_schema
from index.search_index import VERSION_FILE, SearchIndex, _version_stamp

QUERIES = [
    "NATO",
    "Nga",
    "Russia",
    "war",
    "chien tranh",
    "an ninh",
    "dong minh",
    "quan su",
    "dai tay duong",
    "lenh ngung ban",
    "vu khi hat nhan",
    "chiến tranh",
    "Điện Kremlin",
    '"nuclear weapons"',
    '"cease-fire"',
    '"European security"',
    "Vusoanka",
    "xyzzyq",
    "hòa bình",
    "Nga -Ukraine",
    "Russia OR Europe",
    "chiến",
    "europe's",
    "30.000",
]


def _articles(folder: Path) -> list[Article]:
    """The sample and six synthetic articles shaped like it (bench/synthetic.py)."""
    [sample] = read_articles(sample_path())
    synthetic = SyntheticArchive(sample)
    articles = [sample]
    for i in range(6):
        path = folder / f"{i}.txt"
        path.write_text(synthetic.article_text(i), encoding="utf-8")
        articles += read_articles(path)
    for number, article in enumerate(articles, 1):
        article.id = number
    return articles


def _written_by_whoosh(path: Path, articles: list[Article]) -> SearchIndex:
    path.mkdir()
    ix = whoosh_index.create_in(str(path), build_schema())
    writer = ix.writer(codec=new_writer_codec())
    for article in articles:
        for document in article_documents(article):
            writer.add_document(**document)
    writer.commit()
    (path / VERSION_FILE).write_text(json.dumps(_version_stamp()), encoding="utf-8")
    index = SearchIndex(path, procs=1)
    assert index.open()
    return index


def _answers(index: SearchIndex) -> list[SearchResults]:
    found = []
    for query in QUERIES:
        for lang in ("all", "vi", "en"):
            for exact in (False, True):
                # SearchResults and SearchHit are dataclasses: equality covers the total, and
                # each hit's ids, text, score, snippet and highlight spans
                found.append(index.search(query, lang=lang, limit=15, exact_diacritics=exact))
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    return _articles(tmp_path_factory.mktemp("articles"))


def test_rebuilt_index_answers_the_query_set_as_whoosh_written_one(
    tmp_path: Path, corpus: list[Article]
) -> None:
    before = _written_by_whoosh(tmp_path / "before", corpus)
    rebuilt = SearchIndex(tmp_path / "rebuilt", procs=1)
    rebuilt.rebuild(corpus)
    assert rebuilt.open()
    expected = _answers(before)
    assert sum(len(results.hits) for results in expected) > 500  # the set finds things
    assert _answers(rebuilt) == expected
