"""The participant handout carries nothing facilitator-only, in any format.

Checked on the text each format writes (and on the parsed JSON): no facilitator-only
note, no question or support need, no guidance, opening words or part text, no debrief,
attendance, timing or session id.
"""

from __future__ import annotations

import json
import re

import pytest
from export_example import (
    DEBRIEF_TEXT,
    FACILITATOR_ONLY_TEXT,
    example_agenda,
    example_session,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import NoteKind, NoteSource
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.escape import markdown_text
from circlekeeper.sessions.export.formats import DOCUMENT_FORMATS
from circlekeeper.sessions.storage.record import SessionRecord

FORMATS = list(DOCUMENT_FORMATS)
AGENDA = example_agenda()


def texts_of(session: Session, fmt: Format) -> str:
    """The handout in ``fmt``; JSON is parsed and dumped again so escapes do not hide text."""
    text = render(summary_of(session, Audience.PARTICIPANTS), fmt)
    if fmt is Format.JSON:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    if fmt is Format.HTML:
        # The style sheet names the class of facilitator-only notes; it is not content.
        text = re.sub(r"<style>.*?</style>", "", text, flags=re.DOTALL)
    return text


@pytest.fixture(scope="module")
def session() -> Session:
    return example_session()


def facilitator_texts(session: Session) -> list[str]:
    """Every piece of text only the facilitator may see."""
    agenda = session.agenda
    debrief = session.debrief()
    assert debrief is not None
    texts = [debrief.how_it_went, debrief.follow_up, debrief.self_care]
    texts += [block.text for block in agenda.intro]
    for part in agenda.parts:
        texts += [block.text for block in (*part.text, *part.guidance)]
    texts += [
        note.text
        for note in session.notes()
        if note.facilitator_only or note.kind in (NoteKind.QUESTION, NoteKind.SUPPORT_NEED)
    ]
    return texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_facilitator_text_reaches_the_handout(session, fmt) -> None:
    handout = texts_of(session, fmt)
    secrets = facilitator_texts(session)
    assert FACILITATOR_ONLY_TEXT in secrets and DEBRIEF_TEXT in secrets
    for secret in secrets:
        assert secret not in handout
        # Markdown escapes some characters: look for the escaped form too.
        assert markdown_text(secret) not in handout
    for word in ("Facilitator", "facilitator", "Attendance", "Debrief", session.id, "drop-box"):
        assert word not in handout


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_handout_keeps_the_shared_themes_actions_prompts_and_resources(session, fmt) -> None:
    handout = texts_of(session, fmt).replace("\\\n  ", "\n")
    for note in session.notes():
        if note.kind in (NoteKind.THEME, NoteKind.ACTION) and not note.facilitator_only:
            for line in note.text.splitlines():
                assert line in handout
    assert "Speak from your own experience." in handout
    for resource in session.agenda.resources:
        assert resource.url in handout


NOTE = st.tuples(
    st.sampled_from(list(NoteKind)),
    st.booleans(),
    st.sampled_from(list(NoteSource)),
)


@settings(max_examples=25, deadline=None)
@given(st.lists(NOTE, min_size=1, max_size=12))
def test_whatever_notes_are_taken_only_shared_themes_and_actions_reach_it(notes) -> None:
    fresh = Session.create(
        SessionRecord(TinyDB(storage=MemoryStorage)),
        AGENDA,
        FakeClock(),
        session_id="s-2",
        attendance=6,
    )
    fresh.start()
    expected = []
    for n, (kind, private, source) in enumerate(notes):
        text = f"note-{n:02d}-{kind.value}-{'private' if private else 'shared'}"
        fresh.add_note(text, kind, facilitator_only=private, source=source)
        if n % 3 == 2 and fresh.part_index < len(fresh.agenda.parts) - 1:
            fresh.next_part()
        if kind in (NoteKind.THEME, NoteKind.ACTION) and not private:
            expected.append(text)
    for fmt in FORMATS:
        handout = texts_of(fresh, fmt)
        present = re.findall(r"note-\d\d-[a-z_]+-(?:private|shared)", handout)
        assert sorted(present) == sorted(expected)
