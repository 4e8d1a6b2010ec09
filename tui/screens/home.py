"""The home screen: agendas to start from, sessions to resume, and past sessions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, Static

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.library import TemplateEntry, TemplateLibrary
from circlekeeper.tui.screens.home_labels import first_agendas, session_label, template_label
from circlekeeper.tui.screens.home_preview import first_preview, full_preview
from circlekeeper.tui.widgets.agenda_sketch import AgendaSketch
from circlekeeper.tui.widgets.bare_containers import (
    BareRow,
    BareScreen,
    BareSwitcher,
    FramedScroll,
)
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.pick_list import PickList
from circlekeeper.tui.widgets.tab_row import TabRow
from circlekeeper.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from circlekeeper.sessions.storage.index import Listing, SessionSummary

SESSION_TABS = ("resume", "past")
"""The tabs listing sessions; each list's id is the tab's name and ``-list``."""


class HomeScreen(BareScreen[None]):
    """Pick an agenda to start, a session to carry on with, or a past session to read."""

    BINDING_GROUP_TITLE = "Home"
    BINDINGS = [
        Binding("1", "tab('agendas')", N_("Agendas"), id="home.agendas"),
        Binding("2", "tab('resume')", N_("Resume"), id="home.resume"),
        Binding("3", "tab('past')", N_("Past"), id="home.past"),
        Binding("f5", "refresh", N_("Refresh"), id="home.refresh"),
        Binding("f", "follow_up_done", N_("Follow-up done"), id="home.follow-up-done"),
        Binding("g", "groups", N_("Groups"), id="home.groups"),
    ]

    class GroupsRequested(Message):
        """The facilitator wants to see the groups' history."""

    # Messages are plain classes rather than dataclasses: each dataclass costs the app's
    # launch about a millisecond to define.
    class StartRequested(Message):
        """The facilitator chose an agenda to start a session from."""

        def __init__(self, agenda: Agenda) -> None:
            super().__init__()
            self.agenda = agenda
            """The agenda to run."""

    class ResumeRequested(Message):
        """The facilitator chose a session to carry on with."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id
            """Which session."""

    class SummaryRequested(Message):
        """The facilitator chose a past session to read."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id
            """Which session."""

    class FollowUpDoneRequested(Message):
        """The facilitator wants to mark a crisis follow-up done."""

        def __init__(self, session: SessionSummary | None) -> None:
            super().__init__()
            self.session = session
            """The session whose follow-up it is; ``None`` for a crisis with no session
            open."""

    def __init__(
        self,
        library: TemplateLibrary,
        list_sessions: Callable[[], Listing],
        home_due: Callable[[], str | None],
    ) -> None:
        """Offer the agendas of ``library`` and the sessions ``list_sessions`` lists; remind
        of the follow-ups open among them and of the one ``home_due`` says is due, for a
        crisis with no session open."""
        super().__init__()
        self.list_sessions = list_sessions
        """Lists the sessions kept; called once the first frame is drawn."""
        self.read_home_due = home_due
        """When the earliest open follow-up of a crisis with no session open is due."""
        self.home_due: str | None = None
        """What :attr:`read_home_due` said when last asked."""
        self.library = library
        """Where the agendas come from."""
        self.templates: list[TemplateEntry] = []
        """The agendas listed, as last read from the library."""
        self.resumable: list[SessionSummary] = []
        self.past: list[SessionSummary] = []
        self.follow_ups: list[SessionSummary] = []
        """Sessions with a crisis follow-up not yet done, the earliest due first."""
        self._reported: set = set()
        self._previewed: object = None
        self._resumed = False
        self._filled: set[str] = set()
        """The session lists whose options are built (each is built when first shown)."""

    def compose(self) -> ComposeResult:
        # The agendas are read before the first layout, so the list is laid out once,
        # filled in. The sessions are read, and the preview drawn in full, just after the
        # first frame: a long history or loading the markdown renderer must not hold it.
        self.templates = self.library.entries()
        summary, sketched = first_preview(self._entry(0), self.app.size.height)
        yield TitleBar()
        yield TabRow(
            [
                ("agendas", _("Agendas")),
                ("resume", self._resume_title("…")),
                ("past", self._past_title("…")),
            ],
            "agendas",
            id="home-tabs",
        )
        with BareSwitcher(initial="agendas", id="home-panes"), BareRow(id="agendas"):
            first = self.templates[: first_agendas(self.app.size.height)]
            labels = [template_label(t) for t in first]
            yield PickList(*labels, id="template-list")
            with FramedScroll(id="template-preview-pane"):
                yield Static(summary, id="template-summary", markup=False)
                # The sketch until the full preview is drawn, just after the first frame.
                yield AgendaSketch(sketched, id="template-sketch")
                # One widget drawing the whole agenda: Textual's Markdown widget makes
                # one per block, which made the home screen slow to open.
                full = Static(id="template-preview", markup=False)
                full.display = False
                yield full
        yield KeysFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        template_list = self.query_one("#template-list", PickList)
        if self.templates:
            template_list.highlighted = 0
            self._previewed = self.templates[0].path
        template_list.focus()

    def on_screen_resume(self) -> None:
        # The first resume follows the mount, which has just read everything.
        if self._resumed:
            self.reload()
        self._resumed = True

    def _session_panes(self) -> list[Vertical]:
        """The tabs of sessions to resume and of past sessions, each a hint above a list.

        Mounted just after the first frame, where they are hidden, and each list filled
        when its tab is first shown: a long history must not hold back the first frame.
        """
        resume_hint = _(
            "Sessions that were paused, quit or interrupted. Enter carries on "
            "where you left off; time while the app was closed counts as a pause."
        )
        past_hint = _("Ended sessions. Enter opens the summary, from which you can export.")
        return [
            Vertical(
                Static(hint, classes="hint", markup=False),
                PickList(id=f"{tab}-list", classes="session-list"),
                id=tab,
            )
            for tab, hint in (("resume", resume_hint), ("past", past_hint))
        ]

    def _after_first_frame(self) -> None:
        """Mount the session tabs, list the rest of the agendas, draw the highlighted one's
        preview in full, then read the sessions."""
        self.query_one(BareSwitcher).mount(*self._session_panes())
        listed = self.query_one("#template-list", PickList)
        rest = self.templates[listed.option_count :]
        listed.add_options([template_label(t) for t in rest])
        self._previewed = None
        self._preview(listed.highlighted or 0)
        # Every launch, until it is marked done: the reminder is the point.
        self._report(self._read_sessions())
        for tab in self._filled:
            self._fill_sessions(tab)
        self._relabel()

    def action_refresh(self) -> None:
        """Read everything again, the highlighted agenda's preview included."""
        self._previewed = None
        self.reload()

    def _read(self) -> Listing:
        """Read the template library and the sessions; returns the sessions' listing."""
        self.templates = self.library.entries()
        return self._read_sessions()

    def _read_sessions(self) -> Listing:
        """Read the sessions and the follow-ups; returns the sessions' listing."""
        try:
            listing = self.list_sessions()
        except StorageError as error:
            from circlekeeper.sessions.storage.index import Listing

            self.notify(str(error), title=_("Could not list the sessions"), severity="error")
            listing = Listing()
        ordered = listing.by_change()
        self.resumable = [s for s in ordered if s.state != "ended"]
        self.past = [s for s in ordered if s.state == "ended"]
        self.follow_ups = listing.follow_ups()
        try:
            self.home_due = self.read_home_due()
        except StorageError as error:
            self.notify(
                str(error), title=_("Could not read the crisis follow-ups"), severity="error"
            )
        self._remind()
        self.refresh_bindings()
        return listing

    def _remind(self) -> None:
        """Show the follow-ups due above the tabs, once there are any to show.

        The reminder is mounted (and loaded) when first needed rather than composed: the
        sessions are read just after the first frame, and most launches have nothing to
        remind of.
        """
        from circlekeeper.tui.widgets.follow_up_reminder import FollowUpReminder

        reminders = self.query(FollowUpReminder)
        if reminders:
            reminder = reminders.first()
        elif self.follow_ups or self.home_due is not None:
            reminder = FollowUpReminder(id="follow-up-reminder")
            self.mount(reminder, before=self.query_one(TabRow))
        else:
            return
        reminder.show(self.follow_ups, self.home_due)

    def _report(self, listing: Listing) -> None:
        for damaged in listing.damaged:
            # Said once per launch: the store reports a file set aside on every listing.
            where = damaged.moved_to or damaged.path
            if where not in self._reported:
                self._reported.add(where)
                if damaged.moved_to:
                    title = _("A session file was set aside")
                else:
                    title = _("A session file was skipped")
                self.notify(damaged.message(), title=title, severity="error")

    def _resume_title(self, count: object = None) -> str:
        return _("Resume ({count})").format(count=len(self.resumable) if count is None else count)

    def _past_title(self, count: object = None) -> str:
        return _("Past sessions ({count})").format(count=len(self.past) if count is None else count)

    def _relabel(self) -> None:
        tabs = self.query_one(TabRow)
        tabs.relabel("resume", self._resume_title())
        tabs.relabel("past", self._past_title())

    def reload(self) -> None:
        """Read the template library and the sessions again."""
        self._report(self._read())
        self._fill("#template-list", [template_label(t) for t in self.templates])
        for tab in SESSION_TABS:
            if tab in self._filled:
                self._fill_sessions(tab)
        self._relabel()
        if self.templates:
            self._preview(self.query_one("#template-list", PickList).highlighted or 0)

    def _fill(self, selector: str, labels: list[str]) -> None:
        options = self.query_one(selector, PickList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(labels)
        if labels:
            options.highlighted = min(highlighted or 0, len(labels) - 1)

    def _fill_sessions(self, tab: str) -> None:
        self._fill(f"#{tab}-list", [session_label(s) for s in self._sessions_of(tab)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "follow_up_done":
            return bool(self.follow_ups) or self.home_due is not None
        return True

    def action_groups(self) -> None:
        """Ask for the groups screen."""
        self.post_message(self.GroupsRequested())

    def action_follow_up_done(self) -> None:
        """Offer to mark the earliest open crisis follow-up done."""
        first = self.follow_ups[0] if self.follow_ups else None
        if self.home_due is not None and (
            first is None or self.home_due <= str(first.follow_up_due)
        ):
            self.post_message(self.FollowUpDoneRequested(None))
        elif first is not None:
            self.post_message(self.FollowUpDoneRequested(first))

    def on_tab_row_chosen(self, event: TabRow.Chosen) -> None:
        self.action_tab(event.tab)

    def _sessions_of(self, tab: str) -> list[SessionSummary]:
        return self.resumable if tab == "resume" else self.past

    def _fill_once(self, tab: str) -> None:
        """Build a session list's options the first time its tab is shown."""
        if tab in SESSION_TABS and tab not in self._filled:
            self._filled.add(tab)
            self._fill_sessions(tab)

    def action_tab(self, tab: str) -> None:
        list_id = {"agendas": "#template-list", "resume": "#resume-list", "past": "#past-list"}
        if not self.query(list_id[tab]):
            # A key pressed as the app appears, before the hidden tabs are mounted.
            self.call_after_refresh(self.action_tab, tab)
            return
        self._fill_once(tab)
        self.query_one(ContentSwitcher).current = tab
        self.query_one(TabRow).active = tab
        self.query_one(list_id[tab], PickList).focus()

    @on(PickList.Highlighted, "#template-list")
    def _template_highlighted(self, event: PickList.Highlighted) -> None:
        self._preview(event.index)

    def _entry(self, index: int) -> TemplateEntry | None:
        return self.templates[index] if 0 <= index < len(self.templates) else None

    def _preview(self, index: int) -> None:
        if not 0 <= index < len(self.templates):
            return
        if self._previewed == self.templates[index].path:
            return
        self._previewed = self.templates[index].path
        summary, preview = full_preview(self._entry(index))
        self.query_one("#template-summary", Static).update(summary)
        self.query("#template-sketch").remove()
        full = self.query_one("#template-preview", Static)
        full.update(preview)
        full.display = True

    @on(PickList.Selected, "#template-list")
    def _template_chosen(self, event: PickList.Selected) -> None:
        entry = self.templates[event.index]
        if entry.agenda is None:
            self.notify(_("Fix this template's problems first."), severity="error")
            return
        self.post_message(self.StartRequested(entry.agenda))

    @on(PickList.Selected, "#resume-list")
    def _resume_chosen(self, event: PickList.Selected) -> None:
        self.post_message(self.ResumeRequested(self.resumable[event.index].id))

    @on(PickList.Selected, "#past-list")
    def _past_chosen(self, event: PickList.Selected) -> None:
        self.post_message(self.SummaryRequested(self.past[event.index].id))
