"""``circlekeeper config``: where the settings file is, what it says, what is wrong in it."""

from __future__ import annotations

import click

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.settings.checks import read_config
from circlekeeper.sessions.settings.config import Config
from circlekeeper.sessions.settings.edit import toml_string
from circlekeeper.sessions.settings.starter import STARTER
from circlekeeper.tui.cli.context import Invocation, pass_invocation


@click.group(
    epilog="""\b
Examples:
  circlekeeper config path      where the settings file is
  circlekeeper config init      write a commented starter file there
  circlekeeper config check     each problem as config.toml:LINE: message
  circlekeeper config show      the settings in use, defaults included
"""
)
def config() -> None:
    """The settings file, config.toml: find it, start it, check it, show it."""


@config.command()
@pass_invocation
def path(invocation: Invocation) -> None:
    """Print where the settings file is (or would be)."""
    click.echo(str(invocation.folders.config_file))


@config.command()
@pass_invocation
def init(invocation: Invocation) -> None:
    """Write a commented starter settings file; an existing one is never replaced."""
    from circlekeeper.sessions.storage.atomic import write_atomic

    target = invocation.folders.config_file
    if target.exists() or target.is_symlink():
        raise click.ClickException(
            f"{target} already exists and was left as it is; edit it, or move it away first"
        )
    try:
        write_atomic(target, STARTER, overwrite=False)
    except StorageError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {target}: every setting is commented out; take the '#' off to use one.")


@config.command()
@click.option("--ids", is_flag=True, help="Also list the key binding ids a keymap can remap.")
@pass_invocation
def check(invocation: Invocation, ids: bool) -> None:
    """Check every value; exit status 1 when something is wrong."""
    from circlekeeper.tui.binding_ids import BINDING_IDS
    from circlekeeper.tui.settings_choices import settings_choices

    target = invocation.folders.config_file
    if ids:
        click.echo("Key binding ids: " + ", ".join(BINDING_IDS))
    if not target.exists():
        click.echo(f"No settings file at {target}; the defaults are used.")
        click.echo("`circlekeeper config init` writes a commented one to start from.")
        return
    reading = read_config(target, settings_choices())
    for problem in reading.problems:
        click.echo(problem.describe(target))
    if reading.problems:
        count = len(reading.problems)
        click.echo(f"{count} problem{'s' if count > 1 else ''}; the app uses the default for each.")
        raise SystemExit(1)
    click.echo(f"{target}: ok")


@config.command()
@pass_invocation
def show(invocation: Invocation) -> None:
    """Print the settings in use, as TOML, noting the ones left at their default."""
    from circlekeeper.tui.settings_choices import settings_choices

    target = invocation.folders.config_file
    reading = read_config(target, settings_choices())
    click.echo(f"# {target}" + ("" if target.exists() else " (not there yet: all defaults)"))
    if reading.problems:
        click.echo(
            f"# {len(reading.problems)} bad value(s) replaced by the default; "
            "see `circlekeeper config check`"
        )
    defaults = Config()
    for name, value in vars(reading.config).items():
        note = "  # default" if value == getattr(defaults, name) else ""
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
