"""Text from outside made safe to show: no character in it can drive a terminal.

Templates, notes, cards, debriefs, resource titles and config values are written by
people, and a few characters in them are not text at all: C0 controls such as ESC (which
begins the sequences that set a terminal's title, write its clipboard or blank its
screen), DEL, the C1 controls (U+0080 to U+009F, some of which a terminal also obeys) and
the bidirectional overrides and isolates, which show words in another order than they
were written. :func:`safe_text` is applied where such text enters the program, and again
on the way out into an export, so every screen, command line and file built from it is
safe without each of them having to remember.

A control character is shown rather than silently lost, as its Unicode "control picture"
(ESC as ␛, NUL as ␀) or as � for a C1 control, so a facilitator can see that something
odd was there; a bidirectional override or isolate is dropped, since it has no look of
its own and dropping it only puts the words back in the order they were written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: the characters that reorder the text around them."""

REPLACEMENT = "\ufffd"
"""What a C1 control is shown as."""

_UNSAFE = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
"""Every character :func:`unsafe_characters` reports. Kept as a pattern, which ``re``
compiles on first use: only checking a template needs it, never a launch."""

_TO_SHOW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What :func:`safe_text` changes once carriage returns are gone: all of :data:`_UNSAFE`
but the line feed and the tab, which are kept (or already made spaces). Most text from a
template has line breaks; matching them only to put them back cost every launch."""

_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x09: "TAB",
    0x0A: "LINE FEED",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESC",
    0x7F: "DEL",
    0x9B: "CSI",
    0x9D: "OSC",
}


def _shown(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures block: ␀ to ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in BIDI_CONTROLS:
        return ""
    return REPLACEMENT


def safe_text(text: str, *, lines: bool = True) -> str:
    """``text`` with every control character made visible and every bidi override dropped.

    Args:
        text: text from outside the program.
        lines: whether the text may hold line breaks and tabs, which are kept (a ``\\r\\n``
            or lone ``\\r`` becomes ``\\n``). For a one-line value (a title, a config
            string) pass ``False``: line breaks and tabs then become spaces.

    Returns:
        The text, unchanged when it was already safe.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not lines:
        text = text.replace("\n", " ").replace("\t", " ")
    if _TO_SHOW.search(text) is None:
        return text
    return _TO_SHOW.sub(lambda m: _shown(m.group()), text)


def unsafe_characters(text: str) -> Iterator[tuple[int, str]]:
    """Each character :func:`safe_text` would change (bar line breaks and tabs), by offset."""
    for match in re.finditer(_UNSAFE, text):
        if match.group() not in "\n\t\r":
            yield match.start(), match.group()


def describe(char: str) -> str:
    """A character's name for a message, like ``ESC (U+001B)``."""
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "") or "a control character"
    return f"{name} (U+{code:04X})"
