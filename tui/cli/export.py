"""``circlekeeper export``: a session's participant handout or facilitator record as a file.

The session is read without its lock (see :meth:`SessionStore.read
<circlekeeper.sessions.storage.SessionStore.read>`), so a session still open in the app can
be exported, and nothing in it is changed. Every problem (an unknown session, a bad
format, a file that exists or cannot be written) is one line on standard error and a
non-zero exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

import click

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError, StorageError
from circlekeeper.sessions.export import (
    Audience,
    ExportError,
    ExportExists,
    ExportFolderMissing,
    Format,
    default_path,
    render,
    save_export,
    summary_of,
)
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.translated import TranslatedCommand

T = TypeVar("T")

AUDIENCES = {"participants": Audience.PARTICIPANTS, "facilitator": Audience.FACILITATOR}
FORMATS = {
    "md": Format.MARKDOWN,
    "markdown": Format.MARKDOWN,
    "html": Format.HTML,
    "json": Format.JSON,
    "csv": Format.CSV,
}


def _choice(
    table: Mapping[str, T], words: str
) -> Callable[[click.Context, click.Parameter, str], T]:
    # Checked by hand so a bad value is one line, not click's usage banner.
    def callback(ctx: click.Context, param: click.Parameter, value: str) -> T:
        found = table.get(value.strip().lower())
        if found is None:
            option = max(param.opts, key=len)
            message = _("{option}: '{value}' is not known; use {choices}")
            raise click.ClickException(message.format(option=option, value=value, choices=_(words)))
        return found

    return callback


def _read_session(store: SessionStore, session_id: str) -> Session:
    try:
        record = store.read(session_id)
        return Session.resume(record, SystemClock(), read_only=True)
    except (StorageError, SessionError) as error:
        raise click.ClickException(str(error)) from None


@click.command(
    cls=TranslatedCommand,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "Write the handout or the record of the session SESSION_ID.\n\n"
        "The id is the first column of `circlekeeper sessions list`. An existing file is "
        "never overwritten unless --force is given, and only a regular file is written."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper export 2026-03-04-7kq2 --audience participants --format html
  circlekeeper export 2026-03-04-7kq2 --audience participants > handout.md
  circlekeeper export 2026-03-04-7kq2 --audience facilitator --format json -o record.json
  circlekeeper export 2026-03-04-7kq2 --audience facilitator -f html -o record.html --force
  circlekeeper export 2026-03-04-7kq2 -a participants -f html -o march/handout.html --mkdir
"""),
)
@click.argument("session_id", metavar="SESSION_ID")
@click.option(
    "--audience",
    "-a",
    required=True,
    metavar="participants|facilitator",
    callback=_choice(AUDIENCES, N_("participants or facilitator")),
    help=N_(
        "participants: the handout (agenda, prompts, resources, shared themes and "
        "actions). facilitator: the whole record, kept private (file mode 0600)."
    ),
)
@click.option(
    "--format",
    "-f",
    "fmt",
    default="md",
    show_default=True,
    metavar="md|html|json|csv",
    callback=_choice(FORMATS, N_("md, html, json or csv")),
    help=N_(
        "Markdown, one printable HTML page with QR codes, JSON (schema "
        "circlekeeper-summary version 1), or CSV for a spreadsheet (one row a note)."
    ),
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, allow_dash=True),
    help=N_(
        "The file to write, or a folder to write it in under its usual name ('-' for "
        "standard output). Without it, Markdown and JSON go to standard output and HTML is "
        "saved in the exports folder under its usual name."
    ),
)
@click.option(
    "--force",
    is_flag=True,
    help=N_(
        "Overwrite the output file if it exists. Only a regular file is ever replaced: "
        "a device, a named pipe or a symbolic link is refused even so."
    ),
)
@click.option(
    "--mkdir",
    "make_folder",
    is_flag=True,
    help=N_(
        "Create the output file's folder if it does not exist (by default a missing "
        "folder is an error, so a typo never makes a new folder)."
    ),
)
@pass_invocation
def export(
    invocation: Invocation,
    session_id: str,
    audience: Audience,
    fmt: Format,
    output: Path | None,
    force: bool,
    make_folder: bool,
) -> None:
    """Render the summary to standard output, or save it as a file."""
    store = SessionStore.in_folders(invocation.folders)
    summary = summary_of(_read_session(store, session_id), audience)
    to_stdout = str(output) == "-" or (output is None and fmt is not Format.HTML)
    if to_stdout:
        sys.stdout.write(render(summary, fmt))
        sys.stdout.flush()
        return
    if output is None:
        # The exports folder is the app's own, so it is made on first use.
        target = default_path(summary, fmt, invocation.folders.export_folder())
        make_folder = True
    else:
        target = default_path(summary, fmt, output) if output.is_dir() else output
    try:
        path = save_export(summary, fmt, target, overwrite=force, make_folder=make_folder)
    except ExportExists as error:
        message = _("{path}: already exists; use --force to overwrite it").format(path=error.path)
        raise click.ClickException(message) from None
    except ExportFolderMissing as error:
        message = _("{problem}; add --mkdir to create it").format(problem=error)
        raise click.ClickException(message) from None
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    saved = (
        _("Saved the handout ({format}) to {path}")
        if audience is Audience.PARTICIPANTS
        else _("Saved the record ({format}) to {path}")
    )
    click.echo(saved.format(format=fmt.label, path=path))
