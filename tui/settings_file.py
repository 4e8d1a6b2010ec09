"""The app's side of ``config.toml``: the one notice of its problems, and keeping a theme."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual.app import App

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.sessions.settings.checks import ConfigProblem

SHOWN = 4
"""Problems listed in the notice; ``circlekeeper config check`` lists them all."""


def config_notice(problems: Sequence[ConfigProblem]) -> str:
    """The notice's words: each problem at its line, and what the app did about them."""
    lines = [problem.describe("config.toml", brief=True) for problem in problems[:SHOWN]]
    if len(problems) > SHOWN:
        more = len(problems) - SHOWN
        lines.append(ngettext("…and {count} more.", "…and {count} more.", more).format(count=more))
    lines.append(_("The defaults are used for these; `circlekeeper config check` lists them."))
    return "\n".join(lines)


def keep_theme(app: App[Any], path: Path, name: str) -> None:
    """Write ``theme = "name"`` to the settings file; run in a worker thread.

    A file that cannot be written leaves the theme for this run only, and says so.
    """
    # The settings editor (with the TOML reader) loads only when a theme is kept, not at
    # every launch.
    from circlekeeper.sessions.settings.edit import save_setting, toml_string

    try:
        save_setting(path, "theme", toml_string(name))
    except StorageError as error:
        app.call_from_thread(
            app.notify,
            _("The theme is used until you quit but was not saved: {problem}").format(
                problem=error
            ),
            severity="warning",
        )
