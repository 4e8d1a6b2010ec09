"""Open the app: read settings, build the app, run it.

Kept free of the command-line library so that ``circlekeeper`` alone starts quickly.
"""

from __future__ import annotations

import gc
import os
import sys

from circlekeeper.sessions import paths
from circlekeeper.sessions.config import PHONE_REGION_ENV, Config, ConfigError


def launch() -> int:
    """Run the app in this terminal and return its exit code."""
    try:
        config = Config.load(paths.config_file())
    except ConfigError as error:
        print(f"circlekeeper: {error}", file=sys.stderr)
        return 2
    if config.phone_region and not os.environ.get(PHONE_REGION_ENV):
        # The personal-data guard reads the region from the environment.
        os.environ[PHONE_REGION_ENV] = config.phone_region
    from circlekeeper.tui.app import make_app

    # Everything loaded so far (modules, classes, styles) lives as long as the app, so
    # the cycle collector is told to leave it be. Without this a full collection falls
    # while the home screen is being drawn and walks every object Textual has loaded.
    gc.freeze()
    app = make_app(config)
    result = app.run()
    return int(result or 0)
