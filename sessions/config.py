"""The facilitator's settings: one typed object, read from TOML and passed down."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


PHONE_REGION_ENV = "CIRCLEKEEPER_PHONE_REGION"
"""Environment variable naming the region for local phone numbers; the settings file's
``phone_region`` fills it when it is not set."""


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
            setattr(config, key, value)
        return config
