"""The notes taken in the current part (facilitator view only)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from circlekeeper.sessions.notes import Note


def note_line(note: Note) -> str:
    """One note as a line: kind, flags, text."""
    flags = []
    if note.facilitator_only:
        flags.append("facilitator only")
    if note.source.value == "drop-box":
        flags.append("drop-box")
    extra = f" ({', '.join(flags)})" if flags else ""
    return f"• {note.kind.label}{extra}: {note.text}"


class NotesList(Static):
    """Lists notes; the screen hands it the notes to show."""

    DEFAULT_CSS = """
    NotesList {
        height: auto;
        min-height: 3;
        overflow-y: auto;
        border: round $secondary;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.border_title = "Notes in this part (n: new note)"

    def show(self, notes: Sequence[Note]) -> None:
        """Show ``notes``, newest last."""
        if not notes:
            self.update("No notes in this part yet.")
        else:
            self.update("\n".join(note_line(n) for n in notes))
            self.scroll_end(animate=False)
