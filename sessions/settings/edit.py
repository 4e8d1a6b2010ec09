"""Changing one setting in ``config.toml`` the way a person would: that line and no other.

The facilitator's comments, order and spacing stay as they wrote them. The setting's line
is rewritten in place (its trailing comment kept), or, when it is not set yet, added
before the first ``[table]`` so it cannot land inside one. The file is replaced whole
(:mod:`~circlekeeper.sessions.storage.atomic`), so a crash never leaves half of it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from circlekeeper.sessions.settings.toml_lines import read_toml


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (JSON's escapes are TOML's for these characters)."""
    return json.dumps(value, ensure_ascii=False)


def with_setting(text: str, key: str, value: str) -> str:
    """``text`` with the top-level ``key`` set to the TOML ``value``, all else as it was."""
    rows = text.split("\n")
    line = read_toml(text).lines.get(key)
    if line is not None:
        row = rows[line - 1]
        comment = _trailing_comment(row)
        indent = row[: len(row) - len(row.lstrip())]
        rows[line - 1] = f"{indent}{key} = {value}" + (f"  {comment}" if comment else "")
        return "\n".join(rows)
    first_table = next((i for i, row in enumerate(rows) if re.match(r"^\s*\[", row)), None)
    if first_table is None:
        body = text if not text or text.endswith("\n") else text + "\n"
        return f"{body}{key} = {value}\n"
    rows.insert(first_table, f"{key} = {value}")
    return "\n".join(rows)


def _trailing_comment(row: str) -> str:
    """The ``# ...`` at the end of a ``key = value`` line, outside any quotes."""
    quote = ""
    for index, char in enumerate(row):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return row[index:]
    return ""


def save_setting(path: Path, key: str, value: str) -> None:
    """Set the top-level ``key`` of the settings file at ``path`` to the TOML ``value``.

    Raises:
        StorageError: the file could not be written; it is as it was.
    """
    from circlekeeper.sessions.storage.atomic import read_text, write_atomic

    text = read_text(path) or ""
    write_atomic(path, with_setting(text, key, value))
