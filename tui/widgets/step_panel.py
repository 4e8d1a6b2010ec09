"""A structured part's current step: its countdown, whose turn, the room's cue, what follows.

Shown beside the part's timer while the part follows a structure (Troika, Wise Crowds...);
hidden otherwise. The cue is for everyone and stands out on a shared screen; the key that
moves on is named only while the screen is the facilitator's.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.structures.expand import Step
from circlekeeper.sessions.structures.progress import StepStatus
from circlekeeper.sessions.structures.spoken import spoken_cue, step_label
from circlekeeper.tui.text import clipped
from circlekeeper.tui.widgets.block_digits import BlockDigits
from circlekeeper.tui.widgets.clock_text import mmss
from circlekeeper.tui.widgets.ticking_text import TickingText


def step_title(step: Step) -> str:
    """``Client 2 of 3 · Consultants talk``, or just the step's name for a step taken once."""
    return step_label(step.name, step.who)


def step_words(status: StepStatus) -> str:
    """The current step in words, with its time left or its overrun."""
    if status.overrun > 0:
        time = _("over by {time}").format(time=mmss(status.overrun))
    else:
        time = _("{time} left").format(time=mmss(status.left))
    return f"{clipped(step_title(status.step))} · {time}"


def next_words(status: StepStatus, *, hints: bool = True) -> str:
    """What comes after the current step (and, for the facilitator, the key that moves on)."""
    if status.next is None:
        return _("Last step of this part")
    if hints:
        words = _("Next (press s): {step} · {minutes} min")
    else:
        words = _("Next: {step} · {minutes} min")
    return words.format(step=clipped(step_title(status.next)), minutes=status.next.minutes)


class StepPanel(Vertical):
    """Shown while the current part follows a structure; hidden otherwise."""

    DEFAULT_CSS = """
    StepPanel {
        height: auto;
        width: 1fr;
        min-width: 30;
        padding: 0 1;
        border: round $text-secondary;
        border-title-color: $foreground;
    }
    StepPanel #step-words {
        width: 100%;
        text-style: bold;
    }
    StepPanel #step-cue {
        width: 100%;
        text-style: bold;
        color: $text-accent;
    }
    StepPanel #step-next {
        width: 100%;
        color: $text-muted;
    }
    StepPanel.-empty {
        display: none;
    }
    StepPanel.-step-over {
        border: heavy $error;
    }
    StepPanel.-step-over #step-words, StepPanel.-step-over Digits {
        color: $text-error;
    }
    """

    status: reactive[StepStatus | None] = reactive(None, always_update=True, repaint=False)
    """The step's latest snapshot; ``None`` when the part has no steps, which hides the panel."""
    hints: reactive[bool] = reactive(True, init=False)
    """Whether to name the key that moves on (never on a shared screen)."""

    def compose(self) -> ComposeResult:
        yield BlockDigits("0:00", id="step-digits")
        yield TickingText(id="step-words")
        yield TickingText(id="step-cue")
        yield TickingText(id="step-next")

    def watch_hints(self) -> None:
        self.watch_status(self.status)

    def watch_status(self, status: StepStatus | None) -> None:
        self.set_class(status is None, "-empty")
        if status is None:
            return
        over = status.overrun > 0
        self.query_one(Digits).update(("+" if over else "") + mmss(status.overrun or status.left))
        self.query_one("#step-words", TickingText).show(step_words(status))
        self.query_one("#step-cue", TickingText).show(clipped(spoken_cue(status.step.cue)))
        self.query_one("#step-next", TickingText).show(next_words(status, hints=self.hints))
        self.set_class(over, "-step-over")
        title = _("Step {number} of {count}").format(number=status.number, count=status.of)
        if title != self.border_title:  # setting it redraws the whole frame, even unchanged
            self.border_title = title
