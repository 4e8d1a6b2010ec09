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
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.reports.figures import SessionFigures
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.groups_report import report_group
from circlekeeper.tui.cli.translated import TranslatedGroup
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
    cls=TranslatedGroup,
    help=N_("Groups that meet again: their agreements, open items and counts (never names)."),
    epilog=N_("""\b
Examples:
  circlekeeper groups list
  circlekeeper groups show "Tuesday circle"
  circlekeeper groups rename "Tuesday circle" "Thursday circle"
  circlekeeper groups set "Tuesday circle" --min-count 6 --last-time-minutes 10
  circlekeeper groups agreements "Tuesday circle" --add "Phones away"
  circlekeeper groups delete "Tuesday circle" --with-sessions
  circlekeeper groups report "Tuesday circle" --format csv --min-count 8
"""),
)
def groups() -> None:
    """The ``groups`` group: its commands do the work."""


groups.add_command(report_group)


@groups.command(
    "list", help=N_("Show every group, with its usual agenda, meetings and open items.")
)
@pass_invocation
def list_groups(invocation: Invocation) -> None:
    """Print the groups as a table."""
    listing = _store(invocation).list()
    if not listing.groups:
        click.echo(_("No groups yet: choose or create one when you start a session."))
    else:
        name, agenda, meetings, items = _("NAME"), _("AGENDA"), _("MEETINGS"), _("OPEN ITEMS")
        click.echo(f"{name:<32} {agenda:<28} {meetings:>8}  {items}")
        for group in listing.groups:
            click.echo(
                f"{clipped(group.name, 32):<32} {clipped(group.template or '-', 28):<28} "
                f"{len(group.history):>{len(meetings)}}  {len(group.items):>{len(items)}}"
            )
    for problem in listing.problems:
        click.echo(problem, err=True)
    if listing.problems:
        raise click.exceptions.Exit(1)


@groups.command(
    "show", help=N_("Show a group: its settings, agreements, open items and counts per meeting.")
)
@click.argument("name")
@pass_invocation
def show_group(invocation: Invocation, name: str) -> None:
    """Print everything the group keeps."""
    group = _find(_store(invocation), name)
    click.echo(group.name)
    click.echo("  " + _("usual agenda: {agenda}").format(agenda=group.template or "-"))
    minutes = group.from_last_time_minutes
    click.echo("  " + _("'From last time' part: {minutes} min").format(minutes=minutes))
    click.echo("  " + _("smallest count shown in reports (k): {k}").format(k=group.min_count))
    click.echo(_("Agreements ({count}):").format(count=len(group.agreements)))
    for number, agreement in enumerate(group.agreements, 1):
        click.echo(f"  {number}. {agreement}")
    click.echo(_("Open items ({count}):").format(count=len(group.items)))
    for item in group.items:
        times = "" if item.carried < 2 else " " + _("(brought {times} times)")
        click.echo(f"  - {item.kind.label}: {item.text}{times.format(times=item.carried)}")
    click.echo(_("Meetings ({count}):").format(count=len(group.history)))
    for figures in history_figures(group):
        click.echo(f"  {_meeting_line(figures)}")


def _meeting_line(figures: SessionFigures | None) -> str:
    if figures is None:
        return _("counts unavailable (written by an earlier version in a shape not read now)")
    new = "" if figures.newcomers is None else _("{count} new, ").format(count=figures.newcomers)
    line = _(
        "{present} present, {new}{ran} of {planned} min, {overran} part(s) overran, "
        "{notes} notes, crisis key {crisis}x"
    ).format(
        present=figures.attendance, new=new, ran=figures.minutes_run,
        planned=figures.minutes_planned, overran=figures.parts_overran,
        notes=sum(figures.notes), crisis=figures.crisis_uses,
    )  # fmt: skip
    return f"{figures.date or '?'}  {line}"


@groups.command(
    "set",
    help=N_("Change a group's settings: its k for reports, and its 'From last time' minutes."),
)
@click.argument("name")
@click.option(
    "--min-count",
    "-k",
    type=int,
    help=N_("The group's k: counts below it are never shown (from 3)."),
)
@click.option(
    "--last-time-minutes", type=int, help=N_("The length of the 'From last time' part (1-30).")
)
@pass_invocation
def set_group(
    invocation: Invocation, name: str, min_count: int | None, last_time_minutes: int | None
) -> None:
    """Check the new values, then save them."""
    from circlekeeper.sessions.groups.model import LOWEST_MIN_COUNT

    if min_count is not None and min_count < LOWEST_MIN_COUNT:
        message = _(
            "--min-count: at least {lowest} (got {value}): "
            "a smaller count could point at one person"
        )
        raise click.ClickException(message.format(lowest=LOWEST_MIN_COUNT, value=min_count))
    if last_time_minutes is not None and not 1 <= last_time_minutes <= 30:
        message = _("--last-time-minutes: 1 to 30 (got {value})")
        raise click.ClickException(message.format(value=last_time_minutes))
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
    settings = _("{name}: k {k}, 'From last time' {minutes} min")
    click.echo(
        settings.format(name=group.name, k=group.min_count, minutes=group.from_last_time_minutes)
    )


@groups.command(
    "rename", help=N_("Give a group a new name (checked for personal data, as a new one is).")
)
@click.argument("name")
@click.argument("new_name")
@pass_invocation
def rename_group(invocation: Invocation, name: str, new_name: str) -> None:
    """Rename the group."""
    try:
        group = _store(invocation).rename(name, new_name, _now())
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    click.echo(_("Renamed to {name}.").format(name=repr(group.name)))


@groups.command(
    "delete",
    help=N_(
        "Delete a group's agreements, open items and history for good.\n\n"
        "Its sessions are left as they are, unless --with-sessions is given."
    ),
)
@click.argument("name")
@click.option("--with-sessions", is_flag=True, help=N_("Delete the group's sessions too."))
@click.option("--yes", "-y", is_flag=True, help=N_("Do not ask first."))
@pass_invocation
def delete_group(invocation: Invocation, name: str, with_sessions: bool, yes: bool) -> None:
    """Ask, then delete the group (and its sessions when asked to)."""
    store = _store(invocation)
    group = _find(store, name)
    question = (
        _("Delete the group {name} ({items} open items, {meetings} meetings' counts) "
          "and its {sessions} session(s) for good?")
        if with_sessions
        else _("Delete the group {name} ({items} open items, {meetings} meetings' counts) "
               "for good?")
    )  # fmt: skip
    question = question.format(
        name=repr(group.name), items=len(group.items), meetings=len(group.history),
        sessions=len(group.sessions),
    )  # fmt: skip
    if not yes and not click.confirm(question):
        click.echo(_("Nothing deleted."))
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
    click.echo(_("Deleted {name}.").format(name=repr(group.name)))


@groups.command(
    "agreements",
    help=N_(
        "Show a group's agreements, or change them.\n\n"
        "They are read at the start of a meeting whenever someone new comes. Each is checked "
        "for personal data before it is saved."
    ),
)
@click.argument("name")
@click.option("--add", "added", multiple=True, help=N_("Add an agreement (repeat for more)."))
@click.option("--remove", "removed", type=int, multiple=True, help=N_("Remove agreement N."))
@click.option("--edit", is_flag=True, help=N_("Edit them in your text editor, one a line."))
@pass_invocation
def agreements(
    invocation: Invocation, name: str, added: tuple[str, ...], removed: tuple[int, ...],
    edit: bool,
) -> None:  # fmt: skip
    """Print the agreements, after any change asked for."""
    store = _store(invocation)
    group = _find(store, name)
    new = list(group.agreements)
    if edit:
        text = click.edit("\n".join(new) + "\n", extension=".txt")
        if text is not None:
            new = [line.strip() for line in text.splitlines() if line.strip()]
    for number in sorted(set(removed), reverse=True):
        if not 1 <= number <= len(new):
            message = _("There is no agreement {number}; there are {count}.")
            raise click.ClickException(message.format(number=number, count=len(new)))
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
        click.echo(_("No agreements yet."))


def _checked_agreement(text: str) -> str:
    from circlekeeper.sessions.groups.model import MAX_ITEM_LENGTH
    from circlekeeper.sessions.privacy.guard import find_personal_data
    from circlekeeper.sessions.safe_text import safe_text

    cleaned = " ".join(safe_text(text, lines=False).split())
    if len(cleaned) > MAX_ITEM_LENGTH:
        message = _("An agreement is at most {count} characters.")
        raise StorageError(message.format(count=MAX_ITEM_LENGTH))
    if find_personal_data(cleaned):
        message = _("{text} looks like it holds personal data; nothing was saved.")
        raise StorageError(message.format(text=repr(cleaned)))
    return cleaned


__all__ = ["check_group_name", "groups"]
