"""The Library keeps the translation memory in step with the archive: imports, re-pairing,
a damaged memory file, an article gone from the store."""

from __future__ import annotations

from pathlib import Path

from tests.viewer.gui.support import write_text_post
from viewer.library import TRANSLATIONS_FILENAME, Library


def test_the_bundled_sample_is_in_the_memory_from_the_first_lookup(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data")
    try:
        assert library.translations("deterrence").renderings[0].text == "răn đe"
        assert library.translation_memory.pair_count() == 205
    finally:
        library.close()


def test_an_imported_article_is_looked_up_at_once(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data")
    try:
        in_sample = library.translations("treaty", "en").occurrences
        post = write_text_post(
            tmp_path / "post.txt",
            4001,
            "Bài mới",
            "New post",
            "Hiệp ước hòa bình đã được ký. Hiệp ước hòa bình có hiệu lực ngay.",
            "The peace treaty was signed. The peace treaty took effect at once.",
        )
        outcome = library.import_paths([post])[0]
        assert outcome.status == "imported"
        found = library.translations("treaty", "en", examples=10)
        assert found.occurrences == in_sample + 2
        assert found.renderings[0].text == "hiệp ước"
        new = [e for e in found.renderings[0].examples if e.article_id in outcome.article_ids]
        assert [e.text for e in new] == [
            "The peace treaty was signed.",
            "The peace treaty took effect at once.",
        ]
    finally:
        library.close()


def test_re_pairing_passages_refreshes_their_sentence_pairs(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data")
    try:
        library.ensure_translation_memory()
        before = library.translation_memory.fingerprints()[1]
        library.unlink_pair(1, "vi", 0)
        after = library.translation_memory.fingerprints()[1]
        assert after != before
        assert library.translation_memory.pair_count() < 205  # passage 0's pairs are gone
        library.restore_automatic_alignment(1)
        assert library.translation_memory.pair_count() == 205
    finally:
        library.close()


def test_a_damaged_memory_is_rebuilt_from_the_archive(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data")
    library.close()
    (tmp_path / "data" / TRANSLATIONS_FILENAME).write_bytes(b"\x00garbage" * 512)
    library = Library.open(tmp_path / "data")
    try:
        assert library.translations("cease-fire").renderings[0].text == "ngừng bắn"
        assert library.translation_memory.pair_count() == 205
    finally:
        library.close()


def test_an_article_gone_from_the_store_leaves_the_memory(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data")
    try:
        assert library.ensure_translation_memory() is True  # the sample's sentence pairs
        library.store.delete_article(1)
        assert library.ensure_translation_memory() is True
        assert library.translation_memory.pair_count() == 0
        assert library.translations("deterrence").renderings == []
    finally:
        library.close()


def test_a_memory_that_cannot_be_written_is_one_line_and_checked_again(
    tmp_path: Path, monkeypatch
) -> None:
    import sqlite3

    import pytest

    from archive.errors import StoreError

    library = Library.open(tmp_path / "data")
    try:

        def full(*_args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(library.translation_memory, "replace_articles", full)
        with pytest.raises(StoreError, match="translation memory cannot be written") as error:
            library.ensure_translation_memory()
        assert "\n" not in str(error.value)
        monkeypatch.undo()
        assert library.translations("deterrence").renderings[0].text == "răn đe"
    finally:
        library.close()
