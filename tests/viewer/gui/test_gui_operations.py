"""One operation per user action, one changed(Changes) signal (issue 15 point 3, issue 14
point 4): each action's archive work runs off the UI thread and ends in one signal that names
what changed; the bookmarks follow the archive after a restart and after a re-import."""

from __future__ import annotations

import threading
from pathlib import Path

from archive.sample import sample_path
from tests.viewer.gui.support import (
    close_window,
    export_and_wait,
    open_window,
    settle,
    temp_settings,
)
from tests.viewer.gui.test_gui_bookmarks import add, tinted
from viewer.gui.bookmarks import marks as bookmark_marks
from viewer.gui.operations import Changes
from viewer.gui.rich_text import HTML_ROLE
from viewer.library import Library

QUOTE = "Powerful adversaries need to talk."


def record_changes(window) -> list[Changes]:
    seen: list[Changes] = []
    window.ops.changed.connect(seen.append)
    return seen


def spy_threads(monkeypatch, library, *names: str) -> dict[str, list[bool]]:
    """Record, for each call of these Library methods, whether it ran on the main thread."""
    calls: dict[str, list[bool]] = {name: [] for name in names}
    for name in names:
        real = getattr(library, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            calls[_name].append(threading.current_thread() is threading.main_thread())
            return _real(*args, **kwargs)

        monkeypatch.setattr(library, name, spy)
    return calls


def test_every_action_runs_off_the_ui_thread_and_ends_in_one_change(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    calls = spy_threads(
        monkeypatch,
        window.library,
        "bookmark_passage",
        "update_bookmark",
        "delete_bookmark",
        "restore_bookmark",
        "bookmarks",
        "summaries",
        "article",
        "link_passages",
        "import_paths",
        "reindex",
        "bookmark_excerpts",
    )
    seen = record_changes(window)
    article_id = window.article.id
    add(window, 2, "một")
    assert seen == [Changes(bookmarks=True)]
    panel = window.bookmarks.panel
    panel.list.setCurrentRow(0)
    panel.note.setPlainText("hai")
    panel.commit_edits()
    settle(window)
    window.commands.undo.trigger()  # the edit
    settle(window)
    panel.delete_selected()
    settle(window)
    assert seen[1:] == [Changes(bookmarks=True)] * 3
    window.commands.undo.trigger()  # the deletion: the bookmark comes back
    settle(window)
    assert len(window.library.store.bookmarks()) == 1  # (the spy counts only the window's)

    window.set_mode("side")
    window.alignment.toggle_pick(("vi", 8))
    window.alignment.toggle_pick(("en", 9))
    del seen[:]
    window.alignment.link_action.trigger()
    settle(window)
    assert seen == [Changes(articles=frozenset({article_id}))]
    assert ([8], [9]) in window.article.alignment  # the window read the article again

    del seen[:]
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.import_files([sample_path()])
    settle(window)
    window.importer.report.close()
    assert seen == [
        Changes(library=True, articles=frozenset({article_id}), bookmarks=True, index=True)
    ]

    del seen[:]
    window.commands.rebuild_index.trigger()
    qtbot.waitUntil(
        lambda: window.search_panel.index_ready and not window.ops.busy(), timeout=30000
    )
    assert seen == [Changes(index=True)]

    del seen[:]
    window.bookmarks.export("tag")
    dialog = window.bookmarks.dialog
    assert export_and_wait(dialog, tmp_path / "out.md")
    settle(window)
    assert seen == [Changes()]  # an export changes nothing in the archive, and says so

    for name, on_main in calls.items():
        assert on_main and not any(on_main), name  # called, and never on the UI thread


def test_bookmarks_show_their_article_titles_right_after_a_restart(
    qtbot, tmp_path: Path, library
) -> None:
    article = library.article(library.summaries()[0].id)
    library.bookmark_passage(article.id, "vi", 3, note="trước khi mở")
    window = open_window(qtbot, library, temp_settings(tmp_path))
    html = window.bookmarks.panel.list.item(0).data(HTML_ROLE)
    assert article.title["vi"] in html and f"#{article.id}" not in html
    close_window(window)


def test_a_reimport_moves_the_bookmark_in_the_panel_and_the_reader(
    qtbot, window, tmp_path: Path
) -> None:
    window.set_mode("en")
    settle(window)
    article = window.article
    passage = next(p.index for p in article.passages["en"] if QUOTE in p.text)
    start = article.passages["en"][passage].text.index(QUOTE)
    window.bookmarks.controller.create(
        lambda: window.library.bookmark_passage(
            article.id, "en", passage, start, start + len(QUOTE)
        )
    )
    settle(window)
    assert [b.passage for b in window.bookmarks.panel.all] == [passage]
    assert tinted(window, bookmark_marks.MARK.background) == [QUOTE]

    text = sample_path().read_text(encoding="utf-8")
    before = text.rfind("\n\n", 0, text.index(QUOTE)) + 2
    edited = tmp_path / sample_path().name
    edited.write_text(
        text[:before] + "A paragraph new in this version of the article.\n\n" + text[before:],
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.import_files([edited])
    settle(window)
    window.importer.report.close()

    [moved] = window.library.bookmarks()
    assert moved.passage == passage + 1  # the archive moved it with its text
    assert [b.passage for b in window.bookmarks.panel.all] == [passage + 1]
    assert [b.passage for b in window.reader.bookmarks] == [passage + 1]
    assert QUOTE in window.article.passages["en"][passage + 1].text  # the reader's copy is new
    assert tinted(window, bookmark_marks.MARK.background) == [QUOTE]  # at its new place


def test_a_bookmark_made_while_the_ui_waits_is_never_lost(qtbot, tmp_path: Path) -> None:
    """Writes queue on the ordered lane: add, edit and delete in a row apply in that order."""
    data = tmp_path / "data"
    library = Library.open(data)
    try:
        window = open_window(qtbot, library, temp_settings(tmp_path))
        article_id = window.article.id
        for passage in (1, 2, 3):
            window.bookmarks.controller.create(
                lambda p=passage: library.bookmark_passage(article_id, "vi", p)
            )
        settle(window)
        assert sorted(b.passage for b in library.bookmarks()) == [1, 2, 3]
        assert sorted(b.passage for b in window.bookmarks.panel.all) == [1, 2, 3]
        close_window(window)
    finally:
        library.close()
