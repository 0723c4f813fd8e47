"""A damaged or unreadable archive database is never written to: one clear line, same bytes.

The database is the only copy of the user's work, so unlike the index it is never "repaired"
by replacing it. Every way in — opening the library, listing, searching, importing — must
stop with one line naming the file, and leave the file exactly as it was.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from archive.errors import StoreError
from archive.paths import database_path
from archive.storage.backup import backup_database, backups_dir
from tests.reliability.corpus import write_articles
from viewer.cli import main
from viewer.library import Library

Damage = Callable[[Path], None]


@pytest.fixture(scope="module")
def healthy_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("healthy")
    files = write_articles(root / "articles", 6, paragraphs=8)
    library = Library.open(root / "data")
    library.import_paths([f.path for f in files])
    library.close()
    return root / "data"


@pytest.fixture
def data_dir(healthy_archive: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(healthy_archive, copy)
    return copy


def random_bytes(db: Path) -> None:
    db.write_bytes(bytes(range(256)) * 64)


def garbled_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[0:16] = b"not a database!!"
    db.write_bytes(bytes(data))


def garbled_schema_page(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xde\xad" * 1998
    db.write_bytes(bytes(data))


def truncated_to_a_third(db: Path) -> None:
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 3])


def garbled_table_pages(db: Path) -> None:
    data = bytearray(db.read_bytes())
    # Every page after the schema page (every other page once found the articles table, but
    # which pages hold which table depends on the schema: version 4 rebuilt `passages`).
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 8 : page * 4096 + 600] = b"\xff" * 592
    db.write_bytes(bytes(data))


def garbled_last_page(db: Path) -> None:
    """Damage an opening never reads: found only by a query that reaches that page."""
    data = bytearray(db.read_bytes())
    data[-4096 + 8 : -8] = b"\xff" * (4096 - 16)
    db.write_bytes(bytes(data))


def garbled_last_page_structure(db: Path) -> None:
    """Damage to the last page's own header and pointers, which opening never reads."""
    data = bytearray(db.read_bytes())
    data[-4096:-8] = b"\xff" * (4096 - 8)
    db.write_bytes(bytes(data))


DAMAGE_SEEN_ON_OPENING = [
    random_bytes,
    garbled_header,
    garbled_schema_page,
    truncated_to_a_third,
    garbled_table_pages,
]
COMMANDS = [["list"], ["search", "NATO"], ["check"], ["reindex"], ["show", "1"]]


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, err


def _assert_one_line_naming(message: str, path: Path) -> None:
    assert message.count("\n") <= 1 and "Traceback" not in message, message
    assert str(path) in message, message
    assert "unexpected" not in message, message


@pytest.mark.parametrize("damage", DAMAGE_SEEN_ON_OPENING, ids=lambda d: d.__name__)
def test_library_refuses_a_damaged_database_without_writing(data_dir: Path, damage: Damage) -> None:
    db = database_path(data_dir)
    damage(db)
    before = db.read_bytes()
    with pytest.raises(StoreError) as raised:
        library = Library.open(data_dir)
        library.close()
    _assert_one_line_naming(str(raised.value), db)
    assert db.read_bytes() == before


@pytest.mark.parametrize("damage", DAMAGE_SEEN_ON_OPENING, ids=lambda d: d.__name__)
def test_cli_commands_on_a_damaged_database_fail_in_one_line_without_writing(
    data_dir: Path, damage: Damage, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = database_path(data_dir)
    damage(db)
    before = db.read_bytes()
    new_file = write_articles(tmp_path / "new", 1, first=7000)[0].path
    for args in [*COMMANDS, ["import", str(new_file)]]:
        code, message = _run(data_dir, capsys, *args)
        assert code == 2, (args, message)
        _assert_one_line_naming(message, db)
        assert db.read_bytes() == before, args


def test_reads_past_unseen_damage_fail_in_one_line_without_writing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Intact parts may still be read; a read that reaches the damage is one line, no write."""
    db = database_path(data_dir)
    garbled_last_page(db)
    before = db.read_bytes()
    failures = 0
    for args in [*COMMANDS, *(["show", str(i)] for i in range(2, 8))]:
        code, stderr = _run(data_dir, capsys, *args)
        errors = [line for line in stderr.splitlines() if not line.startswith("Building")]
        if errors:
            failures += 1
            assert code == 2 and len(errors) == 1, (args, stderr)
            _assert_one_line_naming(errors[0], db)
        assert db.read_bytes() == before, args
    assert failures  # the damage was reached


def test_unseen_damage_message_is_short(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbled_last_page(database_path(data_dir))
    messages = [_run(data_dir, capsys, "show", str(i))[1] for i in range(1, 8)]
    assert max(len(m) for m in messages) < 300, max(messages, key=len)


def test_import_into_a_database_with_unseen_damage_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Structural damage that opening never reads is found (quick_check) before the first write.
    (Garbage inside a stored text is only found when that text is read: see the test above.)"""
    db = database_path(data_dir)
    garbled_last_page_structure(db)
    before = db.read_bytes()
    new_file = write_articles(tmp_path / "new", 1, first=7000)[0].path
    code, message = _run(data_dir, capsys, "import", str(new_file))
    assert db.read_bytes() == before
    assert code == 2
    _assert_one_line_naming(message, db)


def test_database_path_that_is_a_folder_is_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database_path(data_dir)
    db.unlink()
    db.mkdir()
    code, message = _run(data_dir, capsys, "list")
    assert code == 2
    _assert_one_line_naming(message, db)


def test_the_message_names_the_automatic_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database_path(data_dir)
    copy = backup_database(db, backups_dir(db).mkdir() or backups_dir(db))
    garbled_schema_page(db)
    code, message = _run(data_dir, capsys, "list")
    assert code == 2
    _assert_one_line_naming(message, db)
    assert str(copy) in message
