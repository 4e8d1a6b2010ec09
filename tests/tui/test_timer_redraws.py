"""What a running timer redraws as a second turns: the figures that changed, and no layout."""

from __future__ import annotations

import pytest
from driving import start
from screen_text import screen_text, settle
from textual.visual import Visual, visualize
from textual.widget import Widget

from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.widgets.block_digits import BlockDigits
from circlekeeper.tui.widgets.ticking_text import TickingText


@pytest.fixture
def redrawn(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """The widgets a reading of the clock asks to redraw: (id, whether with a layout)."""
    seen: list[tuple[str, bool]] = []
    reading = [False]
    refresh, read = Widget.refresh, RunScreen.refresh_status

    def spy(self: Widget, *regions, layout: bool = False, **options) -> Widget:
        if reading[0]:
            seen.append((self.id or type(self).__name__, layout))
        return refresh(self, *regions, layout=layout, **options)

    def reading_the_clock(self: RunScreen) -> None:
        reading[0] = True
        try:
            read(self)
        finally:
            reading[0] = False

    monkeypatch.setattr(Widget, "refresh", spy)
    monkeypatch.setattr(RunScreen, "refresh_status", reading_the_clock)
    return seen


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The widgets whose lines Textual draws for the screen, by id (or by class)."""
    seen: set[str] = set()
    render_lines = Widget.render_lines

    def spy(self: Widget, crop):
        seen.add(self.id or type(self).__name__)
        return render_lines(self, crop)

    monkeypatch.setattr(Widget, "render_lines", spy)
    return seen


async def test_a_second_redraws_only_what_changed_without_a_layout(
    build_app, clock, redrawn, drawn
):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("space")
        clock.advance(seconds=2.5)
        await settle(pilot)
        assert "9:57 left of 10:00" in screen_text(app)

        redrawn.clear()
        drawn.clear()
        clock.advance(seconds=1)
        await settle(pilot)
        # Drawn: the timer's frame and what changed in it, and the clock line; the agenda,
        # the part's heading, the title, the keys and the screen beneath are left be.
        assert drawn == {"part-timer", "timer-digits", "timer-words", "session-clock"}
        assert "9:56 left of 10:00" in screen_text(app)
        assert "Elapsed 0m03s" in screen_text(app)
        assert {"timer-digits", "timer-words", "session-clock"} <= {who for who, _ in redrawn}
        assert "part-timer" not in {who for who, _ in redrawn}
        assert [who for who, layout in redrawn if layout] == []

        # Read again within the same second: nothing on screen changes, nothing is redrawn.
        redrawn.clear()
        clock.advance(seconds=0.4)
        await settle(pilot)
        assert redrawn == []
        assert "9:56 left of 10:00" in screen_text(app)


def drawn_by_textual(widget: Widget) -> list:
    """``widget``'s lines as Textual's own layout of its words draws them."""
    visual = visualize(widget, widget.render())
    width, height = widget.size
    return [list(strip) for strip in Visual.to_strips(widget, visual, width, height,
                                                         widget.visual_style)]  # fmt: skip


async def test_the_timers_lines_are_drawn_as_textual_draws_them(build_app, clock):
    app = build_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await start(pilot)
        await pilot.press("space")
        # Running, paused (dimmed digits), then over time (another colour, a "+").
        for press, seconds in ((None, 3), ("space", 0), ("space", 11 * 60)):
            if press:
                await pilot.press(press)
            clock.advance(seconds=seconds)
            await settle(pilot)
            digits = app.screen.query_one("#timer-digits", BlockDigits)
            assert digits.scale > 0  # drawn in blocks, by the widget itself
            ticking = [w for w in app.screen.query(TickingText) if w.text and w.size.height]
            assert {"timer-words", "session-clock"} <= {w.id for w in ticking}
            for widget in (digits, *ticking):
                lines = [list(widget.render_line(y)) for y in range(widget.size.height)]
                assert lines == drawn_by_textual(widget), widget.id
        assert "OVER TIME" in screen_text(app)
