"""Folder import discovery: which files a directory tree offers to the importers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archive.errors import NotFound
from archive.importers.folder_scan import find_importable


def touch(root: Path, relative: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def names(root: Path, paths: list[Path]) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_finds_supported_files_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ["b/2.md", "a.txt", "b/1.MARKDOWN", "c/d/feed.atom", "c/blog.xml", "c/notes.pdf"]:
        touch(tmp_path, rel)
    found = find_importable(tmp_path)
    expected = ["a.txt", "b/1.MARKDOWN", "b/2.md", "c/blog.xml", "c/d/feed.atom"]
    assert names(tmp_path, found) == expected
    assert found == sorted(found)


def test_skips_hidden_files_and_directories(tmp_path: Path) -> None:
    touch(tmp_path, "keep.txt")
    touch(tmp_path, ".hidden.txt")
    touch(tmp_path, ".git/COMMIT_EDITMSG.txt")
    touch(tmp_path, "sub/.cache/post.md")
    assert names(tmp_path, find_importable(tmp_path)) == ["keep.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_survives_a_symlink_loop_and_lists_each_file_once(tmp_path: Path) -> None:
    touch(tmp_path, "posts/3342.txt")
    (tmp_path / "posts" / "again").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "posts" / "3342.txt")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "missing.md")
    found = find_importable(tmp_path)
    assert len(found) == 1
    assert found[0].resolve() == (tmp_path / "posts" / "3342.txt").resolve()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_follows_a_link_to_a_directory_outside_the_tree(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    touch(outside, "elsewhere.md")
    root = tmp_path / "root"
    root.mkdir()
    (root / "linked").symlink_to(outside, target_is_directory=True)
    assert names(root, find_importable(root)) == ["linked/elsewhere.md"]


def test_a_single_file_is_its_own_result(tmp_path: Path) -> None:
    post = touch(tmp_path, "3342.txt")
    other = touch(tmp_path, "photo.jpg")
    assert find_importable(post) == [post]
    assert find_importable(other) == []


def test_an_empty_tree_gives_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty" / "deeper").mkdir(parents=True)
    assert find_importable(tmp_path) == []


def test_a_missing_folder_is_reported_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(NotFound) as caught:
        find_importable(tmp_path / "nowhere")
    assert "nowhere" in str(caught.value)
    assert "\n" not in str(caught.value)
