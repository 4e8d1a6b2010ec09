"""A session as one meeting of a group: what it brought, what was marked, what it carries.

The session's meta holds a ``group`` field (see :class:`Meeting`): the group's id and
name, the newcomers present, the items the meeting was opened with and the outcome the
facilitator marked for each, and, once the meeting is finished, the items it carried
forward. It is written through the session's own record, so it is saved with the same
care (and the same lock) as the rest of the session. A session without the field is
outside any group, as every session was before groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.groups.agenda import FROM_LAST_TIME_TITLE
from circlekeeper.sessions.groups.model import Group, Item, Outcome

__all__ = ["GROUP_FIELD", "Meeting", "mark_item", "meeting_of", "write_meeting"]

GROUP_FIELD = "group"
"""The meta field of a session that belongs to a group."""


@dataclass(frozen=True)
class Meeting:
    """What a session's record says about the group it belongs to."""

    group_id: str
    """The group's id (its file name)."""
    name: str
    """The group's name when the session was started: for the facilitator's record only."""
    newcomers: int = 0
    """How many people came for the first time."""
    brought: tuple[Item, ...] = ()
    """The items the meeting opened with ("From last time"), in order."""
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    """The outcome marked for each brought item, by item id."""
    carried: tuple[str, ...] = ()
    """The ids of the items this meeting carried forward, once finished."""
    finished: bool = False
    """The meeting's counts and items have gone to the group."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the meta."""
        return {
            "id": self.group_id,
            "name": self.name,
            "newcomers": self.newcomers,
            "brought": [item.to_dict() for item in self.brought],
            "outcomes": {k: v.value for k, v in self.outcomes.items()},
            "carried": list(self.carried),
            "finished": self.finished,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Meeting:
        """Rebuild from :meth:`to_dict` output; ``KeyError``/``TypeError``/``ValueError``."""
        outcomes = data.get("outcomes", {})
        if not isinstance(outcomes, dict):
            raise TypeError("outcomes are not a mapping")
        return cls(
            group_id=str(data["id"]),
            name=str(data.get("name", "")),
            newcomers=int(data.get("newcomers", 0)),
            brought=tuple(Item.from_dict(i) for i in data.get("brought", [])),
            outcomes={str(k): Outcome(v) for k, v in outcomes.items()},
            carried=tuple(str(c) for c in data.get("carried", [])),
            finished=bool(data.get("finished", False)),
        )

    def outcome_counts(self) -> dict[str, int]:
        """How many brought items were done, carried again, dropped or left unmarked."""
        counts = {outcome.value: 0 for outcome in Outcome}
        counts["unmarked"] = 0
        for item in self.brought:
            outcome = self.outcomes.get(item.id)
            counts[outcome.value if outcome else "unmarked"] += 1
        return counts

    def from_last_time_part(self, session: Session) -> int | None:
        """The index of the "From last time" part, if the meeting has one."""
        if not self.brought:
            return None
        for index, part in enumerate(session.agenda.parts[:2]):
            if part.title == FROM_LAST_TIME_TITLE and part.line == 0:
                return index
        return None


def meeting_of(session: Session) -> Meeting | None:
    """The group meeting ``session`` is, or ``None`` for a session outside any group.

    A damaged ``group`` field reads as none: the session itself still opens.
    """
    data = session.record.read_meta().get(GROUP_FIELD)
    if not isinstance(data, dict):
        return None
    try:
        return Meeting.from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None


def write_meeting(session: Session, meeting: Meeting) -> None:
    """Save ``meeting`` in the session's meta (refused for a session opened read-only)."""
    if session.read_only:
        raise SessionError("this session was opened for reading; nothing can be changed")
    session.record.write_meta(**{GROUP_FIELD: meeting.to_dict()})


def new_meeting(session: Session, group: Group, *, newcomers: int) -> Meeting:
    """Make ``session`` a meeting of ``group`` that brings the group's open items."""
    meeting = Meeting(group_id=group.id, name=group.name, newcomers=newcomers, brought=group.items)
    write_meeting(session, meeting)
    return meeting


def mark_item(session: Session, item_id: str, outcome: Outcome | str) -> Meeting:
    """Record what became of a brought item: done, carried again or dropped.

    Raises:
        SessionError: the session is not a group meeting, has no such item, or its
            meeting is finished already.
    """
    meeting = meeting_of(session)
    if meeting is None:
        raise SessionError("this session does not belong to a group")
    if meeting.finished:
        raise SessionError("this meeting's items have gone to the group already")
    if item_id not in {item.id for item in meeting.brought}:
        raise SessionError("that item was not brought to this meeting")
    outcomes = {**meeting.outcomes, item_id: Outcome(outcome)}
    marked = Meeting(**{**meeting.__dict__, "outcomes": outcomes})
    write_meeting(session, marked)
    return marked
