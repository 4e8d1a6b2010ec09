"""Open the app from the command line: read settings, build the app, run it."""

from __future__ import annotations

import os

import click

from circlekeeper.sessions import paths
from circlekeeper.sessions.config import Config, ConfigError
from circlekeeper.sessions.privacy_phones import REGION_ENV


def launch() -> int:
    """Run the app in this terminal and return its exit code."""
    try:
        config = Config.load(paths.config_file())
    except ConfigError as error:
        click.echo(f"circlekeeper: {error}", err=True)
        return 2
    if config.phone_region and not os.environ.get(REGION_ENV):
        # The personal-data guard reads the region from the environment.
        os.environ[REGION_ENV] = config.phone_region
    from circlekeeper.tui.app import make_app

    app = make_app(config)
    result = app.run()
    return int(result or 0)
