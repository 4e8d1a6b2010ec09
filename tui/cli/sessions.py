"""``circlekeeper sessions list|delete`` and ``circlekeeper purge``: the saved sessions.

Deleting is for real: the session's file is removed, not hidden. Every problem (an unknown
id, a session open in another window, a file that could not be written) is one line on
standard error and a non-zero exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import click

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.session_store import SessionLocked, SessionStore, SessionSummary
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.text import clipped

TITLE_WIDTH = 36


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _title(summary: SessionSummary) -> str:
    return clipped(summary.title or "(untitled)", TITLE_WIDTH)


def _table(summaries: Iterable[SessionSummary]) -> None:
    """Print sessions as aligned columns under a header line."""
    click.echo(f"{'ID':<16}  {'TITLE':<{TITLE_WIDTH}}  {'STATE':<7}  {'CREATED':<16}  LAST UPDATE")
    for s in summaries:
        click.echo(
            f"{s.id:<16}  {_title(s):<{TITLE_WIDTH}}  {s.state:<7}  "
            f"{_when(s.created):<16}  {_when(s.updated)}"
        )


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
  circlekeeper --data-dir ~/groups sessions list
""",
)
@pass_invocation
def list_sessions(invocation: Invocation) -> None:
    """Show every saved session, most recently updated first.

    Files that could not be read as a session are reported on standard error with
    their path; damaged ones are set aside as NAME.damaged so nothing else is affected.
    """
    store = SessionStore.in_folders(invocation.folders)
    try:
        listing = store.list()
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    if listing.index_rebuilt:
        click.echo(f"The session index was damaged and has been rebuilt in {store.root}.", err=True)
    for entry in listing.damaged:
        click.echo(f"damaged: {entry.message()}", err=True)
    if not listing.sessions:
        click.echo(f"No saved sessions in {store.root}.")
        return
    _table(listing.sessions)


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

    The id is the first column of `circlekeeper sessions list`.
    """
    store = SessionStore.in_folders(invocation.folders)
    try:
        store.folder.known_path(session_id)
        if not yes:
            summary = next((s for s in store.list().sessions if s.id == session_id), None)
            about = (
                f"{_title(summary)}, last updated {_when(summary.updated)}"
                if summary
                else "its file could not be read"
            )
            click.confirm(
                f"Delete session {session_id} ({about}) for good? This cannot be undone",
                abort=True,
            )
        path = store.delete(session_id)
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Deleted for good: session {session_id} ({path}).")


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
    help="Delete sessions last updated more than DAYS days ago.",
)
@click.option("--yes", "-y", is_flag=True, help="Do not ask before deleting.")
@pass_invocation
def purge(invocation: Invocation, days: int, yes: bool) -> None:
    """Delete for good every session not updated for more than DAYS days.

    The sessions are listed first. Sessions open in another window are left alone.
    """
    store = SessionStore.in_folders(invocation.folders)
    try:
        expired = store.expired(days, SystemClock().now())
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    if not expired:
        click.echo(f"No sessions were last updated more than {days} days ago.")
        return
    count = len(expired)
    plural = "s" if count != 1 else ""
    click.echo(f"{count} session{plural} last updated more than {days} days ago:")
    _table(expired)
    if not yes:
        click.confirm(f"Delete {'them' if count != 1 else 'it'} for good?", abort=True)
    deleted, failed = 0, []
    for summary in expired:
        try:
            store.delete(summary.id)
            deleted += 1
        except SessionLocked:
            failed.append(f"{summary.id}: left alone, it is open in another window")
        except StorageError as error:
            failed.append(str(error))
    click.echo(f"Deleted for good: {deleted} session{'s' if deleted != 1 else ''}.")
    for line in failed:
        click.echo(line, err=True)
    if failed:
        raise click.exceptions.Exit(1)
