"""The ``circlekeeper`` command: a thin shell over the session core.

``circlekeeper`` alone opens the app. Each sub-command lives in a module of its own
and is imported only when used, so ``--version`` and ``--help`` stay quick.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import click

from circlekeeper.sessions import paths

#: Sub-command name -> "module:attribute" of its click command.
COMMANDS: dict[str, tuple[str, str]] = {
    "templates": ("circlekeeper.tui.cli.templates", "templates"),
    "sessions": ("circlekeeper.tui.cli.sessions", "sessions"),
    "purge": ("circlekeeper.tui.cli.sessions", "purge"),
    "privacy": ("circlekeeper.tui.cli.privacy", "privacy"),
    "resources": ("circlekeeper.tui.cli.resources", "resources"),
    "qr": ("circlekeeper.tui.cli.qr", "qr"),
    "export": ("circlekeeper.tui.cli.export", "export"),
    "serve": ("circlekeeper.tui.cli.serve", "serve"),
}


class LazyGroup(click.Group):
    """A group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module = importlib.import_module(target[0])
        return getattr(module, target[1])


def _set_dir(variable: str):
    def callback(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
        if value is not None:
            os.environ[variable] = str(value.expanduser().resolve())
        return value

    return callback


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  circlekeeper                       open the app
  circlekeeper templates list        the agendas you can run
  circlekeeper templates check my-agenda.md
  circlekeeper --data-dir ~/groups sessions list
""",
)
# The installed version is looked up only when asked for: reading package metadata
# costs more than the rest of the command line does.
@click.version_option(
    None, "-V", "--version", package_name="circlekeeper", prog_name="circlekeeper"
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    expose_value=False,
    is_eager=True,
    callback=_set_dir(paths.DATA_DIR_ENV),
    help=f"Where sessions are kept (also ${paths.DATA_DIR_ENV}).",
)
@click.option(
    "--templates-dir",
    type=click.Path(file_okay=False, path_type=Path),
    expose_value=False,
    is_eager=True,
    callback=_set_dir(paths.TEMPLATES_DIR_ENV),
    help=f"Where your own templates are kept (also ${paths.TEMPLATES_DIR_ENV}).",
)
@click.option(
    "--config-dir",
    type=click.Path(file_okay=False, path_type=Path),
    expose_value=False,
    is_eager=True,
    callback=_set_dir(paths.CONFIG_DIR_ENV),
    help="Where settings and your organisation's resources are kept "
    f"(also ${paths.CONFIG_DIR_ENV}).",
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Run peer support groups: agendas, timers, anonymous notes, QR resources, summaries."""
    if ctx.invoked_subcommand is None:
        from circlekeeper.tui.launch import launch

        ctx.exit(launch())


def main() -> None:
    """Run the command line (the console script starts at :func:`circlekeeper.tui.main.main`)."""
    cli(prog_name="circlekeeper")
