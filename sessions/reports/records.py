"""Reading the facilitator records a coordinator collects, of any version of the format.

A record is the JSON export of one session (format ``circlekeeper-summary``). Facilitators
run different versions of circlekeeper, so :func:`read_record` reads every version the
format has had: it looks at the record's ``version`` and hands it to that version's
reader (:data:`READERS`), which gives the session's :class:`SessionFigures`. A later
version adds its own reader here, and the earlier ones stay.

Whatever a file is, it gives figures or one :class:`NotARecord` whose message is one line,
``file: not a circlekeeper record: why``; nothing of the file's own text is in it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.reports.figures import FiguresError, SessionFigures, figures_of
from circlekeeper.sessions.safe_text import safe_text

FORMAT = "circlekeeper-summary"
"""The ``format`` field every record carries."""

MAX_RECORD_BYTES = 20_000_000
"""A record is a few kilobytes; a file far larger is not one, and is not read whole."""


class NotARecord(ValueError):
    """A file that is not a facilitator record; the message is one line naming it."""

    def __init__(self, path: Path, why: str) -> None:
        """Say that ``path`` is not a record, and ``why``."""
        # A file name is outside text too: it reaches the terminal only made safe.
        message = _("{path}: not a circlekeeper record: {why}")
        super().__init__(message.format(path=safe_text(str(path)), why=why))
        self.path = path
        """The file."""
        self.why = why
        """What is wrong with it."""


@dataclass(frozen=True)
class CollectedRecord:
    """One record's figures, and the format version it was written in."""

    figures: SessionFigures
    """Its counts."""
    version: int
    """The format version it was written in."""


def _read_v1(data: Mapping[str, Any]) -> SessionFigures:
    return figures_of(data)


READERS: dict[int, Callable[[Mapping[str, Any]], SessionFigures]] = {1: _read_v1}
"""One reader for every version of the format, by its ``version`` number."""


def figures_of_record(data: object) -> tuple[SessionFigures, int]:
    """The figures of record data of any known version, and that version.

    Raises:
        FiguresError: the data is not a facilitator record; the message says why.
    """
    if not isinstance(data, dict):
        raise FiguresError(_("it is not a JSON object"))
    if data.get("format") != FORMAT:
        raise FiguresError(_('its "format" is not "{format}"').format(format=FORMAT))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FiguresError(_('it has no whole-number "version"'))
    reader = READERS.get(version)
    if reader is None:
        newest = max(READERS)
        raise FiguresError(
            _(
                "version {version} is newer than this circlekeeper reads (up to {newest}); "
                "update it"
            ).format(version=version, newest=newest)
        )
    return reader(data), version


def read_record(path: Path) -> CollectedRecord:
    """The figures of the record in ``path``.

    Raises:
        NotARecord: the file cannot be read, is not JSON, or is not a facilitator record.
    """
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_RECORD_BYTES + 1)
    except OSError as error:
        raise NotARecord(path, error.strerror or _("it cannot be read")) from None
    if len(raw) > MAX_RECORD_BYTES:
        raise NotARecord(path, _("it is far larger than any record"))
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise NotARecord(path, _("it is not UTF-8 text")) from None
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        why = _("it is not JSON (line {line})").format(line=line) if line else _("it is not JSON")
        raise NotARecord(path, why) from None
    try:
        figures, version = figures_of_record(data)
    except FiguresError as error:
        raise NotARecord(path, str(error)) from None
    return CollectedRecord(figures, version)
