"""What the facilitator records beside the timer: notes, resources, a crisis, the debrief.

:class:`SessionNotes` adds these actions to :class:`~.session_core.SessionCore`;
:class:`~.engine.Session` adds the timer, the parts and the rounds on top.
"""

from __future__ import annotations

from circlekeeper.sessions.engine.crisis import choose_crisis_resource
from circlekeeper.sessions.engine.events import EventType, SessionError, SessionState
from circlekeeper.sessions.engine.note_model import Debrief, Note, NoteKind, NoteSource
from circlekeeper.sessions.engine.notebook import clean_text, guard
from circlekeeper.sessions.engine.session_core import SessionCore
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.sessions.templates.urls import check_url


class SessionNotes(SessionCore):
    """Notes, resources, the crisis action and the debrief of a session."""

    # Resources and crisis -----------------------------------------------------------

    def add_resource(self, title: str, url: str) -> Resource:
        """Add a link to show as a QR code during this session.

        Raises:
            SessionError: the link cannot be shown as a code (the message says why).
        """
        self._require_open("add a resource")
        url = url.strip()
        problem = check_url(url)
        if problem is not None:
            raise SessionError(f"cannot add the resource: {problem}")
        for known in self.resources():
            if known.url == url:
                return known
        resource = Resource(title=title.strip() or url, url=url)
        self._append(EventType.RESOURCE_ADDED, title=resource.title, url=resource.url)
        return resource

    def resource_shown(self, resource: Resource) -> None:
        """Record that ``resource`` was put on the screen."""
        self._require_open("record a resource shown")
        self._append(EventType.RESOURCE_SHOWN, title=resource.title, url=resource.url)

    def crisis(self, resource: Resource | None = None) -> Resource:
        """Pause the timer (if running) and record that the crisis resource was shown.

        Args:
            resource: the resource to show (the organisation's own, when it has one); by
                default the agenda's crisis resource, else a directory of helplines.

        Returns:
            The resource to show. It is returned even after the end (or when the session
            is open for reading only), when nothing is recorded: a crisis never waits
            for the state of the session.
        """
        shown = resource or choose_crisis_resource((), self.agenda).resource
        if self.state is not SessionState.ENDED and not self.read_only:
            self._append(EventType.CRISIS, title=shown.title, url=shown.url)
        return shown

    # Notes and debrief --------------------------------------------------------------

    def add_note(
        self,
        text: str,
        kind: NoteKind | str = NoteKind.THEME,
        *,
        facilitator_only: bool = False,
        source: NoteSource | str = NoteSource.FACILITATOR,
        keep: bool = False,
        redact: bool = False,
    ) -> Note:
        """Check a note for personal data and save it in the current part.

        Args:
            text: the note, a few words without names.
            kind: what it is about.
            facilitator_only: never to reach a participant handout.
            source: who wrote it (the facilitator, or a drop-box card).
            keep: save it as it is even if personal data is found (an explicit choice).
            redact: replace any personal data found with markers.

        Raises:
            NoteFlagged: personal data was found; nothing was saved.
            SessionError: the text is empty or too long, or the session has ended.
        """
        self._require_open("add a note")
        self._require_writable()
        status = self.status()
        return self._notebook.add(
            text,
            kind,
            part=self.part_index,
            at=status.at,
            elapsed=status.session_elapsed,
            facilitator_only=facilitator_only,
            source=source,
            keep=keep,
            redact=redact,
        )

    def edit_note(
        self,
        note_id: str,
        *,
        text: str | None = None,
        kind: NoteKind | str | None = None,
        facilitator_only: bool | None = None,
        keep: bool = False,
        redact: bool = False,
    ) -> Note:
        """Change a note; a new text is checked as in :meth:`add_note`.

        Allowed after the end too, so something that should not stay can be taken out.
        """
        self._require_writable()
        return self._notebook.edit(
            note_id,
            at=self.clock.now(),
            text=text,
            kind=kind,
            facilitator_only=facilitator_only,
            keep=keep,
            redact=redact,
        )

    def delete_note(self, note_id: str) -> None:
        """Remove a note from the record for good (allowed after the end too)."""
        self._require_writable()
        self._notebook.delete(note_id)

    def save_debrief(
        self,
        how_it_went: str,
        follow_up: str = "",
        self_care: str = "",
        *,
        keep: bool = False,
        redact: bool = False,
    ) -> Debrief:
        """Save the facilitator's few words after the end; saving again replaces them.

        The debrief is facilitator-only. Each text is checked for personal data as a
        note is.

        Raises:
            NoteFlagged: personal data was found in one of the texts; nothing was saved.
            SessionError: the session has not ended, or ``how_it_went`` is empty.
        """
        self._require_writable()
        if self.state is not SessionState.ENDED:
            raise SessionError("the debrief comes after the end of the session")
        texts, kept = [], set()
        for text, what in ((how_it_went, "debrief"), (follow_up, ""), (self_care, "")):
            if what or text.strip():
                text, found = guard(
                    clean_text(text, what or "debrief"), self.watch_list, keep=keep, redact=redact
                )
                kept.update(found)
            texts.append(text.strip())
        debrief = Debrief(*texts, at=self.clock.now(), kept=tuple(sorted(kept)))
        self.record.write_meta(debrief=debrief.to_dict())
        self._debrief = debrief
        return debrief
