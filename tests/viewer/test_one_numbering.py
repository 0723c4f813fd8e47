"""One numbering for people: the window and the command line both count passages from 1
(¶N / "passage N"), while the JSON keeps the 0-based `passage` index of the contract."""

from __future__ import annotations

import json
import re

from PySide6.QtWidgets import QTreeWidgetItemIterator

from tests.viewer.gui.test_gui_bookmarks import add
from viewer.cli import main
from viewer.gui.rich_text import HTML_ROLE
from viewer.gui.search_panel import HIT_ROLE

QUERY = "Lukashenko"


def cli(capsys, data_dir, *argv: str) -> str:
    assert main(["--data-dir", str(data_dir), *argv]) == 0
    return capsys.readouterr().out


def test_the_window_and_the_cli_give_a_hit_the_same_number(qtbot, window, capsys) -> None:
    panel = window.search_panel
    panel.field.setText(QUERY)
    qtbot.waitUntil(lambda: panel.shown_query == QUERY, timeout=10000)
    shown = {}
    items = QTreeWidgetItemIterator(panel.tree)
    while items.value():
        item, hit = items.value(), items.value().data(0, HIT_ROLE)
        if item.parent() is not None and hit.passage is not None:
            shown[(hit.lang, hit.passage)] = item.data(0, HTML_ROLE)
        items += 1
    assert shown
    data_dir = window.library.data_dir
    hits = json.loads(cli(capsys, data_dir, "search", "--json", "--limit", "50", QUERY))["hits"]
    text = cli(capsys, data_dir, "search", "--limit", "50", QUERY)
    for hit in hits:
        if (hit["lang"], hit["passage"]) in shown:
            number = hit["passage"] + 1
            assert f"passage {number}<" in shown[(hit["lang"], hit["passage"])]
            assert f"[{hit['lang']} ¶{number}]" in text
    assert "¶0]" not in text


def test_a_bookmark_has_one_number_in_the_panel_and_the_cli(window, capsys) -> None:
    add(window, 4)  # the fifth Vietnamese passage, index 4
    [row] = [
        window.bookmarks.panel.list.item(i).data(HTML_ROLE)
        for i in range(window.bookmarks.panel.list.count())
    ]
    assert "passage 5" in row
    listed = cli(capsys, window.library.data_dir, "bookmarks", "list")
    assert re.search(r"#\d+ vi ¶5: ", listed)
    as_json = json.loads(cli(capsys, window.library.data_dir, "bookmarks", "list", "--json"))
    assert as_json[0]["passage"] == 4
