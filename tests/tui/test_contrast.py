"""Contrast on the rendered screen, in each theme: text at least 4.5:1 against what is
behind it, borders and large digits at least 3:1, read from Textual's SVG export."""

from __future__ import annotations

import pytest
from contrast import low_contrast
from driving import start
from screen_text import settle

from circlekeeper.sessions.settings.config import Config

NOT_YET = pytest.mark.xfail(
    strict=True,
    reason="Textual's own borders and muted text in this theme are below the thresholds "
    "(1.7-1.9:1 borders, 3.3-4.5:1 muted text); the high-contrast theme meets them",
)
THEMES = [
    pytest.param("textual-dark", marks=NOT_YET),
    pytest.param("textual-light", marks=NOT_YET),
    "circlekeeper-high-contrast",
]


async def shots(app, pilot, clock) -> dict[str, str]:
    """The screens a facilitator and the room see, as SVG, by name."""
    taken = {}
    await pilot.pause()
    taken["home"] = app.export_screenshot()
    await start(pilot)
    await pilot.press("space", "right_square_bracket")
    await settle(pilot)
    taken["run"] = app.export_screenshot()
    await pilot.press("v")
    await settle(pilot)
    taken["run, participant view"] = app.export_screenshot()
    await pilot.press("v", "r")
    await pilot.pause()
    taken["resources"] = app.export_screenshot()
    await pilot.press("escape", "e", "y")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    taken["summary"] = app.export_screenshot()
    return taken


@pytest.mark.parametrize("theme", THEMES)
async def test_every_text_and_border_stands_out_from_its_background(build_app, clock, theme):
    app = build_app(Config(theme=theme))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == theme
        background = app.current_theme.background or "#000000"
        found = {}
        for name, svg in (await shots(app, pilot, clock)).items():
            low = low_contrast(svg, background)
            if low:
                found[name] = low
        report = "\n".join(
            f"{name}: {f.char!r} {f.ratio}:1 (needs {f.needed}) in {f.line.strip()[:70]!r}"
            for name, findings in found.items()
            for f in findings[:400]
        )
        assert not found, report
