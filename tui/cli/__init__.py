"""The ``circlekeeper`` command: a thin shell over the session core.

``circlekeeper`` alone opens the app. Each sub-command lives in a module of its own
and is imported only when used, so ``--version`` and ``--help`` stay quick. The root
group is where the environment is read, once: it resolves the folders from its options
and the ``CIRCLEKEEPER_*`` variables and hands them down as an
:class:`~circlekeeper.tui.cli.context.Invocation`.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

import click

from circlekeeper.sessions.languages.speaking import N_, use_language
from circlekeeper.sessions.settings import folders as paths
from circlekeeper.tui.cli.click_errors import spoken_errors
from circlekeeper.tui.cli.context import Invocation, chosen_language
from circlekeeper.tui.cli.translated import TranslatedGroup

#: Sub-command name -> "module:attribute" of its click command.
COMMANDS: dict[str, tuple[str, str]] = {
    "templates": ("circlekeeper.tui.cli.templates", "templates"),
    "sessions": ("circlekeeper.tui.cli.sessions", "sessions"),
    "groups": ("circlekeeper.tui.cli.groups", "groups"),
    "purge": ("circlekeeper.tui.cli.sessions", "purge"),
    "privacy": ("circlekeeper.tui.cli.privacy", "privacy"),
    "resources": ("circlekeeper.tui.cli.resources", "resources"),
    "qr": ("circlekeeper.tui.cli.qr", "qr"),
    "export": ("circlekeeper.tui.cli.export", "export"),
    "serve": ("circlekeeper.tui.cli.serve", "serve"),
    "config": ("circlekeeper.tui.cli.config", "config"),
    "report": ("circlekeeper.tui.cli.report", "report"),
}


class LazyGroup(TranslatedGroup):
    """A group whose sub-commands are imported on first use."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # The root's own --help is shown while its options are read, before cli() has
        # chosen the language from them: speak the one the locale and the settings file
        # in its usual place choose.
        environ = dict(os.environ)
        use_language(chosen_language(paths.Folders.resolve(environ), environ))
        return super().parse_args(ctx, args)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        # Click's own errors (a bad option, a missing argument) are shown in the language
        # chosen, like every other message (see click_errors).
        with spoken_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with spoken_errors():
            return super().invoke(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module = importlib.import_module(target[0])
        return getattr(module, target[1])


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("Run peer support groups: agendas, timers, anonymous notes, QR resources, summaries."),
    epilog=N_("""\b
Examples:
  circlekeeper                       open the app
  circlekeeper templates list        the agendas you can run
  circlekeeper templates check my-agenda.md
  circlekeeper --data-dir ~/groups sessions list
"""),
)
# The installed version is looked up only when asked for: reading package metadata
# costs more than the rest of the command line does.
@click.version_option(
    None, "-V", "--version", package_name="circlekeeper", prog_name="circlekeeper"
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Where sessions are kept (also $CIRCLEKEEPER_DATA_DIR)."),
)
@click.option(
    "--templates-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Where your own templates are kept (also $CIRCLEKEEPER_TEMPLATES_DIR)."),
)
@click.option(
    "--config-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_(
        "Where settings and your organisation's resources are kept (also $CIRCLEKEEPER_CONFIG_DIR)."
    ),
)
@click.pass_context
def cli(
    ctx: click.Context,
    data_dir: Path | None,
    templates_dir: Path | None,
    config_dir: Path | None,
) -> None:
    """The root command: resolve the folders, choose the language, open the app."""
    # The one place the command line reads the environment; a copy, so nothing later
    # sees a change made while it runs.
    environ = dict(os.environ)
    folders = paths.Folders.resolve(
        environ, data=data_dir, config=config_dir, templates=templates_dir
    )
    use_language(chosen_language(folders, environ))
    ctx.obj = Invocation(folders, environ)
    if ctx.invoked_subcommand is None:
        from circlekeeper.tui.launch import launch

        ctx.exit(launch(environ, folders))


def main() -> None:
    """Run the command line (the console script starts at :func:`circlekeeper.tui.main.main`)."""
    cli(prog_name="circlekeeper")
