"""The reader: modes, side-by-side pairing (alignment first), match offsets, remote resources
refused, zoom, and a font that has every Vietnamese letter."""

from __future__ import annotations

import re
import sys

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QTextCursor, QTextDocument

from archive.model import Article, Passage, PassageKind
from viewer.gui import styles
from viewer.gui.reader import html as reader_html
from viewer.gui.reader.reader import Reader

VI = [
    Passage(0, PassageKind.PARAGRAPH, "Trong  bốn năm qua, chiến tranh ở Ukraine đã kéo dài."),
    Passage(1, PassageKind.PARAGRAPH, "Cuộc chiến tranh thứ hai có thể bắt đầu."),
    Passage(2, PassageKind.HEADING, "Điểm không thể quay lại"),
    Passage(3, PassageKind.QUOTE, "Chiến tranh <b>không</b> phải * trò chơi."),
    Passage(4, PassageKind.CAPTION, "Lính Anh tập luyện ở Phần Lan Owen Humphreys / Reuters"),
]
EN = [
    Passage(
        0,
        PassageKind.PARAGRAPH,
        "For four years the war in Ukraine went on; a second war could begin.",
    ),
    Passage(1, PassageKind.HEADING, "Point of no return"),
    Passage(2, PassageKind.QUOTE, "War is not a game."),
    Passage(3, PassageKind.CAPTION, "British soldiers in Finland Owen Humphreys / Reuters"),
]


def article(alignment=None) -> Article:
    return Article(
        title={"vi": "Cuộc chiến tiếp theo", "en": "The next war"},
        authors=["Samuel Charap", "Hiski Haukkala"],
        passages={"vi": VI, "en": EN},
        alignment=alignment or [],
        id=7,
    )


class WordSpans:
    """A stand-in for the Library's span finders: case-insensitive whole words."""

    def match_spans(self, query, text, lang, exact_diacritics=False):
        words = [re.escape(w) for w in query.split()]
        pattern = re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(text)]

    def article_spans(
        self, query, article_id, texts, lang, exact_diacritics=False, as_you_type=False
    ):
        found = {place: self.match_spans(query, text, lang) for place, text in texts.items()}
        return {place: spans for place, spans in found.items() if spans}


def text_at(reader: Reader, start: int, end: int) -> str:
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_every_match_lands_on_its_words_despite_collapsed_spaces(reader) -> None:
    reader.set_query("chiến tranh")
    found = [(m.passage, text_at(reader, m.start, m.end)) for m in reader.matches]
    assert found == [
        (None, "chiến"),
        (0, "chiến"),
        (0, "tranh"),
        (1, "chiến"),
        (1, "tranh"),
        (3, "Chiến"),
        (3, "tranh"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Chiến tranh <b>không</b> phải * trò chơi.",
        "x | y",
        "AT&T &lt; 5",
        "1. first",
        "- dash",
        "snake_case *star*",
        r"c:\path\| pipe",
        "[link](http://example.com)",
    ],
)
def test_passage_text_shows_exactly_as_stored(reader, text: str) -> None:
    reader.show_article(
        Article(title={"vi": "T"}, passages={"vi": [Passage(0, PassageKind.PARAGRAPH, text)]}, id=1)
    )
    assert reader._blocks["p-vi-0"].text() == text


def test_modes_show_the_chosen_language(reader) -> None:
    assert "Cuộc chiến tiếp theo" in reader.view.toPlainText()
    assert "The next war" not in reader.view.toPlainText()
    reader.set_mode("en")
    assert "Point of no return" in reader.view.toPlainText()
    assert "Điểm không thể quay lại" not in reader.view.toPlainText()
    reader.set_mode("side")
    text = reader.view.toPlainText()
    assert "Point of no return" in text and "Điểm không thể quay lại" in text


def row_of(reader: Reader, anchor: str) -> int:
    block = reader._blocks[anchor]
    cursor = QTextCursor(block)
    table = cursor.currentTable()
    assert table is not None
    return table.cellAt(cursor).row()


def test_side_by_side_pairs_by_position_without_alignment(reader) -> None:
    reader.set_mode("side")
    assert row_of(reader, "p-vi-1") == row_of(reader, "p-en-1")
    assert row_of(reader, "p-vi-4") != row_of(reader, "p-en-3")


def test_side_by_side_follows_the_alignment_when_there_is_one(reader) -> None:
    reader.show_article(article(alignment=[([0, 1], [0]), ([2], [1]), ([3], [2]), ([4], [3])]))
    reader.set_mode("side")
    assert row_of(reader, "p-vi-0") == row_of(reader, "p-vi-1") == row_of(reader, "p-en-0")
    assert row_of(reader, "p-vi-2") == row_of(reader, "p-en-1")
    assert row_of(reader, "p-vi-4") == row_of(reader, "p-en-3")


def test_paired_rows_keep_unlinked_passages_in_reading_order() -> None:
    rows = reader_html.paired_rows([([1], [0]), ([3], [2])], vi_count=5, en_count=3)
    assert rows == [([0], []), ([1], [0]), ([2], []), ([], [1]), ([3], [2]), ([4], [])]
    assert reader_html.paired_rows([], 2, 3) == [([0], [0]), ([1], [1]), ([], [2])]


def test_source_offsets_map_through_collapsed_whitespace() -> None:
    mapping = reader_html.source_to_rendered("a  b\u00a0c", "a b\u00a0c")
    assert [mapping[i] for i in (0, 3, 4, 5)] == [0, 2, 3, 4]


def test_remote_resources_are_refused_local_ones_allowed(reader, tmp_path) -> None:
    view = reader.view
    kind = int(QTextDocument.ResourceType.ImageResource.value)
    assert view.loadResource(kind, QUrl("https://example.com/tracker.png")) is None
    assert view.loadResource(kind, QUrl("http://example.com/x.png")) is None
    local = tmp_path / "note.txt"
    local.write_text("hello", encoding="utf-8")
    loaded = view.loadResource(
        int(QTextDocument.ResourceType.StyleSheetResource.value), QUrl.fromLocalFile(str(local))
    )
    assert loaded is not None


def test_zoom_steps_and_resets(reader) -> None:
    base = reader.font_size
    reader.zoom(+1)
    reader.zoom(+1)
    assert reader.font_size == base + 2
    assert reader.view.document().defaultFont().pointSize() == base + 2
    reader.zoom(0)
    assert reader.font_size == base


def test_reading_font_covers_vietnamese() -> None:
    font = styles.reading_font(13)
    assert font.families()[0] in ("Noto Serif", "DejaVu Serif")
    metrics = QFontMetrics(font)
    for letter in "ầẫậờỡợữựỹĐđ":
        assert metrics.inFontUcs4(ord(letter)), letter


def test_mode_switch_keeps_the_place(reader) -> None:
    long_article = article()
    long_article.passages = {
        "vi": [
            Passage(i, PassageKind.PARAGRAPH, f"Đoạn {i}. " + "Chữ tiếng Việt. " * 40)
            for i in range(30)
        ],
        "en": [
            Passage(i, PassageKind.PARAGRAPH, f"Paragraph {i}. " + "English words. " * 40)
            for i in range(30)
        ],
    }
    reader.show_article(long_article)
    reader.go_to_passage("vi", 20)
    assert reader.top_anchor() in {"p-vi-19", "p-vi-20"}
    reader.set_mode("en")
    assert reader.top_anchor() in {"p-en-19", "p-en-20"}


def test_mode_and_zoom_changes_keep_the_current_match(reader) -> None:
    reader.set_query("chiến tranh")
    reader.go_to_passage("vi", 1)
    before = reader.matches[reader.current]
    reader.set_mode("side")
    after = reader.matches[reader.current]
    assert (after.lang, after.passage) == (before.lang, before.passage) == ("vi", 1)
    assert text_at(reader, after.start, after.end) == "chiến"
    reader.zoom(+2)
    assert reader.matches[reader.current].passage == 1


def test_reader_follows_a_dark_palette(qapp, reader) -> None:
    light = qapp.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        assert "color: #e6e6e6" in reader.view.document().defaultStyleSheet()
        assert styles.is_dark(reader.palette())
    finally:
        qapp.setPalette(light)


def test_many_repaints_do_not_leak_none_or_true(reader) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a None reference per void call and a True per
    emit, and the process aborts after a few hundred actions; pyproject.toml excludes it."""
    reader.set_query("chiến tranh")
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(300):
        reader.next_match()  # each step repaints every highlight: many void calls
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] > before[0] - 200 and after[1] > before[1] - 200


def test_going_to_a_passage_picks_the_match_nearest_the_hit(reader) -> None:
    reader.set_query("chiến tranh")
    reader.go_to_passage("vi", 0, near=VI[0].text.index("tranh"))
    current = reader.matches[reader.current]
    assert (current.passage, text_at(reader, current.start, current.end)) == (0, "tranh")
    reader.go_to_passage("vi", 3)  # no hint: the passage's first match
    current = reader.matches[reader.current]
    assert (current.passage, text_at(reader, current.start, current.end)) == (3, "Chiến")
