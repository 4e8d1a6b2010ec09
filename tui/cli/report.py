"""``circlekeeper report``: a coordinator's count-only report over facilitators' records.

A coordinator collects the JSON facilitator records (``circlekeeper export --audience
facilitator --format json``) of several sessions, perhaps from facilitators on different
versions, and combines them into counts per session and totals, every one
disclosure-controlled. A file that is not a record is one line on standard error and is
left out; the others still make the report (none at all is an error).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from circlekeeper.sessions.export.write import ExportError, ExportExists
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.reports.disclosure import DEFAULT_K, DisclosureError, check_k
from circlekeeper.sessions.reports.records import NotARecord, read_record
from circlekeeper.sessions.reports.render import (
    COORDINATOR_REPORT,
    ReportFormat,
    render_report,
    save_report,
)
from circlekeeper.sessions.reports.report import build_report
from circlekeeper.tui.cli.translated import TranslatedCommand


def min_count(ctx: click.Context, param: click.Parameter, value: int) -> int:
    """The --min-count value when it may be used; one clear line when not."""
    try:
        return check_k(value)
    except DisclosureError as error:
        raise click.ClickException(_("--min-count: {problem}").format(problem=error)) from None


def report_format(ctx: click.Context, param: click.Parameter, value: str) -> ReportFormat:
    """The --format value, or one clear line naming the formats."""
    try:
        return ReportFormat(value.strip().lower())
    except ValueError:
        message = _("{option}: '{value}' is not known; use {choices}")
        choices = _("html, csv or json")
        raise click.ClickException(
            message.format(option="--format", value=value, choices=choices)
        ) from None


F = TypeVar("F", bound=Callable[..., Any])


def format_option(help_text: str) -> Callable[[F], F]:
    """The ``--format`` option of a report command; ``help_text`` (marked with ``N_``)
    says what each format holds for that command."""
    return click.option(
        "--format",
        "-f",
        "fmt",
        default="html",
        show_default=True,
        metavar="html|csv|json",
        callback=report_format,
        help=help_text,
    )


def output_options(command: F) -> F:
    """The ``--output`` and ``--force`` options every report command takes."""
    command = click.option(
        "--force", is_flag=True, help=N_("Overwrite the output file if it exists.")
    )(command)
    return click.option(
        "--output",
        "-o",
        type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
        help=N_("The file to write ('-' or none: standard output)."),
    )(command)


@click.command(
    cls=TranslatedCommand,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "Combine facilitator RECORDS (JSON exports) into a report safe to share.\n\n"
        "Only counts reach the report: attendance, newcomers, minutes, overruns, crisis key "
        "uses, notes by kind, mood counts and the rating check; never a note, a title or a name."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper report march/*.json --format html --output march-report.html
  circlekeeper report a.json b.json --format csv --min-count 8 > counts.csv
"""),
)
@click.argument("records", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option(
    N_("A printable page with charts, a spreadsheet (one row per session per figure), or JSON.")
)
@click.option(
    "--min-count",
    "-k",
    default=DEFAULT_K,
    show_default=True,
    type=int,
    callback=min_count,
    help=N_(
        "Counts of fewer people than this are shown as '<K', and any total that would "
        "give one away is withheld too. Never below 3."
    ),
)
@output_options
def report(
    records: tuple[Path, ...], fmt: ReportFormat, min_count: int, output: Path | None, force: bool
) -> None:
    """Read every record, then write the report or print it."""
    figures, bad = [], []
    for path in records:
        try:
            figures.append(read_record(path).figures)
        except NotARecord as error:
            bad.append(str(error))
    for line in bad:
        click.echo(line, err=True)
    if not figures:
        raise click.ClickException(_("no report written: none of the files is a record"))
    built = build_report(figures, min_count, title=COORDINATOR_REPORT)
    if output is None or str(output) == "-":
        sys.stdout.write(render_report(built, fmt))
        sys.stdout.flush()
        return
    try:
        path = save_report(built, fmt, output, overwrite=force)
    except ExportExists as error:
        message = _("{path}: already exists; use --force to overwrite it").format(path=error.path)
        raise click.ClickException(message) from None
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    saved = _("Saved the report of {count} sessions ({format}) to {path}")
    left_out = ngettext("; {count} file left out", "; {count} files left out", len(bad))
    click.echo(
        saved.format(count=built.n, format=fmt.value, path=path)
        + (left_out.format(count=len(bad)) if bad else "")
    )
