"""Reading ``config.toml`` so that one slip costs one setting, not the whole file.

A TOML error stops the reader at the first bad line. Here that line is explained in
words (``bell = yes``: use true or false), set aside, and the rest is read again, so
every other setting still counts and every slip is reported at once. Each key's line is
found too, for messages of the form ``config.toml:LINE: message``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

from circlekeeper.sessions.languages.speaking import _

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

MAX_SLIPS = 50
"""Bad lines set aside before giving up on a file: no hand-written settings file has more."""

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_ASSIGNMENT = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$""")
_TABLE = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")
_YES_NO = {"yes", "no", "on", "off", "y", "n", "true", "false"}


@dataclass(frozen=True)
class Slip:
    """A line the reader could not take, and why, in words."""

    line: int
    """1-based."""
    message: str
    """What is wrong and how to put it right."""


@dataclass
class ReadToml:
    """What could be read of a settings file, where each key is, and the lines left out."""

    data: dict[str, Any] = field(default_factory=dict)
    """The values read."""
    slips: list[Slip] = field(default_factory=list)
    """Lines set aside, in file order."""
    lines: dict[str, int] = field(default_factory=dict)
    """Each key's 1-based line: ``"bell"``, and ``"keymap.run.new-note"`` for a table's key
    (inline or not)."""


def read_toml(text: str) -> ReadToml:
    """Read ``text`` as TOML, setting aside each line that stops the reader."""
    rows = text.split("\n")
    result = ReadToml(lines=key_lines(rows))
    for _attempt in range(MAX_SLIPS):
        try:
            result.data = tomllib.loads("\n".join(rows))
            break
        except tomllib.TOMLDecodeError as error:
            number = _line_of(error, len(rows))
            # Some readers place an unclosed value at the end of the document; the slip is
            # on the last line that holds anything.
            while number > 1 and not rows[number - 1].strip():
                number -= 1
            result.slips.append(Slip(number, explain(str(error), rows[number - 1])))
            if not rows[number - 1].strip():
                break  # the error is not on one line (an unclosed list): give up on the rest
            rows[number - 1] = ""
    result.slips.sort(key=lambda slip: slip.line)
    return result


def _line_of(error: Exception, count: int) -> int:
    """The 1-based line a TOML error is on (its message says so on every Python)."""
    found = _AT_LINE.search(str(error))
    number = int(found.group(1)) if found else getattr(error, "lineno", 1)
    return min(max(number, 1), max(count, 1))


def explain(message: str, row: str) -> str:
    """A TOML error on ``row`` in words, with the fix for the common slips."""
    reason = _AT_LINE.sub("", message).strip().rstrip(".")
    assigned = _ASSIGNMENT.match(row)
    if assigned is None:
        if row.strip() and "=" not in row:
            message = _("{line} is not a setting; write it as name = value")
            return message.format(line=repr(row.strip()))
        return _("not valid TOML: {reason}").format(reason=reason)
    key, value = assigned.group(1), assigned.group(2).split("#")[0].strip()
    if value.lower() in _YES_NO:
        message = _("{key} = {value}: use true or false (in lower case, without quotes)")
        return message.format(key=key, value=value)
    if not value:
        return _("{key} has no value after '='").format(key=key)
    if re.fullmatch(r"[^\"'\[\]{}=]+", value) and not re.fullmatch(r"[-+0-9_.]+", value):
        message = _('{key} = {value}: text goes in quotes, as in {key} = "{value}"')
        return message.format(key=key, value=value)
    if "overwrite" in reason.lower() or "redefine" in reason.lower():
        return _("{key} is set twice; keep one of its lines").format(key=key)
    return _("{key}: not valid TOML: {reason}").format(key=key, reason=reason)


def key_lines(rows: list[str]) -> dict[str, int]:
    """The 1-based line each key is set on, its table's name first for a table's keys."""
    lines: dict[str, int] = {}
    table = ""
    for number, row in enumerate(rows, start=1):
        header = _TABLE.match(row)
        if header and "=" not in row.split("]")[0]:
            table = header.group(1).strip().strip("\"'")
            continue
        assigned = _ASSIGNMENT.match(row)
        if assigned is None:
            continue
        key = assigned.group(1).strip("\"'")
        name = f"{table}.{key}" if table else key
        lines.setdefault(name, number)
        # An inline table: each of its keys is on this line.
        for inner in re.findall(r"""("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""", assigned.group(2)):
            lines.setdefault(f"{name}.{inner.strip(chr(34) + chr(39))}", number)
    return lines
