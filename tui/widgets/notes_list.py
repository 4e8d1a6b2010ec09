"""The notes taken in the current part (facilitator view only), to read, edit or delete.

Tab reaches the list; enter edits the highlighted note and delete removes it (the screen
asks first). The list only asks: the screen that owns the session does the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from circlekeeper.sessions.engine.note_model import Note
from circlekeeper.sessions.export.wording import kind_label
from circlekeeper.sessions.languages.speaking import N_, _, ngettext

EMPTY = N_("No notes in this part yet.")


def note_line(note: Note) -> str:
    """One note as a line: kind, flags, text."""
    flags = []
    if note.facilitator_only:
        flags.append(_("facilitator only"))
    if note.kept:
        # Kept with what looked like personal data: it never reaches a handout.
        flags.append(_("record only"))
    if note.source.value == "drop-box":
        flags.append(_("drop-box"))
    extra = f" ({', '.join(flags)})" if flags else ""
    return f"• {kind_label(note.kind)}{extra}: {note.text}"


class NotesList(OptionList):
    """Lists notes; the screen hands it the notes to show and acts on what it asks."""

    BINDINGS = [
        Binding("enter", "edit", N_("Edit note"), id="notes.edit"),
        Binding("delete,backspace", "delete", N_("Delete note"), id="notes.delete"),
    ]

    DEFAULT_CSS = """
    NotesList {
        height: auto;
        min-height: 3;
        border: round $secondary;
        padding: 0 1;
    }
    NotesList:focus {
        border: round $accent;
    }
    """

    @dataclass
    class EditRequested(Message):
        """The facilitator asked to change a note."""

        note: Note
        """The note as it is."""

    @dataclass
    class DeleteRequested(Message):
        """The facilitator asked to remove a note."""

        note: Note
        """The note to remove."""

    def __init__(
        self, *, watching: int = 0, id: str | None = None, classes: str | None = None
    ) -> None:
        """``watching``: how many names the personal-data check looks for (never which)."""
        super().__init__(id=id, classes=classes)
        self.border_title = _("Notes in this part (n: new note; tab here, then enter edits)")
        if watching:
            checked = ngettext(
                "checked for {count} watched name", "checked for {count} watched names", watching
            )
            self.border_subtitle = checked.format(count=watching)
        else:
            self.border_subtitle = _("no names watched")
        self.notes: list[Note] = []

    def show(self, notes: Sequence[Note]) -> None:
        """Show ``notes``, newest last, keeping the highlight where it can."""
        added = len(notes) > len(self.notes)
        highlighted = self.highlighted
        self.notes = list(notes)
        self.clear_options()
        if not notes:
            # Never read as markup: a disabled line saying there is nothing yet.
            self.add_option(Option(Content(_(EMPTY)), disabled=True))
            return
        self.add_options([Option(Content(note_line(n))) for n in notes])
        if added or highlighted is None:
            self.highlighted = len(notes) - 1
        else:
            self.highlighted = min(highlighted, len(notes) - 1)

    def _chosen(self) -> Note | None:
        index = self.highlighted
        if not self.notes or index is None or not 0 <= index < len(self.notes):
            return None
        return self.notes[index]

    def action_edit(self) -> None:
        note = self._chosen()
        if note is not None:
            self.post_message(self.EditRequested(note))

    def action_delete(self) -> None:
        note = self._chosen()
        if note is not None:
            self.post_message(self.DeleteRequested(note))
