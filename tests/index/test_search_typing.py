"""Searching the way people type, on the bundled sample article: prefixes (typed with "*" or
still being typed), "did you mean" from the archive's own words, honest totals, and the
passages the reader is given agreeing with the result list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.importers import read_articles
from archive.sample import sample_path
from index import completions
from index.analysis import fold_diacritics
from index.search_index import SearchIndex
from tests.index.conftest import make_article


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    articles = [article.with_id(i) for i, article in enumerate(read_articles(sample_path()), 1)]
    index = SearchIndex(tmp_path_factory.mktemp("typing") / "index", procs=1)
    index.rebuild(articles)
    assert index.open()
    return index


def marks(hit) -> list[str]:
    return [hit.text[s:e] for s, e in hit.spans]


# -- prefixes ----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Lukash*", "lukash*", "LUKASHEN*"])
def test_a_starred_word_is_a_prefix(sample: SearchIndex, query: str) -> None:
    found = sample.search(query)
    assert found.total == sample.search("Lukashenko").total > 0
    assert all(
        marks(hit) and all(m.startswith("Lukashenko") for m in marks(hit)) for hit in found.hits
    )  # English marks "Lukashenko’s" whole


def test_prefixes_take_diacritics_or_not(sample: SearchIndex) -> None:
    plain, marked = sample.search("chien tr*", lang="vi"), sample.search("chiến tr*", lang="vi")
    assert plain.total == marked.total > sample.search("chien tranh", lang="vi").total
    assert {"chiến tranh"} <= {m.lower() for hit in plain.hits for m in marks(hit)}


def test_typing_a_name_finds_it_at_every_keystroke(sample: SearchIndex) -> None:
    name = "Lukashenko"
    for end in range(1, len(name) + 1):
        found = sample.search(name[:end], as_you_type=True)
        assert found.hits, name[:end]  # even "L": its most frequent completions
        if end >= 3:
            assert any("Lukashenko" in marks(hit) for hit in found.hits), name[:end]
        if end >= 4:  # "Luka…": only Lukashenko completes it in the sample
            assert found.total == 2
    # Not while typing (the command line's default): a part of a word is a whole word.
    assert sample.search("Lukashenk").total == 0
    assert sample.search("Lukashenk ", as_you_type=True).total == 0  # a space ends the word


def test_a_prefix_expands_into_a_bounded_number_of_frequent_completions(
    sample: SearchIndex,
) -> None:
    with sample._read_lock:
        reader = sample._current_searcher().reader()
    assert completions.Completions(reader).expand("vi_folded", "") == ()
    terms = completions.Completions(reader).expand("vi_folded", "th")
    assert 0 < len(terms) <= completions.MAX_COMPLETIONS
    every = {
        t.decode() if isinstance(t, bytes) else t: i.doc_frequency()
        for t, i in reader.iter_prefix("vi_folded", "th")
    }
    assert len(every) > len(terms), "the sample has more th- words than one expansion takes"
    chosen = [every[t] for t in terms]
    assert min(chosen) >= sorted(every.values(), reverse=True)[len(terms) - 1]  # the commonest
    assert chosen == sorted(chosen, reverse=True)


def test_exact_whole_words_rank_above_completions(build_index) -> None:
    index = build_index(
        [
            make_article(1, en=["Warsaw warsaw warsaw Warsaw, the capital."]),
            make_article(2, en=["A war."]),
            make_article(3, en=["Warfare and warships."]),
        ]
    )
    found = index.search("war*")
    assert [hit.article_id for hit in found.hits][0] == 2
    assert found.total == 3
    typed = index.search("war", as_you_type=True)
    assert [hit.article_id for hit in typed.hits][0] == 2 and typed.total == 3


def test_vietnamese_words_typed_together_with_a_prefix_rank_adjacent_first(
    sample: SearchIndex,
) -> None:
    found = sample.search("dong mi", lang="vi", as_you_type=True, limit=5)
    assert found.hits and all("đồng minh" in " ".join(marks(h)).lower() for h in found.hits)


# -- did you mean ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Lukashanko", "Lukashenko"),
        ("Kremlim", "Kremlin"),
        ("kremlim", "kremlin"),
        ("chiến tranb", "chiến tranh"),  # a Vietnamese word with one wrong letter
        ("đồng mimh", "đồng minh"),
        ("NATO Belaruss", "NATO Belarus"),
    ],
)
def test_no_hits_suggest_the_archive_s_own_words(
    sample: SearchIndex, typed: str, meant: str
) -> None:
    found = sample.search(typed)
    assert found.total == 0
    assert found.suggestions[0] == meant
    assert sample.search(found.suggestions[0]).total > 0, "a suggestion is never a dead end"
    assert sample.search(typed, as_you_type=True).suggestions[0] == meant  # in the search box


def test_suggestions_keep_the_typed_diacritics_style(sample: SearchIndex) -> None:
    assert sample.search("chien tranb").suggestions[0] == "chien tranh"
    corrected = sample.search("hòa bìnk").suggestions
    assert corrected and corrected[0] == "hòa bình"


def test_found_words_and_prefixes_get_no_suggestion(sample: SearchIndex) -> None:
    assert sample.search("Lukashenko").suggestions == []
    assert sample.search("Lukashen", as_you_type=True).suggestions == []
    assert sample.search("qqqzzzxx").suggestions == []  # nothing close: nothing offered


# -- honest totals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "chien tranh",
        "dong minh",
        "NATO -Belarus",
        "hoa binh",
        "Lukashenko OR Belarus",
        "chiến tranh",
        '"an ninh"',
    ],
)
def test_total_counts_the_hits_whatever_the_limit(sample: SearchIndex, query: str) -> None:
    everything = sample.search(query, limit=1000)
    assert everything.total == len(everything.hits) > 0
    for limit in (1, 5, 20):
        cut = sample.search(query, limit=limit)
        assert (cut.total, cut.total_exact) == (everything.total, True)
        assert {(h.lang, h.passage) for h in cut.hits} <= {
            (h.lang, h.passage) for h in everything.hits
        }
    assert everything.articles == 1


def test_the_counts_the_issue_reported(sample: SearchIndex) -> None:
    assert sample.search("chien tranh").total == 22
    assert sample.search("dong minh").total == 20
    assert sample.search("NATO -Belarus").total == 51


def test_exclusions_and_exact_diacritics_are_counted_as_searched(sample: SearchIndex) -> None:
    nato = sample.search("NATO", limit=1000)
    without = sample.search("NATO -Belarus", limit=1000)

    def mentions_belarus(text: str) -> bool:
        return "belarus" in re.findall(r"\w+", fold_diacritics(text).lower())

    assert without.total == sum(not mentions_belarus(hit.text) for hit in nato.hits)
    exact = sample.search("chiến tranh", lang="vi", exact_diacritics=True, limit=1000)
    assert exact.total == len(exact.hits)
    assert sample.search("chien tranh", lang="vi", exact_diacritics=True).total == 0


def test_deleted_passages_are_not_counted(build_index) -> None:
    index = build_index([make_article(i, vi=["Nga và NATO"]) for i in range(1, 5)])
    index.remove_articles([1, 2])
    assert index.search("nga", limit=1).total == 2
    index.update_articles([make_article(3, vi=["chỉ NATO"])])
    assert index.search("nga").total == 1 and index.search("nato").total == 2


# -- the reader's passages ---------------------------------------------------------------


def _texts(index_article, lang: str) -> dict[int | None, str]:
    texts: dict[int | None, str] = {None: index_article.title.get(lang, "")}
    texts.update({p.index: p.text for p in index_article.passages[lang]})
    return texts


@pytest.mark.parametrize(
    "query", ["NATO -Belarus", "hoa binh", "chien tranh", "Lukash", "Kremlin OR Belarus"]
)
def test_the_reader_is_given_exactly_the_listed_passages(sample: SearchIndex, query: str) -> None:
    article = read_articles(sample_path())[0].with_id(1)
    listed = sample.search(query, limit=1000, as_you_type=True)
    for lang in ("vi", "en"):
        spans = sample.article_spans(query, 1, _texts(article, lang), lang, as_you_type=True)
        # The title block shows the title alone (its document also holds the byline).
        shown = {h.passage for h in listed.hits if h.lang == lang and h.passage is not None}
        assert set(spans) - {None} == shown, (query, lang)
        for hit in listed.hits:
            if hit.lang == lang and hit.passage is not None:
                assert spans[hit.passage] == hit.spans  # the same marks as the list's
    if query == "NATO -Belarus":
        marked = [
            article.passages[lang][p].text
            for lang in ("vi", "en")
            for p in sample.article_spans(query, 1, _texts(article, lang), lang)
            if p is not None
        ]
        assert marked and not any(re.search(r"(?i)\bbelarus\b", fold_diacritics(t)) for t in marked)


def test_the_reader_finds_all_six_hoa_binh_passages(sample: SearchIndex) -> None:
    article = read_articles(sample_path())[0].with_id(1)
    listed = sample.search("hoa binh", lang="vi", limit=50)
    spans = sample.article_spans("hoa binh", 1, _texts(article, "vi"), "vi")
    assert len(listed.hits) == len([p for p in spans if p is not None]) == 6
    for passage, found in spans.items():
        text = _texts(article, "vi")[passage]
        if "hòa bình" in text.lower():
            assert {text[s:e].lower() for s, e in found} == {"hòa bình"}, "no stray Hoa"


def test_a_missing_article_has_no_marks(sample: SearchIndex, tmp_path: Path) -> None:
    assert sample.article_spans("NATO", 999, {0: "NATO"}, "en") == {}
