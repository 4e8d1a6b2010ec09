"""The summary screen: what happened, planned against actual, notes by part and kind."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from circlekeeper.sessions.engine.note_model import Debrief, NoteKind
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export.model import HANDOUT_KINDS, for_handout
from circlekeeper.sessions.export.wording import kind_heading
from circlekeeper.sessions.languages.speaking import N_, _, current_language, ngettext
from circlekeeper.tui.text import clipped
from circlekeeper.tui.view import is_shared
from circlekeeper.tui.widgets.clock_text import minutes_and_seconds, time_of_day
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.notes_list import note_line
from circlekeeper.tui.widgets.poll_status import rating_line
from circlekeeper.tui.widgets.timeline_bars import TimelineBars
from circlekeeper.tui.widgets.title_bar import TitleBar

NOTHING_SHARED = {
    NoteKind.THEME: N_("No themes to share."),
    NoteKind.ACTION: N_("No actions to share."),
}
"""What a handout heading says when no note of its kind is shared."""


class SummaryScreen(Screen[None]):
    """Reads a session back; export starts from here."""

    CSS_PATH = "summary.tcss"
    BINDING_GROUP_TITLE = "Summary"
    BINDINGS = [
        Binding("x", "export", N_("Export"), id="summary.export"),
        Binding("v", "app.toggle_view", N_("View"), id="summary.toggle-view"),
        Binding("escape,h", "home", N_("Home"), id="summary.home"),
    ]

    class ExportRequested(Message):
        """The facilitator asked to export the session."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session
            """The session to export."""

    class HomeRequested(Message):
        """The facilitator asked to go back to the home screen."""

    def __init__(self, session: Session) -> None:
        """Read ``session`` back (ended, or read without its lock)."""
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="summary-scroll"):
            yield Static("", id="summary-facts", markup=False)
            yield Static(_("Planned and actual time"), classes="summary-heading", markup=False)
            yield TimelineBars(id="summary-bars")
            # What everyone may see here is what the handout carries, under its headings.
            for kind in HANDOUT_KINDS:
                yield Static(kind_heading(kind), classes="summary-heading", markup=False)
                yield Static(
                    "", id=f"summary-{kind.value}s", classes="summary-shared", markup=False
                )
            yield Static(
                _("Notes by part"), classes="summary-heading facilitator-only", markup=False
            )
            yield Static("", id="summary-notes", classes="facilitator-only", markup=False)
            yield Static("", id="summary-rating", classes="facilitator-only", markup=False)
            yield Static(
                _("Your debrief"), classes="summary-heading facilitator-only", markup=False
            )
            yield Static("", id="summary-debrief", classes="facilitator-only", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        timeline = self.session.timeline()
        facts = [clipped(timeline.title)]
        if timeline.started_at is not None:
            end = f"–{time_of_day(timeline.ended_at)}" if timeline.ended_at else ""
            facts.append(f"{_day(timeline.started_at)}, {time_of_day(timeline.started_at)}{end}")
        planned, ran, paused = (
            minutes_and_seconds(seconds)
            for seconds in (
                timeline.planned_seconds,
                timeline.running_seconds,
                timeline.paused_seconds,
            )
        )
        people = timeline.attendance
        times = ngettext(
            "{count} person · planned {planned} · ran {ran} · paused {paused}",
            "{count} people · planned {planned} · ran {ran} · paused {paused}",
            people,
        )
        facts.append(times.format(count=people, planned=planned, ran=ran, paused=paused))
        if timeline.overrun_seconds >= 60:
            over = minutes_and_seconds(timeline.overrun_seconds)
            facts.append(_("Over the plan by {time}").format(time=over))
        self.query_one("#summary-facts", Static).update("\n".join(facts))
        self.query_one(TimelineBars).show(timeline.parts)
        rating = self.query_one("#summary-rating", Static)
        rating.update(rating_line(timeline.rating))
        rating.display = timeline.rating is not None

        notes = self.session.notes()
        for kind in HANDOUT_KINDS:
            shared = [n for n in notes if n.kind is kind and for_handout(n)]
            self.query_one(f"#summary-{kind.value}s", Static).update(
                "\n".join(note_line(n) for n in shared) or _(NOTHING_SHARED[kind])
            )
        by_part: dict[int, list[str]] = defaultdict(list)
        for note in sorted(notes, key=lambda n: (n.part, list(NoteKind).index(n.kind))):
            by_part[note.part].append(note_line(note))
        lines = []
        for index, part in enumerate(self.session.agenda.parts):
            if by_part[index]:
                lines.append(f"{index + 1}. {clipped(part.title)}")
                lines.extend(f"   {line}" for line in by_part[index])
        self.query_one("#summary-notes", Static).update(
            "\n".join(lines) or _("No notes were taken.")
        )
        self.query_one("#summary-debrief", Static).update(_debrief_words(self.session.debrief()))

    def action_export(self) -> None:
        if is_shared(self):
            return  # the export dialog offers the facilitator's record: never shared
        self.post_message(self.ExportRequested(self.session))

    def action_home(self) -> None:
        self.post_message(self.HomeRequested())


def _debrief_words(debrief: Debrief | None) -> str:
    """The facilitator's debrief as lines, or what to do when there is none."""
    if debrief is None:
        return _("No debrief was written.")
    lines = [_("How it went: {words}").format(words=debrief.how_it_went)]
    if debrief.follow_up:
        lines.append(_("To follow up: {words}").format(words=debrief.follow_up))
    if debrief.self_care:
        lines.append(_("For yourself: {words}").format(words=debrief.self_care))
    return "\n".join(lines)


def _day(moment: datetime) -> str:
    """The day ``moment`` fell on, in this computer's time zone, in the language spoken."""
    language = current_language()
    local = moment.astimezone()
    return language.day(local.date()) if language.tag else f"{local:%A %d %B %Y}"
