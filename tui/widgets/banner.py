"""The run screen's banner: one message under the part's heading, until it goes.

Usage::

    yield Banner(id="signal")
    ...
    banner.say("Note deleted from the record.")                 # the facilitator's, 20 s
    banner.say("⏰ Time is up…", seconds=None, private=False)   # for everyone, until cleared

A banner rather than a passing toast: the facilitator may look up a little later. A
message goes after its ``seconds`` (``None``: when :meth:`Banner.clear` is called, as
when the part changes), so an old message does not linger on a shared screen. A
``private`` message, the facilitator's own, also goes when the participant view comes
on (:meth:`Banner.clear_private`).
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Static

MESSAGE_SECONDS = 20
"""How long a message (not a time-is-up signal) stays in the banner."""


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
        self._timer: Timer | None = None

    def say(
        self, message: str, *, seconds: float | None = MESSAGE_SECONDS, private: bool = True
    ) -> None:
        """Show ``message`` for ``seconds`` (``None``: until cleared).

        Args:
            message: The words, shown as they are (never read as markup).
            seconds: How long it stays; ``None`` keeps it until :meth:`clear`.
            private: Whether it is the facilitator's, to go when the screen is shared.
        """
        self.private = private
        self.message = message
        self.update(message)
        self.set_class(False, "-empty")
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if seconds is not None:
            self._timer = self.set_timer(seconds, self.clear)

    def clear(self) -> None:
        """Take the message away."""
        self.message = ""
        self.set_class(True, "-empty")

    def clear_private(self) -> None:
        """Take the message away if it is the facilitator's own."""
        if self.private:
            self.clear()
