"""`songngu` options: --version, --self-test delegation, and one-line errors with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import __version__
from viewer import app


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--version"]) == 0
    assert capsys.readouterr().out == f"songngu {__version__}\n"


@pytest.mark.parametrize("argv", [["--bogus"], ["--data-dir"]])
def test_bad_options_give_one_line_and_exit_2(argv, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        code = app.main(argv)
        raise SystemExit(code)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("songngu: ") and err.count("\n") == 1 and "Traceback" not in err


def test_unopenable_data_dir_is_one_line_and_exit_2(qapp, tmp_path: Path, capsys) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("I am a file", encoding="utf-8")
    assert app.main(["--data-dir", str(not_a_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("songngu: cannot open the archive") and err.count("\n") == 1


def test_self_test_delegates(monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.gui import selftest

    monkeypatch.setattr(selftest, "run_self_test", lambda: 3)
    assert app.main(["--self-test"]) == 3
