"""A structured part on the run screen: the step, whose turn, its countdown and what comes
next for the facilitator; the step's cue, large, in the participant view; ``s`` moves on."""

from __future__ import annotations

from driving import start
from screen_text import flat, screen_text, settle, widget_words

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.tui.widgets.step_panel import StepPanel

TEMPLATE = "troika-circle"


async def test_the_steps_and_their_cues_on_both_views(build_app, clock: FakeClock) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, attendance="9", template=TEMPLATE)
        panel = app.screen.query_one(StepPanel)
        assert not panel.display or panel.has_class("-empty")
        await pilot.press("space", "right_square_bracket")
        await pilot.pause()
        words = flat(widget_words(app, panel))
        assert "Step 1 of 13" in words and "Think 1:00 left" in words
        assert "30 min (troika)" in flat(screen_text(app))
        assert "Next (press s): Client 1 of 3 Client shares 2 min" in words

        for _ in range(3):
            await pilot.press("s")
        await pilot.pause()
        words = flat(widget_words(app, panel))
        assert "Client 1 of 3 Consultants talk 5:00 left" in words
        assert "Client: turn your back consultants talk" in words

        # The step's time runs out: the same banner as a part's, and nothing moves on.
        clock.advance(minutes=5, seconds=1)
        await settle(pilot)
        text = flat(screen_text(app))
        assert "Time is up for this step: “Consultants talk”." in text
        assert "Press s for the next step" in text
        assert "over by 0:01" in flat(widget_words(app, panel))

        await pilot.press("v")
        await pilot.pause()
        shared = flat(screen_text(app))
        assert "PARTICIPANT VIEW" in shared
        assert "Client: turn your back consultants talk" in shared
        assert "Client 1 of 3 Consultants talk" in shared
        assert "press s" not in shared and "Press s" not in shared
        assert "Call each step" not in shared

        # The last step of the Troika, then the 1-2-4-All's pairs and foursomes.
        for _ in range(9):
            await pilot.press("s")
        await pilot.pause()
        assert "Last step of this part" in flat(widget_words(app, panel))
        await pilot.press("right_square_bracket", "s")
        await pilot.pause()
        assert "Pairs" in flat(widget_words(app, panel))
        await pilot.press("s")
        await pilot.pause()
        shared = flat(screen_text(app))
        assert "Foursomes 4:00 left" in shared
        assert "Next: All together 5 min" in shared
