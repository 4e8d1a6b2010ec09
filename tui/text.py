"""Small helpers for turning the core's messages into screen text."""

from __future__ import annotations


def sentence(message: object) -> str:
    """A message with its first letter in capitals and the rest untouched.

    Unlike ``str.capitalize``, which lowers every other letter, this keeps file paths
    and names in messages exactly as they are.
    """
    text = str(message)
    return text[:1].upper() + text[1:]
