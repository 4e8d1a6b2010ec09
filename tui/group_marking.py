"""The run screen's ``l``: mark each item brought from last time done, carried or dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from circlekeeper.sessions.errors import SessionError

if TYPE_CHECKING:
    from circlekeeper.sessions.engine.session import Session
    from circlekeeper.sessions.groups.model import Outcome


def _nothing_brought() -> None:
    raise SessionError("this meeting brought nothing from last time")


def mark_last_time(app: App[Any], session: Session, act: Callable[..., bool]) -> None:
    """Show the items brought to this meeting and save each outcome the facilitator marks.

    ``act`` is the run screen's way of calling the core: a refusal becomes its banner.
    """
    from circlekeeper.sessions.groups.meeting import mark_item, meeting_of
    from circlekeeper.tui.dialogs.last_time import LastTimeDialog

    meeting = meeting_of(session)
    if meeting is None or not meeting.brought:
        act(_nothing_brought)
        return

    def marked(outcomes: dict[str, Outcome] | None) -> None:
        for item_id, outcome in (outcomes or {}).items():
            if meeting.outcomes.get(item_id) is not outcome and not act(
                mark_item, session, item_id, outcome
            ):
                return

    app.push_screen(LastTimeDialog(meeting), marked)
