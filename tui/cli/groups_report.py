"""``circlekeeper groups report NAME``: a group's history of counts as a report safe to share.

The figures are the group's own history (each meeting's figures, as its facilitator record
gives them), with the group's k unless ``--min-count`` says otherwise. The report never
carries the group's name or any word written in a meeting: its title is "Group report".
A meeting whose counts cannot be read is left out and said so on standard error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.export.write import ExportError, ExportExists
from circlekeeper.sessions.groups.history import history_figures
from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.reports.render import (
    GROUP_REPORT,
    ReportFormat,
    group_report,
    save_report,
)
from circlekeeper.sessions.reports.report import build_report
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.report import format_option, min_count, output_options
from circlekeeper.tui.cli.translated import TranslatedCommand


@click.command(
    "report",
    cls=TranslatedCommand,
    help=N_("Report a group's counts per meeting, disclosure-controlled and without its name."),
    epilog=N_("""\b
Examples:
  circlekeeper groups report "Tuesday circle" --output tuesday.html
  circlekeeper groups report "Tuesday circle" --format csv --min-count 8 > counts.csv
"""),
)
@click.argument("name")
@format_option(
    N_("A printable page with charts, a spreadsheet (one row per meeting per figure), or JSON.")
)
@click.option(
    "--min-count",
    "-k",
    "k",
    type=int,
    default=None,
    callback=lambda ctx, param, value: None if value is None else min_count(ctx, param, value),
    help=N_(
        "Counts of fewer people than this are shown as '<K', and any total that would "
        "give one away is withheld too. Never below 3. [default: the group's own]"
    ),
)
@output_options
@pass_invocation
def report_group(
    invocation: Invocation, name: str, fmt: ReportFormat, k: int | None, output: Path | None,
    force: bool,
) -> None:  # fmt: skip
    """Write the group's report, or print it."""
    try:
        group = GroupStore(invocation.folders.groups).find(name)
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    chosen = group.min_count if k is None else k
    read = history_figures(group)
    figures = [f for f in read if f is not None]
    if len(figures) < len(read):
        left_out = len(read) - len(figures)
        message = ngettext(
            "{count} meeting left out: counts unavailable",
            "{count} meetings left out: counts unavailable",
            left_out,
        )
        click.echo(message.format(count=left_out), err=True)
    if not figures:
        raise click.ClickException(_("no report written: the group has no meetings' counts yet"))
    if output is None or str(output) == "-":
        sys.stdout.write(group_report(figures, chosen, fmt))
        sys.stdout.flush()
        return
    try:
        path = save_report(build_report(figures, chosen, title=GROUP_REPORT), fmt, output,
                           overwrite=force)  # fmt: skip
    except ExportExists as error:
        message = _("{path}: already exists; use --force to overwrite it").format(path=error.path)
        raise click.ClickException(message) from None
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    saved = _("Saved the report of {count} meetings ({format}) to {path}")
    click.echo(saved.format(count=len(figures), format=fmt.value, path=path))
