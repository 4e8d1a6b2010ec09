"""A long history for the benches: past sessions written straight to disk.

The storage bench and the launch bench both need a sessions folder that has been used
for months. Writing it through the app would take minutes, so the files and an up-to-date
index are written directly, in the format the app itself writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from circlekeeper.sessions.storage.atomic import dumps, write_atomic
from circlekeeper.sessions.storage.index import SessionSummary, index_entry, stamp_of, write_index
from circlekeeper.sessions.storage.record import SCHEMA_VERSION


def write_past_sessions(
    root: Path,
    count: int,
    start: datetime,
    *,
    events: int = 0,
    notes: int = 0,
    note: Callable[[int], dict[str, object]] | None = None,
) -> None:
    """Write ``count`` ended sessions, one a day before ``start``, and their index.

    Args:
        root: the sessions folder (made if missing).
        count: how many past sessions.
        start: the day after the latest of them.
        events: how many part events each session holds.
        notes: how many notes each session holds, each made by ``note(n)``.
        note: builds note ``n`` (1-based); needed when ``notes`` is not 0.
    """
    root.mkdir(parents=True, exist_ok=True)
    entries = {}
    for k in range(count):
        day = start - timedelta(days=k + 1)
        session_id = f"{day:%Y-%m-%d}-{k:04d}"
        moment = day.isoformat()
        meta = {
            "schema": SCHEMA_VERSION, "id": session_id, "created": moment, "updated": moment,
            "state": "ended", "ended": moment, "title": f"Past group {k}", "template": "mentors",
        }  # fmt: skip
        data = {
            "meta": {"1": meta},
            "events": {str(i): {"kind": "part", "at": moment} for i in range(1, events + 1)},
            "notes": {str(i): note(i) for i in range(1, notes + 1)} if note else {},
        }
        path = root / f"{session_id}.json"
        write_atomic(path, dumps(data, path))
        summary = SessionSummary(session_id, meta["title"], "mentors", "ended", day, day, day)
        entries[session_id] = index_entry(summary, stamp_of(path.stat()))
    write_index(root / "index.json", entries)
