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
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path

from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.languages.tags import CLOCKS, chosen_tag, normal_tag
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.settings.folders import Folders

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]


PHONE_REGION_ENV = "CIRCLEKEEPER_PHONE_REGION"
"""Environment variable naming the region for local phone numbers; the settings file's
``phone_region`` is used when it is not set."""

LOCALE_ENV = ("LC_ALL", "LC_CTYPE", "LANG")
"""Locale variables a region is read from (``en_GB.UTF-8`` gives ``GB``), first first."""

_LOCALE_REGION = re.compile(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b")


class ConfigError(ValueError):
    """The settings file could not be read; the message says where and why."""


@dataclass
class Config:
    """Settings that change how the app behaves for this facilitator."""

    bell: bool = False
    """Ring the terminal bell when a part or a speaker's turn ends."""
    warning_minutes: int = 2
    """Minutes before a part's end when its timer turns to the warning colour."""
    phone_region: str = ""
    """Two-letter region (GB, US, DE...) whose local phone numbers notes are checked for;
    empty: from the locale."""
    theme: str = ""
    """A Textual theme name; empty keeps the app's default."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id to key(s), to remap a key (for example ``{"run.new-note": "m"}``)."""
    language: str = ""
    """A language tag (``de``, ``es``, ``en-GB``) for messages and exports; empty: the locale's."""
    clock: str = ""
    """``12h`` or ``24h`` to say how times are written; empty: as the language writes them."""

    @classmethod
    def load(cls, path: Path) -> Config:
        """Read settings from ``path``; a missing file gives the defaults.

        Raises:
            ConfigError: the file is not valid TOML or a value has the wrong type.
        """
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls()
        except OSError as error:
            raise ConfigError(f"{path}: cannot read settings: {error.strerror}") from None
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{path}: not valid TOML: {error}") from None
        config = cls()
        known = {f.name: f for f in fields(cls)}
        for key, value in data.items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            expected = type(getattr(config, key))
            if expected is int and isinstance(value, bool) or not isinstance(value, expected):
                raise ConfigError(
                    f"{path}: setting {key!r} should be {expected.__name__}, "
                    f"not {type(value).__name__}"
                )
            setattr(config, key, _safe(value))
        _check_language(config, path)
        return config


def _check_language(config: Config, path: Path) -> None:
    """Check ``language`` and ``clock``, writing the tag the standard way (``de-DE``)."""
    if config.language.strip():
        tag = normal_tag(config.language)
        if tag is None:
            raise ConfigError(
                f"{path}: language {config.language!r} is not a language tag; "
                'write e.g. "de", "es" or "en-GB"'
            )
        config.language = tag
    if config.clock.strip() and config.clock.strip() not in CLOCKS:
        raise ConfigError(f'{path}: clock {config.clock!r} should be "12h" or "24h"')
    config.clock = config.clock.strip()


def _safe(value: object) -> object:
    """A setting's value with its text made safe: a theme or key name is shown in messages."""
    if isinstance(value, str):
        return safe_text(value, lines=False)
    if isinstance(value, dict):
        return {_safe(k): _safe(v) for k, v in value.items()}
    return value


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


@dataclass(frozen=True)
class Settings:
    """Everything the app is told at start-up: its folders, the settings file, the region."""

    folders: Folders
    """Where sessions, settings, templates, the cache and exports go."""
    config: Config = field(default_factory=Config)
    """What ``config.toml`` says."""
    region_hints: tuple[str, ...] = ()
    """Regions for local phone numbers, the first choice first (see :func:`region_hints`)."""
    language: Language = field(default_factory=Language)
    """The language to speak and write times in: the ``language`` setting, else the locale's."""

    @cached_property
    def phone_region(self) -> str:
        """The two-letter region local phone numbers are read in: the first hint known.

        Worked out on first use, so the phone number library does not load at launch.
        """
        from circlekeeper.sessions.privacy.phones import first_known_region

        return first_known_region(self.region_hints)

    @classmethod
    def load(
        cls,
        environ: Mapping[str, str],
        *,
        data_dir: Path | None = None,
        config_dir: Path | None = None,
        templates_dir: Path | None = None,
    ) -> Settings:
        """Resolve the folders, read ``config.toml`` and gather the region hints.

        Args:
            environ: The environment as read where the command line is parsed.
            data_dir: ``--data-dir``, if given (it wins over the environment).
            config_dir: ``--config-dir``, if given.
            templates_dir: ``--templates-dir``, if given.

        Raises:
            ConfigError: the settings file cannot be read or has a bad value.
        """
        folders = Folders.resolve(
            environ, data=data_dir, config=config_dir, templates=templates_dir
        )
        return cls.in_folders(folders, environ)

    @classmethod
    def in_folders(cls, folders: Folders, environ: Mapping[str, str]) -> Settings:
        """Settings for folders already resolved: ``config.toml`` read from them.

        Raises:
            ConfigError: the settings file cannot be read or has a bad value.
        """
        config = Config.load(folders.config_file)
        return cls(
            folders,
            config,
            region_hints(environ, config.phone_region),
            language_of(config, environ),
        )


def language_of(config: Config, environ: Mapping[str, str]) -> Language:
    """The language ``config`` and the environment's locale choose, with the chosen clock."""
    return Language(chosen_tag(config.language, environ), config.clock)
