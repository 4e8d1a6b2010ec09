"""What the root command hands every sub-command: the folders and the environment as read.

The root group reads the environment once and resolves the folders from its options;
sub-commands take them from the click context (``ctx.obj``) instead of looking at the
environment themselves. The settings file is read only when the app opens (see
:func:`~circlekeeper.tui.launch.launch`), so a broken ``config.toml`` stops the app but
not ``sessions list``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import click

from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.settings.config import Config, language_of, region_hints
from circlekeeper.sessions.settings.folders import Folders


@dataclass(frozen=True)
class Invocation:
    """One run of the command line: where things are, and the environment it started in."""

    folders: Folders
    """The folders, from the root options, else the environment, else the platform."""
    environ: Mapping[str, str]
    """The environment as the root command read it, once."""

    def phone_region_hints(self) -> tuple[str, ...]:
        """Regions for local phone numbers from the environment and locale alone."""
        return region_hints(self.environ)


pass_invocation = click.make_pass_decorator(Invocation)
"""Hand a command the :class:`Invocation` the root group made, as its first argument."""


def chosen_language(folders: Folders, environ: Mapping[str, str]) -> Language:
    """The language the settings file and the locale choose for the command's messages.

    A bad ``language`` value is left at its default, so the locale chooses: the command
    still runs, and ``config check`` or the app says what is wrong with the file.
    """
    return language_of(Config.load(folders.config_file), environ)
