"""Bookmarks in the reader: a selection maps back to its passage's own text (despite Markdown
escaping and collapsed spaces), the passage under the cursor when nothing is selected, and
bookmarked text is tinted where it stands."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from archive.bookmarks.bookmark import Bookmark
from tests.viewer.gui.test_gui_reader import article
from viewer.gui.bookmarks import marks as bookmark_marks
from viewer.gui.reader.reader import Reader
from viewer.gui.reader.selection import rendered_to_source, utf16_to_index


def select(reader: Reader, anchor: str, text: str) -> None:
    """Select the first occurrence of `text` in the block that starts with `anchor`."""
    block = reader._blocks[anchor]
    offset = block.text().index(text)
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(block.position() + offset)
    cursor.setPosition(block.position() + offset + len(text), QTextCursor.MoveMode.KeepAnchor)
    reader.view.setTextCursor(cursor)


def test_selection_maps_to_the_passage_text_despite_markdown_escaping(reader) -> None:
    select(reader, "p-vi-3", "<b>không</b> phải *")
    place = reader.selection_place()
    source = article().passages["vi"][3].text
    assert (place.lang, place.passage, place.whole) == ("vi", 3, False)
    assert source[place.start : place.end] == "<b>không</b> phải *" == place.text


def test_selection_after_collapsed_spaces_keeps_its_offsets(reader) -> None:
    select(reader, "p-vi-0", "bốn năm")  # the source has two spaces before "bốn"
    place = reader.selection_place()
    source = article().passages["vi"][0].text
    assert source[place.start : place.end] == "bốn năm"
    assert place.start == source.index("bốn")


def test_selection_spanning_passages_is_clipped_to_the_first(reader) -> None:
    first, second = reader._blocks["p-vi-1"], reader._blocks["p-vi-2"]
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(first.position() + first.text().index("thứ hai"))
    cursor.setPosition(second.position() + 5, QTextCursor.MoveMode.KeepAnchor)
    reader.view.setTextCursor(cursor)
    place = reader.selection_place()
    assert (place.passage, place.text) == (1, "thứ hai có thể bắt đầu.")


def test_without_a_selection_the_passage_under_the_cursor_is_meant(reader) -> None:
    block = reader._blocks["p-vi-1"]
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(block.position() + 4)
    reader.view.setTextCursor(cursor)
    place = reader.selection_place()
    assert place.whole and (place.lang, place.passage) == ("vi", 1)
    assert place.text == article().passages["vi"][1].text


def test_the_title_is_not_a_passage(reader) -> None:
    cursor = QTextCursor(reader._blocks["t-vi"])
    reader.view.setTextCursor(cursor)
    assert reader.selection_place() is None


def test_rendered_offsets_map_back_past_collapsed_spaces() -> None:
    mapping = [0, 1, 2, 2, 3]  # "a  b" rendered as "a b"
    assert rendered_to_source(mapping, 2, 3) == (3, 4)
    assert rendered_to_source(mapping, 0, 1) == (0, 1)
    assert utf16_to_index("a𝒳b", 3) == 2  # the mathematical letter takes two UTF-16 units


def tinted(reader: Reader, colour: str) -> list[str]:
    return [
        s.cursor.selectedText()
        for s in reader.view.extraSelections()
        if s.format.background().color().name() == colour
    ]


def test_bookmarks_are_tinted_where_they_stand_and_the_focused_one_more(reader) -> None:
    source = article().passages["vi"][3].text
    start = source.index("<b>không</b>")
    marks = [
        Bookmark(7, "vi", 3, start, start + len("<b>không</b>"), quote="<b>không</b>", id=1),
        Bookmark(7, "vi", 1, 0, len(article().passages["vi"][1].text), id=2),
        Bookmark(7, "en", 0, 0, 3, id=3),  # English is not shown
        Bookmark(99, "vi", 0, 0, 3, id=4),  # another article
        Bookmark(7, "vi", None, quote="gone", orphaned=True, id=5),
    ]
    reader.set_bookmarks(marks)
    assert sorted(tinted(reader, bookmark_marks.MARK.background)) == sorted(
        ["<b>không</b>", article().passages["vi"][1].text]
    )
    assert reader.show_bookmark(marks[0])
    assert tinted(reader, bookmark_marks.FOCUSED_MARK.background) == ["<b>không</b>"]
    reader.set_mode("en")
    assert tinted(reader, bookmark_marks.MARK.background) == ["For"]
    assert not reader.show_bookmark(marks[0])  # its language is not shown now
