"""The parallel concordance: each search hit can show its aligned counterpart under the snippet
(a toggle in the results pane, remembered in the settings)."""

from __future__ import annotations

from archive.export.citation import counterpart_of
from index.results import SearchHit
from tests.viewer.gui.support import close_window, open_window, temp_settings
from viewer import concordance
from viewer.gui import settings as S
from viewer.gui.rich_text import HTML_ROLE
from viewer.gui.search_panel import HIT_ROLE


def hit_items(panel) -> list:
    items = []
    for top in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(top)
        items += [group.child(n) for n in range(group.childCount())]
    return items


def search(qtbot, panel, query: str) -> None:
    panel.field.setText(query)
    qtbot.waitUntil(lambda: panel.shown_query == query, timeout=10000)


def test_the_toggle_shows_each_hits_aligned_counterpart(qtbot, tmp_path, library) -> None:
    window = open_window(qtbot, library, temp_settings(tmp_path))
    panel = window.search_panel
    search(qtbot, panel, "Kaliningrad")
    assert all("⇄" not in item.data(0, HTML_ROLE) for item in hit_items(panel))
    panel.parallel.click()
    qtbot.waitUntil(lambda: "⇄" in hit_items(panel)[0].data(0, HTML_ROLE), timeout=10000)
    for item in hit_items(panel):
        hit = item.data(0, HIT_ROLE)
        if hit.passage is None:
            continue
        expected = counterpart_of(library.article(hit.article_id), hit.lang, hit.passage)
        shown = item.data(0, HTML_ROLE)
        other = expected.lang.upper()
        assert f"⇄ {other} · passage {expected.passages[0] + 1}" in shown
        # The name stands in both languages, so it is marked in the counterpart too.
        counterpart_part = shown.split("⇄", 1)[1]
        assert "Kaliningrad</span>" in counterpart_part
    panel.parallel.click()
    assert all("⇄" not in item.data(0, HTML_ROLE) for item in hit_items(panel))
    close_window(window)


def test_the_toggle_is_remembered_and_used_by_the_next_search(qtbot, tmp_path, library) -> None:
    window = open_window(qtbot, library, temp_settings(tmp_path))
    window.search_panel.parallel.click()
    assert window.settings.get(S.SEARCH_PARALLEL) is True
    close_window(window)
    reopened = open_window(qtbot, library, temp_settings(tmp_path))
    panel = reopened.search_panel
    assert panel.parallel_shown()
    search(qtbot, panel, "chien tranh lanh")
    first = hit_items(panel)[0]
    assert first.data(0, HIT_ROLE).lang == "vi"
    assert "⇄ EN · passage" in first.data(0, HTML_ROLE)  # found with the results, no re-query
    close_window(reopened)


def test_a_counterpart_without_the_query_is_cut_at_the_same_place() -> None:
    sentences = [f"Sentence number {n} says something long enough to matter." for n in range(20)]
    text = " ".join(sentences)
    start = concordance.same_place_snippet(text, 0.0)
    assert start.startswith("Sentence number 0 ") and start.endswith("…")
    middle = concordance.same_place_snippet(text, 0.5)
    assert middle.startswith("…Sentence number 10 ")
    end = concordance.same_place_snippet(text, 1.0)  # a full window, not a stub
    assert end.startswith("…Sentence number") and "Sentence number 18 " in end
    assert len(end) > 200
    assert concordance.same_place_snippet("Short & sweet.", 0.9) == "Short &amp; sweet."


def test_title_hits_and_unknown_articles_have_no_counterpart(library) -> None:
    article = library.article(library.summaries()[0].id)
    passage = SearchHit(
        article.id, "vi", 5, "paragraph", article.passages["vi"][5].text, "", 1.0, [(0, 3)]
    )
    title = SearchHit(article.id, "vi", None, "title", "", "", 1.0)
    gone = SearchHit(9999, "vi", 1, "paragraph", "x", "", 1.0)
    found = concordance.parallel_snippets(library, [passage, title, gone], "zzz")
    assert list(found) == [(article.id, "vi", 5)]
    expected = counterpart_of(article, "vi", 5)
    assert found[(article.id, "vi", 5)].passages == expected.passages
    assert found[(article.id, "vi", 5)].snippet.rstrip("…")[:40] in expected.text
