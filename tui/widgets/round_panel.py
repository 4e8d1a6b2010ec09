"""The speaking round: speaker k of n and that speaker's time left; counts, never names."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits

from circlekeeper.sessions.engine.rounds import RoundStatus
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.widgets.block_digits import BlockDigits
from circlekeeper.tui.widgets.clock_text import mmss
from circlekeeper.tui.widgets.ticking_text import TickingText


def round_words(status: RoundStatus) -> str:
    """The round's position in words."""
    if status.done:
        return _("Round complete: everyone has had their turn")
    if status.offering_again:
        who = _("Offered again: {number} of {count} who passed").format(
            number=status.again_speaker, count=status.again_of
        )
    else:
        who = _("Speaker {number} of {count}").format(number=status.speaker, count=status.of)
    passed = ""
    if status.passed and not status.offering_again:
        passed = " · " + _("{count} passed").format(count=status.passed)
    if status.speaker_overrun > 0:
        time = _("over by {time}").format(time=mmss(status.speaker_overrun))
    else:
        time = _("{time} left").format(time=mmss(status.speaker_left))
    return f"{who} · {time}{passed}"


def fit_words(status: RoundStatus) -> str:
    """A warning for the facilitator when fewer turns fit in the part than people are
    present; empty when they all fit."""
    if status.done or status.offering_again or status.turns_fit >= status.of:
        return ""
    return _(
        "Only {turns} turns of {minutes} min fit in this part's time, for {count} people: "
        "ask for shorter turns, or run over and press b after."
    ).format(turns=status.turns_fit, minutes=status.minutes_a_speaker, count=status.of)


class RoundPanel(Vertical):
    """Shown during a speaking round; hidden otherwise."""

    DEFAULT_CSS = """
    RoundPanel {
        height: auto;
        width: auto;
        min-width: 30;
        padding: 0 1;
        border: round $text-secondary;
        border-title-color: $foreground;
    }
    RoundPanel #round-words {
        width: 100%;
        text-style: bold;
    }
    RoundPanel #round-fit {
        width: 100%;
        max-width: 60;
        color: $text-warning;
    }
    RoundPanel #round-fit.-fits {
        display: none;
    }
    RoundPanel.-empty {
        display: none;
    }
    RoundPanel.-turn-over {
        border: heavy $error;
    }
    RoundPanel.-turn-over #round-words, RoundPanel.-turn-over Digits {
        color: $text-error;
    }
    """

    status: reactive[RoundStatus | None] = reactive(None, always_update=True, repaint=False)
    """The round's latest snapshot; ``None`` when the part has no round, which hides the panel."""

    def compose(self) -> ComposeResult:
        yield BlockDigits("0:00", id="round-digits")
        yield TickingText(id="round-words")
        yield TickingText(id="round-fit", classes="facilitator-only")

    def watch_status(self, status: RoundStatus | None) -> None:
        self.set_class(status is None, "-empty")
        if status is None:
            return
        over = status.speaker_overrun > 0
        shown = status.speaker_overrun if over else status.speaker_left
        self.query_one(Digits).update(("+" if over else "") + mmss(shown))
        self.query_one("#round-words", TickingText).show(round_words(status))
        fit, warning = self.query_one("#round-fit", TickingText), fit_words(status)
        fit.show(warning)
        # A class, not an inline display: the participant view's rule must still hide it.
        fit.set_class(not warning, "-fits")
        self.set_class(over and not status.done, "-turn-over")
        title = _("Round · {minutes} min a speaker").format(minutes=status.minutes_a_speaker)
        if title != self.border_title:  # setting it redraws the whole frame, even unchanged
            self.border_title = title
