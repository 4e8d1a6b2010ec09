"""Every value of ``config.toml`` checked, each slip said as ``config.toml:LINE: message``.

A bad value never stops the app: it keeps its default and the facilitator is told once,
with the line to fix. ``circlekeeper config check`` reports the same problems. What the
core cannot know by itself (the themes and key binding ids, which belong to the terminal
interface) comes in as :class:`Choices`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.safe_text import safe_text

if TYPE_CHECKING:
    from circlekeeper.sessions.settings.config import Config

WARNING_MINUTES = (0, 60)
"""The warning stretch allowed, in whole minutes (0: no warning colour)."""


# Named tuples and plain classes rather than dataclasses: these are defined on every
# launch, and a dataclass costs several times as much to define.
class Choices(NamedTuple):
    """The names a setting may take; an empty list leaves that setting unchecked."""

    themes: tuple[str, ...] = ()
    """Theme names the app offers."""
    keymap_ids: tuple[str, ...] = ()
    """Binding ids a key can be remapped by."""
    region_known: Callable[[str], bool] | None = None
    """Whether a two-letter code is a region phone numbers can be read in."""


class ConfigProblem(NamedTuple):
    """One slip in the settings file."""

    line: int
    """1-based; 0 for the file as a whole."""
    message: str
    """What is wrong, with the fix."""
    choices: str = ""
    """The names allowed, when the slip is an unknown one (``the themes are ...``)."""

    def describe(self, path: Path | str, *, brief: bool = False) -> str:
        """``path:LINE: message`` (``path: message`` for the whole file).

        Args:
            path: how to name the file.
            brief: leave out the list of names allowed, for a short notice.
        """
        message = self.message
        if self.choices and not brief:
            message += (" " if message.endswith("?") else "; ") + self.choices
        return f"{path}:{self.line}: {message}" if self.line else f"{path}: {message}"


class ConfigReading:
    """The settings as they will be used (defaults for bad values) and what was wrong."""

    __slots__ = ("config", "problems")

    def __init__(self, config: Config, problems: list[ConfigProblem] | None = None) -> None:
        self.config = config
        """The settings, each bad value replaced by its default."""
        self.problems: list[ConfigProblem] = [] if problems is None else problems
        """Every slip found, in the order of their lines once read."""


def read_config(path: Path, choices: Choices | None = None) -> ConfigReading:
    """Read and check ``path``; a missing file gives the defaults and no problem."""
    from circlekeeper.sessions.settings.config import Config

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ConfigReading(Config())
    except OSError as error:
        unread = _("cannot be read: {reason}").format(reason=error.strerror)
        return ConfigReading(Config(), [ConfigProblem(0, unread)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ConfigReading(Config(), [ConfigProblem(0, _("is not UTF-8 text"))])
    # The TOML reader loads only when there is a file to read; most setups have none.
    from circlekeeper.sessions.settings.toml_lines import read_toml

    read = read_toml(text)
    reading = ConfigReading(Config())
    reading.problems.extend(
        ConfigProblem(s.line, safe_text(s.message, lines=False)) for s in read.slips
    )
    _Checker(reading, read.lines, choices or Choices()).check_all(read.data)
    reading.problems.sort(key=lambda problem: problem.line)
    return reading


def _safe(value: Any) -> Any:
    """A value with its text made safe: a theme or key name is shown in messages."""
    if isinstance(value, str):
        return safe_text(value, lines=False)
    if isinstance(value, dict):
        return {_safe(k): _safe(v) for k, v in value.items()}
    return value


def _closest(value: str, names: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value.strip().lower(), names, n=1)
    return _("; did you mean {name}?").format(name=repr(close[0])) if close else ""


class _Checker:
    """Checks each value read into ``reading``, naming each slip by its line in ``lines``."""

    # A plain class: a dataclass is made afresh on every launch, and this one is never
    # compared or shown.
    def __init__(self, reading: ConfigReading, lines: dict[str, int], choices: Choices) -> None:
        self.reading = reading
        self.lines = lines
        self.choices = choices

    def problem(self, key: str, message: str, choices: str = "") -> None:
        line = self.lines.get(key) or self.lines.get(key.split(".")[0], 0)
        self.reading.problems.append(ConfigProblem(line, safe_text(message, lines=False), choices))

    def check_all(self, data: dict[str, Any]) -> None:
        from circlekeeper.sessions.settings.config import SETTING_NAMES

        config = self.reading.config
        known = {name: getattr(config, name) for name in SETTING_NAMES}
        for key, value in data.items():
            if key not in known:
                hint = _closest(key, tuple(known))
                self.problem(
                    key,
                    _("unknown setting {key}").format(key=repr(key)) + hint,
                    _("the settings are {names}").format(names=", ".join(sorted(known))),
                )
                continue
            checked = getattr(self, f"_check_{key}")(key, value)
            if checked is not None:
                setattr(config, key, _safe(checked))

    def _check_bell(self, key: str, value: Any) -> bool | None:
        if isinstance(value, bool):
            return value
        message = _("{key} should be true or false, not {value}")
        self.problem(key, message.format(key=key, value=repr(value)))
        return None

    def _check_warning_minutes(self, key: str, value: Any) -> int | None:
        low, high = WARNING_MINUTES
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        message = _(
            "{key} = {value} is out of range: use a whole number of minutes from {low} to {high}"
        )
        self.problem(key, message.format(key=key, value=repr(value), low=low, high=high))
        return None

    def _check_phone_region(self, key: str, value: Any) -> str | None:
        if not isinstance(value, str):
            message = _('{key} should be a two-letter region in quotes, as in "GB"')
            self.problem(key, message.format(key=key))
            return None
        code = value.strip().upper()
        known = self.choices.region_known
        if code and (len(code) != 2 or not code.isalpha() or (known and not known(code))):
            message = _(
                "{key} = {value} is not a region phone numbers are known for; "
                'use a two-letter code such as "GB", "US" or "DE", or leave it out '
                "to follow your locale"
            )
            self.problem(key, message.format(key=key, value=repr(value)))
            return None
        return code

    def _check_language(self, key: str, value: Any) -> str | None:
        from circlekeeper.sessions.languages.tags import normal_tag

        if not isinstance(value, str):
            message = _('{key} should be a language tag in quotes, as in "de"')
            self.problem(key, message.format(key=key))
            return None
        if not value.strip():
            return ""
        tag = normal_tag(value)
        if tag is None:
            message = _('{key} = {value} is not a language tag; write e.g. "de", "es" or "en-GB"')
            self.problem(key, message.format(key=key, value=repr(value)))
        return tag

    def _check_clock(self, key: str, value: Any) -> str | None:
        from circlekeeper.sessions.languages.tags import CLOCKS

        if isinstance(value, str) and value.strip() in ("", *CLOCKS):
            return value.strip()
        message = _('{key} should be "12h" or "24h", not {value}')
        self.problem(key, message.format(key=key, value=repr(value)))
        return None

    def _check_theme(self, key: str, value: Any) -> str | None:
        themes = self.choices.themes
        if isinstance(value, str) and (not themes or value in themes or not value):
            return value
        shown = repr(value) if isinstance(value, str) else _("not text")
        self.problem(
            key,
            _("unknown theme {name}").format(name=shown) + _closest(str(value), themes),
            _("the themes are {names}").format(names=", ".join(sorted(themes))),
        )
        return None

    def _check_keymap(self, key: str, value: Any) -> dict[str, str] | None:
        if not isinstance(value, dict):
            message = _('{key} should be a table, as in {key} = {{ "run.new-note" = "m" }}')
            self.problem(key, message.format(key=key))
            return None
        ids = self.choices.keymap_ids
        kept: dict[str, str] = {}
        for binding, keys in value.items():
            where = f"{key}.{binding}"
            if ids and binding not in ids:
                self.problem(
                    where,
                    _("unknown keymap id {id}").format(id=repr(binding)) + _closest(binding, ids),
                    _("the ids are {ids} (`circlekeeper config check --ids`)").format(
                        ids=", ".join(sorted(ids))
                    ),
                )
            elif not isinstance(keys, str) or not keys.strip():
                message = _('the key for {id} should be text, as in "m" or "ctrl+n"')
                self.problem(where, message.format(id=repr(binding)))
            else:
                kept[binding] = keys
        return kept
