"""What the run screen says when time runs out: for the part, a speaker's turn or a step.

A pure function of two of the engine's
:class:`~circlekeeper.sessions.engine.status.Status` snapshots, so the screen only hands
it two readings of the clock.
"""

from __future__ import annotations

from circlekeeper.sessions.engine.status import Status
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.structures.spoken import spoken_name
from circlekeeper.tui.text import clipped


def time_up_words(last: Status, now: Status) -> list[tuple[str, str]]:
    """What ran out between two readings: the part's time, a speaker's turn, or nothing.

    Each is said once, as it runs out; nothing moves on by itself. Each comes as the
    words for everyone and the facilitator's key hint, which a shared screen leaves out.
    """
    said = []
    if last.part_overrun == 0 and now.part_overrun > 0:
        part = clipped(now.part.title)
        said.append(
            (_("Time is up for “{part}”.").format(part=part), _("Press ] when you are ready."))
        )
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
        said.append((_("This speaker's time is up."), _("Press s for the next speaker.")))
    step, then = last.step, now.step
    if (
        step is not None
        and then is not None
        and step.number == then.number
        and step.overrun == 0
        and then.overrun > 0
    ):
        said.append(
            (
                _("Time is up for this step: “{step}”.").format(
                    step=clipped(spoken_name(then.step.name))
                ),
                _("Press s for the next step."),
            )
        )
    return said
