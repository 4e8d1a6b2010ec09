"""Saving the facilitator's follow-through after the crisis key, and marking it done.

The follow-through's words pass the personal-data guard as a note's do, and each change
is one event in the session's record, written before the screen says it happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from circlekeeper.sessions.engine.events import EventType
from circlekeeper.sessions.engine.follow_through import FollowThrough, event_fields
from circlekeeper.sessions.engine.notebook import clean_text, guard
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import _

if TYPE_CHECKING:
    from circlekeeper.sessions.engine.recorder import Recorder
    from circlekeeper.sessions.privacy.names import WatchList


def save_follow_through(
    recorder: Recorder, watch_list: WatchList, place: str, steps: Iterable[str], due: date,
    *, debrief: bool, words: str = "", keep: bool = False, redact: bool = False,
) -> FollowThrough:  # fmt: skip
    """Record a follow-through (see :meth:`.Session.save_follow_through`).

    Raises:
        NoteFlagged: the words hold personal data the facilitator has not yet kept or
            redacted; nothing is saved.
    """
    recorder.require_writable()
    kept: tuple[str, ...] = ()
    if words.strip():
        words, kept = guard(clean_text(words, "words"), watch_list, keep=keep, redact=redact)
    fields = event_fields(place, steps, due, debrief, words.strip(), kept)
    recorder.append(EventType.FOLLOW_THROUGH, **fields)
    return recorder.progress.follow_throughs[-1]


def follow_ups_done(recorder: Recorder) -> int:
    """Mark every follow-up not yet done as done; how many there were.

    Raises:
        SessionError: none is open.
    """
    recorder.require_writable()
    records = recorder.progress.follow_throughs
    open_ones = [i for i, r in enumerate(records) if r.done_at is None]
    if not open_ones:
        raise SessionError(_("no crisis follow-up is open in this session"))
    for index in open_ones:
        recorder.append(EventType.FOLLOW_UP_DONE, index=index)
    return len(open_ones)
