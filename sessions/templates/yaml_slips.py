"""The common slips in a template's front matter, said in words with the fix.

YAML's own messages ("mapping values are not allowed here") name the parser's state, not
what the author typed. The few slips people make again and again get a message of their
own; anything else keeps YAML's, with its line.
"""

from __future__ import annotations

import re

from circlekeeper.sessions.languages.speaking import N_, _

_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*)$")

NO_CLOSING_LINE = N_(
    "the front matter has no closing '---' line; add a line holding only '---' after its "
    "last 'key: value' line, before the first heading"
)


def explain(problem: str, line_text: str) -> str | None:
    """The slip behind a YAML error on ``line_text``, with its fix, if it is a common one.

    Args:
        problem: PyYAML's description of what went wrong.
        line_text: the front matter line the error points at.
    """
    if "\t" in line_text and "'\\t'" in problem:
        return _(
            "a tab in the front matter; YAML reads only spaces there: replace the tab with "
            "a space (keys start at the beginning of the line)"
        )
    if problem.startswith("mapping values are not allowed"):
        match = _KEY.match(line_text)
        if match and ":" in match.group(2):
            key, value = match.groups()
            quoted = value.strip().replace('"', '\\"')
            return _(
                "the value of {name} holds a colon, which YAML reads as a new key; put the "
                'value in quotes: {key}: "{quoted}"'
            ).format(name=repr(key), key=key, quoted=quoted)
    return None
