"""Session files written by earlier versions still list, resume and export unchanged.

Each folder in ``fixtures/sessions/`` is named for the schema version of the file it holds
and keeps one real session file, byte for byte as the app wrote it, beside the handout and
the record it exported (``exports/``). The ``schema-1`` file is an evening of the built-in
open sharing circle, run to its end by the engine before the engine was reshaped: seven
parts, a check-in round where one person passed, a pause and a change of attendance,
notes of every kind (one facilitator-only, one redacted), a resource added and shown, a
rebalance, and a debrief.

Never regenerate a session file here: it stands for files that facilitators already
have. When a summary changes on purpose, rewrite the export goldens with::

    CIRCLEKEEPER_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_saved_session_files.py

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from engine_support import new_session

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.events import SessionState
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.storage.record import SCHEMA_VERSION
from circlekeeper.sessions.storage.session_store import SessionStore

UPDATE = os.environ.get("CIRCLEKEEPER_UPDATE_GOLDEN") == "1"

SAVED = Path(__file__).parent / "fixtures" / "sessions"
FOLDERS = sorted(SAVED.glob("schema-*"))
EXPORTS = [(audience, fmt) for audience in Audience for fmt in Format]


def session_file(folder: Path) -> Path:
    """The one session file a fixture folder holds."""
    (path,) = folder.glob("*.json")
    return path


@pytest.fixture(params=FOLDERS, ids=[folder.name for folder in FOLDERS])
def saved(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[SessionStore, str, Path]:
    """A sessions folder holding a copy of one saved session file: store, id, fixture folder."""
    folder: Path = request.param
    source = session_file(folder)
    root = tmp_path / "sessions"
    root.mkdir()
    shutil.copyfile(source, root / source.name)
    return SessionStore(root), source.stem, folder


def ended_refusal() -> str:
    """What adding a note after the end says in a session made by today's engine."""
    session = new_session(FakeClock())
    session.start()
    session.end()
    with pytest.raises(SessionError) as refused:
        session.add_note("A word after the end")
    return str(refused.value)


def test_there_is_a_saved_file_of_todays_schema() -> None:
    assert f"schema-{SCHEMA_VERSION}" in [folder.name for folder in FOLDERS]


def test_a_saved_file_says_its_schema_version_in_its_folder_name(saved) -> None:
    store, session_id, folder = saved
    data = json.loads(store.path_of(session_id).read_text(encoding="utf-8"))
    assert folder.name == f"schema-{data['meta']['1']['schema']}"


def test_a_saved_session_is_listed_with_its_title_and_state(saved) -> None:
    store, session_id, _ = saved
    listing = store.list()
    assert listing.damaged == []
    (summary,) = listing.sessions
    assert summary.id == session_id
    assert summary.title == "An open sharing circle"
    assert summary.state == "ended"


def test_a_saved_session_resumes_read_only_as_it_ended(saved) -> None:
    store, session_id, _ = saved
    session = Session.resume(store.read(session_id), FakeClock(), read_only=True)
    assert session.state is SessionState.ENDED
    assert session.attendance == 8
    assert len(session.agenda.parts) == 7
    assert len(session.notes()) == 6
    assert len(session.notes(include_facilitator_only=False)) == 5
    assert [r.title for r in session.resources()][-1] == "Staff wellbeing hub"
    debrief = session.debrief()
    assert debrief is not None and debrief.follow_up == "Call to offer a one-to-one"
    with pytest.raises(SessionError, match="reading only"):
        session.delete_note(session.notes()[0].id)


def test_a_saved_session_reopens_for_writing_and_refuses_a_note_after_its_end(saved) -> None:
    store, session_id, _ = saved
    before = store.path_of(session_id).read_bytes()
    with store.open(session_id) as handle:
        session = Session.resume(handle.record, FakeClock(), index=store.update_index)
        assert session.state is SessionState.ENDED
        with pytest.raises(SessionError) as refused:
            session.add_note("A word after the end")
        assert str(refused.value) == ended_refusal()
        session.heartbeat()
    assert store.path_of(session_id).read_bytes() == before


@pytest.mark.parametrize(
    ("audience", "fmt"), EXPORTS, ids=[f"{a.document}-{f.value}" for a, f in EXPORTS]
)
def test_a_saved_session_exports_exactly_as_it_did(saved, audience, fmt) -> None:
    store, session_id, folder = saved
    session = Session.resume(store.read(session_id), FakeClock(), read_only=True)
    text = render(summary_of(session, audience), fmt)
    golden = folder / "exports" / f"{audience.document}.{fmt.value}"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text.encode("utf-8") == golden.read_bytes()
