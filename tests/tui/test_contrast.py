"""Contrast on the rendered screen, in each theme: text at least 4.5:1 against what is
behind it, borders and large digits at least 3:1, read from Textual's SVG export."""

from __future__ import annotations

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


async def shots(app, pilot) -> dict[tuple[str, str], tuple[str, str, str]]:
    """The screens a facilitator and the room see, each in every theme.

    By screen name and theme: the screen's class, the theme's background and the SVG.
    Each screen is reached once and drawn in each theme in turn, rather than walking the
    whole app once a theme; the turn starts from the theme last shown, since restyling
    every widget for a new theme is most of what a shot costs.
    """
    taken = {}

    async def take(name: str, *keys: str) -> None:
        await pilot.press(*keys)
        await settle(pilot)
        first = THEMES.index(app.theme)
        for theme in THEMES[first:] + THEMES[:first]:
            app.theme = theme
            await settle(pilot)
            background = app.current_theme.background or "#000000"
            taken[name, theme] = (type(app.screen).__name__, background, app.export_screenshot())

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


async def test_every_text_and_border_stands_out_from_its_background(build_app, clock):
    app = build_app(Config(theme=THEMES[0]))
    async with app.run_test(size=(120, 40)) as pilot:
        taken = await shots(app, pilot)
    assert {name: screen for (name, _), (screen, _, _) in taken.items()} == SCREENS
    assert {theme for _, theme in taken} == set(THEMES)
    found = {}
    for (name, theme), (_, background, svg) in taken.items():
        low = low_contrast(svg, background)
        if low:
            found[name, theme] = low
    report = "\n".join(
        f"{name} ({theme}): {f.char!r} {f.ratio}:1 (needs {f.needed}) in {f.line.strip()[:70]!r}"
        for (name, theme), findings in found.items()
        for f in findings[:400]
    )
    assert not found, report
