"""At 80x24 a code too big for the window: the room sees the link, the facilitator the advice."""

from __future__ import annotations

from driving import start
from screen_text import flat, footer_text, screen_text, settle

from circlekeeper.sessions.settings.folders import ensure_private_dir
from circlekeeper.tui.screens.crisis import CrisisScreen
from circlekeeper.tui.screens.resources import ResourcesScreen

LINK = "https://www.example.org/publications/item/peer-support-at-work-9789240053052"
CRISIS = "https://crisis.example.org/lines/peer-support-at-work/any-hour/9789240053052"
AGENDA = f"""---
title: Long links
---

# Long links

## Welcome (10 min)

- How are you arriving today?

## Resources

- [A long read]({LINK})
- [Crisis line]({CRISIS}) (crisis)
"""


async def test_the_room_sees_the_link_and_the_crisis_footer_offers_no_crisis_key(
    build_app, settings
):
    folder = ensure_private_dir(settings.folders.templates)
    (folder / "long-links.md").write_text(AGENDA, encoding="utf-8")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, template="long-links")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ResourcesScreen)
        # The facilitator is told how to make room for the code.
        assert "Enlarge the window" in flat(screen_text(app))
        await pilot.press("v")
        await settle(pilot)
        shared = flat(screen_text(app))
        assert "Enlarge" not in shared and "window" not in shared
        assert "Link" in shared and LINK in shared
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, CrisisScreen)
        shared = flat(screen_text(app))
        assert "Enlarge" not in shared and CRISIS in shared
        # Back, to the facilitator view (and past the follow-through), then again.
        await pilot.press("escape", "v", "escape", "exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, CrisisScreen) and not app.participant_view
        assert "Enlarge the window" in flat(screen_text(app))
        # The crisis key brought this screen up: its footer does not offer it again.
        assert "Crisis" not in footer_text(app) and "Back" in footer_text(app)
