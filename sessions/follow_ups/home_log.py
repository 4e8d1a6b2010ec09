"""Follow-throughs after a crisis opened with no session open, in one file of the data folder.

The file holds a list of records, each the fields a session's follow-through event holds
(where, steps, due, debrief, the guarded words) with when it was recorded and when its
follow-up was marked done. It is written whole through the atomic writer, so a crash
leaves the old list or the new one; a damaged file is reported, never overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.engine.follow_through import (
    FollowThrough,
    event_fields,
    from_event,
    open_due,
)
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.storage.atomic import (
    DamagedFile,
    dumps,
    load_json,
    read_text,
    write_atomic,
)

FILE_NAME = "crisis-follow-ups.json"
"""The file's name in the data folder."""


class HomeFollowThroughs:
    """The follow-throughs recorded after the crisis key was pressed with no session open.

    Args:
        path: The file that keeps them (created on the first record).
        clock: What "now" is for a record and for marking one done.
    """

    def __init__(self, path: Path, clock: Clock) -> None:
        self.path = path
        self.clock = clock

    def records(self) -> tuple[FollowThrough, ...]:
        """Every record, oldest first; none when the file does not exist yet.

        Raises:
            StorageError: the file cannot be read or is damaged.
        """
        return tuple(self._record(raw) for raw in self._read())

    def open_due(self) -> str | None:
        """The earliest due date (ISO) of the follow-ups not yet done, or ``None``."""
        return open_due(self.records())

    def add(
        self, place: str, steps: Iterable[str], due: date, *, debrief: bool, words: str = "",
        keep: bool = False, redact: bool = False, watch_list: Iterable[str] = (),
    ) -> FollowThrough:  # fmt: skip
        """Record a follow-through, its words checked for personal data as a note's are.

        Raises:
            NoteFlagged: the words look like personal data; nothing was saved.
            SessionError: a field is not one the record knows.
            StorageError: the file cannot be read or written.
        """
        # The guard loads the personal-data checks: only when a record is made, not at launch.
        from circlekeeper.sessions.engine.notebook import clean_text, guard

        kept: tuple[str, ...] = ()
        if words.strip():
            words, kept = guard(clean_text(words, "words"), watch_list, keep=keep, redact=redact)
        fields = event_fields(place, steps, due, debrief, words.strip(), kept)
        raw = self._read()
        raw.append({**fields, "at": self.clock.now().isoformat(), "done_at": None})
        self._write(raw)
        return self._record(raw[-1])

    def follow_up_done(self) -> int:
        """Mark every follow-up not yet done as done; returns how many there were.

        Raises:
            SessionError: none is open.
            StorageError: the file cannot be read or written.
        """
        raw = self._read()
        open_ones = [r for r in raw if r.get("done_at") is None]
        if not open_ones:
            raise SessionError("no crisis follow-up from the home screen is open")
        now = self.clock.now().isoformat()
        for record in open_ones:
            record["done_at"] = now
        self._write(raw)
        return len(open_ones)

    def _read(self) -> list[dict[str, Any]]:
        text = read_text(self.path)
        if text is None:
            return []
        data = load_json(text, self.path)
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise DamagedFile(self.path, "expected a list of follow-through records")
        for record in data:
            try:
                self._record(record)
            except (KeyError, TypeError, ValueError) as error:
                raise DamagedFile(self.path, f"a record is not readable ({error})") from None
        return data

    def _write(self, raw: list[dict[str, Any]]) -> None:
        write_atomic(self.path, dumps(raw, self.path))

    @staticmethod
    def _record(raw: dict[str, Any]) -> FollowThrough:
        record = from_event(raw, datetime.fromisoformat(str(raw["at"])))
        done = raw.get("done_at")
        return record if done is None else record.marked_done(datetime.fromisoformat(done))
