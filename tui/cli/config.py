"""``circlekeeper config``: where the settings file is, what it says, what is wrong in it."""

from __future__ import annotations

import click

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.settings.checks import read_config
from circlekeeper.sessions.settings.config import Config
from circlekeeper.sessions.settings.edit import toml_string
from circlekeeper.sessions.settings.starter import STARTER
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.translated import TranslatedGroup


@click.group(
    cls=TranslatedGroup,
    help=N_("The settings file, config.toml: find it, start it, check it, show it."),
    epilog=N_("""\b
Examples:
  circlekeeper config path      where the settings file is
  circlekeeper config init      write a commented starter file there
  circlekeeper config check     each problem as config.toml:LINE: message
  circlekeeper config show      the settings in use, defaults included
"""),
)
def config() -> None:
    """The ``config`` group: its commands do the work."""


@config.command(help=N_("Print where the settings file is (or would be)."))
@pass_invocation
def path(invocation: Invocation) -> None:
    """Print the settings file's path."""
    click.echo(str(invocation.folders.config_file))


@config.command(
    help=N_("Write a commented starter settings file; an existing one is never replaced.")
)
@pass_invocation
def init(invocation: Invocation) -> None:
    """Write the starter file where the settings file belongs."""
    from circlekeeper.sessions.storage.atomic import write_atomic

    target = invocation.folders.config_file
    if target.exists() or target.is_symlink():
        message = _("{path} already exists and was left as it is; edit it, or move it away first")
        raise click.ClickException(message.format(path=target))
    try:
        write_atomic(target, STARTER, overwrite=False)
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    message = _("Wrote {path}: every setting is commented out; take the '#' off to use one.")
    click.echo(message.format(path=target))


@config.command(help=N_("Check every value; exit status 1 when something is wrong."))
@click.option("--ids", is_flag=True, help=N_("Also list the key binding ids a keymap can remap."))
@pass_invocation
def check(invocation: Invocation, ids: bool) -> None:
    """Print each problem in the settings file, or that it is fine."""
    from circlekeeper.tui.binding_ids import BINDING_IDS
    from circlekeeper.tui.settings_choices import settings_choices

    target = invocation.folders.config_file
    if ids:
        click.echo(_("Key binding ids: {ids}").format(ids=", ".join(BINDING_IDS)))
    if not target.exists():
        click.echo(_("No settings file at {path}; the defaults are used.").format(path=target))
        click.echo(_("`circlekeeper config init` writes a commented one to start from."))
        return
    reading = read_config(target, settings_choices())
    for problem in reading.problems:
        click.echo(problem.describe(target))
    if reading.problems:
        count = len(reading.problems)
        message = ngettext(
            "{count} problem; the app uses the default for it.",
            "{count} problems; the app uses the default for each.",
            count,
        )
        click.echo(message.format(count=count))
        raise SystemExit(1)
    click.echo(_("{path}: ok").format(path=target))


@config.command(
    help=N_("Print the settings in use, as TOML, noting the ones left at their default.")
)
@pass_invocation
def show(invocation: Invocation) -> None:
    """Print every setting as TOML."""
    from circlekeeper.tui.settings_choices import settings_choices

    target = invocation.folders.config_file
    reading = read_config(target, settings_choices())
    if target.exists():
        click.echo(f"# {target}")
    else:
        click.echo("# " + _("{path} (not there yet: all defaults)").format(path=target))
    if reading.problems:
        count = len(reading.problems)
        message = ngettext(
            "{count} bad value replaced by the default; see `circlekeeper config check`",
            "{count} bad values replaced by the default; see `circlekeeper config check`",
            count,
        )
        click.echo("# " + message.format(count=count))
    defaults = Config()
    default = _("default")
    for name, value in vars(reading.config).items():
        note = f"  # {default}" if value == getattr(defaults, name) else ""
        click.echo(f"{name} = {_toml(value)}{note}")


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        pairs = ", ".join(f"{toml_string(k)} = {toml_string(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    return toml_string(str(value))
