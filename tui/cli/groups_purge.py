"""``circlekeeper purge`` for groups: the groups not changed for a number of days.

Groups are not the usual business of a purge, so nothing is said when none is old enough.
"""

from __future__ import annotations

import click

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.tui.cli.context import Invocation
from circlekeeper.tui.text import clipped


def purge_groups(invocation: Invocation, days: int, *, yes: bool) -> list[str]:
    """Offer to delete the groups not changed for ``days`` days; returns problems."""
    store = GroupStore(invocation.folders.groups)
    expired = store.expired(days, SystemClock().now())
    if not expired:
        return []  # groups are not the usual business of a purge: say nothing
    message = ngettext(
        "{count} group last changed more than {days} days ago:",
        "{count} groups last changed more than {days} days ago:",
        len(expired),
    )
    click.echo(message.format(count=len(expired), days=days))
    own_age = _("(its sessions are purged by their own age)")
    for group in expired:
        click.echo(f"  {clipped(group.name, 40)}  {own_age}")
    if not yes and not click.confirm(_("Delete these groups for good?")):
        click.echo(_("No group deleted."))
        return []
    failed = []
    for group in expired:
        try:
            store.delete(group.id)
        except StorageError as error:
            failed.append(str(error))
    deleted = len(expired) - len(failed)
    message = ngettext(
        "Deleted for good: {count} group.", "Deleted for good: {count} groups.", deleted
    )
    click.echo(message.format(count=deleted))
    return failed
