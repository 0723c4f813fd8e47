""" "How was this translated?" on the bundled sample and on small hand-made memories: the
renderings, the association measure against background frequency, language detection and the
memory's incremental upkeep."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from archive.alignment.aligner import align
from archive.importers import read_articles
from archive.model import Article
from archive.sample import sample_path
from index import translation_sync
from index.translation_lookup import detect_language, lookup
from index.translation_memory import TranslationMemory
from index.translation_terms import grams, terms_of
from tests.index.conftest import make_article


def aligned(article: Article) -> Article:
    article.alignment = align(article.passages.get("vi", []), article.passages.get("en", []))
    return article


@pytest.fixture(scope="module")
def sample_memory(tmp_path_factory: pytest.TempPathFactory) -> TranslationMemory:
    memory = TranslationMemory(tmp_path_factory.mktemp("tm") / "translations.sqlite")
    translation_sync.update(memory, [aligned(read_articles(sample_path())[0].with_id(1))])
    yield memory
    memory.close()


def top(memory: TranslationMemory, query: str, lang: str | None = None, n: int = 3) -> list[str]:
    return [r.text for r in lookup(memory, query, lang).renderings[:n]]


@pytest.mark.parametrize(
    ("query", "rendering"),
    [
        ("deterrence", "răn đe"),
        ("cease-fire", "ngừng bắn"),
        ("alliance", "liên minh"),
        ("răn đe", "deterrence"),
        ("ngừng bắn", "cease-fire"),
        ("liên minh", "alliance"),
    ],
)
def test_the_sample_alone_gives_the_translators_renderings(
    sample_memory, query: str, rendering: str
) -> None:
    assert rendering in top(sample_memory, query)


def test_a_rendering_carries_its_count_and_examples_with_their_places(sample_memory) -> None:
    found = lookup(sample_memory, "cease-fire")
    assert (found.query, found.lang, found.occurrences) == ("cease-fire", "en", 4)
    first = found.renderings[0]
    assert (first.text, first.count) == ("ngừng bắn", 4)
    article = read_articles(sample_path())[0]
    for example in first.examples:
        assert example.article_id == 1
        assert example.text in article.passages["en"][example.passage].text
        assert "cease-fire" in example.text and "ngừng bắn" in example.counterpart
        start, end = example.counterpart_spans[0]
        assert example.counterpart[start:end] == "ngừng bắn"
        start, end = example.text_spans[0]
        assert example.text[start:end] == "cease-fire"


def test_function_words_never_win(sample_memory) -> None:
    for query, lang in (
        ("deterrence", "en"),
        ("alliance", "en"),
        ("răn đe", "vi"),
        ("liên minh", "vi"),
        ("NATO", "en"),
        ("Russia", "en"),
    ):
        texts = [r.text.casefold() for r in lookup(sample_memory, query, lang).renderings]
        assert not {"của", "các", "và", "những", "the", "of", "and", "a"} & set(texts), query


def test_the_query_language_is_detected(sample_memory) -> None:
    assert detect_language(sample_memory, "ngừng bắn") == "vi"
    assert detect_language(sample_memory, "alliance") == "en"
    assert detect_language(sample_memory, "NATO") == "en"  # on both sides: read as English
    assert detect_language(sample_memory, "Nga") == "vi"  # unaccented, only in Vietnamese


def test_an_unknown_or_empty_query_has_no_renderings(sample_memory) -> None:
    assert lookup(sample_memory, "zyxwvut").renderings == []
    assert lookup(sample_memory, "zyxwvut").occurrences == 0
    assert lookup(sample_memory, " ... ", "en").renderings == []


def test_background_frequency_sinks_a_word_found_everywhere(tmp_path: Path) -> None:
    # "mèo" stands beside "cat" in every pair that has "cat"; "rất" (very) stands in every
    # pair of the memory, so it co-occurs with "cat" as often but is no rendering of it.
    pairs = [
        ("con mèo rất đẹp", "the cat is pretty"),
        ("con mèo rất nhỏ", "the cat is small"),
        ("con chó rất to", "the dog is big"),
        ("nhà rất cao", "the house is tall"),
        ("trời rất xanh", "the sky is blue"),
    ]
    article = aligned(make_article(1, vi=[v for v, _ in pairs], en=[e for _, e in pairs]))
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    translation_sync.update(memory, [article])
    found = lookup(memory, "cat", "en")
    scores = {r.text: r.score for r in found.renderings}
    assert found.renderings[0].text in ("mèo", "con mèo")  # "con": the animal classifier
    assert scores.get("rất", 0.0) < found.renderings[0].score
    assert found.renderings[0].count == 2
    memory.close()


def test_updating_and_removing_an_article_keeps_the_frequencies_right(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    one = aligned(make_article(1, vi=["Liên minh mạnh."], en=["The alliance is strong."]))
    two = aligned(make_article(2, vi=["Liên minh yếu."], en=["The alliance is weak."]))
    translation_sync.update(memory, [one, two])
    assert memory.document_frequencies("vi", ["liên minh"]) == {"liên minh": 2}
    translation_sync.update(memory, [aligned(make_article(2, vi=["Bình yên."], en=["Peace."]))])
    assert memory.document_frequencies("vi", ["liên minh", "bình yên"]) == {
        "liên minh": 1,
        "bình yên": 1,
    }
    memory.remove_articles([1])
    assert memory.document_frequencies("vi", ["liên minh"]) == {}
    assert memory.pair_count() == 1
    assert set(memory.fingerprints()) == {2}
    memory.close()


def test_a_damaged_memory_file_is_rebuilt_empty(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    memory = TranslationMemory(path)
    assert memory.pair_count() == 0
    assert translation_sync.stale_ids(memory, {1: "abc"}) == ([1], [])
    memory.close()


def test_a_changed_text_or_alignment_makes_an_article_stale(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    article = aligned(make_article(1, vi=["Một. Hai."], en=["One. Two."]))
    translation_sync.update(memory, [article])
    assert translation_sync.stale_ids(memory, {1: article.digest()}) == ([], [])
    assert translation_sync.stale_ids(memory, {1: "other"}) == ([1], [])
    assert translation_sync.stale_ids(memory, {}) == ([], [1])
    repaired = replace(article, alignment=[([0], []), ([], [0])])
    assert translation_sync.fingerprint(article) != translation_sync.fingerprint(repaired)
    memory.close()


def test_renderings_are_runs_of_one_or_two_terms_without_function_words_at_the_edge() -> None:
    assert grams(terms_of("của liên minh và", "vi"), "vi") == {"liên", "minh", "liên minh"}
    assert grams(terms_of("The transatlantic alliance", "en"), "en") == {
        "transatlant",
        "allianc",
        "transatlant allianc",
    }
