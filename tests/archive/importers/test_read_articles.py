"""read_articles: format detection and every kind of bad input, as one human line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archive.errors import ImportFailure
from archive.importers import MAX_FILE_BYTES, read_articles
from archive.sample import sample_path


def failure_for(path: Path) -> str:
    with pytest.raises(ImportFailure) as caught:
        read_articles(path)
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in failure_for(tmp_path / "nowhere.txt")


def test_directory(tmp_path: Path) -> None:
    assert "is a folder" in failure_for(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t  \n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert failure_for(path) == "empty.txt is empty."


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    assert "binary" in failure_for(path)


def test_binary_file_of_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"12 - x\n" + bytes(range(1, 9)) * 50)
    assert "binary" in failure_for(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("3342 - Cuộc chiến tiếp theo\n\nĐoạn văn.\n".encode("cp1258", "replace"))
    assert "not UTF-8" in failure_for(path)


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_text("3342 - Tiêu đề\n\nĐoạn văn.\n", encoding="utf-16")
    assert "UTF-16" in failure_for(path)


def test_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes without a post header.\n\nMore notes.\n", "utf-8")
    assert "in no format" in failure_for(path)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 50 MB written to the disk
        handle.truncate(MAX_FILE_BYTES + 1)
    assert "too large" in failure_for(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("1 - x\n\ny\n", "utf-8")
    path.chmod(0)
    assert "cannot be read" in failure_for(path)


def test_reading_writes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "post.txt"
    copy.write_bytes(sample_path().read_bytes())
    before = sorted(p.name for p in tmp_path.iterdir())
    assert read_articles(copy)[0].blog_post_number == 3342
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_markdown_is_chosen_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("3342 - looks like a post header\n\nBut this is Markdown.\n", "utf-8")
    [article] = read_articles(path)
    assert article.blog_post_number is None
    assert [p.text for p in article.passages["en"]] == [
        "3342 - looks like a post header",
        "But this is Markdown.",
    ]
