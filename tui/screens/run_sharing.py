"""What the run screen keeps to the facilitator while the participant view is on.

A key that would open or change something facilitator-only (a note, the debrief, a
rebalance) does nothing visible while the screen is shared: no dialog, no message, no
hint. The room sees the same screen it saw; the facilitator presses v to get it back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

SHARED_HIDDEN_KEYS = frozenset(
    {
        "run.new-note",
        "run.end",
        "run.dropbox",
        "run.rebalance",
        "run.undo-rebalance",
        "run.add-topic",
        "run.topic-votes",
        "run.thumbs",
        "run.phone-vote",
        "run.phone-thumbs",
    }
)
"""Bindings that open or change something facilitator-only."""


class SharedScreen(Protocol):
    """A screen that can be shared."""

    @property
    def sharing(self) -> bool:
        """Whether the participant view is on."""


Shared = TypeVar("Shared", bound=SharedScreen)
Args = ParamSpec("Args")


def facilitator_only(
    handler: Callable[Concatenate[Shared, Args], None],
) -> Callable[Concatenate[Shared, Args], None]:
    """Make a screen's action or handler do nothing while the screen is shared."""

    # ``wraps`` keeps the handler's signature, which Textual reads to pass its message.
    @functools.wraps(handler)
    def checked(screen: Shared, *args: Args.args, **kwargs: Args.kwargs) -> None:
        if not screen.sharing:
            handler(screen, *args, **kwargs)

    return checked
