"""What listing sessions gives, and the small index file that caches it.

The index maps each session id to its summary plus a *stamp* of the session file (inode,
size and modification time). Listing trusts an entry only while the file's stamp still
matches, so a note saved after the last index update is picked up by reading that one
file, and a lost or damaged index is simply rebuilt from the session files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.atomic import (
    DamagedFile,
    dumps,
    load_json,
    read_text,
    write_atomic,
)

STATES = ("ready", "running", "paused", "ended")
"""Every state a session can be in, in the order a session goes through them."""

INDEX_VERSION = 1

ID_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]{4,}$")
"""A session id: the day it was created and a random tail, e.g. ``2026-03-04-7kq2``."""

Stamp = list[int]


@dataclass(frozen=True)
class SessionSummary:
    """What a list of sessions shows about one session."""

    id: str
    """The session's id, also its file name."""
    title: str
    """The agenda's title ("" until the session engine sets it)."""
    template: str
    """The template the agenda came from ("" until set)."""
    state: str
    """One of :data:`STATES`."""
    created: datetime
    """When the session was created."""
    updated: datetime
    """When the session last changed, as recorded by the session engine."""
    ended: datetime | None
    """When the session ended, if it has."""
    follow_up_due: date | None = None
    """The earliest crisis follow-up not yet done, if any (older files have none)."""


@dataclass(frozen=True)
class DamagedEntry:
    """A file in the sessions folder that could not be read as a session."""

    path: Path
    """Where the file was found."""
    reason: str
    """What is wrong with it."""
    moved_to: Path | None = None
    """Where it was set aside, or ``None`` when it was left where it is."""

    def message(self) -> str:
        """One line for the facilitator: which file, what is wrong, what was done."""
        if self.moved_to in (None, self.path):
            return f"{self.path}: {self.reason}"
        return f"{self.path}: {self.reason}; set aside as {self.moved_to.name}"


@dataclass
class Listing:
    """Every session in the folder, and the files that could not be read."""

    sessions: list[SessionSummary] = field(default_factory=list)
    """The sessions, most recently updated first."""
    damaged: list[DamagedEntry] = field(default_factory=list)
    """Damaged files: found now (with the reason) or set aside earlier."""
    index_rebuilt: bool = False
    """Whether the index was damaged and has been rebuilt from the session files."""

    def by_change(self) -> list[SessionSummary]:
        """The sessions, the one changed last first."""
        return sorted(self.sessions, key=lambda s: s.updated, reverse=True)

    def follow_ups(self) -> list[SessionSummary]:
        """The sessions with a crisis follow-up not yet done, the earliest due first."""
        due = (s for s in self.by_change() if s.follow_up_due)
        return sorted(due, key=lambda s: s.follow_up_due or s.updated)


def brief(value: Any) -> str:
    """A value found in a file, as a short literal safe for a message."""
    # repr() shows control characters as escapes; a huge value is cut to a glimpse.
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "a huge number"
    return text if len(text) <= 40 else text[:39] + "…"


def parse_time(value: Any, field: str, path: Path) -> datetime:
    """An ISO time from a session file, timezone-aware (a naive one is taken as local).

    Raises:
        DamagedFile: when ``value`` is not an ISO time.
    """
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo else moment.astimezone()
    raise DamagedFile(path, f"field {field!r} is not a time: {brief(value)}")


def summary_from_meta(meta: Any, path: Path) -> SessionSummary:
    """Check a session's metadata and summarise it.

    Args:
        meta: The metadata document of the session stored at ``path``.
        path: The session file, named ``<id>.json``.

    Raises:
        DamagedFile: when a required field is missing or wrong.
    """
    if not isinstance(meta, dict):
        raise DamagedFile(path, "no session metadata")
    for name in ("id", "schema", "created", "updated", "state"):
        if meta.get(name) is None:
            raise DamagedFile(path, f"missing field {name!r}")
    if meta["id"] != path.name.removesuffix(".json"):
        raise DamagedFile(path, f"its id {brief(meta['id'])} does not match its file name")
    if meta["state"] not in STATES:
        raise DamagedFile(path, f"unknown state {brief(meta['state'])}")
    for name in ("title", "template"):
        if not isinstance(meta.get(name, ""), str):
            raise DamagedFile(path, f"field {name!r} is not text")
    ended = meta.get("ended")
    return SessionSummary(
        id=meta["id"],
        title=meta.get("title", ""),
        template=meta.get("template", ""),
        state=meta["state"],
        created=parse_time(meta["created"], "created", path),
        updated=parse_time(meta["updated"], "updated", path),
        ended=None if ended is None else parse_time(ended, "ended", path),
        follow_up_due=_day_or_none(meta.get("follow_up_due")),
    )


def _day_or_none(value: Any) -> date | None:
    # A reminder, not part of the session's identity: an odd value is no reason to set
    # the file aside.
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def stamp_of(stat: os.stat_result) -> Stamp:
    """The stamp that changes whenever a session file is replaced."""
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def index_entry(summary: SessionSummary, stamp: Stamp) -> dict[str, Any]:
    """The index's record of one session."""
    return {
        "title": summary.title,
        "template": summary.template,
        "state": summary.state,
        "created": _iso(summary.created),
        "updated": _iso(summary.updated),
        "ended": _iso(summary.ended),
        "follow_up_due": None
        if summary.follow_up_due is None
        else summary.follow_up_due.isoformat(),
        "stamp": stamp,
    }


def summary_from_entry(session_id: str, entry: dict[str, Any], path: Path) -> SessionSummary:
    """Turn the index entry of the session file ``path`` back into a summary.

    Raises:
        DamagedFile: when the entry is wrong.
    """
    return summary_from_meta({**entry, "id": session_id, "schema": INDEX_VERSION}, path)


def read_index(path: Path) -> dict[str, dict[str, Any]] | None:
    """The index's entries by session id: ``{}`` if there is no index, ``None`` if damaged.

    The index is only a cache, so an index that cannot be read (a folder, a FIFO, a file
    too large, unreadable or not JSON) is ``None`` too, and is rebuilt from the files.
    """
    try:
        text = read_text(path)
        if text is None:
            return {}
        data = load_json(text, path)
    except StorageError:
        return None
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return None
    entries = data.get("sessions")
    if not isinstance(entries, dict):
        return None
    for session_id, entry in entries.items():
        if not isinstance(entry, dict) or not ID_PATTERN.match(session_id):
            return None
        stamp = entry.get("stamp")
        if not (isinstance(stamp, list) and all(isinstance(n, int) for n in stamp)):
            return None
        try:
            summary_from_entry(session_id, entry, path.with_name(f"{session_id}.json"))
        except DamagedFile:
            return None
    return entries


def write_index(path: Path, entries: dict[str, dict[str, Any]]) -> None:
    """Replace the index atomically with ``entries``."""
    write_atomic(path, dumps({"version": INDEX_VERSION, "sessions": entries}, path))


class DamagedSession(StorageError):
    """The session's file was damaged; it has been set aside."""

    def __init__(self, entry: DamagedEntry) -> None:
        super().__init__(entry.message())
        self.entry = entry
        """Which file, what is wrong and where it was moved."""
