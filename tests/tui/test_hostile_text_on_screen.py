"""No character from a template, a note or an old session file can drive the terminal.

The app is driven with Pilot and what the compositor would send to the terminal is read
back: no ESC, BEL, C1 control or bidirectional override may be in it. A runaway title is
cut with an ellipsis rather than drawn whole.
"""

from __future__ import annotations

import re
from pathlib import Path

from driving import start
from screen_text import screen_text

from circlekeeper.sessions.settings.config import Settings
from circlekeeper.tui.screens.run_session import RunScreen

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE = (
    "# Circle \x1b]0;pwned\x07\n\nOpening \x1b]52;c;cHduZWQ=\x07 words\n\n"
    "## Welcome \x1b[2J (10 min)\n\n- Prompt \x9b31m and \u202eevil\n"
)


def _drawn(app) -> str:
    """Every segment the screen is drawn with, including the ones that style it."""
    return "".join(
        segment.text for strip in app.screen._compositor.render_strips() for segment in strip
    )


def _assert_plain(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})
    assert not found, f"drawn {found}"


async def test_the_home_screen_draws_no_control_character_and_cuts_a_long_title(
    build_app, settings: Settings
) -> None:
    folder = settings.folders.templates
    (folder / "aaa-hostile.md").write_text(HOSTILE, encoding="utf-8")
    long_title = "Long " + "x" * 200_000
    (folder / "aab-long.md").write_text(
        f"# {long_title}\n\n## One (10 min)\n\n- {'y' * 200_000}\n", encoding="utf-8"
    )
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _assert_plain(_drawn(app))
        assert "aaa-hostile  ⚠ has problems" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        drawn = _drawn(app)
        _assert_plain(drawn)
        assert "Long" in drawn and "xxx…" in drawn and "yyy…" in drawn
        assert "x" * 1000 not in drawn and "y" * 1000 not in drawn


async def test_the_run_screen_of_an_old_session_draws_no_control_character(
    build_app, settings: Settings
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, template="quiet-check-in")
        await pilot.press("n", *"note XNOTEX here", "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    # The session file as one written before text was made safe may hold it.
    for path in Path(settings.folders.data).rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("Arriving", "Arriving \\u001b]0;pwned\\u0007")
        text = text.replace("How are you today?", "How \\u001b[2J are \\u009b you \\u202etoday?")
        text = text.replace("XNOTEX", "\\u001b]52;c;cHduZWQ=\\u0007")
        path.write_text(text, encoding="utf-8")
    again = build_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        _assert_plain(_drawn(again))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(again.screen, RunScreen)
        drawn = _drawn(again)
        _assert_plain(drawn)
        assert "Arriving ␛]0;pwned␇" in drawn
        assert "␛]52;c;cHduZWQ=␇" in drawn
