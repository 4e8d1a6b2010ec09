"""The participant view on the run screen: nothing facilitator-only on a shared screen.

Guidance, notes, the facilitator's messages, toasts, key hints and the keys footer all
leave the screen while it is shared; a key that would open something private does
nothing visible; the facilitator's messages wait for the facilitator view.
"""

from __future__ import annotations

from driving import TEMPLATE, posted, start, told
from screen_text import flat, footer_text, screen_text, settle

from circlekeeper.tui.dialogs.export import ExportDialog
from circlekeeper.tui.screens.resources import ResourcesScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.screens.summary import SummaryScreen
from circlekeeper.tui.widgets.keys_footer import KeysFooter


async def test_participant_view_hides_everything_facilitator_only_and_its_keys_do_nothing(
    build_app, library
):
    agenda = library.find(TEMPLATE)
    guidance = agenda.parts[0].guidance[0].text
    prompt = agenda.parts[0].prompts[0].text
    app = build_app()
    seen: list = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await start(pilot)
        run = app.screen
        await pilot.press("n")
        await pilot.press(*"Theme: trust takes time", "enter")
        await pilot.pause()
        before = screen_text(app)
        assert "FACILITATOR VIEW" in before
        assert "Guidance (facilitator only)" in before
        assert flat(guidance[:30]) in flat(before)
        assert "Theme: trust takes time" in before

        await pilot.press("v")
        await pilot.pause()
        shared = screen_text(app)
        assert "PARTICIPANT VIEW" in shared
        assert "Guidance" not in shared
        assert flat(guidance[:30]) not in flat(shared)
        assert "trust takes time" not in shared
        assert "Notes in this part" not in shared
        assert flat(prompt[:30]) in flat(shared)

        # The note editor stays closed while the screen is shared.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)

        await pilot.press("v")
        await pilot.pause()
        assert "trust takes time" in screen_text(app)

        # The facilitator's messages and the keys footer leave the shared screen too.
        await pilot.press("b")  # nothing to rebalance: a message for the facilitator
        await pilot.pause()
        assert "nothing needs shortening" in screen_text(app)
        footer = footer_text(app)
        assert "n Note" in footer and "e End" in footer and "b Rebalance" in footer
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "PARTICIPANT VIEW" in text
        assert "nothing needs shortening" not in text
        assert footer_text(app) == ""  # no key footer at all
        assert not app.screen.query_one(KeysFooter).display
        # Each key that would open something private does nothing visible.
        for key in ("e", "b", "u", "d", "n", "question_mark", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is run, key
            assert screen_text(app) == text, key
        assert not posted(seen, RunScreen.DropBoxRequested)
        assert not posted(seen, RunScreen.SessionEnded)
        await pilot.press("v")
        await pilot.pause()
        assert "e End" in footer_text(app)
        # What the facilitator was told before sharing waits for them here.
        assert "nothing needs shortening" in screen_text(app)


async def test_toasts_hints_and_dialogs_wait_for_the_facilitator_view_through_to_the_summary(
    build_app, clock
):
    app = build_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await start(pilot)
        assert "space starts the timer" in screen_text(app)

        # Toasts and key hints wait for the facilitator view.
        await pilot.press("v")
        await pilot.pause()
        shared = screen_text(app)
        assert "Ready · 10:00 planned" in shared
        assert "space" not in shared
        app.notify("A message for the facilitator")
        await pilot.press("space", "space")  # started, then paused
        await settle(pilot)
        shared = screen_text(app)
        assert "PAUSED" in shared and "space resumes" not in shared
        assert "A message for the facilitator" not in shared
        assert told(app) == ""
        await pilot.press("space")
        clock.advance(minutes=10, seconds=1)
        await settle(pilot)
        shared = screen_text(app)
        assert "Time is up" in shared and "Press ]" not in shared
        await pilot.press("v")
        await settle(pilot)
        text = screen_text(app)
        assert "Press ] when you are ready" in text, text
        assert "A message for the facilitator" in told(app)

        # The resources and the summary open no dialog while shared.
        await pilot.press("r")
        await pilot.pause()
        resources = app.screen
        assert isinstance(resources, ResourcesScreen)
        await pilot.press("v", "a")
        await pilot.pause()
        assert app.screen is resources, "resources: a opened a dialog while shared"
        await pilot.press("escape", "v")
        clock.advance(minutes=2)
        await pilot.press("e", "y")
        await pilot.pause()
        await pilot.press("escape")  # no debrief today
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("v", "x")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen), "summary: x opened a dialog while shared"
        assert footer_text(app) == ""
        assert "facilitator" not in screen_text(app).lower().replace("facilitator view", "")
        await pilot.press("v", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
