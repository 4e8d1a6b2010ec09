"""A group's three meetings in one run of the app: each opens with what the last one left,
the first takes the rating check by hands, the start dialog offers the group's usual
agenda, and the groups screen charts the three meetings."""

from __future__ import annotations

from textual.widgets import Input

from circlekeeper.sessions.groups import GroupStore, meeting_of
from circlekeeper.sessions.groups.model import Outcome
from circlekeeper.tui.dialogs.carry_forward import CarryForwardDialog
from circlekeeper.tui.dialogs.last_time import LastTimeDialog
from circlekeeper.tui.dialogs.rating_hands import RatingHandsDialog, box_id
from circlekeeper.tui.screens.group import GroupScreen
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.widgets.history_chart import HistoryChart
from tests.tui.driving import posted, start
from tests.tui.screen_text import screen_text

HANDS = {
    # One line a rating item, one count a band (0-3, 4-6, 7-8, 9-10); "" is none.
    "heard": ("", "1", "2", "3"),
    "topics": ("", "", "6", ""),
    "way": ("1", "1", "2", "2"),
    "overall": ("", "", "3", "3"),
}


async def _end(pilot, *, hands: dict[str, tuple[str, ...]] | None, carry: bool) -> None:
    """End the meeting: hands counted (or the rating skipped), carry, no debrief, home."""
    app = pilot.app
    await pilot.press("e", "y")
    assert isinstance(app.screen, RatingHandsDialog), screen_text(app)
    if hands is None:
        await pilot.press("escape")
    else:
        # The counts go straight into the boxes (typing them is one key each); enter in
        # the last box saves, as the facilitator's last enter does.
        for item, counts in hands.items():
            for band, count in enumerate(counts):
                app.screen.query_one(f"#{box_id(item, band)}", Input).value = count
        app.screen.query_one(f"#{box_id('overall', 3)}", Input).focus()
        await pilot.pause()
        assert "n = 6 answered" in str(app.screen.query_one("#hands-result").render())
        await pilot.press("enter")
    assert isinstance(app.screen, CarryForwardDialog), screen_text(app)
    if not carry:
        app.screen.query_one("#carry").deselect_all()
    await pilot.click("#submit")
    await pilot.press("escape", "escape")  # no debrief; the summary, then home
    assert isinstance(app.screen, HomeScreen)


async def test_three_meetings_of_one_group(build_app, settings, clock) -> None:
    app = build_app()
    seen: list = []
    groups = GroupStore(settings.folders.groups)
    async with app.run_test(size=(110, 36), message_hook=seen.append) as pilot:
        # 1: a new group, everyone new; an action noted and carried; six hands counted.
        await start(pilot, watch="", newcomers="6", group="Tue")
        first = app.screen.session
        await pilot.press("space", "n", *"Walk", "tab", "right", "enter")
        clock.advance(minutes=5)
        await _end(pilot, hands=HANDS, carry=True)
        # heard: (5 + 2 * 7.5 + 3 * 9.5) / 6 = 8.08; way: (1.5 + 5 + 15 + 19) / 6 = 6.75.
        assert first.timeline().rating == (6, (8.1, 7.5, 6.8, 8.5))
        (group,) = groups.list().groups
        assert [i.text for i in group.items] == ["Walk"]

        # 2: begun from another agenda, but naming the group selects its usual one.
        await start(pilot, watch="", template="quiet-check-in", group="TUE")
        session = app.screen.session
        assert session.agenda.name == "test-circle"
        assert "From last time" in screen_text(app) and "Action: Walk" in screen_text(app)
        await pilot.press("space", "l")
        assert isinstance(app.screen, LastTimeDialog)
        await pilot.press("d")
        await pilot.click("#submit")
        meeting = meeting_of(session)
        assert meeting is not None and list(meeting.outcomes.values()) == [Outcome.DONE]
        await _end(pilot, hands=None, carry=False)

        # 3: nothing left open, so it opens with the agenda's own first part.
        await start(pilot, watch="", group="Tue")
        assert "From last time" not in screen_text(app)
        await pilot.press("space", "l")  # nothing brought: said on the banner, no dialog
        assert isinstance(app.screen, RunScreen)
        await _end(pilot, hands=None, carry=False)

        # The groups screen: each figure over the three meetings with its n.
        await pilot.press("g")
        assert isinstance(app.screen, GroupScreen)
        await pilot.pause()
        shown = screen_text(app)
        assert "Tue: 3 meetings" in shown
        assert "Attendance · n = 3 meetings" in shown
        assert "People              ███  6 6 6" in shown
        charts = {c.chart.title: str(c.render()) for c in app.screen.query(HistoryChart)}
        rating = charts["Rating check (means, 0–10)"]
        assert "n = 1 meeting, 6 answers shown" in rating
        assert "Felt heard" in rating and "8.1" in rating
        below = "\n".join(str(w.render()) for w in app.screen.query("#group-detail > Static"))
        assert "Open items (for the next meeting)\nNone open." in below
        app.participant_view = True
        await pilot.pause()
        assert "Attendance" not in screen_text(app)
        assert "for the facilitator only" in screen_text(app)
        app.participant_view = False
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)

    (group,) = groups.list().groups
    assert len(group.history) == 3 and len(group.sessions) == 3
    assert group.history[0]["newcomers"] == 6 and group.items == ()
    assert group.history[0]["rating"]["answers"] == 6 and "rating" not in group.history[1]
    assert len(posted(seen, RunScreen.SessionEnded)) == 3
    assert len(posted(seen, HomeScreen.GroupsRequested)) == 1
