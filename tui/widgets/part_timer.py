"""The large countdown for the current part, with its state also in words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits

from circlekeeper.sessions.engine.events import SessionState
from circlekeeper.sessions.engine.status import Status
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.widgets.block_digits import BlockDigits
from circlekeeper.tui.widgets.clock_text import mmss
from circlekeeper.tui.widgets.ticking_text import TickingText

TIMER_STATES = {
    SessionState.READY: N_("ready"),
    SessionState.RUNNING: N_("running"),
    SessionState.PAUSED: N_("paused"),
    SessionState.ENDED: N_("ended"),
}
"""The state a part's frame names when its timer is not running."""


def timer_words(status: Status, *, hints: bool = True) -> str:
    """What the countdown means, so colour is never the only signal.

    Args:
        status: The session's snapshot.
        hints: Whether to say which key starts or resumes the timer (never on a shared
            screen).
    """
    if status.state is SessionState.READY:
        if hints:
            ready = _("Ready · {time} planned · space starts the timer")
        else:
            ready = _("Ready · {time} planned")
        return ready.format(time=mmss(status.part.planned))
    if status.state is SessionState.ENDED:
        return _("Session ended")
    paused = ""
    if status.state is SessionState.PAUSED:
        paused = " · " + (_("PAUSED (space resumes)") if hints else _("PAUSED"))
    if status.part_overrun > 0:
        return _("OVER TIME by {time}").format(time=mmss(status.part_overrun)) + paused
    if status.warning:
        return _("LAST MINUTES · {time} left").format(time=mmss(status.part_left)) + paused
    left = _("{time} left of {planned}")
    return left.format(time=mmss(status.part_left), planned=mmss(status.part.planned)) + paused


class PartTimer(Vertical):
    """Counts down the current part, then counts its overrun.

    The screen sets :attr:`status`; the widget never reads a clock itself. It redraws only
    what a new status changes, mostly a digit and a word, without a layout.
    """

    DEFAULT_CSS = """
    PartTimer {
        height: auto;
        width: auto;
        min-width: 30;
        padding: 0 1;
        border: round $text-primary;
        border-title-color: $foreground;
    }
    PartTimer Digits {
        color: $text;
    }
    PartTimer #timer-words {
        width: 100%;
        text-style: bold;
    }
    PartTimer.-warning {
        border: heavy $warning;
    }
    PartTimer.-warning Digits, PartTimer.-warning #timer-words {
        color: $text-warning;
    }
    PartTimer.-overrun {
        border: heavy $error;
    }
    PartTimer.-overrun Digits, PartTimer.-overrun #timer-words {
        color: $text-error;
    }
    PartTimer.-paused Digits {
        text-style: dim;
    }
    """

    status: reactive[Status | None] = reactive(None, always_update=True, repaint=False)
    """The session's latest snapshot."""
    hints: reactive[bool] = reactive(True, init=False)
    """Whether the words say which key starts or resumes the timer (not while shared)."""

    def compose(self) -> ComposeResult:
        yield BlockDigits("0:00", id="timer-digits")
        yield TickingText(id="timer-words")

    def watch_hints(self) -> None:
        self.watch_status(self.status)

    def watch_status(self, status: Status | None) -> None:
        if status is None:
            return
        over = status.part_overrun > 0
        shown = status.part_overrun if over else status.part_left
        self.query_one(Digits).update(("+" if over else "") + mmss(shown))
        self.query_one("#timer-words", TickingText).show(timer_words(status, hints=self.hints))
        running = status.state is SessionState.RUNNING
        self.set_class(over, "-overrun")
        self.set_class(status.warning and not over, "-warning")
        self.set_class(status.state is SessionState.PAUSED, "-paused")
        part = _("Part")
        title = part if running else f"{part} · {_(TIMER_STATES[status.state])}"
        if title != self.border_title:  # setting it redraws the whole frame, even unchanged
            self.border_title = title
