"""A full disk, a file-size limit or a read-only data folder: the import fails in one line per
file and the archive is exactly as it was (or holds whole articles only), never damaged.

CI runs as root, where chmod does not stop writes; so a small tmpfs is mounted when the
machine allows it (skipped otherwise), a file-size limit (RLIMIT_FSIZE) is set in a child
process, and SQLite's max_page_count stands in for a full disk in-process.
"""

from __future__ import annotations

import errno
import os
import resource
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.errors import SongNguError
from archive.paths import database_path
from index.search_index import SearchIndex
from tests.conftest import REPO
from tests.reliability.archive_state import half_written, integrity, passage_counts
from tests.reliability.corpus import (
    PARAGRAPH_MIN_CHARS,
    ArticleFile,
    article_url,
    cli_command,
    run_cli,
    variant_text,
    write_articles,
)
from viewer.library import Library

# Bytes of tmpfs beyond the archive: less than one big article needs. (150 KB was, while
# passages were a WITHOUT ROWID table; the rowid table of schema 4 stores an article in less.)
HEADROOM = 100_000


@pytest.fixture(scope="module")
def indexed_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("full")
    library = Library.open(root / "data")
    library.ensure_index()
    library.close()
    return root / "data"


@pytest.fixture
def big_articles(tmp_path: Path) -> list[ArticleFile]:
    return write_articles(tmp_path / "new", 3, paragraphs=40)


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    tried = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if tried.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs privileges): {tried.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _remount(mount_point: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount_point)], check=True)


def _import(data_dir: Path, files: list[ArticleFile], limit: int | None = None):
    def limit_file_size() -> None:  # runs in the child; Python ignores SIGXFSZ, so EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        cli_command(data_dir, "import", *[str(f.path) for f in files]),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=limit_file_size if limit else None,
    )


def _assert_error_lines(stderr: str, files: list[ArticleFile], reason: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == len(files), stderr
    for line, file in zip(lines, files, strict=True):
        assert line.startswith(f"error: {file.path}") and reason in line, line


def test_import_onto_a_full_disk_leaves_the_archive_as_it_was(
    indexed_archive: Path, tmpfs: Path, big_articles: list[ArticleFile]
) -> None:
    _remount(tmpfs, f"size={_size(indexed_archive) + HEADROOM}")
    data_dir = tmpfs / "data"
    shutil.copytree(indexed_archive, data_dir)
    before = passage_counts(data_dir)
    result = _import(data_dir, big_articles)
    assert result.returncode == 2
    _assert_error_lines(result.stderr, big_articles, "disk is full")
    assert integrity(data_dir) == "ok" and passage_counts(data_dir) == before
    assert run_cli(data_dir, "check").returncode == 0
    _remount(tmpfs, "size=16m")  # space freed: the same import now works
    assert _import(data_dir, big_articles).returncode == 0
    assert half_written(data_dir, [big_articles]) == [] and len(passage_counts(data_dir)) == 4


def test_import_into_a_read_only_data_folder_is_one_line_and_changes_nothing(
    indexed_archive: Path, tmp_path: Path, big_articles: list[ArticleFile]
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(indexed_archive, data_dir)
    if os.geteuid() != 0:
        for path in [data_dir, *data_dir.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
    else:  # root ignores permissions: a read-only filesystem instead
        mount_point = tmp_path / "ro"
        mount_point.mkdir()
        mounted = subprocess.run(
            ["mount", "--bind", "-o", "ro", str(data_dir), str(mount_point)],
            capture_output=True,
            text=True,
            check=False,
        )
        if mounted.returncode != 0:
            pytest.skip(f"running as root and cannot mount read-only: {mounted.stderr.strip()}")
        data_dir = mount_point
    try:
        before = database_path(data_dir).read_bytes()
        result = _import(data_dir, big_articles)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and str(data_dir) in result.stderr
        assert database_path(data_dir).read_bytes() == before
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", "-l", str(data_dir)], check=False)
        else:
            for path in [data_dir, *data_dir.rglob("*")]:
                path.chmod(0o755 if path.is_dir() else 0o644)


def _huge_article(folder: Path) -> ArticleFile:
    """One post with the seed's text five times over: more than the write-ahead log may hold."""
    lines = variant_text(9100, 0).splitlines()
    body = [line for line in lines if len(line) >= PARAGRAPH_MIN_CHARS]
    path = folder / "9100-huge.txt"
    path.write_text("\n".join([lines[0], *body * 5]) + "\n", encoding="utf-8")
    return ArticleFile(path, article_url(9100), {})


def test_file_size_limit_hit_by_the_archive_leaves_it_as_it_was(
    indexed_archive: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(indexed_archive, data_dir)
    before = passage_counts(data_dir)
    huge = [_huge_article(tmp_path)]
    result = _import(data_dir, huge, limit=database_path(data_dir).stat().st_size + 16_384)
    assert result.returncode == 2
    assert all(line.startswith("error: ") for line in result.stderr.splitlines()), result.stderr
    assert "unexpected" not in result.stderr
    assert integrity(data_dir) == "ok" and passage_counts(data_dir) == before


def test_a_full_disk_under_the_index_keeps_whole_articles_and_repairs(
    indexed_archive: Path,
    tmp_path: Path,
    big_articles: list[ArticleFile],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The index is written after the archive commits; when its disk is full the articles are
    still archived (the index is derived data) and the next start repairs the index."""
    data_dir = tmp_path / "data"
    shutil.copytree(indexed_archive, data_dir)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    library = Library.open(data_dir)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(SearchIndex, "_write", full_disk)
            outcomes = library.import_paths([f.path for f in big_articles])
        assert [o.status for o in outcomes] == ["imported"] * len(big_articles)
        assert not library.index_ready() and not library.check().ok
    finally:
        library.close()
    assert integrity(data_dir) == "ok" and half_written(data_dir, [big_articles]) == []
    assert len(passage_counts(data_dir)) == 4  # every file was archived
    assert run_cli(data_dir, "search", "NATO").returncode == 0  # repairs the index
    assert run_cli(data_dir, "check").returncode == 0


def test_the_index_reports_a_full_disk_in_one_line(tmp_path: Path, monkeypatch) -> None:
    index = SearchIndex(tmp_path / "index")

    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SearchIndex, "_build", no_room)
    with pytest.raises(SongNguError, match="Cannot write the search index in .*No space left"):
        index.rebuild([])


def test_full_database_in_process_fails_each_file_and_keeps_the_archive(
    indexed_archive: Path, tmp_path: Path, big_articles: list[ArticleFile]
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(indexed_archive, data_dir)
    before = passage_counts(data_dir)
    library = Library.open(data_dir)
    try:
        # Test hook: cap the file at its current size, as a full disk would.
        connection = library.store._db.conn
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        outcomes = library.import_paths([f.path for f in big_articles])
        assert [o.status for o in outcomes] == ["error"] * len(big_articles)
        assert all("full" in (o.error or "") and "\n" not in (o.error or "") for o in outcomes)
        assert passage_counts(data_dir) == before and library.check().ok
        connection.execute(f"PRAGMA max_page_count = {pages * 100}")
        assert [o.status for o in library.import_paths([big_articles[0].path])] == ["imported"]
    finally:
        library.close()
    assert integrity(data_dir) == "ok" and half_written(data_dir, [big_articles]) == []
