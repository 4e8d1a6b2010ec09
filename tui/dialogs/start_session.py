"""Asks what the engine needs before a session starts: attendance and the watch list."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from circlekeeper.tui.dialogs.form import FormDialog


@dataclass(frozen=True)
class StartChoice:
    """What the facilitator entered."""

    attendance: int
    """How many people are in the group (a number, never a list of names)."""
    watch_names: tuple[str, ...]
    """First names to watch for in notes; kept in memory only."""


MAX_ATTENDANCE = 200


class StartSessionDialog(FormDialog[StartChoice]):
    """Attendance and watch list; dismisses with a :class:`StartChoice` or ``None``."""

    submit_label = "Start"

    def __init__(self, title: str, *, resuming: bool = False) -> None:
        super().__init__()
        self.agenda_title = title
        self.resuming = resuming
        if resuming:
            self.submit_label = "Resume"

    def compose_fields(self) -> ComposeResult:
        verb = "" if self.resuming else "Start: "
        yield Static(f"{verb}{self.agenda_title}", markup=False, classes="form-title")
        if self.resuming:
            yield Static(
                "The watch list was not saved (it never is): enter it again if you "
                "want notes checked for those names.",
                classes="hint",
            )
        yield Label("How many people are in the group?")
        yield Input(placeholder="e.g. 8", type="integer", id="attendance")
        yield Label("First names to watch for in notes (optional)")
        yield Input(placeholder="e.g. Maria, José, Sam", id="watch")
        yield Static(
            "Kept in memory only, never saved: notes that mention one of these names "
            "are flagged before they are saved.",
            classes="hint",
        )

    def submit(self) -> None:
        raw = self.query_one("#attendance", Input).value.strip()
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_ATTENDANCE:
            self.show_error(
                f"Enter how many people are here: a number from 1 to {MAX_ATTENDANCE}.",
                focus="#attendance",
            )
            return
        names = tuple(
            name.strip()
            for name in self.query_one("#watch", Input).value.split(",")
            if name.strip()
        )
        self.dismiss(StartChoice(attendance=int(raw), watch_names=names))
