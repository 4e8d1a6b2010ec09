"""The home screen: agendas to start from, sessions to resume, and past sessions."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markdown import Markdown
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Header,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from circlekeeper.sessions.agenda import Agenda
from circlekeeper.sessions.library import TemplateEntry, list_templates
from circlekeeper.sessions.preview import preview_markdown
from circlekeeper.sessions.session_index import Listing, SessionSummary
from circlekeeper.sessions.storage import StorageError
from circlekeeper.tui.widgets.keys_footer import KeysFooter


def _template_label(entry: TemplateEntry) -> str:
    if not entry.ok:
        return f"{entry.name}  ⚠ has problems"
    mark = "  (yours)" if not entry.builtin else ""
    return f"{entry.title}{mark}\n  {entry.minutes} min · {entry.part_count} parts"


def _session_label(summary: SessionSummary) -> str:
    when = summary.updated.astimezone().strftime("%a %d %b %Y %H:%M")
    return f"{summary.title or summary.template}\n  {summary.state} · last change {when}"


class HomeScreen(Screen[None]):
    """Pick an agenda to start, a session to carry on with, or a past session to read."""

    CSS_PATH = "home.tcss"
    BINDING_GROUP_TITLE = "Home"
    BINDINGS = [
        Binding("1", "tab('agendas')", "Agendas", id="home.agendas"),
        Binding("2", "tab('resume')", "Resume", id="home.resume"),
        Binding("3", "tab('past')", "Past", id="home.past"),
        Binding("f5", "refresh", "Refresh", id="home.refresh"),
    ]

    @dataclass
    class StartRequested(Message):
        """The facilitator chose an agenda to start a session from."""

        agenda: Agenda
        """The agenda to run."""

    @dataclass
    class ResumeRequested(Message):
        """The facilitator chose a session to carry on with."""

        session_id: str
        """Which session."""

    @dataclass
    class SummaryRequested(Message):
        """The facilitator chose a past session to read."""

        session_id: str
        """Which session."""

    def __init__(self) -> None:
        super().__init__()
        self.templates: list[TemplateEntry] = []
        self.resumable: list[SessionSummary] = []
        self.past: list[SessionSummary] = []
        self._reported: set = set()
        self._previewed: object = None
        self._resumed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="home-tabs"):
            with TabPane("Agendas", id="agendas"), Horizontal():
                yield OptionList(id="template-list")
                with VerticalScroll(id="template-preview-pane"):
                    yield Static("", id="template-summary", markup=False)
                    # One widget drawing the whole agenda: Textual's Markdown widget makes
                    # one per block, which made the home screen slow to open.
                    yield Static("", id="template-preview")
            with TabPane("Resume", id="resume"):
                yield Static(
                    "Sessions that were paused, quit or interrupted. Enter carries on where "
                    "you left off; time while the app was closed counts as a pause.",
                    classes="hint",
                )
                yield OptionList(id="resume-list", classes="session-list")
            with TabPane("Past sessions", id="past"):
                yield Static(
                    "Ended sessions. Enter opens the summary, from which you can export.",
                    classes="hint",
                )
                yield OptionList(id="past-list", classes="session-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#template-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        # The first resume follows the mount, which has just read everything.
        if self._resumed:
            self.reload()
        self._resumed = True

    def action_refresh(self) -> None:
        """Read everything again, the highlighted agenda's preview included."""
        self._previewed = None
        self.reload()

    def reload(self) -> None:
        """Read the template library and the sessions again."""
        self.templates = list_templates()
        try:
            listing = self.app.store.list()
        except StorageError as error:
            self.notify(str(error), title="Could not list the sessions", severity="error")
            listing = Listing()
        ordered = sorted(listing.sessions, key=lambda s: s.updated, reverse=True)
        self.resumable = [s for s in ordered if s.state != "ended"]
        self.past = [s for s in ordered if s.state == "ended"]
        self._fill("#template-list", [_template_label(t) for t in self.templates])
        self._fill("#resume-list", [_session_label(s) for s in self.resumable])
        self._fill("#past-list", [_session_label(s) for s in self.past])
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("resume").label = f"Resume ({len(self.resumable)})"
        tabs.get_tab("past").label = f"Past sessions ({len(self.past)})"
        for damaged in listing.damaged:
            # Said once per launch: the store reports a file set aside on every listing.
            where = damaged.moved_to or damaged.path
            if where not in self._reported:
                self._reported.add(where)
                self.notify(
                    damaged.message(), title="A session file was set aside", severity="error"
                )
        if self.templates:
            self._preview(self.query_one("#template-list", OptionList).highlighted or 0)

    def _fill(self, selector: str, labels: list[str]) -> None:
        options = self.query_one(selector, OptionList)
        highlighted = options.highlighted
        options.clear_options()
        # Titles come from templates and may hold brackets: never read them as markup.
        options.add_options([Option(Content(label)) for label in labels])
        if labels:
            options.highlighted = min(highlighted or 0, len(labels) - 1)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        list_id = {"agendas": "#template-list", "resume": "#resume-list", "past": "#past-list"}
        self.query_one(list_id[tab], OptionList).focus()

    @on(OptionList.OptionHighlighted, "#template-list")
    def _template_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option_index)

    def _preview(self, index: int) -> None:
        if not 0 <= index < len(self.templates):
            return
        entry = self.templates[index]
        summary = self.query_one("#template-summary", Static)
        preview = self.query_one("#template-preview", Static)
        if self._previewed == entry.path:
            return
        self._previewed = entry.path
        if entry.agenda is None:
            summary.update(f"{entry.path} has problems; run: circlekeeper templates check")
            preview.update(Markdown("\n".join(f"- `{p}`" for p in entry.problems)))
            return
        where = "built-in" if entry.builtin else f"your own ({entry.path})"
        note = ", overrides the built-in one" if entry.overrides_builtin else ""
        summary.update(f"{entry.summary}\n{entry.minutes} min · {where}{note}")
        preview.update(Markdown(preview_markdown(entry.agenda)))

    @on(OptionList.OptionSelected, "#template-list")
    def _template_chosen(self, event: OptionList.OptionSelected) -> None:
        entry = self.templates[event.option_index]
        if entry.agenda is None:
            self.notify("Fix this template's problems first.", severity="error")
            return
        self.post_message(self.StartRequested(entry.agenda))

    @on(OptionList.OptionSelected, "#resume-list")
    def _resume_chosen(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.ResumeRequested(self.resumable[event.option_index].id))

    @on(OptionList.OptionSelected, "#past-list")
    def _past_chosen(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.SummaryRequested(self.past[event.option_index].id))
