"""The run screen's timers under an injected clock: words, warning, overrun, pause, ends."""

from __future__ import annotations

from driving import PARTS, start
from screen_text import flat, screen_text, settle, widget_words

from circlekeeper.sessions.settings.config import Config
from circlekeeper.tui.widgets.part_timer import PartTimer
from circlekeeper.tui.widgets.round_panel import RoundPanel


async def test_a_part_counts_down_warns_rings_once_overruns_and_moves_the_projected_end(
    build_app, clock
):
    app = build_app(Config(bell=True))
    rings: list[bool] = []
    app.bell = lambda: rings.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        timer = app.screen.query_one(PartTimer)
        await pilot.press("space")
        clock.advance(minutes=7)
        await settle(pilot)
        assert "3:00 left of 10:00" in screen_text(app)
        assert not timer.has_class("-warning")

        clock.advance(minutes=2)
        await settle(pilot)
        assert "LAST MINUTES · 1:00 left" in screen_text(app)
        assert timer.has_class("-warning")

        # The end of the part is signalled once, and nothing moves on by itself.
        clock.advance(minutes=1, seconds=1)
        await settle(pilot)
        assert "Time is up" in screen_text(app)
        assert rings == [True]
        assert f"Part 1 of {PARTS}" in screen_text(app)

        clock.advance(seconds=29)
        await settle(pilot)
        text = screen_text(app)
        assert "OVER TIME by 0:30" in text
        assert timer.has_class("-overrun") and not timer.has_class("-warning")
        # The session's projected end moves with the overrun (70 minutes from 18:00).
        assert "projected end 19:10" in text or "projected end 19:11" in text
        assert rings == [True]

        # The session clock says the time gone and the end the overrun brings.
        clock.advance(minutes=5, seconds=35)  # 6 minutes over the 10-minute first part
        await settle(pilot)
        text = screen_text(app)
        status = app.screen.session.status()
        planned = status.planned_end.astimezone().strftime("%H:%M")
        projected = status.projected_end.astimezone().strftime("%H:%M")
        assert (status.projected_end - status.planned_end).total_seconds() == 6 * 60 + 5
        assert f"Elapsed 16m05s · planned end {planned} · projected end {projected}" in text
        assert widget_words(app, "#session-clock").endswith(" · 6 min over plan")
        clock.advance(minutes=50)
        await settle(pilot)
        assert widget_words(app, "#session-clock").startswith("Elapsed 1h06m · ")


async def test_pause_holds_the_countdown_and_a_speakers_turn_ending_is_signalled(build_app, clock):
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await start(pilot, attendance="6")
        await pilot.press("space")
        clock.advance(minutes=2)
        await pilot.press("space")
        await settle(pilot)
        assert "8:00 left of 10:00 · PAUSED" in screen_text(app)
        clock.advance(minutes=5)
        await settle(pilot)
        assert "8:00 left of 10:00 · PAUSED" in screen_text(app)
        await pilot.press("space")
        clock.advance(minutes=1)
        await settle(pilot)
        assert "7:00 left of 10:00" in screen_text(app)
        assert "PAUSED" not in screen_text(app)

        # A round that fits the people present says nothing more.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "Speaker 1 of 6" in screen_text(app)
        assert "turns of 2 min fit" not in flat(screen_text(app))
        assert not app.screen.query_one("#round-fit").display

        panel = app.screen.query_one(RoundPanel)
        clock.advance(minutes=2, seconds=5)
        await settle(pilot)
        assert panel.has_class("-turn-over")
        assert "over by 0:05" in screen_text(app)
        assert "speaker's time is up" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert "Speaker 2 of 6 · 2:00 left" in screen_text(app)
        assert not panel.has_class("-turn-over")


async def test_a_round_too_long_for_the_people_present_is_said_to_the_facilitator(build_app, clock):
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await start(pilot, attendance="10")
        await pilot.press("space", "right_square_bracket")  # 15 min, 2 min a speaker
        await settle(pilot)
        assert widget_words(app, "#round-fit") == (
            "Only 7 turns of 2 min fit in this part's time, for 10 people: ask for shorter "
            "turns, or run over and press b after."
        )
        # It is for the facilitator: the shared screen shows the round, not the worry.
        await pilot.press("v")
        await settle(pilot)
        assert "Speaker 1 of 10" in screen_text(app)
        assert "turns of 2 min fit" not in flat(screen_text(app))
        assert not app.screen.query_one("#round-fit").display
