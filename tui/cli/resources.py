"""``circlekeeper resources``: the organisation's own resources, offered in every session.

Always says where the resources file is, and how to start one when there is none, since
a coordinator setting up a laptop for a facilitator needs to know which file to edit.
"""

from __future__ import annotations

import textwrap

import click

from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.templates.errors import TemplateError
from circlekeeper.sessions.templates.org_resources import (
    EXAMPLE,
    check_resources_file,
    load_org_resources,
)
from circlekeeper.tui.cli.agenda_text import resource_line
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.translated import TranslatedCommand


@click.command(
    cls=TranslatedCommand,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "List your organisation's resources (its EAP, its crisis line), offered in every "
        "session, and say where the file that holds them is.\n\n"
        "Exits with 1 when the file has problems."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper resources
  circlekeeper resources --check
  circlekeeper --config-dir /shared/our-org resources

\b
The file is markdown, one link a line, like:
  - [Employee assistance programme](https://eap.example.org)
  - [Our crisis line](tel:+441234567890) (crisis)
"""),
)
@click.option("--check", "check_only", is_flag=True, help=N_("Only check the file for problems."))
@pass_invocation
@click.pass_context
def resources(ctx: click.Context, invocation: Invocation, check_only: bool) -> None:
    """Print the resources and where their file is, or how to start one."""
    path = invocation.folders.resources_file
    if not path.exists():
        click.echo(_("No resources file yet. It would be {path}").format(path=path))
        click.echo(
            _("To offer your organisation's resources in every session, create it like this:")
        )
        click.echo("")
        click.echo(textwrap.indent(EXAMPLE, "  "), nl=False)
        return
    problems = check_resources_file(path)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        count = len(problems)
        verdict = ngettext("{path}: {count} problem", "{path}: {count} problems", count)
        click.echo(verdict.format(path=path, count=count), err=True)
        ctx.exit(1)
    try:
        found = load_org_resources(path)
    except TemplateError as error:  # changed on disk since the check
        raise click.ClickException(str(error).splitlines()[0]) from None
    if check_only:
        marked = any(r.crisis for r in found)
        crisis = _("a crisis resource marked") if marked else _("no crisis mark")
        count = len(found)
        verdict = ngettext(
            "{path}: ok ({count} resource, {crisis})",
            "{path}: ok ({count} resources, {crisis})",
            count,
        )
        click.echo(verdict.format(path=path, count=count, crisis=crisis))
        return
    click.echo(_("Your organisation's resources, from {path}:").format(path=path))
    for resource in found:
        click.echo(f"  - {resource_line(resource)}")
    if not any(r.crisis for r in found):
        click.echo(
            _("None is marked as the crisis resource: write (crisis) after your crisis line.")
        )
