"""The steps around a group's meeting: starting one, marking last time's items, carrying.

Starting: the group typed in the start dialog is found (or made), the agenda is opened
with the agreements (for newcomers) and "From last time", and the new session becomes
the group's meeting. Ending: before the debrief, the facilitator chooses which actions
and topics carry to next time, and the meeting's counts go to the group's history. A
problem with the group (a damaged file, a refused name) is said on screen; the session
itself always runs, outside the group if need be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.library import TemplateLibrary
from circlekeeper.tui.text import sentence

if TYPE_CHECKING:
    from circlekeeper.sessions.engine.hands import HandsRating
    from circlekeeper.sessions.engine.session import Session
    from circlekeeper.sessions.groups.model import Group


def group_names(store: GroupStore) -> tuple[tuple[str, ...], dict[str, str]]:
    """The names of the groups there are, and each one's usual agenda by casefolded name.

    A damaged file is left out, never fatal.
    """
    groups = store.list().groups
    usual = {group.name.casefold(): group.template for group in groups if group.template}
    return tuple(group.name for group in groups), usual


def offered_agendas(library: TemplateLibrary) -> dict[str, Agenda]:
    """The agendas the start dialog offers, by name: those that can be run."""
    return {entry.name: entry.agenda for entry in library.entries() if entry.agenda is not None}


def find_or_make(app: App[Any], store: GroupStore, name: str, agenda: Agenda) -> Group | None:
    """The group called ``name``, made now if there is none; ``None`` (said) on a problem."""
    from circlekeeper.sessions.engine.clock import SystemClock
    from circlekeeper.sessions.groups.store import UnknownGroup

    try:
        try:
            return store.find(name)
        except UnknownGroup:
            return store.create(name, SystemClock().now(), template=agenda.name)
    except SESSION_PROBLEMS as error:
        app.notify(sentence(error), title=_("The group could not be used"), severity="error")
        return None


def join(app: App[Any], store: GroupStore, group: Group, session: Session, newcomers: int) -> None:
    """Make the just-started ``session`` a meeting of ``group``."""
    from circlekeeper.sessions.groups.carry import start_meeting

    try:
        start_meeting(store, group, session, newcomers=newcomers, now=session.clock.now())
    except SESSION_PROBLEMS as error:
        app.notify(sentence(error), title=_("Not recorded with the group"), severity="error")


def carry_forward(
    app: App[Any], store: GroupStore, session: Session, then: Callable[[], object]
) -> None:
    """For a group's meeting, take the rating check by hands (or skip it), then ask what
    carries to next time and save it with the meeting's figures; then ``then``."""
    from circlekeeper.sessions.groups.carry import candidates, finish_meeting
    from circlekeeper.sessions.groups.meeting import meeting_of
    from circlekeeper.tui.dialogs.carry_forward import CarryForwardDialog
    from circlekeeper.tui.dialogs.rating_hands import RatingHandsDialog

    meeting = meeting_of(session)
    if meeting is None or meeting.finished:
        then()
        return

    def chosen(note_ids: tuple[str, ...] | None) -> None:
        try:
            finish_meeting(store, session, note_ids or (), session.clock.now())
        except SESSION_PROBLEMS as error:
            app.notify(sentence(error), title=_("The group was not updated"), severity="error")
        then()

    def rated(rating: HandsRating | None) -> None:
        if rating is not None:
            try:
                session.record_rating(rating.answers, rating.means)
            except SESSION_PROBLEMS as error:
                app.notify(sentence(error), title=_("The rating was not saved"), severity="error")
        app.push_screen(CarryForwardDialog(meeting.name, candidates(session)), chosen)

    app.push_screen(RatingHandsDialog(_k_of(store, meeting.group_id)), rated)


def _k_of(store: GroupStore, group_id: str) -> int:
    # A group that cannot be read now still gets its rating, shown with the default k.
    from circlekeeper.sessions.groups.model import DEFAULT_MIN_COUNT

    try:
        return store.find(group_id).min_count
    except SESSION_PROBLEMS:
        return DEFAULT_MIN_COUNT
