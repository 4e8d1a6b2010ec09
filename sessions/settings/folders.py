"""Where circlekeeper keeps its files: the :class:`Folders` value and private folders.

The folders are resolved once, where the command line is read, from its options, the
``CIRCLEKEEPER_*`` environment variables and the platform's defaults, in that order;
everything below is handed the :class:`Folders` (or the one path it needs) and never
looks at the environment itself. Nothing here creates a folder; code that writes calls
:func:`ensure_private_dir` first, so folders are made with owner-only permissions.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

APP_NAME = "circlekeeper"

DATA_DIR_ENV = "CIRCLEKEEPER_DATA_DIR"
CONFIG_DIR_ENV = "CIRCLEKEEPER_CONFIG_DIR"
TEMPLATES_DIR_ENV = "CIRCLEKEEPER_TEMPLATES_DIR"
EXPORTS_DIR_ENV = "CIRCLEKEEPER_EXPORTS_DIR"
CACHE_DIR_ENV = "CIRCLEKEEPER_CACHE_DIR"


def _from_env(environ: Mapping[str, str], name: str) -> Path | None:
    value = environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def _from_option(value: Path | None) -> Path | None:
    # A folder given on the command line is made absolute at once, so it means the same
    # to a copy of the app started elsewhere (``serve``).
    return value.expanduser().resolve() if value is not None else None


# A named tuple, not a frozen dataclass: it is defined on every launch, and a dataclass
# costs several times as much to define.
class Folders(NamedTuple):
    """The folders circlekeeper reads and writes, as resolved at start-up."""

    data: Path
    """Session files and the session index (in :attr:`sessions`)."""
    config: Path
    """Settings (:attr:`config_file`) and the organisation's resources file."""
    templates: Path
    """The facilitator's or coordinator's own templates."""
    cache: Path
    """What can be rebuilt at any time (the template library, as last read)."""
    exports: Path | None = None
    """The folder exports are offered in first; ``None`` for ``exports`` in :attr:`data`."""

    @property
    def sessions(self) -> Path:
        """The folder of per-session TinyDB files, inside :attr:`data`."""
        return self.data / "sessions"

    @property
    def groups(self) -> Path:
        """The folder of group files (agreements, open items, counts), inside :attr:`data`."""
        return self.data / "groups"

    @property
    def config_file(self) -> Path:
        """The facilitator's settings (TOML)."""
        return self.config / "config.toml"

    @property
    def resources_file(self) -> Path:
        """The organisation's own resources (a markdown link list)."""
        return self.config / "resources.md"

    def export_folder(self) -> Path:
        """The folder an export is offered in: :attr:`exports`, else one in :attr:`data`.

        Never the current folder: exports of a group's notes do not belong wherever the
        terminal happened to be.
        """
        return self.exports if self.exports is not None else self.data / "exports"

    @classmethod
    def under(cls, root: Path) -> Folders:
        """Every folder inside ``root``, as the environment variables would set them."""
        return cls(
            data=root / "data",
            config=root / "config",
            templates=root / "config" / "templates",
            cache=root / "cache",
            exports=root / "exports",
        )

    @classmethod
    def resolve(
        cls,
        environ: Mapping[str, str],
        *,
        data: Path | None = None,
        config: Path | None = None,
        templates: Path | None = None,
    ) -> Folders:
        """The folders from command-line options, else ``environ``, else the platform.

        Args:
            environ: The environment as read once at start-up; its ``CIRCLEKEEPER_*``
                variables move a folder.
            data: ``--data-dir``, if given.
            config: ``--config-dir``, if given.
            templates: ``--templates-dir``, if given; else ``templates`` inside the
                config folder.
        """
        import platformdirs  # its look-ups belong to start-up, not to every import

        config_dir = (
            _from_option(config)
            or _from_env(environ, CONFIG_DIR_ENV)
            or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
        )
        exports = _from_env(environ, EXPORTS_DIR_ENV)
        if exports is None:
            # A folder of their own in the documents folder, not loose among its files.
            documents = Path(platformdirs.user_documents_dir())
            exports = documents / APP_NAME if documents.is_dir() else None
        return cls(
            data=_from_option(data)
            or _from_env(environ, DATA_DIR_ENV)
            or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=config_dir,
            templates=_from_option(templates)
            or _from_env(environ, TEMPLATES_DIR_ENV)
            or config_dir / "templates",
            cache=_from_env(environ, CACHE_DIR_ENV)
            or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            exports=exports,
        )


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed, readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A folder we do not own (a shared mount) keeps the mode its owner gave it.
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path
