"""A damaged, missing or locked index is found and rebuilt by the next CLI search.

The index is derived data: whatever happens to its files, `songngu-cli search` must answer
(after rebuilding from the archive) and `songngu-cli check` must then pass. Damage that makes
the index disagree with the archive must be reported by `check` before the repair.
"""

from __future__ import annotations

import random
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from archive.paths import index_path
from tests.reliability.corpus import write_articles
from tests.reliability.lock_holders import hold_index_writer
from viewer.cli import main
from viewer.library import Library

Damage = Callable[[Path], None]


@pytest.fixture(scope="module")
def indexed_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the sample and two articles, indexed; tests damage copies of it."""
    root = tmp_path_factory.mktemp("indexed")
    files = write_articles(root / "articles", 2, paragraphs=4)
    library = Library.open(root / "data")
    try:
        library.import_paths([f.path for f in files])
        library.ensure_index()
        assert library.check().ok
    finally:
        library.close()
    return root / "data"


@pytest.fixture
def data_dir(indexed_archive: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(indexed_archive, copy)
    return copy


# A segment is several files (terms, postings, columns), not one compound .seg file: the
# index writes separate files (see index/bulk_segment.py). The lock file has no dot.
SEGMENT_FILES = "MAIN_*.*"


def _files(data_dir: Path, pattern: str) -> list[Path]:
    found = sorted(index_path(data_dir).glob(pattern))
    assert found, f"no {pattern} in the index"
    return found


def truncate_segments(data_dir: Path) -> None:
    for segment in _files(data_dir, SEGMENT_FILES):
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])


def empty_segments(data_dir: Path) -> None:
    for segment in _files(data_dir, SEGMENT_FILES):
        segment.write_bytes(b"")


def garble_segments(data_dir: Path) -> None:
    rng = random.Random(8)
    for segment in _files(data_dir, SEGMENT_FILES):
        data = bytearray(segment.read_bytes())
        for _ in range(len(data) // 50):
            data[rng.randrange(len(data))] = rng.randrange(256)
        segment.write_bytes(bytes(data))


def garble_toc(data_dir: Path) -> None:
    for toc in _files(data_dir, "*.toc"):
        toc.write_bytes(b"\x00garbage" * 40)


def delete_toc(data_dir: Path) -> None:
    for toc in _files(data_dir, "*.toc"):
        toc.unlink()


def delete_segments(data_dir: Path) -> None:
    for segment in _files(data_dir, SEGMENT_FILES):
        segment.unlink()


def delete_index_dir(data_dir: Path) -> None:
    shutil.rmtree(index_path(data_dir))


def index_dir_is_a_file(data_dir: Path) -> None:
    shutil.rmtree(index_path(data_dir))
    index_path(data_dir).write_text("not a folder", encoding="utf-8")


def garble_version_stamp(data_dir: Path) -> None:
    _files(data_dir, "songngu-index.json")[0].write_text("{not json", encoding="utf-8")


DETECTED_DAMAGE = [
    truncate_segments,
    empty_segments,
    garble_segments,
    garble_toc,
    delete_toc,
    delete_segments,
    delete_index_dir,
    garble_version_stamp,
]


def _cli(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out + err


def _assert_search_repairs(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _cli(data_dir, capsys, "search", "NATO")
    assert code == 0, output
    assert "match(es) for 'NATO'" in output
    code, output = _cli(data_dir, capsys, "check")
    assert code == 0, output


@pytest.mark.parametrize("damage", DETECTED_DAMAGE, ids=lambda d: d.__name__)
def test_damaged_index_is_reported_then_rebuilt_by_the_next_search(
    data_dir: Path, damage: Damage, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(data_dir)
    code, output = _cli(data_dir, capsys, "check")
    assert code == 1, output
    _assert_search_repairs(data_dir, capsys)


def test_index_path_taken_by_a_file_is_a_one_line_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index_dir_is_a_file(data_dir)
    code, output = _cli(data_dir, capsys, "search", "NATO")
    assert code == 2
    assert output.count("\n") == 1 and output.startswith("error:")
    assert "unexpected" not in output and str(index_path(data_dir)) in output


def test_lock_left_by_a_killed_writer_does_not_block(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = hold_index_writer(index_path(data_dir))
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    assert (index_path(data_dir) / "MAIN_WRITELOCK").exists()  # the stale lock file stays
    code, output = _cli(data_dir, capsys, "reindex")
    assert code == 0, output
    _assert_search_repairs(data_dir, capsys)


def test_lock_file_with_garbage_in_it_does_not_block(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (index_path(data_dir) / "MAIN_WRITELOCK").write_text("pid 99999 (dead)", encoding="utf-8")
    code, output = _cli(data_dir, capsys, "reindex")
    assert code == 0, output
    _assert_search_repairs(data_dir, capsys)
