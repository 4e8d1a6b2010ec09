"""``circlekeeper sessions list|delete`` and ``circlekeeper purge``: the saved sessions.

Deleting is for real: the session's file is removed, not hidden. Every problem (an unknown
id, a session open in another window, a file that could not be written) is one line on
standard error and a non-zero exit code.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterable, Sized
from datetime import datetime
from pathlib import Path

import click

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.spreadsheets.cells import csv_text
from circlekeeper.sessions.spreadsheets.sessions import COLUMNS, SessionRow, session_rows
from circlekeeper.sessions.storage.removal import remove_file
from circlekeeper.sessions.storage.session_store import (
    SessionLocked,
    SessionStore,
    SessionSummary,
    SetAsideFile,
    UnknownSession,
)
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.text import clipped

MIN_TITLE_WIDTH = 24
"""The narrowest the agenda column gets in a narrow terminal; titles are cut only below it."""


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _table(rows: list[SessionRow], summaries: list[SessionSummary]) -> None:
    """Print sessions as aligned columns under a header line, titles as wide as they fit."""
    with_group = any(row.group for row in rows)
    head = ["ID", "DATE", "AGENDA"] + (["GROUP"] if with_group else [])
    head += ["PEOPLE", "PLANNED", "ACTUAL", "STATE", "LAST UPDATE"]
    lines = []
    for row, summary in zip(rows, summaries, strict=True):
        cells = [row.id, row.date, row.agenda or "(untitled)"]
        cells += [row.group] if with_group else []
        cells += [_number(row.attendance), _number(row.planned_minutes)]
        cells += [_number(row.actual_minutes), row.state, _when(summary.updated)]
        lines.append(cells)
    widths = [max(len(cells[i]) for cells in [head, *lines]) for i in range(len(head))]
    if sys.stdout.isatty():
        # Only a terminal has a width to keep to; a file or a pipe gets whole titles.
        spare = shutil.get_terminal_size().columns - (sum(widths) + 2 * (len(widths) - 1))
        if spare < 0:
            widths[2] = max(MIN_TITLE_WIDTH, widths[2] + spare)
    numeric = {i for i, name in enumerate(head) if name in ("PEOPLE", "PLANNED", "ACTUAL")}
    for cells in [head, *lines]:
        shown = [
            clipped(cell, widths[i]).rjust(widths[i]) if i in numeric
            else clipped(cell, widths[i]).ljust(widths[i])
            for i, cell in enumerate(cells)
        ]  # fmt: skip
        click.echo("  ".join(shown).rstrip())


def _days(ctx: click.Context, param: click.Parameter, value: str) -> int:
    # Checked by hand so a bad number is one line, not click's usage banner.
    try:
        days = int(value)
    except ValueError:
        days = -1
    if days < 0:
        raise click.ClickException(
            f"--older-than: {value!r} is not a number of days (use a whole number, 0 or more)"
        )
    return days


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  circlekeeper sessions list
  circlekeeper sessions delete 2026-03-04-7kq2
  circlekeeper --data-dir ~/groups sessions list
  circlekeeper purge --older-than 90
""",
)
def sessions() -> None:
    """List saved sessions, or delete one for good."""


@sessions.command(
    "list",
    epilog="""\b
Examples:
  circlekeeper sessions list
  circlekeeper sessions list --format csv > sessions.csv
  circlekeeper --data-dir ~/groups sessions list
""",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="An aligned table, CSV for a spreadsheet, or JSON for another tool.",
)
@pass_invocation
def list_sessions(invocation: Invocation, fmt: str) -> None:
    """Show every saved session, most recently updated first: its date, agenda, group,
    the people present, planned and actual minutes, and its state.

    Files that could not be read as a session are reported on standard error with
    their path; damaged ones are set aside as NAME.damaged so nothing else is affected,
    and anything else (a folder, a link, a file too large or unreadable) is skipped.
    """
    store = SessionStore.in_folders(invocation.folders)
    try:
        listing = store.list()
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    if listing.index_rebuilt:
        click.echo(f"The session index was damaged and has been rebuilt in {store.root}.", err=True)
    for entry in listing.damaged:
        # A file set aside was damaged; one left where it is was only skipped.
        click.echo(f"{'damaged' if entry.moved_to else 'skipped'}: {entry.message()}", err=True)
    summaries = list(listing.sessions)
    rows = session_rows(store, summaries, SystemClock())
    if fmt == "csv":
        click.echo(csv_text(COLUMNS, [list(row.as_dict().values()) for row in rows]), nl=False)
    elif fmt == "json":
        click.echo(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
    elif not summaries:
        click.echo(f"No saved sessions in {store.root}.")
    else:
        _table(rows, summaries)


@sessions.command(
    epilog="""\b
Examples:
  circlekeeper sessions delete 2026-03-04-7kq2
  circlekeeper sessions delete --yes 2026-03-04-7kq2
"""
)
@click.argument("session_id", metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Do not ask before deleting.")
@pass_invocation
def delete(invocation: Invocation, session_id: str, yes: bool) -> None:
    """Delete the session ID for good: its file is removed, with no way back.

    Copies of its notes go with it: copies set aside as damaged and the temporary files
    of a save cut short.

    The id is the first column of `circlekeeper sessions list`.
    """
    store = SessionStore.in_folders(invocation.folders)
    try:
        copies = store.folder.copies_of(session_id)
        if not copies:
            raise UnknownSession(f"No session {session_id!r} in {store.root}")
        if not yes and not click.confirm(
            f"Delete session {session_id} ({_about(store, session_id, copies)}) for good? "
            "This cannot be undone"
        ):
            # Answering no is a choice the facilitator made, not a failure.
            click.echo("Nothing deleted.")
            return
        removed = store.delete(session_id)
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    first, *others = removed
    click.echo(f"Deleted for good: session {session_id} ({first}).")
    for path in others:
        click.echo(f"  and {path}")


def _about(store: SessionStore, session_id: str, copies: list[Path]) -> str:
    """A few words on what deleting ``session_id`` removes, for the question asked first."""
    own = store.path_of(session_id)
    if own not in copies:
        return f"only its set-aside copies are left: {len(copies)} file{_s(copies)}"
    summary = next((s for s in store.list().sessions if s.id == session_id), None)
    about = (
        f"{summary.title or '(untitled)'}, last updated {_when(summary.updated)}"
        if summary
        else "its file could not be read"
    )
    if len(copies) > 1:
        about += f"; with {len(copies) - 1} more file{_s(copies[1:])} holding its notes"
    return about


def _s(items: Sized) -> str:
    return "" if len(items) == 1 else "s"


@click.command(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  circlekeeper purge --older-than 90          list them, then ask
  circlekeeper purge --older-than 365 --yes   for a scheduled clean-up
""",
)
@click.option(
    "--older-than",
    "days",
    required=True,
    metavar="DAYS",
    callback=_days,
    help="Delete sessions last updated, and groups last changed, more than DAYS days ago.",
)
@click.option("--yes", "-y", is_flag=True, help="Do not ask before deleting.")
@pass_invocation
def purge(invocation: Invocation, days: int, yes: bool) -> None:
    """Delete for good every session not updated for more than DAYS days.

    Files set aside as damaged go too when they last changed more than DAYS days ago, or
    were copies of a session deleted now. Everything is listed first, set-aside files
    with their age. Sessions open in another window are left alone, with their copies.
    """
    from circlekeeper.tui.cli.groups import purge_groups

    group_problems = purge_groups(invocation, days, yes=yes)
    for line in group_problems:
        click.echo(line, err=True)
    store = SessionStore.in_folders(invocation.folders)
    now = SystemClock().now()
    try:
        expired = store.expired(days, now)
        aside = store.expired_set_aside(days, now, sessions=[s.id for s in expired])
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    if not expired and not aside:
        click.echo(f"No sessions were last updated more than {days} days ago.")
        return
    if expired:
        count = len(expired)
        click.echo(f"{count} session{_s(expired)} last updated more than {days} days ago:")
        _table(session_rows(store, expired, SystemClock()), expired)
    if aside:
        click.echo(f"{len(aside)} file{_s(aside)} set aside as damaged, which may hold notes:")
        _set_aside_table(aside, now)
    many = len(expired) + len(aside) != 1
    if not yes and not click.confirm(f"Delete {'them' if many else 'it'} for good?"):
        click.echo("Nothing deleted.")
        return
    deleted: list[str] = []
    left_alone: set[str] = set()
    failed: list[str] = []
    for summary in expired:
        try:
            store.delete(summary.id)
            deleted.append(summary.id)
        except SessionLocked:
            left_alone.add(summary.id)
            failed.append(f"{summary.id}: left alone, it is open in another window")
        except StorageError as error:
            left_alone.add(summary.id)
            failed.append(str(error))
    if expired:
        click.echo(f"Deleted for good: {len(deleted)} session{_s(deleted)}.")
    removed = 0
    for file in aside:
        # A session left alone keeps its set-aside copies too.
        if file.session not in left_alone:
            try:
                remove_file(file.path)
                removed += 1
            except StorageError as error:
                failed.append(str(error))
    if aside:
        click.echo(f"Deleted for good: {removed} set-aside file{'' if removed == 1 else 's'}.")
    for line in failed:
        click.echo(line, err=True)
    if failed or group_problems:
        raise click.exceptions.Exit(1)


def _set_aside_table(files: Iterable[SetAsideFile], now: datetime) -> None:
    """Print set-aside files with their age, oldest first."""
    for file in files:
        days = file.age_days(now)
        click.echo(f"  {file.path}  last changed {days} day{'' if days == 1 else 's'} ago")
