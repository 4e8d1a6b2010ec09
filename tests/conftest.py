"""Fixtures shared by every test: each test gets its own data, config and export folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper.sessions import paths
from circlekeeper.sessions.engine.clock import FakeClock


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point every circlekeeper folder into the test's temporary folder."""
    dirs = {
        "data": tmp_path / "data",
        "config": tmp_path / "config",
        "templates": tmp_path / "config" / "templates",
        "exports": tmp_path / "exports",
        "cache": tmp_path / "cache",
    }
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(dirs["data"]))
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(dirs["config"]))
    monkeypatch.setenv(paths.TEMPLATES_DIR_ENV, str(dirs["templates"]))
    monkeypatch.setenv(paths.EXPORTS_DIR_ENV, str(dirs["exports"]))
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(dirs["cache"]))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return dirs


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when the test says so."""
    return FakeClock()
