"""Shared test set-up: Qt runs offscreen, every test gets its own data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "archive" / "data" / "3342-europes-next-war.txt"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir, also set as SONGNGU_DATA_DIR so nothing touches the user's own."""
    path = tmp_path / "data"
    monkeypatch.setenv("SONGNGU_DATA_DIR", str(path))
    return path
