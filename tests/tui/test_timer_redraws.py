"""What a running timer redraws as a second turns: the figures that changed, and no layout."""

from __future__ import annotations

import pytest
from driving import start
from screen_text import screen_text, settle
from textual.widget import Widget

from circlekeeper.tui.screens.run_session import RunScreen


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


async def test_a_second_redraws_only_what_changed_without_a_layout(build_app, clock, redrawn):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("space")
        clock.advance(seconds=2.5)
        await settle(pilot)
        assert "9:57 left of 10:00" in screen_text(app)

        redrawn.clear()
        clock.advance(seconds=1)
        await settle(pilot)
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
