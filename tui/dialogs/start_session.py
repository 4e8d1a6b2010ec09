"""Asks what the engine needs before a session starts: attendance, the watch list, and for a
new session its group (if any) and how many newcomers are present."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.text import clipped


@dataclass(frozen=True)
class StartChoice:
    """What the facilitator entered."""

    attendance: int
    """How many people are in the group (a number, never a list of names)."""
    watch_names: tuple[str, ...]
    """First names to watch for in notes; kept in memory only."""
    newcomers: int = 0
    """How many are here for the first time (a number)."""
    group: str = ""
    """The group this session is a meeting of ("" for none); a new name makes a group."""
    agenda: str = ""
    """The name of the agenda to run, when the dialog offered a choice ("" otherwise)."""


MAX_ATTENDANCE = 200


class StartSessionDialog(FormDialog[StartChoice]):
    """Attendance and watch list; dismisses with a :class:`StartChoice` or ``None``."""

    submit_label = N_("Start")

    DEFAULT_CSS = """
    StartSessionDialog #agenda-row {
        height: 1;
        margin-top: 1;
    }
    StartSessionDialog #agenda-row Select {
        width: 1fr;
    }
    """

    def __init__(
        self, title: str, *, resuming: bool = False, attendance: int | None = None,
        groups: tuple[str, ...] | None = None, usual: Mapping[str, str] | None = None,
        agendas: tuple[tuple[str, str], ...] = (), agenda: str = "",
    ) -> None:  # fmt: skip
        """``usual`` maps each group's name (casefolded) to its usual agenda's name;
        ``agendas`` are the (name, title) of the agendas offered, ``agenda`` the one chosen."""
        super().__init__()
        self.groups = None if resuming else groups
        self.usual = usual or {}
        self.agendas = agendas if self.groups is not None and agenda in dict(agendas) else ()
        self.agenda_name = agenda
        self.agenda_title = title
        self.resuming = resuming
        self.attendance = attendance
        if resuming:
            self.submit_label = N_("Resume")

    def compose_fields(self) -> ComposeResult:
        title = clipped(self.agenda_title)
        heading = title if self.resuming else _("Start: {title}").format(title=title)
        yield Static(heading, markup=False, classes="form-title")
        if self.resuming:
            yield Static(
                _(
                    "The watch list was not saved (it never is): enter it again if you "
                    "want notes checked for those names."
                ),
                classes="hint",
                markup=False,
            )
        yield Label(_("How many people are in the group?"), markup=False)
        yield Input(
            "" if self.attendance is None else str(self.attendance),
            placeholder=_("e.g. 8"),
            # Any text is let in and checked on enter: a box that silently dropped letters
            # swallowed a watch-list name typed before the cursor had moved on.
            id="attendance",
        )
        if self.groups is not None:
            from circlekeeper.tui.dialogs.group_fields import compose_group_fields

            yield from compose_group_fields(self.groups)
            if self.agendas:
                from circlekeeper.tui.dialogs.group_fields import compose_agenda_field

                yield from compose_agenda_field(self.agendas, self.agenda_name)
        yield Label(_("First names to watch for in notes (optional)"), markup=False)
        yield Input(placeholder=_("e.g. Maria, José, Sam"), id="watch")
        yield Static(
            _(
                "Kept in memory only, never saved: notes that mention one of these names "
                "are flagged before they are saved."
            ),
            classes="hint",
            markup=False,
        )

    @on(Input.Changed, "#group")
    def _group_typed(self, event: Input.Changed) -> None:
        from circlekeeper.tui.dialogs.group_fields import usual_agenda

        name = usual_agenda(event.value, self.usual, tuple(n for n, _ in self.agendas))
        if name is not None and self.agendas:
            self.query_one("#agenda", Select).value = name

    @on(Select.Changed, "#agenda")
    def _agenda_chosen(self, event: Select.Changed) -> None:
        titles = dict(self.agendas)
        if isinstance(event.value, str) and event.value in titles:
            self.agenda_name = event.value
            self.query_one(".form-title", Static).update(
                _("Start: {title}").format(title=clipped(titles[event.value]))
            )

    def check_field(self, field: Input) -> str | None:
        if field.id == "newcomers":
            from circlekeeper.tui.dialogs.group_fields import newcomers_problem

            return newcomers_problem(field.value)
        if field.id != "attendance":
            return None
        raw = field.value.strip()
        # ASCII digits only: "²" is a digit to Python but not a number int() reads.
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_ATTENDANCE:
            return _("Enter how many people are here: a number from 1 to {count}.").format(
                count=MAX_ATTENDANCE
            )
        return None

    def submit(self) -> None:
        attendance = self.query_one("#attendance", Input)
        problem = self.check_field(attendance)
        if problem:
            self.show_error(problem, focus="#attendance")
            return
        raw = attendance.value.strip()
        newcomers, group = 0, ""
        if self.groups is not None:
            from circlekeeper.tui.dialogs.group_fields import read_group_fields

            read = read_group_fields(self, int(raw))
            if isinstance(read, str):
                self.show_error(read, focus="#newcomers")
                return
            newcomers, group = read
        names = tuple(
            name.strip()
            for name in self.query_one("#watch", Input).value.split(",")
            if name.strip()
        )
        self.dismiss(
            StartChoice(
                attendance=int(raw),
                watch_names=names,
                newcomers=newcomers,
                group=group,
                agenda=self.agenda_name if self.agendas else "",
            )
        )
