"""The timekeeper of a session: the timer, the parts, the turns of a round, the attendance.

A :class:`Timekeeper` carries out the facilitator's moves through the agenda. Each one is
checked against the session's state first, refused with a plain
:class:`~circlekeeper.sessions.errors.SessionError` when it is not possible now, and
otherwise written as one event by the session's :class:`~.recorder.Recorder`.
"""

from __future__ import annotations

from collections.abc import Callable

from circlekeeper.sessions.engine.events import EventType, SessionState
from circlekeeper.sessions.engine.rebalance import RebalancePlan, plan_rebalance
from circlekeeper.sessions.engine.recorder import Recorder
from circlekeeper.sessions.engine.status import Status
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.templates.agenda import Agenda

MAX_ATTENDANCE = 500
"""More than any group; a larger number is a slip of the finger."""


def check_attendance(attendance: int) -> None:
    """Refuse an attendance that is not a whole number of people a group can have."""
    if isinstance(attendance, bool) or not isinstance(attendance, int):
        message = _("attendance is a whole number, not {attendance}")
        raise SessionError(message.format(attendance=repr(attendance)))
    if not 1 <= attendance <= MAX_ATTENDANCE:
        message = _("attendance must be between 1 and {most}, not {attendance}")
        raise SessionError(message.format(most=MAX_ATTENDANCE, attendance=attendance))


class Timekeeper:
    """The facilitator's moves through a session's agenda.

    Args:
        recorder: writes each move, and holds the state it is checked against.
        agenda: the session's own copy of its agenda.
        before_leave: called before the group leaves a part (by a move or the end).
    """

    def __init__(
        self, recorder: Recorder, agenda: Agenda, before_leave: Callable[[], None] = lambda: None
    ) -> None:
        self._recorder = recorder
        self._agenda = agenda
        self._before_leave = before_leave

    @property
    def _state(self) -> SessionState:
        return self._recorder.progress.state

    # The timer ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the session: the first part's time begins."""
        self._recorder.require_open(N_("start it again"))
        if self._state is not SessionState.READY:
            raise SessionError(_("the session has already started"))
        self._recorder.append(EventType.START)

    def pause(self, reason: str) -> None:
        """Stop the timer, for ``reason``."""
        self._recorder.require_started(N_("pause it"))
        if self._state is SessionState.PAUSED:
            raise SessionError(_("the session is already paused"))
        self._recorder.append(EventType.PAUSE, reason=reason)

    def resume(self) -> None:
        """Run the timer again after a pause."""
        self._recorder.require_started(N_("resume it"))
        if self._state is SessionState.RUNNING:
            raise SessionError(_("the timer is already running"))
        self._recorder.append(EventType.RESUME)

    def toggle(self) -> SessionState:
        """Start, pause or resume, whichever fits; returns the new state."""
        if self._state is SessionState.READY:
            self.start()
        elif self._state is SessionState.RUNNING:
            self.pause("pause")
        else:
            self.resume()
        return self._state

    def end(self) -> None:
        """End the session."""
        self._recorder.require_open(N_("end it again"))
        if self._state is SessionState.READY:
            raise SessionError(_("the session has not started, so it cannot end"))
        self._before_leave()
        self._recorder.append(EventType.END)

    # Parts, turns and attendance ------------------------------------------------------

    def step(self, by: int) -> None:
        """Move ``by`` parts forward (1) or back (-1)."""
        current = self._recorder.progress.part
        if by > 0 and current == len(self._agenda.parts) - 1:
            self._recorder.require_open(N_("move on"))
            raise SessionError(_("this is the last part; end the session when the group is done"))
        if by < 0 and current == 0:
            self._recorder.require_open(N_("go back"))
            raise SessionError(_("this is the first part; there is none before it"))
        self.go_to(current + by)

    def go_to(self, index: int) -> None:
        """Make part ``index`` (0-based) the current part."""
        self._recorder.require_open(N_("move between parts"))
        count = len(self._agenda.parts)
        if not 0 <= index < count:
            message = _("there is no part {number}; the agenda has {count} parts")
            raise SessionError(message.format(number=index + 1, count=count))
        if index == self._recorder.progress.part:
            message = _("{title} is already the current part")
            raise SessionError(message.format(title=repr(self._agenda.parts[index].title)))
        if self._recorder.progress.started:
            self._before_leave()
        self._recorder.append(EventType.PART, index=index)

    def turn(self, *, passed: bool) -> None:
        """The speaker of the current round has finished, or passes."""
        self._recorder.require_started(N_("move the round on"))
        progress = self._recorder.progress
        current = progress.round_for(progress.part)
        if current is None:
            title = self._agenda.parts[progress.part].title
            raise SessionError(_("{title} is not a speaking round").format(title=repr(title)))
        if current.done:
            raise SessionError(_("the round is over: everyone has had their turn"))
        self._recorder.append(EventType.SPEAKER, passed=passed)

    def next_step(self) -> None:
        """The current step of a structured part is done: the next one begins."""
        self._recorder.require_started(N_("move the structure on"))
        progress = self._recorder.progress
        steps = progress.structures.get(progress.part)
        if steps is None:
            title = self._agenda.parts[progress.part].title
            message = _("{title} does not follow a structure with steps")
            raise SessionError(message.format(title=repr(title)))
        if steps.last:
            message = _("this is the structure's last step; move on to the next part")
            raise SessionError(message)
        if steps.steps[steps.current + 1].unit == "topic":
            # A Lean Coffee's topics come from its board, in vote order, not as fixed steps.
            raise SessionError(_("the topics come next: take the first one from the board"))
        self._recorder.append(EventType.STEP)

    def set_attendance(self, attendance: int) -> None:
        """Change the number of people present."""
        self._recorder.require_open(N_("change the attendance"))
        check_attendance(attendance)
        if attendance != self._recorder.progress.attendance:
            self._recorder.append(EventType.ATTENDANCE, n=attendance)

    # Rebalance ------------------------------------------------------------------------

    def plan_rebalance(self, status: Status) -> RebalancePlan:
        """What a rebalance would do at the moment ``status`` describes."""
        progress = self._recorder.progress
        return plan_rebalance(
            self._agenda.parts,
            progress.plan,
            [p.actual for p in status.parts],
            current=progress.part,
            used=status.since_start,
            planned_total=self._agenda.minutes * 60,
            attendance=progress.attendance,
        )

    def rebalance(self, status: Status, agreed: RebalancePlan | None = None) -> RebalancePlan:
        """Shorten the parts still to come so the session ends on time (or as near as allowed).

        Args:
            status: the session now.
            agreed: a plan shown to the facilitator and agreed to. It is applied as it was
                shown, though the clock ran on while they read it, unless the part or the
                plan it was worked out from has changed since (then a fresh plan is made).

        Raises:
            SessionError: nothing can be shortened (the message says why).
        """
        self._recorder.require_started(N_("rebalance"))
        progress = self._recorder.progress
        still_true = (
            agreed is not None
            and agreed.part == progress.part
            and all(progress.plan[c.index] == c.before for c in agreed.changes)
        )
        plan = agreed if agreed is not None and still_true else self.plan_rebalance(status)
        if not plan.changed:
            raise SessionError(plan.message)
        self._recorder.append(EventType.REBALANCE, plan=list(plan.plan), over_by=plan.over_by)
        return plan

    def undo_rebalance(self) -> tuple[int, ...]:
        """Put back the plan from before the latest rebalance; returns it (seconds per part)."""
        self._recorder.require_open(N_("undo a rebalance"))
        if not self._recorder.progress.undo_plans:
            raise SessionError(_("there is no rebalance to undo"))
        self._recorder.append(EventType.UNDO_REBALANCE)
        return tuple(self._recorder.progress.plan)
