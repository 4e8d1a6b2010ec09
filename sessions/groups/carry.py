"""The carry-forward: from one meeting's end to the next meeting's opening.

At the end of a group's meeting the facilitator sees the :func:`candidates`: the
actions noted (anonymous commitments) and the topics not reached (the parking lot,
where topic cards from the drop-box land too), and chooses which carry to next time.
:func:`finish_meeting` then updates the group in one write under its lock:

- the items brought to this meeting and marked done or dropped are closed; those marked
  carried again, or not marked at all, stay open;
- the chosen notes become new open items;
- the session's figures (those its facilitator record gives a report) are added to the
  group's history;
- a group with no agreements yet takes them from the meeting's agreements part (see
  :func:`agreements_from`).

Finishing twice changes nothing the second time.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.groups.history import history_entry
from circlekeeper.sessions.groups.meeting import Meeting, meeting_of, write_meeting
from circlekeeper.sessions.groups.model import Group, Item, ItemKind, Outcome
from circlekeeper.sessions.groups.store import GroupStore

__all__ = ["Candidate", "agreements_from", "candidates", "finish_meeting", "start_meeting"]

_CARRIED_KINDS = {NoteKind.ACTION: ItemKind.ACTION, NoteKind.PARKED: ItemKind.TOPIC}


@dataclass(frozen=True)
class Candidate:
    """A note that can be carried to the next meeting."""

    note_id: str
    """The note's id in the session."""
    kind: ItemKind
    """An action or a topic."""
    text: str
    """Its words."""


def candidates(session: Session) -> list[Candidate]:
    """The session's actions and parking-lot topics, in the order noted."""
    return [
        Candidate(note.id, _CARRIED_KINDS[note.kind], note.text)
        for note in session.notes()
        if note.kind in _CARRIED_KINDS
    ]


def agreements_from(session: Session) -> tuple[str, ...]:
    """The agreements a meeting made, read from its agreements part.

    The rule: the first part whose title says "agreements"; the themes noted in it (the
    template asks for one note per agreement settled) are the agreements; if none were
    noted, the part's own list items that are not questions (the starter list).
    """
    for index, part in enumerate(session.agenda.parts):
        if "agreements" in part.title.casefold() and part.line != 0:
            noted = tuple(
                note.text
                for note in session.notes(index)
                if note.kind is NoteKind.THEME and not note.facilitator_only
            )
            if noted:
                return noted
            return tuple(p.text for p in part.prompts if not p.text.rstrip().endswith("?"))
    return ()


def start_meeting(
    store: GroupStore, group: Group, session: Session, *, newcomers: int, now: datetime
) -> Meeting:
    """Make a just-started ``session`` a meeting of ``group``, bringing its open items.

    The agenda it runs becomes the group's usual one, offered first at its next meeting.
    """
    from circlekeeper.sessions.groups.meeting import new_meeting

    if newcomers < 0:
        raise SessionError("the number of newcomers cannot be below 0")
    meeting = new_meeting(session, group, newcomers=newcomers)
    store.update(
        group.id,
        lambda g: g.with_changes(
            sessions=(*g.sessions, session.id), template=session.agenda.name or g.template
        ),
        now,
    )
    return meeting


def finish_meeting(
    store: GroupStore, session: Session, chosen: Iterable[str], now: datetime
) -> Group:
    """Carry the chosen notes forward and add the session's counts to the group's history.

    Args:
        store: The groups folder.
        session: A group meeting that has ended.
        chosen: The ids of the notes (from :func:`candidates`) to carry to next time.
        now: The wall time, for the group's file.

    Raises:
        SessionError: the session is not a group meeting.
        StorageError: the group is gone, damaged or cannot be written.
    """
    meeting = meeting_of(session)
    if meeting is None:
        raise SessionError("this session does not belong to a group")
    if meeting.finished:
        return store.find(meeting.group_id)
    wanted = set(chosen)
    picked = [c for c in candidates(session) if c.note_id in wanted]
    new_items = tuple(
        Item(id=_item_id(), text=c.text, kind=c.kind, since=session.id) for c in picked
    )
    counts = history_entry(session)
    agreements = agreements_from(session)

    def change(group: Group) -> Group:
        brought = {item.id for item in meeting.brought}
        kept = []
        for item in group.items:
            outcome = meeting.outcomes.get(item.id)
            if item.id not in brought:
                kept.append(item)  # opened after this meeting began: left as it is
            elif outcome is None or outcome is Outcome.CARRIED:
                kept.append(replace(item, carried=item.carried + 1))
        return group.with_changes(
            items=(*kept, *new_items),
            history=(*group.history, counts),
            agreements=group.agreements or agreements,
        )

    group = store.update(meeting.group_id, change, now)
    write_meeting(
        session,
        Meeting(
            **{
                **meeting.__dict__,
                "carried": tuple(i.id for i in new_items),
                "finished": True,
            }
        ),
    )
    return group


def _item_id() -> str:
    return secrets.token_hex(4)
