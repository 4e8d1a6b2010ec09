"""``circlekeeper sessions list|delete`` and ``circlekeeper purge``: the saved sessions.

Deleting is for real: the session's file is removed, not hidden. Every problem (an unknown
id, a session open in another window, a file that could not be written) is one line on
standard error and a non-zero exit code.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.spreadsheets.cells import csv_text
from circlekeeper.sessions.spreadsheets.sessions import COLUMNS, session_rows
from circlekeeper.sessions.storage.removal import remove_file
from circlekeeper.sessions.storage.session_store import (
    SessionLocked,
    SessionStore,
    UnknownSession,
)
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.sessions_table import print_set_aside, print_table, when
from circlekeeper.tui.cli.translated import TranslatedCommand, TranslatedGroup


def _days(ctx: click.Context, param: click.Parameter, value: str) -> int:
    # Checked by hand so a bad number is one line, not click's usage banner.
    try:
        days = int(value)
    except ValueError:
        days = -1
    if days < 0:
        message = _("--older-than: {value} is not a number of days (use a whole number, 0 or more)")
        raise click.ClickException(message.format(value=repr(value)))
    return days


@click.group(
    cls=TranslatedGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("List saved sessions, or delete one for good."),
    epilog=N_("""\b
Examples:
  circlekeeper sessions list
  circlekeeper sessions delete 2026-03-04-7kq2
  circlekeeper --data-dir ~/groups sessions list
  circlekeeper purge --older-than 90
"""),
)
def sessions() -> None:
    """The ``sessions`` group: its commands do the work."""


@sessions.command(
    "list",
    help=N_(
        "Show every saved session, most recently updated first: its date, agenda, group, "
        "the people present, planned and actual minutes, and its state.\n\n"
        "Files that could not be read as a session are reported on standard error with "
        "their path; damaged ones are set aside as NAME.damaged so nothing else is affected, "
        "and anything else (a folder, a link, a file too large or unreadable) is skipped."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper sessions list
  circlekeeper sessions list --format csv > sessions.csv
  circlekeeper --data-dir ~/groups sessions list
"""),
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help=N_("An aligned table, CSV for a spreadsheet, or JSON for another tool."),
)
@pass_invocation
def list_sessions(invocation: Invocation, fmt: str) -> None:
    """Print the saved sessions in the format asked for."""
    store = SessionStore.in_folders(invocation.folders)
    try:
        listing = store.list()
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    if listing.index_rebuilt:
        message = _("The session index was damaged and has been rebuilt in {folder}.")
        click.echo(message.format(folder=store.root), err=True)
    for entry in listing.damaged:
        # A file set aside was damaged; one left where it is was only skipped.
        what = _("damaged: {problem}") if entry.moved_to else _("skipped: {problem}")
        click.echo(what.format(problem=entry.message()), err=True)
    summaries = list(listing.sessions)
    rows = session_rows(store, summaries, SystemClock())
    if fmt == "csv":
        click.echo(csv_text(COLUMNS, [list(row.as_dict().values()) for row in rows]), nl=False)
    elif fmt == "json":
        click.echo(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
    elif not summaries:
        click.echo(_("No saved sessions in {folder}.").format(folder=store.root))
    else:
        print_table(rows, summaries)


@sessions.command(
    help=N_(
        "Delete the session ID for good: its file is removed, with no way back.\n\n"
        "Copies of its notes go with it: copies set aside as damaged and the temporary files "
        "of a save cut short.\n\n"
        "The id is the first column of `circlekeeper sessions list`."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper sessions delete 2026-03-04-7kq2
  circlekeeper sessions delete --yes 2026-03-04-7kq2
"""),
)
@click.argument("session_id", metavar="ID")
@click.option("--yes", "-y", is_flag=True, help=N_("Do not ask before deleting."))
@pass_invocation
def delete(invocation: Invocation, session_id: str, yes: bool) -> None:
    """Ask, then delete the session and its copies."""
    store = SessionStore.in_folders(invocation.folders)
    try:
        copies = store.folder.copies_of(session_id)
        if not copies:
            message = _("No session {id} in {folder}")
            raise UnknownSession(message.format(id=repr(session_id), folder=store.root))
        question = _("Delete session {id} ({about}) for good? This cannot be undone")
        # Asked about only when asking: reading the list sweeps away a crash's temporary
        # files, which a deletion with --yes reports among the files it removed.
        if not yes and not click.confirm(
            question.format(id=session_id, about=_about(store, session_id, copies))
        ):
            # Answering no is a choice the facilitator made, not a failure.
            click.echo(_("Nothing deleted."))
            return
        removed = store.delete(session_id)
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    first, *others = removed
    click.echo(_("Deleted for good: session {id} ({path}).").format(id=session_id, path=first))
    for path in others:
        click.echo("  " + _("and {path}").format(path=path))


def _about(store: SessionStore, session_id: str, copies: list[Path]) -> str:
    """A few words on what deleting ``session_id`` removes, for the question asked first."""
    own = store.path_of(session_id)
    if own not in copies:
        left = ngettext(
            "only its set-aside copies are left: {count} file",
            "only its set-aside copies are left: {count} files",
            len(copies),
        )
        return left.format(count=len(copies))
    summary = next((s for s in store.list().sessions if s.id == session_id), None)
    about = (
        _("{title}, last updated {when}").format(
            title=summary.title or _("(untitled)"), when=when(summary.updated)
        )
        if summary
        else _("its file could not be read")
    )
    if len(copies) > 1:
        more = ngettext(
            "; with {count} more file holding its notes",
            "; with {count} more files holding its notes",
            len(copies) - 1,
        )
        about += more.format(count=len(copies) - 1)
    return about


@click.command(
    cls=TranslatedCommand,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "Delete for good every session not updated for more than DAYS days.\n\n"
        "Files set aside as damaged go too when they last changed more than DAYS days ago, or "
        "were copies of a session deleted now. Everything is listed first, set-aside files "
        "with their age. Sessions open in another window are left alone, with their copies."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper purge --older-than 90          list them, then ask
  circlekeeper purge --older-than 365 --yes   for a scheduled clean-up
"""),
)
@click.option(
    "--older-than",
    "days",
    required=True,
    metavar="DAYS",
    callback=_days,
    help=N_("Delete sessions last updated, and groups last changed, more than DAYS days ago."),
)
@click.option("--yes", "-y", is_flag=True, help=N_("Do not ask before deleting."))
@pass_invocation
def purge(invocation: Invocation, days: int, yes: bool) -> None:
    """List what is older than DAYS days, ask, then delete it."""
    from circlekeeper.tui.cli.groups_purge import purge_groups

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
        message = _("No sessions were last updated more than {days} days ago.")
        click.echo(message.format(days=days))
        return
    if expired:
        message = ngettext(
            "{count} session last updated more than {days} days ago:",
            "{count} sessions last updated more than {days} days ago:",
            len(expired),
        )
        click.echo(message.format(count=len(expired), days=days))
        print_table(session_rows(store, expired, SystemClock()), expired)
    if aside:
        message = ngettext(
            "{count} file set aside as damaged, which may hold notes:",
            "{count} files set aside as damaged, which may hold notes:",
            len(aside),
        )
        click.echo(message.format(count=len(aside)))
        print_set_aside(aside, now)
    many = len(expired) + len(aside) != 1
    question = _("Delete them for good?") if many else _("Delete it for good?")
    if not yes and not click.confirm(question):
        click.echo(_("Nothing deleted."))
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
            failed.append(_("{id}: left alone, it is open in another window").format(id=summary.id))
        except StorageError as error:
            left_alone.add(summary.id)
            failed.append(str(error))
    if expired:
        message = ngettext(
            "Deleted for good: {count} session.",
            "Deleted for good: {count} sessions.",
            len(deleted),
        )
        click.echo(message.format(count=len(deleted)))
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
        message = ngettext(
            "Deleted for good: {count} set-aside file.",
            "Deleted for good: {count} set-aside files.",
            removed,
        )
        click.echo(message.format(count=removed))
    for line in failed:
        click.echo(line, err=True)
    if failed or group_problems:
        raise click.exceptions.Exit(1)
