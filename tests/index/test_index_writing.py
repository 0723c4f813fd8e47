"""The fast indexing path writes exactly what stock Whoosh writes, serially and in parallel."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import TEXT, Schema

from archive.errors import SongNguError
from archive.importers import read_articles
from archive.model import Article
from index import parallel_build
from index import schema as index_schema
from index import search_index as search_index_module
from index.documents import article_documents
from index.parallel_build import new_writer_codec
from index.search_index import SearchIndex
from tests.index.conftest import make_article

TEXT_FIELDS = ("vi_exact", "vi_folded", "vi_pairs", "en", "en_pairs")


def _corpus(sample_path: Path) -> list[Article]:
    [sample] = read_articles(sample_path)
    sample.id = 1
    # 150 passages share "nga": its posting list spans two blocks of 128.
    many = make_article(
        2,
        vi=[f"Nga và Nga lần {i}, chiến tranh" for i in range(150)],
        en=[f"Russia's war, Russia again ({i})" for i in range(150)],
    )
    return [sample, many, make_article(3, vi=["Đồng Minh hòa hoà"], en=["don't"])]


def _stock_index(path: Path, articles: list[Article]) -> whoosh_index.FileIndex:
    """The same documents through Whoosh's own path: string fields, analyzers, W3Codec."""
    ours = index_schema.build_schema()
    fields = {name: ours[name] for name in ours.names() if name not in TEXT_FIELDS}
    for name in TEXT_FIELDS:
        fields[name] = TEXT(analyzer=ours[name].analyzer, phrase=False)
    path.mkdir()
    ix = whoosh_index.create_in(str(path), Schema(**fields))
    writer = ix.writer(codec=W3Codec(compression=1))
    for article in articles:
        for document in article_documents(article):
            for name in TEXT_FIELDS:
                if name in document:
                    document[name] = document["text"]
            writer.add_document(**document)
    writer.commit()
    return ix


def _postings(ix: whoosh_index.FileIndex) -> dict[tuple[str, bytes], object]:
    """Every term's postings and block statistics, documents named by (article, lang, passage)."""
    found: dict[tuple[str, bytes], object] = {}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        names = {
            d: (f["article_id"], f["lang"], f["kind"], f.get("passage"))
            for d, f in reader.iter_docs()
        }
        for field in TEXT_FIELDS:
            for term in reader.lexicon(field):
                info = reader.term_info(field, term)
                matcher = reader.postings(field, term)
                rows = []
                while matcher.is_active():
                    doc = matcher.id()
                    rows.append(
                        (
                            names[doc],
                            matcher.weight(),
                            matcher.value(),
                            reader.doc_field_length(doc, field),
                        )
                    )
                    matcher.next()
                stats = (
                    info.doc_frequency(),
                    info.weight(),
                    info.max_weight(),
                    info.min_length(),
                    info.max_length(),
                )
                found[field, term] = (sorted(rows), stats)
    return found


def test_counted_fields_and_fast_codec_write_what_stock_whoosh_writes(
    tmp_path: Path, sample_path: Path
) -> None:
    articles = _corpus(sample_path)
    ours = SearchIndex(tmp_path / "ours", procs=1)
    ours.rebuild(articles)
    assert ours.open()
    mine = _postings(whoosh_index.open_dir(str(tmp_path / "ours")))
    stock = _postings(_stock_index(tmp_path / "stock", articles))
    assert len(mine) > 5000 and mine.keys() == stock.keys()
    assert mine == stock
    assert mine["vi_folded", b"nga"][1][0] > 128  # one term across two blocks
    with whoosh_index.open_dir(str(tmp_path / "ours")).searcher() as searcher:
        reader = searcher.reader()
        inlined = {term for field, term in mine if reader.term_info(field, term).is_inlined()}
    assert b"nga" not in inlined and 0 < len(inlined) < len(mine)  # both read paths compared


def test_parallel_build_indexes_every_posting_once(
    tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index_module, "PARALLEL_MIN_ARTICLES", 2)
    articles = _corpus(sample_path) + [make_article(i, vi=[f"bài {i}"]) for i in range(4, 30)]
    serial, parallel = SearchIndex(tmp_path / "serial", procs=1), SearchIndex(tmp_path / "par")
    calls: list[tuple[int, int]] = []
    serial.rebuild(articles)
    parallel.rebuild(articles, progress=lambda *args: calls.append(args))
    with whoosh_index.open_dir(str(tmp_path / "par")).searcher() as searcher:
        # a worker writes a segment only if it got articles (one may take them all)
        assert 1 <= len(searcher.reader().leaf_readers()) <= 2
    assert calls[-1] == (29, 29) and calls == sorted(calls)
    serial_rows = _postings(whoosh_index.open_dir(str(tmp_path / "serial")))
    parallel_rows = _postings(whoosh_index.open_dir(str(tmp_path / "par")))
    assert parallel_rows == serial_rows
    assert parallel.open() and serial.open()
    for query in ("nga chien tranh", "Russia war", "hòa"):
        expected = [(h.article_id, h.lang, h.passage) for h in serial.search(query).hits]
        assert [(h.article_id, h.lang, h.passage) for h in parallel.search(query).hits] == expected


def test_a_failing_worker_is_one_clear_error_and_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index_module, "PARALLEL_MIN_ARTICLES", 2)
    unsaved = make_article(1, vi=["chưa lưu"])
    unsaved.id = None
    index = SearchIndex(tmp_path / "ix")
    with pytest.raises(SongNguError, match="Building the search index failed: ValueError"):
        index.rebuild([make_article(i, vi=["a"]) for i in range(2, 30)] + [unsaved])
    assert not index.open()


def test_segments_with_inlined_postings_merge(tmp_path: Path) -> None:
    # Whoosh merges segments on commit; reading inlined postings back for that merge must
    # give the pool bytes for every field (an ID field's postings carry no value).
    index = SearchIndex(tmp_path / "ix", procs=1)
    index.rebuild([make_article(i, vi=["Nga"], en=["Russia"]) for i in (1, 2, 3)])
    index.update_articles([make_article(2, vi=["Nga lần hai"])])
    ix = whoosh_index.open_dir(str(tmp_path / "ix"))
    ix.writer(codec=new_writer_codec()).commit(optimize=True)  # merges both segments
    assert len(whoosh_index.open_dir(str(tmp_path / "ix"))._segments()) == 1
    assert index.open() and {h.article_id for h in index.search("nga").hits} == {1, 2, 3}


def _term_infos(ix: whoosh_index.FileIndex) -> dict[tuple[str, bytes], tuple[object, ...]]:
    """Every field's terms (ID fields too) with the statistics Whoosh keeps per term."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        found: dict[tuple[str, bytes], tuple[object, ...]] = {}
        for field in reader.indexed_field_names():
            for term in reader.lexicon(field):
                info = reader.term_info(field, term)  # looked up through the hash tables
                matcher = reader.postings(field, term)
                found[field, term] = (
                    info.doc_frequency(),
                    info.weight(),
                    info.max_weight(),
                    info.min_length(),
                    info.max_length(),
                    info.min_id(),
                    info.max_id(),
                    list(matcher.all_ids()),
                )
        return found


def test_bulk_segments_match_stock_whoosh_field_by_field(tmp_path: Path, sample_path: Path) -> None:
    # One segment from each writer holds the documents in the same order, so document numbers,
    # stored fields, lengths and every term's statistics (ID fields included) must agree.
    articles = _corpus(sample_path)
    ours = SearchIndex(tmp_path / "ours", procs=1)
    ours.rebuild(articles)
    mine_ix = whoosh_index.open_dir(str(tmp_path / "ours"))
    stock_ix = _stock_index(tmp_path / "stock", articles)
    assert _term_infos(mine_ix) == _term_infos(stock_ix)
    with mine_ix.searcher() as mine, stock_ix.searcher() as stock:
        assert mine.doc_count_all() == stock.doc_count_all() > 300
        assert list(mine.reader().iter_docs()) == list(stock.reader().iter_docs())
        for field in (*TEXT_FIELDS, "article_id"):
            assert mine.reader().field_length(field) == stock.reader().field_length(field)
            lengths = [mine.reader().doc_field_length(d, field) for d in range(mine.doc_count())]
            assert lengths == [
                stock.reader().doc_field_length(d, field) for d in range(stock.doc_count())
            ]
    # Separate files, not one compound file (which Whoosh's reader copies into memory).
    assert not list((tmp_path / "ours").glob("*.seg"))


def test_small_segments_read_as_one_index(
    tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker starts a new segment past its posting budget; the segments together hold
    # exactly what one segment would.
    articles = _corpus(sample_path) + [make_article(i, vi=[f"bài {i} Nga"]) for i in range(4, 9)]
    one, split = SearchIndex(tmp_path / "one", procs=1), SearchIndex(tmp_path / "split", procs=1)
    one.rebuild(articles)
    monkeypatch.setattr(parallel_build, "POSTINGS_PER_SEGMENT", 50)
    split.rebuild(articles)
    with whoosh_index.open_dir(str(tmp_path / "split")).searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) > 2  # the big articles each end one
    assert _postings(whoosh_index.open_dir(str(tmp_path / "split"))) == _postings(
        whoosh_index.open_dir(str(tmp_path / "one"))
    )


def test_large_updates_written_by_workers_match_updates_written_here(tmp_path: Path) -> None:
    articles = [make_article(i, vi=[f"bài {i} Nga"], en=[f"war {i}"]) for i in range(1, 60)]
    changed = [make_article(i, vi=[f"bài mới {i}, chiến tranh"]) for i in range(1, 50)]
    here, workers = SearchIndex(tmp_path / "here", procs=1), SearchIndex(tmp_path / "w", procs=2)
    for index in (here, workers):
        index.rebuild(articles)
        index.update_articles(changed)  # 49 articles: the workers' path for procs=2
        assert index.open()
    assert _postings(whoosh_index.open_dir(str(tmp_path / "w"))) == _postings(
        whoosh_index.open_dir(str(tmp_path / "here"))
    )
    assert {h.article_id for h in workers.search("moi", limit=100).hits} == set(range(1, 50))
    assert {h.article_id for h in workers.search("war", limit=100).hits} == set(range(50, 60))
