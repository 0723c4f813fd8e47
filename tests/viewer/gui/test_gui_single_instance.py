"""A second launch on the same archive brings the running window to the front instead of
opening a second writer; other archives are independent; a crashed viewer's socket is taken
over."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QLocalServer

from tests.conftest import REPO
from tests.viewer.gui.support import close_window, open_library, open_window, temp_settings
from viewer.gui.single_instance import SingleInstance, bring_to_front, claim, server_name


@pytest.fixture
def first(qapp, tmp_path: Path):
    instance = claim(tmp_path / "archive")
    assert instance is not None
    yield instance
    instance.close()


def test_a_second_claim_on_the_same_archive_wakes_the_first(qtbot, first, tmp_path) -> None:
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert claim(tmp_path / "archive") is None
    # The same folder spelled differently is the same archive.
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert claim(tmp_path / "other" / ".." / "archive") is None
    other = claim(tmp_path / "another-archive")
    assert other is not None
    other.close()


def test_the_running_window_comes_to_the_front(qtbot, tmp_path) -> None:
    library = open_library(tmp_path)
    instance = claim(library.data_dir)
    window = open_window(qtbot, library, temp_settings(tmp_path))
    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.showMinimized()
    assert window.windowState() & Qt.WindowState.WindowMinimized
    assert claim(library.data_dir) is None
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowMinimized, timeout=5000)
    assert window.isVisible()
    instance.close()
    close_window(window)
    library.close()


@pytest.mark.skipif(sys.platform == "win32", reason="a Unix socket file stands for the crash")
def test_a_socket_left_by_a_crash_is_taken_over(qtbot, qapp, tmp_path) -> None:
    data_dir = tmp_path / "archive"
    probe = SingleInstance(data_dir)
    assert probe.listen()
    path = probe.server.fullServerName()
    probe.close()
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(path)  # bound, never listening: what a killed viewer leaves behind
    try:
        instance = claim(data_dir)
        assert instance is not None and instance.server.isListening()
        with qtbot.waitSignal(instance.activation_requested, timeout=5000):
            assert SingleInstance(data_dir).notify_running()
        instance.close()
    finally:
        dead.close()


def test_a_second_songngu_process_exits_without_opening_the_archive(qtbot, first, tmp_path) -> None:
    data_dir = tmp_path / "archive"  # `first` serves it; the folder itself does not exist
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    second = subprocess.Popen(
        [sys.executable, "-m", "viewer.app", "--data-dir", str(data_dir)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with qtbot.waitSignal(first.activation_requested, timeout=30000):
        pass
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert "already open" in out and out.count("\n") == 1
    assert not data_dir.exists()  # no second writer: the archive was never opened


def test_names_differ_per_archive_and_fit_a_socket_path(tmp_path) -> None:
    a, b = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert a != b and a == server_name(tmp_path / "a")
    assert len(QLocalServer().fullServerName() + "/tmp/" + a) < 100
