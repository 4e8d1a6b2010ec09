"""The run screen: the agenda, the current part, its timers, prompts, guidance and notes.

It holds the open session and turns keys into calls on it; every change is on disk when
the engine returns, before the screen shows it. The screen polls the engine's status
(which reads the monotonic clock) a few times a second; it never counts ticks.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from circlekeeper.sessions.engine.session import NoteFlagged, SessionState
from circlekeeper.sessions.engine.status import Status
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.host import OpenSession
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.note_editor import NoteDraft, NoteEditor
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.text import sentence
from circlekeeper.tui.widgets.agenda_list import AgendaList
from circlekeeper.tui.widgets.card_counter import CardCounter
from circlekeeper.tui.widgets.clock_text import elapsed, minutes, mmss, time_of_day
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.notes_list import NotesList
from circlekeeper.tui.widgets.part_timer import PartTimer
from circlekeeper.tui.widgets.qr_code import QrCode
from circlekeeper.tui.widgets.round_panel import RoundPanel
from circlekeeper.tui.widgets.title_bar import TitleBar

SHARED_HIDDEN_KEYS = frozenset(
    {"run.new-note", "run.end", "run.dropbox", "run.rebalance", "run.undo-rebalance"}
)
"""Bindings left out of the footer in the participant view: each opens or changes
something facilitator-only."""

PUT_ASIDE = "Note put aside, not saved: n brings it back."
NOTES_HIDDEN = "Notes are hidden in participant view: press v first."

REFRESH_SECONDS = 0.25
HEARTBEAT_SECONDS = 15
MESSAGE_SECONDS = 20
"""How long a message (not a time-is-up signal) stays in the banner."""


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


class RunScreen(Screen[None]):
    """Runs one session from its agenda."""

    CSS_PATH = "run_session.tcss"
    BINDING_GROUP_TITLE = "Session"
    # The footer shows these in this order, the crisis key first.
    BINDINGS = [
        Binding("exclamation_mark", "app.crisis", "Crisis", id="run.crisis"),
        Binding("space", "toggle_timer", "Start/pause", id="run.toggle-timer"),
        Binding("right_square_bracket", "next_part", "Next part", id="run.next-part"),
        Binding("left_square_bracket", "previous_part", "Prev part", id="run.previous-part"),
        Binding("s", "next_speaker", "Next speaker", id="run.next-speaker"),
        Binding("p", "pass_speaker", "Pass", id="run.pass"),
        Binding("n", "new_note", "Note", id="run.new-note"),
        Binding("v", "app.toggle_view", "View", id="run.toggle-view"),
        Binding("e", "end_session", "End", id="run.end"),
        Binding("r", "resources", "Resources", id="run.resources"),
        Binding(
            "d",
            "dropbox",
            "Drop-box",
            id="run.dropbox",
            tooltip="Anonymous cards from participants' phones",
        ),
        Binding("b", "rebalance", "Rebalance", id="run.rebalance"),
        Binding("u", "undo_rebalance", "Undo rebalance", show=False, id="run.undo-rebalance"),
    ]

    def __init__(self, opened: OpenSession) -> None:
        super().__init__()
        self.opened = opened
        self.session = opened.session
        self.shown_resource: Resource | None = None
        """The resource last put on screen; the participant view shows it large."""
        self._last: Status | None = None
        self._banner_timer: Timer | None = None
        self._banner_private = False
        """Whether the banner holds a message for the facilitator only."""
        self._banner_message = ""
        self._set_aside: NoteDraft | None = None
        """A note closed without saving, offered again by the next new note (memory only)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="run-body"):
            yield AgendaList(id="agenda", classes="sharing-hidden")
            with Vertical(id="run-main"):
                yield Static("", id="part-heading", markup=False)
                yield CardCounter(id="card-counter", classes="facilitator-only")
                yield Static("", id="signal", classes="-empty", markup=False)
                with Horizontal(id="timers"):
                    yield PartTimer(id="part-timer")
                    yield RoundPanel(id="round-panel")
                yield Static("", id="session-clock", markup=False)
                with VerticalScroll(id="part-content"):
                    # Above the prompts, so a long part never pushes it out of view.
                    yield Static("", id="shown-card", classes="-empty", markup=False)
                    yield Static("", id="prompts", markup=False)
                    yield Static("", id="guidance", classes="facilitator-only", markup=False)
                    yield Static("", id="part-text", classes="facilitator-only", markup=False)
                yield NotesList(
                    watching=len(self.session.watch_list), id="notes", classes="facilitator-only"
                )
            with Vertical(id="participant-resource", classes="participant-only"):
                yield QrCode(id="participant-code")
                yield Static("", id="participant-resource-title", markup=False)
                yield Static("", id="participant-resource-url", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#prompts", Static).border_title = "For everyone"
        self.query_one("#guidance", Static).border_title = "Guidance (facilitator only)"
        self.query_one("#shown-card", Static).border_title = "From the drop-box"
        self.refresh_status()
        self._show_part()
        self.set_interval(REFRESH_SECONDS, self.refresh_status)
        self.watch(self.app, "participant_view", self._view_changed)
        self.set_interval(HEARTBEAT_SECONDS, self._heartbeat)

    # Showing the session ------------------------------------------------------------

    def refresh_status(self) -> None:
        """Read the engine's snapshot and hand it to the widgets."""
        status = self.session.status()
        last, self._last = self._last, status
        self.query_one(PartTimer).status = status
        rounds = self.query_one(RoundPanel)
        rounds.set_class(status.round is None, "-empty")
        if status.round is not None:
            rounds.status = status.round
        self.query_one("#session-clock", Static).update(session_clock_words(status))
        self.query_one(AgendaList).show(status)
        if last is None or last.part_index != status.part_index:
            self._clear_signal()
        else:
            self._signal_ends(last, status)

    def _signal_ends(self, last: Status, now: Status) -> None:
        """Say so when the part's time or a speaker's turn runs out; nothing moves on."""
        if last.part_overrun == 0 and now.part_overrun > 0:
            self._signal(f"Time is up for “{now.part.title}”. Press ] when you are ready.")
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
            self._signal("This speaker's time is up. Press s for the next speaker.")

    def _signal(self, message: str) -> None:
        """Show that time ran out in the banner, and ring if the facilitator asked."""
        self.say(f"⏰ {message}", seconds=None, private=False)
        if self.app.config.bell:
            self.app.bell()

    def say(
        self, message: str, *, seconds: float | None = MESSAGE_SECONDS, private: bool = True
    ) -> None:
        """Show ``message`` in the banner under the heading.

        A banner rather than a passing toast: the facilitator may look up a little later.
        It goes after ``seconds`` (``None``: when the part changes), so an old message
        does not linger on a shared screen. A ``private`` message (the facilitator's, not
        a time-is-up signal for everyone) also goes when the participant view comes on.
        """
        self._banner_private = private
        self._banner_message = message
        banner = self.query_one("#signal", Static)
        banner.update(message)
        banner.set_class(False, "-empty")
        if self._banner_timer is not None:
            self._banner_timer.stop()
            self._banner_timer = None
        if seconds is not None:
            self._banner_timer = self.set_timer(seconds, self._clear_signal)

    def _clear_signal(self) -> None:
        self._banner_message = ""
        self.query_one("#signal", Static).set_class(True, "-empty")

    def _show_part(self) -> None:
        """Show what belongs to the current part: heading, prompts, guidance, notes."""
        session = self.session
        part = session.part
        heading = f"Part {session.part_index + 1} of {len(session.agenda.parts)} · {part.title}"
        self.query_one("#part-heading", Static).update(heading)
        prompts = self.query_one("#prompts", Static)
        prompts.update("\n".join(f"• {p.text}" for p in part.prompts) or part.title)
        text = self.query_one("#part-text", Static)
        text.update("\n\n".join(b.text for b in part.text))
        text.set_class(not part.text, "-empty")
        guidance = self.query_one("#guidance", Static)
        guidance.update("\n\n".join(b.text for b in part.guidance))
        guidance.set_class(not part.guidance, "-empty")
        self._show_notes()
        self.show_card(None)
        if part.resources:
            self.show_resource(part.resources[0], record=False)
        elif self.shown_resource is None and session.resources():
            self.show_resource(session.resources()[0], record=False)

    def _heartbeat(self) -> None:
        try:
            self.session.heartbeat()
        except SESSION_PROBLEMS as error:
            self.say(f"Could not save the timer: {error}")

    def _show_notes(self) -> None:
        self.query_one(NotesList).show(self.session.notes(self.session.part_index))

    def on_screen_resume(self) -> None:
        # Notes may have been added on a screen above, such as the drop-box's queue.
        self._show_notes()

    def show_card(self, text: str | None) -> None:
        """Show an approved card's words large, to everyone (``None`` takes them away)."""
        card = self.query_one("#shown-card", Static)
        card.update(text or "")
        card.set_class(not text, "-empty")

    def show_resource(self, resource: Resource, *, record: bool = True) -> None:
        """Make ``resource`` the one the participant view shows."""
        self.shown_resource = resource
        self.query_one("#participant-code", QrCode).url = resource.url
        self.query_one("#participant-resource-title", Static).update(resource.title)
        self.query_one("#participant-resource-url", Static).update(resource.url)
        if record:
            self._act(self.session.resource_shown, resource)

    def _act(self, action, *args, **kwargs) -> bool:
        """Call the engine; a refusal becomes a message, never a traceback."""
        try:
            action(*args, **kwargs)
        except SESSION_PROBLEMS as error:
            self.say(sentence(error))
            return False
        self.refresh_status()
        return True

    # Actions ------------------------------------------------------------------------

    def action_toggle_timer(self) -> None:
        self._act(self.session.toggle)

    def action_next_part(self) -> None:
        if self.session.part_index == len(self.session.agenda.parts) - 1:
            self.say("This is the last part: press e to end the session when the group is done.")
            return
        if self._act(self.session.next_part):
            self._show_part()

    def action_previous_part(self) -> None:
        if self._act(self.session.previous_part):
            self._show_part()

    @on(AgendaList.PartSelected)
    def _jump(self, event: AgendaList.PartSelected) -> None:
        if event.index == self.session.part_index:
            return
        title = self.session.agenda.parts[event.index].title

        def answered(yes: bool | None) -> None:
            if yes and self._act(self.session.go_to_part, event.index):
                self._show_part()

        self.app.push_screen(ConfirmDialog(f"Go to part {event.index + 1}: {title}?"), answered)

    def action_next_speaker(self) -> None:
        if self._act(self.session.next_speaker):
            self._clear_signal()

    def action_pass_speaker(self) -> None:
        if self._act(self.session.pass_speaker):
            self._clear_signal()

    def action_resources(self) -> None:
        from circlekeeper.tui.screens.resources import ResourcesScreen

        resources = [*self.app.org_resources, *self.session.resources()]
        start = resources.index(self.shown_resource) if self.shown_resource in resources else 0
        self.app.push_screen(
            ResourcesScreen(
                resources, start=start, on_shown=self.show_resource, on_add=self._add_resource
            )
        )

    def _refused_while_sharing(self, message: str) -> bool:
        """While the participant view is on, say ``message`` (how to go on) and return True."""
        if self.app.participant_view:
            self.say(message)
            return True
        return False

    def action_dropbox(self) -> None:
        box = self.app.dropbox
        # An open drop-box's code is for everyone to scan; opening one is not.
        if not (box is not None and box.is_open) and self._refused_while_sharing(
            "Open the drop-box from the facilitator view: press v first."
        ):
            return
        self.app.show_dropbox()

    def _add_resource(self, resource: Resource) -> str | None:
        try:
            self.session.add_resource(resource.title, resource.url)
        except SESSION_PROBLEMS as error:
            return sentence(error)
        return None

    def _view_changed(self, participant: bool) -> None:
        # Keys that open something facilitator-only leave the footer while sharing (they
        # still answer, saying to press v first), and so does the facilitator's message.
        self.query_one(KeysFooter).hidden = SHARED_HIDDEN_KEYS if participant else frozenset()
        if participant and self._banner_private:
            self._clear_signal()

    def action_new_note(self) -> None:
        if self._refused_while_sharing(NOTES_HIDDEN):
            return
        draft, self._set_aside = self._set_aside, None
        if draft is None:
            self._open_note_editor(None, "New note")
        else:
            self._open_note_editor(draft, "New note (the one you put aside)")

    def _open_note_editor(
        self, draft: NoteDraft | None, title: str, note_id: str | None = None
    ) -> None:
        """Open the editor for a new note, or for the saved note ``note_id``."""
        hint = "A few words, without anyone's name. "
        hint += (
            "Escape leaves the note as it was."
            if note_id
            else "Escape puts the note aside; n brings it back."
        )
        editor = NoteEditor(draft, title=title, hint=hint)

        def closed(written: NoteDraft | None) -> None:
            if written is None:
                if note_id is None:
                    self._set_aside = editor.set_aside
                    if self._set_aside is not None:
                        self.say(PUT_ASIDE)
                return
            if self._banner_message == PUT_ASIDE and note_id is None:
                self._clear_signal()  # the note put aside is back and being saved
            self._note_written(written, note_id)

        self.app.push_screen(editor, closed)

    def _note_written(self, draft: NoteDraft, note_id: str | None = None, **choice: bool) -> None:
        """Save a new note, or the changes to ``note_id``, after the personal-data check."""
        try:
            if note_id is None:
                self.session.add_note(
                    draft.text, draft.kind, facilitator_only=draft.facilitator_only, **choice
                )
            else:
                self.session.edit_note(
                    note_id,
                    text=draft.text,
                    kind=draft.kind,
                    facilitator_only=draft.facilitator_only,
                    **choice,
                )
        except NoteFlagged as flagged:

            def chosen(answer: str | None) -> None:
                if answer == "edit" or answer is None:
                    self._open_note_editor(draft, "Edit note", note_id)
                else:
                    self._note_written(draft, note_id, **{answer: True})

            self.app.push_screen(PrivacyPrompt(flagged.text, flagged.findings), chosen)
            return
        except SESSION_PROBLEMS as error:
            if note_id is None:
                # Not saved (a full disk, say): the words wait for another try.
                self._set_aside = draft
                self.say(f"{sentence(error)} The note is put aside: n brings it back.")
            else:
                self.say(sentence(error))
            return
        self._show_notes()

    def on_notes_list_edit_requested(self, event: NotesList.EditRequested) -> None:
        if self._refused_while_sharing(NOTES_HIDDEN):
            return
        note = event.note
        draft = NoteDraft(text=note.text, kind=note.kind, facilitator_only=note.facilitator_only)
        self._open_note_editor(draft, "Edit note", note.id)

    def on_notes_list_delete_requested(self, event: NotesList.DeleteRequested) -> None:
        if self._refused_while_sharing(NOTES_HIDDEN):
            return
        note = event.note

        def answered(yes: bool | None) -> None:
            if yes and self._act(lambda: self.session.delete_note(note.id)):
                self._show_notes()
                self.say("Note deleted from the record.")

        words = note.text if len(note.text) <= 60 else note.text[:59] + "…"
        self.app.push_screen(
            ConfirmDialog(f"Delete this note from the record for good?\n“{words}”", yes="Delete"),
            answered,
        )

    def action_rebalance(self) -> None:
        if self._refused_while_sharing("Rebalance from the facilitator view: press v first."):
            return
        plan = self.session.preview_rebalance()
        if not plan.changed:
            self.say(plan.message)
            return
        lines = [plan.message, ""]
        for change in plan.changes:
            if change.after != change.before:
                lines.append(f"{change.title}: {mmss(change.before)} → {mmss(change.after)}")
        lines.append("\nApply? (u undoes it later)")

        def answered(yes: bool | None) -> None:
            if yes and self._act(self.session.rebalance):
                self.say(f"Rebalanced. {plan.message} Press u to undo.")

        self.app.push_screen(ConfirmDialog("\n".join(lines), yes="Rebalance"), answered)

    def action_undo_rebalance(self) -> None:
        if self._refused_while_sharing(
            "Undo a rebalance from the facilitator view: press v first."
        ):
            return
        if self._act(self.session.undo_rebalance):
            self.say("Rebalance undone: the parts have their earlier times again.")

    def action_end_session(self) -> None:
        # The debrief that follows is for the facilitator's eyes only.
        if self._refused_while_sharing("End the session from the facilitator view: press v first."):
            return

        def answered(yes: bool | None) -> None:
            if yes and self._act(self.session.end):
                self.app.session_ended(self.opened)

        self.app.push_screen(
            ConfirmDialog(
                "End the session now? The timer stops and the session moves to past sessions.",
                yes="End session",
            ),
            answered,
        )
