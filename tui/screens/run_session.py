"""The run screen: the agenda, the current part, its timers, prompts, guidance and notes.

It is handed the open session and turns keys into calls on it; every change is on disk
when the engine returns, before the screen shows it (the part and its time in a
:class:`~circlekeeper.tui.widgets.part_panel.PartPanel`, notes through a
:class:`~circlekeeper.tui.screens.note_flow.NoteFlow`). The screen reads the engine's
status (which reads the monotonic clock) as the countdown turns to its next second
(:mod:`~circlekeeper.tui.screens.run_ticks`); it never counts ticks.
What only the app can do (the drop-box, what follows the end) it asks for by message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer

from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.engine.status import Status
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.screens.note_flow import NoteFlow
from circlekeeper.tui.screens.rebalance_flow import RebalanceFlow
from circlekeeper.tui.screens.run_sharing import SHARED_HIDDEN_KEYS, facilitator_only
from circlekeeper.tui.screens.run_ticks import seconds_to_next_tick
from circlekeeper.tui.screens.run_timing import time_up_words
from circlekeeper.tui.screens.topic_flow import TopicFlow
from circlekeeper.tui.text import sentence
from circlekeeper.tui.widgets.agenda_list import AgendaList
from circlekeeper.tui.widgets.banner import Banner
from circlekeeper.tui.widgets.bare_containers import BareColumn, BareRow, BareScreen
from circlekeeper.tui.widgets.card_counter import CardCounter
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.notes_list import NotesList
from circlekeeper.tui.widgets.part_content import PartContent, SharedResource
from circlekeeper.tui.widgets.part_panel import PartPanel
from circlekeeper.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox import DropBox

HEARTBEAT_SECONDS = 15


class RunScreen(BareScreen[None]):
    """Runs one session from its agenda."""

    CSS_PATH = "run_session.tcss"
    BINDING_GROUP_TITLE = "Session"
    # The footer shows these in this order, the crisis key first.
    BINDINGS = [
        Binding("exclamation_mark", "app.crisis", N_("Crisis"), id="run.crisis"),
        Binding("space", "toggle_timer", N_("Start/pause"), id="run.toggle-timer"),
        Binding("right_square_bracket", "next_part", N_("Next part"), id="run.next-part"),
        Binding("left_square_bracket", "previous_part", N_("Prev part"), id="run.previous-part"),
        Binding("s", "next_speaker", N_("Next speaker"), id="run.next-speaker"),
        Binding("p", "pass_speaker", N_("Pass"), id="run.pass"),
        Binding("n", "new_note", N_("Note"), id="run.new-note"),
        Binding("v", "app.toggle_view", N_("View"), id="run.toggle-view"),
        Binding("e", "end_session", N_("End"), id="run.end"),
        Binding("r", "resources", N_("Resources"), id="run.resources"),
        Binding(
            "d",
            "dropbox",
            N_("Drop-box"),
            id="run.dropbox",
            tooltip=N_("Anonymous cards from participants' phones"),
        ),
        Binding("b", "rebalance", N_("Rebalance"), id="run.rebalance"),
        Binding("u", "undo_rebalance", N_("Undo rebalance"), show=False, id="run.undo-rebalance"),
        Binding("l", "last_time", N_("Last time"), show=False, id="run.last-time"),
        Binding("a", "topic('add')", N_("Add topic"), show=False, id="run.add-topic"),
        Binding("o", "topic('votes')", N_("Topic votes"), show=False, id="run.topic-votes"),
        Binding("t", "topic('take_next')", N_("Next topic"), show=False, id="run.next-topic"),
        Binding("h", "topic('thumbs')", N_("Thumbs vote"), show=False, id="run.thumbs"),
        Binding("w", "phones('votes')", N_("Phone vote"), show=False, id="run.phone-vote"),
        Binding("y", "phones('thumbs')", N_("Phone thumbs"), show=False, id="run.phone-thumbs"),
    ]

    sharing: reactive[bool] = reactive(False, init=False)
    """Whether the participant view is on: facilitator-only keys and messages go."""

    class SessionEnded(Message):
        """The facilitator ended the session; what follows (debrief, summary) is the app's."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session
            """The session, ended and still open for its debrief."""

    class DropBoxRequested(Message):
        """The facilitator asked for the drop-box: its code if open, else to open it."""

    def __init__(
        self,
        session: Session,
        *,
        org_resources: tuple[Resource, ...] = (),
        bell: bool = False,
        dropbox: DropBox | None = None,
        sharing: bool = False,
    ) -> None:
        """Run ``session``.

        Args:
            session: The open session.
            org_resources: The organisation's resources, offered beside the agenda's.
            bell: Whether to ring the terminal's bell when time runs out.
            dropbox: The session's drop-box, if it has one already.
            sharing: Whether the participant view is on.
        """
        super().__init__()
        self.session = session
        self.org_resources = org_resources
        self.bell = bell
        self._dropbox = dropbox
        """The session's drop-box when the screen was made; its counter follows it after."""
        self.set_reactive(RunScreen.sharing, sharing)
        self._last: Status | None = None
        self._next_tick: Timer | None = None
        self.notes: NoteFlow
        """Writing, editing and deleting the current part's notes."""

    def compose(self) -> ComposeResult:
        # Textual redraws every widget in a container that a ticking timer's change
        # overlaps; in columns of their own, the title, the agenda and the keys are left be.
        yield BareColumn(TitleBar(), id="run-top")
        with BareRow(id="run-body"):
            yield BareColumn(AgendaList(id="agenda"), id="run-side", classes="sharing-hidden")
            yield PartPanel(self._dropbox, watching=len(self.session.watch_list), id="run-main")
            yield SharedResource(id="participant-resource", classes="participant-only")
        yield BareColumn(KeysFooter(), id="run-keys")

    def on_mount(self) -> None:
        self.notes = NoteFlow(self.session, self.banner, self.query_one(NotesList))
        self.refresh_status()
        self.watch_sharing(self.sharing)
        self.set_interval(HEARTBEAT_SECONDS, self._heartbeat)

    @property
    def banner(self) -> Banner:
        """Where the screen says what happened, or that time ran out."""
        return self.query_one(Banner)

    def watch_sharing(self, sharing: bool) -> None:
        # The footer and key hints go with the participant view's styles; what is drawn
        # as words (the banner's hints, the timer's) is told here.
        self.query_one(KeysFooter).hidden = SHARED_HIDDEN_KEYS if sharing else frozenset()
        self.banner.shared = sharing
        self.query_one(PartPanel).sharing = sharing

    # Showing the session ------------------------------------------------------------

    def refresh_status(self) -> None:
        """Read the engine's snapshot, hand it to the widgets, and plan the next reading."""
        status = self.session.status()
        last, self._last = self._last, status
        if self._next_tick is not None:
            self._next_tick.stop()
        self._next_tick = self.set_timer(seconds_to_next_tick(status), self.refresh_status)
        self.query_one(PartPanel).show_status(status)
        self.query_one(AgendaList).show(status)
        if last is None or last.part_index != status.part_index:
            self.banner.clear()
            self._show_part()
            return
        for words, hint in time_up_words(last, status):
            # Said to everyone, until the part changes; the bell if the facilitator asked.
            self.banner.say(f"⏰ {words}", seconds=None, private=False, hint=hint)
            if self.bell:
                self.app.bell()

    def _show_part(self) -> None:
        """Show what belongs to the current part: heading, prompts, guidance, notes."""
        session = self.session
        part = session.part
        self.query_one(PartPanel).show_part(part, session.part_index + 1, len(session.agenda.parts))
        self.notes.show()
        self.show_card(None)
        if part.resources:
            self.show_resource(part.resources[0], record=False)
        elif self.query_one(SharedResource).shown is None and session.resources():
            self.show_resource(session.resources()[0], record=False)

    def _heartbeat(self) -> None:
        try:
            self.session.heartbeat()
        except SESSION_PROBLEMS as error:
            self.banner.say(_("Could not save the timer: {problem}").format(problem=error))

    def on_screen_resume(self) -> None:
        # Notes may have been added on a screen above, such as the drop-box's queue.
        self.notes.show()

    def show_card(self, text: str | None) -> None:
        """Show an approved card's words large, to everyone (``None`` takes them away)."""
        self.query_one(PartContent).show_card(text)

    def show_resource(self, resource: Resource, *, record: bool = True) -> None:
        """Make ``resource`` the one the participant view shows."""
        self.query_one(SharedResource).show(resource)
        if record:
            self._act(self.session.resource_shown, resource)

    def _act(self, action: Callable[..., Any], *args: Any) -> bool:
        """Call the engine; a refusal becomes a message, never a traceback."""
        try:
            action(*args)
        except SESSION_PROBLEMS as error:
            self.banner.say(sentence(error))
            return False
        self.refresh_status()
        return True

    # Actions ------------------------------------------------------------------------

    def action_toggle_timer(self) -> None:
        self._act(self.session.toggle)

    def action_next_part(self) -> None:
        if self.session.part_index == len(self.session.agenda.parts) - 1:
            self.banner.say(
                _("This is the last part: press e to end the session when the group is done.")
            )
            return
        self._act(self.session.next_part)

    def action_previous_part(self) -> None:
        self._act(self.session.previous_part)

    @on(AgendaList.PartSelected)
    def _jump(self, event: AgendaList.PartSelected) -> None:
        if event.index == self.session.part_index:
            return
        title = self.session.agenda.parts[event.index].title

        def answered(yes: bool | None) -> None:
            if yes:
                self._act(self.session.go_to_part, event.index)

        question = _("Go to part {number}: {title}?").format(number=event.index + 1, title=title)
        self.app.push_screen(ConfirmDialog(question), answered)

    def action_next_speaker(self) -> None:
        # The same key moves a round to its next speaker and a structure to its next step.
        moving = self.session.next_step if self.session.status().step else self.session.next_speaker
        if self._act(moving):
            self.banner.clear()

    def action_pass_speaker(self) -> None:
        if self._act(self.session.pass_speaker):
            self.banner.clear()

    def action_topic(self, move: str) -> None:
        # The room sees the board move on to its next topic; the forms are the facilitator's.
        if move == "take_next" or not self.sharing:
            getattr(TopicFlow(self.session, self.banner, self._act), move)()

    @facilitator_only
    def action_phones(self, move: str) -> None:
        from circlekeeper.tui.screens.phone_vote_flow import PhoneVoteFlow

        box = self.query_one(CardCounter).box
        getattr(PhoneVoteFlow(self.session, box, self.banner, self._act), move)()

    def action_resources(self) -> None:
        from circlekeeper.tui.screens.resources import ResourcesScreen

        resources = [*self.org_resources, *self.session.resources()]
        shown = self.query_one(SharedResource).shown
        start = resources.index(shown) if shown in resources else 0
        self.app.push_screen(ResourcesScreen(resources, start=start, session=self.session))

    def action_dropbox(self) -> None:
        box = self.query_one(CardCounter).box
        # An open drop-box's code is for everyone to scan; opening one is not.
        if not (box is not None and box.is_open) and self.sharing:
            return
        self.post_message(self.DropBoxRequested())

    @facilitator_only
    def action_new_note(self) -> None:
        self.notes.new()

    @facilitator_only
    def on_notes_list_edit_requested(self, event: NotesList.EditRequested) -> None:
        self.notes.edit(event.note)

    @facilitator_only
    def on_notes_list_delete_requested(self, event: NotesList.DeleteRequested) -> None:
        self.notes.delete(event.note)

    @facilitator_only
    def action_rebalance(self) -> None:
        RebalanceFlow(self.session, self.banner, self._act).ask()

    @facilitator_only
    def action_undo_rebalance(self) -> None:
        RebalanceFlow(self.session, self.banner, self._act).undo()

    @facilitator_only
    def action_last_time(self) -> None:
        from circlekeeper.tui.group_marking import mark_last_time

        mark_last_time(self.app, self.session, self._act)

    # The debrief that follows is for the facilitator's eyes only.
    @facilitator_only
    def action_end_session(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes and self._act(self.session.end):
                self.post_message(self.SessionEnded(self.session))

        self.app.push_screen(
            ConfirmDialog(
                _("End the session now? The timer stops and the session moves to past sessions."),
                yes=_("End session"),
            ),
            answered,
        )
