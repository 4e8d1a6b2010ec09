"""``circlekeeper templates list|show|check|copy``: the agendas a facilitator can run.

A coordinator adapts a built-in agenda with ``copy``, edits it in any text editor and
checks it with ``check``, which prints every problem as ``path:line: message`` and exits
with 1 when any file has one, so it also works in a script or a forge's checks.
"""

from __future__ import annotations

from pathlib import Path

import click

from circlekeeper.sessions.engine.timekeeper import MAX_ATTENDANCE
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.errors import TemplateError
from circlekeeper.sessions.templates.library import (
    TemplateEntry,
    TemplateExistsError,
    TemplateLibrary,
    TemplateNotFoundError,
)
from circlekeeper.sessions.templates.parse import check_template_file, load_template_file
from circlekeeper.tui.cli.agenda_text import agenda_lines, structure_problems
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.translated import TranslatedGroup
from circlekeeper.tui.text import clipped

TITLE_WIDTH = 44


@click.group(
    cls=TranslatedGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("List, read, check and copy agenda templates."),
    epilog=N_("""\b
Examples:
  circlekeeper templates list
  circlekeeper templates show first-meeting
  circlekeeper templates copy first-meeting
  circlekeeper templates check ~/agendas/our-first-meeting.md
"""),
)
def templates() -> None:
    """The ``templates`` group: its commands do the work."""


def _library(invocation: Invocation) -> TemplateLibrary:
    return TemplateLibrary.in_folders(invocation.folders)


def _where(entry: TemplateEntry) -> str:
    if entry.builtin:
        return _("built-in")
    return _("yours, overrides built-in") if entry.overrides_builtin else _("yours")


def _short(text: str) -> str:
    return clipped(text, TITLE_WIDTH)


@templates.command(
    "list",
    help=N_(
        "List the built-in templates and your own.\n\n"
        "A template of yours with a built-in one's name is used instead of it, and is "
        'marked "overrides built-in".'
    ),
    epilog=N_("""\b
Examples:
  circlekeeper templates list
  circlekeeper --templates-dir ~/agendas templates list
"""),
)
@pass_invocation
def list_command(invocation: Invocation) -> None:
    """Print the templates as a table, then where your own go."""
    library = _library(invocation)
    entries = library.entries()
    head = [_("NAME"), _("TITLE"), _("LENGTH"), _("PARTS"), _("WHERE")]
    name_width = max([len(head[0]), *(len(e.name) for e in entries)])
    length_width = max(7, len(head[2]))
    parts_width = max(5, len(head[3]))
    click.echo(
        f"{head[0]:<{name_width}}  {head[1]:<{TITLE_WIDTH}}  {head[2]:>{length_width}}  "
        f"{head[3]:>{parts_width}}  {head[4]}"
    )
    for entry in entries:
        if entry.ok:
            title, length, parts = (
                _short(entry.title),
                _("{minutes} min").format(minutes=entry.minutes),
                str(entry.part_count),
            )
        else:
            title, length, parts = _("has problems, run templates check"), "-", "-"
        click.echo(
            f"{entry.name:<{name_width}}  {title:<{TITLE_WIDTH}}  {length:>{length_width}}  "
            f"{parts:>{parts_width}}  {_where(entry)}"
        )
    click.echo("\n" + _("Your own templates go in {folder}").format(folder=library.folder))
    broken = [e for e in entries if not e.ok]
    if broken:
        shown = " ".join(safe_text(str(e.path), lines=False) for e in broken)
        click.echo(
            _("To see what is wrong: circlekeeper templates check {paths}").format(paths=shown)
        )


def _load(library: TemplateLibrary, name: str) -> Agenda:
    """The agenda called ``name``, or in the file ``name`` when it is a path."""
    candidate = Path(name).expanduser()
    if candidate.suffix.lower() == ".md" and candidate.is_file():
        return load_template_file(candidate)
    return library.find(name)


@templates.command(
    help=N_(
        "Show the agenda of template NAME (or of a .md file): parts, times, prompts, "
        "guidance for the facilitator, and resources."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper templates show first-meeting
  circlekeeper templates show ~/agendas/our-first-meeting.md
  circlekeeper templates show open-sharing-circle | less
"""),
)
@click.argument("name")
@pass_invocation
def show(invocation: Invocation, name: str) -> None:
    """Print the agenda, or one line for each of its problems."""
    try:
        agenda = _load(_library(invocation), name)
    except TemplateNotFoundError as error:
        message = _("{problem}; run 'circlekeeper templates list'").format(problem=error)
        raise click.ClickException(message) from None
    except TemplateError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        message = _("the template '{name}' has problems; it cannot be shown").format(name=name)
        raise click.ClickException(message) from None
    for line in agenda_lines(agenda):
        click.echo(line)


def _files_to_check(library: TemplateLibrary, targets: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    named = {e.name: e.path for e in library.entries()}
    for target in targets:
        path = Path(target).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.glob("*.md") if p.is_file())
            if not found:
                message = _("{path}: no templates (.md files) in this folder")
                raise click.ClickException(message.format(path=path))
            files += found
        elif not path.exists() and target in named:
            files.append(named[target])
        else:
            files.append(path)
    return files


@templates.command(
    help=N_(
        "Check template files for problems, listing every one as path:line: message.\n\n"
        "PATH may be a file, a folder (its .md files are checked) or the name of one of "
        "the templates 'templates list' shows."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper templates check our-first-meeting.md
  circlekeeper templates check ~/agendas
  circlekeeper templates check our-first-meeting
  circlekeeper templates check troika-difficult-conversation --attendance 5

\b
Exit codes: 0 every file is fine, 1 a file has problems.
"""),
)
@click.argument("paths_to_check", metavar="PATH...", nargs=-1, required=True)
@click.option(
    "--attendance",
    type=click.IntRange(1, MAX_ATTENDANCE),
    help=N_("The number of people expected: structures (Troika, Wise Crowds...) must fit it."),
)
@pass_invocation
@click.pass_context
def check(
    ctx: click.Context,
    invocation: Invocation,
    paths_to_check: tuple[str, ...],
    attendance: int | None,
) -> None:
    """Print each file's problems and a verdict; exit with 1 when any has one."""
    files = _files_to_check(_library(invocation), paths_to_check)
    failed = 0
    for path in files:
        problems = check_template_file(path)
        if not problems and attendance is not None:
            problems = structure_problems(load_template_file(path), str(path), attendance)
        for problem in problems:
            click.echo(str(problem))
        shown = safe_text(str(path), lines=False)
        if problems:
            failed += 1
            count = len(problems)
            verdict = ngettext("{path}: {count} problem", "{path}: {count} problems", count)
            click.echo(verdict.format(path=shown, count=count))
        else:
            agenda = load_template_file(path)
            count = len(agenda.parts)
            verdict = ngettext(
                "{path}: ok ({count} part, {minutes} min)",
                "{path}: ok ({count} parts, {minutes} min)",
                count,
            )
            click.echo(verdict.format(path=shown, count=count, minutes=agenda.minutes))
    if len(files) > 1:
        fine = _("{fine} of {total} templates are fine")
        click.echo(fine.format(fine=len(files) - failed, total=len(files)))
    if failed:
        ctx.exit(1)


@templates.command(
    help=N_(
        "Copy built-in template NAME into your templates folder, to adapt it.\n\n"
        "Your copy is used instead of the built-in one from then on."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper templates copy first-meeting
  circlekeeper templates copy first-meeting --force
"""),
)
@click.argument("name")
@click.option("--force", is_flag=True, help=N_("Replace your own template of that name."))
@pass_invocation
def copy(invocation: Invocation, name: str, force: bool) -> None:
    """Copy the built-in template and say how to check the copy."""
    library = _library(invocation)
    try:
        target = library.copy_builtin(name, force=force)
    except TemplateNotFoundError as error:
        message = _("{problem}; run 'circlekeeper templates list'").format(problem=error)
        raise click.ClickException(message) from None
    except TemplateExistsError as error:
        message = _("{problem}; it was left as it is (add --force to replace it)")
        raise click.ClickException(message.format(problem=error)) from None
    except OSError as error:
        where = error.filename or library.folder
        message = _("{path}: cannot write ({reason})")
        raise click.ClickException(
            message.format(path=where, reason=error.strerror or error)
        ) from None
    click.echo(_("Copied '{name}' to {path}").format(name=name, path=target))
    click.echo(_("Edit it in any text editor, then check it with:"))
    click.echo(f"  circlekeeper templates check {target}")
