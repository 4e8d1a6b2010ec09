"""The facilitator's short follow-through after the crisis screen: facilitator-only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, RadioSet, Static

from circlekeeper.sessions.engine.follow_through import PLACES, STEPS
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton


@dataclass(frozen=True)
class FollowThroughDraft:
    """What the facilitator chose and wrote; checked and saved by the session."""

    place: str
    """A key of :data:`~circlekeeper.sessions.engine.follow_through.PLACES`."""
    steps: tuple[str, ...]
    """Keys of :data:`~circlekeeper.sessions.engine.follow_through.STEPS`, maybe none."""
    due: date
    """When the follow-up with the person is due."""
    debrief: bool
    """A debrief with someone within 72 hours is planned."""
    words: str
    """A few words, without names."""


class FollowThroughDialog(FormDialog[FollowThroughDraft]):
    """Where, what was done, when to follow up; escape puts it off, still due.

    Args:
        today: The day it is, so the follow-up is due tomorrow unless changed (the dialog
            never reads a clock itself).
        draft: What was chosen before, when it comes back to be edited.
    """

    BINDINGS = [Binding("ctrl+s", "submit", N_("Save"), id="follow-through.save")]
    DEFAULT_CSS = """
    FollowThroughDialog RadioSet, FollowThroughDialog MarkedCheckbox {
        border: none;
        padding: 0;
        height: auto;
    }
    FollowThroughDialog RadioSet {
        layout: horizontal;
    }
    FollowThroughDialog .follow-row {
        height: auto;
    }
    FollowThroughDialog .follow-row Input {
        width: 18;
    }
    """
    cancel_label = N_("Later")

    def __init__(self, today: date, draft: FollowThroughDraft | None = None) -> None:
        super().__init__()
        self.today = today
        self.draft = draft

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        due = draft.due if draft else self.today + timedelta(days=1)
        yield Static(
            Content.styled(_("After the crisis: for you only, never in a handout"), "bold")
        )
        with RadioSet(id="follow-place"):
            for place, english in PLACES.items():
                words = _(english)
                chosen = draft.place == place if draft else place == "room"
                yield MarkedRadioButton(
                    Content(words[:1].upper() + words[1:]), value=chosen, id=f"place-{place}"
                )
        yield Label(_("What was done (tick none if none of these)"), markup=False)
        for step, english in STEPS.items():
            words = _(english)
            ticked = draft is not None and step in draft.steps
            yield MarkedCheckbox(
                Content(words[:1].upper() + words[1:]), value=ticked, id=f"step-{step}"
            )
        with Horizontal(classes="follow-row"):
            yield Label(_("Follow up with the person by (YYYY-MM-DD) "), markup=False)
            yield Input(due.isoformat(), id="follow-due", max_length=10)
        yield MarkedCheckbox(
            Content(_("A debrief with someone (supervisor, peer) within 72 hours")),
            value=draft.debrief if draft else True,
            id="follow-debrief",
        )
        yield Input(
            draft.words if draft else "",
            placeholder=_("A few words, no names (optional)"),
            id="follow-words",
            max_length=1000,
            select_on_focus=False,
        )

    def check_field(self, field: Input) -> str | None:
        if field.id == "follow-due":
            return self._due_problem()
        return None

    def _due_problem(self) -> str | None:
        text = self.query_one("#follow-due", Input).value.strip()
        try:
            due = date.fromisoformat(text)
        except ValueError:
            return _("{text!r} is not a date; write it as YYYY-MM-DD.").format(text=text)
        if due < self.today:
            return _("The follow-up is due today or later.")
        return None

    def submit(self) -> None:
        problem = self._due_problem()
        if problem:
            self.show_error(problem, focus="#follow-due")
            return
        pressed = self.query_one("#follow-place", RadioSet).pressed_button
        place = (pressed.id or "place-room").removeprefix("place-") if pressed else "room"
        self.dismiss(
            FollowThroughDraft(
                place=place,
                steps=tuple(s for s in STEPS if self.query_one(f"#step-{s}", MarkedCheckbox).value),
                due=date.fromisoformat(self.query_one("#follow-due", Input).value.strip()),
                debrief=self.query_one("#follow-debrief", MarkedCheckbox).value,
                words=self.query_one("#follow-words", Input).value.strip(),
            )
        )
