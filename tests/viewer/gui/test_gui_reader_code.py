"""Code passages in the reader: a fixed-width face, every line break kept, matches in place."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QFontInfo, QTextCursor

from archive.importers import read_articles
from archive.model import PassageKind
from viewer.gui import styles
from viewer.gui.reader.reader import Reader

REAL = Path(__file__).parents[2] / "fixtures" / "real"


def test_a_real_posts_code_shows_as_written_in_a_fixed_width_face(reader: Reader) -> None:
    [article] = read_articles(REAL / "hugo" / "woocommerce-10-snippet.md")
    reader.show_article(article.with_id(3))
    [code] = [p for p in article.passages["vi"] if p.kind is PassageKind.CODE]
    document = reader.view.document()
    start = reader._blocks[f"p-vi-{code.index}"].position()
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(start + len(code.text), QTextCursor.MoveMode.KeepAnchor)
    # Qt writes a line break inside a block of text as U+2029 (a paragraph separator).
    assert cursor.selectedText().replace("\u2029", "\n") == code.text
    cursor.setPosition(start + 1)
    shown = QFontInfo(cursor.charFormat().font())
    assert shown.family() in styles.MONO_FAMILIES and shown.fixedPitch()
    if os.environ.get("SONGNGU_SCREENSHOT"):  # for a person to look at: the reader, as shown
        reader.resize(900, 700)
        reader.view.verticalScrollBar().setValue(reader.view.cursorRect(cursor).top() - 120)
        reader.grab().save(os.environ["SONGNGU_SCREENSHOT"])


def test_a_match_inside_code_lands_on_its_words(reader: Reader) -> None:
    [article] = read_articles(REAL / "jekyll" / "2016-02-24-welcome-to-jekyll.md")
    reader.show_article(article.with_id(4))
    reader.set_mode("en")
    reader.set_query("STDOUT")
    [match] = reader.matches
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(match.start)
    cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "STDOUT"


def test_selecting_words_on_a_later_line_of_code_finds_them_in_the_passage(
    reader: Reader,
) -> None:
    [article] = read_articles(REAL / "hugo" / "woocommerce-10-snippet.md")
    reader.show_article(article.with_id(3))
    [code] = [p for p in article.passages["vi"] if p.kind is PassageKind.CODE]
    offset = code.text.index("add_action")
    start = reader._blocks[f"p-vi-{code.index}"].position() + offset
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("add_action"), QTextCursor.MoveMode.KeepAnchor)
    reader.view.setTextCursor(cursor)
    place = reader.selection_place()
    assert place is not None
    assert (place.passage, place.start, place.text) == (code.index, offset, "add_action")
