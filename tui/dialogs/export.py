"""Export a session: who it is for, which format, which folder; then write it in a worker.

:class:`ExportDialog` asks and dismisses with an :class:`ExportChoice` (or ``None``),
showing the file name it will write as the choices change. :func:`write_choice` is what
the app runs in a worker thread with that choice: it writes through the export core and
reports back on screen; when the file is already there it asks "overwrite?", and when a
folder typed in the dialog does not exist it asks "create it?", with a
:class:`~circlekeeper.tui.dialogs.confirm.ConfirmDialog` first. A device, a named pipe
or a symbolic link is refused as the export core refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, Static

from circlekeeper.sessions.errors import SessionError, StorageError
from circlekeeper.sessions.export import (
    Audience,
    ExportError,
    ExportExists,
    ExportFolderMissing,
    Format,
    file_name,
    save_export,
    session_day,
    summary_of,
)
from circlekeeper.sessions.export.model import ReadableSession
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.crisis_keys import DIALOG_CRISIS
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.marked_toggles import MarkedRadioButton

AUDIENCES = (
    (
        Audience.PARTICIPANTS,
        N_("Participants: handout of agenda, resources, shared themes, actions"),
    ),
    (Audience.FACILITATOR, N_("Facilitator: the whole record, private (notes, times, debrief)")),
)
FORMATS = (
    (Format.HTML, N_("HTML: one printable page with QR codes")),
    (Format.MARKDOWN, N_("Markdown: plain text")),
    (Format.JSON, N_("JSON: for another tool")),
)


@dataclass(frozen=True)
class ExportChoice:
    """What the facilitator chose to export, and where."""

    audience: Audience
    """Who it is for: the handout or the record."""
    format: Format
    """The file format."""
    folder: Path
    """The folder to write it in."""
    file_name: str
    """The file's name, as shown in the dialog."""
    overwrite: bool = False
    """Replace a file of that name (asked with a confirmation first)."""
    make_folder: bool = False
    """Create the folder if it is missing: the settings' exports folder, or once asked."""

    @property
    def path(self) -> Path:
        """The file to write."""
        return self.folder / self.file_name


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Audience, format and folder; dismisses with an :class:`ExportChoice` or ``None``."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="export.cancel"), DIALOG_CRISIS]

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
    }
    ExportDialog > Vertical {
        width: 84;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 2;
    }
    ExportDialog Label {
        margin-top: 1;
    }
    ExportDialog RadioSet {
        width: 100%;
    }
    ExportDialog #export-file {
        color: $text-muted;
        margin-top: 1;
    }
    ExportDialog #export-error {
        color: $text-error;
        height: auto;
    }
    ExportDialog Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ExportDialog Button {
        margin-left: 2;
    }
    """

    def __init__(self, session: ReadableSession, *, folder: Path) -> None:
        """Ask about exporting ``session``.

        Args:
            session: the session to export (only its day and template name are read here).
            folder: the folder offered first (the settings' exports folder).
        """
        super().__init__()
        self.day = session_day(session.timeline())
        """The session's day, for the file name."""
        self.template = session.agenda.name
        """The session's template name, for the file name."""
        self.folder = folder
        """The folder offered first."""
        self.audience = Audience.PARTICIPANTS
        """The audience chosen so far."""
        self.format = Format.HTML
        """The format chosen so far."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled(_("Export the summary"), "bold"))
            yield Label(_("Who is it for?"), markup=False)
            with RadioSet(id="export-audience"):
                for audience, words in AUDIENCES:
                    yield MarkedRadioButton(
                        Content(_(words)), value=audience is self.audience, id=audience.value
                    )
            yield Label(_("Format"), markup=False)
            with RadioSet(id="export-format"):
                for fmt, words in FORMATS:
                    yield MarkedRadioButton(
                        Content(_(words)), value=fmt is self.format, id=f"format-{fmt.value}"
                    )
            yield Label(_("Folder"), markup=False)
            yield Input(str(self.folder), id="export-folder")
            yield Static("", id="export-file", markup=False)
            yield Static("", id="export-error", markup=False)
            with Horizontal():
                yield Button(Content(_("Cancel")), id="cancel")
                yield Button(Content(_("Export")), id="export", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_file_name()
        self.query_one("#export-audience", RadioSet).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.radio_set.id == "export-audience":
            self.audience = AUDIENCES[event.index][0]
        else:
            self.format = FORMATS[event.index][0]
        self._show_file_name()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @property
    def target_name(self) -> str:
        """The name of the file the current choices would write."""
        return file_name(self.day, self.template, self.audience, self.format)

    def _show_file_name(self) -> None:
        self.query_one("#export-file", Static).update(
            _("Saves as {file}").format(file=self.target_name)
        )

    def _submit(self) -> None:
        folder = self.query_one("#export-folder", Input).value.strip()
        if not folder:
            self.query_one("#export-error", Static).update(_("Enter the folder to save it in."))
            self.query_one("#export-folder", Input).focus()
            return
        try:
            where = Path(folder).expanduser()
        except RuntimeError:  # "~someone" for a user this machine does not know
            self.query_one("#export-error", Static).update(
                _("There is no home folder for {user!r}; enter another folder.").format(
                    user=folder.split("/")[0]
                )
            )
            self.query_one("#export-folder", Input).focus()
            return
        # The exports folder from the settings is the app's own and is made on first
        # use; a folder typed here that does not exist may be a typo, so it is asked.
        make_folder = where == self.folder
        choice = ExportChoice(self.audience, self.format, where, self.target_name)
        self.dismiss(replace(choice, make_folder=make_folder))


def write_choice(app: App, session: ReadableSession, choice: ExportChoice) -> None:
    """Write the export chosen (call it in a worker thread) and say how it went.

    A file already there is not replaced: the facilitator is asked first, and a yes
    writes again, in a new worker, with ``overwrite``.
    """
    try:
        summary = summary_of(session, choice.audience)
        path = save_export(
            summary,
            choice.format,
            choice.path,
            overwrite=choice.overwrite,
            make_folder=choice.make_folder,
        )
    except ExportExists:
        app.call_from_thread(_ask_overwrite, app, session, choice)
        return
    except ExportFolderMissing:
        app.call_from_thread(_ask_make_folder, app, session, choice)
        return
    except (ExportError, SessionError, StorageError) as error:
        app.call_from_thread(
            app.notify, str(error), title=_("Could not export"), severity="error", timeout=10
        )
        return
    if choice.audience is Audience.PARTICIPANTS:
        saved = _("Saved the handout to {path}").format(path=path)
    else:
        saved = _("Saved the record (private) to {path}").format(path=path)
    app.call_from_thread(app.notify, saved, title=_("Exported"))


def _ask_overwrite(app: App, session: ReadableSession, choice: ExportChoice) -> None:
    def answered(overwrite: bool | None) -> None:
        if overwrite:
            again = partial(write_choice, app, session, replace(choice, overwrite=True))
            app.run_worker(again, thread=True, group="export", exclusive=True)

    question = _("{path} already exists. Replace it with this export?").format(path=choice.path)
    app.push_screen(ConfirmDialog(question, yes=_("Replace"), no=_("Keep it")), answered)


def _ask_make_folder(app: App, session: ReadableSession, choice: ExportChoice) -> None:
    def answered(make: bool | None) -> None:
        if make:
            again = partial(write_choice, app, session, replace(choice, make_folder=True))
            app.run_worker(again, thread=True, group="export", exclusive=True)

    question = _("The folder {folder} does not exist. Create it and export there?").format(
        folder=choice.folder
    )
    app.push_screen(ConfirmDialog(question, yes=_("Create it"), no=_("Cancel")), answered)
