"""Groups that meet again: memory across meetings without identity.

A :class:`Group` (:mod:`.model`) keeps a name, its usual agenda, its agreements, its
open items and a history of counts, in a file of its own beside the sessions
(:class:`GroupStore`, :mod:`.store`). A session becomes one of its meetings with
:func:`start_meeting`, on the agenda :func:`meeting_agenda` opens with the agreements
(when someone new is present) and "From last time" (:mod:`.agenda`); the facilitator
marks each item brought (:func:`mark_item`, :mod:`.meeting`), and at the end chooses
what carries forward (:func:`candidates`, :func:`finish_meeting`, :mod:`.carry`), which
adds the session's figures (:mod:`.history`) to the group's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.groups.agenda import meeting_agenda as meeting_agenda
    from circlekeeper.sessions.groups.carry import Candidate as Candidate
    from circlekeeper.sessions.groups.carry import candidates as candidates
    from circlekeeper.sessions.groups.carry import finish_meeting as finish_meeting
    from circlekeeper.sessions.groups.carry import start_meeting as start_meeting
    from circlekeeper.sessions.groups.meeting import Meeting as Meeting
    from circlekeeper.sessions.groups.meeting import mark_item as mark_item
    from circlekeeper.sessions.groups.meeting import meeting_of as meeting_of
    from circlekeeper.sessions.groups.model import Group as Group
    from circlekeeper.sessions.groups.model import Item as Item
    from circlekeeper.sessions.groups.model import Outcome as Outcome
    from circlekeeper.sessions.groups.store import GroupStore as GroupStore

__all__ = [
    "Candidate",
    "Group",
    "GroupStore",
    "Item",
    "Meeting",
    "Outcome",
    "candidates",
    "finish_meeting",
    "mark_item",
    "meeting_agenda",
    "meeting_of",
    "start_meeting",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "Candidate": "carry",
        "Group": "model",
        "GroupStore": "store",
        "Item": "model",
        "Meeting": "meeting",
        "Outcome": "model",
        "candidates": "carry",
        "finish_meeting": "carry",
        "mark_item": "meeting",
        "meeting_agenda": "agenda",
        "meeting_of": "meeting",
        "start_meeting": "carry",
    },
)
