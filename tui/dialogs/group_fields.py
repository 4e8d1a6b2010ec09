"""The start dialog's group fields: how many newcomers, and which group meets.

A group is named by typing: one of the groups listed beneath the box, or a new name,
which makes a new group when the session starts. Left empty, the session belongs to no
group and runs exactly as any other. Naming a group that has a usual agenda selects that
agenda in the agenda box (:func:`usual_agenda`); the facilitator can still pick another.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static

from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.tui.text import clipped

MAX_LISTED = 6
"""Groups named in the hint; more are a matter for ``circlekeeper groups list``."""


def compose_group_fields(groups: tuple[str, ...]) -> ComposeResult:
    """The newcomers and group boxes, with the groups there are."""
    yield Label(_("How many of them are new to the group?"), markup=False)
    yield Input("0", placeholder=_("e.g. 1"), id="newcomers")
    yield Label(_("Group (optional): a group's name, or a new one"), markup=False)
    yield Input(placeholder=_("e.g. Tuesday circle"), id="group")
    shown = ", ".join(clipped(name, 24) for name in groups[:MAX_LISTED])
    more = len(groups) - MAX_LISTED
    if more > 0:
        known = ngettext(
            "Groups: {groups} and {count} more.", "Groups: {groups} and {count} more.", more
        ).format(groups=shown, count=more)
    else:
        known = _("Groups: {groups}.").format(groups=shown) if groups else _("No groups yet.")
    about = _(
        "A group's meetings open with what the last one left, and its agreements "
        "are read when someone new comes. Naming a group selects its usual agenda."
    )
    yield Static(
        f"{known} {about}",
        classes="hint",
        markup=False,
        id="group-hint",
    )


def compose_agenda_field(agendas: tuple[tuple[str, str], ...], chosen: str) -> ComposeResult:
    """The agenda box: each agenda by its title, ``chosen`` (a name) selected."""
    # One line, so the form still fits a small window with its error line in view.
    with Horizontal(id="agenda-row"):
        yield Label(_("Agenda") + " ", markup=False)
        yield Select(
            [(clipped(title, 56), name) for name, title in agendas],
            value=chosen,
            allow_blank=False,
            compact=True,
            id="agenda",
        )


def usual_agenda(typed: str, usual: Mapping[str, str], agendas: tuple[str, ...]) -> str | None:
    """The usual agenda of the group named ``typed`` (any case), if it is still offered."""
    name = usual.get(" ".join(typed.split()).casefold())
    return name if name in agendas else None


def newcomers_problem(raw: str) -> str | None:
    """What is wrong with the newcomers box, or ``None``."""
    raw = raw.strip() or "0"
    if not (raw.isascii() and raw.isdigit()):
        return _("Enter how many are new to the group: a number, 0 when nobody is.")
    return None


def read_group_fields(screen: Screen[Any], attendance: int) -> tuple[int, str] | str:
    """The newcomers and group typed in, or what is wrong with them."""
    raw = screen.query_one("#newcomers", Input).value
    problem = newcomers_problem(raw)
    if problem:
        return problem
    newcomers = int(raw.strip() or "0")
    if newcomers > attendance:
        return _("More newcomers ({newcomers}) than people present ({attendance}).").format(
            newcomers=newcomers, attendance=attendance
        )
    return newcomers, " ".join(screen.query_one("#group", Input).value.split())
