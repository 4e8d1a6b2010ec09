"""The facilitator's side: approving cards into notes on disk, the scale, closing, anonymity.

Cards are sent over real HTTP to a real server on 127.0.0.1; the session is saved in a
real file, which the assertions read back from disk.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from circlekeeper.sessions.dropbox import CardKind, DropBox, DropBoxError, UnknownCard
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import NoteKind, NoteSource
from circlekeeper.sessions.engine.session import NoteFlagged, Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.storage.session_file import read_session
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda, Part

PHONE = "Mozilla/5.0 (Linux; Android 14; phone-of-participant-7) Mobile"


@pytest.fixture
def saved(tmp_path: Path, clock: FakeClock) -> tuple[Session, Path]:
    handle = SessionStore(tmp_path / "sessions").create(clock.now())
    agenda = Agenda(
        name="test", title="Test", parts=(Part("Check-in", 10, line=1), Part("Sharing", 30, line=2))
    )
    session = Session.create(
        handle.record, agenda, clock, session_id=handle.id, attendance=8, watch_list=["Maria"]
    )
    session.start()
    session.next_part()
    return session, handle.path


@pytest.fixture
def session(saved: tuple[Session, Path]) -> Session:
    return saved[0]


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout, headers={"User-Agent": PHONE}) as client:
        yield client


async def send(http: aiohttp.ClientSession, box: DropBox, **fields: str) -> None:
    assert box.url is not None
    response = await http.post(box.url, data=fields, allow_redirects=False)
    assert response.status == 303, await response.text()


def notes_on_disk(path: Path) -> list[dict]:
    """The notes on disk: in the session's file and the journal of its actions since."""
    found = read_session(path)
    assert found is not None
    return list(found[0].get("notes", {}).values())


def only(box: DropBox, kind: CardKind) -> str:
    (card,) = [c for c in box.open_queue() if c.kind is kind]
    return card.id


async def test_approved_cards_become_drop_box_notes_on_disk(
    saved: tuple[Session, Path], box: DropBox, http: aiohttp.ClientSession
) -> None:
    session, path = saved
    await send(http, box, kind="question", text="How do others say no?")
    await send(http, box, kind="topic", text="Sleep")
    await send(http, box, kind="how-i-am", scale="2", text="Worn out this week")
    question = box.approve(only(box, CardKind.QUESTION))
    topic = box.approve(only(box, CardKind.TOPIC), "Sleep and rest")
    words = box.approve(only(box, CardKind.HOW_I_AM))
    assert box.waiting_count() == 0
    assert [(n.kind, n.text, n.facilitator_only, n.part) for n in (question, topic, words)] == [
        (NoteKind.QUESTION, "How do others say no?", False, 1),
        (NoteKind.PARKED, "Sleep and rest", False, 1),
        (NoteKind.SUPPORT_NEED, "Worn out this week", True, 1),
    ]
    on_disk = notes_on_disk(path)
    assert [(n["text"], n["source"]) for n in on_disk] == [
        ("How do others say no?", "drop-box"),
        ("Sleep and rest", "drop-box"),
        ("Worn out this week", "drop-box"),
    ]
    assert all(n.source is NoteSource.DROP_BOX for n in session.notes())
    # The number chosen on the how-I-am card never reached the record: the notes hold
    # what any note holds, and nothing else.
    assert all(n.keys() == words.to_dict().keys() for n in on_disk)
    assert "scale" not in path.read_text()


async def test_a_card_with_personal_data_waits_for_the_facilitators_choice(
    saved: tuple[Session, Path], box: DropBox, http: aiohttp.ClientSession
) -> None:
    session, path = saved
    await send(http, box, kind="question", text="Maria, can you mail me at sam@example.org?")
    (card,) = box.open_queue()
    assert [f.kind for f in card.findings] == ["name", "email"]
    with pytest.raises(NoteFlagged):
        box.approve(card.id)
    assert box.waiting_count() == 1 and notes_on_disk(path) == []
    note = box.approve(card.id, redact=True)
    assert note.text == "[name removed], can you mail me at [email removed]?"
    assert notes_on_disk(path)[0]["text"] == note.text
    await send(http, box, kind="question", text="Ask Maria")
    (card,) = box.open_queue()
    kept = box.approve(card.id, keep=True, facilitator_only=True)
    assert (kept.kept, kept.facilitator_only) == (("name",), True)


async def test_discarded_cards_reach_nothing(
    saved: tuple[Session, Path], box: DropBox, http: aiohttp.ClientSession
) -> None:
    session, path = saved
    await send(http, box, kind="question", text="Unkind words")
    (card,) = box.open_queue()
    box.discard(card.id)
    assert box.open_queue() == [] and session.notes() == [] and notes_on_disk(path) == []
    assert "Unkind words" not in path.read_text()
    with pytest.raises(UnknownCard):
        box.approve(card.id)
    with pytest.raises(UnknownCard):
        box.discard(card.id)
    await send(http, box, kind="question", text="Something")
    (card,) = box.open_queue()
    with pytest.raises(SessionError, match="empty"):
        box.approve(card.id, "   ")
    assert box.waiting_count() == 1


async def test_the_scale_is_saved_only_as_counts_from_three_answers(
    saved: tuple[Session, Path], box: DropBox, http: aiohttp.ClientSession
) -> None:
    session, path = saved
    await send(http, box, kind="how-i-am", scale="1")
    await send(http, box, kind="how-i-am", scale="4")
    assert box.scale_summary() is None
    with pytest.raises(DropBoxError, match="only from 3 answers; 2 so far"):
        box.approve_scale()
    assert notes_on_disk(path) == []
    await send(http, box, kind="how-i-am", scale="4")
    summary = box.scale_summary()
    assert summary is not None and summary.counts == (1, 0, 0, 2, 0)
    note = box.approve_scale()
    assert (note.kind, note.source, note.facilitator_only) == (
        NoteKind.THEME,
        NoteSource.DROP_BOX,
        True,
    )
    assert [n["text"] for n in notes_on_disk(path)] == [summary.text]
    assert (box.scale_answers(), box.scale_summary()) == (0, None)


async def test_the_screen_is_told_a_count_changed_and_nothing_else(
    session: Session, http: aiohttp.ClientSession
) -> None:
    calls: list[tuple] = []
    async with DropBox(session, on_card=lambda *args: calls.append(args)) as box:
        await send(http, box, kind="question", text="one")
        await send(http, box, kind="how-i-am", scale="3")
        await asyncio.sleep(0)
    assert calls == [(), ()]


async def test_closing_stops_the_server_and_reopening_makes_the_old_link_useless(
    box: DropBox, http: aiohttp.ClientSession
) -> None:
    assert box.url is not None and box.is_open
    first = box.url
    await send(http, box, kind="question", text="Before closing")
    port = int(first.rsplit(":", 1)[1].split("/")[0])
    await box.close()
    assert (box.is_open, box.url, box.reach) == (False, None, "")
    with pytest.raises(aiohttp.ClientConnectorError):
        await http.get(first)
    assert box.waiting_count() == 1, "cards still waiting stay for the facilitator"
    box.port = port
    second = await box.open()
    assert second != first and f":{port}/" in second
    assert (await http.get(first)).status == 404
    assert (await http.post(first, data={"kind": "question", "text": "x"})).status == 404
    assert (await http.get(second)).status == 200
    assert await box.open() == second


async def test_ending_the_session_shuts_the_page(
    session: Session, box: DropBox, http: aiohttp.ClientSession
) -> None:
    url = box.url
    assert url is not None
    session.end()
    assert not box.is_open and box.url is None
    assert (await http.get(url)).status == 404
    await box.close()
    with pytest.raises(DropBoxError, match="session has ended"):
        await box.open()


async def test_a_busy_port_or_a_foreign_address_is_one_clear_error(
    session: Session, box: DropBox
) -> None:
    assert box.url is not None
    port = int(box.url.rsplit(":", 1)[1].split("/")[0])
    with pytest.raises(DropBoxError, match=f"cannot listen on 127.0.0.1 port {port}"):
        await DropBox(session, port=port).open()
    with pytest.raises(DropBoxError, match="cannot listen on 192.0.2.123"):
        await DropBox(session, host="192.0.2.123").open()
    with pytest.raises(DropBoxError, match="at least one kind"):
        DropBox(session, kinds=())


async def test_nothing_identifying_is_kept_or_logged(
    saved: tuple[Session, Path],
    box: DropBox,
    http: aiohttp.ClientSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    await send(http, box, kind="question", text="Is it normal to feel this way?")
    await http.get(box.url + "nowhere")  # type: ignore[operator]
    box.approve(box.open_queue()[0].id)
    record = saved[1].read_text()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for trace in (PHONE, "phone-of-participant-7", "127.0.0.1", "Mozilla"):
        assert trace not in record
        assert trace not in logged
