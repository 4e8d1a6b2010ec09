"""Open the app: read settings, build the app, run it.

Kept free of the command-line library so that ``circlekeeper`` alone starts quickly.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping

from circlekeeper.sessions.settings.config import Settings
from circlekeeper.sessions.settings.folders import Folders


def launch(environ: Mapping[str, str], folders: Folders | None = None) -> int:
    """Run the app in this terminal and return its exit code.

    Args:
        environ: The environment, as the entry point read it.
        folders: The folders the command line resolved; from ``environ`` when not given.
    """
    from circlekeeper.tui.settings_choices import settings_choices

    # A bad setting keeps its default; the app says so once it is open.
    choices = settings_choices()
    if folders is None:
        settings = Settings.load(environ, choices=choices)
    else:
        settings = Settings.in_folders(folders, environ, choices)
    from circlekeeper.sessions.languages.speaking import use_language
    from circlekeeper.tui.app import make_app

    use_language(settings.language)

    # Everything loaded so far (modules, classes, styles) lives as long as the app, so
    # the cycle collector is told to leave it be. Without this a full collection falls
    # while the home screen is being drawn and walks every object Textual has loaded.
    gc.freeze()
    app = make_app(settings)
    result = app.run()
    return int(result or 0)
