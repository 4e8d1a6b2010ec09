"""After the crisis screen, the facilitator's follow-through: asked, guarded, saved."""

from __future__ import annotations

import json
from datetime import timedelta

from driving import AGENDAS, start
from screen_text import footer_text, screen_text

from circlekeeper.sessions.engine.follow_through import UNRECORDED
from circlekeeper.sessions.host import SessionHost, read_session
from circlekeeper.sessions.templates.parse import load_template_file
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.follow_through import FollowThroughDialog
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.screens.crisis import CrisisScreen
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.widgets.follow_up_reminder import FollowUpReminder
from circlekeeper.tui.widgets.marked_toggles import MarkedCheckbox


async def test_the_follow_through_is_asked_after_the_crisis_screen_and_saved(
    build_app, clock, store
):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("space", "exclamation_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FollowThroughDialog)
        tomorrow = (clock.now() + timedelta(days=1)).date().isoformat()
        assert tomorrow in screen_text(app)
        assert "never in a handout" in screen_text(app)
        dialog.query_one("#place-remote").value = True
        dialog.query_one("#step-signposted", MarkedCheckbox).value = True
        await pilot.pause()
        await pilot.click("#follow-words")
        await pilot.press(*"called Maria after", "ctrl+s")
        await pilot.pause()
        # The words go through the personal-data guard, as a note does.
        assert isinstance(app.screen, PrivacyPrompt)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        session = app.host.session
    (record,) = read_session(store, session.id, clock).follow_throughs
    assert (record.place, record.steps, record.debrief) == ("remote", ("signposted",), True)
    assert record.due.isoformat() == tomorrow
    assert "Maria" not in record.words and "called" in record.words


async def test_while_the_screen_is_shared_it_waits_for_the_facilitator_view(build_app, clock):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("space", "v", "exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)  # nothing facilitator-only while shared
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, FollowThroughDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        # Escape puts it off, never skips it: a record stays due for tomorrow.
        (record,) = app.host.session.follow_throughs
        assert record.place == UNRECORDED and record.done_at is None
        assert record.due == (clock.now() + timedelta(days=1)).date()
        assert "stays due" in " | ".join(n.message for n in app._notifications)


async def test_from_home_it_is_kept_in_the_data_folder_and_reminded_until_done(
    build_app, clock, folders
):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert reminder(app) == ""
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FollowThroughDialog)
        app.screen.query_one("#step-emergency", MarkedCheckbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        tomorrow = (clock.now() + timedelta(days=1)).date().isoformat()
        assert f"Crisis follow-up due {tomorrow}: a crisis with no session open" in reminder(app)
    saved = json.loads((folders.data / "crisis-follow-ups.json").read_text())
    assert [r["steps"] for r in saved] == [["emergency"]]
    assert not list(folders.sessions.glob("*.json"))  # in no session's record
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "a crisis with no session open" in reminder(app)  # at the next launch too
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert reminder(app) == ""
        assert "Follow-up done" not in footer_text(app)


async def test_home_reminds_at_every_launch_until_the_follow_up_is_done(build_app, clock, store):
    host = SessionHost(store, clock)
    session = host.start(read_agenda(), attendance=5)
    session.start()
    session.crisis()
    session.save_follow_through("remote", [], clock.now().date(), debrief=False)
    host.close_soon()
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # A standing line, not a toast that goes.
        assert "Follow up with the person; f marks it done" in reminder(app), "first launch"
        assert "f Follow-up done" in footer_text(app), "first launch"
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Follow up with the person; f marks it done" in reminder(app), "second launch"
        assert "f Follow-up done" in footer_text(app), "second launch"
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "Follow-up done" not in footer_text(app)
    assert read_session(store, session.id, clock).follow_throughs[0].done_at is not None
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert reminder(app) == ""


def reminder(app) -> str:
    """The home screen's standing follow-up reminder, or nothing when it is hidden or was
    never needed (it is mounted only when there is something to remind of)."""
    lines = app.screen.query(FollowUpReminder)
    return str(lines.first().render()) if lines and lines.first().display else ""


def read_agenda():
    return load_template_file(AGENDAS / "test-circle.md")
