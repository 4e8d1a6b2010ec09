"""CSV whose cells a spreadsheet shows as text, never runs as a formula.

A note reading ``=HYPERLINK("http://...")`` or ``@SUM(...)`` would run when the file is
opened in a spreadsheet. A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets an apostrophe in front, which spreadsheets read as "this is text"
(the OWASP advice for CSV injection). Numbers stay numbers: they are written as numbers.
Text from outside is made safe first, as everywhere: no control character or bidi override
reaches the file, and a line break inside a note stays one (``\n``, never a bare ``\r``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from circlekeeper.sessions.safe_text import safe_text

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> str:
    """A cell's text: ``value`` as written, with an apostrophe before a formula start."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = safe_text(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The rows under ``header`` as CSV (comma-separated, quoted where needed).

    Lines end in ``\n``, which every spreadsheet reads: a carriage return is a control
    character like any other, and no export carries one.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return out.getvalue()
