"""Fixtures shared by every test: each test gets its own data, config and export folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.settings import folders as paths
from circlekeeper.sessions.settings.config import Settings
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.templates.library import TemplateLibrary


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point every circlekeeper folder into the test's temporary folder.

    The environment variables reach the commands a test runs, in a subprocess or
    through the command line's root group; code called directly is handed the same
    folders by the ``folders`` and ``settings`` fixtures.
    """
    folders = Folders.under(tmp_path)
    assert folders.exports is not None
    dirs = {
        "data": folders.data,
        "config": folders.config,
        "templates": folders.templates,
        "exports": folders.exports,
        "cache": folders.cache,
    }
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(dirs["data"]))
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(dirs["config"]))
    monkeypatch.setenv(paths.TEMPLATES_DIR_ENV, str(dirs["templates"]))
    monkeypatch.setenv(paths.EXPORTS_DIR_ENV, str(dirs["exports"]))
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(dirs["cache"]))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return dirs


@pytest.fixture
def folders(tmp_path: Path) -> Folders:
    """The test's own folders, the same ones ``isolated_dirs`` names in the environment."""
    return Folders.under(tmp_path)


@pytest.fixture
def settings(folders: Folders) -> Settings:
    """Default settings in the test's own folders; no region hint, so phone numbers are
    read as in the fallback region whatever the machine's locale."""
    return Settings(folders)


@pytest.fixture
def library(folders: Folders) -> TemplateLibrary:
    """The template library of the test's own folders."""
    return TemplateLibrary.in_folders(folders)


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when the test says so."""
    return FakeClock()


@pytest.fixture(autouse=True)
def c_locale(monkeypatch: pytest.MonkeyPatch):
    """Run every test in the C locale, English and 24-hour, whatever the machine's is.

    A test of another language sets ``LANG`` itself; the language the command line chose
    for a test is put back afterwards, so the next test on the worker starts in English.
    """
    from circlekeeper.sessions.languages.language import Language
    from circlekeeper.sessions.languages.speaking import use_language

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    use_language(Language())
