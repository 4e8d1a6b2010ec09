"""What the run screen says about time: the session's clock line, and time running out.

Pure functions of the engine's :class:`~circlekeeper.sessions.engine.status.Status`
snapshots, so the screen only hands them two readings of the clock.
"""

from __future__ import annotations

from circlekeeper.sessions.engine.events import SessionState
from circlekeeper.sessions.engine.status import Status
from circlekeeper.tui.widgets.clock_text import elapsed, minutes, time_of_day


def session_clock_words(status: Status) -> str:
    """The whole session's time and its projected end, in one line."""
    if status.state is SessionState.READY:
        return f"Planned length {minutes(sum(p.planned for p in status.parts))}"
    over = f" · {minutes(status.over_by)} over plan" if status.over_by >= 60 else " · on time"
    return (
        f"Elapsed {elapsed(status.session_elapsed)} · planned end "
        f"{time_of_day(status.planned_end)} · projected end "
        f"{time_of_day(status.projected_end)}{over}"
    )


def time_up_words(last: Status, now: Status) -> list[str]:
    """What ran out between two readings: the part's time, a speaker's turn, or nothing.

    Each is said once, as it runs out; nothing moves on by itself.
    """
    said = []
    if last.part_overrun == 0 and now.part_overrun > 0:
        said.append(f"Time is up for “{now.part.title}”. Press ] when you are ready.")
    was, turn = last.round, now.round
    if (
        was is not None
        and turn is not None
        and was.speaker == turn.speaker
        and was.again_speaker == turn.again_speaker
        and was.speaker_overrun == 0
        and turn.speaker_overrun > 0
        and not turn.done
    ):
        said.append("This speaker's time is up. Press s for the next speaker.")
    return said
