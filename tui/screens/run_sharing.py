"""What the run screen keeps to the facilitator while the participant view is on.

A key that would open or change something facilitator-only (a note, the debrief, a
rebalance) leaves the footer while the screen is shared, and still answers if pressed:
it says how to go on (press v first) instead of doing anything on the shared screen.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from circlekeeper.tui.widgets.banner import Banner

SHARED_HIDDEN_KEYS = frozenset(
    {"run.new-note", "run.end", "run.dropbox", "run.rebalance", "run.undo-rebalance"}
)
"""Bindings left out of the footer in the participant view: each opens or changes
something facilitator-only."""

NOTES_HIDDEN = "Notes are hidden in participant view: press v first."


class SharedScreen(Protocol):
    """A screen that can be shared, with a banner to say things in."""

    @property
    def sharing(self) -> bool:
        """Whether the participant view is on."""

    @property
    def banner(self) -> Banner:
        """Where the screen says what happened."""


def refused_while_sharing(screen: SharedScreen, message: str) -> bool:
    """While ``screen`` is shared, say ``message`` (how to go on) and return True."""
    if screen.sharing:
        screen.banner.say(message)
        return True
    return False


Shared = TypeVar("Shared", bound=SharedScreen)
Args = ParamSpec("Args")


def facilitator_only(
    message: str,
) -> Callable[
    [Callable[Concatenate[Shared, Args], None]], Callable[Concatenate[Shared, Args], None]
]:
    """Make a screen's action or handler do nothing but say ``message`` while shared."""

    def decorate(
        handler: Callable[Concatenate[Shared, Args], None],
    ) -> Callable[Concatenate[Shared, Args], None]:
        # ``wraps`` keeps the handler's signature, which Textual reads to pass its message.
        @functools.wraps(handler)
        def checked(screen: Shared, *args: Args.args, **kwargs: Args.kwargs) -> None:
            if not refused_while_sharing(screen, message):
                handler(screen, *args, **kwargs)

        return checked

    return decorate
