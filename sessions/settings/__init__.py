"""Settings: where circlekeeper keeps its files, and how the facilitator has set it up.

:class:`Folders` (:mod:`.folders`) says where the data, settings, templates, cache and
exports live; :class:`Settings` (:mod:`.config`) joins them with ``config.toml`` (a
:class:`Config`) and the region phone numbers are read in. Both are built once, where the
command line is parsed, and handed down: nothing below reads the environment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.settings.config import Config as Config
    from circlekeeper.sessions.settings.config import ConfigError as ConfigError
    from circlekeeper.sessions.settings.config import Settings as Settings
    from circlekeeper.sessions.settings.folders import Folders as Folders
    from circlekeeper.sessions.settings.folders import ensure_private_dir as ensure_private_dir

__all__ = ["Config", "ConfigError", "Folders", "Settings", "ensure_private_dir"]

__getattr__ = lazy_exports(
    __name__,
    {
        "Config": "config",
        "ConfigError": "config",
        "Settings": "config",
        "Folders": "folders",
        "ensure_private_dir": "folders",
    },
)
