"""`songngu --self-test` passes on a working build and names the step that broke otherwise."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from index.results import SearchHit, SearchResults
from viewer.gui import selftest
from viewer.library import Library

REPO = Path(__file__).resolve().parents[3]


def run(qapp) -> tuple[int, str]:
    out = io.StringIO()
    code = selftest.run_self_test(out)
    return code, out.getvalue()


def fake_search(hits: list[SearchHit]):
    def search(self, query, lang="all", limit=20, exact_diacritics=False):
        return SearchResults(query=query, total=len(hits), hits=hits)

    return search


def test_self_test_passes_on_this_checkout(qapp, data_dir: Path) -> None:
    code, report = run(qapp)
    assert code == 0, report
    assert not data_dir.exists()  # it worked in a temp dir, not in the configured archive
    for step, _ in selftest._STEPS:
        assert f"ok    {step}" in report
    assert "<mark>" not in report.splitlines()[-1]
    assert report.rstrip().splitlines()[-1].startswith("self-test passed")


def test_fresh_process_forces_offscreen_platform(tmp_path: Path) -> None:
    # No display and a platform that needs one: the self-test must still run offscreen.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [sys.executable, "-m", "viewer.gui.selftest"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "offscreen" in result.stdout.splitlines()[0]
    assert "propagateSizeHints" not in result.stdout + result.stderr  # no platform noise


def test_only_the_offscreen_noise_is_silenced(qapp, qtlog) -> None:
    # pytest-qt's own message handler is the one in place: the others must still reach it.
    from PySide6.QtCore import qWarning

    with selftest.quiet_offscreen_noise():
        qWarning("This plugin does not support propagateSizeHints()")
        qWarning("a real problem")
    qWarning("after the self-test")
    messages = [record.message for record in qtlog.records]
    assert messages == ["a real problem", "after the self-test"]


def test_no_hits_fails_the_vietnamese_search_step(qapp, monkeypatch) -> None:
    monkeypatch.setattr(Library, "search", fake_search([]))
    code, report = run(qapp)
    assert code == 1
    assert '  FAIL  search vi  "chien tranh" found no vi hits' in report
    assert report.rstrip().endswith("self-test FAILED at search vi")
    assert "ok    window" not in report


def test_hits_without_the_words_marked_fail(qapp, monkeypatch) -> None:
    hit = SearchHit(
        article_id=1,
        lang="vi",
        passage=0,
        kind="paragraph",
        text="cuộc chiến tranh",
        snippet="cuộc <mark>chiến</mark> tranh",
        score=1.0,
        spans=[(5, 10)],
    )
    monkeypatch.setattr(Library, "search", fake_search([hit]))
    code, report = run(qapp)
    assert code == 1
    assert "no vi snippet highlights chiến and tranh" in report


def test_blank_window_fails_the_window_step(qapp, monkeypatch) -> None:
    monkeypatch.setattr(selftest, "create_main_window", lambda library, settings: QWidget())
    code, report = run(qapp)
    assert code == 1
    assert "FAIL  window" in report and "rendered blank" in report


def test_window_without_the_sample_fails_the_window_step(qapp, monkeypatch) -> None:
    def unrelated_window(library, settings):
        window = QWidget()
        QVBoxLayout(window).addWidget(QTextEdit("Lorem ipsum dolor sit amet " * 40))
        return window

    monkeypatch.setattr(selftest, "create_main_window", unrelated_window)
    code, report = run(qapp)
    assert code == 1
    assert "FAIL  window" in report and "does not show the sample article" in report


def test_missing_translations_fail_the_resources_step(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(selftest, "translations_dir", lambda: tmp_path)
    code, report = run(qapp)
    assert code == 1
    assert "FAIL  resources  no compiled translations" in report


def test_distinct_colours_tells_blank_from_drawn(qapp) -> None:
    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(QColor("#f0f0f0"))
    assert selftest.distinct_colours(blank) == 1

    drawn = QImage(blank)
    painter = QPainter(drawn)
    gradient = QLinearGradient(0, 0, 200, 0)
    gradient.setColorAt(0, QColor("#000000"))
    gradient.setColorAt(1, QColor("#ffffff"))
    painter.fillRect(0, 0, 200, 100, gradient)
    painter.end()
    assert selftest.distinct_colours(drawn) > selftest.MIN_DISTINCT_COLOURS
    assert selftest.distinct_colours(QImage()) == 0


def test_without_another_handler_the_other_messages_reach_stderr() -> None:
    script = (
        "from PySide6.QtCore import qWarning\n"
        "from viewer.gui.selftest import quiet_offscreen_noise\n"
        "with quiet_offscreen_noise():\n"
        "    qWarning('This plugin does not support propagateSizeHints()')\n"
        "    qWarning('a real problem')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "propagateSizeHints" not in result.stderr
    assert "a real problem" in result.stderr
