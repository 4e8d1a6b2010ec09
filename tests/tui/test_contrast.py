"""Contrast on the rendered screen, in each theme: text at least 4.5:1 against what is
behind it, borders and large digits at least 3:1, read from Textual's SVG export."""

from __future__ import annotations

import pytest
from contrast import low_contrast
from driving import start
from screen_text import settle

from circlekeeper.sessions.settings.config import Config

THEMES = ["textual-dark", "textual-light", "circlekeeper-high-contrast"]
SCREENS = {
    "home": "HomeScreen",
    "run, in a round": "RunScreen",
    "run, participant view": "RunScreen",
    "crisis": "CrisisScreen",
    "follow-through dialog": "FollowThroughDialog",
    "resources": "ResourcesScreen",
    "resources, participant view": "ResourcesScreen",
    "drop-box": "DropBoxScreen",
    "drop-box queue": "DropBoxQueueScreen",
    "debrief dialog": "DebriefDialog",
    "summary": "SummaryScreen",
}
"""What each shot must show: so a key that changed meaning cannot quietly skip a screen."""


async def shots(app, pilot) -> dict[str, tuple[str, str]]:
    """The screens a facilitator and the room see: by name, the screen's class and its SVG."""
    taken = {}

    async def take(name: str, *keys: str) -> None:
        await pilot.press(*keys)
        await settle(pilot)
        taken[name] = (type(app.screen).__name__, app.export_screenshot())

    await take("home")
    await start(pilot)
    await take("run, in a round", "space", "right_square_bracket")
    await take("run, participant view", "v")
    await take("crisis", "v", "exclamation_mark")
    await take("follow-through dialog", "escape")
    await take("resources", "escape", "r")
    await take("resources, participant view", "v")
    await take("drop-box", "v", "escape", "d", "ctrl+s")
    await take("drop-box queue", "m")
    await take("debrief dialog", "escape", "escape", "e", "y")
    await take("summary", "escape")
    return taken


@pytest.mark.parametrize("theme", THEMES)
async def test_every_text_and_border_stands_out_from_its_background(build_app, clock, theme):
    app = build_app(Config(theme=theme))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == theme
        background = app.current_theme.background or "#000000"
        found = {}
        taken = await shots(app, pilot)
        assert {name: screen for name, (screen, _) in taken.items()} == SCREENS
        for name, (_, svg) in taken.items():
            low = low_contrast(svg, background)
            if low:
                found[name] = low
        report = "\n".join(
            f"{name}: {f.char!r} {f.ratio}:1 (needs {f.needed}) in {f.line.strip()[:70]!r}"
            for name, findings in found.items()
            for f in findings[:400]
        )
        assert not found, report
