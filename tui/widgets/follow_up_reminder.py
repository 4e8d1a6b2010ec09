"""The home screen's standing reminder of crisis follow-ups not yet done.

A toast goes after some seconds and is easily missed at launch; following up with a
person after a crisis is the point of the record, so the home screen keeps one line per
follow-up open, at every launch, until the facilitator marks it done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.text import clipped

if TYPE_CHECKING:
    from circlekeeper.sessions.storage.index import SessionSummary

HOME_CRISIS = N_("a crisis with no session open")
"""How a follow-up from the home screen's crisis is named in the reminder."""


class FollowUpReminder(Static):
    """One line per open crisis follow-up, the earliest due first; hidden when none is."""

    # Hidden until told what is due: before the sessions are read (just after the first
    # frame) an empty warning line would flash at the top of the screen.
    DEFAULT_CLASSES = "-none"

    DEFAULT_CSS = """
    FollowUpReminder {
        height: auto;
        padding: 0 1;
        background: $warning-muted;
        color: $foreground;
        text-style: bold;
    }
    FollowUpReminder.-none {
        display: none;
    }
    """

    def show(self, sessions: list[SessionSummary], home_due: str | None) -> None:
        """Remind of the follow-ups of ``sessions`` and of one due ``home_due``, if any."""
        due = [(s.follow_up_due or "", clipped(s.title or s.template)) for s in sessions]
        if home_due is not None:
            due.append((home_due, _(HOME_CRISIS)))
        lines = [
            _(
                "Crisis follow-up due {when}: {what}. Follow up with the person; f marks it done."
            ).format(when=when, what=what)
            for when, what in sorted(due)
        ]
        self.set_class(not lines, "-none")
        self.update(Content("\n".join(lines)))
