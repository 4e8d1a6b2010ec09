"""The end of a group's meeting: which actions and topics carry to next time."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from circlekeeper.sessions.groups.carry import Candidate
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.text import clipped

ITEM_CHARS = 64


class CarryForwardDialog(FormDialog[tuple[str, ...]]):
    """The meeting's actions and parking-lot topics; dismisses with the ids chosen.

    Every one is chosen to begin with: what the group did not reach is carried unless
    the facilitator lets it go. Cancel carries nothing new.
    """

    submit_label = N_("Carry forward")
    cancel_label = N_("Carry nothing")

    def __init__(self, group_name: str, candidates: list[Candidate]) -> None:
        super().__init__()
        self.group_name = group_name
        self.candidates = candidates

    def compose_fields(self) -> ComposeResult:
        yield Static(
            _("Next time, {group} opens with:").format(group=clipped(self.group_name, 40)),
            classes="form-title",
            markup=False,
        )
        if not self.candidates:
            yield Static(
                _("No actions or parking-lot topics were noted in this meeting."),
                classes="hint",
                markup=False,
            )
        yield SelectionList[str](
            *(
                Selection(Text(f"{c.kind.label}: {clipped(c.text, ITEM_CHARS)}"), c.note_id, True)
                for c in self.candidates
            ),
            id="carry",
        )
        yield Static(
            _("space: choose or let go   enter/tab: on to the buttons"),
            classes="hint",
            markup=False,
        )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def submit(self) -> None:
        self.dismiss(tuple(self.query_one("#carry", SelectionList).selected))
