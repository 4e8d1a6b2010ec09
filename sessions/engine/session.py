"""The session engine: running one session of a group from its agenda.

A :class:`Session` is driven by the facilitator's actions (start, pause, move between
parts, turns in a speaking round, notes, resources, rebalance, end) and owns the
collaborators that carry them out: its :class:`~.recorder.Recorder` writes each action's
event to the record before the action returns, so :meth:`Session.resume` reopens a session
exactly where it was; its :class:`~.timekeeper.Timekeeper` checks and makes the moves
through the agenda; its :class:`~.notebook.NoteBook` keeps the notes and the debrief.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.engine.crisis import choose_crisis_resource, resource_to_add
from circlekeeper.sessions.engine.events import EventType, SessionState
from circlekeeper.sessions.engine.follow_through import FollowThrough
from circlekeeper.sessions.engine.follow_through_record import follow_ups_done, save_follow_through
from circlekeeper.sessions.engine.note_model import Debrief, Note, NoteKind, NoteSource
from circlekeeper.sessions.engine.notebook import NoteBook, NoteFlagged
from circlekeeper.sessions.engine.rating import Means, record_rating
from circlekeeper.sessions.engine.rebalance import RebalancePlan
from circlekeeper.sessions.engine.recorder import IndexCallback, Recorder, agenda_of
from circlekeeper.sessions.engine.rounds import RoundStatus
from circlekeeper.sessions.engine.status import Status, build_status, build_timeline
from circlekeeper.sessions.engine.timekeeper import MAX_ATTENDANCE, Timekeeper, check_attendance
from circlekeeper.sessions.engine.timeline import Timeline
from circlekeeper.sessions.engine.topic_keeper import NoteStamp, TopicKeeper
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.privacy.names import WatchList
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Part, Resource

__all__ = ["MAX_ATTENDANCE", "NoteFlagged", "Session", "SessionState"]


class Session:
    """One session being run (or read back after it ended); make one with :meth:`create`.

    Every action raises :class:`SessionError` with a plain message when it is not possible
    now, and writes its event to the record before returning.
    """

    def __init__(
        self, recorder: Recorder, agenda: Agenda, watch_list: Iterable[str], warning_minutes: int
    ) -> None:
        """Join a session's collaborators; use :meth:`create` or :meth:`resume` instead."""
        self.record = recorder.record
        """The session's :class:`~.record.SessionRecord`."""
        self.clock = recorder.clock
        """Where time comes from."""
        self.read_only = recorder.read_only
        """Opened for reading (a summary, an export): every change is refused."""
        self.agenda = agenda
        """The session's own copy of its agenda."""
        self.warning_seconds = warning_minutes * 60
        """How long before a part's end the status warns."""
        self._recorder = recorder
        self._progress = recorder.progress
        watch = watch_list if isinstance(watch_list, WatchList) else WatchList(watch_list)
        self._notebook = NoteBook(recorder.record, watch)
        stamp = lambda: NoteStamp(self.part_index, self.status().session_elapsed)  # noqa: E731
        self.topics = TopicKeeper(recorder, self._notebook, stamp)
        """A Lean Coffee part's topic board and the moves on it."""
        self._timekeeper = Timekeeper(recorder, agenda, self.topics.park_unreached)

    @classmethod
    def create(
        cls, record: SessionRecord, agenda: Agenda, clock: Clock, *, session_id: str,
        attendance: int, watch_list: WatchList | Iterable[str] = (),
        index: IndexCallback | None = None, warning_minutes: int = 2,
    ) -> Session:  # fmt: skip
        """Start a new session in state ``ready`` in an empty record.

        The session keeps its own copy of ``agenda``; the ``watch_list`` of names is held
        in memory only; ``index`` is called with the index fields of the meta after each
        state change; the status warns ``warning_minutes`` before a part's end.
        """
        if not agenda.parts:
            message = _("the agenda {name} has no parts to run")
            raise SessionError(message.format(name=repr(agenda.name)))
        check_attendance(attendance)
        recorder = Recorder.for_new_session(
            record, agenda, clock, session_id=session_id, attendance=attendance, index=index
        )
        session = cls(recorder, agenda, watch_list, warning_minutes)
        recorder.append(EventType.CREATED, attendance=attendance)
        return session

    @classmethod
    def resume(
        cls, record: SessionRecord, clock: Clock, *, watch_list: WatchList | Iterable[str] = (),
        index: IndexCallback | None = None, warning_minutes: int = 2, read_only: bool = False,
    ) -> Session:  # fmt: skip
        """Reopen a session exactly where it was: part, timer, round, notes, rebalance.

        A session under way when the app closed is paused now: running time up to the last
        :meth:`heartbeat` counts, the time closed is a pause. With ``read_only`` (for a
        summary or an export) nothing is written and every change is refused.

        Raises:
            SessionError: the record holds no session, or a damaged one.
        """
        meta = record.read_meta()
        agenda = agenda_of(meta)
        recorder = Recorder.replayed(record, clock, agenda, meta, index=index, read_only=read_only)
        session = cls(recorder, agenda, watch_list, warning_minutes)
        session._notebook.load(meta)
        return session

    # Read side ------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The session's id."""
        return str(self._recorder.meta.get("id", ""))

    @property
    def state(self) -> SessionState:
        """Where the session is in its life."""
        return self._progress.state

    @property
    def part_index(self) -> int:
        """The current part's index."""
        return self._progress.part

    @property
    def part(self) -> Part:
        """The current part."""
        return self.agenda.parts[self._progress.part]

    @property
    def attendance(self) -> int:
        """The number of people present."""
        return self._progress.attendance

    @property
    def watch_list(self) -> WatchList:
        """Names the note guard looks for; add to it at any time. Never saved."""
        return self._notebook.watch_list

    def status(self) -> Status:
        """A snapshot of where the session stands now, for the screen."""
        live, now = self._recorder.live_ms(), self.clock.now()
        return build_status(self._progress, live, now, self.warning_seconds)

    def timeline(self) -> Timeline:
        """The record of what happened, for the summary and the exports."""
        return build_timeline(self._progress, self._recorder.live_ms())

    def notes(
        self, part_index: int | None = None, *, include_facilitator_only: bool = True
    ) -> list[Note]:
        """Notes in the order taken; of one part when ``part_index`` is given."""
        return self._notebook.list(part_index, include_facilitator_only=include_facilitator_only)

    def note(self, note_id: str) -> Note:
        """The note with id ``note_id`` (:class:`SessionError` when there is none)."""
        return self._notebook.get(note_id)

    def resources(self) -> tuple[Resource, ...]:
        """The agenda's resources, then those added during the session."""
        return (*self.agenda.resources, *self._progress.added)

    def debrief(self) -> Debrief | None:
        """The facilitator's debrief, once saved."""
        return self._notebook.debrief

    @property
    def follow_throughs(self) -> tuple[FollowThrough, ...]:
        """The facilitator's follow-throughs after the crisis key, oldest first."""
        return tuple(self._recorder.progress.follow_throughs)

    def preview_rebalance(self) -> RebalancePlan:
        """What :meth:`rebalance` would do now, without doing it."""
        return self._timekeeper.plan_rebalance(self.status())

    # Actions --------------------------------------------------------------------------

    def heartbeat(self) -> None:
        """Save the running time not yet written (every 15 s or so while the timer runs)."""
        self._recorder.heartbeat()

    def start(self) -> None:
        """Start the session: the first part's time begins."""
        self._timekeeper.start()

    def pause(self, reason: str = "pause") -> None:
        """Stop the timer."""
        self._timekeeper.pause(reason)

    def resume_timer(self) -> None:
        """Run the timer again after a pause."""
        self._timekeeper.resume()

    def toggle(self) -> SessionState:
        """Start, pause or resume, whichever fits; returns the new state."""
        return self._timekeeper.toggle()

    def end(self) -> None:
        """End the session; afterwards only the debrief (and note removal) is possible."""
        self._timekeeper.end()

    def next_part(self) -> None:
        """Move to the next part."""
        self._timekeeper.step(1)

    def previous_part(self) -> None:
        """Go back to the previous part; time then counts for it again."""
        self._timekeeper.step(-1)

    def go_to_part(self, index: int) -> None:
        """Make part ``index`` (0-based) the current part."""
        self._timekeeper.go_to(index)

    def next_speaker(self) -> RoundStatus:
        """The speaker has finished: the turn goes to the next one."""
        return self._turn(passed=False)

    def pass_speaker(self) -> RoundStatus:
        """The speaker passes; they are offered a turn again at the end of the round."""
        return self._turn(passed=True)

    def next_step(self) -> None:
        """The current step of a structured part is done: the next one begins."""
        self._timekeeper.next_step()

    def _turn(self, *, passed: bool) -> RoundStatus:
        self._timekeeper.turn(passed=passed)
        round_status = self.status().round
        assert round_status is not None
        return round_status

    def set_attendance(self, attendance: int) -> None:
        """Change the number of people present."""
        self._timekeeper.set_attendance(attendance)

    def rebalance(self, agreed: RebalancePlan | None = None) -> RebalancePlan:
        """Shorten the parts to come so the session ends on time, or say why it cannot.

        ``agreed`` is a plan from :meth:`preview_rebalance` the facilitator said yes to: it
        is what is applied, so what they read is what happens.
        """
        return self._timekeeper.rebalance(self.status(), agreed)

    def undo_rebalance(self) -> tuple[int, ...]:
        """Put back the plan from before the latest rebalance; returns it (seconds per part)."""
        return self._timekeeper.undo_rebalance()

    def add_resource(self, title: str, url: str) -> Resource:
        """Add a link to show as a QR code (see :func:`~.crisis.resource_to_add`)."""
        self._recorder.require_open(N_("add a resource"))
        resource, known = resource_to_add(title, url, self.resources())
        if not known:
            self._recorder.append(EventType.RESOURCE_ADDED, title=resource.title, url=resource.url)
        return resource

    def resource_shown(self, resource: Resource) -> None:
        """Record that ``resource`` was put on the screen."""
        self._recorder.require_open(N_("record a resource shown"))
        self._recorder.append(EventType.RESOURCE_SHOWN, title=resource.title, url=resource.url)

    def crisis(self, resource: Resource | None = None) -> Resource:
        """Pause the timer, record the crisis resource shown (by default the agenda's, else a
        helpline directory) and return it, even when nothing can be recorded now."""
        shown = resource or choose_crisis_resource((), self.agenda).resource
        if self.state is not SessionState.ENDED and not self.read_only:
            self._recorder.append(EventType.CRISIS, title=shown.title, url=shown.url)
        return shown

    def save_follow_through(
        self, place: str, steps: Iterable[str], due: date, *, debrief: bool, words: str = "",
        keep: bool = False, redact: bool = False,
    ) -> FollowThrough:  # fmt: skip
        """Record the facilitator's follow-through after the crisis key (after the end too).

        The words go through the personal-data guard as a note does: :class:`NoteFlagged`
        (nothing saved) until the facilitator keeps or redacts what was found.
        """
        return save_follow_through(
            self._recorder, self.watch_list, place, steps, due,
            debrief=debrief, words=words, keep=keep, redact=redact,
        )  # fmt: skip

    def follow_up_done(self) -> int:
        """Mark every follow-up not yet done as done; returns how many there were."""
        return follow_ups_done(self._recorder)

    def add_note(
        self, text: str, kind: NoteKind | str = NoteKind.THEME, *, facilitator_only: bool = False,
        source: NoteSource | str = NoteSource.FACILITATOR, keep: bool = False, redact: bool = False,
    ) -> Note:  # fmt: skip
        """Check a note for personal data and save it in the current part.

        The arguments are those of :meth:`.NoteBook.add`. Raises :class:`NoteFlagged`
        (nothing saved) when personal data is found, and :class:`SessionError` when the
        text is empty or too long, or the session has ended.
        """
        self._recorder.require_open(N_("add a note"))
        self._recorder.require_writable()
        status, part = self.status(), self.part_index
        return self._notebook.add(
            text, kind, part=part, at=status.at, elapsed=status.session_elapsed,
            facilitator_only=facilitator_only, source=source, keep=keep, redact=redact,
        )  # fmt: skip

    def edit_note(
        self, note_id: str, *, text: str | None = None, kind: NoteKind | str | None = None,
        facilitator_only: bool | None = None, keep: bool = False, redact: bool = False,
    ) -> Note:  # fmt: skip
        """Change a note, checking a new text as :meth:`add_note` does (also after the end)."""
        self._recorder.require_writable()
        return self._notebook.edit(
            note_id, at=self.clock.now(), text=text, kind=kind,
            facilitator_only=facilitator_only, keep=keep, redact=redact,
        )  # fmt: skip

    def delete_note(self, note_id: str) -> None:
        """Remove a note from the record for good (allowed after the end too)."""
        self._recorder.require_writable()
        self._notebook.delete(note_id)

    def record_rating(self, answers: int, means: Means) -> tuple[int, Means]:
        """Save the end-of-session rating check (see :func:`.rating.record_rating`)."""
        return record_rating(self._recorder, answers, means)

    def save_debrief(
        self, how_it_went: str, follow_up: str = "", self_care: str = "", *,
        keep: bool = False, redact: bool = False,
    ) -> Debrief:  # fmt: skip
        """Save the facilitator's words after the end (see :meth:`.NoteBook.save_debrief`)."""
        self._recorder.require_writable()
        if self.state is not SessionState.ENDED:
            raise SessionError(_("the debrief comes after the end of the session"))
        now = self.clock.now()
        return self._notebook.save_debrief(
            how_it_went, follow_up, self_care, at=now, keep=keep, redact=redact
        )
