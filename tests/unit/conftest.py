"""Fixtures the drop-box's unit tests share: a running session, its open box, a phone.

A test module that needs a different session (one saved in a data folder, say) defines
its own ``session``, which pytest then uses instead, with the ``box`` here on top of it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from circlekeeper.sessions.dropbox import DropBox
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda, Part


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Session:
    """A session of a one-part agenda for 8 people, started, in the test's own folder."""
    handle = SessionStore(tmp_path / "sessions").create(clock.now())
    agenda = Agenda(name="test", title="Test", parts=(Part("Sharing", 30, line=1),))
    session = Session.create(handle.record, agenda, clock, session_id=handle.id, attendance=8)
    session.start()
    return session


@pytest.fixture
async def box(session: Session) -> AsyncIterator[DropBox]:
    """The session's drop-box, open on the loopback address until the test ends."""
    async with DropBox(session) as box:
        yield box


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A phone's browser."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as client:
        yield client
