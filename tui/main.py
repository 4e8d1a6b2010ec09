"""The console script's entry point.

``circlekeeper`` with no arguments is how a facilitator opens the app, usually minutes
before a group starts, so it goes straight to the app without loading the command-line
library. Anything else (a sub-command, ``--help``, an option) goes through the full
command line in :mod:`circlekeeper.tui.cli`.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    """Open the app, or run the command line when given arguments."""
    if len(sys.argv) <= 1:
        # No cycle collection until the first frame is drawn (the app turns it back on):
        # loading and building the app makes many objects and no garbage worth a pause.
        gc.disable()
        from circlekeeper.tui.launch import launch

        # The one place the environment is read for the app; everything below is handed
        # the settings made from it.
        sys.exit(launch(os.environ))
    from circlekeeper.tui.cli import main as run_cli

    run_cli()
