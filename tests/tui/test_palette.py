"""The command palette: every key of the screen it opens over, and agendas on home only."""

from __future__ import annotations

from driving import PARTS, posted, start
from screen_text import screen_text, settle
from textual.command import CommandList, CommandPalette

from circlekeeper.tui.dialogs.start_session import StartSessionDialog
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen


async def offered(pilot, typed: str) -> list[str]:
    """Open the palette, type ``typed`` and return what it offers once every search ends."""
    app = pilot.app
    await pilot.press("ctrl+p", *typed)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    options = app.screen.query_one(CommandList).options
    return [str(option.hit.text) for option in options if hasattr(option, "hit")]


async def test_every_run_key_is_in_the_command_palette(build_app, clock):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Start/pause",
            "Next part",
            "Prev part",
            "Next speaker",
            "Note",
            "Participant / facilitator view",
            "Resources",
            "Rebalance",
            "End",
            "Crisis resource",
            "Help",
        ):
            assert title in commands
        await pilot.press("ctrl+p")
        await pilot.press(*"Next part")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert f"Part 2 of {PARTS}" in screen_text(app)


async def test_an_agenda_can_be_started_from_the_palette(build_app):
    seen = []
    app = build_app()
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await pilot.pause()
        assert "Start: A quiet check-in" in await offered(pilot, "Start: A quiet check-in")
        await pilot.press("enter")
        await pilot.pause()
        [asked] = posted(seen, HomeScreen.StartRequested)
        assert asked.agenda.title == "A quiet check-in"
        assert isinstance(app.screen, StartSessionDialog)
        assert "A quiet check-in" in screen_text(app)


async def test_the_palette_offers_no_agenda_while_a_session_runs(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        hits = await offered(pilot, "Start")
        assert "Start/pause" in hits  # the search ran, over the run screen
        assert not [hit for hit in hits if hit.startswith("Start: ")]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
