"""The run screen's notes: writing, putting aside, checking for names, editing, deleting.

:class:`NoteFlow` belongs to one run screen. It opens the note editor and the dialogs
around it and saves through the session, so every note passes the personal-data check
(edit, redact or keep) before it is on disk. A note closed by mistake is put aside in
memory, never saved, and the next new note brings it back.
"""

from __future__ import annotations

from circlekeeper.sessions.engine.note_model import Note
from circlekeeper.sessions.engine.session import NoteFlagged, Session
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.note_editor import NoteDraft, NoteEditor
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.text import sentence
from circlekeeper.tui.widgets.banner import Banner
from circlekeeper.tui.widgets.notes_list import NotesList

PUT_ASIDE = N_("Note put aside, not saved: n brings it back.")


class NoteFlow:
    """Notes for the current part of ``session``, said in ``banner``, listed in ``notes``.

    Args:
        session: The session the notes are saved to.
        banner: Where the run screen says what happened.
        notes: The list of the current part's notes.
    """

    def __init__(self, session: Session, banner: Banner, notes: NotesList) -> None:
        self.session = session
        self.banner = banner
        self.notes = notes
        self.set_aside: NoteDraft | None = None
        """A note closed without saving, offered again by the next new note (memory only)."""

    def show(self) -> None:
        """List the current part's notes."""
        self.notes.show(self.session.notes(self.session.part_index))

    def new(self) -> None:
        """Open the editor for a new note, or for the one put aside."""
        draft, self.set_aside = self.set_aside, None
        if draft is None:
            self._open_editor(None, _("New note"))
        else:
            self._open_editor(draft, _("New note (the one you put aside)"))

    def edit(self, note: Note) -> None:
        """Open the editor on a saved note."""
        draft = NoteDraft(text=note.text, kind=note.kind, facilitator_only=note.facilitator_only)
        self._open_editor(draft, _("Edit note"), note.id)

    def delete(self, note: Note) -> None:
        """Ask, then delete ``note`` from the record for good."""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.session.delete_note(note.id)
            except SESSION_PROBLEMS as error:
                self.banner.say(sentence(error))
                return
            self.show()
            self.banner.say(_("Note deleted from the record."))

        words = note.text if len(note.text) <= 60 else note.text[:59] + "…"
        self.banner.app.push_screen(
            ConfirmDialog(
                _("Delete this note from the record for good?\n“{words}”").format(words=words),
                yes=_("Delete"),
            ),
            answered,
        )

    def _open_editor(self, draft: NoteDraft | None, title: str, note_id: str | None = None) -> None:
        """Open the editor for a new note, or for the saved note ``note_id``."""
        if note_id:
            hint = _("A few words, without anyone's name. Escape leaves the note as it was.")
        else:
            hint = _(
                "A few words, without anyone's name. Escape puts the note aside; n brings it back."
            )
        editor = NoteEditor(draft, title=title, hint=hint)

        def closed(written: NoteDraft | None) -> None:
            if written is None:
                if note_id is None:
                    self.set_aside = editor.set_aside
                    if self.set_aside is not None:
                        self.banner.say(_(PUT_ASIDE))
                return
            if self.banner.message == _(PUT_ASIDE) and note_id is None:
                self.banner.clear()  # the note put aside is back and being saved
            self._save(written, note_id)

        self.banner.app.push_screen(editor, closed)

    def _save(self, draft: NoteDraft, note_id: str | None = None, answer: str = "") -> None:
        """Save a new note, or the changes to ``note_id``, after the personal-data check.

        ``answer`` is the facilitator's word on what the check found: ``"redact"`` or
        ``"keep"`` (empty: nothing was found yet).
        """
        redact, keep = answer == "redact", answer == "keep"
        try:
            if note_id is None:
                self.session.add_note(
                    draft.text,
                    draft.kind,
                    facilitator_only=draft.facilitator_only,
                    redact=redact,
                    keep=keep,
                )
            else:
                self.session.edit_note(
                    note_id,
                    text=draft.text,
                    kind=draft.kind,
                    facilitator_only=draft.facilitator_only,
                    redact=redact,
                    keep=keep,
                )
        except NoteFlagged as flagged:

            def chosen(answer: str | None) -> None:
                if answer == "edit" or answer is None:
                    self._open_editor(draft, _("Edit note"), note_id)
                else:
                    self._save(draft, note_id, answer)

            self.banner.app.push_screen(PrivacyPrompt(flagged.text, flagged.findings), chosen)
            return
        except SESSION_PROBLEMS as error:
            if note_id is None:
                # Not saved (a full disk, say): the words wait for another try.
                self.set_aside = draft
                self.banner.say(
                    _("{problem} The note is put aside: n brings it back.").format(
                        problem=sentence(error)
                    )
                )
            else:
                self.banner.say(sentence(error))
            return
        self.show()
