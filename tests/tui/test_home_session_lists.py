"""The home screen's session lists are built when their tab is first shown, not at launch."""

from __future__ import annotations

from driving import start
from screen_text import screen_text

from circlekeeper.tui.screens.home_labels import first_agendas
from circlekeeper.tui.widgets.pick_list import PickList


async def test_a_session_list_is_built_when_its_tab_is_first_shown(build_app, clock):
    first = build_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+q")
    clock.advance(minutes=5)

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume-list", PickList)
        # Counted in the tab's name, but no option made while the list is hidden.
        assert "Resume (1)" in screen_text(app)
        assert resume.option_count == 0
        await pilot.press("2")
        await pilot.pause()
        assert resume.option_count == 1
        assert resume.highlighted == 0
        assert "not started · last change" in screen_text(app)
        await pilot.press("f5")
        await pilot.pause()
        assert resume.option_count == 1
        assert app.screen.query_one("#past-list", PickList).option_count == 0


async def test_a_long_library_is_listed_whole_once_the_first_frame_is_drawn(build_app, settings):
    # More agendas of one's own than the first frame lists: the rest follow just after it.
    source = (settings.folders.templates / "test-circle.md").read_text(encoding="utf-8")
    # The screen below is 30 rows high.
    for n in range(first_agendas(30) + 29):
        (settings.folders.templates / f"zz-own-{n:02d}.md").write_text(
            source.replace("title: A test circle", f"title: Own circle {n:02d}"), encoding="utf-8"
        )
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        listed = home.query_one("#template-list", PickList)
        assert len(home.templates) > first_agendas(30) + 29
        assert listed.option_count == len(home.templates)
        await pilot.press("end")
        await pilot.pause()
        assert listed.highlighted == len(home.templates) - 1
        # Listed and previewed: the summary line is the preview's.
        assert "Own circle 44" in screen_text(app)
        assert "zz-own-44.md" in screen_text(app)
