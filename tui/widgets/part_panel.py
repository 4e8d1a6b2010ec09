"""The run screen's main column: the current part and its time, under one heading.

:class:`PartPanel` holds the part's heading, the drop-box's card counter, the banner, the
part's and the round's timers, the session's clock line, the part's words and its notes.
The screen hands it the engine's snapshots (:meth:`PartPanel.show_status`) and the part
to show when it changes (:meth:`PartPanel.show_part`); the widgets inside keep to
themselves which of them are facilitator-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Static

from circlekeeper.sessions.engine.events import SessionState
from circlekeeper.sessions.engine.status import Status
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.templates.agenda import Part
from circlekeeper.tui.text import clipped
from circlekeeper.tui.widgets.banner import Banner
from circlekeeper.tui.widgets.bare_containers import BareColumn, BareRow
from circlekeeper.tui.widgets.card_counter import CardCounter
from circlekeeper.tui.widgets.clock_text import elapsed, minutes, time_of_day
from circlekeeper.tui.widgets.notes_list import NotesList
from circlekeeper.tui.widgets.part_content import PartContent
from circlekeeper.tui.widgets.part_timer import PartTimer
from circlekeeper.tui.widgets.round_panel import RoundPanel
from circlekeeper.tui.widgets.step_panel import StepPanel
from circlekeeper.tui.widgets.ticking_text import TickingText
from circlekeeper.tui.widgets.topic_board import TopicBoardPanel

if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox import DropBox


def session_clock_words(status: Status) -> str:
    """The whole session's time and its projected end, in one line."""
    if status.state is SessionState.READY:
        planned = minutes(sum(p.planned for p in status.parts))
        return _("Planned length {time}").format(time=planned)
    if status.over_by >= 60:
        over = _("{time} over plan").format(time=minutes(status.over_by))
    else:
        over = _("on time")
    clock = _("Elapsed {time} · planned end {planned} · projected end {projected}").format(
        time=elapsed(status.session_elapsed),
        planned=time_of_day(status.planned_end),
        projected=time_of_day(status.projected_end),
    )
    return f"{clock} · {over}"


class PartPanel(BareColumn):
    """The current part, its timers and its notes.

    Args:
        dropbox: The session's drop-box, if it has one already; the counter follows it.
        watching: How many names the session's watch list holds (the notes say so).
        id: The widget's id.
    """

    def __init__(self, dropbox: DropBox | None, *, watching: int, id: str | None = None) -> None:
        super().__init__(id=id)
        self._dropbox = dropbox
        self._watching = watching

    def compose(self) -> ComposeResult:
        # Each second's redraw covers the timers' containers and whatever else is in them:
        # the lines above the timers have a column of their own, so they stay out of it.
        with BareColumn(id="part-top"):
            yield Static("", id="part-heading", markup=False)
            yield CardCounter(self._dropbox, id="card-counter", classes="facilitator-only")
            yield Banner(id="signal")
        with BareRow(id="timers"):
            yield PartTimer(id="part-timer")
            yield RoundPanel(id="round-panel")
            yield StepPanel(id="step-panel")
        yield TopicBoardPanel(self._dropbox, id="topic-board")
        yield TickingText(id="session-clock")
        # In a column of their own, they are not redrawn with the timers each second.
        with BareColumn(id="part-words"):
            yield PartContent(id="part-content")
            yield NotesList(watching=self._watching, id="notes", classes="facilitator-only")

    @property
    def sharing(self) -> bool:
        """Whether the screen is shared: the timer's words carry no key hints."""
        return not self.query_one(PartTimer).hints

    @sharing.setter
    def sharing(self, sharing: bool) -> None:
        self.query_one(PartTimer).hints = not sharing
        self.query_one(StepPanel).hints = not sharing
        self.query_one(TopicBoardPanel).hints = not sharing

    def show_status(self, status: Status) -> None:
        """Show the engine's latest snapshot on the timers and the session's clock line."""
        self.query_one(PartTimer).status = status
        self.query_one(RoundPanel).status = status.round
        self.query_one(StepPanel).status = status.step
        self.query_one(TopicBoardPanel).show(status.board, status.at)
        self.query_one("#session-clock", TickingText).show(session_clock_words(status))

    def show_part(self, part: Part, number: int, of: int) -> None:
        """Show ``part``, number ``number`` of ``of``: its heading, prompts and guidance."""
        self.query_one("#part-heading", Static).update(
            _("Part {number} of {count} · {title}").format(
                number=number, count=of, title=clipped(part.title)
            )
        )
        self.query_one(PartContent).show_part(part)
