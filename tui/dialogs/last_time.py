"""Marking what the group brought from last time: done, carried again, or dropped."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circlekeeper.sessions.groups.meeting import Meeting
from circlekeeper.sessions.groups.model import Outcome
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.text import clipped

ITEM_CHARS = 56
OPEN = N_("open")
"""The mark of an item not marked yet, in English: translated when shown."""

_KEYS = {"d": Outcome.DONE, "c": Outcome.CARRIED, "x": Outcome.DROPPED}


class LastTimeDialog(FormDialog[dict[str, Outcome]]):
    """The items brought to this meeting; dismisses with the outcomes marked here."""

    BINDINGS = [
        Binding("d", "mark('d')", N_("Done"), id="last-time.done"),
        Binding("c", "mark('c')", N_("Carried again"), id="last-time.carried"),
        Binding("x", "mark('x')", N_("Dropped"), id="last-time.dropped"),
    ]
    submit_label = N_("Save")

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.outcomes = dict(meeting.outcomes)

    def _label(self, index: int) -> str:
        item = self.meeting.brought[index]
        outcome = self.outcomes.get(item.id)
        mark = f"[{outcome.label if outcome else _(OPEN)}]"
        return f"{mark:<16}{item.kind.label}: {clipped(item.text, ITEM_CHARS)}"

    def compose_fields(self) -> ComposeResult:
        yield Static(_("From last time"), classes="form-title", markup=False)
        yield OptionList(
            *(Option(Text(self._label(i))) for i in range(len(self.meeting.brought))),
            id="items",
        )
        yield Static(
            _("d done   c carried again   x dropped   (an item not marked stays open)"),
            classes="hint",
            markup=False,
        )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_mark(self, key: str) -> None:
        items = self.query_one(OptionList)
        index = items.highlighted
        if index is None:
            return
        self.outcomes[self.meeting.brought[index].id] = _KEYS[key]
        items.replace_option_prompt_at_index(index, Text(self._label(index)))
        if index + 1 < len(self.meeting.brought):
            items.highlighted = index + 1

    def submit(self) -> None:
        self.dismiss(self.outcomes)
