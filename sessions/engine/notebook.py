"""The notebook of a session: its notes and debrief, checked and kept in step with the record.

Before a note (or a debrief) is saved its text goes through the personal-data guard
(:mod:`.privacy`): when something is found, saving raises :class:`NoteFlagged` with the
findings and nothing is written; the facilitator then edits the text, has it redacted
(``redact=True``) or keeps it as it is (``keep=True``, an explicit choice).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from circlekeeper.sessions.engine.note_model import Debrief, Note, NoteKind, NoteSource
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.privacy import guard as privacy
from circlekeeper.sessions.privacy.guard import Finding
from circlekeeper.sessions.privacy.names import WatchList
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.storage.record import SessionRecord

MAX_NOTE_CHARS = 2000
"""A note is a few lines; anything longer is refused."""

# Whole sentences for each kind of text, so a translator sees the noun in its sentence.
_EMPTY = {
    "note": N_("the note is empty; write a few words"),
    "words": N_("the words is empty; write a few words"),
    "topic": N_("the topic is empty; write a few words"),
    "debrief": N_("the debrief is empty; write a few words"),
}
_TOO_LONG = {
    "note": N_("the note is {length} characters long; keep it under {most}"),
    "words": N_("the words is {length} characters long; keep it under {most}"),
    "topic": N_("the topic is {length} characters long; keep it under {most}"),
    "debrief": N_("the debrief is {length} characters long; keep it under {most}"),
}


class NoteFlagged(SessionError):
    """The text looks like it holds personal data; nothing was saved.

    Offer the facilitator to edit the text, to save it redacted (``redact=True``) or to
    keep it as it is (``keep=True``).
    """

    def __init__(self, text: str, findings: Iterable[Finding]) -> None:
        self.text = text
        """The text that was checked."""
        self.findings: tuple[Finding, ...] = tuple(findings)
        """What was found, in order."""
        labels = sorted({f.label for f in self.findings})
        super().__init__(
            _(
                "the text seems to hold personal data ({labels}); "
                "edit it, redact it, or keep it as it is"
            ).format(labels=", ".join(labels))
        )

    @property
    def redacted(self) -> str:
        """The text with every finding replaced by a marker such as ``[email removed]``."""
        return privacy.redact(self.text, self.findings)


def clean_text(text: str, what: str = "note") -> str:
    """``text`` stripped and made safe to show, or :class:`SessionError` when it is empty
    or too long."""
    text = safe_text(text).strip()
    if not text:
        raise SessionError(_(_EMPTY.get(what, _EMPTY["note"])))
    if len(text) > MAX_NOTE_CHARS:
        message = _(_TOO_LONG.get(what, _TOO_LONG["note"]))
        raise SessionError(message.format(length=len(text), most=MAX_NOTE_CHARS))
    return text


def guard(
    text: str, watch_list: Iterable[str], *, keep: bool, redact: bool
) -> tuple[str, tuple[str, ...]]:
    """Check ``text`` for personal data and apply the facilitator's choice.

    Args:
        text: the text to save.
        watch_list: names to look for, held in memory only.
        keep: save the text as it is even when something is found.
        redact: replace what is found with markers.

    Returns:
        The text to save, and the kinds of personal data kept in it.

    Raises:
        NoteFlagged: something was found and neither ``keep`` nor ``redact`` was given.
        ValueError: both ``keep`` and ``redact`` were given.
    """
    if keep and redact:
        raise ValueError("choose either keep or redact, not both")
    findings = privacy.find_personal_data(text, watch_list)
    if not findings:
        return text, ()
    if redact:
        return privacy.redact(text, findings), ()
    if keep:
        return text, tuple(sorted({f.kind for f in findings}))
    raise NoteFlagged(text, findings)


class NoteBook:
    """A session's notes and debrief, held in memory and written to the record on every change.

    Args:
        record: the session's record.
        watch_list: names the guard looks for; read each time a text is checked, so
            names added to it later count too.
    """

    def __init__(self, record: SessionRecord, watch_list: WatchList) -> None:
        self.record = record
        """The session's record."""
        self.watch_list = watch_list
        """The names the guard looks for (memory only)."""
        self.debrief: Debrief | None = None
        """The facilitator's debrief, once saved."""
        self._notes: dict[str, Note] = {}

    def load(self, meta: dict[str, Any]) -> None:
        """Read every note from the record, and the debrief from its ``meta``.

        Raises:
            SessionError: a note in the record is damaged.
        """
        self._notes.clear()
        for number, data in enumerate(self.record.notes(), start=1):
            try:
                note = Note.from_dict(data)
            except (KeyError, TypeError, ValueError) as error:
                message = _("note {number} of the session record is damaged ({error})")
                raise SessionError(message.format(number=number, error=repr(error))) from None
            self._notes[note.id] = note
        if meta.get("debrief"):
            self.debrief = Debrief.from_dict(meta["debrief"])

    def get(self, note_id: str) -> Note:
        """The note with id ``note_id``.

        Raises:
            SessionError: there is no such note.
        """
        try:
            return self._notes[note_id]
        except KeyError:
            message = _("there is no note {note} in this session").format(note=repr(note_id))
            raise SessionError(message) from None

    def list(self, part: int | None = None, *, include_facilitator_only: bool = True) -> list[Note]:
        """Notes in the order they were taken, of one part when ``part`` is given."""
        return [
            note
            for note in self._notes.values()
            if (part is None or note.part == part)
            and (include_facilitator_only or not note.facilitator_only)
        ]

    def add(
        self,
        text: str,
        kind: NoteKind | str,
        *,
        part: int,
        at: datetime,
        elapsed: float,
        facilitator_only: bool,
        source: NoteSource | str,
        keep: bool,
        redact: bool,
    ) -> Note:
        """Check a new note for personal data and save it.

        Args:
            text: the note, a few words without names.
            kind: what it is about.
            part: the index of the part it was taken in.
            at: when it was taken (wall clock).
            elapsed: the session's running seconds when it was taken.
            facilitator_only: never to reach a participant handout.
            source: who wrote it (the facilitator, or a drop-box card).
            keep: save it as it is even if personal data is found (an explicit choice).
            redact: replace any personal data found with markers.

        Raises:
            NoteFlagged: personal data was found; nothing was saved.
            SessionError: the text is empty or too long, or the kind is unknown.
        """
        kind, source = _kind(kind), NoteSource(source)
        text, kept = guard(clean_text(text), self.watch_list, keep=keep, redact=redact)
        note = Note(
            id=uuid.uuid4().hex[:12],
            text=text,
            kind=kind,
            part=part,
            at=at,
            elapsed=elapsed,
            facilitator_only=facilitator_only,
            source=source,
            kept=kept,
        )
        self.record.put_note(note.to_dict())
        self._notes[note.id] = note
        return note

    def edit(
        self,
        note_id: str,
        *,
        at: datetime,
        text: str | None,
        kind: NoteKind | str | None,
        facilitator_only: bool | None,
        keep: bool,
        redact: bool,
    ) -> Note:
        """Check and save changes to a note (see :meth:`Session.edit_note`)."""
        note = self.get(note_id)
        changes: dict[str, Any] = {"edited_at": at}
        if text is not None:
            changes["text"], changes["kept"] = guard(
                clean_text(text), self.watch_list, keep=keep, redact=redact
            )
        if kind is not None:
            changes["kind"] = _kind(kind)
        if facilitator_only is not None:
            changes["facilitator_only"] = facilitator_only
        note = replace(note, **changes)
        self.record.put_note(note.to_dict())
        self._notes[note.id] = note
        return note

    def delete(self, note_id: str) -> None:
        """Remove a note from the record for good.

        Raises:
            SessionError: there is no such note.
        """
        self.get(note_id)
        self.record.delete_note(note_id)
        del self._notes[note_id]

    def save_debrief(
        self,
        how_it_went: str,
        follow_up: str,
        self_care: str,
        *,
        at: datetime,
        keep: bool,
        redact: bool,
    ) -> Debrief:
        """Check and save the facilitator's few words after the end, replacing any saved before.

        The debrief is facilitator-only; each text is checked for personal data as a note is.

        Raises:
            NoteFlagged: personal data was found in one of the texts; nothing was saved.
            SessionError: ``how_it_went`` is empty, or a text is too long.
        """
        texts: list[str] = []
        kept: set[str] = set()
        for text, what in ((how_it_went, "debrief"), (follow_up, ""), (self_care, "")):
            if what or text.strip():
                text, found = guard(
                    clean_text(text, what or "debrief"), self.watch_list, keep=keep, redact=redact
                )
                kept.update(found)
            texts.append(text.strip())
        debrief = Debrief(
            how_it_went=texts[0],
            follow_up=texts[1],
            self_care=texts[2],
            at=at,
            kept=tuple(sorted(kept)),
        )
        self.record.write_meta(debrief=debrief.to_dict())
        self.debrief = debrief
        return debrief


def _kind(kind: NoteKind | str) -> NoteKind:
    try:
        return NoteKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in NoteKind)
        message = _("{kind} is not a kind of note; use one of {kinds}")
        raise SessionError(message.format(kind=repr(kind), kinds=kinds)) from None
