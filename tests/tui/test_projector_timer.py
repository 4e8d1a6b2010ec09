"""The countdowns grow with the window for a projector, and a round's speaker time is
never dropped, down to 80x24, in either view."""

from __future__ import annotations

import pytest
from driving import TEMPLATE, start
from screen_text import flat, screen_text, settle, widget_lines

from circlekeeper.tui.widgets.block_digits import BlockDigits
from circlekeeper.tui.widgets.part_content import PartContent


def block_rows(app, selector: str) -> int:
    """How many rows of the widget are drawn in full blocks."""
    return sum("██" in line for line in widget_lines(app, selector))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_round_shows_the_speakers_time_in_both_views(build_app, size):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        await pilot.press("space", "right_square_bracket")
        await settle(pilot)
        for _view in ("facilitator", "participant"):
            text = screen_text(app)
            assert "Speaker 1 of 6" in text and "2:00 left" in " ".join(text.split())
            assert app.screen.query_one("#round-digits").region.width > 0
            await pilot.press("v")
            await settle(pilot)


async def test_the_countdowns_grow_with_the_window(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("space", "right_square_bracket")
        await settle(pilot)
        heights = {}
        for size in ((80, 24), (120, 40), (160, 60)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            part = app.screen.query_one("#timer-digits", BlockDigits)
            turn = app.screen.query_one("#round-digits", BlockDigits)
            heights[size] = (part.region.height, turn.region.height)
            if size != (80, 24):
                # Full blocks, every row of them drawn.
                assert block_rows(app, "#timer-digits") == part.region.height
                assert block_rows(app, "#round-digits") == turn.region.height
        assert heights[(80, 24)] == (3, 3)  # Textual's three-row digits
        assert heights[(80, 24)] < heights[(120, 40)] < heights[(160, 60)]
        # The state is said in words beside the digits.
        assert "left of 15:00" in screen_text(app)


async def test_at_80x24_the_guidance_scrolls_with_a_hint(build_app, library):
    guidance = library.find(TEMPLATE).parts[1].guidance[0].text
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("space", "right_square_bracket")
        await settle(pilot)
        assert "more below" in screen_text(app)
        content = app.screen.query_one(PartContent)
        content.scroll_end(animate=False)
        await settle(pilot)
        text = flat(screen_text(app))
        assert "Guidance" in text and flat(guidance)[-20:] in text
        assert "more below" not in text
        # The hint names a way to use the keyboard: not on a shared screen.
        content.scroll_home(animate=False)
        await pilot.press("v")
        await settle(pilot)
        assert "more below" not in screen_text(app)
