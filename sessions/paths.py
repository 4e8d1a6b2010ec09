"""Where circlekeeper keeps its files.

Getters only compute paths and never create folders; code that writes calls
:func:`ensure_private_dir` first, so folders are made with owner-only permissions.
Environment variables override the platform defaults (the CLI's ``--data-dir`` and
``--templates-dir`` options set them for the process).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "circlekeeper"

DATA_DIR_ENV = "CIRCLEKEEPER_DATA_DIR"
CONFIG_DIR_ENV = "CIRCLEKEEPER_CONFIG_DIR"
TEMPLATES_DIR_ENV = "CIRCLEKEEPER_TEMPLATES_DIR"
EXPORTS_DIR_ENV = "CIRCLEKEEPER_EXPORTS_DIR"
CACHE_DIR_ENV = "CIRCLEKEEPER_CACHE_DIR"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The folder holding session files and the session index."""
    return _from_env(DATA_DIR_ENV) or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sessions_dir() -> Path:
    """The folder of per-session TinyDB files, inside :func:`data_dir`."""
    return data_dir() / "sessions"


def config_dir() -> Path:
    """The folder for settings and the organisation's resources file."""
    return _from_env(CONFIG_DIR_ENV) or Path(
        platformdirs.user_config_dir(APP_NAME, appauthor=False)
    )


def cache_dir() -> Path:
    """The folder for what can be rebuilt at any time (the template library, read)."""
    return _from_env(CACHE_DIR_ENV) or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The facilitator's settings (TOML)."""
    return config_dir() / "config.toml"


def resources_file() -> Path:
    """The organisation's own resources (a markdown link list)."""
    return config_dir() / "resources.md"


def user_templates_dir() -> Path:
    """The folder of the facilitator's or coordinator's own templates."""
    return _from_env(TEMPLATES_DIR_ENV) or config_dir() / "templates"


def exports_dir() -> Path:
    """The default folder for exported handouts and records.

    The user's documents folder when the platform has one, else the current folder.
    """
    override = _from_env(EXPORTS_DIR_ENV)
    if override:
        return override
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.cwd()


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed, readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A folder we do not own (a shared mount) keeps the mode its owner gave it.
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path
