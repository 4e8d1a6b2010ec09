"""Fixtures for driving the real app with Pilot: a fake clock, a store in tmp_path."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import pytest

from circlekeeper.sessions.config import Config, Settings
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.app import CircleKeeperApp, make_app


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Times of day on screen read the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


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
        app = make_app(replace(settings, config=config or Config()), store, clock)
        return app

    return build
