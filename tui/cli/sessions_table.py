"""Saved sessions as an aligned table for ``sessions list`` and ``purge``, in the chosen language.

Headings are translated, so a column is as wide as its heading in the language spoken;
numbers are right-aligned under theirs. Only a terminal has a width to keep to: a file
or a pipe gets whole titles.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable
from datetime import datetime

import click

from circlekeeper.sessions.export.wording import STATES
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.spreadsheets.sessions import SessionRow
from circlekeeper.sessions.storage.session_store import SessionSummary, SetAsideFile
from circlekeeper.tui.text import clipped

MIN_TITLE_WIDTH = 24
"""The narrowest the agenda column gets in a narrow terminal; titles are cut only below it."""

NUMERIC = (N_("PEOPLE"), N_("PLANNED"), N_("ACTUAL"))
"""The headings of the columns that hold numbers."""


def when(moment: datetime) -> str:
    """A moment in local time, as the table shows it."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def print_table(rows: list[SessionRow], summaries: list[SessionSummary]) -> None:
    """Print sessions as aligned columns under a header line, titles as wide as they fit."""
    with_group = any(row.group for row in rows)
    head = [_("ID"), _("DATE"), _("AGENDA")] + ([_("GROUP")] if with_group else [])
    head += [_(name) for name in NUMERIC] + [_("STATE"), _("LAST UPDATE")]
    lines = []
    for row, summary in zip(rows, summaries, strict=True):
        cells = [row.id, row.date, row.agenda or _("(untitled)")]
        cells += [row.group] if with_group else []
        cells += [_number(row.attendance), _number(row.planned_minutes)]
        state = _(STATES[row.state]) if row.state in STATES else row.state
        cells += [_number(row.actual_minutes), state, when(summary.updated)]
        lines.append(cells)
    widths = [max(len(cells[i]) for cells in [head, *lines]) for i in range(len(head))]
    if sys.stdout.isatty():
        spare = shutil.get_terminal_size().columns - (sum(widths) + 2 * (len(widths) - 1))
        if spare < 0:
            widths[2] = max(MIN_TITLE_WIDTH, widths[2] + spare)
    numeric = {i for i, name in enumerate(head) if name in {_(n) for n in NUMERIC}}
    for cells in [head, *lines]:
        shown = [
            clipped(cell, widths[i]).rjust(widths[i]) if i in numeric
            else clipped(cell, widths[i]).ljust(widths[i])
            for i, cell in enumerate(cells)
        ]  # fmt: skip
        click.echo("  ".join(shown).rstrip())


def print_set_aside(files: Iterable[SetAsideFile], now: datetime) -> None:
    """Print set-aside files with their age, oldest first."""
    for file in files:
        days = file.age_days(now)
        age = ngettext("last changed {days} day ago", "last changed {days} days ago", days)
        click.echo(f"  {file.path}  {age.format(days=days)}")
