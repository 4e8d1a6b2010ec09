"""The session host: one owner for the open session, its drop-box and the resources."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from circlekeeper.sessions.dropbox import CardKind, DropBox
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.events import SessionError
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.host import SessionHost
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda, Part
from circlekeeper.sessions.templates.errors import TemplateError

AGENDA = Agenda(
    name="host-test",
    title="A host test",
    parts=(
        Part(title="Welcome", minutes=10, line=1),
        Part(title="Check-in", minutes=15, line=2, round_minutes=2),
    ),
)


@pytest.fixture
def store(folders: Folders) -> SessionStore:
    """The session store in the test's own data folder."""
    return SessionStore.in_folders(folders)


@pytest.fixture
def host(store: SessionStore, clock: FakeClock) -> SessionHost:
    """A host over a store in the test's own data folder."""
    return SessionHost(store, clock)


def test_a_started_session_is_held_locked_until_closed(host: SessionHost) -> None:
    session = host.start(AGENDA, attendance=5, watch_names=["Maria"])
    assert host.session is session and host.agenda is AGENDA
    # Locked: another window cannot open it while this host holds it.
    with pytest.raises(SESSION_PROBLEMS):
        host.store.open(session.id)
    host.close_soon()
    assert host.session is None
    host.store.open(session.id).close()


def test_one_session_at_a_time(host: SessionHost) -> None:
    host.start(AGENDA, attendance=5)
    with pytest.raises(SessionError, match="open first"):
        host.start(AGENDA, attendance=5)


def test_a_reopened_session_carries_on_and_a_read_one_changes_nothing(
    host: SessionHost, clock: FakeClock
) -> None:
    session = host.start(AGENDA, attendance=5)
    session.toggle()
    clock.advance(minutes=3)
    host.close_soon()  # the running time not yet written is saved as it goes

    read = host.read(session.id)
    assert read.read_only and host.session is None
    again = host.reopen(session.id)
    assert again.id == session.id and host.session is again
    assert again.status().session_elapsed >= 180


async def test_closing_stops_the_drop_box_before_releasing_the_file(host: SessionHost) -> None:
    told: list[DropBox | None] = []
    host.on_dropbox_changed = told.append
    session = host.start(AGENDA, attendance=5)
    box = await host.open_dropbox([CardKind.QUESTION], "127.0.0.1")
    assert box.is_open and host.dropbox is box and told == [box]

    order: list[str] = []
    real_close, real_release = box.close, host.release

    async def close() -> None:
        order.append("drop-box")
        await real_close()

    def release() -> None:
        order.append("file")
        real_release()

    box.close = close  # type: ignore[method-assign]
    host.release = release  # type: ignore[method-assign]
    assert await host.close() == 0
    assert order == ["drop-box", "file"]
    assert not box.is_open and host.dropbox is None and told[-1] is None
    # Twice is harmless.
    assert await host.close() == 0
    host.store.open(session.id).close()


async def test_a_closed_drop_box_keeps_its_cards_and_opens_again_with_a_new_link(
    host: SessionHost,
) -> None:
    host.start(AGENDA, attendance=5)
    box = await host.open_dropbox([CardKind.QUESTION], "127.0.0.1")
    first = box.url
    await host.close_dropbox()
    assert not box.is_open and host.dropbox is box
    again = await host.open_dropbox([CardKind.QUESTION, CardKind.TOPIC], "127.0.0.1")
    assert again is box and box.url != first and CardKind.TOPIC in box.kinds
    await host.close()


async def test_closing_soon_lets_the_drop_box_go_and_stops_its_server_after(
    host: SessionHost,
) -> None:
    host.start(AGENDA, attendance=5)
    box = await host.open_dropbox([CardKind.QUESTION], "127.0.0.1")
    assert host.close_soon() == 0
    assert host.dropbox is None and host.session is None
    await host.close()  # waits for the server that was stopping
    assert not box.is_open


async def test_a_drop_box_needs_an_open_session(host: SessionHost) -> None:
    with pytest.raises(SessionError):
        await host.open_dropbox([CardKind.QUESTION], "127.0.0.1")


def test_resources_are_read_once_and_a_problem_is_reported_not_raised(
    tmp_path: Path, store: SessionStore, clock: FakeClock
) -> None:
    good = tmp_path / "resources.md"
    good.write_text("# Ours\n\n- [Our line](tel:+441234567890) (crisis)\n", encoding="utf-8")
    host = SessionHost(store, clock, resources_file=good)
    assert [r.title for r in host.org_resources] == ["Our line"]
    good.unlink()
    assert [r.title for r in host.org_resources] == ["Our line"]  # read on first use only

    bad = tmp_path / "bad.md"
    bad.write_text("# Ours\n\nno links here\n", encoding="utf-8")
    problems: list[TemplateError] = []
    host = SessionHost(store, clock, resources_file=bad, on_resources_problem=problems.append)
    assert host.org_resources == ()
    assert host.org_resources == ()
    assert len(problems) == 1 and "no resources" in str(problems[0])


def test_an_open_follow_up_is_listed_until_it_is_marked_done(
    host: SessionHost, clock: FakeClock
) -> None:
    session = host.start(AGENDA, attendance=5)
    session.start()
    session.crisis()
    due = (clock.now() + timedelta(days=1)).date()
    session.save_follow_through("room", ["signposted"], due, debrief=True)
    session.end()
    host.close_soon()
    # A new launch: the listing (from the index) names what is due, without the events.
    (listed,) = SessionStore(host.store.path_of(session.id).parent).list().sessions
    assert listed.follow_up_due == due
    assert host.follow_up_done(session.id) == 1
    (listed,) = host.store.list().sessions
    assert listed.follow_up_due is None
    assert host.read(session.id).follow_throughs[0].done_at == clock.now()
    with pytest.raises(SessionError, match="no crisis follow-up"):
        host.follow_up_done(session.id)
