"""The run screen's banner: one message under the part's heading, until it goes.

Usage::

    yield Banner(id="signal")
    ...
    banner.say("Note deleted from the record.")                 # the facilitator's, 20 s
    banner.say("⏰ Time is up…", seconds=None, private=False,   # for everyone, until cleared
               hint="Press ] when you are ready.")              # the key hint: not when shared

A banner rather than a passing toast: the facilitator may look up a little later. A
message goes after its ``seconds`` (``None``: when :meth:`Banner.clear` is called, as
when the part changes), so an old message does not linger on a shared screen. While the
screen is shared (:attr:`Banner.shared`) a ``private`` message, the facilitator's own,
is not shown: it waits, and shows when the facilitator view comes back. A key hint is
never shown on a shared screen either.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.timer import Timer
from textual.widgets import Static

MESSAGE_SECONDS = 20
"""How long a message (not a time-is-up signal) stays in the banner."""


class Said(NamedTuple):
    """One message as it was asked for."""

    message: str
    seconds: float | None
    private: bool
    hint: str


class Banner(Static):
    """One line of news for the facilitator or the room; hidden while it says nothing."""

    def __init__(self, *, id: str | None = None) -> None:
        """Make an empty banner.

        Args:
            id: The widget's id in the DOM.
        """
        super().__init__("", id=id, classes="-empty", markup=False)
        self.message = ""
        """The message shown now; empty when the banner is hidden."""
        self.private = False
        """Whether the message is for the facilitator only."""
        self._shared = False
        self._hint = ""
        self._waiting: Said | None = None
        """The facilitator's latest message, kept from a shared screen."""
        self._timer: Timer | None = None

    @property
    def shared(self) -> bool:
        """Whether the screen is shared: no private message and no key hint shows."""
        return self._shared

    @shared.setter
    def shared(self, shared: bool) -> None:
        self._shared = shared
        if shared and self.private and self.message:
            # It waits for the facilitator view, as if said just then.
            waiting = Said(self.message, MESSAGE_SECONDS, True, self._hint)
            self.clear()
            self._waiting = waiting
        elif not shared and self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.say(waiting.message, seconds=waiting.seconds, hint=waiting.hint)
        elif self.message:
            self._draw()

    def say(
        self,
        message: str,
        *,
        seconds: float | None = MESSAGE_SECONDS,
        private: bool = True,
        hint: str = "",
    ) -> None:
        """Show ``message`` for ``seconds`` (``None``: until cleared).

        Args:
            message: The words, shown as they are (never read as markup).
            seconds: How long it stays; ``None`` keeps it until :meth:`clear`.
            private: Whether it is the facilitator's, kept from a shared screen.
            hint: The facilitator's key hint after the words, left out while shared.
        """
        if private and self._shared:
            self._waiting = Said(message, seconds, private, hint)
            return
        self.private = private
        self.message = message
        self._hint = hint
        self._draw()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if seconds is not None:
            self._timer = self.set_timer(seconds, self.clear)

    def _draw(self) -> None:
        hint = f" {self._hint}" if self._hint and not self._shared else ""
        self.update(self.message + hint)
        self.set_class(False, "-empty")

    def clear(self) -> None:
        """Take the message away, and any the facilitator has waiting."""
        self.message = ""
        self._waiting = None
        self.set_class(True, "-empty")
