"""``circlekeeper groups ...``: groups that meet again.

A group holds no personal data: its name, its usual agenda, its agreements, its open
items and its history of counts. Every problem (an unknown group, a damaged group file,
a name refused by the personal-data guard) is one line on standard error and a non-zero
exit code.
"""

from __future__ import annotations

from datetime import datetime

import click

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.groups.history import history_figures
from circlekeeper.sessions.groups.model import Group
from circlekeeper.sessions.groups.store import GroupStore, check_group_name
from circlekeeper.sessions.reports.figures import SessionFigures
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.groups_report import report_group
from circlekeeper.tui.text import clipped


def _store(invocation: Invocation) -> GroupStore:
    return GroupStore(invocation.folders.groups)


def _find(store: GroupStore, name: str) -> Group:
    try:
        return store.find(name)
    except StorageError as error:
        raise click.ClickException(str(error)) from None


def _now() -> datetime:
    return SystemClock().now()


@click.group(
    epilog="""\b
Examples:
  circlekeeper groups list
  circlekeeper groups show "Tuesday circle"
  circlekeeper groups rename "Tuesday circle" "Thursday circle"
  circlekeeper groups set "Tuesday circle" --min-count 6 --last-time-minutes 10
  circlekeeper groups agreements "Tuesday circle" --add "Phones away"
  circlekeeper groups delete "Tuesday circle" --with-sessions
  circlekeeper groups report "Tuesday circle" --format csv --min-count 8
"""
)
def groups() -> None:
    """Groups that meet again: their agreements, open items and counts (never names)."""


groups.add_command(report_group)


@groups.command("list")
@pass_invocation
def list_groups(invocation: Invocation) -> None:
    """Show every group, with its usual agenda, meetings and open items."""
    listing = _store(invocation).list()
    if not listing.groups:
        click.echo("No groups yet: choose or create one when you start a session.")
    else:
        click.echo(f"{'NAME':<32} {'AGENDA':<28} MEETINGS  OPEN ITEMS")
        for group in listing.groups:
            click.echo(
                f"{clipped(group.name, 32):<32} {clipped(group.template or '-', 28):<28} "
                f"{len(group.history):>8}  {len(group.items):>10}"
            )
    for problem in listing.problems:
        click.echo(problem, err=True)
    if listing.problems:
        raise click.exceptions.Exit(1)


@groups.command("show")
@click.argument("name")
@pass_invocation
def show_group(invocation: Invocation, name: str) -> None:
    """Show a group: its settings, agreements, open items and counts per meeting."""
    group = _find(_store(invocation), name)
    click.echo(group.name)
    click.echo(f"  usual agenda: {group.template or '-'}")
    click.echo(f"  'From last time' part: {group.from_last_time_minutes} min")
    click.echo(f"  smallest count shown in reports (k): {group.min_count}")
    click.echo(f"Agreements ({len(group.agreements)}):")
    for number, agreement in enumerate(group.agreements, 1):
        click.echo(f"  {number}. {agreement}")
    click.echo(f"Open items ({len(group.items)}):")
    for item in group.items:
        times = "" if item.carried < 2 else f" (brought {item.carried} times)"
        click.echo(f"  - {item.kind.label}: {item.text}{times}")
    click.echo(f"Meetings ({len(group.history)}):")
    for figures in history_figures(group):
        click.echo(f"  {_meeting_line(figures)}")


def _meeting_line(figures: SessionFigures | None) -> str:
    if figures is None:
        return "counts unavailable (written by an earlier version in a shape not read now)"
    new = "" if figures.newcomers is None else f"{figures.newcomers} new, "
    return (
        f"{figures.date or '?'}  {figures.attendance} present, {new}{figures.minutes_run} of "
        f"{figures.minutes_planned} min, {figures.parts_overran} part(s) overran, "
        f"{sum(figures.notes)} notes, crisis key {figures.crisis_uses}x"
    )


@groups.command("set")
@click.argument("name")
@click.option(
    "--min-count", "-k", type=int, help="The group's k: counts below it are never shown (from 3)."
)
@click.option(
    "--last-time-minutes", type=int, help="The length of the 'From last time' part (1-30)."
)
@pass_invocation
def set_group(
    invocation: Invocation, name: str, min_count: int | None, last_time_minutes: int | None
) -> None:
    """Change a group's settings: its k for reports, and its 'From last time' minutes."""
    from circlekeeper.sessions.groups.model import LOWEST_MIN_COUNT

    if min_count is not None and min_count < LOWEST_MIN_COUNT:
        raise click.ClickException(
            f"--min-count: at least {LOWEST_MIN_COUNT} (got {min_count}): "
            "a smaller count could point at one person"
        )
    if last_time_minutes is not None and not 1 <= last_time_minutes <= 30:
        raise click.ClickException(f"--last-time-minutes: 1 to 30 (got {last_time_minutes})")
    store = _store(invocation)
    group = _find(store, name)
    changes: dict[str, int] = {}
    if min_count is not None:
        changes["min_count"] = min_count
    if last_time_minutes is not None:
        changes["from_last_time_minutes"] = last_time_minutes
    if changes:
        try:
            group = store.update(group.id, lambda g: g.with_changes(**changes), _now())
        except StorageError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"{group.name}: k {group.min_count}, 'From last time' "
               f"{group.from_last_time_minutes} min")  # fmt: skip


@groups.command("rename")
@click.argument("name")
@click.argument("new_name")
@pass_invocation
def rename_group(invocation: Invocation, name: str, new_name: str) -> None:
    """Give a group a new name (checked for personal data, as a new one is)."""
    try:
        group = _store(invocation).rename(name, new_name, _now())
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Renamed to {group.name!r}.")


@groups.command("delete")
@click.argument("name")
@click.option("--with-sessions", is_flag=True, help="Delete the group's sessions too.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@pass_invocation
def delete_group(invocation: Invocation, name: str, with_sessions: bool, yes: bool) -> None:
    """Delete a group's agreements, open items and history for good.

    Its sessions are left as they are, unless --with-sessions is given.
    """
    store = _store(invocation)
    group = _find(store, name)
    what = f"the group {group.name!r} ({len(group.items)} open items, {len(group.history)} "
    what += "meetings' counts)"
    if with_sessions:
        what += f" and its {len(group.sessions)} session(s)"
    if not yes and not click.confirm(f"Delete {what} for good?"):
        click.echo("Nothing deleted.")
        return
    failed = []
    if with_sessions:
        from circlekeeper.sessions.storage.session_store import SessionStore, UnknownSession

        sessions = SessionStore.in_folders(invocation.folders)
        for session_id in group.sessions:
            try:
                sessions.delete(session_id)
            except UnknownSession:
                pass  # deleted already
            except StorageError as error:
                failed.append(str(error))
    try:
        store.delete(group.id)
    except StorageError as error:
        failed.append(str(error))
    for line in failed:
        click.echo(line, err=True)
    if failed:
        raise click.exceptions.Exit(1)
    click.echo(f"Deleted {group.name!r}.")


@groups.command("agreements")
@click.argument("name")
@click.option("--add", "added", multiple=True, help="Add an agreement (repeat for more).")
@click.option("--remove", "removed", type=int, multiple=True, help="Remove agreement N.")
@click.option("--edit", is_flag=True, help="Edit them in your text editor, one a line.")
@pass_invocation
def agreements(
    invocation: Invocation, name: str, added: tuple[str, ...], removed: tuple[int, ...],
    edit: bool,
) -> None:  # fmt: skip
    """Show a group's agreements, or change them.

    They are read at the start of a meeting whenever someone new comes. Each is checked
    for personal data before it is saved.
    """
    store = _store(invocation)
    group = _find(store, name)
    new = list(group.agreements)
    if edit:
        text = click.edit("\n".join(new) + "\n", extension=".txt")
        if text is not None:
            new = [line.strip() for line in text.splitlines() if line.strip()]
    for number in sorted(set(removed), reverse=True):
        if not 1 <= number <= len(new):
            raise click.ClickException(f"There is no agreement {number}; there are {len(new)}.")
        del new[number - 1]
    new.extend(a.strip() for a in added if a.strip())
    if tuple(new) != group.agreements:
        try:
            checked = tuple(_checked_agreement(a) for a in new)
            group = store.update(group.id, lambda g: g.with_changes(agreements=checked), _now())
        except StorageError as error:
            raise click.ClickException(str(error)) from None
    for number, agreement in enumerate(group.agreements, 1):
        click.echo(f"{number}. {agreement}")
    if not group.agreements:
        click.echo("No agreements yet.")


def _checked_agreement(text: str) -> str:
    from circlekeeper.sessions.groups.model import MAX_ITEM_LENGTH
    from circlekeeper.sessions.privacy.guard import find_personal_data
    from circlekeeper.sessions.safe_text import safe_text

    cleaned = " ".join(safe_text(text, lines=False).split())
    if len(cleaned) > MAX_ITEM_LENGTH:
        raise StorageError(f"An agreement is at most {MAX_ITEM_LENGTH} characters.")
    if find_personal_data(cleaned):
        raise StorageError(f"{cleaned!r} looks like it holds personal data; nothing was saved.")
    return cleaned


def purge_groups(invocation: Invocation, days: int, *, yes: bool) -> list[str]:
    """Offer to delete the groups not changed for ``days`` days; returns problems."""
    store = _store(invocation)
    expired = store.expired(days, _now())
    if not expired:
        return []  # groups are not the usual business of a purge: say nothing
    click.echo(f"{len(expired)} group(s) last changed more than {days} days ago:")
    for group in expired:
        click.echo(f"  {clipped(group.name, 40)}  (its sessions are purged by their own age)")
    if not yes and not click.confirm("Delete these groups for good?"):
        click.echo("No group deleted.")
        return []
    failed = []
    for group in expired:
        try:
            store.delete(group.id)
        except StorageError as error:
            failed.append(str(error))
    click.echo(f"Deleted for good: {len(expired) - len(failed)} group(s).")
    return failed


__all__ = ["check_group_name", "groups", "purge_groups"]
