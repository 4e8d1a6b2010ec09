"""A group's three meetings in one run of the app: each opens with what the last one left."""

from __future__ import annotations

from circlekeeper.sessions.groups import GroupStore, meeting_of
from circlekeeper.sessions.groups.model import Outcome
from circlekeeper.tui.dialogs.carry_forward import CarryForwardDialog
from circlekeeper.tui.dialogs.last_time import LastTimeDialog
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen
from tests.tui.driving import posted, start
from tests.tui.screen_text import screen_text


async def _end(pilot, *, carry: bool) -> None:
    app = pilot.app
    await pilot.press("e", "y")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, CarryForwardDialog), screen_text(app)
    if not carry:
        app.screen.query_one("#carry").deselect_all()
    await pilot.click("#submit")
    await pilot.pause()
    await pilot.press("escape")  # no debrief
    await pilot.pause()
    await pilot.press("escape")  # the summary, then home
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)


async def test_three_meetings_of_one_group(build_app, settings, clock) -> None:
    app = build_app()
    seen: list = []
    groups = GroupStore(settings.folders.groups)
    async with app.run_test(size=(110, 36), message_hook=seen.append) as pilot:
        # 1: a new group, everyone new; an action noted and carried.
        await start(pilot, newcomers="6", group="Tuesday circle")
        await pilot.press("space", "n", *"Try a lunch walk", "tab", "right", "enter")
        await pilot.pause()
        clock.advance(minutes=5)
        await _end(pilot, carry=True)
        (group,) = groups.list().groups
        assert [i.text for i in group.items] == ["Try a lunch walk"]

        # 2: it opens "From last time" with the action, marked done with l then d.
        await start(pilot, group="tuesday circle")
        assert isinstance(app.screen, RunScreen)
        assert "From last time" in screen_text(app) and "Try a lunch walk" in screen_text(app)
        session = app.screen.session
        await pilot.press("space", "l")
        await pilot.pause()
        assert isinstance(app.screen, LastTimeDialog)
        await pilot.press("d")
        await pilot.click("#submit")
        await pilot.pause()
        meeting = meeting_of(session)
        assert meeting is not None and list(meeting.outcomes.values()) == [Outcome.DONE]
        await _end(pilot, carry=False)

        # 3: nothing left open, so it opens with the agenda's own first part.
        await start(pilot, group="Tuesday circle")
        assert "From last time" not in screen_text(app)
        await pilot.press("space", "l")  # nothing brought: said on the banner, no dialog
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await _end(pilot, carry=False)

    (group,) = groups.list().groups
    assert len(group.history) == 3 and len(group.sessions) == 3
    assert group.history[0]["newcomers"] == 6 and group.items == ()
    assert len(posted(seen, RunScreen.SessionEnded)) == 3
