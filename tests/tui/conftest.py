"""Fixtures for driving the real app with Pilot: a fake clock, a store in tmp_path."""

from __future__ import annotations

import shutil
import time
from collections.abc import AsyncIterator, Callable

import aiohttp
import pytest
from driving import AGENDAS

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.settings.config import Config, Settings
from circlekeeper.sessions.settings.folders import ensure_private_dir
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.app import CircleKeeperApp, make_app


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Times of day on screen read the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.fixture(autouse=True)
def own_agendas(settings: Settings) -> None:
    """The tests' own agendas, beside the built-in ones, in the test's templates folder."""
    folder = ensure_private_dir(settings.folders.templates)
    for agenda in AGENDAS.glob("*.md"):
        shutil.copy(agenda, folder / agenda.name)


@pytest.fixture
def store(settings: Settings) -> SessionStore:
    """The session store in the test's own data folder."""
    return SessionStore.in_folders(settings.folders)


@pytest.fixture
def build_app(
    settings: Settings, store: SessionStore, clock: FakeClock
) -> Callable[..., CircleKeeperApp]:
    """Make the app as the CLI does, with the test's settings, store and clock."""

    def build(config: Config | None = None) -> CircleKeeperApp:
        app = make_app(settings._replace(config=config or Config()), store, clock)
        return app

    return build


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A phone's browser."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as client:
        yield client
