"""SearchIndex end to end: ranking, filters, updates, versioning and damage, any input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import SongNguError
from archive.importers import read_articles
from index import search_index as search_index_module
from index.search_index import VERSION_FILE, SearchIndex
from tests.index.conftest import make_article

FILLER = "trong những năm gần đây các nước láng giềng"


def ids(results) -> list[tuple[int, str, int | None]]:
    return [(hit.article_id, hit.lang, hit.passage) for hit in results.hits]


def test_folded_query_finds_diacritics_and_marks_original(build_index) -> None:
    index = build_index([make_article(1, vi=["Cuộc chiến tranh của Đồng Minh"])])
    for query, mark in [("chien tranh", "chiến tranh"), ("dong minh", "Đồng Minh")]:
        hit = index.search(query).hits[0]
        assert f"<mark>{mark}</mark>" in hit.snippet
        assert [hit.text[s:e] for s, e in hit.spans] == [mark]


def test_right_diacritics_rank_above_folded_only_matches(build_index) -> None:
    index = build_index(
        [
            make_article(1, vi=[f"hoa binh {FILLER}"]),
            make_article(2, vi=[f"hòa bình {FILLER}"]),
            make_article(3, vi=[f"hoà binh {FILLER}"]),
        ]
    )
    assert [hit.article_id for hit in index.search("hòa bình").hits] == [2, 3, 1]


def test_adjacent_syllables_rank_above_scattered_ones(build_index) -> None:
    index = build_index(
        [
            make_article(1, vi=[f"châu lục an toàn, Âu phục và ninh {FILLER}"]),
            make_article(2, vi=[f"châu Âu an ninh và lục phục toàn {FILLER}"]),
            make_article(3, vi=[f"an ninh châu Âu và lục phục toàn {FILLER}"]),
        ]
    )
    assert [hit.article_id for hit in index.search("an ninh châu Âu").hits] == [3, 2, 1]


def test_language_filter_and_cross_language_search(build_index) -> None:
    index = build_index([make_article(1, vi=["NATO và Nga"], en=["NATO and Russia"])])
    assert {hit.lang for hit in index.search("NATO").hits} == {"vi", "en"}
    assert {hit.lang for hit in index.search("NATO", lang="en").hits} == {"en"}
    assert {hit.lang for hit in index.search("nato", lang="vi").hits} == {"vi"}
    with pytest.raises(SongNguError):
        index.search("NATO", lang="fr")


def test_english_apostrophes_and_stems_match(build_index) -> None:
    index = build_index([make_article(1, en=["Europe’s wars are not over."])])
    hit = index.search("Europe's war").hits[0]
    assert hit.snippet == "<mark>Europe’s wars</mark> are not over."


def test_exact_diacritics_separates_minimal_pairs(build_index) -> None:
    index = build_index(
        [make_article(1, vi=["con đường dài"]), make_article(2, vi=["đại dương xanh"])]
    )
    assert {hit.article_id for hit in index.search("đường").hits} == {1, 2}
    assert ids(index.search("đường", exact_diacritics=True)) == [(1, "vi", 0)]
    assert ids(index.search("ĐƯỜNG", exact_diacritics=True)) == [(1, "vi", 0)]


def test_exact_diacritics_still_normalizes_tone_placement(build_index) -> None:
    index = build_index([make_article(1, vi=["nước thủy lợi"])])
    assert ids(index.search("thuỷ", exact_diacritics=True)) == [(1, "vi", 0)]


def test_quotes_exclusion_and_or(build_index) -> None:
    index = build_index(
        [make_article(1, vi=["xung đột trực tiếp với Nga"]), make_article(2, vi=["đột xung Nga"])]
    )
    assert ids(index.search('"xung dot"')) == [(1, "vi", 0)]
    assert ids(index.search("nga -truc")) == [(2, "vi", 0)]
    assert {hit.article_id for hit in index.search("trực OR xung").hits} == {1, 2}


def test_title_subtitle_and_authors_are_searchable(build_index) -> None:
    article = make_article(
        7, vi=["nội dung"], title={"vi": "Cuộc chiến tiếp theo"}, authors=["Hiski Haukkala"]
    )
    index = build_index([article])
    hit = index.search("haukkala").hits[0]
    assert (hit.article_id, hit.kind, hit.passage) == (7, "title", None)
    assert "<mark>Haukkala</mark>" in hit.snippet


def test_update_replaces_and_remove_deletes(build_index) -> None:
    index = build_index([make_article(1, vi=["chiến tranh"]), make_article(2, vi=["hòa bình"])])
    changed = make_article(1, vi=["đình chiến"])
    index.update_articles([changed])
    assert index.search("chien tranh").hits == []
    assert ids(index.search("dinh chien")) == [(1, "vi", 0)]
    assert index.indexed_digests()[1] == changed.digest()
    index.remove_articles([2])
    assert index.search("hoa binh").hits == []
    assert set(index.indexed_digests()) == {1}


def test_rebuild_reports_progress(tmp_path: Path) -> None:
    calls = []
    index = SearchIndex(tmp_path / "ix", procs=1)
    articles = [make_article(i, vi=["a"]) for i in (1, 2, 3)]
    index.rebuild(articles, progress=lambda *args: calls.append(args))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_parallel_rebuild_finds_the_same(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(search_index_module, "PARALLEL_MIN_ARTICLES", 2)
    articles = [make_article(i, vi=[f"bài số {i} về chiến tranh"]) for i in range(1, 6)]
    index = SearchIndex(tmp_path / "ix", procs=2)
    index.rebuild(articles)
    assert index.open()
    assert {hit.article_id for hit in index.search("chien tranh").hits} == set(range(1, 6))
    assert len(index.indexed_digests()) == 5


def test_totals_are_exact_when_every_match_is_returned(build_index) -> None:
    index = build_index([make_article(i, vi=["Nga"]) for i in range(1, 6)])
    assert (index.search("nga").total, index.search("nga").total_exact) == (5, True)
    limited = index.search("nga", limit=2)
    assert len(limited.hits) == 2 and limited.total == 5


def test_open_is_false_when_missing(tmp_path: Path) -> None:
    assert SearchIndex(tmp_path / "nothing").open() is False


def test_open_is_false_for_an_older_version(build_index) -> None:
    index = build_index([make_article(1, vi=["a"])])
    stamp_path = index.index_dir / VERSION_FILE
    stamp = json.loads(stamp_path.read_text())
    stamp["analyzer_version"] -= 1
    stamp_path.write_text(json.dumps(stamp))
    assert SearchIndex(index.index_dir).open() is False


def test_open_is_false_when_files_are_damaged(build_index) -> None:
    index = build_index([make_article(1, vi=["chiến tranh"] * 3)])
    index.close()
    for path in index.index_dir.iterdir():
        if path.name != VERSION_FILE:
            path.write_bytes(b"\x00garbage" * 3)
    assert SearchIndex(index.index_dir).open() is False


def test_busy_writer_lock_is_a_clear_error(build_index, monkeypatch) -> None:
    monkeypatch.setattr(search_index_module, "WRITE_LOCK_TIMEOUT", 0.2)
    index = build_index([make_article(1, vi=["a"])])
    lock = index._require_index().lock("WRITELOCK")
    assert lock.acquire()
    try:
        with pytest.raises(SongNguError, match="busy"):
            index.update_articles([make_article(1, vi=["b"])])
    finally:
        lock.release()


def test_search_before_the_index_exists_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SongNguError):
        SearchIndex(tmp_path / "ix").search("nga")


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    sample = Path(__file__).resolve().parents[2] / "archive" / "data" / "3342-europes-next-war.txt"
    articles = [article.with_id(i) for i, article in enumerate(read_articles(sample), 1)]
    index = SearchIndex(tmp_path_factory.mktemp("sample") / "index", procs=1)
    index.rebuild(articles)
    assert index.open()
    return index


def test_sample_unaccented_query_marks_vietnamese_passages(sample_index: SearchIndex) -> None:
    hits = sample_index.search("chien tranh", lang="vi", limit=100).hits
    adjacent = ["chiến tranh" in hit.text.lower() for hit in hits]
    assert sum(adjacent) >= 10
    assert adjacent == sorted(adjacent, reverse=True)  # together ranks above scattered
    for hit, together in zip(hits, adjacent, strict=True):
        assert hit.lang == "vi"
        if together:
            assert "<mark>chiến tranh</mark>" in hit.snippet.lower()


def test_sample_english_phrase(sample_index: SearchIndex) -> None:
    hits = sample_index.search('"nuclear weapons"', lang="en").hits
    assert hits and all("<mark>nuclear weapons</mark>" in hit.snippet.lower() for hit in hits)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.text(alphabet=st.sampled_from('chien tranh Nga"()-* OR\u00a0Ðđ\u0301'), max_size=40)
    | st.text(max_size=200),
    lang=st.sampled_from(["vi", "en", "all"]),
    exact=st.booleans(),
)
def test_any_query_returns_results_never_an_exception(
    sample_index: SearchIndex, query: str, lang: str, exact: bool
) -> None:
    results = sample_index.search(query, lang=lang, limit=5, exact_diacritics=exact)
    assert results.total >= len(results.hits)
    for hit in results.hits:
        assert all(0 <= s < e <= len(hit.text) for s, e in hit.spans)


@pytest.mark.parametrize("query", ["x" * 10_000, "chiến " * 2000, "(" * 5000, '"' * 999, "*"])
def test_huge_and_odd_inputs(sample_index: SearchIndex, query: str) -> None:
    assert sample_index.search(query).total >= 0


def test_enough_adjacent_passages_answer_without_the_scattered_ones(build_index) -> None:
    together = [make_article(i, vi=[f"bài {i}: chiến tranh và hòa bình"]) for i in range(1, 5)]
    scattered = [make_article(i, vi=[f"tranh luận về chiến lược {i}"]) for i in range(5, 9)]
    index = build_index(together + scattered)
    first = index.search("chien tranh", limit=3)
    assert {hit.article_id for hit in first.hits} <= {1, 2, 3, 4}
    assert (first.total, first.total_exact) == (8, True)  # exact, whatever the limit
    everything = index.search("chien tranh", limit=20)
    assert [hit.article_id for hit in everything.hits][:4] == [1, 2, 3, 4]
    assert {hit.article_id for hit in everything.hits[4:]} == {5, 6, 7, 8}
    assert (everything.total, everything.total_exact) == (8, True)


def test_each_hit_language_matches_its_text(build_index) -> None:
    index = build_index([make_article(1, vi=["Chiến tranh Lạnh"], en=["The Cold War"])])
    hits = {hit.lang: hit for hit in index.search("war OR chiến").hits}
    assert hits["vi"].text == "Chiến tranh Lạnh" and hits["en"].text == "The Cold War"


def test_typed_diacritics_fill_the_top_before_folded_only_matches(build_index) -> None:
    exact = [make_article(i, vi=[f"bài {i} về chiến tranh"]) for i in range(1, 4)]
    folded_only = [make_article(i, vi=[f"chiên tranh {i} chiên tranh"]) for i in range(4, 8)]
    index = build_index(folded_only + exact)
    assert {hit.article_id for hit in index.search("chiến tranh", limit=3).hits} == {1, 2, 3}
    assert {hit.article_id for hit in index.search("chiến", limit=3).hits} == {1, 2, 3}
    assert len(index.search("chiến tranh", limit=10).hits) == 7  # the rest still found


def test_skipping_collector_keeps_the_best_scores(build_index) -> None:
    from whoosh import query as wq
    from whoosh.collectors import TopCollector

    from index.scoring import CappedTermFrequency, SkippingTopCollector

    texts = [" ".join(["nga"] * (i % 5 + 1) + ["và"] * i) for i in range(1, 400)]
    index = build_index([make_article(i, vi=[text]) for i, text in enumerate(texts, 1)])
    searcher = index._require_index().searcher(weighting=CappedTermFrequency())
    scores = {}
    for collector in (TopCollector(limit=15), SkippingTopCollector(limit=15)):
        searcher.search_with_collector(wq.Term("vi_folded", "nga"), collector)
        scores[type(collector)] = sorted(score for score, _ in collector.items)
    assert scores[TopCollector] == scores[SkippingTopCollector]
    searcher.close()


def test_a_second_handle_sees_commits_made_by_another(build_index) -> None:
    index = build_index([make_article(1, vi=["chiến tranh"])])
    other = SearchIndex(index.index_dir, procs=1)
    assert other.open() and other.search("chien").total == 1
    index.update_articles([make_article(2, vi=["chiến tranh"])])
    assert other.search("chien").total == 2


def test_exact_diacritics_requires_the_written_form_of_every_word(build_index) -> None:
    index = build_index([make_article(1, vi=["chiến tranh và hòa bình"])])
    assert ids(index.search("chien tranh", exact_diacritics=True)) == []
    assert ids(index.search("chiến tranh", exact_diacritics=True)) == [(1, "vi", 0)]
    assert ids(index.search("chien tranh")) == [(1, "vi", 0)]
