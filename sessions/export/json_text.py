"""JSON text indented by two spaces, every string made safe on the way, without the slow encoder.

The standard library writes indented JSON with its pure-Python encoder, one generator per
list and object: for a record of 10,000 notes that was most of the export's time. This
writer gives byte for byte what ``json.dumps(value, ensure_ascii=False, indent=2)`` gives
for the values a summary is made of (objects with string keys, lists, strings, numbers,
booleans and null), escaping each string with the standard library's C function and
passing it through :func:`~circlekeeper.sessions.safe_text.safe_text` first, keys included.
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

from circlekeeper.sessions.safe_text import safe_text

INDENT = "  "


def _number(value: float) -> str:
    # As the standard encoder writes them, non-finite values included.
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _string(value: str) -> str:
    return encode_basestring(safe_text(value))


_LEAVES: dict[type, Callable[[Any], str]] = {
    str: _string,
    type(None): lambda _: "null",
    bool: lambda value: "true" if value else "false",
    int: int.__repr__,
    float: _number,
}
"""How each plain scalar is written, found by its exact type: most of a summary's values
are such leaves, written here without a call of :func:`_write` each."""


def _write(value: Any, pad: str, out: list[str]) -> None:
    """Append ``value`` as JSON to ``out``; ``pad`` is the indent of the line it is on."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_number(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = pad + INDENT
        separator = "{\n" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            leaf = _LEAVES.get(type(item))
            if leaf is not None:
                out.append(separator + _string(key) + ": " + leaf(item))
            else:
                out.append(separator + _string(key) + ": ")
                _write(item, inner, out)
            separator = ",\n" + inner
        out.append("\n" + pad + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = pad + INDENT
        separator = "[\n" + inner
        for item in value:
            leaf = _LEAVES.get(type(item))
            if leaf is not None:
                out.append(separator + leaf(item))
            else:
                out.append(separator)
                _write(item, inner, out)
            separator = ",\n" + inner
        out.append("\n" + pad + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def indented_json(value: Any) -> str:
    """``value`` as JSON indented by two spaces, with every string in it made safe.

    Raises:
        TypeError: ``value`` holds something JSON has no word for.
    """
    out: list[str] = []
    _write(value, "", out)
    return "".join(out)
