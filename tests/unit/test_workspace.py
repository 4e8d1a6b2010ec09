"""Opening sessions for the app: start, reopen after a quit, read a finished one."""

from __future__ import annotations

import pytest

from circlekeeper.sessions.engine.crisis import HELPLINE_DIRECTORY, choose_crisis_resource
from circlekeeper.sessions.host import read_session, reopen_session, start_session
from circlekeeper.sessions.storage.folder import SessionLocked
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.sessions.templates.preview import preview_markdown


def test_start_quit_reopen_and_read(clock, library, folders) -> None:
    store = SessionStore.in_folders(folders)
    agenda = library.find("first-meeting")
    opened = start_session(store, agenda, clock, attendance=5, watch_names=["Maria"])
    opened.session.start()
    clock.advance(minutes=3)
    opened.session.add_note("Theme: wanting to be heard", "theme")
    session_id = opened.session.id
    # While it is open, no second window can take it, but it can still be read.
    with pytest.raises(SessionLocked):
        reopen_session(store, session_id, clock)
    assert read_session(store, session_id, clock).notes()[0].text == "Theme: wanting to be heard"
    opened.close()
    opened.close()  # twice is harmless

    again = reopen_session(store, session_id, clock)
    assert again.session.state.value == "paused"
    assert again.session.status().session_elapsed >= 3 * 60 - 1
    assert "Maria" not in again.handle.path.read_text()
    again.close()
    listed = store.list().sessions
    assert [s.id for s in listed] == [session_id]


def test_the_crisis_resource_is_the_organisations_then_the_agendas_then_built_in(library) -> None:
    agenda = library.find("first-meeting")
    own = Resource("Our crisis line", "tel:+4400000000", crisis=True)
    assert choose_crisis_resource([own], agenda).resource == own
    assert choose_crisis_resource([own], agenda).source == "organisation"
    from_agenda = choose_crisis_resource([Resource("x", "https://x.example")], agenda)
    assert from_agenda.source == "agenda" and from_agenda.resource == agenda.crisis_resource
    fallback = choose_crisis_resource()
    assert fallback.resource == HELPLINE_DIRECTORY and not fallback.configured


def test_the_preview_is_the_template_without_its_front_matter(library) -> None:
    agenda = library.find("first-meeting")
    text = preview_markdown(agenda)
    assert text.startswith(f"# {agenda.title}")
    assert "summary:" not in text
    assert "## Resources" in text
