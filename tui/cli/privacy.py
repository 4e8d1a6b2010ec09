"""``circlekeeper privacy check``: the personal-data guard for any text.

A coordinator runs it on a handout before emailing it, or on a notes file. Each
finding is printed as ``line:col: kind: text``; the exit code says whether anything
was found (1) or not (0), and 2 means the text could not be read.
"""

from __future__ import annotations

import re

import click

from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.privacy.guard import (
    WatchList,
    find_personal_data,
    first_known_region,
    known_region,
    locate,
)
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.tui.cli.context import Invocation
from circlekeeper.tui.cli.translated import TranslatedGroup


class InputError(click.ClickException):
    """The text to check could not be read; one line on stderr and exit code 2."""

    exit_code = 2


def _read(source: str) -> str:
    """The text of ``source`` (a path, or ``-`` for standard input) as UTF-8."""
    name = "stdin" if source == "-" else source
    try:
        with click.open_file(source, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(_("{name}: no such file").format(name=name)) from None
    except IsADirectoryError:
        raise InputError(_("{name}: is a folder, not a file").format(name=name)) from None
    except PermissionError:
        raise InputError(_("{name}: not allowed to read it").format(name=name)) from None
    except OSError as error:
        message = _("{name}: cannot read it ({reason})")
        raise InputError(message.format(name=name, reason=error.strerror or error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = _("{name}:{line}: not UTF-8 text (byte {byte}); save it as UTF-8 and try again")
        byte = f"0x{data[error.start]:02x}"
        raise InputError(message.format(name=name, line=line, byte=byte)) from None


def _check_region(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if value is None:
        # The environment's region, else the locale's (as read by the root command).
        invocation = ctx.find_object(Invocation)
        return first_known_region(invocation.phone_region_hints() if invocation else ())
    if not known_region(value):
        message = _("{value} is not a two-letter region such as GB, US or DE")
        raise click.BadParameter(message.format(value=repr(value)))
    return value.upper()


def _check_watch(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> WatchList:
    # "Maria, Sam" is how the app asks for names, so a comma separates names here too.
    names = []
    for each in value:
        pieces = [name.strip() for name in each.split(",") if name.strip()]
        names.extend(pieces or [each])  # a blank --watch is still refused below
    try:
        return WatchList(names)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.group(
    cls=TranslatedGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("Check text for personal data before it leaves your hands."),
)
def privacy() -> None:
    """The ``privacy`` group: its command does the work."""


@privacy.command(
    help=N_(
        "Find emails, phone numbers, street addresses and watched names in FILE.\n\n"
        "Reads standard input when FILE is - or left out. Each finding is printed as "
        "line:col: kind: text, with kind one of email, phone, address or name."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper privacy check handout.md
  circlekeeper privacy check --watch Maria --watch "Anne Marie" notes.txt
  circlekeeper privacy check --watch "Maria, Sam, José" notes.txt
  circlekeeper privacy check --region GB - < handout.html

\b
Exit codes: 0 nothing found, 1 something found, 2 the text could not be read
(or the command line was wrong).
"""),
)
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option(
    "--watch",
    "-w",
    "watch_list",
    multiple=True,
    metavar="NAME",
    callback=_check_watch,
    help=N_("Names to look for, separated by commas (or repeat --watch). Names are never saved."),
)
@click.option(
    "--region",
    metavar="XX",
    callback=_check_region,
    help=N_(
        "Two-letter region for local phone numbers "
        "(default: $CIRCLEKEEPER_PHONE_REGION, else your locale, else US)."
    ),
)
@click.pass_context
def check(ctx: click.Context, file: str, watch_list: WatchList, region: str) -> None:
    """Print each finding; exit with 1 when there is one."""
    text = _read(file)
    findings = find_personal_data(text, watch_list, region)
    for position, finding in locate(text, findings):
        # A finding may run over a line break; keep each report on one line.
        shown = safe_text(re.sub(r"\s+", " ", finding.text), lines=False)
        click.echo(f"{position.line}:{position.column}: {finding.kind}: {shown}")
    count = len(findings)
    if count:
        found = ngettext(
            "{count} possible piece of personal data found",
            "{count} possible pieces of personal data found",
            count,
        )
        click.echo(found.format(count=count), err=True)
    else:
        click.echo(_("no personal data found"), err=True)
    ctx.exit(1 if count else 0)
