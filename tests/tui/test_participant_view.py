"""The participant view on the run screen: nothing facilitator-only on a shared screen.

Guidance, notes, the facilitator's messages and the keys that open something private
all leave the screen while it is shared, and those keys only say to press v first.
"""

from __future__ import annotations

from driving import TEMPLATE, posted, start
from screen_text import flat, footer_text, screen_text

from circlekeeper.tui.screens.run_session import RunScreen


async def test_participant_view_hides_everything_facilitator_only(build_app, library):
    agenda = library.find(TEMPLATE)
    guidance = agenda.parts[0].guidance[0].text
    prompt = agenda.parts[0].prompts[0].text
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
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


async def test_the_facilitators_messages_and_keys_leave_the_shared_screen(build_app):
    app = build_app()
    seen: list = []
    async with app.run_test(size=(120, 36), message_hook=seen.append) as pilot:
        await start(pilot)
        run = app.screen
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
        footer = footer_text(app)
        for key in ("n Note", "e End", "d Drop-box", "b Rebalance"):
            assert key not in footer
        assert "space Start/pause" in footer and "v View" in footer and "! Crisis" in footer
        # Each key still answers while sharing, saying what to do, and opens nothing.
        for key in ("e", "b", "u", "d", "n"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is run, key
            assert "press v first" in flat(screen_text(app)), key
        assert not posted(seen, RunScreen.DropBoxRequested)
        assert not posted(seen, RunScreen.SessionEnded)

        await pilot.press("v")
        await pilot.pause()
        assert "e End" in footer_text(app)
