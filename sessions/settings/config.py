"""The facilitator's settings: one typed object, built at start-up and passed down.

:class:`Config` is what ``config.toml`` says; :class:`Settings` joins it to the
:class:`~circlekeeper.sessions.settings.folders.Folders` and the phone region, all resolved once
from the command line's options and the environment as read where the command line is
parsed. Nothing below the entry point reads the environment.
"""

from __future__ import annotations

import contextlib
import locale
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from circlekeeper.sessions.fixed import Fixed
from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.languages.tags import chosen_tag
from circlekeeper.sessions.settings.checks import Choices, ConfigProblem, read_config
from circlekeeper.sessions.settings.folders import Folders

PHONE_REGION_ENV = "CIRCLEKEEPER_PHONE_REGION"
"""Environment variable naming the region for local phone numbers; the settings file's
``phone_region`` is used when it is not set."""

LOCALE_ENV = ("LC_ALL", "LC_CTYPE", "LANG")
"""Locale variables a region is read from (``en_GB.UTF-8`` gives ``GB``), first first."""

_LOCALE_REGION = re.compile(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b")


class ConfigError(ValueError):
    """Kept for callers that caught it: a bad settings file no longer raises, its problems
    are in :attr:`Settings.config_problems`."""


class Config:
    """Settings that change how the app behaves for this facilitator."""

    # A plain class rather than a dataclass: it is defined on every launch, and a dataclass
    # costs several times as much to define. It keeps a ``__dict__`` so that the settings
    # can be listed as they are (``config show``).

    def __init__(
        self,
        bell: bool = False,
        warning_minutes: int = 2,
        phone_region: str = "",
        theme: str = "",
        keymap: dict[str, str] | None = None,
        language: str = "",
        clock: str = "",
    ) -> None:
        self.bell = bell
        """Ring the terminal bell when a part or a speaker's turn ends."""
        self.warning_minutes = warning_minutes
        """Minutes before a part's end when its timer turns to the warning colour."""
        self.phone_region = phone_region
        """Two-letter region (GB, US, DE...) whose local phone numbers notes are checked for;
        empty: from the locale."""
        self.theme = theme
        """A Textual theme name; empty keeps the app's default."""
        self.keymap: dict[str, str] = {} if keymap is None else keymap
        """Binding id to key(s), to remap a key (for example ``{"run.new-note": "m"}``)."""
        self.language = language
        """A language tag (``de``, ``es``, ``en-GB``) for messages and exports; empty: the
        locale's."""
        self.clock = clock
        """``12h`` or ``24h`` to say how times are written; empty: as the language writes
        them."""

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in SETTING_NAMES)

    def __eq__(self, other: object) -> bool:
        # Settings read from two files are the same when every value is.
        if not isinstance(other, Config):
            return NotImplemented
        return self._values() == other._values()

    # Changed in place as the file is checked, so never a key in a set or a dict.
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in SETTING_NAMES)
        return f"Config({shown})"

    @classmethod
    def load(cls, path: Path, choices: Choices | None = None) -> Config:
        """Read settings from ``path``: defaults for a missing file and for each bad value.

        What was wrong is reported by
        :func:`~circlekeeper.sessions.settings.checks.read_config`.
        """
        return read_config(path, choices).config


SETTING_NAMES = tuple(vars(Config()))
"""Every setting ``config.toml`` may hold: the attributes a :class:`Config` is made with,
in order."""


def region_hints(environ: Mapping[str, str], configured: str = "") -> tuple[str, ...]:
    """The regions local phone numbers could be read in, the first choice first.

    ``$CIRCLEKEEPER_PHONE_REGION``, else (when that is unset or empty) ``configured``
    from the settings file, then the region of each locale variable and of the
    process's locale. The guard takes the first one it knows
    (:func:`~circlekeeper.sessions.privacy.phones.first_known_region`), else ``US``.

    Args:
        environ: The environment as read at start-up.
        configured: The settings file's ``phone_region``.
    """
    hints: list[str] = []
    chosen = (environ.get(PHONE_REGION_ENV, "") or configured).strip()
    if chosen:
        hints.append(chosen)
    names = [environ.get(name, "") for name in LOCALE_ENV]
    with contextlib.suppress(ValueError):  # an unparsable locale setting
        names.append(locale.getlocale()[0] or "")
    for name in names:
        match = _LOCALE_REGION.match(name)
        if match:
            hints.append(match.group(1))
    return tuple(hints)


@lru_cache(maxsize=8)
def _first_known_region(hints: tuple[str, ...]) -> str:
    from circlekeeper.sessions.privacy.phones import first_known_region

    return first_known_region(hints)


class Settings(Fixed):
    """Everything the app is told at start-up: its folders, the settings file, the region."""

    # A plain class rather than a frozen dataclass: it is defined on every launch, and a
    # dataclass costs several times as much to define. Not a named tuple: each one needs
    # a Config of its own, which the app changes when a theme is picked.
    __slots__ = ("folders", "config", "region_hints", "language", "config_problems")

    folders: Folders
    """Where sessions, settings, templates, the cache and exports go."""
    config: Config
    """What ``config.toml`` says."""
    region_hints: tuple[str, ...]
    """Regions for local phone numbers, the first choice first (see :func:`region_hints`)."""
    language: Language
    """The language to speak and write times in: the ``language`` setting, else the locale's."""
    config_problems: tuple[ConfigProblem, ...]
    """What was wrong in ``config.toml``; each bad value was replaced by its default."""

    def __init__(
        self,
        folders: Folders,
        config: Config | None = None,
        region_hints: tuple[str, ...] = (),
        language: Language | None = None,
        config_problems: tuple[ConfigProblem, ...] = (),
    ) -> None:
        """Settings as given; a ``config`` or ``language`` left out is the default one."""
        self._fix(
            folders=folders,
            config=Config() if config is None else config,
            region_hints=region_hints,
            language=Language() if language is None else language,
            config_problems=config_problems,
        )

    def _replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` made, as a named tuple's ``_replace`` makes one."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return Settings(**values)

    @property
    def phone_region(self) -> str:
        """The two-letter region local phone numbers are read in: the first hint known.

        Worked out on first use, so the phone number library does not load at launch.
        """
        return _first_known_region(self.region_hints)

    @classmethod
    def load(
        cls,
        environ: Mapping[str, str],
        *,
        data_dir: Path | None = None,
        config_dir: Path | None = None,
        templates_dir: Path | None = None,
        choices: Choices | None = None,
    ) -> Settings:
        """Resolve the folders, read ``config.toml`` and gather the region hints.

        Args:
            environ: The environment as read where the command line is parsed.
            data_dir: ``--data-dir``, if given (it wins over the environment).
            config_dir: ``--config-dir``, if given.
            templates_dir: ``--templates-dir``, if given.
            choices: the themes, binding ids and regions values are checked against.
        """
        folders = Folders.resolve(
            environ, data=data_dir, config=config_dir, templates=templates_dir
        )
        return cls.in_folders(folders, environ, choices)

    @classmethod
    def in_folders(
        cls, folders: Folders, environ: Mapping[str, str], choices: Choices | None = None
    ) -> Settings:
        """Settings for folders already resolved: ``config.toml`` read and checked."""
        reading = read_config(folders.config_file, choices)
        config = reading.config
        hints = region_hints(environ, config.phone_region)
        return cls(folders, config, hints, language_of(config, environ), tuple(reading.problems))


def language_of(config: Config, environ: Mapping[str, str]) -> Language:
    """The language ``config`` and the environment's locale choose, with the chosen clock."""
    return Language(chosen_tag(config.language, environ), config.clock)
