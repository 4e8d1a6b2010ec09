"""Rebalancing on the run screen: shorten the parts ahead after an overrun, or undo it.

:class:`RebalanceFlow` shows the engine's plan part by part and applies it only when
the facilitator says yes; ``u`` puts the earlier times back.
"""

from __future__ import annotations

from collections.abc import Callable

from circlekeeper.sessions.engine.rebalance import RebalancePlan
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.widgets.banner import Banner
from circlekeeper.tui.widgets.clock_text import mmss

Act = Callable[..., bool]
"""Calls the engine with any arguments, saying any refusal; returns whether it went through."""


def rebalance_question(plan: RebalancePlan) -> str:
    """The plan, one changed part a line, and the question."""
    lines = [plan.message, ""]
    for change in plan.changes:
        if change.after != change.before:
            lines.append(f"{change.title}: {mmss(change.before)} → {mmss(change.after)}")
    lines.append("\n" + _("Apply? (u undoes it later)"))
    return "\n".join(lines)


class RebalanceFlow:
    """Rebalance ``session``, saying what happened in ``banner``.

    Args:
        session: The session being run.
        banner: Where the run screen says what happened.
        act: The run screen's way to call the engine.
    """

    def __init__(self, session: Session, banner: Banner, act: Act) -> None:
        self.session = session
        self.banner = banner
        self.act = act

    def ask(self) -> None:
        """Show the plan and apply it if the facilitator agrees (or say nothing needs it)."""
        plan = self.session.preview_rebalance()
        if not plan.changed:
            self.banner.say(plan.message)
            return

        def answered(yes: bool | None) -> None:
            if yes and self.act(self.session.rebalance, plan):
                self.banner.say(_("Rebalanced. {plan} Press u to undo.").format(plan=plan.message))

        self.banner.app.push_screen(
            ConfirmDialog(rebalance_question(plan), yes=_("Rebalance")), answered
        )

    def undo(self) -> None:
        """Give the parts their earlier times again."""
        if self.act(self.session.undo_rebalance):
            self.banner.say(_("Rebalance undone: the parts have their earlier times again."))
