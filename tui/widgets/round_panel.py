"""The speaking round: speaker k of n and that speaker's time left; counts, never names."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Static

from circlekeeper.sessions.rounds import RoundStatus
from circlekeeper.tui.widgets.clock_text import mmss


def round_words(status: RoundStatus) -> str:
    """The round's position in words."""
    if status.done:
        return "Round complete: everyone has had their turn"
    if status.offering_again:
        who = f"Offered again: {status.again_speaker} of {status.again_of} who passed"
    else:
        who = f"Speaker {status.speaker} of {status.of}"
    passed = f" · {status.passed} passed" if status.passed and not status.offering_again else ""
    if status.speaker_overrun > 0:
        time = f"over by {mmss(status.speaker_overrun)}"
    else:
        time = f"{mmss(status.speaker_left)} left"
    return f"{who} · {time}{passed}"


class RoundPanel(Vertical):
    """Shown during a speaking round; hidden otherwise by the screen."""

    DEFAULT_CSS = """
    RoundPanel {
        height: auto;
        width: auto;
        min-width: 30;
        padding: 0 1;
        border: round $secondary;
    }
    RoundPanel Digits {
        width: auto;
    }
    RoundPanel #round-words {
        width: 100%;
        text-style: bold;
    }
    RoundPanel.-turn-over {
        border: heavy $error;
    }
    RoundPanel.-turn-over #round-words, RoundPanel.-turn-over Digits {
        color: $text-error;
    }
    """

    status: reactive[RoundStatus | None] = reactive(None, always_update=True)
    """The round's latest snapshot."""

    def compose(self) -> ComposeResult:
        yield Digits("0:00", id="round-digits")
        yield Static("", id="round-words", markup=False)

    def watch_status(self, status: RoundStatus | None) -> None:
        if status is None:
            return
        over = status.speaker_overrun > 0
        shown = status.speaker_overrun if over else status.speaker_left
        self.query_one(Digits).update(("+" if over else "") + mmss(shown))
        self.query_one("#round-words", Static).update(round_words(status))
        self.set_class(over and not status.done, "-turn-over")
        self.border_title = f"Round · {status.minutes_a_speaker} min a speaker"
