"""The session engine: one :class:`Session` run from its agenda, as an event log.

Every facilitator action appends one event (:mod:`.events`) to the session's record before
it returns; the state is the log replayed. The :class:`Session` (:mod:`.session`) owns its
collaborators: the :mod:`.recorder` that writes the events, the :mod:`.timekeeper` that
makes the moves through the agenda (speaking :mod:`.rounds`, the :mod:`.rebalance` of
parts to come) and the :mod:`.notebook` of notes. Beside them sit the :mod:`.status`
snapshot for the screen and the :mod:`.timeline` for summaries. Time comes from a
:class:`Clock` (:mod:`.clock`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.engine.clock import Clock as Clock
    from circlekeeper.sessions.engine.clock import FakeClock as FakeClock
    from circlekeeper.sessions.engine.clock import SystemClock as SystemClock
    from circlekeeper.sessions.engine.crisis import CrisisChoice as CrisisChoice
    from circlekeeper.sessions.engine.crisis import choose_crisis_resource as choose_crisis_resource
    from circlekeeper.sessions.engine.durations import minutes_text as minutes_text
    from circlekeeper.sessions.engine.events import EventType as EventType
    from circlekeeper.sessions.engine.events import SessionState as SessionState
    from circlekeeper.sessions.engine.note_model import Debrief as Debrief
    from circlekeeper.sessions.engine.note_model import Note as Note
    from circlekeeper.sessions.engine.note_model import NoteKind as NoteKind
    from circlekeeper.sessions.engine.note_model import NoteSource as NoteSource
    from circlekeeper.sessions.engine.notebook import MAX_NOTE_CHARS as MAX_NOTE_CHARS
    from circlekeeper.sessions.engine.notebook import NoteFlagged as NoteFlagged
    from circlekeeper.sessions.engine.rebalance import RebalancePlan as RebalancePlan
    from circlekeeper.sessions.engine.rounds import RoundStatus as RoundStatus
    from circlekeeper.sessions.engine.session import Session as Session
    from circlekeeper.sessions.engine.status import PartStatus as PartStatus
    from circlekeeper.sessions.engine.status import Status as Status
    from circlekeeper.sessions.engine.timekeeper import MAX_ATTENDANCE as MAX_ATTENDANCE
    from circlekeeper.sessions.engine.timeline import Timeline as Timeline

__all__ = [
    "Clock",
    "CrisisChoice",
    "Debrief",
    "EventType",
    "FakeClock",
    "MAX_ATTENDANCE",
    "MAX_NOTE_CHARS",
    "Note",
    "NoteFlagged",
    "NoteKind",
    "NoteSource",
    "PartStatus",
    "RebalancePlan",
    "RoundStatus",
    "Session",
    "SessionState",
    "Status",
    "SystemClock",
    "Timeline",
    "choose_crisis_resource",
    "minutes_text",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "Session": "session",
        "MAX_ATTENDANCE": "timekeeper",
        "Clock": "clock",
        "FakeClock": "clock",
        "SystemClock": "clock",
        "EventType": "events",
        "SessionState": "events",
        "NoteFlagged": "notebook",
        "MAX_NOTE_CHARS": "notebook",
        "Debrief": "note_model",
        "Note": "note_model",
        "NoteKind": "note_model",
        "NoteSource": "note_model",
        "RoundStatus": "rounds",
        "RebalancePlan": "rebalance",
        "PartStatus": "status",
        "Status": "status",
        "Timeline": "timeline",
        "CrisisChoice": "crisis",
        "choose_crisis_resource": "crisis",
        "minutes_text": "durations",
    },
)
